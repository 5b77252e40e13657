"""Held: a document published once and raised above the level by a later approval leaves no
id, title, text or file name anywhere on the site (pages, navigation, search index, sitemap,
404 page, registers, 审批记录), and its picture, approved while it was public and shown by no
public page, is not published."""

from __future__ import annotations

from rt41_helpers import approve, built_site, leaks, png, procedure, secret_doc

from history_helpers import body
from site_helpers import site_repo

DOC = "docs/procedures/laterhidden.md"
TITLE = "后来保密的程序LATERTITLE"
PIXELS = b"LATERPIXELSMARK"


def test_held_a_document_hidden_since_a_later_approval_leaves_no_trace(scenario, tmp_path):
    s = site_repo(scenario)
    text = "LATERBODYMARK\n\n![图](laterfig.png)"
    public = procedure(doc_id="SM-P-08", title=TITLE, body=body(text))
    approve(s, "cr-1", {DOC: public, "docs/procedures/laterfig.png": png(PIXELS)}, "新增", 1)
    raised = secret_doc(doc_id="SM-P-08", title=TITLE, text=text, version="V1.1")
    approve(s, "cr-2", {DOC: raised}, "提高密级", 2)
    site = built_site(s, tmp_path / "site")
    assert (site / "search/search_index.json").is_file() and (site / "404.html").is_file()
    markers = ["SM-P-08", TITLE, "LATERBODYMARK", "laterhidden", "laterfig", PIXELS.decode()]
    assert leaks(site, markers) == []


def test_control_the_same_document_still_public_is_published(scenario, tmp_path):
    s = site_repo(scenario)
    public = procedure(doc_id="SM-P-08", title=TITLE, body=body("LATERBODYMARK"))
    approve(s, "cr-1", {DOC: public}, "新增", 1)
    site = built_site(s, tmp_path / "site")
    found = {marker for _, marker in leaks(site, ["SM-P-08", TITLE, "LATERBODYMARK"])}
    assert found == {"SM-P-08", TITLE, "LATERBODYMARK"}
