"""The one publishing decision (publishing.py), on the project's own configuration: it fails
closed on anything it cannot read."""

from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest

from builders import PROJECT_CONFIG
from doccontrol import page_links, publishing
from doccontrol.history.model import DocumentHistory
from doccontrol.load.yaml_source import Positions
from doccontrol.model import Document, Record, RecordType

CONFIG = PROJECT_CONFIG


def document(level: object = "internal", missing: bool = False) -> Document:
    meta = {"id": "SM-P-01"} if missing else {"id": "SM-P-01", "confidentiality": level}
    return Document("docs/procedures/x.md", meta, "", 1, Positions())


def history(*levels: str) -> DocumentHistory:
    return DocumentHistory("SM-P-01", "docs/procedures/x.md", "x", (), levels=levels)


@pytest.mark.parametrize(
    ("value", "allowed"),
    [
        ("public", True),
        ("internal", True),
        ("confidential", False),
        ("secret", False),
        (["public"], False),
        ({"level": "public"}, False),
        ("top-secret", False),
        ("Internal", False),
        (None, False),
        ("?", False),
    ],
)
def test_levels_up_to_internal(value, allowed):
    assert publishing.level_allowed(CONFIG, value, "internal") is allowed


def test_unreadable_ranks_as_the_highest_level():
    assert publishing.level_allowed(CONFIG, ["x"], "secret")
    assert not publishing.level_allowed(CONFIG, ["x"], "confidential")
    assert not publishing.level_allowed(CONFIG, "public", "no-such-limit")


def test_a_document_needs_every_level_it_ever_had_to_be_publishable():
    limit = "internal"
    assert publishing.document_publishable(CONFIG, limit, document(), None)
    assert publishing.document_publishable(CONFIG, limit, document(), history("internal"))
    assert not publishing.document_publishable(CONFIG, limit, document(), history("secret"))
    assert not publishing.document_publishable(CONFIG, limit, document(missing=True), None)
    assert not publishing.document_publishable(CONFIG, limit, document(["public"]), None)
    # withdrawn: the history alone decides; with nothing known, nothing is published
    assert publishing.document_publishable(CONFIG, limit, None, history("public", "internal"))
    assert not publishing.document_publishable(CONFIG, limit, None, history("internal", "?"))
    assert not publishing.document_publishable(CONFIG, limit, None, history())
    assert not publishing.document_publishable(CONFIG, limit, None, None)


def test_a_file_renumbered_in_the_work_tree_keeps_the_levels_of_what_main_holds_there():
    """A branch gives the secret file a new id and the label internal, in place or moved: it is
    still the secret document, so neither its id nor its title is published. A new file beside
    a secret that merely moved (its id still in the work tree) is not held back."""

    def doc(path, doc_id):
        return Document(path, {"id": doc_id, "confidentiality": "internal"}, "", 1, Positions())

    renumbered = doc("docs/procedures/tidy.md", "SM-P-97")
    secret = DocumentHistory("SM-P-07", "docs/procedures/x.md", "x", (), levels=("secret",))
    public = DocumentHistory("SM-P-01", "docs/procedures/p.md", "p", (), levels=("internal",))
    withdrawn = DocumentHistory(
        "SM-P-03", "docs/procedures/w.md", "w", (), withdrawn=True, levels=("secret",)
    )
    on_main = {"SM-P-07": secret, "SM-P-01": public, "SM-P-03": withdrawn}
    tree = [renumbered, doc("docs/procedures/p.md", "SM-P-01")]
    assert publishing.held_before(on_main, tree, renumbered) == (secret,)
    assert publishing.publishable_documents(CONFIG, "internal", tree, on_main) == tree[1:]
    # an id main knows as withdrawn is no cover either
    reused = doc("docs/procedures/tidy.md", "SM-P-03")
    assert publishing.held_before(on_main, [reused, tree[1]], reused) == (secret,)
    # the secret moved and kept its id: the new file at its old path is a new document
    moved = doc("docs/procedures/moved.md", "SM-P-07")
    fresh = doc("docs/procedures/x.md", "SM-P-20")
    assert publishing.held_before(on_main, [moved, fresh, tree[1]], fresh) == ()
    # main's own documents carry their own history, wherever they are
    assert publishing.held_before(on_main, tree, tree[1]) == ()


def _record(data):
    return Record("records/incident/INC-2026-0001.yaml", "incident", data, Positions())


