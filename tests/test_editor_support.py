"""Editor wiring: records and the config tell YAML-language-server editors (VS Code with
redhat.vscode-yaml, Neovim, JetBrains…) their schema, so authors get completion and inline errors.
The paths are followed here as an editor follows them, and the schemas they reach validate the
files with check-jsonschema, a validator independent of doccontrol's own."""

from __future__ import annotations

import datetime
import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

from builders import PROJECT

BIN = Path(sys.executable).parent
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
SHIPPED_RECORDS = sorted(
    p.relative_to(PROJECT).as_posix()
    for p in (PROJECT / "records").glob("*/*")
    if p.suffix in (".yaml", ".yml")
)


def modeline_target(record: Path) -> Path:
    first = record.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{record}: first line is not a schema modeline: {first!r}"
    return (record.parent / match[1]).resolve()


def check_jsonschema(
    schema: Path, *files: Path | str, cwd: Path = PROJECT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, files)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_record_names_its_schema_on_the_first_line(repo):
    result = subprocess.run(
        [sys.executable, "-m", "doccontrol", "new-record", "incident", "--date", "2026-05-01"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    record = repo.root / "records/incident/INC-2026-0001.yaml"
    target = modeline_target(record)
    assert target == (repo.root / "schemas/records/incident.schema.json").resolve()
    assert target.is_file()
    # the schema the editor finds says what doccontrol says: the stub is incomplete…
    assert check_jsonschema(target, record, cwd=repo.root).returncode == 1
    # …and once the author fills it in, both accept it
    text = record.read_text(encoding="utf-8")
    text = text.replace("title:  #", "title: 数据库连接超时  #").replace(
        "priority:  #", "priority: P2  #"
    )
    record.write_text(text, encoding="utf-8")
    assert check_jsonschema(target, record, cwd=repo.root).returncode == 0
    check = subprocess.run(
        [sys.executable, "-m", "doccontrol", "check", "records/incident/INC-2026-0001.yaml"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout


def test_every_shipped_record_names_its_own_schema():
    assert len(SHIPPED_RECORDS) > 40
    for rel in SHIPPED_RECORDS:
        record_type = PurePosixPath(rel).parts[1]
        target = modeline_target(PROJECT / rel)
        assert target == (PROJECT / f"schemas/records/{record_type}.schema.json").resolve(), rel
        assert target.is_file()


def vscode_schemas() -> dict[str, list[str]]:
    settings = json.loads((PROJECT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping: dict[str, str | list[str]] = settings["yaml.schemas"]
    return {k: [v] if isinstance(v, str) else v for k, v in mapping.items()}


def test_vscode_settings_map_every_record_type_and_the_config_to_existing_schemas():
    mapping = vscode_schemas()
    for schema in mapping:
        assert (PROJECT / schema).is_file(), f"{schema} does not exist"
    record_schemas = {
        f"./schemas/records/{p.name}" for p in (PROJECT / "schemas/records").glob("*.schema.json")
    }
    assert record_schemas <= set(mapping)
    assert mapping["./schemas/config.schema.json"] == ["doccontrol.yml"]
    # every shipped record is matched by exactly one glob (paths from the workspace root), and
    # it is its own type's schema
    for rel in SHIPPED_RECORDS:
        matched = [
            s for s, globs in mapping.items() if any(fnmatch.fnmatchcase(rel, g) for g in globs)
        ]
        record_type = PurePosixPath(rel).parts[1]
        assert matched == [f"./schemas/records/{record_type}.schema.json"], rel
    extensions = json.loads((PROJECT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def _plain(value: object) -> object:
    """YAML data as JSON sees it: dates as the text written (as check-jsonschema reads them)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_the_mapped_schemas_validate_the_shipped_files():
    from jsonschema import Draft202012Validator
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    for schema, globs in vscode_schemas().items():
        files = sorted({p for g in globs for p in PROJECT.glob(g)})
        if schema.endswith("/acknowledgement.schema.json"):
            # written only by `doccontrol ack`, each in its person's own commit: none shipped
            continue
        assert files, f"{schema}: no file matches {globs}"
        validator = Draft202012Validator(
            json.loads((PROJECT / schema).read_text(encoding="utf-8")),
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for path in files:
            errors = [e.message for e in validator.iter_errors(_plain(yaml.load(path)))]
            assert errors == [], f"{path.relative_to(PROJECT)}: {errors}"
    # check-jsonschema, as an editor-independent CLI, agrees on the config and a record type
    assert (
        check_jsonschema(PROJECT / "schemas/config.schema.json", "doccontrol.yml").returncode == 0
    )
    incidents = sorted((PROJECT / "records/incident").glob("*.yaml"))
    result = check_jsonschema(PROJECT / "schemas/records/incident.schema.json", *incidents)
    assert result.returncode == 0, result.stdout


def test_a_wrong_value_is_refused_by_the_mapped_schema(tmp_path):
    source = (PROJECT / "records/incident/INC-2026-0012.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "INC-2026-0012.yaml"
    broken.write_text(re.sub(r"^priority: .*$", "priority: P7", source, flags=re.MULTILINE))
    result = check_jsonschema(PROJECT / "schemas/records/incident.schema.json", broken)
    assert result.returncode == 1 and "P7" in result.stdout


def test_config_schema_for_editors_is_the_one_doccontrol_validates_with():
    from importlib import resources

    shipped = resources.files("doccontrol").joinpath("schemas/config.schema.json").read_bytes()
    assert (PROJECT / "schemas/config.schema.json").read_bytes() == shipped
    # the config's own header names it, as a path from the config's folder
    lines = (PROJECT / "doccontrol.yml").read_text(encoding="utf-8").splitlines()
    match = MODELINE.match(lines[0])
    assert match and (PROJECT / match[1]).is_file()
    # every path in the header comment, from the repository (or from the installed package)
    header = [line for line in lines if line.startswith("#")][:4]
    for path in re.findall(r"[\w/.-]+\.schema\.json", "\n".join(header)):
        assert (PROJECT / path).is_file() or (PROJECT / "tools" / path).is_file(), path
    assert check_jsonschema(PROJECT / match[1], PROJECT / "doccontrol.yml").returncode == 0
