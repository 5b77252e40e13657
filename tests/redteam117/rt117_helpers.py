"""Round 117's shared histories: a secret text's chart redrawn before control began while the
text stood unchanged (the bytes in between, which neither the text's commit nor the tree
control began with holds at the name), and a declared adoption (``control_since: <commit>``
set by an approval, as ``doccontrol baseline`` makes it)."""

from __future__ import annotations

from rt41_helpers import png
from rt116_helpers import (
    DROPPED,
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

from history_helpers import make_scenario
from site_helpers import site_repo

ARCHIVE = "docs/procedures/archive.png"
# what the secret chart held when its text was committed, and after it was redrawn
PLACEHOLDER = png(b"PLACEHOLDERPIXELS")
HARMLESS = png(b"HARMLESSREDRAWN")

__all__ = [
    "ARCHIVE",
    "DROPPED",
    "FIG",
    "HARMLESS",
    "ID_MARKS",
    "MARKS",
    "PIXELS",
    "PLACEHOLDER",
    "PUBLIC",
    "SECRET",
    "SECRET_TEXT",
    "TWIN",
    "TWIN_TEXT",
    "Precontrol",
    "adopt",
    "adoptable",
    "between_under_control",
    "between_versions",
    "page_shows",
]


def adoptable(tmp_path):
    """The scenario with ``control_since: null`` from its import on: nothing is controlled
    until an approval declares the baseline (``adopt``)."""
    return make_scenario(tmp_path, "control_since: 2026-01-02", "control_since: null")


def adopt(s) -> str:
    """The declared adoption as ``doccontrol baseline`` makes it: a branch from main's tip
    setting ``control_since`` to that commit, merged by an approver of the configuration."""
    tip = s.git.head()
    s.git.branch("adopt")
    s.set_config("control_since: null", f"control_since: '{tip}'")
    s.git.commit("声明基线", who="zhouqiang")
    return s.git.merge(
        "adopt", "批准基线", approvers=("chenmy",), reviewers=("wangfang",), number=9
    )


def between_versions(scenario, how: str, adoption: bool = False):
    """Before control began: the secret SM-P-07 (naming fig.png) is committed with fig.png
    holding placeholder bytes (``absent``: with no fig.png yet); a later commit redraws
    fig.png with the secret chart (the text unchanged); a third, still before control,
    ``moved``: ``git mv fig.png archive.png``; ``copied``: archive.png holds the chart and
    fig.png is redrawn harmless; ``absent``: the move. Control ``direct``: the chart is
    committed with the text (no redraw between), then moved. The secret text names
    fig.png throughout. ``adoption``: control begins by a declared adoption, else by the
    scenario's date. After control began, one approval makes the public SM-P-01 show
    archive.png."""
    pre = Precontrol(scenario)
    if how == "absent":
        pre.commit({SECRET: SECRET_TEXT})
    elif how == "direct":
        pre.commit({SECRET: SECRET_TEXT, FIG: PIXELS})
    else:
        pre.commit({SECRET: SECRET_TEXT, FIG: PLACEHOLDER})
    if how != "direct":
        pre.commit({FIG: PIXELS}, "更新流程图")
    if how == "copied":
        pre.commit({ARCHIVE: PIXELS, FIG: HARMLESS}, "归档旧图")
    else:
        assert how in ("moved", "absent", "direct")
        pre.move(FIG, ARCHIVE)
    s = site_repo(scenario)
    if adoption:
        adopt(s)
    page_shows(s, "archive.png", 1)
    return s


def between_under_control(scenario):
    """The same steps as approvals after control began: SM-P-07 approved naming fig.png with
    the placeholder; fig.png redrawn with the chart (an approval of the picture alone);
    ``git mv fig.png archive.png`` approved; then SM-P-01 shows archive.png."""
    from rt41_helpers import approve

    s = site_repo(scenario)
    approve(s, "cr-secret", {SECRET: SECRET_TEXT, FIG: PLACEHOLDER}, "新增受控文件", 1)
    approve(s, "cr-redraw", {FIG: PIXELS}, "更新流程图", 2)
    s.git.branch("cr-move")
    s.git.run("mv", FIG, ARCHIVE)
    s.git.commit("归档旧图", who="zhaolei")
    s.git.merge("cr-move", "归档旧图", number=3, approvers=("liujing", "chenmy"))
    page_shows(s, "archive.png", 4)
    return s