def _record_type(confidentiality=None, required=()):
    from builders import TEST_RECORD_SCHEMA

    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["required"] += list(required)
    if confidentiality is None:
        del schema["properties"]["confidentiality"]
    else:
        schema["properties"]["confidentiality"] = confidentiality
    x = schema["x-doccontrol"]
    return RecordType(
        "incident",
        "schemas/records/incident.schema.json",
        schema,
        x["name"],
        x["name_en"],
        re.compile(x["id_pattern"]),
        x["id_format"],
        3,
        tuple(x["clauses"]),
        x["procedure"],
        "title",
        "reported",
        (),
        {},
    )


def test_records_default_to_their_schemas_default_and_fail_closed_otherwise():
    internal = _record_type({"enum": ["public", "internal"], "default": "internal"})
    assert publishing.record_publishable(CONFIG, "internal", _record({"id": "x"}), internal)
    assert not publishing.record_publishable(CONFIG, "public", _record({"id": "x"}), internal)
    assert not publishing.record_publishable(
        CONFIG, "internal", _record({"confidentiality": ["public"]}), internal
    )
    public = _record_type({"default": "public"})
    assert publishing.record_publishable(CONFIG, "public", _record({"id": "x"}), public)


@pytest.mark.parametrize(
    "record_type",
    [
        _record_type({"default": "public"}, required=["confidentiality"]),  # must be written
        _record_type({"enum": ["public", "internal"]}),  # no default
        _record_type(None),  # no such property
        _record_type({"default": ["public"]}),  # a default no level
        None,  # no schema
    ],
)
def test_a_record_without_a_level_its_schema_does_not_default_ranks_highest(record_type):
    record = _record({"id": "x"})
    assert publishing.record_level(record, record_type) not in ("public", "internal")
    assert not publishing.record_publishable(CONFIG, "confidential", record, record_type)
    # written, the level counts as written
    written = _record({"id": "x", "confidentiality": "internal"})
    assert publishing.record_publishable(CONFIG, "internal", written, record_type)


@pytest.mark.parametrize(
    ("record_id", "valid"),
    [
        ("INC-2026-0001", True),
        ("../../../../../docs/procedures/change-management", False),
        ("INC-2026-0001/../x", False),
        ("INC-2026-0001\\x", False),
        ("INC-2026-0001\n", False),
        ("INC-2026-0001\x00", False),
        ("..", False),
        ("INC-2026-0001 extra", False),
        ("xINC-2026-0001", False),
    ],
)
def test_record_ids_name_pages_only_when_they_are_plain_and_match_in_full(record_id, valid):
    record_type = RecordType(
        "incident",
        "schemas/records/incident.schema.json",
        {},
        "事件记录",
        "Incident",
        re.compile(r"INC-\d{4}-\d{4}"),  # unanchored on purpose: the match must be full anyway
        "INC-{year}-{n:04d}",
        3,
        (),
        "SM-P-21",
        "title",
        "date",
        (),
        {},
    )
    record = Record("records/incident/x.yaml", "incident", {"id": record_id}, Positions())
    assert publishing.record_id_valid(record, record_type) is valid


def test_unsafe_character_screen_matches_its_definition_on_every_code_point():
    # the regex screen (fast path) against the Unicode categories it stands for
    differ = [
        code
        for code in range(0x110000)
        if (publishing.unsafe_character(chr(code)) is not None)
        != publishing.unsafe_by_category(chr(code))
    ]
    assert differ == []
    assert publishing.unsafe_character("docs/ok\x7fthen\nlater.md") == "\\x7f"


def test_paths():
    assert publishing.unsafe_character("docs/a\nb.md") == "\\n"
    assert publishing.unsafe_character("docs/bad\udcff.md") is not None
    assert publishing.unsafe_character("docs/程序 一.md") is None
    assert publishing.printable_path("docs/a\tb.md") == "docs/a\\tb.md"
    assert publishing.is_document_path("docs/x.MARKDOWN") and not publishing.is_document_path(
        "docs/x.txt"
    )
    assert publishing.page_stem("procedures/x.mkd") == "procedures/x"


