"""Held: every other place an attribute list can stand on a picture or a link (lower-case
``src``/``href``), and fences the site (pymdownx.superfences) and the copies (fenced_code)
might read differently. The page shows only the red flow.png, as the copy prints it; green.png
(approved with V1.1, at the file's folder and at the page's URL) is never shown."""

from __future__ import annotations

from rt85_helpers import colours, file_colours, png
from rt88_helpers import RED, browser_colours, built
from rt91_helpers import GREEN, setup

FILES = {
    "docs/procedures/flow.png": png(RED),
    "docs/procedures/green.png": png(GREEN),
    "docs/procedures/test/green.png": png(GREEN),
}
PLACES = [
    '[![嵌套](flow.png)](flow.png){: href="green.png" }',
    '[![嵌套二](flow.png){: src="green.png" }](flow.png)',
    '![重复](flow.png){: src="green.png" src="test/green.png" }',
    '![其它](flow.png){: data-src="green.png" srcset="green.png 2x" style="background:url(green.png)" }',
    "![无值](flow.png){: src }",
    "## 标题 ![标题图](flow.png){: src=green.png }",
    "- ![列表](flow.png){: src=green.png }",
    '<div markdown="1">\n![块内](flow.png){: src=green.png }\n</div>',
    "| 图 |\n|---|\n| ![表格](flow.png){: src=green.png } |",
    "![下一行](flow.png)\n{: src=green.png }",
    "![全角](flow.png){: ＳＲＣ=green.png }",
    # fences: code on the page and in the copy alike
    "- 列表\n\n    ```\n    ![围栏](green.png)\n    ```",
    "> ```\n> ![引用](green.png)\n> ```",
    "````\n```\n![四个](green.png)\n````",
    "~~~\n![波浪](green.png)\n```\n~~~",
    "```mermaid\n![图](green.png)\n```",
    '<div markdown="1">\n```\n![块内围栏](green.png)\n```\n</div>',
]
TEXT = "见 第一版正文\n\n" + "\n\n".join(PLACES) + "\n"


def test_held_every_other_place_shows_what_the_copy_prints(tmp_path):
    s = setup(tmp_path, TEXT, FILES)
    out = built(s, tmp_path)
    assert colours(s, tmp_path) == {RED}
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}
    shown = browser_colours(out, "procedures/test/index.html")
    assert shown == [RED] * 11  # one picture in each of the 11 places
    links = browser_colours(out, "procedures/test/index.html", attribute="href", tag="a")
    assert GREEN not in links
