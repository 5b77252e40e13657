"""`approve` runs `check` on the branch's tree (a worktree of the branch tip), but what main
receives is the merge's tree. A branch that left main before main gained a file is judged
without it: whatever `check` finds only between files (a duplicate id, two pages on one URL,
a document at a generated page's place) passes `approve` and then fails `check` on main."""

from __future__ import annotations

from rt24_helpers import (
    SOON,
    approve,
    branch_with,
    check,
    codes,
    head,
    marked,
    mkdocs,
    recorded,
    register,
    site_repo,
    trail_strict,
    two_doc_scenario,
)

X = "docs/procedures/x.md"
Y = "docs/procedures/y.md"


def _approve_ok(s, name):
    result, merged = approve(s, name, "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    return head(s)


def test_a_stale_branch_cannot_bring_a_second_file_with_an_id_main_gained(tmp_path):
    """赵磊's cr-y (from main) adds y.md as SM-P-05. Meanwhile 周强's cr-x, adding x.md as
    SM-P-05 (V1.0) too, is approved. 刘静 then approves cr-y (y.md at V2.0, so the version
    check against SM-P-05's last approved V1.0 passes): `approve` checks cr-y's own tree (no
    x.md there), so it sees no duplicate. Safe: `approve` refuses (main would hold SM-P-05
    twice, which `check` refuses)."""
    s = two_doc_scenario(tmp_path)
    branch_with(
        s,
        "cr-y",
        {Y: marked("SM-P-05", "程序五（乙）", "MARKER-Y", version="V2.0", effective_date=SOON)},
    )
    branch_with(
        s,
        "cr-x",
        {X: marked("SM-P-05", "程序五", "MARKER-X", effective_date=SOON)},
        who="zhouqiang",
    )
    _approve_ok(s, "cr-x")
    _result, merged = approve(s, "cr-y", "liujing", "wangfang")
    if merged:
        code, out = check(s)
        raise AssertionError(
            f"approve merged a duplicate id; check on main now says ({code}): {out}\n"
            f"trail records {recorded(s, head(s))} {codes(s, head(s))}, trail --strict rc="
            f"{trail_strict(s)[0]}; register path {register(s).get('SM-P-05', {}).get('path')}"
        )


def test_a_stale_branch_cannot_bring_a_page_onto_a_url_main_gained(tmp_path):
    """cr-b adds docs/procedures/a/index.md (SM-P-06); meanwhile cr-a adding
    docs/procedures/a.md (SM-P-05) is approved. Both are the page procedures/a/. Safe:
    `approve` refuses cr-b (DC026 on the merge), rather than merging a main whose `check` fails
    and whose strict build refuses both pages."""
    s = two_doc_scenario(tmp_path)
    site_repo(s)
    s.git.commit("站点配置", who="wangfang", date="2026-01-01T13:00:00+08:00")
    branch_with(
        s,
        "cr-b",
        {
            "docs/procedures/a/index.md": marked(
                "SM-P-06", "程序六", "MARKER-B", effective_date=SOON
            )
        },
    )
    branch_with(
        s,
        "cr-a",
        {"docs/procedures/a.md": marked("SM-P-05", "程序五", "MARKER-A", effective_date=SOON)},
        who="zhouqiang",
    )
    _approve_ok(s, "cr-a")
    _result, merged = approve(s, "cr-b", "liujing", "wangfang")
    if merged:
        code, out = check(s)
        built = mkdocs(s.root, tmp_path / "site", strict=True)
        raise AssertionError(
            f"approve merged a second page at procedures/a/; check on main ({code}): {out}\n"
            f"strict build rc={built.returncode}: {built.stderr[-600:]}"
        )


def test_a_stale_branch_cannot_take_a_form_page_of_a_record_type_main_gained(tmp_path):
    """cr-f adds docs/forms/audit.md (a form document SM-F-05). Meanwhile cr-t, bringing the
    record type `audit` (its schema) under control, is approved: the site now generates
    forms/audit/. Safe: `approve` refuses cr-f (DC027 on the merge)."""
    import json

    from builders import TEST_RECORD_SCHEMA

    s = two_doc_scenario(tmp_path)
    branch_with(
        s,
        "cr-f",
        {"docs/forms/audit.md": marked("SM-P-07", "审核表", "MARKER-F", effective_date=SOON)},
    )
    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["x-doccontrol"]["id_pattern"] = "^AUD-\\d{4}-\\d{4}$"
    schema["x-doccontrol"]["id_format"] = "AUD-{year}-{n:04d}"
    schema["x-doccontrol"]["name_en"] = "Audit"
    schema["x-doccontrol"]["name"] = "审核记录"
    s.git.branch("cr-t", "main")
    s.files.write("schemas/records/audit.schema.json", json.dumps(schema, ensure_ascii=False))
    s.git.commit("cr-t: 审核记录", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-t", "chenmy", "wangfang")
    assert merged, result.stdout + result.stderr
    result, merged = approve(s, "cr-f", "liujing", "wangfang")
    if merged:
        code, out = check(s)
        raise AssertionError(f"approve merged a page at forms/audit; check on main ({code}): {out}")


def test_a_record_pushed_later_cannot_take_a_controlled_documents_page(tmp_path):
    """A controlled document approved at docs/records/incident/INC-2026-0099.md passes `check`
    (no such record yet). Anyone then pushes records/incident/INC-2026-0099.yaml to main (a
    record needs no approval; the trail stays clean). The generated record page takes the URL:
    the approved document is refused and leaves the site (lenient) or stops publishing
    (strict). Safe: a document may not stand where a record page *may* be generated — `check`
    (and so `approve`) refuses the document in the first place."""
    s = two_doc_scenario(tmp_path)
    site_repo(s)
    s.git.commit("站点配置", who="wangfang", date="2026-01-01T13:00:00+08:00")
    doc = "docs/records/incident/INC-2026-0099.md"
    branch_with(
        s, "cr-r", {doc: marked("SM-P-09", "事件处理说明", "MARKER-R", effective_date=SOON)}
    )
    _result, merged = approve(s, "cr-r", "liujing", "wangfang")
    if not merged:
        return  # refused up front: defended
    s.files.record("INC-2026-0099")
    s.git.commit("登记事件", who="zhouqiang")
    code, _out = trail_strict(s)
    built = mkdocs(s.root, tmp_path / "site", strict=True)
    lenient = mkdocs(s.root, tmp_path / "lenient")
    page = tmp_path / "lenient/records/incident/INC-2026-0099/index.html"
    shown = page.read_text("utf-8") if page.exists() else ""
    raise AssertionError(
        f"approved document at a record's place; after a record push: trail --strict rc={code}, "
        f"check={check(s)[0]}, strict build rc={built.returncode}, lenient rc="
        f"{lenient.returncode}, document text on the page: {'MARKER-R' in shown}"
    )
