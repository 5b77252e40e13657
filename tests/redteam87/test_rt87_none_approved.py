"""Hole 1, its worse form: SM-P-01 V1.1's text shows chart.png, which no approval of SM-P-01
ever held (its copy leaves the picture out and says so; its page should drop the ``src``,
``_picture_links`` giving ""). On 2026-04-01 SM-P-02 V1.0, in force at once, adds chart.png
(blue) and shows it. Spelled ``..\\chart.png`` in raw HTML, SM-P-01's page keeps the ``src``
and the browser shows SM-P-02's chart beside SM-P-01's text: a picture SM-P-01's approval
never held, on its controlled page."""

from __future__ import annotations

from rt85_helpers import FLOW, NET, RED, approved, base, colours, net, png
from rt87_helpers import BLUE, browser_colours, built

CHART = "docs/procedures/chart.png"


def _scenario(tmp_path, text: str):
    s = base(tmp_path, text=text, files={FLOW: png(RED)})
    s.git.branch("net-1")
    s.files.write(CHART, png(BLUE))
    s.files.write(NET, net(day="2026-04-01", text="见 ![图](../procedures/chart.png) 网络正文"))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    return s


def test_control_markdown_spelling_the_page_drops_the_picture(tmp_path):
    s = _scenario(tmp_path, "见 ![流程](flow.png) 与 ![图](chart.png) 正文")
    assert colours(s, tmp_path) == {RED}  # set-up: the copy leaves chart.png out
    assert BLUE not in browser_colours(built(s, tmp_path))


def test_a_backslash_spelling_never_shows_a_chart_sm_p_01_never_held(tmp_path):
    s = _scenario(tmp_path, '见 ![流程](flow.png) 与 <img src="..\\chart.png" alt="图"> 正文')
    assert colours(s, tmp_path) == {RED}  # set-up: the copy leaves chart.png out
    seen = browser_colours(built(s, tmp_path))
    assert RED in seen  # set-up: the page is built with its own chart
    assert BLUE not in seen
