"""The shipped document set read as an auditor reads it: every named document exists, each shared
term is defined in one place, the catalogue, SLAs and continuity plan agree, and the manual's
7.5.4 mapping names every required piece of documented information."""

from __future__ import annotations

import re

from builders import PROJECT
from doccontrol.load import repository
from doccontrol.validate.documents import LINK

REPO = repository.load(PROJECT)
DOCS = {d.id: d for d in REPO.documents}
MANUAL = DOCS["SM-A"]

# 《…》 in running text names a document (by title) or a record form (by its record type name).
GUILLEMETS = re.compile(r"《([^》]+)》")
# A document id written in running text, e.g. "SM-P-25" or "EXT-03" (not a copy number like X-01-02).
DOC_ID = re.compile(r"(?<![\w-])(SM-A|SM-(?:P|PL|PN|F)-\d{2}|SM-W-\d{2}-\d{2}|EXT-\d{2})(?![\w-])")
# Terms shared by several processes: each must be defined once, in the manual.
SHARED_TERMS = [
    "服务等级",
    "事件优先级",
    "重大事件",
    "标准变更",
    "一般变更",
    "重大变更",
    "紧急变更",
    "事件",
    "服务请求",
    "问题",
    "已知错误",
    "根本原因",
    "临时解决办法",
    "变更",
    "发布",
    "配置项",
    "响应时间",
    "解决时间",
    "可用性",
    "约定服务时间",
    "服务级别协议",
    "SLA",
    "运营级别协议",
    "OLA",
    "RTO",
    "RPO",
    "业务影响分析",
    "服务目录",
    "相关方",
    "成文信息",
]


def section(body: str, heading: str) -> str:
    """The text under a heading (any level) up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", body, flags=re.MULTILINE)
    assert match, f"no heading {heading!r}"
    level = len(match[1])
    following = re.search(rf"^#{{1,{level}}} ", body[match.end() :], flags=re.MULTILINE)
    return body[match.end() : match.end() + following.start() if following else len(body)]


def table_rows(text: str, first_header: str | None = None) -> list[list[str]]:
    """The body rows of the Markdown tables in text (optionally only tables whose first header
    cell is first_header), each as a list of stripped cells."""
    rows: list[list[str]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not re.match(r"^\|\s*-", line) or i == 0:
            continue
        header = [c.strip() for c in lines[i - 1].strip().strip("|").split("|")]
        if first_header is not None and header[0] != first_header:
            continue
        for row in lines[i + 1 :]:
            if not row.startswith("|"):
                break
            rows.append([c.strip() for c in row.strip().strip("|").split("|")])
    return rows


def aliases(term: str) -> set[str]:
    """「恢复时间目标（RTO）」 names both 恢复时间目标 and RTO; 「RTO / RPO」 names both."""
    names = set()
    for part in re.split(r"\s*[/／]\s*", term):
        outer = re.sub(r"（[^）]*）", "", part).strip()
        names.add(outer)
        names.update(inner.strip() for inner in re.findall(r"（([^）]*)）", part))
    return {n for n in names if n}


def definitions() -> dict[str, list[str]]:
    """Every place a term is defined: rows of the 术语 tables in each document's terms section,
    plus the manual's subsections (3.2 服务等级 …) and its change-class table."""
    places: dict[str, list[str]] = {}
    for document in REPO.documents:
        heading = re.search(r"^## (?:\d+ )?术语和定义\s*$", document.body, flags=re.MULTILINE)
        if not heading:
            continue
        terms = section(document.body, heading[0][3:].strip())
        for row in table_rows(terms, "术语"):
            for name in aliases(row[0]):
                places.setdefault(name, []).append(f"{document.id}: {row[0]}")
    terms = section(MANUAL.body, "3 术语和定义")
    for sub in re.findall(r"^### 3\.\d+ (\S+)", terms, flags=re.MULTILINE):
        if sub != "通用术语":
            places.setdefault(sub, []).append(f"SM-A: {sub}")
    for row in table_rows(section(MANUAL.body, "3.5 变更类别"), "类别"):
        places.setdefault(row[0], []).append(f"SM-A: {row[0]}")
    return places


