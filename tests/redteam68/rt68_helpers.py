"""Round 68: site configurations MkDocs loads and history's event reader (session 28's
`rules_paths._named`) reads as naming less: a recursive alias (which PyYAML's composer allows)
and the Markdown-extension forms MkDocs accepts besides `- module`."""

from __future__ import annotations

from rt41_helpers import approve, site_with_secret
from rt65_helpers import EVIL_POST_BUILD

EXTENSION = "site_ext.py"  # a local Markdown extension at the repository root
BENIGN_EXTENSION = (
    '"""Site Markdown extension (a no-op)."""\n\n'
    "from markdown.extensions import Extension\n\n\n"
    "class SiteExtension(Extension):\n"
    "    def extendMarkdown(self, md):\n"
    "        pass\n\n\n"
    "def makeExtension(**kwargs):\n"
    "    return SiteExtension(**kwargs)\n"
)
# what 赵磊 pushes: module code runs while MkDocs validates markdown_extensions (before any
# plugin's on_config); it wraps the doccontrol plugin's on_post_build so that, once the build
# is stamped, SM-P-07's file goes onto SM-P-01's published page
_LEAK = EVIL_POST_BUILD.replace("def on_post_build(config, **kwargs):", "def _leak(config):")
EVIL_EXTENSION = (
    BENIGN_EXTENSION
    + "\n\nimport doccontrol.adapters.mkdocs_plugin as _plugin\n\n"
    + _LEAK
    + "\n\n_stamped = _plugin.DocControlPlugin.on_post_build\n\n\n"
    "def _after(self, *, config):\n"
    "    _stamped(self, config=config)\n"
    "    _leak(config)\n\n\n"
    "_plugin.DocControlPlugin.on_post_build = _after\n"
)

# the project's markdown_extensions block (site_helpers copies the project's mkdocs.yml)
EXTENSIONS_LIST = "markdown_extensions:\n  - tables\n"


def with_extension(yml: str, form: str) -> str:
    """The project's mkdocs.yml using ``site_ext`` in one of MkDocs' accepted forms."""
    if form == "module":  # `- site_ext`: what session 28 reads
        return yml.replace(EXTENSIONS_LIST, EXTENSIONS_LIST + "  - site_ext\n")
    if form == "class":  # Python-Markdown's `module:Class` form
        return yml.replace(EXTENSIONS_LIST, EXTENSIONS_LIST + "  - site_ext:SiteExtension\n")
    if form == "class-options":  # the same with options, as a one-key mapping
        line = "  - site_ext:SiteExtension: {}\n"
        return yml.replace(EXTENSIONS_LIST, EXTENSIONS_LIST + line)
    if form == "mapping":  # MkDocs' MarkdownExtensions also takes a mapping of name → options
        start = yml.index("markdown_extensions:\n")
        end = yml.index("\nextra:\n")
        block = (
            "markdown_extensions:\n  tables: {}\n  attr_list: {}\n  md_in_html: {}\n"
            "  admonition: {}\n  toc: {permalink: true}\n  site_ext: {}\n"
            "  pymdownx.superfences:\n    custom_fences:\n      - name: mermaid\n"
            "        class: mermaid\n"
            "        format: !!python/name:pymdownx.superfences.fence_code_format"
        )
        return yml[:start] + block + yml[end:]
    raise ValueError(form)


def approved_extension(scenario, form: str):
    """Round 41's site, then one approved merge (刘静 + 陈明远) adding the benign local
    extension `site_ext.py` and naming it in mkdocs.yml in ``form``."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    changed = with_extension(yml, form)
    assert changed != yml
    files = {"mkdocs.yml": changed, EXTENSION: BENIGN_EXTENSION}
    approve(s, "cr-ext", files, "站点 Markdown 扩展", 2)
    return s


def approved_with(scenario, edit) -> object:
    """Round 41's site, then one approved merge (刘静 + 陈明远) of ``edit(mkdocs.yml)`` and a
    benign base.yml (round 66's: one option, no hook)."""
    from rt66_helpers import BENIGN_BASE

    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    approve(s, "cr-base", {"mkdocs.yml": edit(yml), "base.yml": BENIGN_BASE}, "站点公共配置", 2)
    return s
