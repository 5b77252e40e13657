"""Every document rule of `doccontrol check`, asserting the exact code, path and line."""

from __future__ import annotations

from builders import settle
from doccontrol import catalogue
from doccontrol.load import repository
from doccontrol.validate.check import check

DOC = "docs/procedures/test.md"
# Line numbers in conftest.procedure(): front matter from line 2, ``extra`` from line 17.
ID, TITLE, TYPE, VERSION, STATUS = 2, 3, 4, 5, 6
OWNER, AUTHOR, APPROVER, EFFECTIVE, CLAUSES, DISTRIBUTION, EXTRA = 9, 10, 12, 13, 15, 16, 17


def test_valid_repository_has_no_problems(repo, check_codes):
    assert check_codes(repo.root) == []


def test_missing_required_key(repo, check_codes):
    text = (repo.root / DOC).read_text().replace("owner: qa\n", "")
    repo.write(DOC, text)
    assert check_codes(repo.root) == [(DOC, 2, "DC101")]
    problem = check(repository.load(repo.root))[0]
    assert "'owner' (归口部门)" in problem.text(catalogue.load("en"))


def test_unknown_key_with_did_you_mean(repo, check_codes):
    repo.doc(extra="effective_dat: 2026-01-05\n")
    assert check_codes(repo.root) == [(DOC, EXTRA, "DC102")]
    assert "did you mean 'effective_date'" in check(repository.load(repo.root))[0].text(
        catalogue.load("en")
    )


def test_wrong_type(repo, check_codes):
    repo.doc(extra="review_date: 5\n")
    # review_interval_months is an integer; a date given as a number is the wrong type
    assert check_codes(repo.root) == [(DOC, EXTRA, "DC103")]


def test_enum_value_with_hint(repo, check_codes):
    repo.doc(status="efective")
    assert check_codes(repo.root) == [(DOC, STATUS, "DC104")]
    assert "did you mean 'effective'" in check(repository.load(repo.root))[0].text(
        catalogue.load("en")
    )


def test_date_that_does_not_exist(repo, check_codes):
    repo.write(DOC, (repo.root / DOC).read_text().replace("2026-01-05", "2026-02-30"))
    assert check_codes(repo.root) == [(DOC, EFFECTIVE, "DC106")]


def test_duplicate_document_id_reported_on_both(repo, check_codes):
    repo.doc("docs/procedures/copy.md")
    assert check_codes(repo.root) == [
        ("docs/procedures/copy.md", ID, "DC201"),
        (DOC, ID, "DC201"),
    ]


def test_id_must_follow_its_type_pattern(repo, check_codes):
    repo.doc(doc_id="SM-X-01")
    # the test record type names SM-P-01 as its procedure, which is now gone too
    assert check_codes(repo.root) == [
        (DOC, ID, "DC202"),
        ("schemas/records/incident.schema.json", 14, "DC403"),
    ]


def test_version_must_fit_scheme(repo, check_codes):
    repo.doc(version="A/0")
    assert check_codes(repo.root) == [(DOC, VERSION, "DC203")]


def test_unknown_role(repo, check_codes):
    text = (
        (repo.root / DOC)
        .read_text()
        .replace("approver: [management-representative]", "approver: [ceo]")
    )
    repo.write(DOC, text)
    assert check_codes(repo.root) == [(DOC, APPROVER, "DC204")]


def test_unknown_owner_department(repo, check_codes):
    repo.write(DOC, (repo.root / DOC).read_text().replace("owner: qa", "owner: legal"))
    assert check_codes(repo.root) == [(DOC, OWNER, "DC213")]


def test_unknown_distribution(repo, check_codes):
    repo.write(
        DOC,
        (repo.root / DOC).read_text().replace("distribution: [qa]", "distribution: [qa, nobody]"),
    )
    assert check_codes(repo.root) == [(DOC, DISTRIBUTION, "DC211")]


def test_related_document_must_exist(repo, check_codes):
    repo.doc(extra="related: [SM-P-09]\n")
    assert check_codes(repo.root) == [(DOC, EXTRA, "DC205")]


def test_unknown_clause(repo, check_codes):
    repo.write(DOC, (repo.root / DOC).read_text().replace("['7.5.3']", "['7.5.3', '11.1']"))
    assert check_codes(repo.root) == [(DOC, CLAUSES, "DC206")]


