"""No English prose is hard-coded where users read it: the CLI's help, usage errors and the
MkDocs plugin's errors and log lines name catalogue keys. An AST scan of the package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from doccontrol import catalogue

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "doccontrol"
KEY = re.compile(r"[a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+")
# the text arguments of these calls are read by users
RAISED = {"UsageError", "PluginError"}
LOGGED = {"debug", "info", "warning", "error", "exception", "critical"}
HELP_KEYWORDS = {"help", "description", "epilog", "metavar", "usage", "version"}


def _words(node: ast.expr) -> list[str]:
    """ASCII words of three letters or more in the literal parts of a text argument (a key
    of the catalogue is not prose; "doccontrol" is the program's name)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if KEY.fullmatch(node.value) and catalogue.load().has(node.value):
            return []
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr | ast.BinOp):
        parts = [
            n.value
            for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        ]
    else:
        return []
    text = re.sub(r"\bdoccontrol\b|%[sdr]", " ", " ".join(parts))
    return re.findall(r"[A-Za-z]{3,}", text)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def hard_coded(path: Path, base: Path = TOOLS) -> list[str]:
    found = []
    logged = path.name == "mkdocs_plugin.py" or path.parent.name == "site"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        texts: list[ast.expr] = []
        if node.args and (name in RAISED or (logged and name in LOGGED)):
            texts.append(node.args[0])
        if path.parent.name == "cli":
            texts += [k.value for k in node.keywords if k.arg in HELP_KEYWORDS]
        for text in texts:
            words = _words(text)
            if words:
                where = f"{path.relative_to(base)}:{text.lineno}"
                found.append(f"{where}: {name}: {ast.unparse(text)[:80]}")
    return found


def test_no_english_prose_outside_the_catalogue() -> None:
    sources = sorted(TOOLS.rglob("*.py"))
    found = [line for source in sources for line in hard_coded(source)]
    assert not found, "\n".join(found)


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The scan is not blind: each kind of hard-coded text in a sample is found."""
    cli = tmp_path / "cli"
    cli.mkdir()
    sample = cli / "sample.py"
    sample.write_text(
        "def add_parser(commands, t):\n"
        '    p = commands.add_parser("x", help="do the thing")\n'
        '    p.add_argument("--y", metavar="DATE", help=t("cli.help.log"))\n'
        '    raise UsageError(f"no document {x} here")\n'
        'raise UsageError("cli.error.exists", path="p")\n'
        'raise PluginError("doccontrol: " + "refusing to write")\n',
        encoding="utf-8",
    )
    found = sorted(hard_coded(sample, tmp_path))
    assert [line.split(": ")[1] for line in found] == [
        "add_parser",  # help="do the thing"
        "add_argument",  # metavar="DATE"
        "UsageError",  # the f-string; the key with its arguments is fine
        "PluginError",
    ], found
