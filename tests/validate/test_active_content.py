"""validate/active_content.py held to what it stands for: nothing that either renderer a
body meets (the site's Python-Markdown with pymdownx.superfences, the PDF copies' with
fenced_code) turns into a script, a handler or a script URL goes unreported, on the shipped
documents and thousands of hostile bodies; and the fast paths held to their definitions (a
pattern not searched when its text is absent; a URL without a colon or an entity not
unescaped) against the patterns searched everywhere."""

from __future__ import annotations

import html
import random
import re
from html.parser import HTMLParser

import markdown
import pytest
from pymdownx.superfences import fence_code_format

from builders import shipped_documents
from doccontrol.validate import active_content

_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
_IGNORED = re.compile(r"[\x00-\x20\x7f]|\\(?=[!-/:-@\[-`{-~])")


def findings_everywhere(body: str) -> list[tuple[int, str, str]]:
    """The definition: every pattern searched over the whole text, every URL unescaped."""
    text = active_content._without_code(body)
    found = [
        (m.start(), "element", f"<{m[1].lower()}>") for m in active_content._ELEMENT.finditer(text)
    ]
    found += [
        (m.start(1), "handler", f"{m[1].lower()}=") for m in active_content._HANDLER.finditer(text)
    ]
    found += [
        (m.start(1), "handler", f"{m[1].lower()}=")
        for m in active_content._ATTR_LIST_HANDLER.finditer(text)
    ]
    found += [
        (m.start(1), "name", f"{m[1].lower()}=")
        for m in active_content._ATTR_LIST_NAME.finditer(text)
    ]
    for _needed, pattern in active_content._URLS:
        for match in pattern.finditer(text):
            value = _IGNORED.sub("", html.unescape(match[1].strip("\"'"))).lower()
            scheme = next((s for s in _SCHEMES if value.startswith(s)), None)
            if scheme:
                found.append((match.start(1), "url", f"{scheme}…"))
    return found


_PIECES = [
    "```",
    "````",
    "~~~",
    "~~~~",
    "   ```",
    "    ```",
    "```mermaid",
    "``` `info`",
    "~~~ ```",
    "`code`",
    "``a ` b``",
    "`",
    "``",
    "文字",
    "## 标题",
    "| a | `b` |",
    "<script>x</script>",
    '<img src=x onerror="y">',
    "[a](javascript:alert(1))",
    "[a](  <javascript:x>)",
    "[b]: javascript:y",
    "<javascript:z>",
    'href="vbscript:q"',
    "src = 'data:text/html,<b>'",
    "[c](java&#115;cript:alert(2))",
    "[d](&#106;avascript&colon;alert(3))",
    "[e](ja\tvascript:x)",
    "[f](javascript\\:x)",
    "[g](../SM-P-10.md)",
    "[h](https://example.com)",
    "![i](x.png){onerror=alert(1)}",
    "# 标题 {: #id .cls onclick=alert(2) }",
    "{: data-x=1 }",
    '![j](a.png){: src="b.png" }',
    "[k](a.md){ .x href=b.png }",
    '<img srcset="javascript:alert(3) 1x">',
    "a = b",
    "\r",
    "",
]


def _random_body(rng: random.Random) -> str:
    lines = rng.choices(_PIECES, k=rng.randint(0, 30))
    if rng.random() < 0.3:  # pieces run together on one line
        return "".join(lines)
    return "\n".join(lines)


def _shipped_bodies() -> list[str]:
    return [body for _front, body in shipped_documents()]


# the site's extensions (mkdocs.yml) and the PDF copies' (pdf/render.py)
RENDERERS = (
    {
        "extensions": [
            "tables",
            "attr_list",
            "md_in_html",
            "admonition",
            "toc",
            "pymdownx.superfences",
        ],
        "extension_configs": {
            "pymdownx.superfences": {
                "custom_fences": [
                    {"name": "mermaid", "class": "mermaid", "format": fence_code_format}
                ]
            }
        },
    },
    {"extensions": ["tables", "fenced_code", "toc", "admonition", "sane_lists", "md_in_html"]},
)
_RUNNING = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta"}
_URL_ATTRIBUTES = {
    "href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster",
    "background", "cite", "srcdoc",
}  # fmt: skip


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


