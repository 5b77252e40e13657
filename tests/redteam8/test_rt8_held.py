"""What held in round 22 (these pass)."""

from __future__ import annotations

import json
import os
import random
import shutil

import pytest

from history_helpers import make_scenario
from rules_attacks import HOOK, approve, forge_merge, history, last_event, pending

SCHEMA = "schemas/records/incident.schema.json"


def test_a_markdown_document_turned_into_a_symlink_is_refused_by_approve(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write("records/secret.md", "# 机密\n")
    s.git.commit("记录", who="wangfang")
    s.git.branch("ln")
    doc = s.root / "docs/procedures/test.md"
    doc.unlink()
    os.symlink("../../records/secret.md", doc)
    s.git.commit("改为链接", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "ln", who="liujing")
    assert not merged and "DC020" in result.stdout


def test_only_the_tainted_file_of_a_many_file_merge_is_refused(tmp_path):
    """Twenty images and the schema in one approved merge; main holds a direct change to the
    schema only: the schema is DC516.adopts, the images are accepted; approve refuses the
    whole merge naming the schema."""
    s = make_scenario(tmp_path)
    original = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.git.branch("many")
    for i in range(20):
        s.files.write(f"docs/img/f{i}.png", b"\x89PNG" + bytes([i]))
    s.files.write(SCHEMA, original.replace('"title": "测试事件"', '"title": "事件"'))
    s.git.commit("许多文件", who="zhaolei")
    s.git.checkout("main")
    s.files.write(SCHEMA, original.replace('"title": "依据文件"', '"title": "依据"'))
    s.git.commit("直接改", who="liujing")
    result, merged = approve(s, "many")
    assert not merged and SCHEMA in result.stdout
    forge_merge(s, "many")
    last = last_event(s)
    assert SCHEMA not in last["accepted"] and len(last["accepted"]) == 20
    assert "problem.DC516.adopts" in [p["key"] for p in last["problems"]]


def test_a_case_only_rename_of_a_schema_is_judged_like_any_rename(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("case")
    s.git.run("mv", SCHEMA, SCHEMA.replace("incident", "Incident"))
    s.git.commit("改大小写", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "case")
    assert merged, result.stdout
    assert pending(s) == [] and len(last_event(s)["accepted"]) == 2


def _snapshot(h):
    from doccontrol.history import cache

    people = cache.People()
    return json.dumps(
        [
            [cache.encode_event(e, people) for e in h.events],
            dict(h.in_force_files),
            h.config_in_force,
            h.mailmap_in_force,
            h.mkdocs_in_force,
            h.rules_unreadable,
            [(p.key, str(p.args), p.commit) for p in h.notices],
        ],
        default=str,
        sort_keys=True,
    )


@pytest.mark.parametrize("seed", range(8))
def test_cached_and_fresh_runs_agree(tmp_path, seed):
    """Random histories of direct and approved changes, renames into and out of controlled
    folders, links, hooks named and unnamed, controlled_paths toggled, with runs that extend
    the cache between commits: the cached, the fresh and the re-cached history agree,
    in_force_files included (160 seeds were run in the round)."""
    rnd = random.Random(seed)
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", "site_name: 文件\n")
    for path, text in ((HOOK, "# h0\n"), ("drafts/a.json", "{}\n"), ("tools/x.sh", "echo\n")):
        s.files.write(path, text)
    s.files.write("docs/img/a.png", b"PNG0")
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")
    count = 0

    def edit(path):
        nonlocal count
        count += 1
        p = s.root / path
        if p.is_symlink():
            p.unlink()
        if path == "mkdocs.yml":
            hooks = rnd.choice(["", f"hooks:\n  - {HOOK}\n"])
            s.files.write(path, f"site_name: 文件\n{hooks}# {count}\n")
        elif path == "doccontrol.yml":
            text = p.read_text(encoding="utf-8")
            line = "  controlled_paths: [tools/]\n"
            text = (
                text.replace(line, "")
                if line in text
                else text.replace("approval:\n", "approval:\n" + line, 1)
            )
            p.write_text(text, encoding="utf-8")
        else:
            roll = rnd.random()
            if roll < 0.15 and p.exists():
                dst = rnd.choice(["drafts/b.json", "schemas/b.json", HOOK, "docs/img/b.png"])
                free = dst != path and not (s.root / dst).exists()
                if free and s.git.attempt("mv", path, dst).returncode == 0:
                    return
            if roll < 0.2 and p.exists():
                p.unlink()
                os.symlink("x", p)
                return
            if roll < 0.3 and p.exists():
                p.unlink()
                return
            s.files.write(path, f"content {count}\n")

    paths = ["mkdocs.yml", HOOK, "drafts/a.json", "tools/x.sh", "docs/img/a.png", SCHEMA]
    paths += ["doccontrol.yml", ".mailmap"]
    for i in range(rnd.randint(4, 10)):
        who = rnd.choice(["liujing", "zhaolei"])
        if rnd.random() < 0.5:
            edit(rnd.choice(paths))
            s.git.commit(f"直接 {i}", who=who)
        else:
            s.git.branch(f"b{i}")
            for _ in range(rnd.randint(1, 2)):
                edit(rnd.choice(paths))
            s.git.commit(f"分支 {i}", who=who)
            s.git.checkout("main")
            if rnd.random() < 0.4:
                edit(rnd.choice(paths))
                s.git.commit(f"直接 {i}b", who="liujing")
            trailers = "Approved-by: 陈明远 <chen.mingyuan@example.com>\n"
            trailers += "Reviewed-by: 王芳 <wang.fang@example.com>"
            done = s.git.attempt(
                "merge",
                "--no-ff",
                "-q",
                "-m",
                f"合并 {i}\n\n{trailers}",
                f"b{i}",
                who="liujing",
                date=s.git.next_date(),
            )
            if done.returncode != 0:
                s.git.attempt("merge", "--abort")
        if rnd.random() < 0.6:
            history(s, use_cache=True)
    cached = _snapshot(history(s, use_cache=True))
    fresh = _snapshot(history(s, use_cache=False))
    shutil.rmtree(s.root / ".git/doccontrol", ignore_errors=True)
    assert cached == fresh == _snapshot(history(s, use_cache=True))
