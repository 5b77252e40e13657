"""Round 37, the refs history is read from. `resolve_branch` and the warm path's `probe` ask
git for `refs/heads/main^{commit}`. git reads a full ref name by its lookup rules too
(`<name>`, `refs/<name>`, `refs/tags/<name>`, `refs/heads/<name>`…), so where the clone has
no local `main` a tag named `refs/heads/main` answers for the branch."""

from __future__ import annotations

from rt37_helpers import TRAILERS, git, run_cli, site_text, vendor

from builders import RepoBuilder
from history_helpers import body
from site_helpers import adopted_site, mkdocs

FORGED = "作者自己的规定"


def _origin_with_a_tag_named_main(tmp_path):
    """The project's repository: SM-P-01 V1.0 imported before control. 赵磊 writes V2.0 on a
    branch, makes a merge of it on top of main himself with typed Approved-by/Reviewed-by
    trailers, and pushes that merge as a tag named `refs/heads/main` (push access to tags is
    all it takes; branch protection covers branches). main itself never moves."""
    builder = RepoBuilder(tmp_path / "origin")
    builder.doc()
    s = adopted_site(builder)
    s.git.branch("side")
    s.files.doc(version="V2.0", body=body(FORGED), effective_date="2026-01-11")
    s.git.commit("修订", who="zhaolei")
    s.git.run("checkout", "-q", "--detach", "main")
    s.git.run(
        "merge",
        "--no-ff",
        "-q",
        "-m",
        "伪造" + TRAILERS,
        "side",
        who="zhaolei",
        date=s.git.next_date(),
    )
    s.git.run("tag", "refs/heads/main", "HEAD")
    s.git.checkout("main")
    s.git.run("branch", "-D", "side")
    return s


def _ci_checkout(tmp_path, origin):
    """A CI job's checkout of main (GitLab's runner; GitHub's checkout for a pull request):
    main fetched as origin/main and the tags fetched (`fetch-depth: 0`, or a build folder an
    earlier pipeline fetched them into), main's commit checked out detached, no local branch."""
    ci = tmp_path / "ci"
    ci.mkdir()
    git(ci, "init", "-q", "-b", "unused")
    git(
        ci,
        "fetch",
        "-q",
        str(origin),
        "+refs/heads/main:refs/remotes/origin/main",
        "+refs/tags/*:refs/tags/*",
    )
    git(ci, "checkout", "-q", "--detach", "refs/remotes/origin/main")
    vendor(ci)
    return ci


def test_a_tag_named_refs_heads_main_is_not_the_main_branch(tmp_path):
    """Seen: in the CI checkout, `log SM-P-01` gives V2.0 approved by 刘静, `trail --strict`
    passes with the forged merge "Approved", and the strict build (what CI publishes) shows
    V2.0's text on SM-P-01's page. main never held any of it: a plain `git clone` (a local
    main) says V1.0, no approval. `GitReader.resolve_branch` asks `rev-parse --verify
    refs/heads/main^{commit}`, and git's lookup finds `refs/tags/refs/heads/main` when there is
    no `refs/heads/main`; `probe` asks the same.
    Right: history is read from the branch only (here refs/remotes/origin/main), or refused;
    never from a tag."""
    s = _origin_with_a_tag_named_main(tmp_path)
    main = git(s.root, "rev-parse", "refs/heads/main")
    tag = git(s.root, "rev-parse", "refs/tags/refs/heads/main")
    assert main != tag
    # a plain clone has a local main: the tag does not answer for it
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(s.root), str(clone))
    plain = run_cli(clone, "log", "SM-P-01")
    assert plain.returncode == 0 and "V2.0" not in plain.stdout, plain.stdout + plain.stderr

    ci = _ci_checkout(tmp_path, s.root)
    assert git(ci, "rev-parse", "HEAD") == main
    log = run_cli(ci, "log", "SM-P-01")
    trail = run_cli(ci, "trail", "--strict")
    built = mkdocs(ci, tmp_path / "site", True)
    shown = site_text(tmp_path / "site") if built.returncode == 0 else ""
    assert "V2.0" not in log.stdout and FORGED not in shown and tag[:10] not in trail.stdout, (
        f"a tag named refs/heads/main ({tag[:10]}) is read as the main branch "
        f"({main[:10]}): log exit {log.returncode}, trail --strict exit {trail.returncode}, "
        f"strict build exit {built.returncode}, forged text on the site: {FORGED in shown}\n"
        f"{log.stdout}\n{trail.stdout}"
    )
