"""The pages of the controlled site as Markdown with embedded, escaped HTML."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from typing import Any

from doccontrol import registers, standing
from doccontrol.history.model import (
    CHANGE_HISTORY_HEADERS,
    EVIDENCE_LABELS,
    DocumentHistory,
    Person,
)
from doccontrol.model import Document, Record, RecordType
from doccontrol.site import acks as site_acks
from doccontrol.site import copies as site_copies
from doccontrol.site import impact as site_impact
from doccontrol.site import model
from doccontrol.site.html import esc, link, relative_url, table
from doccontrol.site.model import Site
from doccontrol.trail import KIND_LABELS, TRAIL_HEADERS
from doccontrol.validate.documents import LINK, PLACEHOLDER
from doccontrol.validate.records import resolve_local_ref

REGISTER_DIRECTIVE = re.compile(r"<!--\s*doccontrol:register(?:\s+type=([a-z-]+))?\s*-->")
SIGNATURE_LABELS = {
    "good": "签名有效",
    "bad": "签名无效",
    "untrusted": "签名密钥不受信任",
    "expired": "签名已过期",
    "revoked": "签名密钥已吊销",
    "unknown-key": "签名无法验证",
    "none": "未签名",
}
PRINT_NOTE = "打印件为非受控文件，以网站发布版本为准"
REVIEW_WINDOW_DAYS = 60  # the review page and its home card: overdue, or due within this


def _names(people: Iterable[Person]) -> str:
    return "、".join(esc(p.name) for p in people)


def _day(iso: str) -> str:
    return iso[:10]


def mr_link(site: Site, revision_mr: Any) -> str:
    if revision_mr is None:
        return "—"
    url = revision_mr.url
    base = site.repo_url.rstrip("/") if site.repo_url else None
    if url is None and base:
        if revision_mr.platform == "gitlab":
            url = f"{base}/-/merge_requests/{revision_mr.number}"
        elif revision_mr.platform in ("github", "gitea"):
            url = (
                f"{base}/pull/{revision_mr.number}"
                if revision_mr.platform == "github"
                else f"{base}/pulls/{revision_mr.number}"
            )
        elif revision_mr.platform == "bitbucket":
            url = f"{base}/pull-requests/{revision_mr.number}"
    return (
        link(url, revision_mr.label)
        if url and url.startswith(("https://", "http://"))
        else esc(revision_mr.label)
    )


NOT_PUBLISHED = "（未发布的文件）"


def doc_link(site: Site, doc_id: str, from_src: str, text: str | None = None) -> str:
    src = site.src(doc_id)
    label = text if text is not None else doc_id
    if src is None:
        # a record or a form may name a document above the level: not even its id is shown
        return esc(NOT_PUBLISHED if doc_id in site.hidden_ids else label)
    return link(relative_url(site.url(from_src), site.url(src)), label)


# --- controlled document pages --------------------------------------------------------


def page_state(site: Site, document: Document, row: registers.DocumentRow | None) -> str:
    """The state of the version this page shows (the work tree's), named truthfully."""
    if row is None:
        status = document.status or ""
        return "未经批准" if status == "effective" else registers.STATUS_LABELS.get(status, status)
    if row.pending:
        return standing.STATE_LABELS["unapproved"]
    if row.upcoming and document.version == row.upcoming:
        return standing.STATE_LABELS["pending"]
    return row.state_label


def control_block(site: Site, document: Document, row: registers.DocumentRow | None) -> str:
    config = site.config
    stand = site.standings.get(document.id or "")
    approved = stand.last_approval if stand else None
    owner = document.text("owner") or ""
    level = config.level(document.confidentiality)
    effective = str(document.meta.get("effective_date") or "")
    if row is not None and document.version == row.version and row.effective_date:
        effective = row.effective_date
    elif row is not None and document.version == row.upcoming:
        effective = row.upcoming_from
    cells = [
        ("文件编号", esc(document.id)),
        ("文件名称", esc(document.title)),
        ("版本", esc(document.version)),
        ("状态", esc(page_state(site, document, row))),
        (
            "受控状态",
            esc(
                registers.CONTROL_LABELS.get(
                    document.text("control") or "", document.text("control")
                )
            ),
        ),
        ("密级", esc(level.label if level else document.confidentiality)),
        ("发布实施日期", esc(effective or "—")),
        ("归口部门", esc(config.departments[owner].name if owner in config.departments else owner)),
    ]
    if row is not None and row.version != document.version and row.state == "effective":
        cells.append(("现行有效版本", f"{esc(row.version)}（{esc(row.effective_date)} 起）"))
    if approved is not None:
        what = "（纳入文件控制的基线）" if approved.kind == "baseline" else ""
        if approved.kind == "legacy":
            what = "（受控前纸质记录）"
        cells += [
            ("编制", f"{_names(approved.authors) or '—'} {esc(_day(approved.author_date))}"),
            (
                "审核",
                f"{_names(approved.reviewers) or '—'} {esc(_day(approved.date)) if approved.reviewers else ''}",
            ),
            ("批准", f"{_names(approved.approvers) or '—'} {esc(_day(approved.date))}{what}"),
            ("合并请求", mr_link(site, approved.merge_request)),
            (
                "签名",
                esc(SIGNATURE_LABELS.get(approved.signature.status, approved.signature.status)),
            ),
            ("批准证据", esc(EVIDENCE_LABELS.get(approved.evidence, approved.evidence))),
            ("下次评审", esc(row.next_review if row else "") or "—"),
        ]
    else:
        baseline = stand is not None and stand.in_force is not None
        cells += [
            ("编制", "—"),
            ("审核", "—"),
            ("批准", "尚无批准记录" + ("（受控前基线）" if baseline else "")),
            ("下次评审", esc(row.next_review if row else "") or "—"),
        ]
    cells += site_copies.pdf_cells(site, document)
    rows = [
        "<tr>" + "".join(f"<th>{k}</th><td>{v}</td>" for k, v in cells[i : i + 2]) + "</tr>"
        for i in range(0, len(cells), 2)
    ]
    stamp = f'<div class="dc-print-stamp">{PRINT_NOTE} · {esc(document.id)} {esc(document.version)} · 打印日期 <span class="dc-print-date"></span></div>'
    return f'<div class="dc-control" data-doc-id="{esc(document.id)}"><table class="dc-control-table">{"".join(rows)}</table></div>\n{stamp}'


def banner(kind: str, title: str, text_html: str) -> str:
    return f'<div class="admonition {kind} dc-banner"><p class="admonition-title">{esc(title)}</p><p>{text_html}</p></div>'


def banners(
    site: Site, document: Document, row: registers.DocumentRow | None, from_src: str
) -> list[str]:
    out = []
    if document.status == "draft":
        out.append(banner("warning dc-draft", "草稿", "草稿，未经批准，不得作为依据。"))
    if document.status == "obsolete":
        successor = document.text("superseded_by")
        text = "本文件已作废，仅供查阅。"
        if successor:
            text += f" 现行文件：{doc_link(site, successor, from_src)}。"
        elif document.text("withdrawal_reason"):
            text += f" 作废原因：{esc(document.text('withdrawal_reason'))}。"
        out.append(banner("danger dc-obsolete", "已作废", text))
    stand = site.standings.get(document.id or "")
    if row is not None and row.upcoming and document.version == row.upcoming:
        out.append(
            banner(
                "info dc-not-yet-effective",
                "已批准，尚未生效",
                f"本版本 {esc(row.upcoming)} 已批准，自 {esc(row.upcoming_from)} 起实施；在此之前有效的版本为 {esc(row.version)}（{esc(row.effective_date)} 起）。",
            )
        )
    elif row is not None and row.state == "pending" and document.version == row.version:
        out.append(
            banner(
                "info dc-not-yet-effective",
                "已批准，尚未生效",
                f"本版本 {esc(row.version)} 已批准，自 {esc(row.effective_date)} 起实施。",
            )
        )
    if stand is not None and stand.unapproved:
        commits = "、".join(esc(r.commit[:10]) for r in stand.unapproved)
        out.append(
            banner(
                "danger dc-pending",
                "存在未经批准的更改",
                f"主分支上的更改 {commits} 未经批准，本页内容可能与批准版本不一致。",
            )
        )
    out += site_impact.banner(site, document, from_src)  # a document it refers to changed
    if row and row.overdue and row.state in ("effective", "pending"):
        out.append(
            banner(
                "warning dc-review-overdue",
                "定期评审已逾期",
                f"本文件应于 {esc(row.next_review)} 前完成定期评审。",
            )
        )
    if site.history is not None and site.history.incomplete:
        out.append(
            banner(
                "info dc-incomplete",
                "历史记录不完整",
                "站点由浅克隆构建，变更履历和审批信息可能不完整。",
            )
        )
    if site.history is None:
        out.append(
            banner(
                "info dc-incomplete",
                "无 Git 历史",
                "站点不是从 Git 仓库构建的，无法显示变更履历和审批信息。",
            )
        )
    return out


def history_table(history: DocumentHistory | None) -> str:
    headers = list(CHANGE_HISTORY_HEADERS)
    if history is None or not history.revisions:
        return "<p>尚无变更履历。</p>"
    rows, attrs = [], []
    for r in history.revisions:
        change = esc(r.change)
        if r.kind == "review":
            change += "（定期评审，内容无变化）"
        if r.kind == "withdrawal":
            change += "（撤回）"
        if r.kind == "baseline":
            change += "（纳入文件控制的基线）"
        if not r.approved:
            change += ' <span class="dc-flag">未批准</span>'
        rows.append(
            [
                esc(r.seq),
                esc(r.version),
                "、".join(esc(s) for s in r.sections) or "—",
                change,
                _names(r.authors),
                esc(_day(r.author_date)),
                _names(r.reviewers),
                esc(_day(r.date)) if r.reviewers else "",
                _names(r.approvers),
                esc(_day(r.date)) if r.approvers else "",
                esc(EVIDENCE_LABELS.get(r.evidence, r.evidence)),
            ]
        )
        attrs.append(
            f'class="{"dc-unapproved" if not r.approved else "dc-approved"}" data-commit="{esc(r.commit)}"'
        )
    problems = [p for r in history.revisions for p in r.problems]
    notes = ""
    if problems:
        notes = (
            '<ul class="dc-problems">'
            + "".join(f"<li><code>{esc(p.code)}</code> {esc(p.message)}</li>" for p in problems)
            + "</ul>"
        )
    return table(headers, rows, "dc-history", attrs) + notes


def _rewrite_body(site: Site, body: str, from_src: str) -> str:
    def placeholder(match: re.Match[str]) -> str:
        value = site.config.organization.get(match[1])
        return esc(value) if value is not None else match[0]

    def link_target(match: re.Match[str]) -> str:
        kind, target, anchor = match[1], match[2], match[3] or ""
        if kind == "doc":
            src = site.src(target)
            if src is None:
                return "](#)" if target not in site.hidden_ids else "](#dc-not-published)"
            return f"]({posixpath.relpath(src, posixpath.dirname(from_src) or '.')}{anchor})"
        return f"]({posixpath.relpath(model.form_src(target), posixpath.dirname(from_src) or '.')}{anchor})"

    def register(match: re.Match[str]) -> str:
        wanted = match[1]
        rows = [r for r in site.rows if r.in_force and (wanted is None or r.type == wanted)]
        return "\n" + register_table(site, rows, from_src) + "\n"

    body = PLACEHOLDER.sub(placeholder, body)
    body = LINK.sub(link_target, body)
    return REGISTER_DIRECTIVE.sub(register, body)


def document_page(site: Site, document: Document, from_src: str) -> str:
    """The page Markdown: control block, banners, the document, then its change history."""
    row = site.row(document.id or "")
    parts = [
        control_block(site, document, row),
        *site_acks.block(site, document, from_src),
        *banners(site, document, row, from_src),
        _rewrite_body(site, document.body, from_src),
    ]
    parts.append("## 变更履历\n\n" + history_table(site.doc_history(document.id or "")))
    return "\n\n".join(parts) + "\n"


# --- registers ------------------------------------------------------------------------


def register_table(site: Site, rows: list[registers.DocumentRow], from_src: str) -> str:
    """The register with the very cells ``doccontrol register`` and the audit pack give."""
    cells = []
    for r in rows:
        text = registers.register_cells(r)
        status = esc(r.state_label)
        if r.pending and r.state != "unapproved":
            status += f'<span class="dc-flag">（{registers.UNAPPROVED_NOTE}）</span>'
        cells.append(
            [
                doc_link(site, r.id, from_src),
                doc_link(site, r.id, from_src, r.title),
                esc(text[2]),
                esc(text[3]),
                status,
                *(esc(cell) for cell in text[5:]),
            ]
        )
    return table(list(registers.REGISTER_HEADERS), cells, "dc-register dc-sortable")


def register_page(site: Site) -> str:
    src = model.REGISTER_SRC
    current = [r for r in site.rows if r.in_force]
    retired = [r for r in site.rows if not r.in_force]
    text = f"本清单列出全部受控文件（密级不高于“{esc(_level_label(site))}”的文件在本站发布）。点击表头可排序。\n\n"
    text += register_table(site, current, src)
    text += "\n\n## 已作废和已撤回的文件\n\n" + (
        register_table(site, retired, src) if retired else "<p>无。</p>"
    )
    return text + "\n"


def _level_label(site: Site) -> str:
    level = site.config.level(site.config.publish.max_confidentiality)
    return level.label if level else site.config.publish.max_confidentiality


def trail_page(site: Site) -> str:
    src = model.TRAIL_SRC
    filters = (
        '<form class="dc-filter" onsubmit="return false">'
        '<label>起始日期 <input type="date" id="dc-from"></label> '
        '<label>截止日期 <input type="date" id="dc-to"></label> '
        '<label>人员 <input type="search" id="dc-person" placeholder="姓名或邮箱"></label> '
        '<label><input type="checkbox" id="dc-problems-only"> 仅显示有问题的</label>'
        "</form>"
    )
    headers = [h for h in TRAIL_HEADERS if h != "提交"]  # the commit is in each row's data
    rows, attrs = [], []
    for event in site.events:
        people = [*event.authors, *event.reviewers, *event.approvers, event.merger]
        docs = "、".join(
            [
                *(f"{doc_link(site, d.id, src)} {esc(d.version)}" for d in event.documents),
                *(f"<code>{esc(path)}</code>" for path in event.controlled),
            ]
        )
        problems = "".join(
            f'<div class="dc-problem"><code>{esc(p.code)}</code> {esc(p.message)}</div>'
            for p in event.problems
        )
        rows.append(
            [
                esc(_day(event.date)),
                esc(KIND_LABELS.get(event.kind, event.kind)),
                mr_link(site, event.merge_request),
                esc(event.summary),
                docs,
                _names(event.authors),
                _names(event.reviewers),
                _names(event.approvers),
                esc(SIGNATURE_LABELS.get(event.signature.status, event.signature.status)),
                esc(EVIDENCE_LABELS.get(event.evidence, event.evidence)),
                "已批准" if event.approved else '<span class="dc-flag">未批准</span>',
                problems or "—",
            ]
        )
        who = " ".join(f"{p.name} {p.email}" for p in people).lower()
        css = "dc-event" + (" dc-has-problem" if event.problems else "")
        attrs.append(
            f'class="{css}" data-date="{esc(_day(event.date))}" data-people="{esc(who)}" data-commit="{esc(event.commit)}"'
        )
    intro = "审批记录由主分支的 Git 历史生成：每个合并请求的合并即为一次批准；直接提交到主分支的更改标记为未批准。\n\n"
    notices = site.history.notices if site.history else ()
    if notices:
        # problems of the history as a whole (rewritten history, control_since moved…)
        intro += (
            '<ul class="dc-problems dc-notices">'
            + "".join(f"<li><code>{esc(p.code)}</code> {esc(p.message)}</li>" for p in notices)
            + "</ul>\n\n"
        )
    return intro + filters + "\n\n" + table(headers, rows, "dc-trail", attrs) + "\n"


def coverage_page(site: Site) -> str:
    src = model.COVERAGE_SRC
    published = list(site.documents.values())
    rows = registers.coverage(published, site.record_types, site.repo.clauses)
    cells, attrs = [], []
    for r in rows:
        docs = "、".join(doc_link(site, d, src) for d in r.documents) or "—"
        recs = (
            "、".join(
                link(
                    relative_url(site.url(src), site.url(model.form_src(t))),
                    site.record_types[t].name,
                )
                for t in r.record_types
            )
            or "—"
        )
        state = "已覆盖" if r.covered else '<span class="dc-flag">未覆盖</span>'
        cells.append([esc(r.clause.id), esc(r.clause.zh), docs, recs, state])
        attrs.append(
            f'class="{"dc-covered" if r.covered else "dc-uncovered"} dc-depth-{r.clause.depth}"'
        )
    uncovered = [r for r in rows if r.leaf and not r.covered]
    summary = f"ISO/IEC 20000-1:2018 共 {len(rows)} 个条款，{len(rows) - len([r for r in rows if not r.covered])} 个已有文件或记录覆盖。"
    if uncovered:
        summary += f" 未覆盖：{'、'.join(esc(r.clause.id) for r in uncovered)}。"
    return (
        summary
        + "\n\n"
        + table(["条款", "标题", "文件", "记录类型", "覆盖"], cells, "dc-coverage", attrs)
        + "\n"
    )


def review_page(site: Site) -> str:
    src = model.REVIEW_SRC
    due = registers.review_due(site.rows, site.as_of, REVIEW_WINDOW_DAYS)
    cells = []
    for r in due:
        state = (
            '<span class="dc-flag">逾期</span>' if r.overdue else f"{REVIEW_WINDOW_DAYS} 天内到期"
        )
        cells.append(
            [
                doc_link(site, r.id, src),
                doc_link(site, r.id, src, r.title),
                esc(r.owner_name),
                esc(r.last_approval),
                esc(r.next_review),
                state,
            ]
        )
    intro = f"截至 {esc(site.as_of.isoformat())}，以下文件的定期评审已逾期或将在 {REVIEW_WINDOW_DAYS} 天内到期（下次评审日期 = 最近批准、评审或生效日期中最晚者 + 评审周期）。\n\n"
    body = (
        table(
            ["文件编号", "文件名称", "归口部门", "最近批准", "下次评审", "状态"],
            cells,
            "dc-review dc-sortable",
        )
        if cells
        else "<p>没有需要评审的文件。</p>"
    )
    return intro + body + "\n\n" + site_impact.suspect_list(site, src) + "\n"


# --- records and forms ----------------------------------------------------------------


def _value_html(site: Site, value: Any, node: Any, from_src: str, schema: Any) -> str:
    """A record value as HTML, walking its schema for field titles and links at every depth."""
    node = resolve_local_ref(schema, node) if isinstance(node, dict) else {}
    ref = node.get("x-doccontrol-ref") if isinstance(node.get("x-doccontrol-ref"), str) else None
    if isinstance(value, list):
        items = node.get("items", {})
        if not value:
            return "—"
        return (
            "<ul>"
            + "".join(f"<li>{_value_html(site, v, items, from_src, schema)}</li>" for v in value)
            + "</ul>"
        )
    if isinstance(value, dict):
        props = node.get("properties", {}) if isinstance(node.get("properties"), dict) else {}
        rows = []
        for key, item in value.items():
            sub = props.get(key, {})
            title = sub.get("title", key) if isinstance(sub, dict) else key
            rows.append(
                f"<tr><th>{esc(title)}</th><td>{_value_html(site, item, sub, from_src, schema)}</td></tr>"
            )
        return '<table class="dc-nested">' + "".join(rows) + "</table>"
    if isinstance(value, bool):
        return "是" if value else "否"
    text = "" if value is None else str(value)
    if ref == "document":
        return doc_link(site, text, from_src)
    if ref and (ref, text) in site.record_ids:
        return link(relative_url(site.url(from_src), site.url(f"records/{ref}/{text}.md")), text)
    if ref == "person":
        person = site.config.person_by_id(text)
        return esc(person.name if person else text)
    return esc(text).replace("\n", "<br>")


def record_page(site: Site, record: Record) -> str:
    record_type = site.record_types[record.type]
    src = model.record_src(record)
    schema = record_type.schema
    props = schema.get("properties", {})
    cells = []
    for key, value in record.data.items():
        title = f"<strong>{esc(record_type.field_title(key))}</strong>"
        cells.append([title, _value_html(site, value, props.get(key, {}), src, schema)])
    back = link(relative_url(site.url(src), site.url(model.RECORDS_SRC)), "返回记录索引")
    form = link(
        relative_url(site.url(src), site.url(model.form_src(record.type))),
        f"{record_type.name}表单模板",
    )
    meta = f"<p>记录类型：{esc(record_type.name)}（{esc(record_type.name_en)}） · 保存期限 {esc(record_type.retention_years)} 年 · {form} · {back}</p>"
    return meta + "\n\n" + table(["字段", "内容"], cells, "dc-record") + "\n"


def records_index_page(site: Site) -> str:
    src = model.RECORDS_SRC
    parts = ["本页按记录类型列出已发布的记录。每种记录都有由其 JSON Schema 生成的空白表单模板。"]
    by_type = registers.records_by_type(site.records)
    for type_id, record_type in sorted(
        site.record_types.items(), key=lambda kv: kv[1].procedure + kv[0]
    ):
        form = link(relative_url(site.url(src), site.url(model.form_src(type_id))), "表单模板")
        procedure = doc_link(site, record_type.procedure, src)
        head = f"## {record_type.name}\n\n<p>{esc(record_type.name_en)} · 归口程序 {procedure} · 条款 {esc('、'.join(record_type.clauses))} · 保存 {esc(record_type.retention_years)} 年 · {form}</p>"
        records = by_type.get(type_id, [])
        if records:
            headers = [esc(record_type.field_title(f)) for f in record_type.list_fields]
            rows = []
            for record in records:
                cells = []
                for f in record_type.list_fields:
                    value = record.data.get(f, "")
                    if f == "id":
                        cells.append(
                            link(
                                relative_url(site.url(src), site.url(model.record_src(record))),
                                value,
                            )
                        )
                    else:
                        cells.append(
                            esc(
                                value
                                if not isinstance(value, list | dict)
                                else "、".join(map(str, value))
                                if isinstance(value, list)
                                else "…"
                            )
                        )
                rows.append(cells)
            head += "\n\n" + table(headers, rows, "dc-records dc-sortable")
        else:
            head += "\n\n<p>暂无已发布的记录。</p>"
        parts.append(head)
    return "\n\n".join(parts) + "\n"


def _field_rows(
    record_type: RecordType, schema: dict[str, Any], prefix: str = ""
) -> list[list[str]]:
    rows = []
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        if not isinstance(prop, dict):
            continue
        title = esc(prop.get("title", key)) + (
            ' <span class="dc-required">*</span>' if key in required else ""
        )
        options = prop.get("enum") or (prop.get("items", {}) or {}).get("enum")
        if options:
            blank = " ".join(f"☐ {esc(o)}" for o in options)
        elif prop.get("type") == "boolean":
            blank = "☐ 是 ☐ 否"
        elif prop.get("format") == "date":
            blank = "____年__月__日"
        else:
            blank = "&nbsp;"
        rows.append([f"{esc(prefix)}{title}", esc(prop.get("description", "")), blank])
        if prop.get("type") == "object" and "properties" in prop:
            rows += _field_rows(record_type, prop, prefix=f"{prop.get('title', key)} › ")
    return rows


def form_page(site: Site, record_type: RecordType) -> str:
    src = model.form_src(record_type.id)
    meta = (
        f"<p>编号规则：<code>{esc(record_type.id_format)}</code> · 保存期限：{esc(record_type.retention_years)} 年 · "
        f"对应条款：{esc('、'.join(record_type.clauses))} · 归口程序：{doc_link(site, record_type.procedure, src)}</p>"
        f"<p>带 * 的字段为必填。本表单由 <code>{esc(record_type.path)}</code> 生成；电子记录保存在 <code>records/{esc(record_type.id)}/</code>。</p>"
    )
    return (
        meta
        + "\n\n"
        + table(
            ["字段", "填写说明", "填写"],
            _field_rows(record_type, dict(record_type.schema)),
            "dc-form",
        )
        + "\n"
    )


# --- home -------------------------------------------------------------------------------


def home_page(site: Site) -> str:
    rows = site.rows
    in_force = [r for r in rows if r.in_force]
    counts = {s: len([r for r in in_force if r.state == s]) for s in ("effective", "draft")}
    retired = len(rows) - len(in_force)
    pending = [r for r in rows if r.pending]
    # the card counts exactly the rows the review page lists
    due = registers.review_due(rows, site.as_of, REVIEW_WINDOW_DAYS)
    history_problems = [p for e in site.events for p in e.problems]
    cards = [
        ("有效文件", counts["effective"], model.REGISTER_SRC),
        ("草稿", counts["draft"], model.REGISTER_SRC),
        (
            "已批准未生效",
            len([r for r in in_force if r.state == "pending" or r.upcoming]),
            model.REGISTER_SRC,
        ),
        ("作废/撤回", retired, model.REGISTER_SRC),
        ("记录", len(site.records), model.RECORDS_SRC),
        ("待评审", len(due), model.REVIEW_SRC),
        ("审批问题", len(history_problems), model.TRAIL_SRC),
        ("校验问题", len(site.problems), model.REGISTER_SRC),
    ]
    html_cards = (
        '<div class="dc-cards">'
        + "".join(
            f'<a class="dc-card" href="{esc(relative_url("", site.url(src)))}"><span class="dc-card-n">{n}</span><span class="dc-card-l">{esc(label)}</span></a>'
            for label, n, src in cards
        )
        + "</div>"
    )
    parts = [
        f"{esc(site.config.organization.get('name', ''))}的服务管理体系文件在本站受控发布。本站为文件的受控版本，打印或下载的副本均为非受控文件。",
        html_cards,
    ]
    recent = list(reversed(site.events))[:8]
    if recent:
        rows_html = [
            [
                esc(_day(e.date)),
                esc(e.summary),
                "、".join(
                    f"{doc_link(site, d.id, model.HOME_SRC)} {esc(d.version)}" for d in e.documents
                ),
                _names(e.approvers) or "—",
                "已批准" if e.approved else '<span class="dc-flag">未批准</span>',
            ]
            for e in recent
        ]
        parts.append(
            "## 最近的审批\n\n"
            + table(["日期", "变更", "文件及版本", "批准人", "结论"], rows_html, "dc-recent")
        )
    if pending:
        parts.append(
            "## 未经批准的更改\n\n<ul>"
            + "".join(
                f"<li>{doc_link(site, r.id, model.HOME_SRC)} {esc(r.title)}：{r.pending} 处更改未经批准</li>"
                for r in pending
            )
            + "</ul>"
        )
    if site.problems:
        shown = site.public_problems[:50]
        unpublished = len(site.problems) - len(site.public_problems)
        parts.append(
            "## 校验问题\n\n<ul>"
            + "".join(
                f"<li><code>{esc(p.path)}:{p.line}</code> {esc(p.code)} {esc(p.message)}</li>"
                for p in shown
            )
            + (f"<li>另有 {unpublished} 个问题位于未发布的文件中</li>" if unpublished else "")
            + "</ul>"
        )
    return "\n\n".join(parts) + "\n"


def generated_pages(site: Site) -> dict[str, tuple[str, str]]:
    """src_uri → (title, markdown) for every page the tool generates."""
    pages = {
        model.HOME_SRC: ("首页", home_page(site)),
        model.REGISTER_SRC: ("受控文件清单", register_page(site)),
        model.TRAIL_SRC: ("审批记录", trail_page(site)),
        model.COVERAGE_SRC: ("条款覆盖矩阵", coverage_page(site)),
        model.REVIEW_SRC: ("待评审文件", review_page(site)),
        model.RECORDS_SRC: ("记录索引", records_index_page(site)),
        **site_acks.pages(site),
        site_copies.RECALL_SRC: (site_copies.recall_title(site), site_copies.recall_page(site)),
    }
    for record in site.records:
        if record.type in site.record_types:
            title_field = site.record_types[record.type].title_field
            pages[model.record_src(record)] = (
                f"{record.id} {record.data.get(title_field, '')}".strip(),
                record_page(site, record),
            )
    for type_id, record_type in site.record_types.items():
        pages[model.form_src(type_id)] = (f"{record_type.name}表单", form_page(site, record_type))
    return pages


def navigation(site: Site) -> list[dict[str, Any]]:
    """The site's navigation: home, documents by type (in id order), registers, records.

    MkDocs treats titles as HTML (they can come from a rendered heading), so every title
    taken from front matter or a record is escaped here."""
    nav: list[dict[str, Any]] = [{"首页": model.HOME_SRC}]
    for type_id, doc_type in site.config.document_types.items():
        docs = sorted(
            (d for d in site.documents.values() if d.type == type_id),
            key=lambda d: registers._id_key(d.id or ""),
        )
        entries = [
            {esc(f"{d.id} {d.title}"): site.src(d.id or "")} for d in docs if site.src(d.id or "")
        ]
        if len(entries) == 1 and type_id == "manual":
            nav.append({esc(doc_type.label): next(iter(entries[0].values()))})
        elif entries:
            nav.append({esc(doc_type.label): entries})
    nav.append(
        {
            "登记与审批": [
                {"受控文件清单": model.REGISTER_SRC},
                {"审批记录": model.TRAIL_SRC},
                {"条款覆盖矩阵": model.COVERAGE_SRC},
                {"待评审文件": model.REVIEW_SRC},
                *site_acks.nav(site),
                {site_copies.recall_title(site): site_copies.RECALL_SRC},
            ]
        }
    )
    forms = [{esc(rt.name): model.form_src(t)} for t, rt in sorted(site.record_types.items())]
    nav.append({"记录": [{"记录索引": model.RECORDS_SRC}, {"表单模板": forms}]})
    return nav
