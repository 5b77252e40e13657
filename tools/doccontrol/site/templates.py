"""The site's HTML fragments come from Jinja2 templates (MkDocs' own engine), autoescaped.

Each fragment is a file in ``site/templates/`` named ``doccontrol/<name>.html``. An adopter
overrides one by putting a file with the same name under their theme's ``custom_dir`` (the
convention Material users know: ``overrides/doccontrol/control-block.html``). Templates get the
catalogue as ``t`` (``{{ t("site.control.title") }}``, ``{{ t.count("count.documents", n) }}``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from doccontrol.catalogue import Catalogue

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Templates:
    environment: jinja2.Environment

    def render(self, name: str, /, **context: Any) -> str:
        return self.environment.get_template(f"doccontrol/{name}.html").render(**context)


def templates(catalogue: Catalogue, overrides: Sequence[Path] = ()) -> Templates:
    """Templates looked up first in ``overrides`` (the theme's custom_dir), then the package."""
    loader = jinja2.FileSystemLoader([*(str(p) for p in overrides), str(PACKAGE_TEMPLATES)])
    environment = jinja2.Environment(
        loader=loader,
        autoescape=True,  # every value is escaped unless a template marks it safe
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the build, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    environment.globals["t"] = catalogue
    environment.globals["language"] = catalogue.language
    return Templates(environment)
