"""Round 127, held: what the loose index leaves to other checks. ``elsewhere()`` (text a
document at the first parent holds is nobody's loose text) reads every Markdown file under
``docs/``, controlled or not, so her draft kept on a page under ``docs/`` would never be owed;
but every such file is a document to history, and a direct commit of one is DC501 (README:
"a direct commit under ``docs/`` is DC501 itself"), so CI stops."""

from __future__ import annotations

from rt27_helpers import trail_strict
from rt122_helpers import first_approval, verdict
from rt123_helpers import _approve
from rt125_helpers import SCOPE_NEW, SCOPE_OLD
from rt127_helpers import DRAFTER, NEW, draft_text

PAGE = "docs/notes/p9-draft.md"


def test_held_a_draft_kept_on_a_page_under_docs_is_a_direct_change(scenario):
    """刘静 commits her draft's body as a page under ``docs/`` (no front matter) straight on
    main and keeps it there; 赵磊 copies it into SM-P-09 and she approves. The approval itself
    names 赵磊 alone (her text is held by a "document" at the first parent), but her page's
    commit is DC501 (and DC513), so `trail --strict` fails."""
    s = scenario
    first_approval(s)
    s.files.write(PAGE, draft_text().split("---\n", 2)[2])
    page = s.git.commit("草稿", who=DRAFTER)
    s.git.branch("feat")
    s.files.write(NEW, draft_text().replace(SCOPE_OLD, SCOPE_NEW, 1))
    s.git.commit("补充说明", who="zhaolei")
    approval = _approve(s, "forge")
    code, out = trail_strict(s)
    assert code != 0
    assert f"{page[:10]} DC501" in out and PAGE in out, out
    ok, _said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert not ok  # the approval alone does not name her: the page's DC501 is what stops CI
