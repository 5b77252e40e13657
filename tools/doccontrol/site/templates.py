"""The site's HTML fragments come from Jinja2 templates (MkDocs' own engine), autoescaped.

Each fragment is a file in ``site/templates/`` named ``doccontrol/<name>.html``. An adopter
overrides one by putting a file with the same name under their theme's ``custom_dir`` (the
convention Material users know: ``overrides/doccontrol/control-block.html``). Templates get the
catalogue as ``t`` (``{{ t("site.control.title") }}``, ``{{ t.count("count.documents", n) }}``)
and ``th(key, **args)``: a catalogue text whose arguments may be HTML the template made (a link
from a macro); the text itself and every plain-text argument are escaped.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from doccontrol.catalogue import DEFAULT_LANGUAGE, Catalogue

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


class TemplateError(Exception):
    """A template could not be rendered: a missing variable, bad syntax, a missing file.
    The message names the template and line (for the build's one-line error)."""


@dataclass(frozen=True)
class Templates:
    environment: jinja2.Environment
    catalogue: Catalogue

    def render(self, name: str, /, **context: Any) -> str:
        try:
            return self.environment.get_template(f"doccontrol/{name}.html").render(**context)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or f"doccontrol/{name}.html"
            raise TemplateError(self._say(where, exc.lineno, exc.message or str(exc))) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(self._say(f"doccontrol/{name}.html", 0, str(exc))) from None
        except jinja2.TemplateError as exc:
            where, line = _template_frame(exc, f"doccontrol/{name}.html")
            raise TemplateError(self._say(where, line, exc.message or str(exc))) from None

    def _say(self, where: str, line: int | None, message: str) -> str:
        return self.catalogue.text(
            "site.error.template", name=where, line=line or "?", message=message
        )


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The innermost template file and line on the traceback (Jinja rewrites its frames to
    point at the template source)."""
    where, line = fallback, None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return where, line


def _raw(catalogue: Catalogue, key: str) -> str:
    entry = catalogue.entries.get(key)
    if entry is None:
        return key
    return entry.get(catalogue.language) or entry.get(DEFAULT_LANGUAGE, key)


def fingerprint(folders: Sequence[Path]) -> tuple[tuple[str, str], ...]:
    """Every file under the override folders, by its bytes: a template may include any of
    them. Compiled templates and the pages made with them are reused only while this stays
    the same (Jinja would reload a file whose modification time changed, not one whose time
    was put back)."""
    found = []
    for folder in folders:
        for here, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(here, name)
                try:
                    with open(path, "rb") as handle:
                        digest = hashlib.sha256(handle.read()).hexdigest()
                except OSError:
                    digest = ""  # unreadable now and then alike: Jinja fails on it either way
                found.append((path, digest))
    return tuple(found)


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
        # one build renders with the files as they were compiled: a page never mixes an old
        # and a new template, and no page stats each file again (a changed override folder
        # gets new templates: ``fingerprint``)
        auto_reload=False,
    )

    def th(key: str, /, **args: Any) -> Markup:
        # Markup.format escapes every argument that is not already Markup (a macro's output)
        try:
            return Markup(escape(_raw(catalogue, key))).format(**args)
        except (KeyError, IndexError, ValueError):
            return Markup(escape(_raw(catalogue, key)))

    environment.globals["t"] = catalogue
    environment.globals["th"] = th
    environment.globals["language"] = catalogue.language
    return Templates(environment, catalogue)