def catalogue() -> dict[str, dict[str, object]]:
    rows = table_rows(section(DOCS["SM-PN-03"].body, "3 客户服务目录"), "服务编码")
    return {
        r[0]: {
            "name": r[1],
            "level": r[3],
            "levels": {r[3]} | {x for x in re.split(r"[、，,\s]+", r[4]) if x not in ("", "—")},
        }
        for r in rows
    }


def service_levels() -> dict[str, dict[str, str]]:
    rows = table_rows(section(MANUAL.body, "3.2 服务等级"), "服务等级")
    levels = {}
    for r in rows:
        target = re.search(r"≥\s*(\d+(?:\.\d+)?)%", r[2])
        assert target, r
        levels[r[0]] = {"availability": target[1], "rto": r[4], "rpo": r[5]}
    return levels


def text_of(document) -> str:
    # fenced Mermaid labels name steps, not documents
    return re.sub(r"```.*?```", "", document.body, flags=re.DOTALL)


def test_every_guillemet_reference_names_an_existing_document_or_record_form():
    titles = {d.title for d in REPO.documents if d.status != "obsolete"}
    forms = {t.name for t in REPO.record_types.values()}
    unresolved = [
        (document.id, name)
        for document in REPO.documents
        for name in GUILLEMETS.findall(text_of(document))
        if name not in titles and name not in forms
    ]
    assert unresolved == []


def test_every_document_id_named_in_text_exists():
    ids = set(DOCS)
    unresolved = [
        (document.id, found)
        for document in REPO.documents
        for found in DOC_ID.findall(text_of(document))
        if found not in ids
    ]
    assert unresolved == []


def test_documents_the_procedures_call_controlled_exist_as_documents():
    # the plans and policies the procedures rely on, by the id they are linked with
    required = {
        "SM-PN-01": "SM-P-04",
        "SM-PL-01": "SM-P-26",
        "SM-PL-02": "SM-P-26",
        "SM-PN-07": "SM-P-25",
        "SM-PN-03": "SM-P-09",
        "SM-PN-05": "SM-P-17",
        "SM-PN-06": "SM-P-24",
        "SM-PN-04": "SM-P-18",
        "SM-PN-02": "SM-P-02",
        "SM-PN-08": "SM-P-28",
    }
    for plan, procedure in required.items():
        assert DOCS[plan].status == "effective", plan
        assert f"](doc:{plan})" in DOCS[procedure].body, (procedure, plan)
    external = [d for d in REPO.documents if d.type == "external"]
    assert len(external) >= 5
    assert all(d.id.startswith("EXT-") for d in external)


def test_each_shared_term_is_defined_exactly_once_and_in_the_manual():
    places = definitions()
    defined_twice = {name: where for name, where in places.items() if len(where) > 1}
    assert defined_twice == {}
    for term in SHARED_TERMS:
        assert term in places, f"{term} is defined nowhere"
        assert places[term][0].startswith("SM-A: "), (term, places[term])


def test_shared_classifications_are_not_restated_outside_the_manual():
    restated = {
        "service level targets": re.compile(r"^\|\s*(一级|二级|三级)\s*\|[^\n]*\d+\.\d+\s*%", re.M),
        "priority matrix": re.compile(r"^\|\s*高\s*\|\s*P1\s*\|", re.M),
        "major incident criteria": re.compile(r"同一原因在 1 小时内导致 3 个及以上客户"),
        "emergency change criteria": re.compile(r"修补正在被利用的漏洞"),
    }
    for document in REPO.documents:
        if document.id == "SM-A":
            continue
        for what, pattern in restated.items():
            assert not pattern.search(document.body), f"{document.id} restates the {what}"
    for what, pattern in restated.items():
        assert len(pattern.findall(MANUAL.body)) >= 1, what


