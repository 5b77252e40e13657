"""A record type's blank form is a generated page, forms/<type>. A document already published
on main at docs/forms/audit.md, then a branch that adds the record type 'audit': `approve`
checks the merge (both at once), so it should see that the new type's form page is taken."""

from __future__ import annotations

from rt27_helpers import (
    approve,
    audit_schema,
    branch_with,
    check,
    new_doc,
    trail_strict,
    two_doc_scenario,
)


def test_a_new_record_type_whose_form_page_a_document_holds_is_refused(tmp_path):
    """赵磊's branch A adds a procedure at docs/forms/audit.md (no record type 'audit' yet: DC027
    has nothing to say); 刘静 approves it. His branch B, from main before A, adds
    schemas/records/audit.schema.json; 陈明远 (configuration approver) approves it. Safe: B is
    refused (the merge holds a document on the form page of a record type it adds), or main
    stays clean (check, trail --strict)."""
    s = two_doc_scenario(tmp_path)
    branch_with(s, "b", {"schemas/records/audit.schema.json": audit_schema()})
    branch_with(s, "a", {"docs/forms/audit.md": new_doc("SM-P-08", "审核表单程序")})
    result, merged = approve(s, "a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    result, merged = approve(s, "b", "chenmy", "wangfang")
    code, out = check(s)
    trail = trail_strict(s)
    assert not merged, (
        "approve merged a record type whose form page a published document holds:\n"
        + result.stdout
        + f"\ncheck rc={code}:\n{out[-800:]}\ntrail --strict rc={trail[0]}"
    )
    assert "DC027" in result.stdout, result.stdout
