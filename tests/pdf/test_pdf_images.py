"""A copy's images come from Git, from the tree its cover's approval vouched for: a figure
changed afterwards by a commit nobody approved never reaches the copy, and an image the body
points at outside docs/ is left out and named."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from history_helpers import body, cli, make_scenario


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


def _colours(pdf) -> list[tuple[int, int, int]]:
    found = []
    for page in PdfReader(pdf).pages:
        for image in page.images:
            found.append(image.image.convert("RGB").getpixel((0, 0)))
    return found


RED, BLUE = (200, 0, 0), (0, 0, 200)
# an image is a controlled file: the procedure's approver and the image's (the manual's) approve
BOTH = ("liujing", "chenmy")


def test_the_copy_embeds_the_approved_figure_not_a_later_unapproved_one(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.write("docs/procedures/fig.png", _png(RED))
    s.files.write("records/secret.png", _png(BLUE))
    figure = "\n\n![流程图](fig.png)\n\n![外部](../../records/secret.png)\n"
    s.files.doc(version="V1.1", body=body("新规定。" + figure))
    s.git.commit("修订并加图", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.merge("cr-1", "批准 V1.1", approvers=BOTH, date="2026-02-03T10:00:00+08:00")
    # a direct commit on main swaps the figure: nobody approved it
    s.files.write("docs/procedures/fig.png", _png(BLUE))
    s.git.commit("换图", who="zhaolei", date="2026-02-05T10:00:00+08:00")

    out = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-02-10", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert set(_colours(out)) == {RED}
    assert "../../records/secret.png" in made.stderr


FIGURE = "新规定。\n\n![流程图](fig.png)\n"


def _v11_with_figure(tmp_path, approvers=BOTH):
    """V1.1 showing fig.png (red), approved on 2026-02-03 by ``approvers``."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.write("docs/procedures/fig.png", _png(RED))
    s.files.doc(version="V1.1", body=body(FIGURE))
    s.git.commit("修订并加图", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.merge("cr-1", "批准 V1.1", approvers=approvers, date="2026-02-03T10:00:00+08:00")
    return s


def _reviewed(s, text: str = FIGURE, version: str = "V1.1", redraw: bool = False) -> None:
    """A periodic review of V1.1 (or another ``version``) approved on 2026-02-10, redrawing
    fig.png blue in its own diff when ``redraw``."""
    s.git.branch("review")
    if redraw:
        s.files.write("docs/procedures/fig.png", _png(BLUE))
    extra = "review_date: 2026-02-10\n" if version == "V1.1" else ""
    s.files.doc(version=version, body=body(text), extra=extra)
    s.git.commit("定期评审", who="zhaolei", date="2026-02-08T10:00:00+08:00")
    s.git.merge("review", "评审 V1.1", approvers=BOTH, date="2026-02-10T10:00:00+08:00", number=2)


def _printed(s, tmp_path):
    out = tmp_path / "copy.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-02-20", "-o", str(out))
    assert made.returncode == 0, made.stderr
    return _colours(out), made.stderr


def _pushed_then_reviewed(tmp_path, new_figure: bool = False):
    """V1.1 with the red figure; on 2026-02-05 a commit straight to main (nobody's approval)
    swaps it for the blue one, or adds a blue figure ``new.png``; then a periodic review of
    V1.1, its diff the front matter only (with ``new_figure``, V1.2, whose text names
    ``new.png``, its diff the text only)."""
    s = _v11_with_figure(tmp_path)
    s.files.write(f"docs/procedures/{'new' if new_figure else 'fig'}.png", _png(BLUE))
    s.git.commit("换图", who="zhaolei", date="2026-02-05T10:00:00+08:00")
    if new_figure:
        _reviewed(s, FIGURE + "\n![新图](new.png)\n", version="V1.2")
    else:
        _reviewed(s)
    return s


def test_a_figure_pushed_to_main_is_not_printed_after_a_later_review(tmp_path):
    """The review vouches for V1.1 as approved: its diff never showed the blue figure, so a
    copy printed after it still embeds the red one (approved_images)."""
    assert set(_printed(_pushed_then_reviewed(tmp_path), tmp_path)[0]) == {RED}


def test_a_new_figure_pushed_to_main_is_left_out_and_named(tmp_path):
    """A figure only a commit nobody approved ever added has no approved bytes: the copy
    leaves it out and says so."""
    found, said = _printed(_pushed_then_reviewed(tmp_path, new_figure=True), tmp_path)
    assert set(found) == {RED}
    assert "new.png" in said


def test_a_figure_redrawn_in_the_review_itself_is_printed(tmp_path):
    """Control: the same blue figure approved in the review's own diff is printed."""
    s = _v11_with_figure(tmp_path)
    _reviewed(s, redraw=True)
    assert set(_printed(s, tmp_path)[0]) == {BLUE}


def test_a_figure_only_the_procedures_approver_approved_is_left_out(tmp_path):
    """An image is a controlled file (the manual's approver approves it too): approved by the
    procedure's approver alone, its change never took effect, so a copy leaves it out and
    says so, as the site does."""
    found, said = _printed(_v11_with_figure(tmp_path, approvers=("liujing",)), tmp_path)
    assert found == []
    assert "fig.png" in said
