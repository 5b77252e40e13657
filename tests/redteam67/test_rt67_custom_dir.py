"""Held: `theme.custom_dir` written with MkDocs' documented `!relative $config_dir/…` tag.
History's event reader controls the folder `$config_dir/overrides/` (the tag's text), never the
`overrides/` MkDocs renders, and a theme template runs as code (MkDocs' Jinja environment is not
sandboxed). But the plugin's own check (on_config, before any template renders, and a template
cannot switch it off) refuses a custom_dir holding templates unless doccontrol.yml's
controlled_paths names it, so neither form builds strict."""

from __future__ import annotations

import pytest
from rt41_helpers import approve, site_with_secret
from rt65_helpers import strict_outcome

BENIGN_MAIN = '{% extends "base.html" %}\n'
# the documented override, and SM-P-07's file read through Jinja's unsandboxed globals
EVIL_MAIN = (
    '{% extends "base.html" %}\n'
    "{% block content %}{{ super() }}"
    "{{ cycler.__init__.__globals__.__builtins__.open("
    "config.docs_dir ~ '/procedures/secret.md', encoding='utf-8').read() }}"
    "{% endblock %}\n"
)
FORMS = {
    "plain": "custom_dir: overrides",  # control
    "relative": "custom_dir: !relative $config_dir/overrides",
}


def _approved(scenario, form: str):
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    anchor = "  name: material\n"
    assert anchor in yml
    yml = yml.replace(anchor, f"{anchor}  {FORMS[form]}\n")
    approve(s, "cr-theme", {"mkdocs.yml": yml, "overrides/main.html": BENIGN_MAIN}, "主题覆盖", 2)
    return s


@pytest.mark.parametrize("form", list(FORMS))
def test_a_pushed_theme_template_is_an_unapproved_change(scenario, tmp_path, form):
    """Held (passes): 赵磊 pushes overrides/main.html (SM-P-07's file read through Jinja's
    globals); whatever the trail says, the strict build is refused and nothing is published."""
    s = _approved(scenario, form)
    s.files.write("overrides/main.html", EVIL_MAIN)
    s.git.commit("主题模板", who="zhaolei")
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)
