"""Held attacks of round 103 on ``brought_by_hidden`` / ``_named_by_mixed``.

- A hidden document renamed (into another folder) in the mixed merge that brings its figure:
  ``_named_by_mixed`` reads the text at the document's path as the approval holds it (the new
  path), so the figure is the secret's: kept back.
- Secret pixels first brought by a direct push (no approval) at one name, then a mixed merge
  that brings the same bytes at the name its secret text shows and a public approval that
  shows the first name: the first name's bytes were never approved: not published."""

from __future__ import annotations

from rt41_helpers import approve, body, built_site, leaks, png, procedure, secret_doc

from site_helpers import site_repo

SECRET_PIXELS = b"SECRETPIXELSMARK"
FIG = "docs/procedures/fig.png"
PUBLIC = "docs/procedures/test.md"
SECRET = "docs/procedures/secret.md"


def test_held_a_hidden_document_renamed_in_the_mixed_merge_keeps_its_figure(scenario, tmp_path):
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 1)
    s.git.branch("cr-mixed")
    (s.root / "docs/procedures/sub").mkdir(parents=True, exist_ok=True)
    s.git.run("mv", SECRET, "docs/procedures/sub/secret.md", who="zhaolei")
    s.files.write("docs/procedures/sub/secret.md",
                  secret_doc(text="SECRETBODYMARK\n\n![图](../fig.png)"))  # fmt: skip
    s.files.write(FIG, png(SECRET_PIXELS))
    s.files.write(PUBLIC, procedure(version="V1.1", body=body("措辞修订。")))
    s.git.commit("移动受控文件并修订措辞（草稿）", who="zhaolei")
    s.git.merge("cr-mixed", "移动受控文件并修订措辞", number=2, approvers=("liujing", "chenmy"))
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](fig.png)"))},
            "公开流程图", 3)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []


def test_held_bytes_a_direct_push_brought_first_stay_unpublished(scenario, tmp_path):
    s = site_repo(scenario)
    s.files.write("docs/procedures/early.png", png(SECRET_PIXELS))
    s.git.commit("直接推送图片", who="zhaolei")
    approve(s, "cr-mixed", {FIG: png(SECRET_PIXELS),
            SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"),
            PUBLIC: procedure(version="V1.1", body=body("措辞修订。"))},
            "新增受控文件并修订措辞", 2)  # fmt: skip
    approve(s, "cr-show", {PUBLIC: procedure(version="V1.2", body=body("见下图。\n\n![图](early.png)"))},
            "公开流程图", 3)  # fmt: skip
    site = built_site(s, tmp_path / "site")
    assert leaks(site, ["SECRETBODYMARK"]) == []
    assert leaks(site, [SECRET_PIXELS.decode()]) == []
