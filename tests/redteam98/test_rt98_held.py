"""Attacks round 98 tried that held: each test passes, and would fail if the guard went."""

from __future__ import annotations

import json

from rt41_helpers import (
    SECRET_BODY,
    SECRET_ID,
    SECRET_TITLE,
    approve,
    body,
    built_site,
    leaks,
    pack_leaks,
    procedure,
    secret_doc,
    site_with_secret,
)
from rt98_helpers import SECRET_PATH, secret_with_figure

from builders import TEST_RECORD_SCHEMA
from history_helpers import cli
from site_helpers import site_repo

SECRETS = [SECRET_ID, SECRET_TITLE, SECRET_BODY]


def test_a_public_document_pointing_at_the_secret_names_nothing_of_it(scenario, tmp_path):
    """SM-P-01 V1.1 says `related: [SM-P-07]`, links it by `doc:` with no text and by its
    file, and draws a Mermaid chart: the pages, search index and pack give none of SM-P-07's
    id, title or text, nor its figure (held back with its document). Embedding the figure
    itself is hole 2 (test_rt98_shared_figure.py)."""
    s = secret_with_figure(scenario)
    text = f"见 [](doc:{SECRET_ID})、[程序](secret.md)。\n\n```mermaid\ngraph TD\n  A-->B\n```\n"
    public = procedure(version="V1.1", extra=f"related: [{SECRET_ID}]\n", body=body(text))
    approve(s, "cr-public", {"docs/procedures/test.md": public}, "修订测试程序", 2)
    for strict in (False, True):
        site = built_site(s, tmp_path / f"site{strict}", strict=strict)
        assert leaks(site, [*SECRETS, "merger-due-diligence"]) == []
    found = pack_leaks(s.root, tmp_path / "p.zip", SECRETS, "--max-confidentiality", "internal")
    # the public document's own Markdown copy keeps its `related:`: hole 3 (test_rt98_pack_copy)
    assert [f for f in found if not f[0].startswith("documents/SM-P-01")] == []


def test_a_branch_and_merge_title_naming_the_secret_in_a_shared_merge(scenario, tmp_path):
    """One merge changes SM-P-07 and SM-P-01, from a branch named after SM-P-07's title and
    titled with it: the 审批记录 shows only SM-P-01, its title redacted; the branch name is
    not shown."""
    s = site_with_secret(scenario)
    branch = f"cr-{SECRET_TITLE}"
    s.git.branch(branch)
    s.files.write(SECRET_PATH, secret_doc(version="V1.1", text="SECRETBODYMARK 二"))
    s.files.write("docs/procedures/test.md", procedure(version="V1.1", body=body("公开修订")))
    s.git.commit("草稿", who="zhaolei")
    s.git.merge(
        branch, f"同时修订{SECRET_TITLE}和测试程序", number=2, approvers=("liujing", "chenmy")
    )
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, SECRETS) == []
    assert "测试程序" in (site / "registers/approvals/index.html").read_text("utf-8")
    assert (
        pack_leaks(s.root, tmp_path / "p.zip", SECRETS, "--max-confidentiality", "internal") == []
    )


def test_a_record_citing_the_secret_is_withheld_from_site_and_pack(scenario, tmp_path):
    """An internal incident citing SM-P-07 in a document field is withheld (site and pack),
    while its neighbour citing nothing is published: the record's own level does not vouch."""
    s = site_with_secret(scenario)
    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["properties"]["documents"] = {
        "title": "相关文件",
        "type": "array",
        "items": {"type": "string", "x-doccontrol-ref": "document"},
    }
    head = "priority: P2\nreported: 2026-01-20\n"
    approve(
        s,
        "cr-records",
        {
            "schemas/records/incident.schema.json": json.dumps(schema, ensure_ascii=False),
            "records/incident/INC-2026-0001.yaml": f"id: INC-2026-0001\ntitle: 事件RECCITES\n{head}"
            f"documents: [{SECRET_ID}]\n",
            "records/incident/INC-2026-0002.yaml": f"id: INC-2026-0002\ntitle: 事件RECPLAIN\n{head}",
        },
        "新增事件记录",
        2,
    )
    site = built_site(s, tmp_path / "site", strict=True)
    assert leaks(site, [*SECRETS, "RECCITES", "INC-2026-0001"]) == []
    assert leaks(site, ["RECPLAIN"]) != []
    found = pack_leaks(
        s.root,
        tmp_path / "p.zip",
        [*SECRETS, "RECCITES", "RECPLAIN"],
        "--max-confidentiality",
        "internal",
    )
    assert {m for _, m in found} == {"RECPLAIN"}


def test_a_path_reused_by_a_public_document_carries_no_secret_history(scenario, tmp_path):
    """SM-P-07 is deleted by an approved change; later a public SM-P-09 is approved at the
    same path. Its page (procedures/secret/) gives its own text and history only."""
    s = site_with_secret(scenario)
    s.git.branch("cr-delete")
    (s.root / SECRET_PATH).unlink()
    s.git.commit("删除", who="zhaolei")
    s.git.merge("cr-delete", "作废文件", number=2, approvers=("liujing", "chenmy"))
    public = procedure(doc_id="SM-P-09", title="新公开程序", body=body("REUSEDBODY"))
    approve(s, "cr-reuse", {SECRET_PATH: public}, "新增公开程序", 3)
    for strict in (False, True):
        site = built_site(s, tmp_path / f"site{strict}", strict=strict)
        assert "REUSEDBODY" in (site / "procedures/secret/index.html").read_text("utf-8")
        assert leaks(site, SECRETS) == []
    assert (
        pack_leaks(s.root, tmp_path / "p.zip", SECRETS, "--max-confidentiality", "internal") == []
    )


def test_a_waiting_version_raising_the_level_hides_the_document(scenario, tmp_path):
    """SM-P-01 V1.1 (secret, new title and text) is approved to take effect later: the whole
    document leaves the site, the pack and the review issue, its waiting title included."""
    s = site_repo(scenario)
    waiting = secret_doc(
        doc_id="SM-P-01",
        title="升级后PENDTITLE",
        text="PENDBODY",
        version="V1.1",
        effective_date="2027-06-01",
    )
    approve(s, "cr-raise", {"docs/procedures/test.md": waiting}, "修订测试程序", 2)
    markers = ["PENDTITLE", "PENDBODY"]
    site = built_site(s, tmp_path / "site", strict=False)
    assert leaks(site, markers) == []
    assert not (site / "procedures/test").exists()
    assert (
        pack_leaks(s.root, tmp_path / "p.zip", markers, "--max-confidentiality", "internal") == []
    )
    issue = cli(s.root, "review-due", "--issue", "github", "--dry-run")
    assert not [m for m in markers if m in issue.stdout + issue.stderr]
