"""Round 29, target 2: crafted trees that list a path twice (git fsck: duplicateEntries),
merged the way a forge merges, which `approve` would refuse (`repeated-path`). The trail's
DC523 (``_Deriver.listed_twice``) must keep any such approval from counting, at least where a
reader of Git (``rev:path``: history, the register, `show`) and a checkout (CI's check, the
site's build) would see different things."""

from __future__ import annotations

import re

from rt29_helpers import (
    DOC,
    SOON,
    cli_env,
    codes_of,
    crafted_branch,
    forge_merge,
    git_out,
    mktree,
    trail_strict,
    two_doc_scenario,
)

from builders import procedure
from gitrepo import ident
from history_helpers import body, make_scenario


def _hash(s, text: str) -> str:
    import subprocess

    done = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"],
        cwd=s.root,
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    return done.stdout.decode().strip()


def _forged(s) -> str:
    old = (s.root / DOC).read_text(encoding="utf-8")
    text = old.replace("的内容。", "FORGED-TEXT 的内容。").replace("version: V1.0", "version: V1.1")
    return re.sub(r"effective_date: \S+", f"effective_date: {SOON}", text, count=1)


def _branch_on_tree(s, name: str, tree: str) -> str:
    """赵磊's branch ``name``: one commit on main whose tree is ``tree``."""
    tip = s.git.run("commit-tree", tree, "-p", "main", "-m", f"{name}: 修改", who="zhaolei")
    s.git.run("branch", "-f", name, tip)
    return tip


def test_a_folder_listed_twice_whose_second_holds_a_new_document_does_not_count(tmp_path):
    """docs/ lists `procedures` twice: first main's own folder (unchanged), then a folder
    holding only new.md, a valid SM-P-03. git's diff against main names one line, `A
    docs/procedures/new.md` (the first folder is main's, so unchanged): a path main does not
    hold, added once, so DC523 does not see it. A forge merges it (刘静 approved).
    What each reader sees: a checkout (CI, the site) writes both folders' files; history
    counts SM-P-03 as approved at docs/procedures/new.md; Git's `main:docs/procedures/new.md`
    (which `show`, `diff`, the register's text reads go through) finds the FIRST procedures
    folder and no new.md in it. Right: like any tree listing a path twice (approve refuses it
    as `repeated-path`), the approval does not count: DC523."""
    s = two_doc_scenario(tmp_path)
    new = procedure(doc_id="SM-P-03", title="第三程序", effective_date=SOON, body=body("第三"))
    second = mktree(s, [f"100644 blob {_hash(s, new)}\tnew.md"])
    procedures = s.git.run("rev-parse", "main:docs/procedures")
    docs = git_out(s, "ls-tree", "main:docs").splitlines()
    docs.append(f"040000 tree {second}\tprocedures")
    docs_tree = mktree(s, docs)
    top = git_out(s, "ls-tree", "main").replace(s.git.run("rev-parse", "main:docs"), docs_tree)
    tree = mktree(s, top.splitlines())
    listed = git_out(s, "ls-tree", tree + ":docs")
    assert listed.count("\tprocedures\n") == 2 and procedures in listed, listed
    _branch_on_tree(s, "cr-dir", tree)
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", tree).strip()
    assert raw.endswith("A\tdocs/procedures/new.md") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-dir")
    # a checkout writes both folders: new.md is there, next to main's documents
    assert (s.root / "docs/procedures/new.md").exists() and (s.root / DOC).exists()
    # Git's own lookup reads the first folder only
    seen = git_out(s, "cat-file", "-t", "main:docs/procedures/new.md").strip()
    show = cli_env(s.root, {}, "show", "SM-P-03", "--as-of", SOON)
    reg = cli_env(s.root, {}, "register", "--format", "json")
    code, out = trail_strict(s)
    found = codes_of(s.history(), sha)
    assert "DC523" in found and code != 0, (
        "a forge merge of a tree listing docs/procedures twice counts as an approval:\n"
        + out
        + f"\n`git cat-file -t main:docs/procedures/new.md`: {seen!r}"
        + f"\n`doccontrol show SM-P-03` rc {show.returncode}: {(show.stdout + show.stderr)[:300]}"
        + f"\n`doccontrol register` rc {reg.returncode}: {reg.stderr[:300]}"
    )


def test_a_link_named_like_a_document_listed_first_does_not_count(tmp_path):
    """Main holds docs/procedures/alias.md as a symbolic link (from the pre-control import;
    history judges a link in docs/ as a controlled file, never a document, so the walk's map of
    documents does not hold it). 赵磊's branch lists alias.md twice: first main's link
    (unchanged), then a regular SM-P-03. git's diff names one `A docs/procedures/alias.md`: a
    regular Markdown file, so a document, not a controlled file, and absent from the walk's
    map: DC523 misses it. A checkout writes the document; Git's `main:…alias.md` reads the
    link. Right: DC523."""
    s = make_scenario(tmp_path)
    (s.root / "docs/procedures/alias.md").symlink_to("test.md")
    s.git.commit("别名（控制前）", who="wangfang", date="2026-01-01T12:00:00+08:00")
    new = procedure(doc_id="SM-P-03", title="第三程序", effective_date=SOON, body=body("第三"))
    crafted_branch(s, "cr-alias", [("docs/procedures", "100644", b"alias.md", new.encode())])
    listed = git_out(s, "ls-tree", "cr-alias:docs/procedures")
    assert listed.count("\talias.md\n") == 2 and "120000 blob" in listed, listed
    sha = forge_merge(s, "cr-alias")
    assert not (s.root / "docs/procedures/alias.md").is_symlink()  # the checkout: the document
    kind = git_out(s, "ls-tree", "main", "docs/procedures/alias.md").split(" ")[0]
    show = cli_env(s.root, {}, "show", "SM-P-03", "--as-of", SOON)
    found = codes_of(s.history(), sha)
    code, out = trail_strict(s)
    assert "DC523" in found and code != 0, (
        f"history reads main:alias.md as mode {kind} (the link), the checkout the document; "
        "the approval counts:\n"
        + out
        + f"\n`doccontrol show SM-P-03` rc {show.returncode}: {(show.stdout + show.stderr)[:300]}"
    )