def test_unknown_record_type(repo, check_codes):
    repo.doc(extra="records: [incident, audit]\n")
    assert check_codes(repo.root) == [(DOC, EXTRA, "DC207")]


def test_obsolete_needs_successor_or_reason(repo, check_codes):
    repo.doc(status="obsolete")
    assert check_codes(repo.root) == [(DOC, STATUS, "DC208")]
    repo.doc(status="obsolete", extra="withdrawal_reason: 流程已合并\n")
    assert check_codes(repo.root) == []


def test_obsolete_with_successor(repo, check_codes):
    repo.doc(status="obsolete", extra="superseded_by: SM-P-02\n")
    repo.doc("docs/procedures/new.md", doc_id="SM-P-02", extra="supersedes: [SM-P-01]\n")
    assert check_codes(repo.root) == []


def test_successor_on_a_document_that_is_not_obsolete(repo, check_codes):
    repo.doc(extra="superseded_by: SM-P-02\n")
    repo.doc("docs/procedures/new.md", doc_id="SM-P-02")
    assert check_codes(repo.root) == [(DOC, EXTRA, "DC215")]


def test_effective_needs_date(repo, check_codes):
    repo.write(DOC, (repo.root / DOC).read_text().replace("effective_date: 2026-01-05\n", ""))
    assert check_codes(repo.root) == [(DOC, STATUS, "DC209")]


def test_effective_with_draft_version(repo, check_codes):
    repo.doc(version="V0.3")
    assert check_codes(repo.root) == [(DOC, VERSION, "DC210")]
    repo.doc(version="V0.3", status="draft")
    assert check_codes(repo.root) == []


def test_a_review_date_after_today_is_reported(repo, check_codes):
    """A 最近评审日期 after today is a review that has not happened (DC221, as DC219 for a
    paper approval dated ahead); today's or an earlier one is what a review records."""
    repo.doc(extra="review_date: 2999-06-01\n")
    assert check_codes(repo.root) == [(DOC, EXTRA, "DC221")]
    (problem,) = check(repository.load(repo.root))
    assert "2999-06-01, after today" in problem.text(catalogue.load("en"))
    assert "晚于今天" in problem.text(catalogue.load("zh"))
    repo.doc(extra="review_date: 2026-01-05\n")
    assert check_codes(repo.root) == []


def test_document_type_not_configured(repo, check_codes):
    repo.write(DOC, (repo.root / DOC).read_text().replace("type: procedure", "type: form"))
    config = (repo.root / "doccontrol.yml").read_text()
    start = config.index("  form:\n")
    end = config.index("  external:\n")
    repo.write("doccontrol.yml", config[:start] + config[end:])
    assert check_codes(repo.root) == [(DOC, TYPE, "DC212")]


def test_missing_section(repo, check_codes):
    body = "## 1 目的\n\n内容\n\n## 2 适用范围\n"
    repo.doc(body=body)
    codes = check_codes(repo.root)
    assert len(codes) == 9
    assert set(codes) == {(DOC, 18, "DC217")}


def test_sections_inside_code_fences_do_not_count(repo, check_codes):
    from builders import SECTIONS

    body = "```\n## 1 目的\n```\n" + "\n".join(f"## {s}\n" for s in SECTIONS[1:])
    repo.doc(body=body)
    assert check_codes(repo.root) == [(DOC, 18, "DC217")]


def test_links_by_id_must_resolve(repo, check_codes):
    from builders import SECTIONS

    body = (
        "\n".join(f"## {s}\n" for s in SECTIONS)
        + "\n见 [程序](doc:SM-P-77) 与 [表单](record:nothing)。\n"
    )
    repo.doc(body=body)
    link_line = 18 + len(SECTIONS) * 2
    assert check_codes(repo.root) == [(DOC, link_line, "DC216"), (DOC, link_line, "DC216")]


def test_placeholders_must_be_configured(repo, check_codes):
    from builders import SECTIONS

    body = "\n".join(f"## {s}\n" for s in SECTIONS) + "\n{{ org.name }} 与 {{ org.ceo }}\n"
    repo.doc(body=body)
    assert check_codes(repo.root) == [(DOC, 18 + len(SECTIONS) * 2, "DC214")]


