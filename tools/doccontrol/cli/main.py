"""Entry point: ``doccontrol COMMAND ...``. Exit 0 clean, 1 problems found, 2 usage or
environment, 130 interrupted (Ctrl-C).

``--version`` is answered before anything else is imported. Otherwise argparse, the catalogue
(read from its compiled cache) and the parser of the command named are loaded, the other
commands listed by name and summary only, and the command imports the core it runs (git readers,
jsonschema, ruamel, openpyxl…) when it runs: ``--help`` answers at once too."""

from __future__ import annotations

import io
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


class StdoutError(OSError):
    """Standard output could not be written (a full disk, /dev/full): said as such, exit 2,
    not an internal error. A closed pipe stays a BrokenPipeError (the reader has gone)."""


class _Stdout(io.TextIOWrapper):
    """sys.stdout that names its own failures: an OSError writing standard output cannot be
    told from any other by its kind or its text (and a failed flush drops what it held, so it
    cannot be tried again afterwards), so it is raised as StdoutError, and kept (``failure``)
    for when a caller swallowed it (argparse's help ignores OSError)."""

    failure: StdoutError | None = None

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from exc

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from exc
        if self.failure is not None:
            raise self.failure

    def _failed(self, exc: OSError) -> StdoutError:
        self.failure = StdoutError(exc.errno, exc.strerror)
        return self.failure


class _Closed(io.TextIOBase):
    """sys.stdout when there is none (file descriptor 1 closed at start, `doccontrol … >&-`,
    where Python sets it to None): every write fails as a write to a bad descriptor would, so
    the command ends like any failed write (said in one line, exit 2), never an internal
    error; a command that writes nothing is not failed. ``failure`` as in _Stdout."""

    failure: StdoutError | None = None

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        import errno
        import os

        self.failure = StdoutError(errno.EBADF, os.strerror(errno.EBADF))
        raise self.failure

    def flush(self) -> None:
        if self.failure is not None:
            raise self.failure


def _hold_descriptor_one() -> None:
    """File descriptor 1 kept taken while it is closed (/dev/null on it): otherwise the next
    file opened would get it, and a child process would write into that file as its output."""
    import os

    try:
        os.fstat(1)
        return  # open: not ours to replace
    except OSError:
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != 1:
            os.dup2(devnull, 1)
            os.close(devnull)
    except OSError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None:
        _hold_descriptor_one()
        sys.stdout = _Closed()
        try:
            return _run(list(sys.argv[1:] if argv is None else argv))
        finally:
            sys.stdout = None
    original = sys.stdout
    # the process's own standard output only (a test's capture is left as it is); a file name
    # that is not UTF-8 reaches the output as lone surrogates: written as escapes, not a
    # traceback half-way through the output (a UTF-8 locale is strict)
    tagged = (
        _Stdout(
            original.buffer,
            encoding=original.encoding,
            errors="backslashreplace",
            line_buffering=original.line_buffering,
            write_through=original.write_through,
        )
        if original is sys.__stdout__ and type(original) is io.TextIOWrapper
        else None
    )
    if tagged is not None:
        sys.stdout = tagged
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    finally:
        if tagged is not None:
            sys.stdout = original
            tagged.failure = None  # said already
            try:
                tagged.detach()  # flushed, and the buffer left open for the original
            except (OSError, ValueError):
                _silence_stdout()
                tagged.detach()


def _run(arguments: list[str]) -> int:
    try:
        if arguments == ["--version"]:
            # answered before argparse and the catalogue are loaded: scripts ask it, and it is
            # the same in every language
            print(f"doccontrol {__version__}")
            code = 0
        else:
            for stream in (sys.stdout, sys.stderr):
                reconfigure = getattr(stream, "reconfigure", None)
                if reconfigure is not None:
                    reconfigure(errors="backslashreplace")
            code = _main(arguments)
        # what is still buffered is written now, while a failure can be said (at exit Python
        # would only print "Exception ignored" and exit 120)
        sys.stdout.flush()
        return code
    except SystemExit:  # argparse's help and errors
        try:
            sys.stdout.flush()
        except StdoutError as exc:
            return _stdout_failed(exc, _speech(None))
        except BrokenPipeError:
            _silence_stdout()
        raise
    except KeyboardInterrupt:
        # 128 + SIGINT, as shells report an interrupted command
        _say(_speech(None), "cli.interrupted", before="\n")
        return 130
    except BrokenPipeError:
        # the reader has gone (`| head -1`): what it did not read is not wanted
        _silence_stdout()
        return 0
    except StdoutError as exc:  # the --version answer; _main says its own
        return _stdout_failed(exc, _speech(None))


def _say(say: Speech, key: str, before: str = "", **args: object) -> None:
    """A message on stderr, the one place the CLI says its errors: whatever it quotes (an id
    typed, a path, a message from git) is shown escaped, never obeyed by the terminal."""
    from doccontrol.cli.output import printable

    print(before + printable(say(key, **args)), file=sys.stderr)


def _stdout_failed(exc: OSError, say: Speech) -> int:
    """Standard output could not be written: said like ``-o FILE``'s failure, exit 2."""
    _silence_stdout()
    if isinstance(sys.stdout, (_Stdout, _Closed)):
        sys.stdout.failure = None  # said once
    detail = exc.strerror or str(exc)
    _say(say, "cli.error", text=say("cli.error.stdout-failed", detail=detail))
    return 2


def _silence_stdout() -> None:
    """Standard output pointed at /dev/null, so the interpreter's last flush of what could not
    be written fails no more (Python's advice for a closed pipe)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # no file descriptor (a test's capture): nothing will flush it at exit


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
        elif args.repo is not None:
            if not os.path.exists(args.repo):
                # searched upward from where it would be, a typo would find the current one
                raise UsageError("cli.error.no-such-folder", option="--repo", path=args.repo)
            if not os.path.isdir(args.repo):
                raise UsageError("cli.error.not-a-folder", option="--repo", path=args.repo)
            root = find_root(Path(args.repo))
        else:
            root = find_root(Path.cwd())
        code: int = args.run(args, root)
        sys.stdout.flush()  # a failure to write what is buffered is said here, with root
        return code
    except (UsageError, RepositoryError) as exc:
        say = _speech(root)
        _say(say, "cli.error", text=exc.text(say.cat))
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except StdoutError as exc:  # a full disk or a device under a redirected output
        return _stdout_failed(exc, _speech(root))
    except Exception as exc:  # the last line of defence: a message, never a traceback
        say = _speech(root)
        git_text = _git_error_text(exc, say.cat)
        if git_text is not None:
            _say(say, "cli.error", text=git_text)
            return 2
        if os.environ.get("DOCCONTROL_DEBUG"):
            raise
        _say(say, "cli.internal-error", kind=type(exc).__name__, text=str(exc))
        return 2


def _git_error_text(exc: Exception, cat: Catalogue) -> str | None:
    """A GitError's text (git missing, not a repository…), without importing the Git reader
    for commands that never read Git: one can only have been raised if its module was loaded."""
    gitread = sys.modules.get("doccontrol.history.gitread")
    if gitread is not None and isinstance(exc, gitread.GitError):
        return str(exc.text(cat))
    return None
