"""A copy whose text names a picture only inside a fenced code block (an example of the
Markdown syntax, shown as text), and a periodic review that redraws that picture.

SM-P-01 V1.1 (第一版正文, with a code block showing ``![流程](flow.png)`` as text; flow.png
beside it) in force from 2026-03-10; copy 02 of V1.1 issued 2026-03-12. On 2026-04-10 an
approved periodic review of V1.1 (text unchanged) redraws flow.png.

``StoredVersions.pictures`` reads ``page_links.images_named``, which counts what code and
comments name (generous, as for keeping a secret document's figures back). Neither the page
nor a PDF copy shows that picture (``images_used`` reads ``shown_text``; the copy renders the
block as code), but ``copies._prints_in_force`` sees its bytes change and recalls copy 02,
which holds exactly the text in force and no picture at all."""

from __future__ import annotations

from rt78_helpers import due_copies
from rt82_helpers import copy_then_review

IN_CODE = "第一版正文\n\n```markdown\n![流程](flow.png)\n```\n"
SHOWN = "见 ![流程](flow.png) 第一版正文"


def _reviewed(tmp_path, text: str, redraw: bool = True):
    """V1.1 (``text``) in force from 2026-03-10, copy 02 issued 2026-03-12, a periodic
    review on 2026-04-10 redrawing flow.png when ``redraw``."""
    return copy_then_review(tmp_path, text, redraw=redraw)


def test_a_picture_only_in_code_does_not_recall_the_copy(tmp_path):
    """Fixed (session 31)."""
    s = _reviewed(tmp_path, IN_CODE)
    assert due_copies(s, "2026-07-01") == []


def test_control_a_shown_picture_redrawn_recalls_the_copy(tmp_path):
    """Control (passes, round 81's fix): the picture shown on the page, redrawn: recalled."""
    s = _reviewed(tmp_path, SHOWN)
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_without_a_redraw_the_copy_is_kept(tmp_path):
    """Control (passes): the same review without the redraw keeps copy 02."""
    s = _reviewed(tmp_path, IN_CODE, redraw=False)
    assert due_copies(s, "2026-07-01") == []
