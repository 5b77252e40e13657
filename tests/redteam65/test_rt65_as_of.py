"""Session 27: `DOCCONTROL_AS_OF` gives the day a build shows "without editing mkdocs.yml, so
that build is still main's and stamped" (on_config reads it after the pending-options check,
in every build, strict too). The day a version takes effect (发布实施日期) is the approvers'
decision, and `as_of:` in mkdocs.yml is controlled; the environment of the publishing job is
not: on GitLab anyone allowed to push can give the pipeline a variable
(`git push -o ci.variable="DOCCONTROL_AS_OF=2027-06-02" origin main`), and the shipped
`pages` job checks only that the stamp exists. Main's strict build then publishes an approved
version months before its effective day, stamped as main's own."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

from rt41_helpers import approve

from builders import procedure
from history_helpers import body
from site_helpers import page, site_repo

UPCOMING = "UPCOMINGVERSIONTEXT"
EFFECTIVE = "2027-06-01"
LATER = "2027-06-02"


def _with_upcoming(scenario):
    """SM-P-01 V1.0 in force; an approved V1.1 (刘静 + 陈明远) effective on EFFECTIVE."""
    s = site_repo(scenario)
    text = procedure(version="V1.1", effective_date=EFFECTIVE, body=body(UPCOMING))
    approve(s, "cr-v11", {"docs/procedures/test.md": text}, "修订 SM-P-01", 1)
    return s


def _strict_build(root, out, as_of: str | None):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCCONTROL_STRICT": "true"}
    env.pop("DOCCONTROL_AS_OF", None)
    if as_of is not None:
        env["DOCCONTROL_AS_OF"] = as_of
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_future_day_from_the_environment_publishes_a_version_early(scenario, tmp_path):
    """Hole (medium): main's own strict build with DOCCONTROL_AS_OF months ahead passes, is
    stamped, and SM-P-01's published page gives V1.1's text, not yet in force."""
    assert datetime.date.today() < datetime.date.fromisoformat(EFFECTIVE)
    s = _with_upcoming(scenario)
    out = tmp_path / "site"
    done = _strict_build(s.root, out, LATER)
    stamped = (out / "doccontrol-build.json").is_file()
    early = done.returncode == 0 and UPCOMING in page(out, "procedures/test")
    # fixed: a day after today is refused in a strict build (or the build is not stamped),
    # as an unapproved `as_of:` in mkdocs.yml is
    assert not (stamped and early), (done.returncode, stamped, early)


def test_without_the_variable_main_publishes_the_version_in_force(scenario, tmp_path):
    """Control (passes): the same strict build without the variable gives V1.0, stamped."""
    s = _with_upcoming(scenario)
    out = tmp_path / "site"
    done = _strict_build(s.root, out, None)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "doccontrol-build.json").is_file()
    assert UPCOMING not in page(out, "procedures/test")
