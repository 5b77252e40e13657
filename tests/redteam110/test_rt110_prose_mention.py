"""Denial: a confidential procedure that *mentions* a public procedure's flowchart by file
name in prose ("执行时参照 SM-P-01 的流程图 flow.png") names that picture
(``page_links.images_named``: any word ending in a picture's name counts). Two ordinary
workflows then lose the public figure from the site (and a strict build fails):

1. a joint revision: one change request approves the public procedure with its new
   flowchart and the confidential one that cross-references it (``_named_by_mixed``:
   ``any(held) and path in named`` wins even though the public text in that very merge
   shows the picture);
2. the README's own "a picture approved in a merge of its own waits for an approval of a text
   that shows it": the chart merged alone, then the public text approved
   (``_named_by_hidden_versions`` puts the chart in ``theirs``; the picture-only approval
   holds no public document that shows it, so the change is the secret's for good).
"""

from __future__ import annotations

import pytest
from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import mkdocs, site_repo

PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"
FLOW = "docs/procedures/flow.png"
MENTION = "SECRETBODYMARK 执行时参照 SM-P-01 的流程图 flow.png 。"


def public_with_chart() -> str:
    return procedure(version="V1.1", body=body("目的。\n\n![流程图](flow.png)"))


def joint_revision(scenario, secret_text: str):
    s = site_repo(scenario)
    approve(s, "cr-joint", {PUBLIC: public_with_chart(), FLOW: png(b"PUBLICFLOWMARK"),
                            SECRET: secret_doc(text=secret_text)}, "年度评审", 1)  # fmt: skip
    return s


@pytest.mark.xfail(
    strict=True,
    reason="hole (medium): a joint approval of a public procedure's flowchart and a confidential "
    "text that mentions its file name in prose keeps the public flowchart off the site",
)
def test_a_joint_revision_keeps_the_public_flowchart(scenario, tmp_path):
    s = joint_revision(scenario, MENTION)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert ("procedures/flow.png", "PUBLICFLOWMARK") in leaks(site, ["PUBLICFLOWMARK"])


def test_control_a_joint_revision_without_the_mention_keeps_it(scenario, tmp_path):
    s = joint_revision(scenario, "SECRETBODYMARK")
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert ("procedures/flow.png", "PUBLICFLOWMARK") in leaks(site, ["PUBLICFLOWMARK"])


def chart_first(scenario, secret_text: str):
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text=secret_text)}, "新增受控文件", 1)
    approve(s, "cr-chart", {FLOW: png(b"PUBLICFLOWMARK")}, "流程图", 2)
    approve(s, "cr-text", {PUBLIC: public_with_chart()}, "修订程序", 3)
    return s


@pytest.mark.xfail(
    strict=True,
    reason="hole (low): a chart merged on its own, then its public text approved (the README's "
    "'waits for a text'), is lost when a confidential text mentions its name in prose",
)
def test_a_chart_merged_alone_then_its_text_is_published(scenario, tmp_path):
    s = chart_first(scenario, MENTION)
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert ("procedures/flow.png", "PUBLICFLOWMARK") in leaks(site, ["PUBLICFLOWMARK"])


def test_control_a_chart_merged_alone_then_its_text_without_the_mention(scenario, tmp_path):
    s = chart_first(scenario, "SECRETBODYMARK")
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert ("procedures/flow.png", "PUBLICFLOWMARK") in leaks(site, ["PUBLICFLOWMARK"])


def test_strict_build_fails_on_the_joint_revision(scenario, tmp_path):
    """What the team sees: the strict build of the joint revision fails naming the chart."""
    s = joint_revision(scenario, MENTION)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode != 0
    assert "flow.png" in result.stderr


def test_the_readme_advice_a_confidential_mention_approved_on_its_own_keeps_the_chart(
    scenario, tmp_path
):
    """The README's advice for hole 1: the public procedure approved with its chart, the
    confidential text that mentions the chart's file name approved on its own, after."""
    s = site_repo(scenario)
    approve(s, "cr-public", {PUBLIC: public_with_chart(), FLOW: png(b"PUBLICFLOWMARK")},
            "修订程序", 1)  # fmt: skip
    approve(s, "cr-secret", {SECRET: secret_doc(text=MENTION)}, "新增受控文件", 2)
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert ("procedures/flow.png", "PUBLICFLOWMARK") in leaks(site, ["PUBLICFLOWMARK"])
