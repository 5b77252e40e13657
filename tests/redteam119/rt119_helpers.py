"""Round 119's shared histories: a secret text that shows its chart in a spelling MkDocs or a
browser resolve to the file but ``page_links.images_named`` (the generous reader of hidden
texts) does not: a Markdown target whose %-escapes start it with a slash
(``%2Fprocedures%2Fchart-v2.png``: MkDocs unquotes the path, joins it to the page's folder,
strips the leading slash and so reads it from docs/), or a name inside ``srcset``, an inline
style's ``url(...)`` or a Mermaid image node holding a character the word reader splits at
(``chart(1).png``, ``chart=v2.png``), or a Markdown target with a character reference
(``chart&#46;png``), which MkDocs leaves as written and the browser reads from the page's URL."""

from __future__ import annotations

from rt41_helpers import approve, procedure, secret_doc
from rt117_helpers import (
    ARCHIVE,
    ID_MARKS,
    MARKS,
    PIXELS,
    PLACEHOLDER,
    PUBLIC,
    SECRET,
    Precontrol,
    page_shows,
)

from site_helpers import site_repo

OTHER = "docs/procedures/other.md"

# (the file's name under docs/procedures/, the secret text's line that shows it, how the
# public page SM-P-01 writes it)
# hole 1: a Markdown target %-escaped to start with "/": MkDocs reads it from docs/
ROOT_ESCAPED = ("chart-v2.png", "![图](%2Fprocedures%2Fchart-v2.png)", "chart-v2.png")
# hole 2: the word reader splits a name at ( ) = ; | [ ] , { } < >
SRCSET = ("chart(1).png", '<img alt="图" srcset="../chart(1).png 2x">', "chart(1).png")
STYLE = (
    "chart=v2.png",
    '<div style="background-image:url(../chart=v2.png)">图</div>',
    "chart=v2.png",
)
MERMAID = (
    "chart=v2.png",
    "```mermaid\nflowchart TD\n    A@{ img: ../chart=v2.png, h: 60 }\n```",
    "chart=v2.png",
)
# hole 3: a Markdown target holding a character reference: MkDocs leaves it as written
# (Python-Markdown's AMP_SUBSTITUTE), so the browser reads it from the page's URL
# (procedures/secret/), not from the file's folder
ENTITY = ("secret/chart.png", "![图](chart&#46;png)", "secret/chart.png")
# controls: the same histories with a plain name the reader sees
PLAIN = ("chart-v2.png", "![图](chart-v2.png)", "chart-v2.png")
PLAIN_SRCSET = ("chart-v2.png", '<img alt="图" srcset="../chart-v2.png 2x">', "chart-v2.png")
PLAIN_FOLDER = ("secret/chart.png", "![图](secret/chart.png)", "secret/chart.png")

__all__ = [
    "ARCHIVE",
    "ENTITY",
    "ID_MARKS",
    "MARKS",
    "MERMAID",
    "OTHER",
    "PIXELS",
    "PLAIN",
    "PLAIN_FOLDER",
    "PLAIN_SRCSET",
    "PUBLIC",
    "ROOT_ESCAPED",
    "SECRET",
    "SRCSET",
    "STYLE",
    "before_control",
    "history",
    "under_control",
]


def _naming(line: str) -> str:
    return secret_doc(text=f"SECRETBODYMARK\n\n{line}")


def before_control(scenario, names: tuple[str, str, str], copied: bool = False):
    """Before control began: one commit holds the secret SM-P-07, whose text shows the chart
    by ``names[1]``, and the chart at ``docs/procedures/<names[0]>``. ``copied``: a later
    pre-control commit copies the chart to archive.png. After control began, one approval
    makes the public SM-P-01 show ``names[2]`` (or archive.png)."""
    name, line, shown = names
    pre = Precontrol(scenario)
    pre.commit({SECRET: _naming(line), f"docs/procedures/{name}": PIXELS})
    if copied:
        pre.commit({ARCHIVE: PIXELS}, "归档旧图")
    s = site_repo(scenario)
    page_shows(s, "archive.png" if copied else f"<{shown}>", 1)
    return s


def under_control(scenario, names: tuple[str, str, str], how: str):
    """After control began, ``how``: ``mixed``: one approval holds the secret SM-P-07 (its
    text shows the chart by ``names[1]``), the chart and a new public SM-P-02 that shows no
    picture; ``alone``: the same without SM-P-02; ``redrawn``: SM-P-07 approved alone with a
    placeholder there, then an approval of the picture alone redraws it with the chart. A
    later approval makes SM-P-01 show ``names[2]``."""
    name, line, shown = names
    picture = f"docs/procedures/{name}"
    s = site_repo(scenario)
    first = PLACEHOLDER if how == "redrawn" else PIXELS
    files: dict[str, str | bytes] = {SECRET: _naming(line), picture: first}
    if how == "mixed":
        files[OTHER] = procedure(doc_id="SM-P-02", title="其他流程")
    else:
        assert how in ("alone", "redrawn")
    approve(s, "cr-secret", files, "新增受控文件", 1)
    if how == "redrawn":
        approve(s, "cr-redraw", {picture: PIXELS}, "更新流程图", 2)
    page_shows(s, f"<{shown}>", 3)
    return s


def history(scenario, case: str, names: tuple[str, str, str]):
    """``before``, ``copied`` (before control began), ``mixed``, ``redrawn`` (under it)."""
    if case in ("before", "copied"):
        return before_control(scenario, names, copied=case == "copied")
    return under_control(scenario, names, case)
