"""Round 45 on unsettled_record_types + hidden_schema_paths together (round 44, holes 5 and
6's fixes): a type whose schema has a change nobody approved is left out, and so is its
schema path, from every event of the trail."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from rt41_helpers import site_with_secret
from rt42_helpers import run

from builders import TEST_RECORD_SCHEMA

SCHEMA = "schemas/records/incident.schema.json"


def direct_schema_commit(scenario):
    """The public incident type (SM-P-01's); 赵磊 pushes one commit straight to main that
    changes its schema: DC516, an unapproved change to a controlled file."""
    s = site_with_secret(scenario)
    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["x-doccontrol"]["name"] = "事件记录（改）"
    s.files.write(SCHEMA, json.dumps(schema, ensure_ascii=False, indent=2))
    sha = s.git.commit("直接修改事件记录模式", who="zhaolei")
    return s, sha


def test_the_pack_still_shows_an_unapproved_change_to_a_public_schema(scenario, tmp_path):
    s, sha = direct_schema_commit(scenario)
    strict = run(s, "trail", "--strict")
    assert strict.returncode != 0  # the history knows it is an unapproved change
    made = run(
        s, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(tmp_path / "p.zip")
    )
    assert made.returncode in (0, 1), made.stdout + made.stderr
    with zipfile.ZipFile(tmp_path / "p.zip") as z:
        trail = z.read("history/trail.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(trail)))
    # the auditor's copy of the trail must show the direct commit (the pack is where an
    # auditor looks for unapproved changes); the incident type is only unsettled, not
    # secret, yet hidden_schema_paths takes its path out of every event and the event,
    # left with nothing, is dropped
    assert any(sha[:10] in "".join(r) or "直接修改事件记录模式" in "".join(r) for r in rows), trail


def test_the_lenient_site_still_shows_an_unapproved_change_to_a_public_schema(scenario, tmp_path):
    # the lenient build of main (the strict one refuses while main holds it): its 审批记录
    # and problem list leave out the incident schema's path (unsettled, so "hidden"), and the
    # direct commit, with nothing left to name, and its DC516 are not shown at all
    from site_helpers import mkdocs

    s, sha = direct_schema_commit(scenario)
    result = mkdocs(s.root, tmp_path / "site", False)
    assert result.returncode == 0, result.stderr
    text = "".join(p.read_text("utf-8") for p in (tmp_path / "site/registers").rglob("*.html"))
    assert sha[:10] in text or "直接修改事件记录模式" in text
