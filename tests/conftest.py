"""Shared fixtures: small but real compliance repositories built in temporary folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

# Every doccontrol process the tests start speaks Chinese whatever the machine's locale: C.UTF-8
# names no language, so the CLI falls back to Chinese (catalogue.language_for).
os.environ["LC_ALL"] = "C.UTF-8"

from builders import RepoBuilder


@pytest.fixture
def repo(tmp_path: Path) -> RepoBuilder:
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    return builder


@pytest.fixture
def check_codes() -> Callable[..., list[tuple[str, int, str]]]:
    """Run the real checker and return (path, line, code) triples."""
    from doccontrol.load import repository
    from doccontrol.validate.check import check

    def run(root: Path, only: set[str] | None = None) -> list[tuple[str, int, str]]:
        repo = repository.load(root, only=only)
        return [(p.path, p.line, p.code) for p in check(repo, only)]

    return run


@pytest.fixture
def scenario(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A repository under Git whose initial import (2026-01-01) is the pre-control baseline."""
    from history_helpers import make_scenario

    return make_scenario(tmp_path)
