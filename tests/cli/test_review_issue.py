"""The forge issue `review-due --issue` posts is published output: it names only documents the
site may name, counts the others without naming them, and speaks the repository's language.
Real repositories, the real CLI, `--dry-run` (what would be posted, no request)."""

from __future__ import annotations

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body, cli

SECRET = ("SM-P-07", "绝密并购应急程序")


def _scenario(tmp_path, *documents: tuple[str, str, str]) -> Scenario:
    """SM-P-01 (internal) and ``documents`` (id, title, level) in the 2026-01-01 baseline: all
    in force from 2026-01-05, due for review on 2027-01-05."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    for n, (doc_id, title, level) in enumerate(documents):
        builder.write(
            f"docs/procedures/extra{n}.md",
            procedure(doc_id=doc_id, title=title, body=body("目的。")).replace(
                "confidentiality: internal", f"confidentiality: {level}"
            ),
        )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    return s


def _issue(s: Scenario) -> tuple[str, str, str]:
    """(the whole stdout, the issue as it would be posted, stderr)."""
    out = cli(s.root, "review-due", "--today", "2027-02-01", "--issue", "gitlab", "--dry-run")
    assert out.returncode == 0, out.stderr
    # the runner is told in the repository's language (zh here unless it says en)
    marker = "试运行：" if "试运行：" in out.stdout else "dry run:"
    assert marker in out.stdout, out.stdout + out.stderr
    return out.stdout, out.stdout.split(marker, 1)[1], out.stderr


def test_the_issue_counts_documents_above_the_level_without_naming_them(tmp_path):
    s = _scenario(tmp_path, (*SECRET, "secret"), ("SM-P-08", "第二份机密程序", "confidential"))
    stdout, issue, _ = _issue(s)
    assert "| SM-P-01 | ` 测试程序 ` | V1.0 | ` 体系管理部 ` | — | 2027-01-05 | 逾期 |" in issue
    for hidden in (*SECRET, "SM-P-08", "第二份机密程序"):
        assert hidden not in issue, issue
    assert "另有 2 份文件的密级高于发布上限" in issue
    # the table printed for the runner keeps every due document (the CLI's own output)
    table = stdout.split("试运行：", 1)[0]
    assert "SM-P-07" in table and "SM-P-08" in table
    # nothing hidden: no count line at all
    plain = _scenario(tmp_path / "plain")
    assert "另有" not in _issue(plain)[1]


def test_only_hidden_documents_due_is_a_count_and_no_false_all_clear(tmp_path):
    s = _scenario(tmp_path)
    # SM-P-01 raised to secret in the baseline (before control began): the only due document
    doc = s.root / "docs/procedures/test.md"
    doc.write_text(doc.read_text().replace("confidentiality: internal", "confidentiality: secret"))
    s.git.commit("密级调整", who="wangfang", date="2026-01-01T10:00:00+08:00")
    _, issue, _ = _issue(s)
    assert "SM-P-01" not in issue and "测试程序" not in issue, issue
    assert "没有需要评审的文件" not in issue
    assert "另有 1 份文件" in issue


def test_a_document_once_above_the_level_stays_out_of_the_issue(tmp_path):
    """Relabelled down later, its id and title would still tell what it was (publishing.py)."""
    s = _scenario(tmp_path, (*SECRET, "secret"))
    path = s.root / "docs/procedures/extra0.md"
    path.write_text(path.read_text().replace("confidentiality: secret", "confidentiality: public"))
    s.git.commit("降低密级", who="wangfang", date="2026-01-01T10:00:00+08:00")
    _, issue, _ = _issue(s)
    assert SECRET[0] not in issue and SECRET[1] not in issue, issue
    assert "另有 1 份文件" in issue


def test_an_unapproved_publishing_level_lists_only_the_lowest_level(tmp_path):
    s = _scenario(tmp_path, ("SM-P-02", "公开程序", "public"), (*SECRET, "secret"))
    s.set_config("max_confidentiality: internal", "max_confidentiality: secret")
    s.git.commit(
        "放宽发布密级", who="zhaolei", date="2026-03-01T10:00:00+08:00"
    )  # after control began
    _, issue, stderr = _issue(s)
    assert "| SM-P-02 | ` 公开程序 ` |" in issue
    for hidden in ("SM-P-01", "测试程序", *SECRET):
        assert hidden not in issue, issue
    assert "另有 2 份文件" in issue
    assert "有未经批准的修改" in stderr and "public" in stderr


def test_the_issue_speaks_the_repository_language_not_the_runner_locale(tmp_path):
    s = _scenario(tmp_path, (*SECRET, "secret"))
    config = s.root / "doccontrol.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nlanguage: en\n", encoding="utf-8")
    s.git.commit("英文", who="wangfang", date="2026-01-01T10:00:00+08:00")
    _, issue, _ = _issue(s)
    assert "'Documents due for review (doccontrol review-due)'" in issue
    assert "| Document | Title | Version | Owner | Last approval | Next review | State |" in issue
    assert "| SM-P-01 |" in issue and "| overdue |" in issue
    assert "1 more document above the publishing level is due for review" in issue
    assert "待评审" not in issue and "逾期" not in issue
    # the owner by the name the English site gives it, in the issue and in the CLI's register
    assert "` Quality and Management System `" in issue and "体系管理部" not in issue
    register = cli(s.root, "register", "--format", "csv", "--as-of", "2027-02-01").stdout
    assert "Quality and Management System" in register and "Internal" in register
    assert "体系管理部" not in register and "内部" not in register


def _rendered(issue: str):
    """The issue as a forge renders it (GFM tables, linkified URLs), parsed."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    html = MarkdownIt("gfm-like", {"linkify": False}).enable("table").render(issue)

    class Parts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.rows: list[list[str]] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            if tag == "tr":
                self.rows.append([])
            if tag == "td":
                self.cell = []

        def handle_endtag(self, tag):
            if tag == "td" and self.cell is not None:
                self.rows[-1].append("".join(self.cell))
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    parts = Parts()
    parts.feed(html)
    return parts