def test_images_used_finds_every_way_a_text_names_an_image_and_resolves_it_like_mkdocs():
    text = "\n".join(
        [
            '![a](a.png) ![b](<sub/b c.png> "t") [link](%E5%9B%BE.png) ![参考][REF] [r2][]',
            "[ref]: ../shared/ref.jpg",
            "  [r2]: <../shared/r-y.gif> 'title'",
            "<img src=\"h.webp\"> <img src='q.png?x=1#f'> <a href=plain.png>x</a>",
            "![url](http://example.com/x.png) ![abs](/abs.png) ![up](../../../etc.png)",
            "![data](data:image/png;base64,AAAA) ![text](notes.txt)",
        ]
    )
    assert page_links.images_used([("docs/procedures/x.md", text)]) == {
        "docs/procedures/a.png",
        "docs/procedures/sub/b c.png",
        "docs/procedures/图.png",
        "docs/shared/ref.jpg",
        "docs/shared/r-y.gif",
        "docs/procedures/h.webp",
        "docs/procedures/q.png",
        "docs/procedures/plain.png",
        # raw HTML is resolved by the browser from the page's URL (procedures/x/) too
        "docs/procedures/x/h.webp",
        "docs/procedures/x/q.png",
        "docs/procedures/x/plain.png",
    }
    assert page_links.asset_target("docs/x.md", "../outside.png") is None


def test_raw_html_targets_count_from_the_file_and_from_the_page_url():
    text = '<img src="../topology.png"> ![md](../up.png)'
    # docs/procedures/test.md is served at procedures/test/: ../topology.png is the working
    # spelling in HTML; a Markdown target is rewritten by MkDocs from the file only
    assert page_links.images_used([("docs/procedures/test.md", text)]) == {
        "docs/topology.png",
        "docs/procedures/topology.png",
        "docs/up.png",
    }
    # an index.md or README.md page is served at its folder; without directory URLs a page is
    # served beside its file
    for page in ("docs/procedures/index.md", "docs/procedures/README.md"):
        assert page_links.images_used([(page, text)]) == {"docs/topology.png", "docs/up.png"}
    assert page_links.images_used([("docs/procedures/test.md", text)], directory_urls=False) == {
        "docs/topology.png",
        "docs/up.png",
    }


def test_reference_definitions_and_parentheses_are_read_as_python_markdown_reads_them():
    text = "\n".join(
        [
            "![流程][flow] 见 [Angle]。",
            "",
            "[flow]:",
            "    flow.png",
            "[angle]:",
            "  <angle-shot.png>",
            "[spaced]: <spaced shot.png>",  # no definition: the line is text and a tag
            "[Spaced]",
            "![图](fig(1).png) ![b](<b(2).png>)",
            "[blank]:",
            "",
            "    code.png",
        ]
    )
    assert page_links.images_used([("docs/p/x.md", text)]) == {
        "docs/p/flow.png",
        "docs/p/angle-shot.png",
        "docs/p/fig(1).png",
        "docs/p/b(2).png",
    }


def test_a_reference_definition_counts_only_where_a_link_or_image_uses_its_label():
    # Python-Markdown removes a definition nothing uses: the page shows and links nothing
    text = "\n".join(
        [
            "![图][Flow  Chart] 见[说明][]，及 [shortcut]。",
            "[text][Full\nRef]",
            "",
            "[flow chart]: flow.png",
            "[说明]: note.png",
            "[SHORTCUT]: short.png",
            "[full ref]: full.png",
            "[unused]: secret.png",
            "  [old]:",
            "    <old figure.png>",
            "`[old]` <!-- [unused] -->",
            "```",
            "[unused][]",
            "```",
        ]
    )
    assert page_links.images_used([("docs/x.md", text)]) == {
        "docs/flow.png",
        "docs/note.png",
        "docs/short.png",
        "docs/full.png",
    }
    # a definition's own label is no use of it, nor is another definition's
    assert page_links.images_used([("docs/x.md", "[a]: a.png\n[b]: b.png\n")]) == set()
    # a hidden document's text is read whole: every definition it holds is named
    assert page_links.images_named([("docs/x.md", "[unused]: secret.png")]) == {
        "docs/secret.png",
        "docs/x/secret.png",
    }