class _Active(HTMLParser):
    """The kinds of active content in rendered HTML, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kinds: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _RUNNING:
            self.kinds.add("element")
        for name, value in attrs:
            if name.startswith("on"):
                self.kinds.add("handler")
            # as a browser reads a URL: spaces and controls around it dropped, and tabs and
            # line breaks anywhere in it
            scheme = re.sub(r"[\t\n\r]", "", (value or "").strip(_C0_AND_SPACE)).lower()
            if name in _URL_ATTRIBUTES and scheme.startswith(_SCHEMES):
                self.kinds.add("url")

    handle_startendtag = handle_starttag


def rendered_active(body: str) -> set[str]:
    """What either renderer's HTML would run."""
    found: set[str] = set()
    for options in RENDERERS:
        parser = _Active()
        parser.feed(markdown.Markdown(**options).convert(body))  # type: ignore[arg-type]
        parser.close()
        found |= parser.kinds
    return found


# fences and spans that the renderers read differently, and what hides in them
_HOSTILE = [
    "    ```", " ```", "  ```", "> ```", "- ```", "```\t", "\t```", "```\r", "``\x02`",
    "```python {.a}", '```js hl_lines="1"', "``` x ```", "text ``` more", "```  ",
    "\\`", "\\\\`", "| `x | y` |", "<div>", "</div>", '<div markdown="1">', "<!--", "-->",
    "`<script>`", "<scr\x02ipt>z</script>", "<b title='`'>", "' <script>y</script> '`",
    '<img title="`" onerror=z x="`">', "`[a](javascript:b)`", "`{onclick=q}`", "a\rb",
    "```\r<script>s</script>\r```", '<p title=">" onclick="q">', "[q]:", "javascript:alert(3)",
    "> [r]: javascript:x", "[a][q]", "> [b][r]",
]  # fmt: skip


def test_nothing_either_renderer_runs_goes_unreported():
    rng = random.Random(20261202)
    pieces = _PIECES + _HOSTILE
    bodies = _shipped_bodies() + [
        "\n".join(rng.choices(pieces, k=rng.randint(1, 14))) for _ in range(3000)
    ]
    reached: set[str] = set()
    for body in bodies:
        runs = rendered_active(body)
        reached |= runs
        reported = {kind for _offset, kind, _what in active_content.findings(body)}
        assert runs <= reported, body
    assert reached == {"element", "handler", "url"}  # the bodies reached every kind


@pytest.mark.parametrize(
    "body",
    [
        "```\n<script>x</script>\n``` 以上",  # a closing fence with words after it
        "```\n<script>x</script>\n",  # a fence never closed
        "```\n<x>\n\n~~~\n<script>y</script>\n~~~",  # superfences reads on to the end
        "   ```\n<script>x</script>\n   ```",  # indented: code to superfences, not fenced_code
        "```python {.a}\n<x>\n```\n<script>y</script>\n```\n代码\n```",  # paired otherwise
        "``\n```\n代码\n```\n`<script>`",  # a span reaching across a fence
        "``a` <script>x</script> `b`",  # runs of unequal length
        "\\`<script>x</script>\\`",  # escaped backticks
        "<div>\n\n`<script>x</script>`\n\n</div>",  # inside raw HTML, no spans
        "```\r<script>x</script>\r``` 以上",  # a lone carriage return ends a line
        "<scr\x02ipt>x</script>",  # Python-Markdown drops its placeholders' marks first
    ],
)
def test_code_one_renderer_does_not_read_as_code_is_searched(body):
    assert rendered_active(body)  # the body does run, in one renderer at least
    assert "element" in {kind for _offset, kind, _what in active_content.findings(body)}


