"""Round 116's shared histories: a secret file's earlier pre-control versions (the ones the
history no longer records), and pre-control commits that brought a chart beside a secret
text."""

from __future__ import annotations

from rt41_helpers import approve, png, secret_doc
from rt115_helpers import (
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

FIG2 = "docs/procedures/fig2.png"
MOVED = "docs/procedures/moved.md"
# SM-P-07 still `secret`, its text no longer naming the chart (fig.png stays in the tree)
DROPPED = secret_doc(text="SECRETBODYMARK 不再引用图片。")
# SM-P-07 still `secret`, naming another chart instead
OTHER_CHART = secret_doc(text="SECRETBODYMARK\n\n![图](fig2.png)")

__all__ = [
    "DROPPED",
    "FIG",
    "FIG2",
    "ID_MARKS",
    "MARKS",
    "MOVED",
    "OTHER_CHART",
    "PIXELS",
    "PUBLIC",
    "SECRET",
    "SECRET_TEXT",
    "brought_beside",
    "earlier_secret_version",
    "under_control",
]


def _unreadable(text: str, spelling: str) -> str:
    new = text.replace("confidentiality: secret", f"confidentiality: {spelling}")
    assert new != text
    return new


def earlier_secret_version(scenario, how: str, twin: bool = False):
    """Before control began: one commit holds the secret SM-P-07 (naming fig.png) and its
    chart (and a public twin claiming SM-P-07, ``twin``). A later pre-control commit, at the
    **same path and the same level**: ``none`` nothing; ``dropped`` the secret text no longer
    names the chart; ``other`` it names fig2.png instead (added beside); ``unreadable`` both
    versions carry a level history records as unreadable (``[secret]``, then ``7``: two
    spellings, one key), the second without the chart's name; ``moved`` the file moved
    (``git mv``) to moved.md, then its text made ``DROPPED`` there. The chart stays in the
    tree. After control began, one approval makes the public SM-P-01 show fig.png."""
    pre = Precontrol(scenario)
    first = _unreadable(SECRET_TEXT, "[secret]") if how == "unreadable" else SECRET_TEXT
    files: dict[str, str | bytes | None] = {SECRET: first, FIG: PIXELS}
    if twin:
        files[TWIN] = TWIN_TEXT
    pre.commit(files)
    if how == "dropped":
        pre.commit({SECRET: DROPPED}, "修订")
    elif how == "other":
        pre.commit({SECRET: OTHER_CHART, FIG2: png(b"OTHERPIXELS")}, "修订")
    elif how == "unreadable":
        pre.commit({SECRET: _unreadable(DROPPED, "7")}, "修订")
    elif how == "moved":
        pre.move(SECRET, MOVED)
        pre.commit({MOVED: DROPPED}, "修订")
    else:
        assert how == "none"
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    return s


def brought_beside(scenario):
    """Before control began: one commit brings the secret SM-P-07 (its text names no picture)
    and fig.png (the secret pixels), nothing else. After control began, one approval makes
    SM-P-01 show fig.png."""
    Precontrol(scenario).commit({SECRET: DROPPED, FIG: PIXELS})
    s = site_repo(scenario)
    page_shows(s, "fig.png", 1)
    return s


def under_control(scenario, how: str):
    """The same shapes made by approvals after control began: ``dropped`` SM-P-07 approved
    naming fig.png with the chart, then approved (V1.1, still secret) without the name;
    ``brought`` SM-P-07 approved with fig.png, its text naming none. Then SM-P-01 shows
    fig.png."""
    s = site_repo(scenario)
    if how == "dropped":
        approve(s, "cr-secret", {SECRET: SECRET_TEXT, FIG: PIXELS}, "新增受控文件", 1)
        approve(s, "cr-drop", {SECRET: DROPPED.replace("V1.0", "V1.1")}, "修订", 2)
    else:
        assert how == "brought"
        approve(s, "cr-secret", {SECRET: DROPPED, FIG: PIXELS}, "新增受控文件", 1)
    page_shows(s, "fig.png", 3)
    return s