def test_text_that_shows_no_link_names_no_image():
    """What Python-Markdown shows as no link at all names nothing on a page (round 47): an
    escaped bracket uses no label, and "](" in an HTML attribute or a title is no target."""
    for text in (
        "旧图见 \\[旧拓扑图]。\n\n[旧拓扑图]: old.png\n",
        '见<span title="](old.png)">注</span>。',
        '[首页](../index.md "旧图 ](old.png)")',
        "[首页](../index.md '旧图 ](old.png)')",
        "[首页](<../index.md> (旧图 ](old.png)))",
        '[a](x.md "t) ![b](old.png "u")',  # one link, its title running to the last quote
        '见[旧]。\n\n[旧]: ../index.md "](old.png)"',
        "见[旧]。\n\n[旧]: <old figure.png>",
    ):
        assert page_links.images_used([("docs/x.md", text)]) == set(), text
        assert page_links.images_named([("docs/x.md", text)]) != set(), text  # kept back
    # what stands after a title, an escaped backslash before a label, a src in a tag, count
    text = '[a](x.md "t") ![b](b.png "u") \\\\[c] <img title="](no.png)" src="d.png">\n\n[c]: c.png'
    assert page_links.images_used([("docs/x.md", text)], directory_urls=False) == {
        "docs/b.png",
        "docs/c.png",
        "docs/d.png",
    }
    # a title never closed hides nothing; nor does one past a blank line
    assert page_links.images_used([("docs/x.md", '[a](x.md "t ![b](b.png)')]) == {"docs/b.png"}
    text = '[a](x.md "t\n\n![b](b.png) ")'
    assert page_links.images_used([("docs/x.md", text)]) == {"docs/b.png"}


def test_an_escaped_character_in_a_target_is_read_as_the_page_reads_it():
    text = "![a](flow\\_v2.png) ![b](fig\\(1\\).png) ![c](<a\\_b.png>) ![d](流程\u3000图.png)"
    assert page_links.images_used([("docs/x.md", text)]) == {
        "docs/flow_v2.png",
        "docs/fig(1).png",
        "docs/a_b.png",
        "docs/流程\u3000图.png",
    }
    # raw HTML is not Markdown: its backslash stays
    assert "docs/a_b.png" not in page_links.images_used([("docs/x.md", '<img src="a\\_b.png">')])


def test_titles_never_closed_are_read_in_one_pass():
    """A run of titles never closed (how fast it is read is measured, never timed here)
    names nothing, and an image after it is still found."""
    text = '](x "' * 20_000 + "\n\n![a](a.png)"
    assert page_links.images_used([("docs/x.md", text)]) == {"docs/a.png"}


def test_a_stray_or_escaped_backtick_hides_nothing():
    # Python-Markdown pairs backticks within a paragraph, and \` is a backtick as text
    for stray in ("字段之间用 ` 键分隔。", "反引号写作 \\` 。", "a \\\\\\` b"):
        text = f"{stray}\n\n![流程图](flow.png)\n\n用 `ls` 命令。\n"
        assert page_links.images_used([("docs/x.md", text)]) == {"docs/flow.png"}, stray
    # a blank line of spaces and tabs ends the paragraph too
    assert page_links.images_used([("docs/x.md", "a ` b\n \t\n![f](f.png) `c`")]) == {"docs/f.png"}
    # within one paragraph, across lines, a span still hides what it holds
    assert page_links.images_used([("docs/x.md", "a ` b\n![f](f.png) `c")]) == set()
    # after an even number of backslashes the backtick opens a span (the backslash is escaped)
    assert page_links.images_used([("docs/x.md", "a \\\\` ![f](f.png) `")]) == set()
    # an escaped backtick's run may still open with the rest: \`` is \` then `
    assert page_links.images_used([("docs/x.md", "a \\`` ![f](f.png) `")]) == set()
    # a backslash in code is a character: the run after it closes the span
    assert page_links.images_used([("docs/x.md", "`a\\` ![f](f.png)")]) == {"docs/f.png"}
    # a run nothing of its width closes opens with fewer backticks, as Python-Markdown tries
    assert page_links.images_used([("docs/x.md", "``a ![f](f.png) ` ![g](g.png)")]) == {
        "docs/g.png"
    }