def test_a_doccontrol_comment_that_is_no_directive_is_reported(repo, check_codes):
    # a typo in a register directive would stay an HTML comment and the register never appear
    from builders import SECTIONS

    sections = "\n".join(f"## {s}\n" for s in SECTIONS)
    body = (
        sections
        + "\n<!-- doccontrol:register -->\n"  # fine
        + "<!-- doccontrol:register type=procedure -->\n"  # fine
        + "<!-- doccontrol:register type=procdure -->\n"  # no such type
        + "<!--doccontrol: registr -->\n"  # no such directive
        + "<!-- 普通注释 -->\n"  # not meant for doccontrol
    )
    repo.doc(body=body)
    first = 18 + len(SECTIONS) * 2  # the line of the first directive
    assert check_codes(repo.root) == [(DOC, first + 2, "DC218"), (DOC, first + 3, "DC218")]
    from doccontrol import catalogue
    from doccontrol.load import repository
    from doccontrol.validate.check import check

    texts = [p.format(catalogue.load("en"), {}) for p in check(repository.load(repo.root))]
    assert any("type=procdure" in t and "procedure" in t for t in texts), texts


def test_front_matter_missing_unterminated_and_not_a_mapping(repo, check_codes):
    repo.write("docs/a.md", "# 无元数据\n")
    repo.write("docs/b.md", "---\nid: SM-P-02\n")
    repo.write("docs/c.md", "---\n- a\n- b\n---\n")
    repo.write("docs/d.md", "---\n---\nbody\n")
    assert check_codes(repo.root) == [
        ("docs/a.md", 1, "DC010"),
        ("docs/b.md", 1, "DC011"),
        ("docs/c.md", 2, "DC012"),
        ("docs/d.md", 1, "DC012"),
    ]


def test_hostile_bytes_in_documents(repo, check_codes):
    good = (repo.root / DOC).read_text()
    repo.write("docs/bom.md", b"\xef\xbb\xbf" + good.replace("SM-P-01", "SM-P-02").encode())
    repo.write("docs/crlf.md", good.replace("SM-P-01", "SM-P-03").replace("\n", "\r\n").encode())
    repo.write("docs/latin1.md", good.replace("SM-P-01", "SM-P-04").encode() + b"\xff\n")
    repo.write("docs/empty.md", b"")
    repo.write("docs/tab.md", "---\nid: SM-P-05\nclauses:\n\t- '8.1'\n---\n")
    repo.write(
        "docs/dup.md",
        good.replace("SM-P-01", "SM-P-06").replace("title: 测试程序\n", "title: 甲\ntitle: 乙\n"),
    )
    repo.write("docs/alias.md", "---\nid: &a SM-P-07\ntitle: *a\n---\n")
    repo.write("docs/huge.md", b"---\nid: SM-P-08\n---\n" + b"x" * (2 * 1024 * 1024))
    codes = check_codes(repo.root)
    assert codes == [
        ("docs/alias.md", 3, "DC009"),
        ("docs/bom.md", 1, "DC002"),
        ("docs/crlf.md", 1, "DC003"),
        ("docs/dup.md", 4, "DC008"),
        ("docs/empty.md", 1, "DC005"),
        ("docs/huge.md", 1, "DC006"),
        ("docs/latin1.md", good.count("\n") + 1, "DC001"),
        ("docs/tab.md", 4, "DC004"),
    ]


def test_reload_reuses_unchanged_files_and_reads_changed_ones(repo, check_codes):
    import os

    repo.doc("docs/procedures/other.md", doc_id="SM-P-02")
    settle()  # a file written just before it is read is read again next time
    first = repository.load(repo.root)
    changed = repo.root / DOC
    changed.write_text(changed.read_text().replace("status: effective", "status: efective"))
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = repository.load(repo.root, previous=first)
    by_path = {d.path: d for d in second.documents}
    assert (
        by_path["docs/procedures/other.md"]
        is {d.path: d for d in first.documents}["docs/procedures/other.md"]
    )
    assert by_path[DOC].status == "efective"
    assert [(p.path, p.code) for p in check(second)] == [(DOC, "DC104")]