def test_what_an_author_writes_in_a_title_or_a_name_does_nothing_in_the_issue(tmp_path):
    """A title that closes the table and forges a row, pings a team, links, loads an image;
    a department renamed by a direct commit: each shows as typed, in its own cell."""
    forged = (
        "变更管理程序</td><td>V2.0</td><td>已评审</td></tr></table><details><table><tr><td>"
        " @acme/security-team ![](https://evil.example/beacon.png) [去批准](https://evil.example)"
        " acme/other#1 | V9.9 | `x` ``"
    )
    quoted = "'" + forged.replace("'", "''") + "'"
    s = _scenario(tmp_path, ("SM-P-02", quoted, "public"))
    # while doccontrol.yml has a change nobody approved, the issue lists public documents only
    s.set_config("{name: 体系管理部", "{name: '@acme/all 体系管理部'")
    s.git.commit("直接改部门名", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    _, issue, stderr = _issue(s)
    parts = _rendered(issue)
    assert not {"img", "a", "details", "script"} & set(parts.tags), parts.tags
    rows = [r for r in parts.rows if r]
    assert [r[0] for r in rows] == ["SM-P-02"]  # no forged row
    assert rows[0][1] == " ".join(forged.split()) and rows[0][2] == "V1.0"
    assert rows[0][3] == "体系管理部"  # the approved name, not the direct commit's
    assert "按其批准的版本显示" in stderr


def test_the_issue_is_opened_updated_and_closed_once_nothing_is_due(tmp_path):
    # GitLab's issues API as a real HTTP server on this machine: the CLI opens the issue while
    # documents are due, and once none are it says so in the issue and closes it (it used to
    # leave it open, listing documents reviewed since); with none open it opens nothing
    import http.server
    import json
    import threading
    import urllib.parse

    issues: dict[int, dict[str, str]] = {}

    class GitLab(http.server.BaseHTTPRequestHandler):
        def _reply(self, value) -> None:
            data = json.dumps(value).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> dict[str, str]:
            return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

        def do_GET(self) -> None:
            query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            assert query["state"] == ["opened"]
            opened = [i for i in issues.values() if i["state"] == "opened"]
            self._reply(opened)

        def do_POST(self) -> None:
            iid = len(issues) + 1
            issues[iid] = {**self._body(), "iid": iid, "state": "opened"}
            self._reply(issues[iid])

        def do_PUT(self) -> None:
            iid = int(self.path.rsplit("/", 1)[1])
            change = self._body()
            if change.pop("state_event", None) == "close":
                issues[iid]["state"] = "closed"
            issues[iid].update(change)
            self._reply(issues[iid])

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GitLab)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {
        "CI_API_V4_URL": f"http://127.0.0.1:{server.server_address[1]}/api/v4",
        "CI_PROJECT_ID": "it/sms",
        "CI_JOB_TOKEN": "token",
    }
    try:
        s = _scenario(tmp_path)

        def review_due(today: str):
            done = cli(s.root, "review-due", "--today", today, "--issue", "gitlab", env=env)
            assert "Traceback" not in done.stderr, done.stderr
            return done.stdout

        assert "已打开议题 #1" in review_due("2027-02-01")  # SM-P-01 overdue
        assert "SM-P-01" in issues[1]["description"] and issues[1]["state"] == "opened"
        assert "已更新议题 #1" in review_due("2027-02-02")
        # reviewed since (here: a day when nothing is due yet)
        assert "已更新并关闭议题 #1" in review_due("2026-06-01")
        assert issues[1]["state"] == "closed" and "SM-P-01" not in issues[1]["description"]
        assert "没有打开的评审议题" in review_due("2026-06-02")
        assert len(issues) == 1  # nothing opened for nothing due
    finally:
        server.shutdown()


def test_without_the_github_cli_the_runner_is_told_what_to_install(tmp_path):
    import shutil

    s = _scenario(tmp_path)
    bin_dir = tmp_path / "bin"  # git and nothing else: no gh
    bin_dir.mkdir()
    (bin_dir / "git").symlink_to(shutil.which("git"))
    done = cli(
        s.root,
        "review-due",
        "--today",
        "2027-02-01",
        "--issue",
        "github",
        env={"PATH": str(bin_dir)},
    )
    assert done.returncode == 2
    assert "找不到 GitHub CLI（gh）" in done.stderr and "Errno" not in done.stderr, done.stderr