def test_what_a_comment_or_code_holds_is_not_used():
    text = "\n".join(
        [
            "<!-- 旧图 ![](old.png) 已删除 -->",
            "前文 <!-- 多行",
            '<img src="gone.png">',
            "--> ![shown](shown.png)",
            "```markdown",
            "![fenced](fenced.png)",
            "```",
            "   ~~~~",
            "[tilde]: tilde.png",
            "   ~~~",  # shorter: does not close
            "![still](still-fenced.png)",
            "~~~~~",
            "`![inline](inline.png)` and ``a ` ![double](double.png)``",
            "``` not a fence: `code` ``` ![after](after.png)",
            "a lone ` backtick ![kept](kept.png)",
        ]
    )
    assert page_links.images_used([("docs/x.md", text)]) == {
        "docs/shown.png",
        "docs/after.png",
        "docs/kept.png",
    }
    # the lines around what is left out stay lines (a definition after it is still one)
    assert page_links.shown_text("a <!-- x\ny -->\n[r]: r.png").splitlines()[-1] == "[r]: r.png"
    # left open: to the end
    assert page_links.images_used([("docs/x.md", "<!-- ![](a.png)\n\n![](b.png)")]) == set()
    assert page_links.images_used([("docs/x.md", "~~~\n![](a.png)")]) == set()
    # a hidden document's text is read whole: what it names in a comment is still its own
    # (and any word ending in a picture's name: from the page's URL too, as a Mermaid image
    # node's img: is read, round 102)
    # (every part of a run after a separator counts, rounds 118 and 119: spellings such as
    # "docs/(a.png" come along, which withhold nothing but a file so named)
    named = page_links.images_named([("docs/x.md", "<!-- ![](a.png) -->")])
    assert {"docs/a.png", "docs/x/a.png"} <= named
    assert all(n in ("docs/a.png", "docs/x/a.png") or "(" in n or "]" in n for n in named), named


def test_either_url_style_in_one_pass_is_what_each_style_finds():
    # what a stored version may show whichever style the site used (history/stored.py)
    text = (
        '![a](a.png) <img src="h.webp"> <a href=../up.png>x</a> <img src="./sub/q.png">\n'
        "[r]: r.png\n\n[x][r] ![b](../b.gif)"
    )
    for path in ("docs/procedures/x.md", "docs/procedures/index.md", "docs/a/b/README.md"):
        one = [(path, text)]
        either = page_links.images_used(one, None)
        assert either == page_links.images_used(one, True) | page_links.images_used(one, False)
        assert page_links.images_used(one, True) != page_links.images_used(one, False) or (
            path.endswith(("index.md", "README.md"))
        )


def test_hostile_text_names_no_image():
    """Runs of openers never closed (how fast they are read is measured in benchmarks, never
    timed here): they name nothing, and an image after them is still found."""
    hostile = [
        "`` " * 10_000 + "<!--" * 5_000 + "```\n" * 2_000 + "[x](" * 5_000,
        "](<" * 10_000,  # an angle target never closed
        "[a]: <" * 10_000,
    ]
    for text in hostile:
        assert page_links.images_used([("docs/x.md", text)]) == frozenset()
    assert page_links.images_used([("docs/x.md", "](<" * 10_000 + "\n\n![a](a.png)")]) == {
        "docs/a.png"
    }


def test_files_the_site_configuration_shows_are_used():
    used = page_links.images_used(
        [], site_files=("assets/logo.png", "https://example.com/x.png", "../out.png", "/a.png")
    )
    assert used == {"docs/assets/logo.png"}


def test_author_typed_text_loses_hidden_ids_and_titles_but_keeps_short_words():
    secret = Document("docs/s.md", {"id": "SM-P-07", "title": "并购尽调程序"}, "", 1, Positions())
    short = Document("docs/t.md", {"id": "SM-P-08", "title": "安全"}, "", 1, Positions())
    names = publishing.hidden_names({"SM-P-07", "SM-P-08"}, [secret, short], {})
    assert names == {"SM-P-07", "SM-P-08", "并购尽调程序"}
    text = "修订 sm-p-07《并购尽调程序》与安全要求，SM-P-070 不变"
    assert publishing.redact_names(text, names, "—") == "修订 —《—》与安全要求，SM-P-070 不变"


def test_an_event_names_a_figure_only_a_published_page_uses_once_something_is_hidden():
    event = _event((), ("docs/procedures/SM-P-07-topology.png", "docs/a.png", "doccontrol.yml"))
    (shown,) = publishing.visible_events([event], set(), {"SM-P-07"}, "—", {"docs/a.png"})
    assert shown.controlled == ("docs/a.png", "doccontrol.yml")
    # with nothing hidden, every approved figure stays evidence
    (kept,) = publishing.visible_events([event], set(), set(), "—", {"docs/a.png"})
    assert kept.controlled == event.controlled


