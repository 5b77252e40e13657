"""Round 29, target 1: legitimate histories made with ordinary git commands must never get
DC523 (a path listed twice), and `approve` must never refuse them as `repeated-path` or for
letter case. ``_Deriver.listed_twice`` takes an addition (A, or R/C onto a path) of a
controlled file for a duplicate when ``GitReader.exists_at(parent, path)`` is true, and that
is true for a FOLDER as well as a file: a folder replaced by a file of the same name is an
ordinary change git's diff shows as exactly that (the folder's files D, the file A)."""

from __future__ import annotations

import shutil

from rt29_helpers import (
    DOC,
    FOLDER,
    approve,
    codes_of,
    folder_approved,
    trail_strict,
    two_doc_scenario,
)

from builders import TODAY, procedure
from history_helpers import body


def test_a_folder_replaced_by_a_file_of_the_same_name_is_no_duplicate(tmp_path):
    """赵磊's branch replaces the folder tools/release/ by one script tools/release (`git rm -r`,
    a new file, `git add -A`). git's diff: D release/helpers.sh, D release/main.sh, A release.
    The merge tree lists each path once (git fsck is clean). 陈明远 approves it with
    `doccontrol approve`. Right: approve merges it and the trail counts the approval: no
    DC523. Wrong (today): ``exists_at(main, "tools/release")`` finds the folder, so the
    script's addition is taken for a second entry of the path: DC523 (blocking) on approve's
    own merge, and `trail --strict` fails."""
    s = folder_approved(tmp_path)
    s.git.branch("cr-flat")
    shutil.rmtree(s.root / FOLDER)
    (s.root / FOLDER).write_text("#!/bin/sh\necho release\n")
    s.git.commit("发布脚本合为一个文件", who="zhaolei")
    s.git.checkout("main")
    raw = s.git.run("diff", "--raw", "-M", "main", "cr-flat")
    assert f"A\t{FOLDER}\n" in raw + "\n", raw
    result, merged = approve(s, "cr-flat", "chenmy", "wangfang")
    assert merged, result.stdout + result.stderr  # approve sees nothing wrong in it
    merge = s.git.head()
    assert s.git.run("fsck", "--no-dangling") == ""  # no tree lists a path twice
    code, out = trail_strict(s)
    found = codes_of(s.history(), merge)
    assert "DC523" not in found and code == 0, (
        "an ordinary folder-to-file change, merged by approve itself, is DC523:\n" + out
    )


def test_a_file_renamed_onto_a_folders_name_is_no_duplicate(tmp_path):
    """The same with a rename: tools/release/ is removed and `git mv tools/release.sh
    tools/release` takes its name; git's diff pairs it as R tools/release.sh → tools/release.
    A forge merges it (陈明远 approved, 王芳 reviewed). Right: no DC523."""
    s = folder_approved(tmp_path)
    s.git.branch("cr-sh")
    (s.root / "tools/release.sh").write_text("#!/bin/sh\n" + "echo step\n" * 20)
    s.git.commit("新发布脚本", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-sh", "chenmy", "wangfang")
    assert merged, result.stdout + result.stderr
    s.git.branch("cr-mv")
    s.git.run("rm", "-r", "-q", FOLDER)
    s.git.run("mv", "tools/release.sh", FOLDER)
    s.git.commit("新脚本取代旧文件夹", who="zhaolei")
    s.git.checkout("main")
    raw = s.git.run("diff", "--raw", "-M", "main", "cr-mv")
    assert f"R100\ttools/release.sh\t{FOLDER}" in raw, raw
    merge = s.git.merge("cr-mv", "新脚本取代旧文件夹", approvers=("chenmy",))
    found = codes_of(s.history(), merge)
    assert "DC523" not in found, sorted(found)


def test_ordinary_moves_and_merges_are_no_duplicates(tmp_path):
    """Guard against false positives: each of these is an approved merge of branches made with
    ordinary git commands, and none may get DC523: a case-only rename (git mv test.md Test.md,
    merged by `doccontrol approve`, which must not refuse it for letter case or as a repeated
    path), a document moved into a folder of its own stem (b.md → b/index.md) with a new
    document at the old name, an octopus merge of a branch that moves a document away and puts
    a new one at its path with a branch adding a picture, and a branch that merged main (which
    added a document at the path the branch moves a document away from) before its approval."""
    s = two_doc_scenario(tmp_path)
    seen: dict[str, set[str]] = {}

    # 1. a case-only rename, approved with `doccontrol approve`
    s.git.branch("cr-case")
    s.git.run("mv", DOC, "docs/procedures/Test.md")
    s.git.commit("文件名大小写", who="zhaolei")
    s.git.checkout("main")
    # (any move of a document asks approve for a new effective date: given here)
    result, merged = approve(s, "cr-case", "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    seen["case"] = codes_of(s.history(), s.git.head())

    # 2. b.md becomes b/index.md, and a new document takes b.md (approve)
    s.git.branch("cr-folder")
    (s.root / "docs/procedures/b").mkdir(parents=True, exist_ok=True)
    s.git.run("mv", "docs/procedures/b.md", "docs/procedures/b/index.md")
    s.files.write(
        "docs/procedures/b.md",
        procedure(doc_id="SM-P-03", title="第三程序", body=body("第三个程序")),
    )
    s.git.commit("b 改为文件夹", who="zhaolei")
    s.git.checkout("main")
    seen["folder"] = codes_of(s.history(), s.git.merge("cr-folder", "b 改为文件夹"))

    # 3. an octopus merge: one branch moves Test.md away and puts SM-P-04 at its path, the
    # other adds a picture
    s.git.branch("cr-oct1")
    s.git.run("mv", "docs/procedures/Test.md", "docs/procedures/moved.md")
    s.files.write(
        "docs/procedures/Test.md",
        procedure(doc_id="SM-P-04", title="第四程序", body=body("第四个程序")),
    )
    s.git.commit("移动并新增", who="zhaolei")
    s.git.branch("cr-oct2", "main")
    (s.root / "docs/assets").mkdir(parents=True, exist_ok=True)
    (s.root / "docs/assets/flow.png").write_bytes(b"\x89PNG flow")
    s.git.commit("流程图", who="sunyue")
    s.git.checkout("main")
    message = (
        "Merge branches 'cr-oct1' and 'cr-oct2'\n\n章鱼合并\n\n"
        "Approved-by: 陈明远 <chen.mingyuan@example.com>\n"
        "Reviewed-by: 王芳 <wang.fang@example.com>"
    )
    seen["octopus"] = codes_of(
        s.history(), s.git.merge_message(message, "cr-oct1", "cr-oct2", who="chenmy")
    )

    # 4. main merged into the branch before the approval (a "sync" merge on the branch)
    s.git.branch("cr-sync")
    s.git.run("mv", "docs/procedures/moved.md", "docs/procedures/renamed.md")
    s.git.commit("再次移动", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-other")
    s.files.write(
        "docs/procedures/moved.md",
        procedure(doc_id="SM-P-05", title="第五程序", body=body("第五个程序")),
    )
    s.git.commit("新增 SM-P-05", who="sunyue")
    s.git.checkout("main")
    s.git.merge("cr-other", "新增 SM-P-05")
    s.git.checkout("cr-sync")
    s.git.run("merge", "-q", "--no-ff", "-m", "sync main", "main", who="zhaolei")
    s.git.checkout("main")
    seen["sync"] = codes_of(s.history(), s.git.merge("cr-sync", "再次移动"))

    dc523 = {k: v for k, v in seen.items() if "DC523" in v}
    assert not dc523, dc523
