"""The site's 阅知确认 block and per-person page, in a real ``mkdocs build``."""

from __future__ import annotations

from ack_helpers import ack_scenario, write_ack

from ack_records import ack_path, ack_text
from builders import procedure
from site_helpers import leaks, mkdocs, page, site_repo

SECRET_TITLE = "机密应急联络名单程序"


def test_block_and_people_page_name_only_published_documents(tmp_path):
    s = ack_scenario(tmp_path)
    secret = procedure(doc_id="SM-P-02", title=SECRET_TITLE).replace(
        "confidentiality: internal", "confidentiality: secret"
    )
    s.files.write("docs/procedures/secret.md", secret)
    s.git.commit("机密文件", date="2026-01-01T13:00:00+08:00")
    site_repo(s)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    # forged records in 刘静's name: one of the published document, one of the secret one
    write_ack(s, "liujing", by="zhaolei", date="2026-01-10T10:00:00+08:00")
    s.files.write(ack_path("liujing", document="SM-P-02"), ack_text("liujing", document="SM-P-02"))
    s.git.commit("代签", who="zhaolei", date="2026-01-11T10:00:00+08:00")
    out = tmp_path / "site"
    built = mkdocs(s.root, out)
    assert built.returncode == 0, built.stderr
    html = page(out, "procedures/test")
    assert 'class="dc-acks"' in html
    assert "阅知确认 1/2" in html
    outstanding = html.split('class="dc-acks-outstanding"')[1].split("</p>")[0]
    assert "刘静" in outstanding and "王芳" not in outstanding
    # who acknowledged, with how strongly Git proves it was her
    given = html.split('class="dc-acks-done"')[1].split("</p>")[0]
    assert "dc-evidence-unsigned" in given
    assert "王芳（2026-01-09 · 未签名（依赖分支保护））" in given and "刘静" not in given
    # the forged record is a history problem on the approval trail page, like any other;
    # the one naming the secret document is not shown (leaks() below)
    trail = page(out, "registers/approvals")
    assert "DC540" in trail and "ACK-SM-P-01-V1.0-liujing" in trail
    people = page(out, "registers/acknowledgements")
    liujing = people.split('id="person-liujing"')[1].split("<h2")[0]
    assert "SM-P-01" in liujing and "逾期" in liujing  # due 2026-01-19
    wangfang = people.split('id="person-wangfang"')[1].split("<h2")[0]
    assert "SM-P-01" not in wangfang
    assert leaks(out, ["SM-P-02", SECRET_TITLE]) == []


def test_an_acknowledgement_of_a_once_secret_document_is_not_published(tmp_path):
    """Red team: SM-P-01 was secret in V1.0 and relabelled internal in V2.0, so the site hides
    it; an honest `doccontrol ack` of V2.0 writes a record (level internal) whose id and title
    name the document. Neither the record nor anything of the document may reach the site."""
    import json
    import os
    import subprocess
    import sys

    from history_helpers import body

    s = ack_scenario(tmp_path)
    title = "绝密并购计划程序"
    s.files.write(
        "docs/procedures/test.md",
        procedure(title=title, body=body("机密目的。")).replace(
            "confidentiality: internal", "confidentiality: secret"
        ),
    )
    s.git.commit("import secret", who="wangfang", date="2026-01-01T13:00:00+08:00")
    site_repo(s)
    s.git.branch("rev-V2.0")
    s.files.write(
        "docs/procedures/test.md",
        procedure(title=title, version="V2.0", effective_date="2026-01-10", body=body("降密。")),
    )
    s.git.commit("降密为内部 V2.0", who="zhaolei")
    s.git.merge("rev-V2.0", "修订为 V2.0")
    s.git.run("config", "user.email", "wang.fang@example.com")
    s.git.run("config", "user.name", "王芳")
    made = subprocess.run(
        [sys.executable, "-m", "doccontrol", "ack", "SM-P-01"],
        cwd=s.root,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    )
    assert made.returncode == 0, made.stderr
    assert list((s.root / "records/acknowledgement").glob("*.yaml"))
    out = tmp_path / "site"
    built = mkdocs(s.root, out)
    assert built.returncode == 0, built.stderr
    assert leaks(out, [title, "SM-P-01"]) == []
    index = json.loads((out / "search/search_index.json").read_text(encoding="utf-8"))
    assert "SM-P-01" not in json.dumps(index, ensure_ascii=False)
    assert "并购" not in json.dumps(index, ensure_ascii=False)


def test_an_english_site_punctuates_the_block_in_english(tmp_path):
    # the block's colons and brackets come from the catalogue, not the template (an English
    # page read "Outstanding： 刘静（overdue）")
    s = ack_scenario(tmp_path, "schema_version: 1", "schema_version: 1\nlanguage: en")
    site_repo(s)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    out = tmp_path / "site"
    built = mkdocs(s.root, out)
    assert built.returncode == 0, built.stderr
    html = page(out, "procedures/test")
    block = html.split('class="dc-acks"')[1].split("</div>")[0]
    assert "王芳 (2026-01-09 · " in block, block
    for chinese in "：（）":
        assert chinese not in block, block
    people = page(out, "registers/acknowledgements")
    assert "刘静 (liujing)" in people and "（" not in people.split("<article")[1]