def _event(documents, controlled, accepted=()):
    from doccontrol.history.model import ApprovalEvent, ApprovedDocument, Person, Signature

    person = Person("陈明远", "chen.mingyuan@example.com")
    return ApprovalEvent(
        commit="c" * 40,
        date="2026-01-21T10:00:00+08:00",
        kind="merge",
        summary="修订",
        merge_request=None,
        authors=(person,),
        reviewers=(person,),
        approvers=(person,),
        merger=person,
        signature=Signature("none"),
        documents=tuple(ApprovedDocument(i, "V1.1", f"docs/{i}.md", "revision") for i in documents),
        approved=True,
        controlled=tuple(controlled),
        accepted=tuple(accepted),
    )


def test_once_something_is_hidden_no_other_file_under_docs_is_named():
    # the secret procedure's PDF, drawing and figure beside it: the event names none of them
    # and, left with nothing, is dropped
    files = ("docs/acme-dd.pdf", "docs/acme-dd.svg", "docs/acme-dd.png")
    secret = _event(["SM-P-07"], files, files)
    assert publishing.visible_events([secret], {"SM-P-01"}, {"SM-P-07"}, "—", set()) == []
    # with a public document: the public one is named, none of the secret one's files
    both = _event(["SM-P-01", "SM-P-07"], (*files, "doccontrol.yml"), ("doccontrol.yml",))
    (shown,) = publishing.visible_events([both], {"SM-P-01"}, {"SM-P-07"}, "—", set())
    assert [d.id for d in shown.documents] == ["SM-P-01"]
    assert shown.controlled == ("doccontrol.yml",)
    assert shown.accepted == ("doccontrol.yml",)
    # a figure a published page uses is named, wherever it was approved
    (shown,) = publishing.visible_events(
        [both], {"SM-P-01"}, {"SM-P-07"}, "—", {"docs/acme-dd.png"}
    )
    assert shown.controlled == ("docs/acme-dd.png", "doccontrol.yml")


def test_a_figure_approved_with_public_text_only_stays_named():
    # SM-P-01 V1.1 drew old.png; V1.2 replaced it: the V1.1 approval still names its figure
    old = _event(["SM-P-01"], ("docs/old.png", "docs/old.pdf"), ("docs/old.png",))
    (shown,) = publishing.visible_events([old], {"SM-P-01"}, {"SM-P-07"}, "—", {"docs/new.png"})
    assert shown.controlled == ("docs/old.png",)  # an image only: never the PDF
    assert shown.accepted == ("docs/old.png",)
    # unless a hidden document names it (a secret's figure slipped into a public change)
    (shown,) = publishing.visible_events(
        [old], {"SM-P-01"}, {"SM-P-07"}, "—", set(), {"docs/old.png"}
    )
    assert shown.controlled == ()
    # an event with no document (an image alone) names only what a published page uses
    alone = _event([], ("docs/old.png",))
    assert publishing.visible_events([alone], {"SM-P-01"}, {"SM-P-07"}, "—", set()) == []


@pytest.mark.parametrize("spelt", ["SM-P-07", "sm-p-07", "SM-P-07 ", " ＳＭ-Ｐ-０７", "ｓｍ-ｐ-07"])
def test_a_record_naming_a_hidden_document_in_any_spelling_names_it(spelt):
    from builders import TEST_RECORD_SCHEMA

    site = publishing.DocumentIds.of({"SM-P-07"})
    assert publishing.record_names_hidden(TEST_RECORD_SCHEMA, {"procedure": spelt}, site)
    assert not publishing.record_names_hidden(TEST_RECORD_SCHEMA, {"procedure": "SM-P-01"}, site)
    # the audit pack names only documents it knows may be named
    pack = publishing.DocumentIds.of({"SM-P-07"}, {"SM-P-01"})
    assert publishing.record_names_hidden(TEST_RECORD_SCHEMA, {"procedure": spelt}, pack)
    assert publishing.record_names_hidden(TEST_RECORD_SCHEMA, {"procedure": "SM-P-99"}, pack)
    assert not publishing.record_names_hidden(TEST_RECORD_SCHEMA, {"procedure": "sm-p-01 "}, pack)
    # a value that is not a document reference is no reference
    assert not publishing.record_names_hidden(TEST_RECORD_SCHEMA, {"title": spelt}, site)


