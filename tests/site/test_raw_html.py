"""The generated pages' HTML blocks skip Python-Markdown (adapters/raw_html.py). Held to the
definition: a chunk is lifted only when Python-Markdown would pass it through as it is, and
every generated page of the demo, converted with its blocks lifted and put back, is the page
Python-Markdown makes of it whole (with the demo's own Markdown extensions)."""

from __future__ import annotations

import re

import markdown
import pytest
from mkdocs.config import load_config

from doccontrol.adapters import raw_html
from doccontrol.adapters.mkdocs_plugin import DocControlPlugin

NONCE = "0123456789abcdef"


def normal(html: str) -> str:
    """Whitespace between tags does not count (Python-Markdown joins blocks with newlines)."""
    return re.sub(r">\s+<", "><", html).strip()


def converter(config) -> markdown.Markdown:  # type: ignore[no-untyped-def]
    """Python-Markdown as MkDocs sets it up for a site."""
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


LIFTED = [
    "<p>一段</p>",
    '<table class="dc-register"><thead><tr><th>编号</th></tr></thead>\n<tbody><tr><td>1</td></tr></tbody></table>',
    '<p>说明</p>\n<h2 id="person-a">甲</h2>\n<table>\n  <tr><td>*不是强调*</td></tr>\n</table>',
    '<!-- 注释 -->\n<div class="dc-cards"><a href="x">卡片</a></div>',
    "<hr>",
]
LEFT = [
    "<p>一段</p>\n**之后是 Markdown**",
    "<p>一段</p><h2>同一行的第二个元素</h2>",
    "<span>行内标签开头</span>",
    '<div markdown="1">*Markdown 在块里*</div>',
    "<table><tr><td>没有关上",
    "<p>一段</p> 之后的文字",
    "## 标题",
    "文字 <p>在后</p>",
]


@pytest.mark.parametrize("chunk", LIFTED)
def test_a_chunk_python_markdown_passes_through_is_lifted(chunk, demo):
    config = load_config(str(demo / "mkdocs.yml"))
    assert normal(converter(config).convert(chunk)) == normal(chunk)  # the definition
    lifted = raw_html.lift(chunk, NONCE)
    assert lifted.chunks == (chunk,)
    assert lifted.restore(converter(config).convert(lifted.markdown)) is not None


@pytest.mark.parametrize("chunk", LEFT)
def test_anything_else_is_left_for_python_markdown(chunk):
    lifted = raw_html.lift(chunk, NONCE)
    assert lifted.markdown == chunk
    assert lifted.chunks == ()


def test_every_generated_page_of_the_demo_converts_as_it_would_whole(demo, tmp_path):
    config = load_config(str(demo / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = DocControlPlugin()
    options = dict(config.plugins["doccontrol"].config)
    errors, _warnings = plugin.load_config(options, str(demo / "mkdocs.yml"))
    assert not errors
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    md = converter(config)
    lifted_count = 0
    for src, (_title, text) in plugin.generated.items():
        whole = md.reset().convert(text)
        lifted = raw_html.lift(text, NONCE)
        back = lifted.restore(md.reset().convert(lifted.markdown))
        assert back is not None, src
        assert normal(back) == normal(whole), src
        lifted_count += len(lifted.chunks)
    assert lifted_count > 50  # the registers' tables and the record pages' blocks


def test_a_mark_taken_out_by_the_conversion_fails_the_page():
    lifted = raw_html.lift("<p>一段</p>\n\n文字\n", NONCE)
    assert lifted.restore("<p>文字</p>") is None
    assert lifted.restore(f"{lifted.marks[0]}{lifted.marks[0]}") is None
