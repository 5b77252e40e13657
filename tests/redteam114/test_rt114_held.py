"""What held in round 114: the baseline twins that still claim the id as control began (added
in different commits, renamed, renumbered, of another case or width, outside
docs/procedures/, with an unreadable level), control beginning at a commit id, the cache
written before control began and extended after, a forge squash holding a twin, and mixed
merges in which one document's revision is unapproved."""

from __future__ import annotations

import pytest
from rt33_helpers import TRUST, git_out
from rt41_helpers import approve, built_site, leaks, png, secret_doc
from rt114_helpers import (
    FIG,
    ID_MARKS,
    MARKS,
    PIXELS,
    PUBLIC,
    SECRET,
    SECRET_TEXT,
    TWIN,
    TWIN_TEXT,
    Precontrol,
    page_shows,
    since_commit_site,
)

from builders import procedure
from gitrepo import ident
from history_helpers import body, make_scenario
from secret_figures import pdf_images
from site_helpers import site_repo

OTHER_TWIN = "docs/procedures/twin2.md"


def twin_variant(scenario, name: str):
    pre = Precontrol(scenario)
    if name == "twin-in-a-later-commit":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS})
        pre.commit({TWIN: TWIN_TEXT})
    elif name == "twin-in-an-earlier-commit":
        pre.commit({TWIN: TWIN_TEXT})
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS})
    elif name == "secret-renamed":
        pre.commit({"docs/procedures/old.md": SECRET_TEXT, FIG: PIXELS, TWIN: TWIN_TEXT})
        pre.move("docs/procedures/old.md", SECRET)
    elif name == "secret-renumbered":
        old = secret_doc(doc_id="SM-P-99", text="SECRETBODYMARK\n\n![图](fig.png)")
        pre.commit({SECRET: old, FIG: PIXELS, TWIN: TWIN_TEXT})
        pre.commit({SECRET: SECRET_TEXT}, "改号")
    elif name == "twin-renamed":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS, "docs/procedures/a.md": TWIN_TEXT})
        pre.move("docs/procedures/a.md", TWIN)
    elif name == "twin-renumbered-in":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS,
                    TWIN: TWIN_TEXT.replace("id: SM-P-07", "id: SM-P-98")})  # fmt: skip
        pre.commit({TWIN: TWIN_TEXT}, "改号")
    elif name == "twin-id-in-lower-case":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS,
                    TWIN: TWIN_TEXT.replace("id: SM-P-07", "id: sm-p-07")})  # fmt: skip
    elif name == "twin-id-in-full-width":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS,
                    TWIN: TWIN_TEXT.replace("id: SM-P-07", "id: ＳＭ-Ｐ-07")})  # fmt: skip
    elif name == "twin-outside-procedures":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS, "docs/twin.md": TWIN_TEXT})
    elif name == "secret-outside-procedures":
        text = secret_doc(text="SECRETBODYMARK\n\n![图](procedures/fig.png)")
        pre.commit({"docs/secret.md": text, FIG: PIXELS, TWIN: TWIN_TEXT})
    elif name == "twin-level-unreadable":
        bad = TWIN_TEXT.replace("confidentiality: internal", "confidentiality: [internal")
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS, TWIN: bad})
    elif name == "three-files":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS, TWIN: TWIN_TEXT, OTHER_TWIN: TWIN_TEXT})
    elif name == "twin-edited-after-the-secret":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS, TWIN: TWIN_TEXT})
        pre.commit({TWIN: TWIN_TEXT.replace("公开的孪生文本。", "公开的孪生文本二。")})
    elif name == "secret-was-internal-first":
        internal = secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)", level="internal")
        pre.commit({SECRET: internal, FIG: PIXELS, TWIN: TWIN_TEXT})
        pre.commit({SECRET: SECRET_TEXT}, "定密")
    else:
        raise AssertionError(name)
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    return s


