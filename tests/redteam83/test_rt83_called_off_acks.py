"""Acknowledgements around a call-off (session 32: V1.1 approved back while V1.2 waited is a
review by digest, and V1.2 is called off).

``pending_v12``: V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved
2026-03-01 for 2026-06-01; 王芳 acknowledges V1.2 on 2026-03-05 (she never acknowledged
V1.1). On 2026-03-10 V1.1 is approved back (its very text)."""

from __future__ import annotations

from rt74_helpers import FIRST, approve, owed, pending_v12, procedure


def _called_off(tmp_path):
    s = pending_v12(tmp_path)
    back = procedure(version="V1.1", effective_date="2026-02-01", body=FIRST)
    approve(s, "v11-back", back, "2026-03-10", n=5)
    return s


def test_an_acknowledgement_of_the_called_off_version_does_not_count(tmp_path):
    """Held: on 2026-03-20 and on 2026-07-01 (after V1.2's day) 王芳 still owes V1.1, and her
    acknowledgement of V1.2 is reported (DC542: a version never in force)."""
    s = _called_off(tmp_path)
    for day in ("2026-03-20", "2026-07-01"):
        _, rows, problems = owed(s, day)
        assert rows["wangfang"]["version"] == "V1.1" and not rows["wangfang"]["done"], rows
        assert any(p["code"] == "DC542" and p["person"] == "wangfang" for p in problems)