def test_a_record_type_of_a_hidden_procedure_is_hidden_with_its_coverage():
    from doccontrol import registers

    record_type = _record_type({"default": "internal"})  # its procedure: SM-P-01
    types = {"incident": record_type}
    for spelt in ("SM-P-01", "sm-p-01 ", "ＳＭ-Ｐ-０１"):
        hidden = publishing.DocumentIds.of({spelt})
        assert not publishing.record_type_publishable(record_type, hidden)
        assert publishing.publishable_record_types(types, hidden) == {}
    shown = publishing.publishable_record_types(types, publishing.DocumentIds.of({"SM-P-07"}))
    assert shown == types
    # the coverage matrix lists only the types it is given
    assert any("incident" in r.record_types for r in registers.coverage([], shown))
    assert not any(r.record_types for r in registers.coverage([], {}))


def test_hidden_names_hold_every_former_title_and_spare_a_title_a_published_document_shares():
    secret = DocumentHistory(
        "SM-P-07", "docs/s.md", "并购尽调程序", (), titles=("收购调查程序(草案)", "并购尽调程序")
    )
    public = DocumentHistory("SM-P-01", "docs/p.md", "信息安全管理程序", ())
    twin = DocumentHistory("SM-P-09", "docs/t.md", "信息安全管理程序", ())
    histories = {"SM-P-07": secret, "SM-P-01": public, "SM-P-09": twin}
    # the pages give SM-P-01's title: a hidden twin's title is spared there, never otherwise
    names = publishing.hidden_names({"SM-P-07", "SM-P-09"}, [], histories, [public.title])
    assert "收购调查程序(草案)" in names and "信息安全管理程序" not in names
    assert "信息安全管理程序" in publishing.hidden_names({"SM-P-07", "SM-P-09"}, [], histories)
    # typed with full-width brackets, found through its NFKC form
    text = "按《收购调查程序（草案）》修订 SM-P-01"
    assert publishing.redact_names(text, names, "—") == "按《—》修订 SM-P-01"


def test_a_hidden_record_types_schema_path_is_not_named_in_the_trail():
    record_type = _record_type({"default": "internal"})  # its procedure: SM-P-01
    types = {"incident": record_type}
    shown = publishing.publishable_record_types(types, publishing.DocumentIds.of({"SM-P-01"}))
    unnamed = publishing.hidden_schema_paths(types, shown)
    assert unnamed == {"schemas/records/incident.schema.json"}
    assert not publishing.hidden_schema_paths(types, types)

    def event(*controlled: str):
        return _event((), controlled, controlled)

    both = event("schemas/records/incident.schema.json", "doccontrol.yml")
    (shown_event,) = publishing.visible_events([both], set(), unnamed=unnamed)
    # neither as changed nor as accepted (the pack's trail.json lists both)
    assert shown_event.controlled == shown_event.accepted == ("doccontrol.yml",)
    assert "incident" not in json.dumps(shown_event.to_json())
    # an event left with nothing it may name is not shown (its date and approvers would tell)
    assert (
        publishing.visible_events(
            [event("schemas/records/incident.schema.json")], set(), unnamed=unnamed
        )
        == []
    )
    # nothing unnamed: the event as it was
    assert publishing.visible_events([both], set()) == [both]


def test_a_record_type_whose_schema_is_unsettled_is_not_published():
    record_type = _record_type({"default": "internal"})
    types = {"incident": record_type}
    nothing = publishing.DocumentIds.of(set())
    assert publishing.publishable_record_types(types, nothing) == types
    assert publishing.publishable_record_types(types, nothing, {"incident"}) == {}
    assert publishing.hidden_schema_paths(types, {}) == {record_type.path}


def test_the_pages_links_are_read_only_where_an_event_changed_a_file_under_docs():
    def event(*controlled):
        return _event((), controlled)

    config_only, figure = event("doccontrol.yml"), event("docs/a.png")
    assert not publishing.names_docs_files([config_only], {"SM-P-07"})
    assert not publishing.names_docs_files([figure], set())
    assert publishing.names_docs_files([config_only, figure], {"SM-P-07"})


def test_a_hidden_record_types_id_and_names_are_redacted_and_its_old_schemas_not_named():
    record_type = _record_type({"default": "internal"})
    names = publishing.hidden_names(set(), [], {}, (), [record_type])
    assert record_type.id in names and record_type.name in names
    paths = ("schemas/records/old-dd.schema.json", "schemas/records/x.schema.json")
    both = _event((), paths, paths)  # an approval of both
    schemas = {"schemas/records/x.schema.json"}
    (shown,) = publishing.visible_events([both], set(), {"SM-P-07"}, "—", schemas=schemas)
    assert shown.controlled == ("schemas/records/x.schema.json",)
    # with nothing hidden every schema stays named
    (kept,) = publishing.visible_events([both], set(), set(), "—", schemas=schemas)
    assert kept.controlled == both.controlled


