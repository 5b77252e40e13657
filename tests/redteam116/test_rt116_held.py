"""Things tried against this session's ``source`` rule (a commit that is no approval and not
main's tip is read in the tree control began with) that held."""

from __future__ import annotations

import pytest
from rt41_helpers import built_site, leaks
from rt115_helpers import ID_MARKS, baseline_page_picture

from secret_figures import pdf_images


@pytest.mark.parametrize("how", ["none", "redraw", "delete", "renamed"])
@pytest.mark.parametrize("begun", [True, False], ids=["begun", "not-begun"])
def test_held_a_baseline_page_with_main_tip_no_approval(scenario, tmp_path, how, begun):
    """Round 115 hole 1's histories, then main's tip a commit that changes nothing
    controlled (a README outside docs/): the tip is no approval (``source`` reads it as main
    stands), the baseline page's pictures are read and judged in the tree control began
    with."""
    s = baseline_page_picture(scenario, how, begun)
    s.files.write("README.md", "# 说明\n")
    s.git.commit("说明")
    history = s.history()
    assert history.head not in {e.commit for e in history.events}
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    if how != "redraw":
        assert pdf_images(s, tmp_path / "copy.pdf") == 0
