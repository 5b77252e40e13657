"""validate/active_content.py's fast paths held to their definitions: code blanked out by
visiting only the fences' lines against the line-by-line walk it replaced, and the findings
with their screens (a pattern not searched when its text is absent; a URL without a colon or
an entity not unescaped) against the patterns searched everywhere."""

from __future__ import annotations

import html
import random
import re

from builders import shipped_documents
from doccontrol.validate import active_content

_FENCE_LINE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def without_code_by_lines(body: str) -> str:
    """The definition: each line visited, fences opened and closed line by line, code spans
    blanked within each line."""
    out = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE_LINE.match(line)
        if fence is None and match:
            fence = match[1]
            out.append(_blank(line))
        elif fence is not None:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = None
            out.append(_blank(line))
        else:
            out.append(active_content._CODE_SPAN.sub(lambda m: _blank(m[0]), line))
    return "\n".join(out)


_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
_IGNORED = re.compile(r"[\x00-\x20\x7f]|\\(?=[!-/:-@\[-`{-~])")


def findings_everywhere(body: str) -> list[tuple[int, str, str]]:
    """The definition: every pattern searched over the whole text, every URL unescaped."""
    text = without_code_by_lines(body)
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


def test_code_is_blanked_as_the_line_walk_blanks_it():
    bodies = _shipped_bodies()
    assert len(bodies) > 30 and any("```mermaid" in b for b in bodies)
    rng = random.Random(20261201)
    bodies += [_random_body(rng) for _ in range(4000)]
    for body in bodies:
        assert active_content._without_code(body) == without_code_by_lines(body), body


def test_findings_are_what_searching_everywhere_finds():
    rng = random.Random(1201)
    bodies = _shipped_bodies() + [_random_body(rng) for _ in range(4000)]
    seen = set()
    for body in bodies:
        fast = list(active_content.findings(body))
        assert fast == findings_everywhere(body), body
        seen.update(kind for _offset, kind, _what in fast)
    assert seen == {"element", "handler", "url"}  # the bodies reached every kind


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
