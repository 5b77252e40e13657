"""What a document's state is called comes from the catalogue in the run's language: the
register's JSON (``state_label``) and the commands that name a state say it in Chinese by
default and in English under an English locale, never from a hard-coded table."""

from __future__ import annotations

import json

from doccontrol import catalogue, standing
from history_helpers import cli, make_scenario


def test_the_register_names_states_in_the_language_of_the_run(tmp_path):
    s = make_scenario(tmp_path)
    rows = {}
    for language, env in (("zh", {"LC_ALL": "C.UTF-8"}), ("en", {"LC_ALL": "en_US.UTF-8"})):
        result = cli(s.root, "register", "--format", "json", "--as-of", "2026-06-01", env=env)
        assert result.returncode == 0, result.stderr
        (row,) = json.loads(result.stdout)
        rows[language] = row
    assert rows["zh"]["state"] == rows["en"]["state"] == "effective"
    assert rows["zh"]["state_label"] == catalogue.load("zh").text("label.state.effective")
    assert rows["en"]["state_label"] == "Effective"
    # no hard-coded table of labels is left beside the catalogue
    assert not hasattr(standing, "STATE_LABELS")


def test_every_state_has_a_name_in_both_languages():
    states = standing.State.__args__  # type: ignore[attr-defined]
    for language in catalogue.LANGUAGES:
        cat = catalogue.load(language)
        assert all(cat.has(f"label.state.{state}") for state in states), language
