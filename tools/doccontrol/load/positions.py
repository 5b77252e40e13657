"""Where keys and values are in a YAML file, by JSON path: apart from the parser
(yaml_source, which imports ruamel.yaml), so the data model and the commands that only read
Git history or remembered data do not import a YAML parser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Positions:
    """1-based (line, col) of values and of mapping keys, by JSON path."""

    values: Mapping[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: Mapping[PathKey, tuple[int, int]] = field(default_factory=dict)
    origin: tuple[int, int] = (1, 1)

    def of_value(self, path: PathKey) -> tuple[int, int]:
        """Where the value at path is, or the nearest enclosing value that has a position."""
        probe = tuple(path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), self.origin)

    def of_key(self, path: PathKey) -> tuple[int, int]:
        return self.keys.get(tuple(path)) or self.of_value(path)


class LazyPositions:
    """Positions found only when first asked for: a valid file never needs them, and the
    round-trip parse that finds them costs several times the plain parse."""

    def __init__(self, path: str, text: str, first_line: int) -> None:
        self._args = (path, text, first_line)
        self._found: Positions | None = None

    def _positions(self) -> Positions:
        if self._found is None:
            from doccontrol.load.yaml_source import parse  # the YAML parser, when needed

            found = parse(*self._args).positions
            assert isinstance(found, Positions)  # the strict parser always gives real positions
            self._found = found
        return self._found

    def of_value(self, path: PathKey) -> tuple[int, int]:
        return self._positions().of_value(path)

    def of_key(self, path: PathKey) -> tuple[int, int]:
        return self._positions().of_key(path)


Locator = Positions | LazyPositions
