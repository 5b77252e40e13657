"""Round 54: cost. ``_Deriver.forge_dropped`` keeps every key some committed doccontrol.yml on
the first-parent line took out of both lists, approved or not, for ever. When the tip's file
lists such a key again (two direct pushes that take a trusted key out and put it back, both
reported DC516 and with no effect on the rules; or an honest removal and re-adding),
``_forge_keys_settled`` finds the first guess (the cached walk's keys) holding a dropped key on
every run: it throws away the warm cache's incremental walk and walks the whole line again
without the key, then once more with it (the keys in force). Each later run of history, for
one new commit, costs two whole walks instead of one commit's.

Counted by the walks (``_Deriver.run`` calls), not by time."""

from __future__ import annotations

import pytest
from rt53_helpers import doc_change, merged, scenario

from doccontrol.history import derive as derive_module


def _count_walks(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = derive_module._Deriver.run

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(derive_module._Deriver, "run", counted)
    return calls


@pytest.mark.parametrize(
    "pushed",
    [
        False,
        pytest.param(
            True,
            marks=pytest.mark.xfail(
                strict=True,
                reason="open (session 25, low, cost only): a key some committed doccontrol.yml "
                "took out of both lists is never a fresh walk's first guess, and a new note "
                "makes every run a fresh walk; the pushes that cause it are reported (DC516)",
            ),
        ),
    ],
)
def test_one_new_commit_after_a_warm_cache_is_one_incremental_walk(tmp_path, monkeypatch, pushed):
    s, k1, k1_pub, _k2, _k2_pub = scenario(tmp_path)
    s.git.checkout("main")
    if pushed:  # 赵磊 takes K1 out and puts it back: two direct commits, neither in force
        s.set_config(f'trusted_forge_keys: ["{k1_pub}"]', "trusted_forge_keys: []")
        s.git.commit("临时修改", who="zhaolei")
        s.set_config("trusted_forge_keys: []", f'trusted_forge_keys: ["{k1_pub}"]')
        s.git.commit("恢复", who="zhaolei")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    assert {e.commit: e.approved for e in s.history().events}[m10]  # warms the cache
    m11 = merged(s, tmp_path, 11, doc_change(s, 11, "V1.2"), k1)
    walks = _count_walks(monkeypatch)
    got = {e.commit: e.approved for e in s.history().events}
    assert got[m11]
    assert len(walks) == 1, f"{len(walks)} walks for one new commit (pushed: {pushed})"
