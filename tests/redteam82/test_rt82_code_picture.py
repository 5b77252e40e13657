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

from rt75_helpers import BOTH, FLOW, drawn
from rt78_helpers import due_copies, issued_copy

from history_helpers import body, make_scenario

IN_CODE = "第一版正文\n\n```markdown\n![流程](flow.png)\n```\n"
SHOWN = "见 ![流程](flow.png) 第一版正文"


def _reviewed(tmp_path, text: str, redraw: bool = True):
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.write(FLOW, drawn("FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body(text), effective_date="2026-03-10")
    s.git.commit("V1.1", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "V1.1", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    issued_copy(s, "V1.1", "2026-03-12")
    s.git.branch("review")
    if redraw:
        s.files.write(FLOW, drawn("FLOW-REDRAWN"))
    s.files.doc(
        version="V1.1",
        body=body(text),
        effective_date="2026-03-10",
        extra="review_date: 2026-04-10\n",
    )
    s.git.commit("定期评审", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("review", "定期评审", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return s


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
