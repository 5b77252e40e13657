"""Every problem speaks both languages, and a Chinese run says no English problem text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from builders import PROJECT_CONFIG, RepoBuilder, procedure
from doccontrol import catalogue
from doccontrol.catalogue import LANGUAGES
from doccontrol.problems import CODES, Problem, Ref, names_for

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "doccontrol"
TEMPLATES = TOOLS / "site" / "templates"
# a key's first part is one of the catalogue's areas (problem, cli, label, site, pdf, …)
AREAS = "|".join(sorted({key.split(".")[0] for key in catalogue.load().entries}))
LITERAL_KEY = re.compile(rf'(?<![{{\w])"((?:{AREAS})\.[A-Za-z0-9_.-]+)"')
VARIANT_KEY = re.compile(rf'f"((?:{AREAS})\.[A-Za-z0-9_.-]*)\{{')
# cat.label("label.state", value) and cat.headers("label.trail", columns) name a prefix
PREFIX_ARG = re.compile(rf'\.(?:label|headers)\(\s*"((?:{AREAS})\.[A-Za-z0-9_.-]+)"')
TEMPLATE_KEY = re.compile(r"""\b(?:t|th|t\.count)\(\s*["']([A-Za-z0-9_.-]+)["']""")


def _entries() -> dict[str, dict[str, str]]:
    return {k: dict(v) for k, v in catalogue.load().entries.items()}


def test_every_code_has_zh_and_en_texts() -> None:
    entries = _entries()
    for code in CODES:
        keys = [k for k in entries if k == f"problem.{code}" or k.startswith(f"problem.{code}.")]
        assert keys, f"{code} has no text in problems.toml"
        for key in keys:
            for language in LANGUAGES:
                assert entries[key].get(language), (key, language)


def test_every_key_the_code_names_exists() -> None:
    entries = _entries()
    literal: set[str] = set()
    prefixes: set[str] = set()
    for source in TOOLS.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        named = set(PREFIX_ARG.findall(text))
        prefixes |= {f"{prefix}." for prefix in named}
        literal |= set(LITERAL_KEY.findall(PREFIX_ARG.sub("", text)))
        prefixes |= set(VARIANT_KEY.findall(text))
    for template in TEMPLATES.rglob("*.html"):
        literal |= set(TEMPLATE_KEY.findall(template.read_text(encoding="utf-8")))
    assert len(literal) > 300  # the scan finds the keys (a broken pattern finds none)
    missing = sorted(k for k in literal if k not in entries)
    assert not missing, missing
    for prefix in prefixes:  # f"problem.DC106.{kind}": some variant of it exists
        assert any(k.startswith(prefix) for k in entries), prefix


def test_ids_are_shown_by_their_names() -> None:
    role_id = next(iter(PROJECT_CONFIG.roles))
    role = PROJECT_CONFIG.roles[role_id]
    problem = Problem.at(
        "docs/x.md",
        1,
        1,
        "problem.DC502",
        people=("王芳",),
        id="SM-P-01",
        sha="0123456789",
        roles=(Ref("role", role_id),),
    )
    names = names_for(PROJECT_CONFIG)
    zh = problem.text(catalogue.load("zh"), names)
    en = problem.text(catalogue.load("en"), names)
    assert role.name in zh and role_id not in zh
    assert (role.name_en or role.name) in en and role_id not in en
    # JSON keeps the stable code and key beside the text in the chosen language
    data = problem.to_json(catalogue.load("en"), names)
    assert data["code"] == "DC502" and data["key"] == "problem.DC502" and data["message"] == en


def _many_problems(root: Path, language: str | None) -> RepoBuilder:
    """A repository with problems of many kinds: files, YAML, schema, documents, records."""
    repo = RepoBuilder(root)
    if language:
        config = repo.root / "doccontrol.yml"
        config.write_text(
            config.read_text(encoding="utf-8") + f"\nlanguage: {language}\n", encoding="utf-8"
        )
    repo.doc()
    repo.doc(
        "docs/procedures/bad.md",
        doc_id="SM-X-9",
        version="1.0",
        extra="owner: nowhere\nrelated: [SM-P-99]\nclauses: ['99.9']\nrecords: [nothing]\n"
        "reviewer: [no-such-role]\ndistribution: [nobody]\nefective_date: 2026-01-01\n",
        body="## 目的\n\n[链接](doc:SM-P-77) {{ org.nothing }} <script>x()</script>\n",
    )
    repo.write("docs/procedures/empty.md", "")
    repo.write("docs/procedures/nofront.md", "# 没有前置元数据\n")
    repo.write("docs/procedures/open.md", "---\nid: SM-P-05\n")
    repo.write("docs/procedures/tab.md", "---\nid: SM-P-06\n\ttitle: x\n---\n")
    repo.write("docs/procedures/bom.md", b"\xef\xbb\xbf" + procedure("SM-P-07").encode())
    repo.write("docs/procedures/crlf.md", procedure("SM-P-08").replace("\n", "\r\n"))
    repo.write("docs/procedures/latin1.md", b"---\nid: caf\xe9\n---\n")
    repo.write("docs/procedures/dup.md", "---\nid: SM-P-09\nid: SM-P-10\n---\n")
    repo.write("docs/procedures/alias.md", "---\nid: &a SM-P-11\ntitle: *a\n---\n")
    repo.write("docs/procedures/tag.md", "---\nid: !!python/name:os.system SM-P-12\n---\n")
    repo.write("docs/notes.txt", "not a document")
    repo.record("INC-2026-0001", extra="severity: 5\nowner: 12\n")
    repo.record("INC-2026-0002", extra="reported: 2026-02-30\n")
    repo.write("records/incident/INC-2026-0003.yaml", "id: INC-2026-0099\n")
    repo.write("records/unknown/U-1.yaml", "id: U-1\n")
    repo.write("schemas/records/broken.schema.json", "{ not json")
    return repo


def _check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


# technical words a Chinese text may carry: formats, tools, keys written as they are typed
TECHNICAL = re.compile(
    r"YAML|JSON|Schema|UTF|BOM|CRLF|Windows|Markdown|MiB|doccontrol|ISO/IEC|x-doccontrol|"
    r"name|true|false|stash|git|DOCCONTROL_DEBUG|[a-z]+(?:_[a-z]+)+|records/<[^>]*>/<[^>]*>\.yaml"
)


def _english_words(message: str, args: dict[str, str]) -> list[str]:
    """ASCII words of three letters or more left once the values (paths, ids, codes, the
    parser's own detail) and the technical terms are taken out."""
    for value in sorted(args.values(), key=len, reverse=True):
        if value:
            message = message.replace(value, " ")
    message = TECHNICAL.sub(" ", message)
    return re.findall(r"[A-Za-z]{3,}", message)


def test_a_chinese_run_prints_no_english_problem_text(tmp_path: Path) -> None:
    repo = _many_problems(tmp_path / "repo", None)
    result = _check(repo.root, "--format", "json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    codes = {p["code"] for p in problems}
    assert len(codes) >= 15, sorted(codes)  # a fair sample of kinds
    for problem in problems:
        words = _english_words(problem["message"], problem["args"])
        assert not words, (problem["code"], problem["message"], words)
    # the text output says the same texts, with a Chinese summary
    text = _check(repo.root).stdout
    for problem in problems:
        assert problem["message"] in text
    assert text.rstrip().splitlines()[-1].startswith("已检查")


def test_language_en_in_the_config_speaks_english(tmp_path: Path) -> None:
    repo = _many_problems(tmp_path / "repo", "en")
    result = _check(repo.root, "--format", "json")
    problems = json.loads(result.stdout)
    en = catalogue.load("en")
    for problem in problems:
        assert not re.search(r"[\u4e00-\u9fff]", _strip(problem)), problem
        assert problem["key"] in en.entries
    text = _check(repo.root).stdout
    assert re.search(r"\d+ problems? in \d+ of \d+ files? checked", text), text


def _strip(problem: dict[str, object]) -> str:
    """The message without its values (a file name or title may be Chinese) and the words
    the English texts keep on purpose (发布实施日期 beside effective_date, 归口部门…)."""
    message = str(problem["message"])
    args = problem["args"]
    assert isinstance(args, dict)
    for value in sorted(args.values(), key=len, reverse=True):
        if value:
            message = message.replace(str(value), " ")
    return re.sub(r"发布实施日期|归口部门|分发范围", " ", message)


def test_the_locale_decides_where_the_config_does_not(tmp_path: Path) -> None:
    repo = _many_problems(tmp_path / "repo", None)
    english = subprocess.run(
        [sys.executable, "-m", "doccontrol", "check"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "LC_ALL": "en_US.UTF-8"},
    )
    assert re.search(r"problems? in \d+ of \d+ files? checked", english.stdout)
