"""Which branch history is read from: doccontrol.yml's main_branch, and only when that branch
names itself the main branch. A direct commit that points main_branch at an author's own
branch of typed approvals is refused, and one that renames the branch on that branch too is a
change nobody approved in its trail."""

from __future__ import annotations

import pytest

from history_helpers import body, cli


def test_a_main_branch_that_disowns_itself_is_refused(scenario):
    """main_branch: evil, committed straight to main; on evil, a merge whose Approved-by the
    author typed (as good as a direct push to main would be, were main unprotected)."""
    s = scenario
    s.git.branch("evil")
    s.git.branch("side")
    s.files.doc(version="V2.0", body=body("作者自己的规定"), effective_date="2026-02-01")
    s.git.commit("修订", who="zhaolei")
    s.git.run("checkout", "-q", "evil")
    s.git.run(
        "merge",
        "--no-ff",
        "-q",
        "-m",
        "伪造\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        "side",
        who="liujing",
    )
    s.git.checkout("main")
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("主分支", who="zhaolei")
    env = {"LC_ALL": "en_US.UTF-8"}
    for args in (("register",), ("trail", "--strict"), ("log", "SM-P-01")):
        out = cli(s.root, *args, env=env)
        # the register is still given from the work tree, saying it has no history to go by
        assert out.returncode != 0 or args == ("register",), args
        assert "V2.0" not in out.stdout
        assert (
            "doccontrol.yml names 'evil' as the main branch, but that branch's own doccontrol.yml"
            " names 'main'" in out.stderr
        ), out.stderr


