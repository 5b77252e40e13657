"""Errors raised with a catalogue key and its arguments.

The core never words a message: it raises the key (``git.…``, ``cli.…``) and what goes into
the text, and the shell that reports it says it in the reader's language. Words that are not
ours (git's, the forge's, the system's) go in as arguments. Imported by the command line's
start-up, so it imports nothing.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)

if TYPE_CHECKING:
    from typing import Any

    from doccontrol.catalogue import Catalogue


class KeyedError(Exception):
    """An error that knows its catalogue key (``key``) and arguments (``values``)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, args

    def text(self, cat: Catalogue) -> str:
        return cat.text(self.key, **self.values)  # a text that is no key shows as it is
