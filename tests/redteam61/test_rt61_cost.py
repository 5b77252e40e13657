"""Round 61, question 4, hole 3: trailer_block is linear (held: megabytes of trailers,
continuations, comments, Conflicts: lines, one long line, parse in well under a second), but
what history does with the co-authors it finds is not. ``_Deriver.writers_of`` lists every
``Co-authored-by`` of a merged commit and ``derive._unique`` drops repeats by comparing each
person with every one kept (``identities.same_person``, an NFKC and case-folded email key
built afresh on each call): quadratic in the number of distinct co-authors. One commit with a
few thousand typed ``Co-authored-by:`` lines (a few hundred KB) holds every reader's history
(check, site, audit pack, CI) for minutes; 8000 take about three minutes in ``_unique``
alone. Counted by calls, not by time."""

from __future__ import annotations

from rt57_helpers import event_of

from doccontrol.history import identities, trailer_block
from history_helpers import make_scenario


def _co_authored_merge(s, count: int) -> str:
    s.git.branch("cr-1")
    s.files.doc(version="V1.1")
    lines = "\n".join(f"Co-authored-by: P{i} <p{i}@example.com>" for i in range(count))
    s.git.commit(f"变更\n\n{lines}", who="zhaolei")
    return s.git.merge("cr-1", "变更")


def _comparisons(tmp_path, monkeypatch, count: int) -> int:
    s = make_scenario(tmp_path / str(count))
    merged = _co_authored_merge(s, count)
    calls = 0
    plain = identities.same_person

    def counted(a, b):
        nonlocal calls
        calls += 1
        return plain(a, b)

    with monkeypatch.context() as patch:
        patch.setattr(identities, "same_person", counted)
        event = event_of(s, merged)
    assert len(event.authors) == count + 1  # read: 赵磊 and every co-author
    return calls


def test_co_authors_cost_history_a_quadratic_number_of_comparisons(tmp_path, monkeypatch):
    small = _comparisons(tmp_path, monkeypatch, 250)
    large = _comparisons(tmp_path, monkeypatch, 1000)
    # four times the co-authors: about four times the work if linear, sixteen if quadratic
    assert large <= 6 * small, (
        f"history compared people {small} times for 250 co-authors and {large} times for "
        f"1000 ({large / small:.1f}x): derive._unique is quadratic in a commit's co-authors"
    )


def test_control_the_parser_is_linear_in_the_message():
    """Held: a message of 400000 continuation lines, or of 200000 co-author trailers, is one
    pass of trailer_block (no offsets re-scanned); checked by what it returns."""
    message = "s\n\nApproved-by: A\n" + " c\n" * 400000
    assert trailer_block.trailers(message) == [("Approved-by", "A" + " c" * 400000)]
    many = "s\n\n" + "Co-authored-by: x\n" * 200000
    assert len(trailer_block.co_authors(many)) == 200000
