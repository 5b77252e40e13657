"""The site's build stamp (site/doccontrol-build.json, site/stamp.py) and the audit pack's use
of it: the pack takes each document's HTML page from site/ only when the stamp, written at the
end of a clean and successful `mkdocs build`, names the pack's head, a level at or below the
pack's, and no document the pack may not name. A stale, failed, dirty, higher-level or planted
site is left out and the pack says why. Real git, the real `mkdocs build`, the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body, cli
from site_helpers import mkdocs, site_repo

STAMP = "doccontrol-build.json"
INTERNAL = ("SM-P-05", "内部专用应急联络程序")
PACK_DAY = "2026-02-01"


def _scenario(tmp_path: Path, max_level: str = "internal") -> Scenario:
    """SM-P-01 (public) and SM-P-05 (internal) in the 2026-01-01 baseline; the site publishes
    up to ``max_level``."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.write(
        "docs/procedures/test.md",
        procedure(body=body("公开的目的。")).replace(
            "confidentiality: internal", "confidentiality: public"
        ),
    )
    builder.write(
        "docs/procedures/internal.md",
        procedure(doc_id=INTERNAL[0], title=INTERNAL[1], body=body("内部电话。")),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config("max_confidentiality: internal", f"max_confidentiality: {max_level}")
    s.git.commit("初始导入", date="2026-01-01T09:00:00+08:00")
    return site_repo(s, as_of=PACK_DAY)  # the day the packs below run to


def _head(s: Scenario) -> str:
    return s.git.run("rev-parse", "main")


def _pack(s: Scenario, out: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    made = cli(
        s.root, "audit-pack", "--from", "2026-01-01", "--to", PACK_DAY, "-o", str(out), *extra
    )
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as pack:
        entries = {n: pack.read(n) for n in pack.namelist()}
    return made, entries


def _left_out(entries: dict, reason: str) -> str:
    """The README line saying why the HTML was left out; PACK.json says the same."""
    assert not [n for n in entries if n.startswith("documents/html/")], sorted(entries)
    info = json.loads(entries["PACK.json"])["site_html"]
    assert info["included"] is False and info["reason"] == reason, info
    assert info["note"] in entries["README.txt"].decode()
    return info["note"]


def test_a_clean_build_stamps_the_site_and_the_pack_takes_its_pages(tmp_path):
    s = _scenario(tmp_path)
    built = mkdocs(s.root, s.root / "site")
    assert built.returncode == 0, built.stderr
    stamp = json.loads((s.root / "site" / STAMP).read_text())
    assert stamp["level"] == "internal" and stamp["head"] == _head(s)
    assert stamp["documents"] == ["SM-P-01", "SM-P-05"]
    assert len(stamp["as_of"]) == 10 and stamp["format"] == 1
    made, entries = _pack(s, tmp_path / "pack.zip")
    assert "网页版" not in made.stderr  # nothing to say when the pages are used
    page = entries["documents/html/SM-P-01.html"].decode()
    assert page == (s.root / "site/procedures/test/index.html").read_text()
    assert "documents/html/SM-P-05.html" in entries
    info = json.loads(entries["PACK.json"])["site_html"]
    assert info["included"] is True and info["reason"] == "used"
    assert f"按 internal 级、截至 {stamp['as_of']} 构建的站点" in entries["README.txt"].decode()


def test_a_site_built_at_a_lower_level_serves_a_higher_pack(tmp_path):
    s = _scenario(tmp_path, max_level="public")
    assert mkdocs(s.root, s.root / "site").returncode == 0
    assert json.loads((s.root / "site" / STAMP).read_text())["documents"] == ["SM-P-01"]
    _, entries = _pack(s, tmp_path / "pack.zip", "--max-confidentiality", "internal")
    # the internal document is in the pack as Markdown; the site never built its page
    assert "documents/html/SM-P-01.html" in entries
    assert "documents/SM-P-05 V1.0.md" in entries and "documents/html/SM-P-05.html" not in entries


def test_a_site_built_at_a_higher_level_is_left_out_and_the_pack_says_why(tmp_path):
    s = _scenario(tmp_path)
    assert mkdocs(s.root, s.root / "site").returncode == 0
    made, entries = _pack(s, tmp_path / "pack.zip", "--max-confidentiality", "public")
    note = _left_out(entries, "higher-level")
    assert "站点按 internal 级构建，高于本审核包的 public 级" in note
    assert note in made.stderr
    for name, data in entries.items():
        assert INTERNAL[0].encode() not in data and INTERNAL[1].encode() not in data, name


def test_a_stale_site_is_left_out_after_main_moves_on(tmp_path):
    s = _scenario(tmp_path)
    assert mkdocs(s.root, s.root / "site").returncode == 0
    built_from = _head(s)
    s.files.write("records/note.txt", "另一提交\n")
    s.git.commit("另一提交", date="2026-01-01T10:00:00+08:00")
    made, entries = _pack(s, tmp_path / "pack.zip")
    note = _left_out(entries, "other-head")
    assert built_from[:10] in note and _head(s)[:10] in note and note in made.stderr


def test_a_site_committed_to_the_repository_never_matches_its_head(tmp_path):
    """An author pushes a built site/ (stamp and all): the stamp names the commit before the
    one that holds it, never the head a pack is made from."""
    s = _scenario(tmp_path)
    assert mkdocs(s.root, s.root / "site").returncode == 0
    s.git.run("add", "-f", "site")
    s.git.commit("站点", date="2026-01-01T10:00:00+08:00")
    assert s.git.run("ls-files", f"site/{STAMP}") == f"site/{STAMP}"
    _, entries = _pack(s, tmp_path / "pack.zip")
    _left_out(entries, "other-head")


def test_a_site_without_a_stamp_or_with_a_forged_one_is_left_out(tmp_path):
    s = _scenario(tmp_path)
    site = s.root / "site"
    assert mkdocs(s.root, site).returncode == 0
    good = (site / STAMP).read_text()
    (site / STAMP).unlink()
    made, entries = _pack(s, tmp_path / "none.zip")
    assert STAMP in _left_out(entries, "missing") and STAMP in made.stderr
    # not what a build writes: not JSON, another format, a symbolic link to a good stamp
    for text in ("{", json.dumps({**json.loads(good), "format": 2}), json.dumps([good])):
        (site / STAMP).write_text(text)
        _left_out(_pack(s, tmp_path / "bad.zip")[1], "missing")
    (site / STAMP).unlink()
    (tmp_path / "elsewhere.json").write_text(good)
    (site / STAMP).symlink_to(tmp_path / "elsewhere.json")
    _left_out(_pack(s, tmp_path / "link.zip")[1], "missing")
    # a stamp claiming a level doccontrol.yml does not know
    (site / STAMP).unlink()
    (site / STAMP).write_text(json.dumps({**json.loads(good), "level": "nobody"}))
    _left_out(_pack(s, tmp_path / "unknown.zip")[1], "higher-level")


def test_a_site_naming_documents_the_pack_may_not_name_is_left_out(tmp_path):
    """Same head, same level, but the work tree held another document when the site was
    built (never committed, since removed): its navigation names what the pack cannot."""
    s = _scenario(tmp_path)
    extra = s.files.write(
        "docs/procedures/draft.md", procedure(doc_id="SM-P-09", title="草稿程序", body=body())
    )
    assert mkdocs(s.root, s.root / "site").returncode == 0
    assert "SM-P-09" in json.loads((s.root / "site" / STAMP).read_text())["documents"]
    extra.unlink()
    _, entries = _pack(s, tmp_path / "pack.zip")
    _left_out(entries, "other-documents")


def test_a_failed_or_dirty_build_leaves_no_stamp(tmp_path):
    s = _scenario(tmp_path)
    site = s.root / "site"
    assert mkdocs(s.root, site).returncode == 0 and (site / STAMP).is_file()
    # a strict build that fails (a change on main nobody approved) removes the earlier stamp
    doc = s.root / "docs/procedures/internal.md"
    doc.write_text(doc.read_text().replace("内部电话。", "内部电话已更新。"))
    s.git.commit("直接修改", who="zhouqiang", date="2026-01-20T10:00:00+08:00")
    failed = mkdocs(s.root, site, strict=True)
    assert failed.returncode != 0
    assert not (site / STAMP).exists()
    assert mkdocs(s.root, site).returncode == 0 and (site / STAMP).is_file()
    # MkDocs' own --strict aborts after every post-build step on a warning (here: Mermaid
    # not vendored): the stamp written at the end of the build is removed again
    (s.root / ".cache/vendor/mermaid.min.js").rename(tmp_path / "mermaid.min.js")
    aborted = _mkdocs(s.root, "build", "--strict", "-d", str(site))
    assert aborted.returncode != 0 and "Aborted with" in aborted.stderr, aborted.stderr
    assert (site / "procedures/test/index.html").is_file()  # the pages were all written
    assert not (site / STAMP).exists()
    (tmp_path / "mermaid.min.js").rename(s.root / ".cache/vendor/mermaid.min.js")
    assert mkdocs(s.root, site).returncode == 0 and (site / STAMP).is_file()
    # a dirty build keeps pages of earlier builds: it is never stamped
    dirty = _mkdocs(s.root, "build", "--dirty", "-d", str(site))
    assert dirty.returncode == 0, dirty.stderr
    assert not (site / STAMP).exists()
    _left_out(_pack(s, tmp_path / "pack.zip")[1], "missing")


def _mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCCONTROL_STRICT": "false"},
        capture_output=True,
        text=True,
        check=False,
    )
    done.stderr = done.stdout + done.stderr  # MkDocs logs to either stream
    return done


def test_a_pack_without_a_built_site_says_so(tmp_path):
    s = _scenario(tmp_path)
    shutil.rmtree(s.root / "site", ignore_errors=True)
    made, entries = _pack(s, tmp_path / "pack.zip")
    note = _left_out(entries, "no-site")
    assert note not in made.stderr  # nothing was left out: no note on the terminal


def test_a_site_built_for_another_day_is_left_out_and_the_pack_says_why(tmp_path):
    """Each page gives the text in force on its build's day: a pack running to another day
    would hold pages that contradict its own register."""
    s = _scenario(tmp_path)
    assert mkdocs(s.root, s.root / "site").returncode == 0
    made = cli(
        s.root,
        "audit-pack",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-20",
        "-o",
        str(tmp_path / "p.zip"),
    )
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(tmp_path / "p.zip") as pack:
        entries = {n: pack.read(n) for n in pack.namelist()}
    note = _left_out(entries, "other-day")
    assert PACK_DAY in note and "2026-01-20" in note and note in made.stderr


def test_a_branch_build_whose_own_inputs_are_not_mains_is_not_stamped(tmp_path):
    """A review build of a branch that changes mkdocs.yml runs that file (its hooks, its nav):
    it passes, strict too, but vouches for nothing, since the stamp names main's head."""
    s = _scenario(tmp_path)
    site = s.root / "site"
    s.git.run("checkout", "-q", "-b", "cr-site")
    yml = s.root / "mkdocs.yml"
    yml.write_text(yml.read_text("utf-8").replace("site_name:", "site_name: 评审版", 1), "utf-8")
    s.git.commit("修改站点名称", who="zhaolei")
    built = mkdocs(s.root, site, strict=True)
    assert built.returncode == 0, built.stderr
    assert (site / "procedures/test/index.html").is_file() and not (site / STAMP).exists()
    s.git.run("checkout", "-q", "main")
    assert mkdocs(s.root, site, strict=True).returncode == 0 and (site / STAMP).is_file()


def test_an_as_of_from_the_environment_is_stamped_as_mains_build(tmp_path):
    """DOCCONTROL_AS_OF gives the day without editing mkdocs.yml: the build is main's own,
    stamped with that day, where an edited mkdocs.yml's build is not stamped."""
    s = _scenario(tmp_path)
    site = s.root / "site"
    env = {**os.environ, "DOCCONTROL_AS_OF": "2026-02-01", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
        cwd=s.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads((site / STAMP).read_text("utf-8"))["as_of"] == "2026-02-01"
