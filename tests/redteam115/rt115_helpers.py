"""Round 115's shared histories: public pages and secret files as they stood before control
began (``Precontrol`` commits), and control begun or not."""

from __future__ import annotations

from rt41_helpers import approve, body, png, procedure, secret_doc
from rt114_helpers import (
    COPY,
    FIG,
    ID_MARKS,
    MARKS,
    PIXELS,
    PUBLIC,
    SECRET,
    SECRET_TEXT,
    TWIN,
    TWIN_TEXT,
    Precontrol,
    page_shows,
)

from site_helpers import site_repo

OLD = "docs/procedures/old.png"  # the secret chart's name before a pre-control rename
OTHER = "docs/procedures/other.md"
HARMLESS = png(b"HARMLESSREDRAWN")
# SM-P-07 lowered to a publishable level before control began: without the chart's name,
# or still naming it
LOWERED = secret_doc(text="SECRETBODYMARK 降级后的正文。", level="internal")
LOWERED_NAMING = secret_doc(
    text="SECRETBODYMARK 降级后的正文。\n\n![图](fig.png)", level="internal"
)

__all__ = [
    "COPY",
    "FIG",
    "HARMLESS",
    "ID_MARKS",
    "LOWERED",
    "LOWERED_NAMING",
    "MARKS",
    "OLD",
    "PIXELS",
    "PUBLIC",
    "SECRET",
    "SECRET_TEXT",
    "TWIN",
    "TWIN_TEXT",
    "Precontrol",
    "baseline_page_picture",
    "lowered_before_control",
    "not_begun",
    "page_shows",
    "unrelated_approval",
]


def not_begun(scenario) -> None:
    """control_since a day no commit reaches (as while a project is being adopted): every
    commit stays before control, the tip's tree is the baseline."""
    scenario.set_config("control_since: 2026-01-02", "control_since: 2099-01-02")
    scenario.git.commit("受控起点待定", date="2026-01-01T10:10:00+08:00")


def unrelated_approval(s, number: int = 1) -> str:
    """An approval after control began that touches no picture (a new public SM-P-02)."""
    return approve(s, "cr-other", {OTHER: procedure(doc_id="SM-P-02", title="其他流程")},
                   "新增其他流程", number)  # fmt: skip


def baseline_page_picture(scenario, how: str, begun: bool = True):
    """Before control began: one commit holds the secret SM-P-07 (naming fig.png), its chart,
    and the public SM-P-01 (test.md, never approved since: its baseline text stays the page's)
    showing a picture with the chart's very bytes: ``copy.png`` (a copy), or for ``renamed``
    the chart itself under its first name ``old.png`` (which SM-P-07 named then). A later
    pre-control commit: ``none`` nothing; ``redraw`` copy.png redrawn (harmless bytes);
    ``delete`` copy.png deleted; ``renamed`` old.png moved to fig.png and SM-P-07 made to name
    fig.png. ``begun``: control begins (one unrelated approval after it) or never does."""
    if not begun:
        not_begun(scenario)
    pre = Precontrol(scenario)
    if how == "renamed":
        pre.commit({SECRET: secret_doc(text="SECRETBODYMARK\n\n![图](old.png)"), OLD: PIXELS,
                    PUBLIC: procedure(body=body("见下图。\n\n![图](old.png)"))})  # fmt: skip
        pre.move(OLD, FIG)
        pre.commit({SECRET: SECRET_TEXT}, "改图名")
    else:
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS, COPY: PIXELS,
                    PUBLIC: procedure(body=body("见下图。\n\n![图](copy.png)"))})  # fmt: skip
        if how == "redraw":
            pre.commit({COPY: HARMLESS}, "更新图片")
        elif how == "delete":
            pre.commit({COPY: None}, "删除图片")
        else:
            assert how == "none"
    s = site_repo(scenario)
    if begun:
        unrelated_approval(s)
    return s


def lowered_before_control(scenario, how: str, twin: bool):
    """Before control began: the secret SM-P-07 (naming fig.png) with its chart (and a public
    twin claiming SM-P-07, ``twin``); then, still before control, ``how``: ``none``;
    ``lowered`` its file rewritten at ``internal`` without the chart's name; ``lowered-naming``
    at ``internal`` still naming it; ``leave-return`` renumbered to SM-P-98, then back to
    SM-P-07 at ``internal`` without the name; ``deleted`` the file deleted. One approval after
    control began makes SM-P-01 show fig.png."""
    pre = Precontrol(scenario)
    files = {SECRET: SECRET_TEXT, FIG: PIXELS}
    if twin:
        files[TWIN] = TWIN_TEXT
    pre.commit(files)
    if how == "lowered":
        pre.commit({SECRET: LOWERED}, "降级")
    elif how == "lowered-naming":
        pre.commit({SECRET: LOWERED_NAMING}, "降级")
    elif how == "leave-return":
        pre.commit({SECRET: LOWERED.replace("id: SM-P-07", "id: SM-P-98")}, "改号")
        pre.commit({SECRET: LOWERED}, "改回")
    elif how == "deleted":
        pre.commit({SECRET: None}, "删除")
    else:
        assert how == "none"
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    return s
