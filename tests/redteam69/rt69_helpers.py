"""Round 69: the Markdown-extension forms MkDocs loads through MkDocs' `!ENV` tag whose default
is a mapping (one extension with its options) inside the extension list."""

from __future__ import annotations

from rt41_helpers import approve, site_with_secret
from rt68_helpers import BENIGN_EXTENSION, EXTENSION, EXTENSIONS_LIST

UNSET = "RT69_UNSET_VARIABLE"  # an environment variable CI does not set: the default is used

# what mkdocs.yml's extension list gains, per form; `item-env-*` and `list-env-*` give the
# loader `{site_ext: {}}` (a one-key mapping, MkDocs' `- name: {options}`) as `!ENV`'s default
FORMS = {
    "item-env-scalar": f"  - !ENV [{UNSET}, site_ext]\n",  # control: read since session 28
    "item-env-map": f"  - !ENV [{UNSET}, {{site_ext: {{}}}}]\n",
    "item-env-class": f"  - !ENV [{UNSET}, {{'site_ext:SiteExtension': {{}}}}]\n",
    "item-env-env-map": f"  - !ENV [{UNSET}, !ENV [{UNSET}_2, {{site_ext: {{}}}}]]\n",
}


def with_extension(yml: str, form: str) -> str:
    """The project's mkdocs.yml naming ``site_ext`` in ``form``."""
    assert EXTENSIONS_LIST in yml
    return yml.replace(EXTENSIONS_LIST, EXTENSIONS_LIST + FORMS[form])


def approved_extension(scenario, form: str):
    """Round 41's site, then one approved merge (刘静 + 陈明远) adding the benign local
    extension `site_ext.py` and naming it in mkdocs.yml in ``form``."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    files = {"mkdocs.yml": with_extension(yml, form), EXTENSION: BENIGN_EXTENSION}
    approve(s, "cr-ext", files, "站点 Markdown 扩展", 2)
    return s
