"""The compiled catalogue cache: used only when written from exactly the TOML files' bytes."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

from doccontrol import catalogue

SHIPPED = Path(catalogue.__file__).parent


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    for toml in SHIPPED.glob("*.toml"):
        shutil.copy(toml, folder / toml.name)
    return folder


def test_the_cache_holds_what_parsing_gives_and_is_read_back(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cache = tmp_path / "cache" / "catalogue.marshal"
    parsed = catalogue.read_folder(str(folder), str(cache), write=True)
    assert cache.is_file()
    assert parsed == {k: dict(v) for k, v in catalogue.load().entries.items()}
    # a cache whose key matches is what the next process reads: change a text inside it
    key, entries = marshal.loads(cache.read_bytes())
    entries["cli.error"] = {"zh": "缓存", "en": "cached"}
    cache.write_bytes(marshal.dumps((key, entries)))
    assert catalogue.read_folder(str(folder), str(cache), write=True)["cli.error"]["en"] == "cached"


def test_a_changed_toml_file_is_parsed_again(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cache = tmp_path / "catalogue.marshal"
    catalogue.read_folder(str(folder), str(cache), write=True)
    cli = folder / "cli.toml"
    cli.write_text(
        cli.read_text(encoding="utf-8").replace("doccontrol: error:", "doccontrol: failed:"),
        encoding="utf-8",
    )
    again = catalogue.read_folder(str(folder), str(cache), write=True)
    assert again["cli.error"]["en"] == "doccontrol: failed: {text}"
    # and the cache now holds the new text
    assert marshal.loads(cache.read_bytes())[1]["cli.error"]["en"] == "doccontrol: failed: {text}"


def test_a_damaged_or_unwritable_cache_only_means_parsing(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cache = tmp_path / "catalogue.marshal"
    cache.write_bytes(b"\x00not marshal")
    assert catalogue.read_folder(str(folder), str(cache), write=True)["cli.error"]
    blocked = tmp_path / "file" / "catalogue.marshal"
    (tmp_path / "file").write_text("a file where the cache folder would be")
    assert catalogue.read_folder(str(folder), str(blocked), write=True)["cli.error"]


def test_nothing_is_written_when_bytecode_is_not(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cache = tmp_path / "catalogue.marshal"
    catalogue.read_folder(str(folder), str(cache), write=False)
    assert not cache.exists()
