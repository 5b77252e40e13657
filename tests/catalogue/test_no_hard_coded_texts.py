"""No English prose is hard-coded where users read it: the CLI's help, usage errors, what
commands print or say (progress lines), the audit pack's and the forge capture's refusals and
the MkDocs plugin's errors and log lines name catalogue keys. An AST scan of the package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from doccontrol import catalogue

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "doccontrol"
KEY = re.compile(r"[a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+")
# the text arguments of these calls are read by users
RAISED = {"UsageError", "PluginError", "PackError", "CaptureError", "GitError", "BranchError"}
# every positional argument of these is shown: print(...), and say(...) (a progress line or a
# Speech, which takes a key); a pure format such as f"{pack}: {line}" has no words of its own
SHOWN = {"print", "say"}
LOGGED = {"debug", "info", "warning", "error", "exception", "critical"}
HELP_KEYWORDS = {"help", "description", "epilog", "metavar", "usage", "version"}


def _is_key(node: ast.expr) -> bool:
    """A catalogue key, or one made of a key's prefix and a value (f"label.state.{state}")."""
    keys = catalogue.load().entries
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(KEY.fullmatch(node.value)) and node.value in keys
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        shape = "".join(
            v.value if isinstance(v, ast.Constant) else "x" for v in node.values
        )  # the key with each field as a plain part
        return (
            isinstance(first, ast.Constant)
            and isinstance(first.value, str)
            and bool(KEY.fullmatch(shape))
            and any(key.startswith(first.value) for key in keys)
        )
    return False


def _literals(node: ast.expr) -> list[str]:
    """The literal text of a text argument: its own string parts, never the keys or values
    of what is formatted into it (a call such as talk("cli.x") is the catalogue's)."""
    if _is_key(node):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        out: list[str] = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                out.append(value.value)
            elif isinstance(value, ast.FormattedValue):
                out += _literals(value.value)
        return out
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _words(node: ast.expr) -> list[str]:
    """ASCII words of three letters or more in the literal parts of a text argument (a key
    of the catalogue is not prose; "doccontrol" is the program's name)."""
    text = re.sub(r"\bdoccontrol\b|%[sdr]", " ", " ".join(_literals(node)))
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
        if name in SHOWN and isinstance(node.func, ast.Name):
            texts += node.args
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
        'raise PluginError("doccontrol: " + "refusing to write")\n'
        'print(f"wrote {out}: {n} files")\n'
        'print(f"{pack}: {line}", file=sys.stderr)\n'  # a pure format: nothing to translate
        'print(f"doccontrol {__version__}")\n'  # the program's name and version
        'print(talk("pack.wrote", path=out))\n'
        'say(f"history, {n} commits")\n'
        'say("cli.log.unapproved")\n'  # a Speech given a key
        'raise PackError(f"could not sign the pack with {key}")\n'
        'raise PackError("pack.error.sign", key=key)\n'
        'raise CaptureError("the pull request has no number")\n',
        encoding="utf-8",
    )
    found = sorted(hard_coded(sample, tmp_path))
    assert sorted(line.split(": ")[1] for line in found) == sorted(
        [
            "add_parser",  # help="do the thing"
            "add_argument",  # metavar="DATE"
            "UsageError",  # the f-string; the key with its arguments is fine
            "PluginError",
            "print",  # "wrote … files"
            "say",  # "history, … commits"
            "PackError",
            "CaptureError",
        ]
    ), found


def test_lists_are_joined_by_the_catalogue() -> None:
    """A list a reader sees is joined the language's way (Catalogue.join: 、 or ", "), never
    with a hard-coded Chinese separator."""
    found = []
    for source in sorted(TOOLS.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "join"
                and isinstance(func.value, ast.Constant)
                and func.value.value == "、"
            ):
                found.append(f"{source.relative_to(TOOLS)}:{node.lineno}")
    assert not found, found
