"""Build the demo compliance repository under build/demo and its controlled site.

The repository starts from this project's documents, records and config, then replays about
a year of work with real git commands and fixed dates and identities, so the result is the
same on every run: merge requests merged with --no-ff and GitLab-style trailers, a GitHub
squash merge, an SSH-signed merge, a renamed procedure, a new procedure from draft V0.1 to
V1.0, an improvement (IMP-2026-001) carried into the procedures it changed by an approved
revision, a work instruction made obsolete and superseded, a periodic review without content
change, two direct unapproved commits (one undone and handled as a nonconformity named in
approval.dispositions, one left open) and one self-approved (forged) merge.

    python tools/demo/build_demo.py [--out build/demo] [--no-site] [--pdf]

``--pdf`` (``make demo-pdf``) sets ``publish.pdf: true``: the site carries a PDF of every
published document. It is off by default: on a quiet 2-core machine the ~50 PDFs add minutes
to a build that otherwise takes about half a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import acks_history
import disposition_history
import impact_history  # tools/demo: the script's own folder
import pdf_history

from doccontrol.load.repository import load_config

PROJECT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
_CONFIG = load_config((PROJECT / "doccontrol.yml").read_bytes())[0]
assert _CONFIG is not None, "doccontrol.yml has problems: run doccontrol check"
PEOPLE = {p.id: (p.name, p.emails[0]) for p in _CONFIG.people} | {
    "github": ("GitHub", "noreply@github.com")
}
AS_OF = "2026-11-26"


# What SM-P-21 and SM-P-06 said before IMP-2026-001: (text as shipped, text before).
PRE_IMP_2026_001_SM_P_21 = [
    (
        "| P1 | 15 分钟内 | 每 30 分钟 | 报告人、SLA 指定的客户联系人、公司管理层 | 服务台值班长先行，指定后由沟通负责人负责 |",
        "| P1 | 30 分钟内 | 每 30 分钟 | 受影响客户接口人、公司管理层 | 沟通负责人 |",
    ),
    (
        "| P2 | 30 分钟内 | 每 60 分钟 | 报告人和 SLA 指定的客户联系人 | 服务台值班长 |",
        "| P2 | — | 每 2 小时 | 报告人 | 服务台坐席 |",
    ),
    (
        "客户通报按下表执行。P1、P2 事件由服务台值班长先电话通知，随后发送书面通报；"
        "事件工具按优先级自动设置通报提醒，到期 5 分钟仍未通报的提醒事件经理。",
        "客户通报按下表执行。",
    ),
    (
        "书面通报统一包括：现象与影响范围、当前处置进展、下一步措施、预计恢复时间、下次通报时间。",
        "通报内容包括影响范围、已采取措施、下一步和预计恢复时间。",
    ),
    (
        "| P1/P2 事件通报及时率 | 按 6.3 时限发出的首次通报和定时通报次数 ÷ 应发通报次数 × 100% | ≥ 95% | 月 | 事件经理 |\n",
        "",
    ),
    (
        "3. 事件通报的时限和模板只由本程序规定，服务台值班安排和交接班资料引用本程序，不另行规定。\n4. ",
        "3. ",
    ),
]
PRE_IMP_2026_001_SM_P_06 = [
    (
        "| P1/P2 事件通报及时率 | 按 SM-P-21 6.3 时限发出的首次通报和定时通报次数 ÷ 应发通报次数 × 100%（与 SM-P-21 的同名指标同一口径） |",
        "| P1 事件首报及时率 | 按 SM-P-21 6.3 时限首报客户的 P1 事件数 ÷ P1 事件总数 × 100% |",
    ),
]


class Demo:
    def __init__(self, root: Path, keys: Path) -> None:
        self.root = root
        self.key = keys / "demo_signing_ed25519"

    def git(
        self,
        *args: str,
        who: str = "wangfang",
        when: str = "2025-11-28T10:00:00+08:00",
        committer: str | None = None,
    ) -> str:
        name, email = PEOPLE[who]
        c_name, c_email = PEOPLE[committer or who]
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root.parent),
            "LANG": "C.UTF-8",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": c_name,
            "GIT_COMMITTER_EMAIL": c_email,
            "GIT_COMMITTER_DATE": when,
        }
        result = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise SystemExit(f"demo: git {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout.strip()

    def path(self, rel: str) -> Path:
        return self.root / rel

    def edit(
        self,
        rel: str,
        version: str | None = None,
        status: str | None = None,
        add: tuple[str, str] | None = None,
        meta: dict[str, str] | None = None,
    ) -> None:
        """Change a document: its version/status, a sentence appended to a section, front-matter keys."""
        path = self.path(rel)
        text = path.read_text(encoding="utf-8")
        front_end = text.index("\n---\n", 4)
        front, body = text[: front_end + 1], text[front_end + 1 :]
        if version:
            front = re.sub(
                r"^version: .*$", f"version: {version}", front, count=1, flags=re.MULTILINE
            )
        if status:
            front = re.sub(r"^status: .*$", f"status: {status}", front, count=1, flags=re.MULTILINE)
        for key, value in (meta or {}).items():
            if re.search(rf"^{key}: .*$", front, flags=re.MULTILINE):
                front = re.sub(
                    rf"^{key}: .*$", f"{key}: {value}", front, count=1, flags=re.MULTILINE
                )
            else:
                front += f"{key}: {value}\n"
        if add:
            heading, sentence = add
            match = re.search(rf"^## \d+ {re.escape(heading)}\n", body, flags=re.MULTILINE)
            if not match:
                raise SystemExit(f"demo: no section {heading} in {rel}")
            following = body.find("\n## ", match.end())
            at = following if following >= 0 else len(body)
            body = body[:at].rstrip("\n") + f"\n\n{sentence}\n" + body[at:]
        path.write_text(front + body, encoding="utf-8")

    def replace(self, rel: str, pairs: list[tuple[str, str]]) -> None:
        """Put back earlier wording: each (current, earlier) pair must occur exactly once."""
        path = self.path(rel)
        text = path.read_text(encoding="utf-8")
        for current, earlier in pairs:
            if text.count(current) != 1:
                raise SystemExit(f"demo: {rel} no longer holds exactly one {current[:40]!r}")
            text = text.replace(current, earlier)
        path.write_text(text, encoding="utf-8")

    def restore(self, rel: str) -> None:
        """Bring a document back to the text this project ships."""
        shutil.copy(PROJECT / rel, self.path(rel))

    def change(
        self, branch: str, who: str, when: str, message: str, edits: list[dict[str, object]]
    ) -> None:
        self.git("checkout", "-q", "-b", branch, "main")
        for e in edits:
            self.edit(**e)  # type: ignore[arg-type]
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, who=who, when=when)

    def merge(
        self,
        branch: str,
        title: str,
        number: int,
        when: str,
        merger: str = "liujing",
        approver: str = "liujing",
        reviewer: str = "wangfang",
        sign: bool = False,
    ) -> None:
        self.git("checkout", "-q", "main")
        message = (
            f"Merge branch '{branch}' into 'main'\n\n{title}\n\nSee merge request it/sms!{number}\n\n"
            f"Approved-by: {PEOPLE[approver][0]} <{PEOPLE[approver][1]}>\nReviewed-by: {PEOPLE[reviewer][0]} <{PEOPLE[reviewer][1]}>"
        )
        args = ["merge", "--no-ff", "-q", "-m", message, branch]
        if sign:
            args = [
                "-c",
                "gpg.format=ssh",
                "-c",
                f"user.signingkey={self.key}",
                "merge",
                "-S",
                *args[1:],
            ]
        self.git(*args, who=merger, when=when)
        self.git("branch", "-q", "-d", branch)


def build(out: Path, site: bool, pdf: bool = False) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    keys = out.parent / "demo-keys"
    keys.mkdir(exist_ok=True)
    for name in ("demo_signing_ed25519", "demo_forge_ed25519"):
        for suffix in ("", ".pub"):
            shutil.copy(HERE / "keys" / f"{name}{suffix}", keys / f"{name}{suffix}")
        (keys / name).chmod(0o600)  # ssh-keygen refuses readable private keys
    public_key = (HERE / "keys/demo_signing_ed25519.pub").read_text().strip()
    forge_key = (HERE / "keys/demo_forge_ed25519.pub").read_text().strip()

    for item in ("docs", "records", "schemas"):
        shutil.copytree(PROJECT / item, out / item)
    for item in ("doccontrol.yml", "mkdocs.yml", ".gitignore"):
        shutil.copy(PROJECT / item, out / item)
    vendor = PROJECT / ".cache/vendor/mermaid.min.js"
    if vendor.is_file():
        (out / ".cache/vendor").mkdir(parents=True)
        shutil.copy(vendor, out / ".cache/vendor/mermaid.min.js")
    config = (out / "doccontrol.yml").read_text(encoding="utf-8")
    # the demo's own start of control (the project's, once adopted, names a commit of its own)
    config = re.sub(
        r"^control_since: .*$", "control_since: '2025-12-01'", config, count=1, flags=re.M
    )
    config = config.replace("repo_url: null", "repo_url: https://gitlab.example.com/it/sms")
    if pdf:  # a PDF of every published document with the site (the [pdf] extra)
        config = config.replace(
            "repo_url: https://gitlab.example.com/it/sms",
            "repo_url: https://gitlab.example.com/it/sms\n  pdf: true",
        )
    # the forge signs the squash merges it makes: that signature is what makes one count
    config = config.replace("trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_key}"]')
    config = config.replace(
        "department: qa, roles: [management-representative, department-head]}",
        f'department: qa, roles: [management-representative, department-head], signing_keys: ["{public_key}"]}}',
    )
    config = acks_history.configure(config)  # acknowledgements owed from June 2026
    (out / "doccontrol.yml").write_text(config, encoding="utf-8")
    mkdocs = (
        (out / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace(
            "strict: !ENV [DOCCONTROL_STRICT, false]",
            f'strict: !ENV [DOCCONTROL_STRICT, false]\n      as_of: "{AS_OF}"',
        )
    )
    (out / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    shutil.copy(
        HERE / "documents/desktop-requests-old.md",
        out / "docs/work-instructions/desktop-requests.md",
    )
    # the README's author walk-through works here as written: pre-commit runs this checkout's
    # doccontrol (by its local path, no package index needed)
    python = sys.executable
    (out / ".pre-commit-config.yaml").write_text(
        "# doccontrol's hooks, run by the doccontrol this demo was built with (a local path).\n"
        "repos:\n  - repo: local\n    hooks:\n"
        "      - id: doccontrol-check\n        name: doccontrol check\n"
        f"        entry: {python} -m doccontrol check\n        language: system\n"
        "        files: ^(docs/.*\\.md|records/.*\\.ya?ml|schemas/.*\\.json|doccontrol\\.yml)$\n"
        "        require_serial: true\n"
        "      - id: doccontrol-version-bump\n        name: doccontrol version bump\n"
        f"        entry: {python} -m doccontrol check-versions\n        language: system\n"
        "        files: ^docs/.*\\.md$\n        require_serial: true\n",
        encoding="utf-8",
    )
    d = Demo(out, keys)
    d.edit(
        "docs/procedures/document-and-record-control.md",
        meta={
            "legacy_history": "\n  - {version: V1.0, sections: 全文, change: 新建（纸质受控版）, author: 王芳, date: 2024-03-01, reviewer: 刘静, review_date: 2024-03-05, approver: 陈明远, approval_date: 2024-03-08}"
        },
    )

    # The documents the replayed year revises stand at their first approved version in the
    # baseline, so each revision below raises them from V1.0.
    for rel in (
        "docs/procedures/incident-management.md",
        "docs/procedures/communication.md",
        "docs/procedures/change-management.md",
        "docs/procedures/service-request-management.md",
        "docs/procedures/information-security.md",
        "docs/procedures/knowledge-management.md",
        "docs/procedures/problem-management.md",
    ):
        d.edit(rel, version="V1.0", meta={"effective_date": "2026-01-05"})
    # IMP-2026-001 (P1/P2 customer notification) reaches SM-P-21 and SM-P-06 by an approved
    # revision in June 2026; until then the baseline holds the practice it replaced.
    d.replace("docs/procedures/incident-management.md", PRE_IMP_2026_001_SM_P_21)
    d.replace("docs/procedures/communication.md", PRE_IMP_2026_001_SM_P_06)

    # a procedure last approved long ago, so its periodic review is overdue by the demo date
    d.edit("docs/procedures/budgeting-and-accounting.md", meta={"effective_date": "2025-06-01"})
    # the manual's current revision took effect in June in the demo's year (in the shipped
    # repository it takes effect later than the demo's date, when it would be in force nowhere)
    d.edit("docs/manual/service-management-manual.md", meta={"effective_date": "2026-06-22"})

    # 2025-11-28: the documents come under Git; before control_since, so the baseline
    d.git("init", "-q", "-b", "main")
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "导入服务管理体系文件（纳入 Git 管理的基线）",
        who="wangfang",
        when="2025-11-28T16:20:00+08:00",
    )

    d.change(
        "mr-5-change-roles",
        "zhouqiang",
        "2026-02-04T09:40:00+08:00",
        "变更管理：明确变更实施人与验证人分离",
        [
            {
                "rel": "docs/procedures/change-management.md",
                "version": "V1.1",
                "meta": {"effective_date": "2026-02-16"},
                "add": ("角色与职责", "变更实施人不得同时担任该变更的实施后验证人。"),
            },
        ],
    )
    d.merge("mr-5-change-roles", "变更管理程序：实施人与验证人分离", 5, "2026-02-09T11:00:00+08:00")

    # a new procedure: draft V0.1 published for comment, then V1.0 effective
    d.git("checkout", "-q", "-b", "mr-7-service-exit", "main")
    shutil.copy(HERE / "documents/service-exit.md", out / "docs/procedures/service-exit.md")
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "新增客户数据返还与服务退出管理程序（征求意见稿）",
        who="huangli",
        when="2026-02-26T15:10:00+08:00",
    )
    d.merge(
        "mr-7-service-exit",
        "新增 SM-P-32 客户数据返还与服务退出管理程序（草稿 V0.1）",
        7,
        "2026-03-02T10:00:00+08:00",
    )
    d.change(
        "mr-9-service-exit-v1",
        "huangli",
        "2026-03-30T16:45:00+08:00",
        "服务退出程序：采纳征求意见，正式发布",
        [
            {
                "rel": "docs/procedures/service-exit.md",
                "version": "V1.0",
                "status": "effective",
                "meta": {"effective_date": "2026-04-06"},
                "add": ("流程描述", "客户要求提前终止数据返还的，须由客户书面确认放弃剩余数据。"),
            },
        ],
    )
    d.merge(
        "mr-9-service-exit-v1",
        "SM-P-32 客户数据返还与服务退出管理程序 V1.0 发布",
        9,
        "2026-04-06T09:30:00+08:00",
    )

    # a GitHub-style squash merge: the forge commits for the author and signs with its key
    d.git("checkout", "-q", "main")
    d.edit(
        "docs/procedures/service-request-management.md",
        version="V1.1",
        meta={"effective_date": "2026-05-18"},
        add=(
            "流程描述",
            "需要客户审批的服务请求，审批超过 2 个工作日未答复的，服务台须电话催办并记录。",
        ),
    )
    d.git("add", "-A")
    d.git(
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingkey={keys / 'demo_forge_ed25519'}",
        "commit",
        "-S",
        "-q",
        "-m",
        "修订服务请求管理程序的审批催办要求 (#42)\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="sunyue",
        committer="github",
        when="2026-05-11T17:20:00+08:00",
    )

    # a signed approval
    d.change(
        "mr-12-security-notice",
        "wuting",
        "2026-06-10T10:15:00+08:00",
        "信息安全：缩短高级别事件的客户通知时限",
        [
            {
                "rel": "docs/procedures/information-security.md",
                "version": "V1.1",
                # approved on 15 June, in force from 22 June: approved, not yet effective between
                "meta": {"effective_date": "2026-06-22"},
                "add": (
                    "流程描述",
                    "自本版本起，“高”级别信息安全事件须在定级后 2 小时内通知受影响客户。",
                ),
            },
        ],
    )
    d.merge(
        "mr-12-security-notice",
        "信息安全管理程序：客户通知时限缩短为 2 小时",
        12,
        "2026-06-15T09:00:00+08:00",
        sign=True,
    )

    # IMP-2026-001 carried into the procedures it changed, before its closure and before the
    # nonconformities of the first internal audit were verified
    d.git("checkout", "-q", "-b", "mr-13-incident-notification", "main")
    d.restore("docs/procedures/incident-management.md")
    d.restore("docs/procedures/communication.md")
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "事件管理、沟通管理：纳入 P1/P2 事件首次通报和定时通报要求（IMP-2026-001）",
        who="sunyue",
        when="2026-06-16T15:00:00+08:00",
    )
    d.merge(
        "mr-13-incident-notification",
        "事件管理程序、沟通管理程序：P1/P2 事件客户通报（IMP-2026-001）",
        13,
        "2026-06-22T10:00:00+08:00",
    )

    # a renamed procedure keeps its history (identity is the id)
    d.git("checkout", "-q", "-b", "mr-14-knowledge", "main")
    d.git(
        "mv",
        "docs/procedures/knowledge-management.md",
        "docs/procedures/knowledge-and-experience.md",
    )
    d.edit(
        "docs/procedures/knowledge-and-experience.md",
        version="V1.1",
        meta={"effective_date": "2026-07-06"},
        add=("流程描述", "每次重大事件关闭后 10 个工作日内，须将经验教训整理为知识条目。"),
    )
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "知识管理：重命名文件并补充经验教训要求",
        who="zhenghao",
        when="2026-07-01T11:00:00+08:00",
    )
    d.merge(
        "mr-14-knowledge",
        "知识管理程序：补充重大事件经验教训的沉淀",
        14,
        "2026-07-06T10:00:00+08:00",
    )

    # a work instruction made obsolete and superseded
    d.git("checkout", "-q", "-b", "mr-16-desktop", "main")
    d.edit(
        "docs/work-instructions/desktop-requests.md",
        status="obsolete",
        meta={"superseded_by": "SM-W-22-02"},
    )
    shutil.copy(
        HERE / "documents/desktop-requests-new.md",
        out / "docs/work-instructions/desktop-and-mobile-requests.md",
    )
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "以桌面与移动终端作业指导书替代原桌面作业指导书",
        who="sunyue",
        when="2026-07-28T14:30:00+08:00",
    )
    d.merge(
        "mr-16-desktop",
        "SM-W-22-02 替代 SM-W-22-01",
        16,
        "2026-08-03T09:45:00+08:00",
        reviewer="zhaolei",
    )

    # a periodic review without content change: front matter only
    d.change(
        "mr-18-risk-review",
        "zhaolei",
        "2026-09-03T10:00:00+08:00",
        "风险和机遇管理程序年度评审：内容适宜，无需修改",
        [
            {
                "rel": "docs/procedures/risks-and-opportunities.md",
                "meta": {"review_date": "2026-09-07"},
            },
        ],
    )
    d.merge("mr-18-risk-review", "SM-P-03 年度评审（无内容变化）", 18, "2026-09-07T15:00:00+08:00")

    # a direct commit undone, recorded as a nonconformity and named in approval.dispositions
    disposition_history.add(d)

    # a direct commit on main: nobody approved it
    d.git("checkout", "-q", "main")
    d.edit(
        "docs/procedures/change-management.md",
        version="V1.2",
        add=("流程描述", "国庆假期期间变更窗口临时调整为每日 23:00 至次日 01:00。"),
    )
    d.git("add", "-A")
    d.git(
        "commit",
        "-q",
        "-m",
        "临时调整假期变更窗口",
        who="zhouqiang",
        when="2026-09-28T21:40:00+08:00",
    )

    # a forged approval: the author approves and merges her own change
    d.change(
        "mr-21-problem-rca",
        "sunyue",
        "2026-10-28T16:00:00+08:00",
        "问题管理：根本原因分析增加 5Why 模板要求",
        [
            {
                "rel": "docs/procedures/problem-management.md",
                "version": "V1.1",
                "meta": {"effective_date": "2026-11-09"},
                "add": ("流程描述", "P1、P2 问题的根本原因分析须使用 5Why 模板并附在问题记录中。"),
            },
        ],
    )
    d.merge(
        "mr-21-problem-rca",
        "问题管理程序：根本原因分析模板",
        21,
        "2026-11-02T09:10:00+08:00",
        merger="sunyue",
        approver="sunyue",
        reviewer="wangfang",
    )

    # approved on 20 November, in force from 1 December: on the demo's date (26 November) the
    # site shows it as approved, not yet effective, and V1.1 as the version in force
    d.change(
        "mr-23-communication",
        "zhaolei",
        "2026-11-16T10:00:00+08:00",
        "沟通管理：客户通报改为统一由服务经理发出",
        [
            {
                "rel": "docs/procedures/communication.md",
                "version": "V1.2",  # V1.1 carried IMP-2026-001 in June
                "meta": {"effective_date": "2026-12-01"},
                "add": ("流程描述", "自本版本生效起，面向客户的服务通报统一由服务经理审核后发出。"),
            },
        ],
    )
    d.merge(
        "mr-23-communication",
        "沟通管理程序：客户通报统一由服务经理发出（2026-12-01 起实施）",
        23,
        "2026-11-20T09:30:00+08:00",
    )

    acks_history.add(d, AS_OF)  # read-and-understood acknowledgements, some overdue

    pdf_history.add(d)  # controlled copies issued in exchange, one still to recall
    impact_history.add(d)  # change impact: two documents suspect, one cleared

    commits = d.git("rev-list", "--count", "main")
    print(f"demo repository: {out} ({commits} commits, history from 2025-11-28 to 2026-11-20)")
    trail = subprocess.run(
        [sys.executable, "-m", "doccontrol", "trail"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    print("\n".join("  " + line for line in trail.stdout.splitlines()))
    if site:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml")],
            cwd=out,
            env=env,
            check=False,
        )
        if result.returncode != 0:
            raise SystemExit("demo: mkdocs build failed")
        print(f"demo site: {out / 'site'}/index.html  (serve it with: make serve)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=PROJECT / "build/demo")
    parser.add_argument("--no-site", action="store_true", help="build the repository only")
    parser.add_argument(
        "--pdf", action="store_true", help="publish.pdf: a PDF of every published document"
    )
    args = parser.parse_args()
    build(args.out.resolve(), not args.no_site, args.pdf)


if __name__ == "__main__":
    main()
