"""`approve`'s `moved` rule (cli/approve.py, `main_paths`): a document main holds at another
path the merge changes keeps its date; it must not keep it for a new version, nor let one id
stand at two paths."""

from __future__ import annotations

from rt27_helpers import approve
from rt33_helpers import DOC, DOC_B, register, scenario


def _bump(text: str, version: str, effective: str) -> str:
    text = text.replace("version: V1.0", f"version: {version}")
    text = text.replace("effective_date: 2026-01-05", f"effective_date: {effective}")
    return text.replace("目的的内容。", "新的目的。", 1)


def test_a_new_version_moved_into_a_renumbered_file_does_not_keep_a_stale_date(tmp_path):
    """赵磊's branch moves SM-P-01 into b.md (SM-P-02, main's id there, leaves) and changes its
    purpose as V1.1 with effective_date 2026-01-05 (the old version's day, long past). `moved`
    holds for b.md; the kept-date rule must still not apply to a new version: refused."""
    s = scenario(tmp_path)
    a_text = (s.root / DOC).read_text("utf-8")
    s.git.branch("cr-mv")
    s.files.write(DOC_B, _bump(a_text, "V1.1", "2026-01-05"))
    (s.root / DOC).unlink()
    s.git.commit("移动并修改", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-mv", "liujing", "wangfang")
    assert not merged, (
        "a new version moved into a renumbered file keeps a stale date:\n"
        + (result.stdout + result.stderr)[-600:]
    )


def test_one_id_at_two_changed_paths_is_refused(tmp_path):
    """赵磊's branch copies SM-P-01 (V1.0, unchanged text) into b.md, so SM-P-02 leaves, and
    touches test.md's front matter (effective_date moved to 2025-01-01, same version), so
    both paths are in the merge's diff: `main_paths` says SM-P-01 'moved' to b.md while it also
    stays at test.md, and neither path is dated. One id at two paths must be refused."""
    s = scenario(tmp_path)
    a_text = (s.root / DOC).read_text("utf-8")
    s.git.branch("cr-dup")
    s.files.write(DOC_B, a_text)
    s.files.write(DOC, a_text.replace("effective_date: 2026-01-05", "effective_date: 2025-01-01"))
    s.git.commit("复制", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-dup", "liujing", "wangfang")
    rows = register(s) if merged else {}
    assert not merged, (
        f"approve merged SM-P-01 at two paths; register: {rows.get('SM-P-01')}\n"
        + (result.stdout + result.stderr)[-600:]
    )
