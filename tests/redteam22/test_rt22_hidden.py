"""Markdown MkDocs never renders (dot paths, docs/templates/) is now read by `check`
(DC025, commit 63838bf); the paths MkDocs and doccontrol could judge differently."""

from __future__ import annotations

from rt21_helpers import DOC_B, HIDDEN, bump_at, events_of, head, two_doc_scenario
from rt22_helpers import cli_env, marked, mkdocs, site_repo, strict_clean

from rules_attacks import approve


def test_held_a_hidden_copy_claiming_an_id_is_refused_by_approve(tmp_path):
    """DEFENDED. Round 21's hidden copy: 赵磊's cr-x adds docs/procedures/.keep.md, a copy of
    SM-P-02 with its id. `approve` now refuses it (check: DC025 and DC201)."""
    s = two_doc_scenario(tmp_path)
    assert cli_env(s.root, {}, "trail", "--strict").returncode == 0
    s.git.branch("cr-x", "main")
    (s.root / HIDDEN).write_text((s.root / DOC_B).read_text("utf-8"), "utf-8")
    bump_at(s, HIDDEN, "V1.0", "V1.0")
    s.git.commit("cr-x: 归档副本", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-x", "liujing", "wangfang")
    assert not merged, result.stdout
    assert "DC025" in result.stdout + result.stderr


def test_held_a_pushed_hidden_copy_fails_check_and_is_dc501(tmp_path):
    """DEFENDED. The same hidden copy pushed straight to main: check fails (DC025, DC201) and
    the trail has DC501 for the push."""
    s = two_doc_scenario(tmp_path)
    (s.root / HIDDEN).write_text((s.root / DOC_B).read_text("utf-8"), "utf-8")
    s.git.commit("归档副本", who="zhaolei")
    checked = cli_env(s.root, {}, "check")
    assert checked.returncode != 0 and "DC025" in checked.stdout and "DC201" in checked.stdout
    codes = {p["code"] for e in events_of(s, head(s)) for p in e["problems"]}
    assert "DC501" in codes, codes


def test_held_a_move_to_a_hidden_path_and_the_deletion_in_one_commit_is_reported(tmp_path):
    """DEFENDED (by check, not by the trail). One approved-looking commit deletes b.md and adds
    .keep.md holding SM-P-02 (a "move" to a hidden path, so the removal is no withdrawal
    under the `placed` rule). check reports DC025, so approve refuses the branch."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-m", "main")
    (s.root / HIDDEN).write_text((s.root / DOC_B).read_text("utf-8"), "utf-8")
    (s.root / DOC_B).unlink()
    bump_at(s, HIDDEN, "V1.0", "V1.1")
    s.git.commit("cr-m: 归档", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-m", "liujing", "wangfang")
    assert not merged and "DC025" in result.stdout + result.stderr, result.stdout


def test_held_exclude_docs_negation_cannot_publish_a_hidden_document(scenario, tmp_path):
    """DEFENDED. mkdocs.yml's exclude_docs is appended after MkDocs' defaults, so
    `!.secret.md` re-includes a dot file MkDocs would drop. A hidden document is still DC025
    for check, so a strict build fails before publishing it."""
    s = site_repo(scenario)
    s.files.write("docs/procedures/.secret.md", marked("SM-P-07", "隐藏", "MARKER-H"))
    config = s.root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + "exclude_docs: |\n  !procedures/.secret.md\n", "utf-8"
    )
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    assert built.returncode != 0 and "DC025" in built.stderr, built.stderr


def test_held_a_capitalised_templates_folder_is_published_and_checked_alike(scenario, tmp_path):
    """DEFENDED (consistency). MkDocs' default exclusion `/templates/` is case-sensitive (as
    pathspec matches it), and so is left_out_by_mkdocs: docs/Templates/t.md is rendered by
    MkDocs, loaded by check with no DC025, and the strict build publishes it."""
    s = site_repo(scenario)
    s.files.write("docs/Templates/t.md", marked("SM-P-08", "模板", "MARKER-T"))
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    strict_clean(s, tmp_path / "site")
    assert "MARKER-T" in (tmp_path / "site/Templates/t/index.html").read_text("utf-8")


def test_held_an_upper_case_suffix_is_never_published(scenario, tmp_path):
    """DEFENDED. docs/procedures/u.MD: check loads it (is_document_path ignores case), MkDocs
    would copy it raw (its suffix test is case-sensitive); the plugin refuses it, so a
    strict build fails and its text is nowhere on the lenient site."""
    s = site_repo(scenario)
    s.files.write("docs/procedures/u.MD", marked("SM-P-09", "大写", "MARKER-U"))
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    assert built.returncode != 0
    mkdocs(s.root, tmp_path / "loose")
    assert not [
        p for p in (tmp_path / "loose").rglob("*") if p.is_file() and b"MARKER-U" in p.read_bytes()
    ]
