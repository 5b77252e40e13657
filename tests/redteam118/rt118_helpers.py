"""Round 118's shared histories: a secret text that names its chart in a spelling MkDocs and
a browser resolve to the file but ``page_links.asset_target`` refuses: a relative path with a
literal colon (``./chart:v2.png``: MkDocs writes ``chart%3Av2.png``) or a path from the site's
root with backslashes (``\\procedures\\chart-v2.png``: left as written, read by the browser
as ``/procedures/chart-v2.png``), so no rule that reads a hidden text's names sees it; and a
pre-control side branch merged on main."""

from __future__ import annotations

from rt41_helpers import approve, procedure, secret_doc
from rt117_helpers import (
    ARCHIVE,
    FIG,
    ID_MARKS,
    MARKS,
    PIXELS,
    PLACEHOLDER,
    PUBLIC,
    SECRET,
    SECRET_TEXT,
    Precontrol,
    page_shows,
)

from site_helpers import site_repo

OTHER = "docs/procedures/other.md"
# (the file's name, how the secret text writes it, how the public page writes it): the trick,
# and the control: the same history with the plain relative name ./chart-v2.png
COLON = ("chart:v2.png", "./chart:v2.png", "chart%3Av2.png")
# from the site's root with backslashes, which MkDocs leaves as written and a browser reads as
# /procedures/chart-v2.png (WHATWG: a backslash is a slash in an http(s) URL)
BACKSLASH = ("chart-v2.png", "\\procedures\\chart-v2.png", "chart-v2.png")
PLAIN = ("chart-v2.png", "./chart-v2.png", "chart-v2.png")

__all__ = [
    "ARCHIVE",
    "BACKSLASH",
    "COLON",
    "FIG",
    "ID_MARKS",
    "MARKS",
    "OTHER",
    "PIXELS",
    "PLAIN",
    "PUBLIC",
    "SECRET",
    "SECRET_TEXT",
    "Precontrol",
    "colon_before_control",
    "colon_under_control",
    "page_shows",
    "redrawn_on_a_side_branch",
]


def _naming(written: str) -> str:
    return secret_doc(text=f"SECRETBODYMARK\n\n![图]({written})")


def colon_before_control(scenario, names: tuple[str, str, str], copied: bool = False):
    """Before control began: one commit holds the secret SM-P-07, whose text shows
    ``names[1]``, and its chart at ``docs/procedures/<names[0]>``. ``copied``: a later
    pre-control commit copies the chart to archive.png. After control began, one approval
    makes the public SM-P-01 show ``names[2]`` (or archive.png)."""
    name, written, shown = names
    pre = Precontrol(scenario)
    pre.commit({SECRET: _naming(written), f"docs/procedures/{name}": PIXELS})
    if copied:
        pre.commit({ARCHIVE: PIXELS}, "归档旧图")
    s = site_repo(scenario)
    page_shows(s, "archive.png" if copied else shown, 1)
    return s


def colon_under_control(scenario, names: tuple[str, str, str], how: str):
    """After control began, ``how``: ``mixed``: one approval holds the secret SM-P-07 (its
    text shows ``names[1]``), its chart at ``docs/procedures/<names[0]>`` and a new public
    SM-P-02 that shows no picture; ``alone``: the same without SM-P-02; ``redrawn``: SM-P-07
    approved alone with a placeholder there, then an approval of the picture alone (no
    document) redraws it with the chart. A later approval makes SM-P-01 show ``names[2]``."""
    name, written, shown = names
    picture = f"docs/procedures/{name}"
    s = site_repo(scenario)
    first = PLACEHOLDER if how == "redrawn" else PIXELS
    files: dict[str, str | bytes] = {SECRET: _naming(written), picture: first}
    if how == "mixed":
        files[OTHER] = procedure(doc_id="SM-P-02", title="其他流程")
    else:
        assert how in ("alone", "redrawn")
    approve(s, "cr-secret", files, "新增受控文件", 1)
    if how == "redrawn":
        approve(s, "cr-redraw", {picture: PIXELS}, "更新流程图", 2)
    page_shows(s, shown, 3)
    return s


def redrawn_on_a_side_branch(scenario):
    """Before control began: SM-P-07 (naming fig.png) with fig.png's placeholder on main. A
    side branch redraws fig.png with the chart (the text unchanged), then copies it to
    archive.png and puts fig.png's placeholder back, so the merge's fig.png is main's (the
    merge is TREESAME to both parents for fig.png: a path-limited ``git log`` without ``-m``
    would prune the side branch). Merged ``--no-ff`` before control began; after it began,
    SM-P-01 shows archive.png."""
    pre = Precontrol(scenario)
    pre.commit({SECRET: SECRET_TEXT, FIG: PLACEHOLDER})
    git = scenario.git
    git.branch("side")
    pre.commit({FIG: PIXELS}, "更新流程图")
    pre.commit({ARCHIVE: PIXELS, FIG: PLACEHOLDER}, "归档旧图")
    git.checkout("main")
    git.merge_message("合并 side", "side", date=pre.date())
    s = site_repo(scenario)
    page_shows(s, "archive.png", 1)
    return s
