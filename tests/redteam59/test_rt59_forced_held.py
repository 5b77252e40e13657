"""Round 59: controls for what held. Under DC536.forced nothing but an approver's (or, see
test_rt59_forge_signed.py, the forge's) signature ends signing_forced: a note, a direct push
of the revert, a doccontrol.yml nobody can read; the cached walk agrees with a fresh one; the
forced path adopts nothing."""

from __future__ import annotations

from rt56_helpers import on_github
from rt59_helpers import event_of, forced, in_force_text, revert_branch, typed_merge

from doccontrol.history.derive import derive
from doccontrol.load import repository


def _fresh(s):
    repo = repository.load(s.root, only=set())
    return derive(s.root, repo.config, use_cache=False)


def test_a_note_signed_by_the_trusted_forge_key_does_not_end_forced_signing(tmp_path):
    s, _, _ = forced(tmp_path)
    head = revert_branch(s, 11, in_force_text(s), who="zhaolei")
    revert = on_github(s, tmp_path, 11, head, s.k1)
    event = event_of(s, revert)
    assert not event.approved
    assert s.history().signing_forced
    assert not event_of(s, typed_merge(s, 12)).approved


def test_a_pushed_revert_or_an_unreadable_file_does_not_end_forced_signing(tmp_path):
    s, _, _ = forced(tmp_path)
    text = in_force_text(s)
    s.git.checkout("main")
    (s.root / "doccontrol.yml").write_text("approval: [\n", encoding="utf-8")
    s.git.commit("坏了", who="zhaolei")
    (s.root / "doccontrol.yml").write_text(text, encoding="utf-8")
    s.git.commit("撤销", who="zhaolei")
    history = s.history()
    assert history.signing_forced
    assert not event_of(s, typed_merge(s, 12)).approved


def test_the_cached_walk_and_a_fresh_walk_agree_on_forced_signing(tmp_path):
    s, _, _ = forced(tmp_path)
    assert s.history().signing_forced  # cached at the forced state
    attack = typed_merge(s, 12)
    cached = s.history()  # continues from the cache's state
    fresh = _fresh(s)
    assert cached.signing_forced and fresh.signing_forced
    assert [(e.commit, e.approved) for e in cached.events] == [
        (e.commit, e.approved) for e in fresh.events
    ]
    assert not event_of(s, attack).approved


def test_the_forced_switch_puts_none_of_its_file_in_force(tmp_path):
    """Question 3: the switch's file (the push it starts from, and its own line) stays out."""
    s, _, switch = forced(tmp_path)
    history = s.history()
    assert "wei.he@example.com" not in in_force_text(s)
    assert "require_signed: false" in in_force_text(s)
    assert history.in_force_files["doccontrol.yml"] == history.config_in_force
    assert "problem.DC536.forced" in {p.key for p in event_of(s, switch).problems}
