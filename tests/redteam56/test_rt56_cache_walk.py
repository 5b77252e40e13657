"""Round 56, question 3: an incremental walk starts from the cached state (its settled forge
keys, not filtered as a first guess: ``guessed=False``; its ``forge_dropped``). The cache is
extended only while the tip's doccontrol.yml blob and the notes ref are unchanged
(``cache.cache_key``), so an author who wants the cached keys kept pushes the tip's old file
back after an honest signed revocation. Held: the walk over the new commits leaves other keys in
force than the cached ones, and ``_forge_keys_settled`` walks again from the start."""

from __future__ import annotations

import json

from rt53_helpers import doc_change, keys_change, merged, scenario, signed_merge

from doccontrol.history.derive import derive
from doccontrol.load import repository


def _verdicts(s, use_cache):
    config = repository.load(s.root, only=set()).config
    history = derive(s.root, config, use_cache=use_cache)
    return {e.commit: e.approved for e in history.events}, history.config_in_force


def test_an_extended_cache_agrees_with_a_fresh_walk_after_a_revocation_and_a_restored_tip(
    tmp_path,
):
    s, k1, k1_pub, _k2, k2_pub = scenario(tmp_path)
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    first, _ = _verdicts(s, True)  # the cache: K1 in force, #10 approved on its note
    assert first[m10]
    tip_file = (s.root / "doccontrol.yml").read_text()
    key_before = json.loads((s.root / ".git/doccontrol/state.json").read_text())["key"]
    keys_change(s, 11, f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]',
                "吊销泄露的 K1")  # fmt: skip
    m11 = signed_merge(s, 11)
    # the author pushes the tip's old file back: same blob, same cache key, the cache extended
    (s.root / "doccontrol.yml").write_text(tip_file)
    s.git.commit("恢复", who="zhaolei")
    extended, rules_extended = _verdicts(s, True)
    key_after = json.loads((s.root / ".git/doccontrol/state.json").read_text())["key"]
    fresh, rules_fresh = _verdicts(s, False)
    assert key_before == key_after  # the cached state was the one extended
    assert extended[m11] and not extended[m10]  # revoked: K1's old note counts no more
    assert (extended, rules_extended) == (fresh, rules_fresh)
