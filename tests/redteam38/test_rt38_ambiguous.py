"""Round 38, the other side of round 37's fix. `exact_commit` asks `rev-parse --revs-only
REF^{commit} --symbolic-full-name REF` and takes the answer only where the name printed is REF.
Where REF exists AND another ref answers to the same name by git's lookup rules
(`refs/tags/REF`, `refs/heads/REF`, `refs/REF`, `refs/remotes/REF`), git calls the name
ambiguous: `--symbolic-full-name` prints nothing (`error: refname 'refs/heads/main' is
ambiguous`), and the branch that is there is taken for missing. A tag pushed under the name
of a ref is fetched by every `git clone` (and `fetch-depth: 0`, `git fetch --tags`)."""

from __future__ import annotations

import json

from rt38_helpers import approve, forge_merge, git, own_branch, run_cli, tag_as

from forge_helpers import LOGINS, capture, change, github_scenario, merge, pull_request, record
from forge_helpers import review as gh_review
from history_helpers import make_scenario

T1 = "2026-02-01T10:00:00Z"
T2 = "2026-02-02T10:00:00Z"


def test_a_tag_named_refs_heads_main_beside_main_does_not_stop_approve(tmp_path):
    """Seen: in the approver's working copy (local main checked out, tags fetched), 刘静's
    `approve cr-9` stops: "no branch 'main'". `approve` takes main's tip with
    `exact_commit(refs/heads/main)`, and with `refs/tags/refs/heads/main` beside the branch
    git finds the name ambiguous and prints no full name. One pushed tag stops every approval
    in every clone until someone deletes it.
    Right: the branch that exists is the branch (`git -c core.warnAmbiguousRefs=false
    rev-parse …`, or `show-ref --verify`/`for-each-ref` on the exact name); cr-9 is merged."""
    s = make_scenario(tmp_path)
    tip = own_branch(s, who="zhaolei")
    tag_as(s.root, "refs/heads/main", tip)
    result, merged = approve(s, "cr-9", who="liujing")
    assert merged and result.returncode == 0, (
        "a tag named refs/heads/main beside the branch stops approve:\n"
        + result.stdout[-800:]
        + result.stderr[-800:]
    )


def test_tags_named_like_both_main_refs_do_not_stop_the_trail(tmp_path):
    """Seen: in a plain `git clone` of a repository where 赵磊 pushed two tags, named
    `refs/heads/main` and `refs/remotes/origin/main`, `log SM-P-01` and `trail --strict` are
    refused ("no branch 'main'"), though main and origin/main are both there: each name is
    ambiguous with its tag, so `resolve_branch` finds neither. Every CI job and every working
    copy stops (the strict build too) until the tags are deleted.
    Right: the branches are read (V1.1, approved by the forge's merge)."""
    s = make_scenario(tmp_path)
    own_branch(s, who="zhaolei")
    forge_merge(s, "cr-9", approvers=("liujing",))
    main = s.git.run("rev-parse", "main")
    for name in ("refs/heads/main", "refs/remotes/origin/main"):
        tag_as(s.root, name, "main~1")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(s.root), str(clone))
    assert git(clone, "rev-parse", "refs/heads/main") == main
    log = run_cli(clone, "log", "SM-P-01")
    trail = run_cli(clone, "trail", "--strict")
    assert log.returncode == 0 and "V1.1" in log.stdout and trail.returncode == 0, (
        f"tags named like main's refs stop the history: log exit {log.returncode}, "
        f"trail --strict exit {trail.returncode}\n{log.stdout}{log.stderr}{trail.stderr}"
    )


def _reviewed(tmp_path):
    """PR 7 (赵磊's change) merged as GitHub does, its reviews by 刘静 and 王芳 captured into
    refs/notes/doccontrol. Returns (scenario, merge commit)."""
    s = github_scenario(tmp_path)
    head = change(s, 7)
    commit = merge(s, 7)
    items = [
        gh_review(101, LOGINS["liujing"], "APPROVED", head, T1),
        gh_review(102, LOGINS["wangfang"], "APPROVED", head, T2),
    ]
    pull = pull_request(7, "变更 7", head, commit, LOGINS["zhaolei"], "liu-jing")
    capture(s, record(tmp_path / "api-7", pull, items), 7)
    return s, commit


def _approved(root):
    out = run_cli(root, "trail", "--format", "json")
    assert out.stdout, out.stderr
    events = json.loads(out.stdout)["events"]
    return [e for e in events if e.get("approved")], out


def test_a_tag_named_like_the_notes_ref_beside_it_does_not_hide_the_reviews(tmp_path):
    """Seen: with a tag named `refs/notes/doccontrol` (any commit: here main's) beside the
    real notes ref, the trail reads no notes at all: `notes_tip` is `exact_commit`, the name
    is ambiguous, and every GitHub-reviewed change is unapproved (DC504/DC505) in every clone
    that fetched the notes and the tags.
    Right: the notes ref that exists is read; PR 7 stays approved by 刘静 and 王芳."""
    s, _commit = _reviewed(tmp_path)
    before, _ = _approved(s.root)
    assert before, "the captured reviews approve PR 7"
    tag_as(s.root, "refs/notes/doccontrol", "main")
    after, out = _approved(s.root)
    assert len(after) == len(before), (
        "a tag named refs/notes/doccontrol hides the real notes:\n" + out.stdout[-1500:]
    )