# --- defended -------------------------------------------------------------------------------


def test_a_duplicate_only_in_the_branch_is_collapsed_by_gits_merge(tmp_path):
    """赵磊's branch lists test.md twice: first a FORGED V1.1 (what Git reads on the branch),
    then a checked V1.1 (what CI's checkout of the branch checks). Main has moved on since
    (b.md changed), so the forge's merge (git merge, ort) must merge docs/procedures entry by
    entry and writes test.md once. Right: whatever counts as approved is the text a checkout
    of main holds (never the FORGED text), and the merge's own tree is clean."""
    s = two_doc_scenario(tmp_path)
    checked = _forged(s).replace("FORGED-TEXT ", "")
    forged = _forged(s)
    crafted_branch(
        s,
        "cr-side",
        [
            ("docs/procedures", "100644", b"test.md", forged.encode()),
            ("docs/procedures", "100644", b"test.md", checked.encode()),
        ],
    )
    # the crafted listing: main's test.md, then the two branch entries; drop main's own
    tree = s.git.run("rev-parse", "cr-side^{tree}")
    proc = [
        line
        for line in git_out(s, "ls-tree", f"{tree}:docs/procedures").splitlines()
        if not (line.endswith("\ttest.md") and s.git.run("rev-parse", f"main:{DOC}") in line)
    ]
    assert sum(line.endswith("\ttest.md") for line in proc) == 2, proc
    docs = git_out(s, "ls-tree", f"{tree}:docs").replace(
        s.git.run("rev-parse", f"{tree}:docs/procedures"), mktree(s, proc)
    )
    top = git_out(s, "ls-tree", tree).replace(
        s.git.run("rev-parse", f"{tree}:docs"), mktree(s, docs.splitlines())
    )
    _branch_on_tree(s, "cr-side", mktree(s, top.splitlines()))
    assert "FORGED-TEXT" in git_out(s, "show", f"cr-side:{DOC}")
    # main moves on: b.md changes (approved)
    s.git.branch("cr-b")
    s.files.write(
        "docs/procedures/b.md",
        (s.root / "docs/procedures/b.md").read_text(encoding="utf-8").replace("乙", "丙"),
    )
    s.git.commit("修改 b", who="zhaolei")
    s.git.merge("cr-b", "修改 b")
    merged = s.git.run("merge-tree", "--write-tree", "main", "cr-side").splitlines()[0]
    sha = forge_merge(s, "cr-side", tree=merged)
    assert git_out(s, "ls-tree", "main:docs/procedures").count("\ttest.md\n") == 1
    show = cli_env(s.root, {}, "show", "SM-P-01", "--as-of", SOON)
    assert "FORGED-TEXT" not in git_out(s, "show", f"main:{DOC}")
    assert "FORGED-TEXT" not in (s.root / DOC).read_text(encoding="utf-8")
    assert "FORGED-TEXT" not in show.stdout, show.stdout[:400]
    assert sha == s.git.head()


def _dup_scenario(tmp_path):
    s = make_scenario(
        tmp_path,
        "trusted_forge_keys: []",
        "trusted_forge_keys: []\n  trust_unsigned_squash: true",
    )
    crafted_branch(s, "cr-dup", [("docs/procedures", "100644", b"test.md", _forged(s).encode())])
    return s, s.git.run("rev-parse", "cr-dup^{tree}")


def _message(kind: str) -> str:
    return (
        f"{kind} into 'main'\n\n合并\n\nSee merge request it/sms!3\n\n"
        f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}\n"
    )


def test_a_duplicate_in_an_octopus_merge_does_not_count(tmp_path):
    """test.md listed twice, main's blob first and a FORGED V1.1 second, merged as an octopus
    (main, the branch and another branch adding a picture). Right: DC523."""
    s, tree = _dup_scenario(tmp_path)
    s.git.branch("cr-other")
    (s.root / "docs/assets").mkdir(parents=True)
    (s.root / "docs/assets/flow.png").write_bytes(b"\x89PNG flow")
    s.git.commit("流程图", who="sunyue")
    s.git.checkout("main")
    parents = ("-p", "main", "-p", "cr-dup", "-p", "cr-other")
    message = _message("Merge branches 'cr-dup' and 'cr-other'")
    octopus = s.git.run(
        "commit-tree", tree, *parents, "-m", message, who="zhaolei", date=s.git.next_date()
    )
    s.git.run("update-ref", "refs/heads/main", octopus)
    found = codes_of(s.history(), octopus)
    assert "DC523" in found, sorted(found)


def test_a_duplicate_in_a_squash_merge_does_not_count(tmp_path):
    """The same tree committed as a forge's squash merge (one parent, `See merge request`,
    trust_unsigned_squash: true). Right: DC523."""
    s, tree = _dup_scenario(tmp_path)
    message = _message("Squash branch 'cr-dup'")
    squash = s.git.run(
        "commit-tree", tree, "-p", "main", "-m", message, who="zhaolei", date=s.git.next_date()
    )
    s.git.run("update-ref", "refs/heads/main", squash)
    history = s.history()
    assert {e.commit: e.kind for e in history.events}.get(squash) == "squash"
    found = codes_of(history, squash)
    assert "DC523" in found, sorted(found)
