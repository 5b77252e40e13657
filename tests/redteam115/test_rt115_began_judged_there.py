"""Found while fixing round 115 (session 39): ``ApprovedImages.source`` answers "the tree
control began with" (``X^``, X the first approval) for a baseline text's pictures, and for a
page approved while every change of its picture up to it went unapproved.
``brought_by_hidden`` judged ``X^`` as the latest commit, by the picture's last change: a
public redraw approved later made the secret baseline bytes read at ``X^`` look public.
Judged where they are read (just before X), they are the secret's; the redraw is public."""

from __future__ import annotations

from rt41_helpers import approve, png, procedure, secret_doc
from rt114_helpers import FIG, SECRET

from doccontrol.approved_images import brought_by_hidden
from doccontrol.history.gitread import GitReader
from history_helpers import body
from site_helpers import site_repo

OTHER = "docs/procedures/other.md"


def test_the_bytes_control_began_with_are_judged_there_not_by_a_later_redraw(scenario):
    # before control began: the secret text names fig.png, which holds its pixels
    scenario.files.write(SECRET, secret_doc(text="SECRETBODYMARK\n\n![图](fig.png)"))
    scenario.files.write(FIG, png(b"SECRETPIXELSMARK"))
    s = site_repo(scenario)
    shows = body("见下图。\n\n![图](fig.png)")
    other = procedure(doc_id="SM-P-08", title="另一程序", body=shows)
    redraw = approve(s, "cr-redraw", {OTHER: other, FIG: png(b"PUBLICREDRAW")}, "公开重绘", 1)
    history = s.history()
    began = f"{history.events[0].commit}^"
    with GitReader(s.root) as reader:
        hidden_at = brought_by_hidden(reader, history, {"SM-P-07"}, lambda level: level != "secret")
        assert hidden_at(FIG, began)  # the secret's bytes, as control began
        assert not hidden_at(FIG, redraw)  # the public redraw, shown by the page approved with it
