"""approved_images: where an image's approved bytes are as main stood at a commit, read from a
real repository's history (an approved change, one pushed straight to main, one nobody with
the image's role approved, and what control began with)."""

from __future__ import annotations

from doccontrol.approved_images import approved_images, older
from doccontrol.cli.registers import loaded
from history_helpers import body, make_scenario

FIG = "docs/procedures/fig.png"
BOTH = ("liujing", "chenmy")  # the procedure's approver and the image's (the manual's)


def _history(s):
    history = loaded(s.root)[1]
    assert history is not None
    return history


def test_a_pushed_change_leaves_the_approved_bytes_in_force(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.write(FIG, b"RED")
    s.files.doc(version="V1.1", body=body("![图](fig.png)"))
    s.git.commit("加图", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    approved = s.git.merge("cr-1", "批准", approvers=BOTH, date="2026-02-03T10:00:00+08:00")
    s.files.write(FIG, b"BLUE")
    s.git.commit("直接换图", who="zhaolei", date="2026-02-05T10:00:00+08:00")
    pushed = s.git.run("rev-parse", "HEAD").strip()
    images = approved_images(_history(s))
    assert images.source(FIG, approved) == approved
    assert images.source(FIG, pushed) == approved  # the push never took effect
    assert images.source("docs/procedures/other.png", pushed) == pushed  # never changed
    # no approval and not the tip: a commit before control began (a baseline text's), read
    # in the tree control began with (round 115)
    assert images.source(FIG, "0" * 40) == images.began == f"{_history(s).events[0].commit}^"
    assert images.source(FIG, _history(s).head) == approved  # the tip, as main stands


def test_a_change_only_the_procedures_approver_approved_has_no_approved_bytes(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.write(FIG, b"RED")
    s.files.doc(version="V1.1", body=body("![图](fig.png)"))
    s.git.commit("加图", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    merged = s.git.merge("cr-1", "批准", date="2026-02-03T10:00:00+08:00")
    images = approved_images(_history(s))
    source = images.source(FIG, merged)
    # control began with no such file: its bytes there are none
    assert source == images.began
    assert s.git.attempt("cat-file", "-e", f"{source}:{FIG}").returncode != 0


def _redrawn_twice(tmp_path):
    """The figure drawn red (V1.1), then blue (V1.2), each approved by both roles: the
    images' changes, and the two approvals."""
    s = make_scenario(tmp_path)
    marks = []
    for n, colour in enumerate((b"RED", b"BLUE"), start=1):
        s.git.branch(f"cr-{n}")
        s.files.write(FIG, colour)
        s.files.doc(version=f"V1.{n}", body=body(f"![图](fig.png) {n}"))
        s.git.commit("改图", who="zhaolei", date=f"2026-02-0{n}T10:00:00+08:00")
        marks.append(
            s.git.merge(
                f"cr-{n}", "批准", approvers=BOTH, date=f"2026-02-0{n}T12:00:00+08:00", number=n
            )
        )
    return approved_images(_history(s)), marks


def test_older_prefers_what_was_approved_earlier(tmp_path):
    images, (first, second) = _redrawn_twice(tmp_path)
    assert older(images, first, second) == first
    assert older(images, second, f"{second}^") == f"{second}^"
    assert older(images, "", first) == ""


def test_served_gives_the_later_approval_and_pages_keep_their_own(tmp_path):
    """Two texts in force show one picture, approved with each in turn: the site serves the
    later approval's bytes at the picture's path, and each page's answer stays its own."""
    from doccontrol.approved_images import served

    images, (first, second) = _redrawn_twice(tmp_path)
    pages = {"SM-P-01": {FIG: first}, "SM-P-02": {FIG: second}, "SM-P-03": {}}
    assert served(images, pages) == {FIG: second}
    assert served(images, {"SM-P-01": {FIG: first}, "SM-P-02": {FIG: ""}}) == {FIG: first}
