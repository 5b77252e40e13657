"""Round 52: since 7c0c18b, who signed a squash's pull-request commits is read inside
``GitReader.branch_commits``' one ``git log`` (``signed=True``), and branch_commits turns
every GitError into None ("history beyond a shallow boundary: not read"), which
``_Deriver.squashed_authors`` takes as "nothing to add". A signature read cut short
(git.ended: the signature program ends git without a word, as one that exits unread does with
SIGPIPE at random) is no longer an error, as ``GitReader.signatures`` makes it since c2a3349,
but a pull request with no writers: the approver who signed one of its commits approves it.

The fault is the one the maintainers' git.ended test and round 50 use (a signature program
that ends git), here ending it only for the pull request's signed commit, so that everything
else (the notes commits' K1 signatures) reads as usual."""

from __future__ import annotations

from doccontrol.history.gitread import GitError
from forge_helpers import capture, github_scenario, keypair, pull_request, record, review
from history_helpers import body

T1 = "2026-02-01T10:00:00Z"
LIU_ROLES = "roles: [management-representative, department-head], forge_accounts"
MARK = "liu-signed-cr-7"


def _squashed(tmp_path):
    """刘静 writes the change of pull request #7 and signs it with her own key (its author
    typed as 赵磊); GitHub squashes it onto main (a single-parent commit); the forge's
    K1-signed note says 刘静 and 王芳 approved it. Returns the scenario and the squash."""
    k1, k1_pub = keypair(tmp_path, "forge")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n',
        LIU_ROLES,
        LIU_ROLES.replace("forge_accounts", f'signing_keys: ["{liu_pub}"], forge_accounts'),
    )
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body("第 7 号变更。"))
    s.git.run("add", "-A")
    s.git.run(
        *("-c", "gpg.format=ssh", "-c", f"user.signingkey={liu}"),
        *("commit", "-S", "-q", "-m", f"变更 7 ({MARK})"),
        who="zhaolei",
        date=s.git.next_date(),
    )
    head = s.git.head()
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    s.git.run("commit", "-q", "-m", "变更 7 (#7)", who="zhaolei", date=s.git.next_date())
    squash = s.git.head()
    items = [
        review(71, "liu-jing", "APPROVED", head, T1),
        review(72, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(7, "变更 7", head, squash, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api7", pull, items), 7, "--sign-key", str(k1))
    return s, squash


def _cut_at_the_pull_request(s, tmp_path):
    """gpg.ssh.program: ssh-keygen, but git is ended (SIGKILL, no word) while it verifies the
    pull request's signed commit."""
    program = tmp_path / "ends-git"
    program.write_text(
        "#!/bin/sh\n"
        'payload=$(mktemp)\ncat > "$payload"\n'
        f'if grep -q "{MARK}" "$payload"; then kill -KILL $PPID; exit 1; fi\n'
        'exec ssh-keygen "$@" < "$payload"\n'
    )
    program.chmod(0o755)
    s.git.run("config", "gpg.ssh.program", str(program))


def _verdict(s, squash):
    return {e.commit: (e.approved, e.evidence) for e in s.history().events}[squash]


def test_held_the_approver_who_signed_a_squashed_commit_cannot_approve_it(tmp_path):
    """Control: with the signature read in full, 刘静 signed the pull request's commit, so she
    wrote it (identities.writers) and her approval is self-approval."""
    s, squash = _squashed(tmp_path)
    approved, evidence = _verdict(s, squash)
    assert not approved, evidence


def test_a_squash_whose_signature_read_is_cut_short_is_an_error_not_a_pr_without_writers(
    tmp_path,
):
    s, squash = _squashed(tmp_path)
    _cut_at_the_pull_request(s, tmp_path)
    try:
        approved, evidence = _verdict(s, squash)
    except GitError:
        return  # right: the read was cut short, nothing is derived from it
    assert not approved, (
        "git was ended while reading who signed the pull request's commits; branch_commits "
        f"answered None and 刘静 approved her own signed change: {evidence}"
    )
