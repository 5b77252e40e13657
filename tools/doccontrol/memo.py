"""Values remembered for objects, by the objects themselves.

``mkdocs serve`` keeps the plugin between rebuilds, and the repository loader hands back the
very object for a file it did not read again (``repository.load(previous=…)``): an object seen
before is a file unchanged since, so what was found in it can be used again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

V = TypeVar("V")


class ByObject(Generic[V]):
    """A value per object. The object is held beside its value, so its id is not reused by
    another while the value is remembered."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[object, object, V]] = {}

    def get(self, item: object, make: Callable[[], V], along: object = None) -> V:
        """The value remembered for ``item`` (made by ``make`` when there is none); ``along``:
        another object the value depends on, which must be the same one too."""
        seen = self._seen.get(id(item))
        if seen is not None and seen[0] is item and seen[1] is along:
            return seen[2]
        found = make()
        self._seen[id(item)] = (item, along, found)
        return found

    def keep_only(self, items: Iterable[object]) -> None:
        """Forget every object but ``items`` (the files of this load)."""
        present = {id(i) for i in items}
        self._seen = {key: seen for key, seen in self._seen.items() if key in present}

    def clear(self) -> None:
        self._seen = {}