def test_a_direct_change_to_an_unnamed_schema_stays_listed_with_its_path_redacted():
    # the commit nobody approved is evidence (DC516): kept, its path and its problem's
    # path given as the placeholder; an approval of the same path is dropped
    from doccontrol.history.model import HistoryProblem

    path = "schemas/records/acme-dd.schema.json"
    problem = HistoryProblem.of("problem.DC516", "c" * 40, path, "", sha="cccc", what=path)
    direct = dataclasses.replace(_event((), (path,)), kind="direct", problems=(problem,))
    (shown,) = publishing.visible_events([direct], set(), {"SM-P-07"}, "—", unnamed={path})
    assert shown.controlled == ("—",) and shown.accepted == ()
    assert [p.code for p in shown.problems] == ["DC516"]
    assert path not in json.dumps(shown.to_json(), ensure_ascii=False)
    approved = _event((), (path,), (path,))
    assert publishing.visible_events([approved], set(), {"SM-P-07"}, "—", unnamed={path}) == []


def test_a_value_that_may_name_no_picture_is_fetched_as_none():
    """The link rule skips resolving a value that ``may_name_picture`` says names none: it
    must never be one a browser fetches as a picture (against ``fetched_target``)."""
    rng = random.Random(1205)
    pieces = [*"./%2eEpnjgPNG?#\\ab", "png", "..", "%2e", "%2E", ".md", "\t", " "]
    values = ["x.png/..", "x.png/.", "%2e%2e/x%2Epng", "x.pn%67", "x.p\tng", "./", "..", "?q"]
    values += ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(20_000)]
    reached = 0
    for page in ("procedures/p1/", "procedures/p1.html", "a/x.png/", "a/b/"):
        page_may = page_links.may_name_picture(page)
        for value in values:
            read = page_links.browser_url(value)
            fetched = page_links.fetched_target(page, read)
            if fetched is not None and publishing.is_asset_path(fetched):
                reached += 1
                assert page_may or page_links.may_name_picture(read), (page, value)
    assert reached > 1000  # the values reached pictures, from each kind of page


@pytest.mark.parametrize(
    "value",
    [
        "https://sms.example.com/a",
        "https://SMS.EXAMPLE.COM./a",
        "https://sms.example.com:443/a",
        "https://u:p@sms.example.com/a",
        "https://ｓｍｓ.example.com/a",
        "https://sms%2Eexample.com/a",
        "//sms.example.com/a",
        r" https:\\sms.example.com\a",  # backslashes read as slashes
    ],
)
def test_the_host_a_browser_reads(value):
    # a link by the site's own address, however it is spelt (round 96)
    assert page_links.browser_host(value) == "sms.example.com"


def test_no_host_or_another_host():
    assert page_links.browser_host("procedures/x.png") == ""
    assert page_links.browser_host("https://[::1]:8000/x") == "[::1]"
    assert page_links.browser_host("https://sms.example.org/x") == "sms.example.org"
    assert page_links.browser_host("https://[::1/x") == ""  # no URL a browser could load


def test_a_hidden_text_names_a_picture_in_any_word_a_script_may_read():
    # a Mermaid image node draws its picture from the page's URL once the sanitizer has run:
    # its value counts as written and with YAML's escapes and Mermaid's entity codes read
    # (rounds 102, 103)
    named = {
        'A@{ img: "../fig.png" }',
        'A@{ img: "../f\\x69g.png" }',
        'A@{ img: "../fig\\u002epng" }',
        'A@{ img: "../fig%2Epng" }',
        'A["#60;img src=../fig#46;png#62;"]',
        'A@{ img: "/procedures/fig.png" }',
    }
    for text in named:
        found = page_links.images_named([("docs/procedures/s.md", text)], None)
        assert "docs/procedures/fig.png" in found, text
    # a quoted name keeps its spaces; a page's own reading is unchanged
    spaced = page_links.images_named([("docs/procedures/s.md", '"../my fig.png"')], None)
    assert "docs/procedures/my fig.png" in spaced
    assert page_links.images_used([("docs/procedures/s.md", 'A@{ img: "fig.png" }')]) == set()
