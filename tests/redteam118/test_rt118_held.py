"""What held in round 118.

- A secret text's chart redrawn **on a side branch** before control began (the text on main
  unchanged), copied there to archive.png with fig.png's placeholder put back, merged
  ``--no-ff`` so the merge is TREESAME to both parents for fig.png: ``blobs_held``'s
  ``git log -m`` walks the side branch (``-m`` turns off the default history simplification
  that would prune it), the chart is the secret's and archive.png stays back."""

from __future__ import annotations

from rt41_helpers import built_site, leaks
from rt118_helpers import ID_MARKS, redrawn_on_a_side_branch

from secret_figures import pdf_images


def test_held_a_chart_redrawn_on_a_merged_side_branch(scenario, tmp_path):
    s = redrawn_on_a_side_branch(scenario)
    assert "合并 side" in s.git.run("log", "--merges", "--format=%s"), "the merge is on main"
    assert leaks(built_site(s, tmp_path / "site"), ID_MARKS) == []
    assert pdf_images(s, tmp_path / "copy.pdf") == 0
