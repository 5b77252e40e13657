"""Held attacks on round 88's fix (a moved page reads its text's names from the text's own
place). SM-P-01 V1.1 (``docs/procedures/test.md``, ``![流程](flow.png)``: the red
``docs/procedures/flow.png``) is in force from 2026-03-10; an approved merge on 2026-04-01
moves it for V1.2 (in force 2026-06-01); built as of 2026-05-01. Every page must show red
(V1.1's chart, what ``pdf SM-P-01`` prints) and never blue or green."""

from __future__ import annotations

import pytest
from rt85_helpers import approved, base, colours, file_colours, net, png, pushed
from rt88_helpers import BLUE, RED, browser_colours, built

from history_helpers import body

GREEN = (0, 200, 0)


def _move(
    s,
    to: str,
    *,
    branch="mv-1",
    number=2,
    day="2026-04-01",
    version="V1.2",
    effective="2026-06-01",
    text="见 ![流程](flow.png) 第二版正文",
    chart=BLUE,
    frm="docs/procedures/test.md",
    chart_from="docs/procedures/flow.png",
):
    """Move SM-P-01 (``frm`` → ``to``) and its chart along, redrawn ``chart`` for the new
    version (held back: not in force)."""
    s.git.branch(branch)
    folder = to.rsplit("/", 1)[0]
    (s.root / folder).mkdir(parents=True, exist_ok=True)
    s.git.run("mv", frm, to)
    new_chart = f"{folder}/flow.png"
    if chart is not None and new_chart != chart_from:
        s.git.run("mv", chart_from, new_chart)
        s.files.write(new_chart, png(chart))
    s.files.doc(rel=to, version=version, body=body(text), effective_date=effective)
    approved(s, branch, "搬家", day, number)


@pytest.mark.parametrize(
    ("to", "page"),
    [
        ("docs/test.md", "test/index.html"),  # shallower
        ("docs/a/b/test.md", "a/b/test/index.html"),  # deeper
        ("docs/ops/index.md", "ops/index.html"),  # renamed to index.md
        ("docs/ops/README.md", "ops/index.html"),  # renamed to README.md
        ("docs/procedures/index.md", "procedures/index.html"),  # renamed, same folder
    ],
    ids=["shallower", "deeper", "index", "readme", "same-folder-index"],
)
def test_held_moved_page_shows_red(tmp_path, to, page):
    s = base(tmp_path, site_pdf=True)
    _move(s, to)
    out = built(s, tmp_path)
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}
    assert "第一版正文" in (out / page).read_text(encoding="utf-8")
    assert browser_colours(out, page) == [RED]


def test_held_moved_twice_neither_in_force(tmp_path):
    s = base(tmp_path, site_pdf=True)
    _move(s, "docs/ops/test.md")
    _move(
        s,
        "docs/a/b/test.md",
        branch="mv-2",
        number=3,
        day="2026-04-10",
        version="V1.3",
        effective="2026-07-01",
        chart=GREEN,
        frm="docs/ops/test.md",
        chart_from="docs/ops/flow.png",
    )
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}
    assert browser_colours(out, "a/b/test/index.html") == [RED]


def test_held_unapproved_bytes_pushed_at_the_old_place(tmp_path):
    # the move took the chart along; then blue is pushed straight to main at the old place
    s = base(tmp_path, site_pdf=True)
    _move(s, "docs/ops/test.md", chart=GREEN)
    pushed(s, "docs/procedures/flow.png", png(BLUE), day="2026-04-05")
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}
    seen = browser_colours(out, "ops/test/index.html")
    # never the pushed blue, never V1.2's green. (The link points at procedures/flow.png,
    # which the site does not serve: a 404, as the unmoved page in the same case shows no
    # chart at all — round 84's rule for a picture pushed without approval.)
    assert BLUE not in seen and GREEN not in seen


def test_held_another_documents_picture_at_the_old_place(tmp_path):
    # after the move, SM-P-02 (approved, in force 2026-04-10) puts its green chart at the
    # old place and its page beside it
    s = base(tmp_path, site_pdf=True)
    _move(s, "docs/ops/test.md", chart=BLUE)
    s.git.branch("net-1")
    s.files.write("docs/procedures/flow.png", png(GREEN))
    s.files.write(
        "docs/procedures/net.md", net(day="2026-04-10", text="见 ![流程](flow.png) 网络正文")
    )
    approved(s, "net-1", "网络管理程序", "2026-04-10", 3)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}
    assert browser_colours(out, "procedures/net/index.html") == [GREEN]  # SM-P-02's own
    assert browser_colours(out, "ops/test/index.html") == [RED]


def test_held_another_documents_page_at_the_old_place(tmp_path):
    # after the move, SM-P-02 takes SM-P-01's old file name (docs/procedures/test.md) with
    # its own green chart beside it (docs/procedures/flow.png, redrawn)
    s = base(tmp_path, site_pdf=True)
    _move(s, "docs/ops/test.md", chart=None)
    s.git.branch("net-1")
    s.files.write("docs/procedures/flow.png", png(GREEN))
    s.files.write(
        "docs/procedures/test.md", net(day="2026-04-10", text="见 ![流程](flow.png) 网络正文")
    )
    approved(s, "net-1", "网络管理程序", "2026-04-10", 3)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}
    assert browser_colours(out, "ops/test/index.html") == [RED]


def test_held_two_documents_swap_places(tmp_path):
    # SM-P-01 (docs/procedures/test.md, red flow.png) and SM-P-02 (docs/ops/net.md, its own
    # blue docs/ops/flow.png) swap folders in one approved merge not in force yet
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write("docs/ops/flow.png", png(BLUE))
    s.files.write("docs/ops/net.md", net(day="2026-03-20", text="见 ![流程](flow.png) 网络正文"))
    approved(s, "net-1", "网络管理程序", "2026-03-20", 3)
    s.git.branch("swap")
    s.git.run("mv", "docs/procedures/test.md", "docs/ops/test.md")
    s.git.run("mv", "docs/ops/net.md", "docs/procedures/net.md")
    s.files.doc(
        rel="docs/ops/test.md",
        version="V1.2",
        body=body("见 ![流程](flow.png) 第二版正文"),
        effective_date="2026-06-01",
    )
    s.files.write(
        "docs/procedures/net.md",
        net(version="V1.1", day="2026-06-01", text="见 ![流程](flow.png) 网络第二版"),
    )
    approved(s, "swap", "互换", "2026-04-01", 4)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}
    assert file_colours(out / "pdf/SM-P-02.pdf") == {BLUE}
    assert browser_colours(out, "ops/test/index.html") == [RED]
    assert browser_colours(out, "procedures/net/index.html") == [BLUE]


def test_held_flat_urls_moved_page_shows_its_own_red_copy(tmp_path):
    # use_directory_urls: false; SM-P-02 redrew the shared chart blue (in force 2026-04-01);
    # SM-P-01 then moved to docs/ops/test.md (V1.2, not in force): its page shows red
    from rt88_helpers import flat_two_texts

    s = flat_two_texts(tmp_path, "见 ![流程](flow.png) 第一版正文")
    _move(s, "docs/ops/test.md", chart=None, number=4)
    out = built(s, tmp_path)
    assert BLUE not in colours(s, tmp_path)
    assert browser_colours(out, "ops/test.html") == [RED]