@pytest.mark.parametrize(
    "name",
    [
        "twin-in-a-later-commit",
        "twin-in-an-earlier-commit",
        "secret-renamed",
        "secret-renumbered",
        "twin-renamed",
        "twin-renumbered-in",
        "twin-id-in-lower-case",
        "twin-id-in-full-width",
        "twin-outside-procedures",
        "secret-outside-procedures",
        "twin-level-unreadable",
        "three-files",
        "twin-edited-after-the-secret",
        "secret-was-internal-first",
    ],
)
def test_held_baseline_twins_still_in_the_tree(scenario, tmp_path, name):
    s = twin_variant(scenario, name)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_a_secret_level_unreadable_beside_a_twin(scenario, tmp_path):
    """The secret file's front matter unreadable: it claims no id (the twin alone is SM-P-07,
    published under it), its level is the highest; its chart stays back."""
    pre = Precontrol(scenario)
    bad = SECRET_TEXT.replace("confidentiality: secret", "confidentiality: [secret")
    pre.commit({SECRET: bad, FIG: PIXELS, TWIN: TWIN_TEXT})
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_control_since_a_commit_id_with_a_baseline_twin(tmp_path):
    s = since_commit_site(tmp_path, {SECRET: SECRET_TEXT, FIG: PIXELS, TWIN: TWIN_TEXT})
    assert len(s.history().documents["SM-P-07"].baseline_files) == 2
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_held_the_cache_written_before_control_began_and_extended(scenario, tmp_path):
    """Built (and printed) while every commit was pre-control, then after an approval: the
    extended cache keeps both baseline files; the PDF after the build too."""
    for rel, content in {SECRET: SECRET_TEXT, FIG: PIXELS, TWIN: TWIN_TEXT}.items():
        scenario.files.write(rel, content)
    s = site_repo(scenario)
    assert leaks(built_site(s, tmp_path / "site0"), ID_MARKS) == []
    page_shows(s, "fig.png", 1)
    assert leaks(built_site(s, tmp_path / "site1"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0
    assert len(s.history().documents["SM-P-07"].baseline_files) == 2


def squash(s, files: dict[str, str | bytes], number: int) -> str:
    """``files`` put on main as a forge's squash (one parent, `See merge request`), 赵磊's,
    approved by 刘静 and 陈明宇, reviewed by 王芳 (trusted unsigned: TRUST)."""
    for rel, content in files.items():
        s.files.write(rel, content)
    s.git.run("add", "-A")
    tree = s.git.run("write-tree")
    trailers = [f"Approved-by: {ident('liujing')}", f"Approved-by: {ident('chenmy')}",
                f"Reviewed-by: {ident('wangfang')}"]  # fmt: skip
    message = f"新增 (!{number})\n\nSee merge request it/sms!{number}\n\n" + "\n".join(trailers)
    sha = s.git.run(
        "commit-tree", tree, "-p", "main", "-m", message, who="zhaolei", date=s.git.next_date()
    )
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    return sha


@pytest.mark.parametrize("twin", [False, True], ids=["alone", "with-twin"])
def test_held_a_squash_holding_the_secret_and_a_public_twin(tmp_path, twin):
    s = site_repo(make_scenario(tmp_path, *TRUST))
    files: dict[str, str | bytes] = {SECRET: SECRET_TEXT, FIG: PIXELS}
    if twin:
        files[TWIN] = TWIN_TEXT
    squash(s, files, 3)
    revisions = s.history().documents["SM-P-07"].revisions
    assert all(r.approved for r in revisions) and len(revisions) == (2 if twin else 1)
    page_shows(s, "fig.png", 4)
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


@pytest.mark.parametrize("how", ["secret-self-approved", "public-self-approved"])
def test_held_a_mixed_merge_with_one_revision_unapproved(scenario, tmp_path, how):
    """SM-P-07 approved without a picture; then one merge bumps SM-P-01, adds fig.png and
    changes SM-P-07 to name it: SM-P-07's change written by 陈明宇, one of the merge's
    approvers, with no version bump (its revision unapproved: DC503, DC511), or the whole
    branch written by 刘静, the other approver (SM-P-01's revision unapproved). A later
    approval of SM-P-01 shows fig.png."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 1)
    s.git.branch("cr-mixed")
    s.files.write(PUBLIC, procedure(version="V1.1", body=body("公开修订。")))
    s.files.write(FIG, PIXELS)
    if how == "secret-self-approved":
        s.git.commit("公开修订（草稿）", who="zhaolei")
        s.files.write(SECRET, secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"))
        s.git.commit("秘密修订（草稿）", who="chenmy")
    else:
        s.files.write(SECRET, secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)", version="V1.1"))
        s.git.commit("混合（草稿）", who="liujing")
    s.git.merge("cr-mixed", "混合", number=2, approvers=("liujing", "chenmy"))
    history = s.history()
    unapproved = "SM-P-07" if how == "secret-self-approved" else "SM-P-01"
    assert not history.documents[unapproved].revisions[-1].approved
    page_shows(s, "fig.png", 3, version="V1.2")
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0


def test_reference_a_picture_a_public_approval_alone_brought_is_public(scenario, tmp_path):
    """For the mixed merges above: the same merge without SM-P-07's change publishes the
    picture (nothing secret brought or named it)."""
    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: secret_doc(text="SECRETBODYMARK")}, "新增受控文件", 1)
    approve(s, "cr-fig", {PUBLIC: procedure(version="V1.1", body=body("公开修订。")),
                          FIG: png(b"SECRETPIXELSMARK")}, "公开", 2)  # fmt: skip
    page_shows(s, "fig.png", 3, version="V1.2")
    assert leaks(built_site(s, tmp_path / "site"), ["SECRETPIXELSMARK"]) != []
