"""The command line's help and argparse's own words in the user's language: Chinese by default
(the tests pin LC_ALL=C.UTF-8, which names no language), English under an English locale or
with ``language: en`` in doccontrol.yml."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from builders import RepoBuilder
from doccontrol import catalogue
from doccontrol.cli.main import COMMANDS, build_parser
from doccontrol.cli.parser import Parser, width
from history_helpers import cli

# words a Chinese help may keep as they are typed: formats, tools, option values and ids
TECHNICAL = re.compile(
    r"--?[\w-]+|\{[^}]*\}|\S*[./_$<>@]\S*|\b[A-Z][A-Z0-9_-]+\b|"
    r"\b(?:doccontrol|YAML|JSON|Git|GitHub|GitLab|SSH|API|CLI|PDF|ISO|IEC|zip|xlsx|pre-commit|"
    r"ssh-keygen|ssh-agent|ssh|allowed-signers|origin|gh|table|json|csv|text|github|gitlab|"
    r"overdue|due|outstanding|suspect|manual|procedure|policy|plan|work-instruction|form|external|"
    r"incident|legacy_history|approver|version|approval_date|schema|commit|git|config|merge|sign|"
    r"document_types)\b"
)


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return cli(cwd, *args, env=env)


COMMAND_NAMES = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for _, names in COMMANDS for n in (*names, "capture-github"))
    + r")(?![\w-])"
)


def english(text: str) -> list[str]:
    """ASCII words of three letters or more, once commands and technical words are out."""
    return re.findall(r"[A-Za-z]{3,}", TECHNICAL.sub(" ", COMMAND_NAMES.sub(" ", text)))


def every_help(cat: catalogue.Catalogue) -> dict[str, str]:
    """The help of the program and of every command (and the forge's own subcommand)."""
    parser = build_parser(cat)
    shown = {"doccontrol": parser.format_help()}

    def walk(p: Parser, name: str) -> None:
        for action in p._actions:
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                for sub, subparser in choices.items():
                    shown[f"{name} {sub}"] = subparser.format_help()
                    walk(subparser, f"{name} {sub}")

    walk(parser, "doccontrol")
    return shown


def test_every_help_is_chinese_under_zh() -> None:
    shown = every_help(catalogue.load("zh"))
    assert len(shown) == 1 + sum(len(names) for _, names in COMMANDS) + 1  # + forge capture-github
    for name, text in shown.items():
        assert text.startswith("用法："), name
        assert "选项：" in text and "显示此帮助信息并退出" in text, name  # the language's colon
        assert not english(text), (name, english(text))
    assert "以 Git 管理的" in shown["doccontrol"]
    assert "--since 日期" in shown["doccontrol trail"]
    # a command's own help begins with the summary the command list shows
    assert catalogue.load("zh").text("cli.help.log") in shown["doccontrol log"]


def test_every_help_is_english_under_en() -> None:
    shown = every_help(catalogue.load("en"))
    for name, text in shown.items():
        assert text.startswith("usage: "), name
        assert "options:" in text and "show this help message and exit" in text, name
        # the English help keeps Chinese only for the terms users search by (变更履历…)
        assert "用法" not in text and "选项" not in text, name
    assert "--since DATE" in shown["doccontrol trail"]


def test_the_help_column_lines_up_with_chinese_placeholders() -> None:
    text = every_help(catalogue.load("zh"))["doccontrol trail"]
    starts = set()
    for line in text.splitlines():
        match = re.match(r"(  -\S.*?\S)( {2,})(\S.*)$", line)
        if match:
            starts.add(width(match[1] + match[2]))
    assert len(starts) == 1, text


def test_help_lines_fit_the_terminal_by_display_width(tmp_path: Path) -> None:
    result = run("audit-pack", "--help", cwd=tmp_path, env={"COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    long_lines = [line for line in result.stdout.splitlines() if width(line) > 60]
    # argparse lays out the usage line by characters; every help line fits
    assert all(line.lstrip().startswith("[") or "用法" in line for line in long_lines), long_lines


@pytest.mark.parametrize(
    ("env", "usage", "summary"),
    [
        ({}, "用法：doccontrol", "一份文件的变更履历"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "usage: doccontrol", "a document's change history"),
    ],
)
def test_the_locale_chooses_the_language_of_the_help(
    tmp_path: Path, env: dict[str, str], usage: str, summary: str
) -> None:
    result = run("--help", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(usage) and summary in result.stdout


def test_the_repository_language_wins_over_the_locale(tmp_path: Path) -> None:
    repo = RepoBuilder(tmp_path / "repo")
    config = repo.root / "doccontrol.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nlanguage: en\n", encoding="utf-8")
    (repo.root / "docs").mkdir(exist_ok=True)
    assert run("--help", cwd=repo.root / "docs").stdout.startswith("usage: doccontrol")
    assert run("--repo", str(repo.root), "--help", cwd=tmp_path).stdout.startswith("usage: ")
    assert run("--help", cwd=tmp_path).stdout.startswith("用法：")


def test_argparse_errors_are_said_in_chinese(tmp_path: Path) -> None:
    bad = run("log", "--format", "xml", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.startswith("用法：doccontrol log")
    assert (
        "doccontrol log：错误：参数 --format：无效的选择：'xml'（可选：'table', 'json', 'csv'）"
        in bad.stderr
    )
    missing = run("show", "SM-P-01", cwd=tmp_path)
    assert missing.returncode == 2
    assert "缺少必需的参数：--as-of" in missing.stderr
    assert "错误：参数 命令：无效的选择" in run("no-such-command", cwd=tmp_path).stderr
    assert "无法识别的参数：--nope" in run("coverage", "--nope", cwd=tmp_path).stderr
    assert "需要一个值" in run("trail", "--since", cwd=tmp_path).stderr
    assert "无效的 int 值：'x'" in run("review-due", "--within", "x", cwd=tmp_path).stderr


def test_argparse_errors_stay_english_under_en(tmp_path: Path) -> None:
    bad = run("log", "--format", "xml", cwd=tmp_path, env={"LC_ALL": "en_US.UTF-8"})
    assert (
        "error: argument --format: invalid choice: 'xml' (choose from 'table', 'json', 'csv')"
        in (bad.stderr)
    )
    assert bad.stderr.startswith("usage: doccontrol log")


def test_the_command_table_names_what_each_module_defines() -> None:
    """main.COMMANDS lists each module's commands (the help shows them without importing the
    module): building every module in full gives the same names, in the same order."""
    cat = catalogue.load("zh")
    full = build_parser(cat)
    listed = build_parser(cat, ())
    names = [name for _, group in COMMANDS for name in group]
    for parser in (full, listed):
        action = next(a for a in parser._actions if isinstance(getattr(a, "choices", None), dict))
        assert list(action.choices) == names
    assert full.format_usage() == listed.format_usage()
    # the summaries shown without the module are the ones the module gives
    assert _summaries(full) == _summaries(listed)


def _summaries(parser: Parser) -> list[tuple[str, str | None]]:
    action = next(a for a in parser._actions if isinstance(getattr(a, "choices", None), dict))
    return [(a.dest, a.help) for a in action._get_subactions()]


def test_a_command_after_an_abbreviated_option_is_parsed_in_full(tmp_path: Path) -> None:
    # the quick look for the command stops at "--rep DIR"; argparse still finds the command,
    # which is then defined in full (its own options and help)
    shown = run("--rep", str(tmp_path), "log", "--help", cwd=tmp_path)
    assert shown.returncode == 0 and "--allow-shallow" in shown.stdout
    bad = run("--rep", str(tmp_path), "check", "--nope", cwd=tmp_path)
    assert bad.returncode == 2 and "无法识别的参数：--nope" in bad.stderr
    assert "内部错误" not in bad.stderr


def test_chinese_punctuation_stays_with_its_words_when_a_line_breaks() -> None:
    from doccontrol.cli.parser import Formatter

    lines = Formatter("doccontrol")._split_lines(
        "将评审附在其合并提交上（refs/notes/doccontrol）。", 24
    )
    assert lines == ["将评审附在其合并提交上", "（refs/notes/doccontrol）。"]
    assert all(width(line) <= 24 for line in lines[:1])
