"""doccontrol.yml's `timezone` against the committer's own offset, at a midnight boundary:
every output dates a commit by the organisation's day, and says so."""

from __future__ import annotations

from rt48_helpers import DOC, DOC_B, TODAY, branch_with, forge_merge, pack, procedure, register

from builders import RepoBuilder
from history_helpers import Scenario


def _zoned(tmp_path):
    """Asia/Shanghai from the start; 刘静's approval of SM-P-01 V1.1 merged by a forge at
    2026-02-28T20:00:00+00:00, which is 2026-03-01 04:00 in Shanghai."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(DOC_B, procedure(doc_id="SM-P-02", title="第二程序"))
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02\ntimezone: Asia/Shanghai")
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    text = procedure(version="V1.1", effective_date="2026-03-01")
    branch_with(s, "cr-11", files={DOC: text.replace("目的的内容。", "目的（一点一）。")})
    forge_merge(s, "cr-11", date="2026-02-28T20:00:00+00:00")
    return s


def test_the_pack_readme_says_whose_day_its_dates_are(tmp_path):
    """The register, the trail and the pack date the approval 2026-03-01 (Shanghai's day: the
    trail gives 2026-03-01T04:00:00+08:00). The pack's README tells the auditor that its dates
    are "the committer's own local dates": the committer wrote 2026-02-28 (+00:00), which is
    what `git log` shows, so an auditor checking the pack against Git is told the wrong day."""
    s = _zoned(tmp_path)
    assert register(s, "--as-of", "2026-02-28")["SM-P-01"]["version"] == "V1.0"
    assert register(s, "--as-of", "2026-03-01")["SM-P-01"]["version"] == "V1.1"
    entries = pack(s, tmp_path / "pack.zip", "2026-01-01", TODAY)
    assert "2026-03-01T04:00:00+08:00" in entries["history/trail.csv"]
    readme = entries["README.txt"]
    said = [line for line in readme.splitlines() if "local date" in line or "当地日期" in line]
    assert not any("committer's own" in line or "提交者自己" in line for line in said), said
    # (fix48b) and it names the zone whose days they are
    assert "Asia/Shanghai" in readme, readme


def test_every_output_places_a_merge_at_midnight_utc_on_the_organisations_day(tmp_path):
    """Held: `register`, `show` and `pdf` as of 2026-02-28 give V1.0 and as of 2026-03-01 give
    V1.1; a site built as of 2026-03-01 gives V1.1 in its control block and register."""
    from rt48_helpers import built, control_cells, run, site_repo, table_rows

    s = _zoned(tmp_path)
    site_repo(s, as_of="2026-03-01")
    for day, version in (("2026-02-28", "V1.0"), ("2026-03-01", "V1.1")):
        assert register(s, "--as-of", day)["SM-P-01"]["in_force_version"] == version
        shown = run(s, "show", "SM-P-01", "--as-of", day)
        assert f"version: {version}" in shown.stdout, shown.stdout[:300]
        made = run(s, "pdf", "SM-P-01", "--as-of", day, "-o", str(tmp_path / f"{day}.pdf"))
        assert made.returncode == 0 and version in made.stdout, made.stdout + made.stderr
    site = built(s.root, tmp_path / "site")
    cells = control_cells((site / "procedures/test/index.html").read_text("utf-8"))
    assert (cells["版本"], cells["发布实施日期"]) == ("V1.1", "2026-03-01"), cells
    rows = table_rows((site / "registers/documents/index.html").read_text("utf-8"), "dc-register")
    assert [rows[1][3], rows[1][7]] == ["V1.1", "2026-03-01"], rows