def test_every_sla_agrees_with_the_catalogue_and_the_service_levels():
    entries, levels = catalogue(), service_levels()
    assert len(entries) >= 5 and set(levels) == {"一级", "二级", "三级"}
    slas = [r for r in REPO.records if r.type == "sla"]
    assert slas
    for sla in slas:
        listed = sla.data["service_levels"]
        assert sorted(e["service"] for e in listed) == sorted(sla.data["services"]), sla.id
        for entry in listed:
            code = entry["service_code"]
            assert code in entries, (sla.id, code)
            assert entry["service"] == entries[code]["name"], (sla.id, code)
            assert entry["level"] in entries[code]["levels"], (sla.id, code, entry["level"])
            target = float(levels[entry["level"]]["availability"])
            assert float(sla.data["availability_target"]) >= target, (sla.id, code)


def test_every_service_named_in_a_record_is_in_the_catalogue():
    names = {e["name"] for e in catalogue().values()}
    unknown = []
    for record in REPO.records:
        for key in ("services", "service"):
            value = record.data.get(key)
            for name in value if isinstance(value, list) else [value] if value else []:
                if name not in names:
                    unknown.append((record.id, name))
    assert unknown == []


def test_the_business_impact_analysis_follows_the_catalogue_and_the_service_levels():
    entries, levels = catalogue(), service_levels()
    rows = table_rows(section(DOCS["SM-PN-07"].body, "3 业务影响分析"), "服务编码")
    assert {r[0] for r in rows} == set(entries)
    for code, name, level, _impact, _mtpd, rto, rpo, _deps in rows:
        assert (name, level) == (entries[code]["name"], entries[code]["level"]), code
        assert rto == levels[level]["rto"], (code, rto)
        assert rpo in (levels[level]["rpo"], "不适用"), (code, rpo)


def test_the_manual_maps_every_required_piece_of_documented_information():
    mapping = section(MANUAL.body, "7.5.4 服务管理体系成文信息")
    items = [r[0] for r in table_rows(mapping, "项")]
    assert sorted(set(items)) == list("abcdefghijkl")
    assert items.count("d") == 3  # change management policy, security policy, continuity plan
    linked = {(m[1], m[2]) for m in LINK.finditer(mapping)}
    for kind, target in linked:
        if kind == "doc":
            assert target in DOCS and DOCS[target].status == "effective", target
        else:
            assert target in REPO.record_types, target
    record_types = {t for k, t in linked if k == "record"}
    # acknowledgement records (阅知确认, doccontrol ack) are the tool's own: the manual's 7.5.4
    # table names them from revision A/2 on, a change for the manual's owner to approve
    missing = set(REPO.record_types) - record_types
    assert missing <= ({"acknowledgement"} if MANUAL.version == "A/1" else set()), missing
    assert record_types <= set(REPO.record_types)
    plans = {d.id for d in REPO.documents if d.type == "policy"}
    assert plans <= {t for k, t in linked if k == "doc"}
    assert any(t.startswith("EXT-") for k, t in linked if k == "doc")


def test_record_schema_codes_do_not_leak_into_the_text():
    """Readers see 「重大」, not 「重大（high）」: stored enum codes stay in the records. Role,
    department and confidentiality ids are configuration names the documents explain on purpose."""
    config = REPO.config
    assert config is not None
    named = (
        set(config.roles)
        | set(config.departments)
        | {"public", "internal", "confidential", "secret"}
    )
    codes: set[str] = set()

    def collect(node: object) -> None:
        if isinstance(node, dict):
            codes.update(v for v in node.get("enum", []) if isinstance(v, str))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for record_type in REPO.record_types.values():
        collect(record_type.schema)
    leaks = [
        (document.id, code)
        for document in REPO.documents
        for code in re.findall(r"（([a-z][a-z-]*)）", document.body)
        if code in codes - named
    ]
    assert leaks == []
