"""The site's 阅知确认 block and per-person page, in a real ``mkdocs build``."""

from __future__ import annotations

from ack_helpers import ack_scenario, write_ack

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
    out = tmp_path / "site"
    built = mkdocs(s.root, out)
    assert built.returncode == 0, built.stderr
    html = page(out, "procedures/test")
    assert 'class="dc-acks"' in html
    assert "阅知确认 1/2" in html
    outstanding = html.split('class="dc-acks-outstanding"')[1].split("</p>")[0]
    assert "刘静" in outstanding and "王芳" not in outstanding
    people = page(out, "registers/acknowledgements")
    liujing = people.split('id="person-liujing"')[1].split("<h2")[0]
    assert "SM-P-01" in liujing and "逾期" in liujing  # due 2026-01-19
    wangfang = people.split('id="person-wangfang"')[1].split("<h2")[0]
    assert "SM-P-01" not in wangfang
    assert leaks(out, ["SM-P-02", SECRET_TITLE]) == []