def test_a_switch_the_branch_never_held_is_refused(scenario):
    """An orphan branch of typed merges whose own doccontrol.yml names it (and brings rules of
    its own), and main_branch pointed at it by a direct commit on main: that commit is not on
    the branch, so its history is not read."""
    s = scenario
    trailers = (
        "\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    )
    s.git.run("checkout", "-q", "--orphan", "evil")
    s.git.run("rm", "-rfq", "--cached", ".")
    s.git.run("commit", "-q", "--allow-empty", "-m", "root", who="zhaolei")
    s.git.run("checkout", "-q", "-b", "side")
    s.files.doc(version="V2.0", body=body("作者自己的规定"), effective_date="2026-02-01")
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("修订", who="zhaolei")
    s.git.run("checkout", "-q", "evil")
    s.git.run("merge", "--no-ff", "-q", "-m", "伪造" + trailers, "side", who="liujing")
    s.git.run("checkout", "-q", "-f", "main")
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("主分支", who="zhaolei")
    for args in (("trail", "--strict"), ("log", "SM-P-01"), ("register",)):
        out = cli(s.root, *args, env={"LC_ALL": "en_US.UTF-8"})
        assert out.returncode != 0 or args == ("register",), args
        assert "V2.0" not in out.stdout
        assert "names 'evil' as the main branch" in out.stderr
        assert "the checked-out history shares no commit with it" in out.stderr


def test_a_branch_renamed_on_its_own_line_without_approval_is_in_its_trail(scenario):
    """main_branch changed by a direct commit that the named branch holds: history is read
    from it, and the trail says nobody approved the change."""
    s = scenario
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("主分支", who="zhaolei")
    s.git.run("branch", "evil")
    out = cli(s.root, "trail", "--strict", env={"LC_ALL": "en_US.UTF-8"})
    assert out.returncode == 1
    assert "DC516" in out.stdout and "doccontrol.yml" in out.stdout


def test_an_authors_branch_behind_main_reads_main(scenario):
    """The everyday case the check must leave alone: an author's branch that main has moved
    past (not rebased), with a change of its own to doccontrol.yml (not main_branch)."""
    s = scenario
    s.git.branch("cr-1")
    s.set_config("control_since: 2026-01-02", "control_since: 2026-01-02\ntimezone: '+08:00'")
    s.files.doc(version="V1.1", body=body("作者的修订"), effective_date="2026-02-01")
    s.git.commit("修订", who="zhaolei")
    s.git.branch("cr-2")
    s.files.doc(version="V1.1", body=body("另一修订"), effective_date="2026-02-01")
    s.git.commit("另一修订", who="zhaolei")
    s.git.merge("cr-2", "批准另一修订")
    _reads_main_from(s, "cr-1")


@pytest.mark.parametrize(
    "switch",
    [
        "plain",
        "unseen by git's diff",  # .gitattributes: doccontrol.yml -diff
        "spelt otherwise",  # a quoted key: no line starts with main_branch:
    ],
)
def test_a_switch_the_branch_never_held_is_refused_however_written(scenario, switch):
    """evil branched from main's first commit, with a merge of typed approvals that names it
    the main branch; main points at it by a direct commit, written so a text search would
    miss it: the names are compared where main's line meets evil's history, parsed."""
    s = scenario
    trailers = (
        "\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    )
    s.git.branch("evil")
    s.git.branch("side", "evil")
    s.files.doc(version="V2.0", body=body("作者自己的规定"), effective_date="2026-02-01")
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("修订", who="zhaolei")
    s.git.run("checkout", "-q", "evil")
    s.git.run("merge", "--no-ff", "-q", "-m", "伪造" + trailers, "side", who="liujing")
    s.git.checkout("main")
    if switch == "unseen by git's diff":
        (s.root / ".gitattributes").write_text("doccontrol.yml -diff\n")
    new = '"main_branch": evil' if switch == "spelt otherwise" else "main_branch: evil"
    s.set_config("main_branch: main", new)
    s.git.commit("主分支", who="zhaolei")
    out = cli(s.root, "trail", "--strict", env={"LC_ALL": "en_US.UTF-8"})
    assert out.returncode == 2, out.stdout
    assert "names 'evil' as the main branch, but where the checked-out history meets" in out.stderr


def test_a_switch_merged_into_the_branch_from_the_side_is_refused(scenario):
    """evil branched from the first commit, and merged in (from the side) a branch made from
    main's direct commit that names it: evil holds that commit, though never on its own line;
    the lines must meet on both first-parent lines, and there the name is main."""
    s = scenario
    trailers = (
        "\\n\\nApproved-by: 刘静 <liu.jing@example.com>\\nReviewed-by: 王芳 <wang.fang@example.com>"
    )
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("主分支", who="zhaolei")  # the direct commit on main
    s.git.branch("side")
    s.files.doc(version="V2.0", body=body("作者自己的规定"), effective_date="2026-02-01")
    s.git.commit("修订", who="zhaolei")
    first = s.git.run("rev-list", "--max-parents=0", "HEAD")
    s.git.run("checkout", "-q", "-b", "evil", first)
    s.git.run("merge", "--no-ff", "-q", "-m", "伪造" + trailers, "side", who="liujing")
    s.git.checkout("main")
    out = cli(s.root, "trail", "--strict", env={"LC_ALL": "en_US.UTF-8"})
    assert out.returncode == 2, out.stdout
    assert "names 'evil' as the main branch, but where the checked-out history meets" in out.stderr
    assert "names 'main'" in out.stderr


def test_a_branch_made_from_a_merged_branch_reads_main(scenario):
    """Stacked branches: cr-2 made from cr-1, and cr-1 approved into main since; cr-2 leaves
    main's history at a commit main holds only from the side, and meets its line further back."""
    s = scenario
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("第一处修订"), effective_date="2026-02-01")
    s.git.commit("修订一", who="zhaolei")
    s.git.branch("cr-2", "cr-1")
    s.files.write("docs/procedures/note.md", "草稿\\n")
    s.git.commit("修订二", who="zhaolei")
    s.git.merge("cr-1", "批准修订一")
    _reads_main_from(s, "cr-2")


def _reads_main_from(s, branch: str) -> None:
    """With ``branch`` checked out, the history is main's: V1.1, approved there, is in it."""
    s.git.checkout(branch)
    out = cli(s.root, "log", "SM-P-01", env={"LC_ALL": "en_US.UTF-8"})
    assert out.returncode in (0, 1), out.stderr
    assert "error" not in out.stderr and "V1.1" in out.stdout
