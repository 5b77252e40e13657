"""`mkdocs serve` rebuilds reuse the generated pages (registers, trail, record pages, forms…)
while nothing they are made from changed (site/reuse.py), and make them afresh otherwise.
Held to the definition: after every edit below, the pages the rebuild uses are the pages made
fresh from the same files. A real repository under Git and the real MkDocs configuration; the
plugin is kept between rebuilds, as `mkdocs serve` keeps it."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from mkdocs.config import load_config

from builders import procedure
from doccontrol.adapters.mkdocs_plugin import DocControlPlugin
from doccontrol.site import model, pages, reuse
from site_helpers import site_repo

PAGE = "docs/procedures/test.md"
OTHER = "docs/procedures/other.md"


class Serve:
    """One plugin, rebuilt like `mkdocs serve` does: the configuration loaded again each time."""

    def __init__(self, root: Path, site_dir: Path, command: str = "serve") -> None:
        self.root, self.site_dir = root, site_dir
        self.plugin = DocControlPlugin()
        errors, _warnings = self.plugin.load_config({}, str(root / "mkdocs.yml"))
        assert not errors
        self.plugin.on_startup(command=command, dirty=False)
        self.pages: dict[str, tuple[str, str]] = {}

    def rebuild(self) -> bool:
        """Builds again; whether the generated pages were reused. Either way they must be
        what a fresh site makes of the same files."""
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir))
        before = self.pages
        self.plugin.on_config(config)
        self.pages = self.plugin.generated
        site = self.plugin.site
        assert site is not None
        fresh = pages.generated_pages(dataclasses.replace(site, suspects_found=None))
        assert self.pages == fresh
        return self.pages is before


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_are_reused_only_while_their_inputs_stay_the_same(scenario, tmp_path):
    s = site_repo(scenario)
    s.files.write(OTHER, procedure("SM-P-02", title="另一程序"))
    record = s.files.record()
    s.git.commit("第二个程序和一条记录", date="2026-01-01T12:00:00+08:00")
    serve = Serve(s.root, tmp_path / "site")
    assert not serve.rebuild()  # the first build makes them
    first = serve.plugin.site.history if serve.plugin.site else None
    assert first is not None

    assert serve.rebuild(), "nothing changed"
    assert serve.plugin.site is not None and serve.plugin.site.history is first  # kept
    page = s.root / PAGE
    edit(page, "目的的内容。", "目的的内容，措辞改了。")
    assert serve.rebuild(), "only the wording of a document changed"

    edit(page, "title: 测试程序", "title: 改名后的程序")
    assert not serve.rebuild()  # (the register keeps the approved title: equal to fresh)

    # a reference in the text: the impact analysis reads it, so the pages are made again
    edit(page, "目的的内容，措辞改了。", "目的的内容，见 [另一程序](doc:SM-P-02)。")
    assert not serve.rebuild()
    assert serve.rebuild()

    edit(record, "title: 数据库连接超时", "title: 数据库连接超时（已改）")
    assert not serve.rebuild()
    assert any("（已改）" in text for _title, text in serve.pages.values())

    edit(page, "目的的内容，", "目的的内容（再改）")
    s.git.commit("一次提交", date="2026-01-12T09:00:00+08:00")
    assert not serve.rebuild(), "the history moved on"
    assert serve.plugin.site is not None and serve.plugin.site.history is not first

    # a document made secret: it leaves the registers at once
    edit(s.root / OTHER, "confidentiality: internal", "confidentiality: secret")
    assert not serve.rebuild()
    assert "另一程序" not in serve.pages[model.REGISTER_SRC][1]


def built_site(scenario, tmp_path):  # type: ignore[no-untyped-def]
    """The site of one serve build of the scenario."""
    serve = Serve(site_repo(scenario).root, tmp_path / "site")
    serve.rebuild()
    assert serve.plugin.site is not None
    return serve.plugin.site


def test_the_key_tells_apart_what_prints_differently(scenario, tmp_path):
    site = built_site(scenario, tmp_path)
    inputs = reuse.PageInputs()
    doc = site.repo.documents[0]

    def with_meta(**changed: object):  # type: ignore[no-untyped-def]
        changed_doc = dataclasses.replace(doc, meta={**doc.meta, **changed})
        repo = dataclasses.replace(site.repo, documents=(changed_doc,))
        return dataclasses.replace(site, repo=repo)

    # equal in Python, shown differently: YAML's 1 and true, 1 and 1.0
    assert inputs.key(with_meta(review_interval_months=1)) != inputs.key(
        with_meta(review_interval_months=True)
    )
    assert inputs.key(with_meta(review_interval_months=1)) != inputs.key(
        with_meta(review_interval_months=1.0)
    )
    assert inputs.key(site) == inputs.key(site)
    assert inputs.key(site) != inputs.key(
        # another day (replacing the day with the 2nd was the same day on the 2nd of a month)
        dataclasses.replace(site, as_of=site.as_of + datetime.timedelta(days=1))
    )

    # a history that cannot say what it was derived from is never taken as the same
    assert site.history is not None and site.history.derived_from
    unknown = dataclasses.replace(site, history=dataclasses.replace(site.history, derived_from=""))
    assert inputs.key(unknown) != inputs.key(unknown)


def test_an_override_template_edited_or_added_changes_the_key(scenario, tmp_path):
    site = built_site(scenario, tmp_path)
    overrides = tmp_path / "overrides"
    (overrides / "doccontrol").mkdir(parents=True)
    with_overrides = dataclasses.replace(site, template_dirs=(overrides,))
    inputs = reuse.PageInputs()
    before = inputs.key(with_overrides)
    template = overrides / "doccontrol/banner.html"
    template.write_text("<p>横幅</p>\n", encoding="utf-8")
    added = inputs.key(with_overrides)
    assert added != before
    template.write_text("<p>另一条横幅</p>\n", encoding="utf-8")
    assert inputs.key(with_overrides) != added


def test_mkdocs_build_makes_its_pages_afresh(scenario, tmp_path):
    """`mkdocs build` builds once per process: nothing is kept to be reused."""
    s = site_repo(scenario)
    build = Serve(s.root, tmp_path / "site", command="build")
    build.rebuild()
    assert not build.rebuild()
    assert build.plugin._last is None
