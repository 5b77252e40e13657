"""A disposition of a commit's event problems also silences the history notices about that
commit (DC517 here), which the trail prints with no disposition at all.

Attack: 赵磊 pushes two direct commits to doccontrol.yml: one moves `control_since` from
2026-01-02 to 2026-01-03, the next moves it back (both DC516). An approved change to
`publish.site_name` follows. The trail now carries the notice DC517.not-approved on the second
push ("control_since was set to 2026-01-02 by commit …, which is not an approval …"). 陈明远
approves dispositions of the two pushes' DC516s (NC-2026-001, NC-2026-002).
On b9b0c8d: `trail --strict` exits 0 and says "3 problems (3 of them handled as
nonconformities)"; the DC517 notice is printed as an open problem ("! DC517 …") with no
disposition line. `Dispositions.open` drops every problem whose commit has a disposition,
notices included, though `judge` (and DC521.no-problem) look only at events' and records'
problems, and the README speaks of the event's problems.

Safe: a disposition handles the problems it is judged against (the event's and the records');
a notice stays open (or is shown as handled, with its disposition). Here: `--strict` fails while
DC517 stands.
"""

from __future__ import annotations

from disposition_helpers import approved, entry, record, scenario, strict, trail
from rules_attacks import SITE


def test_a_disposition_does_not_silence_a_notice_about_its_commit(tmp_path):
    s = scenario(tmp_path)
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-03")
    first = s.git.commit("移动起点", who="zhaolei")
    s.set_config("control_since: 2026-01-03", "control_since: 2026-01-02")
    second = s.git.commit("移回起点", who="zhaolei")
    approved(s, "site", lambda: s.set_config(*SITE), approvers=("chenmy",))

    def nc():
        record(s, "NC-2026-001")
        record(s, "NC-2026-002")
        s.set_config(
            "approval:\n",
            entry(first) + f"    - commit: {second}\n      record: NC-2026-002\n",
        )

    approved(s, "nc", nc, approvers=("chenmy",))
    data = trail(s)
    assert all(d["counts"] for d in data["dispositions"])  # the DC516s are handled, rightly
    notices = [p for p in data["notices"] if p["commit"] == second]
    assert [p["key"] for p in notices] == ["problem.DC517.not-approved"]
    assert strict(s).returncode != 0
