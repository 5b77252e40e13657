"""adapters/own_names.py: an attribute list may style a picture or link, never rename it
(round 91, hole 3), with the real Python-Markdown and the site's extensions."""

from __future__ import annotations

import markdown
import pytest

from doccontrol.adapters.own_names import OwnNames

# the shipped mkdocs.yml's extensions (pymdownx.superfences aside: it makes no image or link)
SITE = ["tables", "attr_list", "md_in_html", "admonition", "toc"]


def _render(text: str, kept: bool = True) -> str:
    extensions: list[object] = list(SITE)
    if kept:
        extensions.append(OwnNames())
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize(
    ("text", "shown", "never"),
    [
        ('![流程](flow.png){: src="green.png" }', 'src="flow.png"', "green.png"),
        ("![流程](flow.png){src=green.png}", 'src="flow.png"', "green.png"),
        ('![流程][f]{: src="green.png" }\n\n[f]: flow.png', 'src="flow.png"', "green.png"),
        ('[流程图](flow.png){: href="green.png" }', 'href="flow.png"', "green.png"),
        ('[规程](SM-P-02.md){: href="green.png" }', 'href="SM-P-02.md"', "green.png"),
        ('| 图 |\n|---|\n| ![流程](flow.png){: src="green.png" } |', 'src="flow.png"', "green"),
        (
            '!!! note "图"\n    ![流程](flow.png){: src="green.png" }',
            'src="flow.png"',
            "green.png",
        ),
        # another case: attr_list keeps it, a browser reads it as src (round 92)
        ('![流程](flow.png){: SRC="green.png" }', 'src="flow.png"', "green.png"),
        ('![流程](flow.png){: Src="green.png" src="blue.png" }', 'src="flow.png"', "green.png"),
        ('[流程图](flow.png){: HrEf="green.png" }', 'href="flow.png"', "green.png"),
        (
            '<div markdown="1">\n![流程](flow.png){: src="green.png" }\n</div>',
            'src="flow.png"',
            "green.png",
        ),
    ],
)
def test_an_attribute_list_gives_no_other_name(text, shown, never):
    assert never in _render(text, kept=False)  # attr_list alone does rename it
    page = _render(text)
    assert shown in page
    assert never not in page


def test_what_an_attribute_list_may_still_give_is_kept():
    page = _render('![流程](flow.png){: .wide #fig-1 width="300" title="流程图" }')
    for part in ('class="wide"', 'id="fig-1"', 'width="300"', 'title="流程图"', 'src="flow.png"'):
        assert part in page


def test_a_name_markdown_did_not_write_is_not_added():
    # an attribute list on a paragraph or a heading: the page's sanitizer keeps src and href
    # on images and links only, and no image or link is made of them
    page = _render('段落\n{: src="green.png" }\n\n## 标题 {: href="green.png" }')
    assert "green.png" in page  # on elements whose src/href the page's sanitizer removes
    assert "<img" not in page and "<a " not in page


def test_pages_rendered_one_after_another_do_not_share_names():
    md = markdown.Markdown(extensions=[*SITE, OwnNames()])
    first = md.convert('![一](one.png){: src="x.png" }')
    md.reset()
    second = md.convert('![二](two.png){: src="y.png" }')
    assert 'src="one.png"' in first and 'src="two.png"' in second
    assert "x.png" not in first + second and "y.png" not in first + second


def test_a_name_given_in_another_case_without_a_value_empties_nothing():
    assert 'src="flow.png"' in _render("![流程](flow.png){: SRC }")
    assert "SRC" not in _render("![流程](flow.png){: SRC }")
