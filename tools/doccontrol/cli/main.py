"""Entry point: ``doccontrol COMMAND ...``. Exit 0 clean, 1 problems found, 2 usage or
environment, 130 interrupted (Ctrl-C).

``--version`` is answered before anything else is imported. Otherwise argparse, the catalogue
(read from its compiled cache) and the parser of the command named are loaded, the other
commands listed by name and summary only, and the command imports the core it runs (git readers,
jsonschema, ruamel, openpyxl…) when it runs: ``--help`` answers at once too."""

from __future__ import annotations

import sys

from doccontrol import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence
    from pathlib import Path

    from doccontrol.catalogue import Catalogue
    from doccontrol.cli.output import Speech
    from doccontrol.cli.parser import Parser

CONFIG_FILE = "doccontrol.yml"  # doccontrol.config.CONFIG_FILE, without importing the config model

# The commands, in the order the help lists them, by the module (doccontrol.cli.<module>) whose
# add_parser defines them: only the module of the command being run is imported; the others
# are listed by name and summary (cli.help.<command>), which is all the top-level help shows.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("check", ("check",)),
    ("history", ("log", "trail")),
    ("registers", ("register", "review-due", "coverage")),
    ("impact", ("impact", "suspect")),
    ("authoring", ("new", "new-record", "bump")),
    ("workflow", ("show", "diff", "check-versions", "baseline")),
    ("approve", ("approve",)),
    ("audit", ("audit-pack",)),
    ("forge", ("forge",)),
    ("acks", ("ack", "ack-due")),
    ("copies", ("pdf", "recall-due")),
)


def build_parser(cat: Catalogue, only: Collection[str] | None = None) -> Parser:
    """The command line, every text in ``cat``'s language: the commands in ``only`` in full
    (every command when None), the others by name and summary only."""
    import importlib

    from doccontrol.cli.parser import Parser

    t = cat.text
    parser = Parser(prog="doccontrol", description=t("cli.help.description"), cat=cat)
    parser.add_argument(
        "--version",
        action="version",
        version=f"doccontrol {__version__}",
        help=t("cli.help.version"),
    )
    parser.add_argument("--repo", metavar=t("cli.metavar.DIR"), help=t("cli.help.repo"))
    commands = parser.add_subparsers(
        dest="command", metavar=t("cli.metavar.COMMAND"), required=True
    )
    for module, names in COMMANDS:
        if only is None or any(name in only for name in names):
            importlib.import_module(f"doccontrol.cli.{module}").add_parser(commands, cat)
        else:
            for name in names:
                commands.add_parser(name, help=t(f"cli.help.{name}"), summary_only=True)
    return parser


def command_of(arguments: list[str]) -> str | None:
    """The command ``arguments`` name (the first word after the global options), if any."""
    known = {name for _, names in COMMANDS for name in names}
    skip = False
    for arg in arguments:
        if skip:
            skip = False
        elif len(arg) > 2 and "--repo".startswith(arg):  # argparse takes --rep for --repo
            skip = True
        elif arg == "--" or not arg.startswith("-"):
            return arg if arg in known else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        # answered before argparse and the catalogue are loaded: scripts ask it, and it is
        # the same in every language
        print(f"doccontrol {__version__}")
        return 0
    for stream in (sys.stdout, sys.stderr):
        # a file name that is not UTF-8 reaches the output as lone surrogates: written as
        # escapes, not a traceback half-way through the output (a UTF-8 locale is strict)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        return _main(arguments)
    except KeyboardInterrupt:
        # 128 + SIGINT, as shells report an interrupted command
        print("\n" + _speech(None)("cli.interrupted"), file=sys.stderr)
        return 130


def _speech(root: Path | None) -> Speech:
    """The language of messages said outside a command: the repository's, else the locale."""
    from doccontrol.cli.output import speech

    return speech(None, root=root)


def _language_of(arguments: list[str]) -> Catalogue:
    """The catalogue for the help and argparse's messages, chosen before the arguments are
    parsed: the ``language`` of the repository ``--repo`` names or the nearest one above the
    current folder (read by one search, see output.configured_language), else the locale."""
    import os

    from doccontrol import catalogue
    from doccontrol.cli.output import configured_language

    start = "."
    for i, arg in enumerate(arguments):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) > 2 and "--repo".startswith(name):  # --repo DIR, --repo=DIR, --rep DIR
            if equals:
                start = value
            elif i + 1 < len(arguments):
                start = arguments[i + 1]
    here = os.path.abspath(start)
    while not os.path.isfile(os.path.join(here, CONFIG_FILE)):
        parent = os.path.dirname(here)
        if parent == here:
            return catalogue.load(catalogue.language_for(None))
        here = parent
    return catalogue.load(catalogue.language_for(configured_language(here)))


def _main(arguments: list[str]) -> int:

    cat = _language_of(arguments)
    command = command_of(arguments)
    args = build_parser(cat, () if command is None else (command,)).parse_args(arguments)
    if not hasattr(args, "run"):  # a command the quick look missed: define it in full
        args = build_parser(cat, (args.command,)).parse_args(arguments)

    import os
    from pathlib import Path

    from doccontrol.cli.output import UsageError
    from doccontrol.load.repository import RepositoryError, find_root

    root: Path | None = None
    try:
        if getattr(args, "without_repository", lambda a: False)(args):
            root = Path.cwd()  # e.g. an auditor verifying a pack needs no compliance repository
        else:
            root = find_root(Path(args.repo) if args.repo else Path.cwd())
        code: int = args.run(args, root)
        return code
    except UsageError as exc:
        say = _speech(root)
        print(say("cli.error", text=exc.text(say.cat)), file=sys.stderr)
        return 2
    except RepositoryError as exc:
        say = _speech(root)
        print(say("cli.error", text=exc.text(say.cat)), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a message, never a traceback
        say = _speech(root)
        git_text = _git_error_text(exc, say.cat)
        if git_text is not None:
            print(say("cli.error", text=git_text), file=sys.stderr)
            return 2
        if os.environ.get("DOCCONTROL_DEBUG"):
            raise
        print(say("cli.internal-error", kind=type(exc).__name__, text=str(exc)), file=sys.stderr)
        return 2


def _git_error_text(exc: Exception, cat: Catalogue) -> str | None:
    """A GitError's text (git missing, not a repository…), without importing the Git reader
    for commands that never read Git: one can only have been raised if its module was loaded."""
    gitread = sys.modules.get("doccontrol.history.gitread")
    if gitread is not None and isinstance(exc, gitread.GitError):
        return str(exc.text(cat))
    return None
