"""Round 47: the publishing limit while doccontrol.yml has a change nobody approved is "the
lowest level" (publishing.approved_limit), but the lowest level of the work tree's file: one
direct commit that moves `secret` to the top of `confidentiality` makes it the lowest, and
the review issue (published to every reader of the project's issues) then names the secret
documents. The site and the audit pack judge by the approved configuration (held)."""

from __future__ import annotations

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body, cli

SECRET = ("SM-P-07", "并购尽调程序SECRETTITLE")
LEVELS = (
    "  - {id: public, label: 公开}\n"
    "  - {id: internal, label: 内部}\n"
    "  - {id: confidential, label: 秘密}\n"
    "  - {id: secret, label: 机密}\n"
)
REORDERED = (
    "  - {id: secret, label: 机密}\n"
    "  - {id: public, label: 公开}\n"
    "  - {id: internal, label: 内部}\n"
    "  - {id: confidential, label: 秘密}\n"
)


def _scenario(tmp_path) -> Scenario:
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        "docs/procedures/secret.md",
        procedure(doc_id=SECRET[0], title=SECRET[1], body=body("目的。")).replace(
            "confidentiality: internal", "confidentiality: secret"
        ),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    return s


def _issue(s: Scenario) -> str:
    out = cli(s.root, "review-due", "--today", "2027-02-01", "--issue", "gitlab", "--dry-run")
    assert out.returncode == 0, out.stderr
    marker = "试运行："
    assert marker in out.stdout, out.stdout + out.stderr
    return out.stdout.split(marker, 1)[1]


def test_a_direct_commit_reordering_the_levels_does_not_name_secrets_in_the_review_issue(
    tmp_path,
):
    s = _scenario(tmp_path)
    issue = _issue(s)
    assert SECRET[0] not in issue and SECRET[1] not in issue  # held before the commit
    # one commit pushed straight to main (DC516): the same four levels, secret listed first
    s.set_config(LEVELS, REORDERED)
    s.git.commit("调整密级顺序", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    issue = _issue(s)
    assert SECRET[0] not in issue and SECRET[1] not in issue, issue


def test_a_direct_commit_reordering_the_levels_gives_no_pdf_of_a_secret_document(tmp_path):
    # `pdf` takes the same default: the copy of SM-P-07 is made at the "lowest" level
    s = _scenario(tmp_path)
    s.set_config(LEVELS, REORDERED)
    s.git.commit("调整密级顺序", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    out = cli(s.root, "pdf", SECRET[0], "--as-of", "2026-03-01", "-o", str(tmp_path / "c.pdf"))
    assert out.returncode != 0, "a PDF copy of the secret document was made"
    assert not (tmp_path / "c.pdf").exists()


def test_held_the_site_and_the_pack_judge_levels_by_the_approved_configuration(scenario, tmp_path):
    from rt41_helpers import SECRET_TITLE, leaks, mkdocs, pack_leaks, site_with_secret

    s = site_with_secret(scenario)
    s.set_config(LEVELS, REORDERED)
    s.git.commit("调整密级顺序", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    built = mkdocs(s.root, tmp_path / "site", False)
    assert built.returncode == 0, built.stderr[-1500:]
    assert leaks(tmp_path / "site", ["SM-P-07", SECRET_TITLE]) == []
    assert pack_leaks(s.root, tmp_path / "pack.zip", ["SM-P-07", SECRET_TITLE]) == []
