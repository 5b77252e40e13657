"""Red team 5: `mkdocs serve` reusing the generated pages (site/reuse.py, fce94e8).

Held to the definition the brief gives: after any edit, the generated pages (and the suspects)
a serve rebuild uses are what a *fresh* build makes of the same files. "Fresh" here is a new
plugin, started as `mkdocs build` starts it, on the same work tree: not the rebuild's own site
made again (tests/site/test_reuse.py does that), since the rebuild's site is itself made from
what the plugin kept (the previous load, the compiled templates). Real repositories under Git,
the real MkDocs configuration, no mocks; a file's modification time is put back with os.utime
where an attack needs it (deterministic, no sleeping)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config

from builders import procedure
from doccontrol.adapters.mkdocs_plugin import DocControlPlugin
from doccontrol.site import model
from doccontrol.site.templates import PACKAGE_TEMPLATES
from site_helpers import site_repo

PAGE = "docs/procedures/test.md"
OTHER = "docs/procedures/other.md"
SCHEMA = "schemas/records/incident.schema.json"
OPTIONS = {"as_of": "2026-06-01"}  # one day for every build: nothing depends on the clock


def _built(plugin: DocControlPlugin, root: Path, site_dir: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    plugin.on_config(config)


def fresh(
    root: Path,
    site_dir: Path,
    options: dict[str, str] | None = None,
    command: str = "build",
) -> DocControlPlugin:
    """A new plugin building ``root`` once, as `mkdocs build` (or a first `mkdocs serve`,
    whose preview shows the work tree's record schemas, as its text) does."""
    plugin = DocControlPlugin()
    errors, _warnings = plugin.load_config(dict(options or OPTIONS), str(root / "mkdocs.yml"))
    assert not errors
    plugin.on_startup(command=command, dirty=False)
    _built(plugin, root, site_dir)
    return plugin


class Serve:
    """One plugin kept across rebuilds, as `mkdocs serve` keeps it; each rebuild is held to a
    fresh build of the same files."""

    def __init__(self, root: Path, tmp: Path) -> None:
        self.root, self.tmp = root, tmp
        self.options = dict(OPTIONS)
        self.plugin = DocControlPlugin()
        self.configure()
        self.plugin.on_startup(command="serve", dirty=False)
        self.pages: dict[str, tuple[str, str]] = {}
        self.n = 0

    def configure(self, **options: str) -> None:
        """The plugin's options (mkdocs.yml's `plugins: doccontrol:` block), read again as serve
        reads them on every rebuild."""
        self.options.update(options)
        errors, _warnings = self.plugin.load_config(
            dict(self.options), str(self.root / "mkdocs.yml")
        )
        assert not errors

    def rebuild(self) -> tuple[bool, dict[str, tuple[str, str]]]:
        """Builds again: (whether the pages were reused, the pages a fresh build makes)."""
        self.n += 1
        before = self.pages
        _built(self.plugin, self.root, self.tmp / f"serve-{self.n}")
        self.pages = self.plugin.generated
        # held to a fresh serve: a controlled build leaves out a record type whose schema the
        # work tree changed (publishing.unsettled_record_types), a preview shows it
        other = fresh(self.root, self.tmp / f"fresh-{self.n}", self.options, "serve")
        self.fresh_site = other.site
        return self.pages is before, other.generated

    def check(self, note: str) -> bool:
        """Rebuild; the pages and the suspects must be a fresh build's. Whether reused."""
        reused, made_fresh = self.rebuild()
        assert differing(self.pages, made_fresh) == [], note
        assert self.plugin.site is not None and self.fresh_site is not None
        assert self.plugin.site.suspects == self.fresh_site.suspects, note
        return reused


def differing(a: dict[str, tuple[str, str]], b: dict[str, tuple[str, str]]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def same_stamp_edit(path: Path, old: str, new: str) -> None:
    """Rewrite ``old`` as ``new`` (the same number of bytes), the modification time put back:
    what restoring a file from a tar or zip archive (whole-second times), `cp -p`, `rsync -t`
    or two writes within one clock tick leave behind. The change time does move."""
    assert len(old.encode()) == len(new.encode())
    before = os.stat(path)
    edit(path, old, new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert after.st_ctime_ns != before.st_ctime_ns or after.st_ino == before.st_ino


# --- holes ------------------------------------------------------------------------------------


def test_a_document_made_secret_in_place_leaves_the_registers(scenario, tmp_path):
    """The author makes a published procedure secret with an edit of the same length
    (`internal` → `"secret"`) whose modification time ends up as before. The loader's
    (mtime_ns, size) stamp says "unchanged", so serve keeps the old Document object, PageInputs
    keeps its remembered part, and the pages are reused: the secret document's id and title
    stay in the register, the nav and every page. A fresh build leaves it out."""
    s = site_repo(scenario)
    s.files.write(OTHER, procedure("SM-P-02", title="机密的程序"))
    s.git.commit("第二个程序", date="2026-01-01T12:00:00+08:00")
    serve = Serve(s.root, tmp_path)
    serve.rebuild()
    assert "机密的程序" in serve.pages[model.REGISTER_SRC][1]

    same_stamp_edit(s.root / OTHER, "confidentiality: internal", 'confidentiality: "secret"')
    _reused, made_fresh = serve.rebuild()
    assert "机密的程序" not in made_fresh[model.REGISTER_SRC][1]
    assert "机密的程序" not in serve.pages[model.REGISTER_SRC][1], "secret title still served"


def test_a_record_type_schema_rewritten_in_place_is_read_again(scenario, tmp_path):
    """New in fce94e8: record types are reused by the same (mtime_ns, size) stamp. A schema
    rewritten to the same length with its modification time put back keeps the old record
    type: the form page and the record pages keep the old name, a fresh build shows the new."""
    s = site_repo(scenario)
    s.files.record()
    s.git.commit("一条记录", date="2026-01-01T12:00:00+08:00")
    serve = Serve(s.root, tmp_path)
    serve.rebuild()
    # the schema is JSON with ensure_ascii=False: 事件记录 → 故障记录, the same bytes long
    same_stamp_edit(s.root / SCHEMA, '"name": "事件记录"', '"name": "故障记录"')
    _reused, made_fresh = serve.rebuild()
    assert any("故障记录" in text for _title, text in made_fresh.values())
    assert differing(serve.pages, made_fresh) == []


def test_a_partial_an_override_includes_is_part_of_the_key(scenario, tmp_path):
    """An approved override (doccontrol/home.html) includes a partial from the custom_dir
    (`{% include "dc-parts/notice.html" %}`), as adopters split templates. reuse._overrides
    fingerprints doccontrol/*.html only: editing the partial changes no input the key sees, so
    serve keeps the old home page while Jinja (and a fresh build) would render the new one."""
    s = _with_custom_dir(scenario)
    serve = Serve(s.root, tmp_path)
    serve.rebuild()
    assert "告示甲" in serve.pages[model.HOME_SRC][1]

    (s.root / "overrides/dc-parts/notice.html").write_text(
        '<p class="dc-notice">告示乙：本站已停用</p>\n', encoding="utf-8"
    )
    _reused, made_fresh = serve.rebuild()
    assert "告示乙" in made_fresh[model.HOME_SRC][1]
    assert differing(serve.pages, made_fresh) == []


def test_an_override_rewritten_with_its_old_time_is_rendered_anew(scenario, tmp_path):
    """The key sees the override's bytes change (reuse._overrides hashes them) and the pages
    are made again, but with the templates compiled by the last build: Jinja reloads a
    template only when its modification time differs, so the old wording is rendered. A fresh
    build renders the new one. (Root: _compiled_templates keyed by names, not contents.)"""
    s = _with_custom_dir(scenario)
    serve = Serve(s.root, tmp_path)
    serve.rebuild()
    home = s.root / "overrides/doccontrol/home.html"
    before = os.stat(home)
    edit(home, "首页甲", "首页乙：已改为新的说明")  # another length: only the time is put back
    os.utime(home, ns=(before.st_atime_ns, before.st_mtime_ns))
    reused, made_fresh = serve.rebuild()
    assert not reused  # the key did change
    assert "首页乙" in made_fresh[model.HOME_SRC][1]
    assert differing(serve.pages, made_fresh) == []


def _with_custom_dir(scenario):
    """The scenario with a controlled custom_dir whose doccontrol/home.html (approved: committed
    before control began) includes a partial."""
    s = site_repo(scenario)
    mkdocs_yml = s.root / "mkdocs.yml"
    edit(mkdocs_yml, "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    s.set_config("approval:\n", "approval:\n  controlled_paths: [overrides/]\n")
    shipped = (PACKAGE_TEMPLATES / "doccontrol/home.html").read_text(encoding="utf-8")
    s.files.write(
        "overrides/doccontrol/home.html",
        '<p class="dc-home">首页甲</p>\n{% include "dc-parts/notice.html" %}\n' + shipped,
    )
    s.files.write("overrides/dc-parts/notice.html", '<p class="dc-notice">告示甲</p>\n')
    s.git.commit("首页模板", date="2026-01-01T12:00:00+08:00")  # before control began
    return s


# --- attacks that held ------------------------------------------------------------------------


def test_edits_of_every_kind_are_seen_by_the_next_rebuild(scenario, tmp_path):
    """One serve session through the edits an author makes (each changes a file's size, as real
    edits do): every rebuild's pages and suspects are a fresh build's."""
    s = site_repo(scenario)
    s.files.write(OTHER, procedure("SM-P-02", title="另一程序"))
    record = s.files.record(extra="procedure: SM-P-02\n")
    s.git.commit("第二个程序和一条记录", date="2026-01-01T12:00:00+08:00")
    serve = Serve(s.root, tmp_path)
    assert not serve.check("first build")
    assert serve.check("nothing changed")
    page, other = s.root / PAGE, s.root / OTHER

    edit(page, "目的的内容。", "目的的内容，措辞改了。")
    assert serve.check("wording only")
    edit(page, "目的的内容，措辞改了。", "目的的内容，见 [另一程序](doc:SM-P-02)。")
    serve.check("a doc: link")
    # a manual's mapping table names an id: read whatever the type (reuse._document)
    edit(page, "目的的内容，见", "| SM-P-02 | 映射 |\n|---|---|\n\n目的的内容，见")
    serve.check("a table naming an id")
    edit(other, "confidentiality: internal", "confidentiality: secret")
    serve.check("made secret")
    assert "另一程序" not in serve.pages[model.REGISTER_SRC][1]
    assert not any("另一程序" in text for _t, text in serve.pages.values())
    edit(other, "confidentiality: secret", "confidentiality: internal")
    serve.check("made internal again (it was secret in the work tree only)")
    edit(record, "title: 数据库连接超时", "title: 数据库连接超时（已改）")
    serve.check("a record's title")
    edit(record, "priority: P2", "priority: P2\nconfidentiality: secret")
    serve.check("a record made secret")
    assert not any("（已改）" in text for _t, text in serve.pages.values())
    s.files.record("INC-2026-0002")
    serve.check("a record added")
    (s.root / "records/incident/INC-2026-0002.yaml").unlink()
    serve.check("a record removed")
    (s.root / "docs/procedures/link.md").symlink_to("test.md")
    serve.check("a symlink appears in docs/")
    (s.root / "docs/procedures/link.md").unlink()
    (s.root / "records/incident/INC-2026-0009.yaml").symlink_to("INC-2026-0001.yaml")
    serve.check("a symlink appears in records/")
    (s.root / "records/incident/INC-2026-0009.yaml").unlink()
    schema = s.root / SCHEMA
    edit(schema, '"name": "事件记录"', '"name": "事件与故障记录"')
    serve.check("a record type renamed")
    edit(schema, '"procedure": "SM-P-01"', '"procedure": "SM-P-02"')
    serve.check("a record type's procedure")
    s.set_config("max_confidentiality: internal", "max_confidentiality: public")
    serve.check("the publishing level lowered in the work tree")
    s.set_config("max_confidentiality: public", "max_confidentiality: internal")
    serve.check("and back")
    config = s.root / "doccontrol.yml"
    config.write_text(config.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    assert not serve.check("the site's language")
    mkdocs_yml = s.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(text + "use_directory_urls: false\n", encoding="utf-8")
    serve.check("use_directory_urls")
    mkdocs_yml.write_text(text + "repo_url: https://git.example/it/docs\n", encoding="utf-8")
    serve.check("repo_url")
    mkdocs_yml.write_text(text, encoding="utf-8")
    serve.check("mkdocs.yml as it was")
    serve.configure(as_of="2027-02-01")  # past SM-P-02's review date
    assert not serve.check("another day (the review is due)")
    serve.configure(as_of="2026-06-01")
    serve.check("back")
    other.unlink()
    serve.check("a document deleted from the work tree")
    s.git.commit("删除", date="2026-01-12T09:00:00+08:00")
    assert not serve.check("the deletion committed (the history moved on)")


def test_history_moves_are_seen(scenario, tmp_path):
    """Approval merged, then taken back (main reset: the approval is gone), review notes added
    and removed, .mailmap committed, another branch checked out, the history cache removed."""
    s = site_repo(scenario)
    serve = Serve(s.root, tmp_path)
    serve.check("first build")
    base = s.git.head()
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", title="测试程序（修订）", effective_date="2026-02-01")
    s.git.commit("修订", who="zhaolei", date="2026-01-10T10:00:00+08:00")
    serve.check("work on a branch (main unchanged)")
    s.git.merge("cr-1", "修订测试程序", date="2026-01-11T10:00:00+08:00")
    assert not serve.check("approved by merge")
    s.git.run("reset", "-q", "--hard", base)
    assert not serve.check("the approval taken back (main reset)")
    s.git.run("notes", "--ref=refs/notes/doccontrol", "add", "-m", "{}", "HEAD")
    serve.check("a review note")
    s.git.run("notes", "--ref=refs/notes/doccontrol", "remove", "HEAD")
    serve.check("the note removed")
    s.files.write(".mailmap", "王芳 <wangfang@alias.example> <wangfang@example.com>\n")
    serve.check(".mailmap in the work tree only")
    s.git.commit(".mailmap", date="2026-01-12T10:00:00+08:00")
    serve.check(".mailmap committed")
    s.git.run("remote", "add", "origin", "https://github.com/it-sms/documents.git")
    serve.check("a GitHub remote (its notices)")
    cache = Path(s.git.run("rev-parse", "--git-path", "doccontrol"))
    cache = cache if cache.is_absolute() else s.root / cache
    for name in ("history.json", "state.json"):
        (cache / name).unlink(missing_ok=True)
    serve.check("the history cache removed")


def test_a_clean_build_never_reuses(scenario, tmp_path):
    """`mkdocs build` (clean or --dirty) and gh-deploy: one build per process, and even a second
    on_config on the same plugin (no such thing happens, but if it did) makes its pages again
    and fingerprints nothing."""
    s = site_repo(scenario)
    for command, dirty in (("build", False), ("build", True), ("gh-deploy", False)):
        plugin = DocControlPlugin()
        plugin.load_config(dict(OPTIONS), str(s.root / "mkdocs.yml"))
        plugin.on_startup(command=command, dirty=dirty)
        _built(plugin, s.root, tmp_path / f"{command}-{dirty}-1")
        first = plugin.generated
        _built(plugin, s.root, tmp_path / f"{command}-{dirty}-2")
        assert plugin.generated is not first and plugin.generated == first
        assert plugin._last is None
