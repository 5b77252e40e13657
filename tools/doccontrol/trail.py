"""The approval trail as rows: filtered by period and person, ready for tables and CSV."""

from __future__ import annotations

from collections.abc import Iterable

from doccontrol.history.model import EVIDENCE_LABELS, ApprovalEvent, Person

TRAIL_HEADERS = (
    "日期",
    "提交",
    "方式",
    "合并请求",
    "变更摘要",
    "文件及版本",
    "更改人",
    "审核人",
    "批准人",
    "签名",
    "批准证据",
    "结论",
    "问题",
)
KIND_LABELS = {"merge": "合并", "squash": "压缩合并", "direct": "直接提交"}


def _matches(person: Person, who: str) -> bool:
    needle = who.lower()
    return needle in (person.name.lower(), person.email.lower(), (person.person_id or "").lower())


def filter_events(
    events: Iterable[ApprovalEvent], since: str | None, until: str | None, person: str | None
) -> list[ApprovalEvent]:
    out = []
    for event in events:
        day = event.date[:10]
        if (since and day < since) or (until and day > until):
            continue
        if person and not any(
            _matches(p, person)
            for p in (*event.authors, *event.reviewers, *event.approvers, event.merger)
        ):
            continue
        out.append(event)
    return out


def _names(people: Iterable[Person]) -> str:
    return "、".join(p.name for p in people)


def trail_rows(
    events: Iterable[ApprovalEvent], short: bool = False
) -> tuple[tuple[str, ...], list[list[str]]]:
    rows = []
    for e in events:
        rows.append(
            [
                e.date if not short else e.date[:10],
                e.commit[:10] if short else e.commit,
                KIND_LABELS.get(e.kind, e.kind),
                e.merge_request.label if e.merge_request else "",
                e.summary,
                "、".join([*(f"{d.id} {d.version}" for d in e.documents), *e.controlled]),
                _names(e.authors),
                _names(e.reviewers),
                _names(e.approvers),
                e.signature.status,
                EVIDENCE_LABELS.get(e.evidence, e.evidence),
                "已批准" if e.approved else "未批准",
                "; ".join(f"{p.code}" if short else f"{p.code} {p.message}" for p in e.problems),
            ]
        )
    return TRAIL_HEADERS, rows