@pytest.mark.parametrize(
    "body",
    [
        '<p title=">" onclick="alert(1)">x</p>',  # a > in a quoted value, before the handler
        "<img alt='>' onerror=alert(1) src=x>",
        '<div title="<" onclick=x>y</div>',
        "[q]:\njavascript:alert(3)\n\n[a][q]",  # a reference's URL on the next line
        "> [r]: javascript:alert(2)\n>\n> [b][r]",  # a reference in a block quote
        "[q]:\n[b]: javascript:alert(4)\n\n[a][b]",  # a definition after one without URL
    ],
)
def test_what_the_renderers_run_outside_code_is_found(body):
    """Found by the second attacker: the handler pattern stopped at a quoted > and reference
    definitions were read only at the margin with the URL on their own line."""
    runs = rendered_active(body)
    assert runs  # it does run, in one renderer at least
    assert runs <= {kind for _offset, kind, _what in active_content.findings(body)}


def test_code_every_renderer_reads_as_code_is_left_alone():
    body = (
        "## 1 目的\n\n在正文中写 `<script>` 或 `onclick=`，不会执行。\n\n"
        '```mermaid\nflowchart TD\n  A["<script>"] --> B\n```\n\n'
        '~~~html\n<iframe src="javascript:x"></iframe>\n~~~\n\n'
        "| 列 | 说明 |\n|---|---|\n| `<object>` | 示例 |\n"
    )
    assert not rendered_active(body)
    assert list(active_content.findings(body)) == []


def test_a_finding_is_placed_where_the_author_wrote_it():
    body = "文字\x02\x03\n<scr\x02ipt>"
    assert list(active_content.findings(body)) == [(5, "element", "<script>")]


def test_findings_are_what_searching_everywhere_finds():
    rng = random.Random(1201)
    bodies = _shipped_bodies() + [_random_body(rng) for _ in range(4000)]
    seen = set()
    for body in bodies:
        fast = list(active_content.findings(body))
        assert fast == findings_everywhere(body), body
        seen.update(kind for _offset, kind, _what in fast)
    assert seen == {"element", "handler", "url", "name"}  # the bodies reached every kind


def test_a_disguised_scheme_is_still_found():
    # the colon only an entity spells: the screen on ':' must not pass it over
    found = list(
        active_content.findings("[x](javascript&colon;alert(1))\n[y](&#x6a;avascript&#58;z)")
    )
    assert [what for _offset, _kind, what in found] == ["javascript:…", "javascript:…"]


def test_attribute_lists_and_srcset_are_read_too():
    # the attr_list extension writes {: on…=… } onto the element; srcset holds URLs
    body = (
        "![图](a.png){onerror=alert(1)}\n\n## 标题 {: #x .y onclick=alert(2) }\n\n"
        "段落\n{: onmouseover=alert(3) }\n\n{: data-on=1 note=onload }\n\n"
        '<img srcset="javascript:alert(4) 1x">\n'
    )
    assert [what for _offset, _kind, what in active_content.findings(body)] == [
        "onerror=",
        "onclick=",
        "onmouseover=",
        "javascript:…",
    ]


def test_an_attribute_list_renaming_a_picture_or_link_is_reported():
    # the site keeps the Markdown's name (adapters/own_names.py): the author learns it is void
    body = '![图](a.png){: src="b.png" }\n\n[规程](SM-P-02.md){ .x HREF=b.png }\n\n{: data-src=1 }'
    assert list(active_content.findings(body)) == [
        (14, "name", "src="),
        (50, "name", "href="),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "防火墙过滤条件 {proto=tcp, src=10.0.0.0/8} 的流量",
        "| 规则 | 条件 |\n|---|---|\n| 入站 | {src=10.0.0.0/8, dst=any} |",
        "链接 [说明](a.md) {: href=b.md }",  # a space: attr_list reads nothing there
    ],
)
def test_braces_no_attribute_list_reads_are_not_reported(body):
    # attr_list reads a list onto an image or link only right after it (round 92)
    assert [k for _offset, k, _what in active_content.findings(body) if k == "name"] == []
    rendered = markdown.Markdown(**RENDERERS[0]).convert(body)  # type: ignore[arg-type]
    assert "{" in rendered  # the site shows the braces as text
