"""Dispositions of acknowledgement-record problems (DC540…), whose commit is no approval event.

1. Signer ignored (`test_the_signer_of_a_record_commit_takes_part`): 陈明远 (config approver,
   SSH key registered in doccontrol.yml) forges 刘静's acknowledgement in a direct commit
   authored *and committed* as 赵磊, signed with his own key. The trail reports DC540.forged,
   and the record change shows signer `chenmy`. 陈明远 then approves 刘静's change adding
   `{commit: <forgery>, record: NC-2026-001}`. On the pinned code the disposition counts and
   `trail --strict` exits 0: `_people` adds the verified signer only for approval events; a
   record-only commit is judged by the record's writers (author, committer). Round 12's fix
   ("the person whose key signed the commit counts as taking part") does not reach it.
   Safe: DC521.own; `--strict` fails.

2. Site (`test_the_site_shows_a_record_problem_with_its_disposition`): 赵磊 forges 刘静's
   acknowledgement (DC540.forged); 陈明远 approves a disposition that counts; `trail` prints the
   problem followed by "handled as nonconformity NC-2026-001 (approved by 陈明远 …)" and
   `--strict` exits 0. The site's 审批记录 page lists the DC540 among its notices with no word
   of its disposition (the event rows have a 处置 column; the record problems have none), so the
   page and `trail` disagree about whether the problem is open.
   Safe: the page names the disposition (NC-2026-001) beside the record problem.

HELD (labelled below): the record's writer cannot dispose of it (DC521.own), nor can anyone when
a writer is unknown to doccontrol.yml (DC521.unknown).
"""

from __future__ import annotations

import subprocess

import gitrepo
from ack_records import ack_path, ack_text
from acks.ack_helpers import ack_scenario
from disposition_helpers import dispose, strict, trail
from gitrepo import ident
from rules_attacks import history
from site_helpers import mkdocs, page, site_repo


def _keypair(folder, name):
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


def _forged(s, who="zhaolei", extra=()):
    s.files.write(ack_path("liujing"), ack_text("liujing"))
    s.git.run("add", "-A")
    s.git.run(*extra, "commit", "-q", "-m", "代签阅知确认", who=who, date=s.git.next_date())
    return s.git.head()


def _codes(data):
    return [p["key"] for p in data["record_problems"]]


def test_the_signer_of_a_record_commit_takes_part(tmp_path):
    folder = tmp_path / "keys"
    folder.mkdir()
    key, pub = _keypair(folder, "chen")
    s = ack_scenario(
        tmp_path,
        "roles: [general-manager]}",
        f'roles: [general-manager], signing_keys: ["{pub}"]}}',
    )
    sign = ("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}")
    forgery = _forged(s, who="zhaolei", extra=(*sign, "-c", "commit.gpgsign=true"))
    shown = subprocess.run(
        ["git", "-c", "gpg.format=ssh", "log", "-1", "--format=%G?%an%cn", forgery],
        cwd=s.root, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert shown[1:].startswith("赵磊赵磊"), shown  # author and committer: 赵磊
    assert any(k.startswith("problem.DC540") for k in _codes(trail(s)))
    (change,) = [a for a in history(s).acknowledgements if a.commit == forgery]
    assert change.signer == "chenmy" and change.writers == ("zhaolei",), change  # Git proves it
    dispose(s, forgery, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert not verdict["counts"], verdict  # 陈明远 signed the forgery: his own problem
    assert strict(s).returncode != 0


def test_the_site_shows_a_record_problem_with_its_disposition(tmp_path):
    s = ack_scenario(tmp_path)
    site_repo(s)
    forgery = _forged(s)
    dispose(s, forgery, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert verdict["counts"], verdict
    assert strict(s).returncode == 0
    out = tmp_path / "site"
    built = mkdocs(s.root, out)
    assert built.returncode == 0, built.stderr
    html = page(out, "registers/approvals")
    assert "DC540" in html  # shown, as trail shows it
    assert "NC-2026-001" in html, "a handled record problem is shown as open on the site"


def test_held_the_writer_of_the_record_cannot_dispose_of_it(tmp_path):
    """HELD: 陈明远 forged the record himself (author and committer): DC521.own."""
    s = ack_scenario(tmp_path)
    forgery = _forged(s, who="chenmy")
    dispose(s, forgery, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert verdict["refusal"]["key"] == "problem.DC521.own", verdict
    assert strict(s).returncode != 0


def test_held_an_unknown_writer_blocks_the_disposition(tmp_path, monkeypatch):
    """HELD: the forgery was committed under an address doccontrol.yml does not know."""
    monkeypatch.setitem(gitrepo.PEOPLE, "chen_home", ("陈明远", "chenmy@home.example"))
    s = ack_scenario(tmp_path)
    forgery = _forged(s, who="chen_home")
    dispose(s, forgery, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert verdict["refusal"]["key"] == "problem.DC521.unknown", verdict
    assert ident("chenmy")  # the approver is known; the writer is not
