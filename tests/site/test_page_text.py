"""A document's page gives the text in force, read from Git, whatever the work tree holds: a
change nobody approved, a version approved for a later day and a draft never reach the
published page (nor its search index, its front matter or its stamp of a controlled copy). A
preview (`mkdocs serve`, DOCCONTROL_PREVIEW) gives the work tree's text, marked, and is never
stamped. Real git, the real `mkdocs build`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config

from builders import png, procedure
from doccontrol import catalogue
from doccontrol.adapters.mkdocs_plugin import DocControlPlugin
from history_helpers import body
from site_helpers import built, mkdocs, page, site_repo, table_rows

ZH = catalogue.load("zh")
PLANTED = "未经批准悄悄加入的规定"
SUMMARY = "未经批准的页面摘要"


def _direct_commit(scenario) -> None:
    """An author with push access edits SM-P-01 straight on main, front matter and all."""
    scenario.files.doc(version="V1.1", body=body(PLANTED), extra=f"description: {SUMMARY}\n")
    scenario.git.commit("临时调整", who="zhaolei", date="2026-02-01T10:00:00+08:00")


def _cells(html: str) -> dict[str, str]:
    cells = [c for row in table_rows(html, "dc-control-table") for c in row]
    return dict(zip(cells[::2], cells[1::2], strict=False))


def _search_text(site: Path) -> str:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return " ".join(d.get("text", "") + d.get("title", "") for d in index["docs"])


def test_a_direct_commit_is_not_published(scenario, tmp_path):
    s = site_repo(scenario)
    _direct_commit(s)
    site = built(s.root, tmp_path / "site")
    html = page(site, "procedures/test")
    assert PLANTED not in html and SUMMARY not in html
    assert PLANTED not in _search_text(site)
    assert "目的的内容。" in html  # the baseline's text, in force
    cells = _cells(html)
    assert cells["版本"] == "V1.0" and cells["状态"] == "有效"
    commit = s.git.run("rev-parse", "--short=10", "HEAD").strip()
    assert ZH.text("site.banner.unapproved.left-out", commits=commit) in html
    assert (site / "doccontrol-build.json").is_file()  # a published build is stamped


def test_a_preview_gives_the_work_tree_marked_and_unstamped(scenario, tmp_path):
    s = site_repo(scenario)
    _direct_commit(s)
    site = built(s.root, tmp_path / "site", preview=True)
    html = page(site, "procedures/test")
    assert PLANTED in html
    assert ZH.text("site.banner.preview.differs", version="V1.0") in html
    commit = s.git.run("rev-parse", "--short=10", "HEAD").strip()
    assert ZH.text("site.banner.unapproved.text", commits=commit) in html
    assert _cells(html)["版本"] == "V1.1"
    # never taken for the controlled site: no stamp, so no audit pack reuses its pages
    assert not (site / "doccontrol-build.json").exists()
    # a page whose work-tree text is the published one carries no preview banner
    s.git.run("reset", "--hard", "HEAD~1")
    html = page(built(s.root, tmp_path / "again", preview=True), "procedures/test")
    assert "dc-preview" not in html


def test_a_document_with_nothing_in_force_gives_no_text(scenario, tmp_path):
    s = site_repo(scenario)
    s.files.doc("docs/procedures/new.md", doc_id="SM-P-02", title="新程序", body=body(PLANTED))
    s.git.commit("新文件，直接提交", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    html = page(site, "procedures/new")
    assert PLANTED not in html and PLANTED not in _search_text(site)
    assert ZH.text("site.banner.withheld.unapproved") in html
    assert _cells(html)["状态"] == "未经批准"


def _approve_new(s, **fields: str) -> None:
    """SM-P-02 新程序, new in an approved merge on 2026-03-10, with ``fields``."""
    s.git.branch("cr-1")
    s.files.doc("docs/procedures/new.md", doc_id="SM-P-02", title="新程序", **fields)
    s.git.commit("新程序", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "新程序", date="2026-03-10T10:00:00+08:00")


def test_a_first_version_approved_for_a_later_day_is_withheld_until_then(scenario, tmp_path):
    s = site_repo(scenario)
    _approve_new(s, body=body(PLANTED), effective_date="2026-03-20")
    config = (s.root / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "strict: !ENV [DOCCONTROL_STRICT, false]"
    for day, given in (("2026-03-15", False), ("2026-03-20", True)):
        (s.root / "mkdocs.yml").write_text(
            config.replace(anchor, f'{anchor}\n      as_of: "{day}"'), encoding="utf-8"
        )
        html = page(built(s.root, tmp_path / day), "procedures/new")
        assert (PLANTED in html) is given, day
        withheld = ZH.text("site.banner.withheld.pending", version="V1.0", since="2026-03-20")
        assert (withheld in html) is not given, day


def test_a_draft_merged_for_comment_is_published_as_a_draft(scenario, tmp_path):
    """SM-P-01 lets a draft be merged to ask for comments: approved for publication, it is
    given, marked as a draft."""
    s = site_repo(scenario)
    _approve_new(s, version="V0.1", status="draft", body=body("征求意见的规定"))
    html = page(built(s.root, tmp_path / "site"), "procedures/new")
    assert "征求意见的规定" in html and "dc-draft" in html and "dc-withheld" not in html


def test_an_obsolete_version_whose_text_was_swapped_in_force_gives_no_text(scenario, tmp_path):
    """SM-P-02 V1.0 in force; an approved change rewrites its text without a new version
    (DC511); an approval then makes V1.0 obsolete. The text it ended with was never V1.0's
    text in force, so the page gives none and says why (round 52's hole 4)."""
    s = site_repo(scenario)
    _approve_new(s, body=body("原来生效的规定"))
    swaps = [("cr-2", "2026-03-12", "effective"), ("cr-3", "2026-03-14", "obsolete")]
    for branch, day, status in swaps:
        s.git.branch(branch)
        s.files.doc(
            "docs/procedures/new.md",
            doc_id="SM-P-02",
            title="新程序",
            status=status,
            body=body(PLANTED),
        )
        s.git.commit(branch, who="zhaolei", date=f"{day}T09:00:00+08:00")
        s.git.merge(branch, branch, date=f"{day}T10:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    html = page(site, "procedures/new")
    assert PLANTED not in html and PLANTED not in _search_text(site)
    assert ZH.text("site.banner.withheld.swapped", version="V1.0") in html
    assert "dc-obsolete" not in html  # no banner of an obsolete text that is not given
    assert _cells(html)["状态"] == ZH.text("label.state.obsolete")


def test_a_strict_build_still_stops_on_the_direct_commit(scenario, tmp_path):
    """Giving the approved text is the fallback of a lenient build; CI's strict build keeps
    refusing to publish at all while main holds a change nobody approved."""
    s = site_repo(scenario)
    _direct_commit(s)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode != 0 and "SM-P-01" in result.stderr


def _plugin(root: Path, command: str, options: dict[str, object]) -> DocControlPlugin:
    plugin = DocControlPlugin()
    errors, _ = plugin.load_config({"as_of": "2026-06-01", **options}, str(root / "mkdocs.yml"))
    assert not errors
    plugin.on_startup(command=command, dirty=False)
    plugin.on_config(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return plugin


def test_serve_previews_unless_told_not_to_and_build_never_does_unless_told(scenario, monkeypatch):
    s = site_repo(scenario)
    monkeypatch.delenv("DOCCONTROL_PREVIEW", raising=False)
    monkeypatch.chdir(s.root)
    assert _plugin(s.root, "serve", {}).preview is True
    assert _plugin(s.root, "serve", {"preview": False}).preview is False
    assert _plugin(s.root, "build", {}).preview is False
    assert _plugin(s.root, "build", {"preview": True}).preview is True
    monkeypatch.setenv("DOCCONTROL_PREVIEW", "true")
    assert _plugin(s.root, "build", {}).preview is True


# --- what else a direct commit could put beside the approved text (an attacker's findings) ---

ANCHOR = "strict: !ENV [DOCCONTROL_STRICT, false]"


def _plugin_option(s, line: str) -> None:
    path = s.root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(ANCHOR, f"{ANCHOR}\n      {line}"), encoding="utf-8")


def _files_with(site: Path, needle: str) -> list[str]:
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file() and needle.encode() in p.read_bytes()
    )


def test_an_unapproved_title_reaches_neither_navigation_nor_heading(scenario, tmp_path):
    s = site_repo(scenario)
    s.files.doc(version="V1.1", title=PLANTED)
    s.git.commit("临时调整", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    assert "目的的内容。" in page(site, "procedures/test")
    assert _files_with(site, PLANTED) == []


def test_an_image_replaced_by_a_direct_commit_is_not_published(scenario, tmp_path):
    s = site_repo(scenario)
    s.git.branch("cr-1")
    s.files.write("docs/procedures/flow.png", png(b"APPROVED-FLOW"))
    s.files.doc(version="V1.1", body=body("见 ![流程](flow.png)"))
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    # an image is approved by the general manager (its own approval role, doccontrol.yml),
    # the text that shows it by the management representative: the page in force shows it
    s.git.merge("cr-1", "流程图", approvers=("liujing", "chenmy"), date="2026-03-10T10:00:00+08:00")
    approved = built(s.root, tmp_path / "approved")
    assert (approved / "procedures/flow.png").is_file()  # approved: published
    s.files.write("docs/procedures/flow.png", png(PLANTED.encode()))
    s.git.commit("改图", who="zhaolei", date="2026-03-11T10:00:00+08:00")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0 and "docs/procedures/flow.png" in result.stderr
    assert _files_with(tmp_path / "site", PLANTED) == []
    # an edit not even committed is left out as well; a preview shows it
    s.git.run("reset", "--hard", "HEAD~1")
    s.files.write("docs/procedures/flow.png", png(PLANTED.encode()))
    assert _files_with(built(s.root, tmp_path / "desk"), PLANTED) == []
    assert _files_with(built(s.root, tmp_path / "pv", preview=True), PLANTED) != []


def test_an_unapproved_as_of_is_ignored(scenario, tmp_path):
    later = "以后才生效的规定"
    s = site_repo(scenario)
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body(later), effective_date="2027-06-01")
    s.git.commit("修订", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "修订", date="2026-03-10T10:00:00+08:00")
    _plugin_option(s, 'as_of: "2099-01-01"')
    s.git.commit("站点", who="zhaolei", date="2026-03-11T10:00:00+08:00")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0 and "as_of" in result.stderr
    assert later not in page(tmp_path / "site", "procedures/test")


def test_an_unapproved_preview_option_is_ignored(scenario, tmp_path):
    s = site_repo(scenario)
    _plugin_option(s, "preview: true")
    s.files.doc(version="V1.1", body=body(PLANTED))
    s.git.commit("临时调整", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    assert PLANTED not in page(site, "procedures/test")
    # mkdocs.yml's other settings (nav, site_name, hooks) still apply: such a build vouches
    # for nothing, so no audit pack takes its pages
    assert not (site / "doccontrol-build.json").exists()


def test_a_strict_build_is_never_a_preview_and_never_without_history(scenario, tmp_path):
    """The strict build is the one CI publishes: neither DOCCONTROL_PREVIEW (which a push can
    set on some forges) nor `history: false` (which an unapproved mkdocs.yml can set) turns
    it into a build that gives the work tree's text."""
    s = site_repo(scenario)
    _direct_commit(s)
    previewed = mkdocs(s.root, tmp_path / "a", True, preview=True)
    assert previewed.returncode != 0 and "DOCCONTROL_PREVIEW" in previewed.stderr
    _plugin_option(s, "history: false")
    s.git.commit("关闭历史", who="zhaolei", date="2026-02-02T10:00:00+08:00")
    blind = mkdocs(s.root, tmp_path / "b", True)
    assert blind.returncode != 0 and "history: false" in blind.stderr
    _plugin_option(s, "preview: true")
    lenient = built(s.root, tmp_path / "c")  # without history: nothing given, no preview
    assert PLANTED not in page(lenient, "procedures/test")
    assert ZH.text("site.banner.withheld.no-history") in page(lenient, "procedures/test")


@pytest.mark.parametrize(
    ("approved", "kept"),
    [
        (
            "name: 示例信息技术有限公司",
            "本程序适用于 示例信息技术有限公司 的全部服务",
        ),  # {{ org.name }}
        ("name: 刘静", "刘静"),  # the approver's name in the control block
    ],
)
def test_an_unapproved_configuration_never_speaks_on_the_site(scenario, tmp_path, approved, kept):
    """Names, labels and the organisation come from the approved doccontrol.yml while the work
    tree's has a change nobody approved (while it has, only public documents are published)."""
    s = site_repo(scenario)
    s.git.branch("cr-1")
    text = procedure(doc_id="SM-P-02", body=body("本程序适用于 {{ org.name }} 的全部服务。"))
    s.files.write(
        "docs/procedures/pub.md",
        text.replace("confidentiality: internal", "confidentiality: public"),
    )
    s.git.commit("新程序", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "新程序", date="2026-03-10T10:00:00+08:00")
    s.set_config(approved, f"name: {PLANTED}")
    s.git.commit("改配置", who="zhaolei", date="2026-03-11T10:00:00+08:00")
    site = built(s.root, tmp_path / "site")
    assert kept in page(site, "procedures/pub")
    assert _files_with(site, PLANTED) == []


def test_an_image_redrawn_for_a_later_version_waits_for_its_day(scenario, tmp_path):
    """V1.2, approved to take effect on 2026-05-01, redraws flow.png and adds new.png: until
    that day the page gives V1.1 with V1.1's picture (read from Git), and new.png is not
    published; from that day both are the new ones."""
    s = site_repo(scenario)
    both = ("liujing", "chenmy")  # the procedure's approver and the images' (doccontrol.yml)
    s.git.branch("cr-1")
    s.files.write("docs/procedures/flow.png", png(b"FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body("见 ![流程](flow.png)"), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=both, date="2026-03-10T10:00:00+08:00")
    s.git.branch("cr-2")
    s.files.write("docs/procedures/flow.png", png(b"FLOW-V1.2"))
    s.files.write("docs/procedures/new.png", png(b"NEW-V1.2"))
    s.files.doc(
        version="V1.2",
        body=body("见 ![流程](flow.png) ![新](new.png)"),
        effective_date="2026-05-01",
    )
    s.git.commit("重画流程图", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "重画流程图", approvers=both, date="2026-04-10T10:00:00+08:00", number=2)
    config = (s.root / "mkdocs.yml").read_text(encoding="utf-8")
    for day, flow, new in (("2026-04-20", b"FLOW-V1.1", False), ("2026-05-01", b"FLOW-V1.2", True)):
        (s.root / "mkdocs.yml").write_text(
            config.replace(ANCHOR, f'{ANCHOR}\n      as_of: "{day}"'), encoding="utf-8"
        )
        site = built(s.root, tmp_path / day)
        assert flow in (site / "procedures/flow.png").read_bytes(), day
        assert (site / "procedures/new.png").is_file() is new, day
