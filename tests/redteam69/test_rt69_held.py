"""Held (unit, all pass): the other forms the brief asks about, read by `rules_paths` as MkDocs'
loader reads them, and honest configurations that stay readable (no denial)."""

from __future__ import annotations

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from doccontrol.history import rules_paths

BASE = "markdown_extensions:\n  - tables\n"


def _load(text: str):
    from mkdocs.config.defaults import MkDocsConfig

    loader = get_yaml_loader(config=MkDocsConfig())  # MkDocs' own loader, `!relative` too
    return yaml.load(text, Loader=loader)


@pytest.mark.parametrize(
    "line",
    [
        "  - site_pkg.ext\n",  # a dotted name: its top-level package is controlled
        "  - site_pkg.ext:SiteExtension\n",
        "  - site_pkg.ext:SiteExtension: {}\n",
        "  - ? site_pkg.ext\n    : {}\n",  # an explicit key
        "  - {<<: *opts}\n",  # merged into the item's mapping
    ],
)
def test_dotted_and_merged_extension_names_are_modules(line):
    text = "x: &opts {site_pkg.ext: {}}\n" + BASE + line
    named = rules_paths.named_paths(text.encode())
    assert named.controls("site_pkg/ext.py") and named.controls("site_pkg/__init__.py")


def test_an_alias_to_an_anchor_defined_later_fails_for_the_loader_too():
    text = BASE + "  - *later\nx: &later site_ext\n"
    with pytest.raises(yaml.composer.ComposerError):
        _load(text)
    assert rules_paths.named_paths(text.encode()) == rules_paths.NamedPaths()


def test_a_relative_extension_name_is_refused_by_mkdocs():
    """`- !relative $config_dir/site_ext` is a placeholder object, not a str: MkDocs'
    MarkdownExtensions raises 'Invalid Markdown Extensions configuration'."""
    from mkdocs.config.config_options import MarkdownExtensions, ValidationError

    value = _load(BASE + "  - !relative $config_dir/site_ext\n")["markdown_extensions"]
    assert not isinstance(value[1], str)
    with pytest.raises(ValidationError):
        MarkdownExtensions().run_validation(value)


@pytest.mark.parametrize("name", [" site_ext", "site_ext ", "site_ext :SiteExtension"])
def test_a_name_with_spaces_is_not_importable(name):
    """Python-Markdown imports `name.split(':')[0]` as it stands: a space is no module."""
    import markdown

    with pytest.raises(Exception):  # noqa: B017 (ImportError/ModuleNotFoundError)
        markdown.Markdown(extensions=[name])


def test_an_anchor_reused_many_times_stays_readable():
    """Denial held: one anchored option block used by 400 extensions' worth of aliases."""
    opts = "x: &o {permalink: true, toc_depth: 3, title: Contents, baselevel: 1}\n"
    items = "".join(f"  - toc{i}: *o\n" for i in range(400))
    named = rules_paths.named_paths((opts + BASE + items).encode())
    assert not named.opaque and "toc399" in named.modules


def test_extension_options_that_are_aliases_stay_readable():
    text = (
        BASE
        + "  - pymdownx.highlight: &hl {anchor_linenums: true}\n"
        + "  - pymdownx.inlinehilite: *hl\n"
        + "  - pymdownx.superfences: &sf\n"
        + "      custom_fences:\n"
        + "        - {name: mermaid, class: mermaid,"
        + " format: !!python/name:pymdownx.superfences.fence_code_format }\n"
        + "extra: {fences: *sf}\n"
    )
    named = rules_paths.named_paths(text.encode())
    assert not named.opaque and {"pymdownx", "tables"} <= named.modules
