"""Hole 5: after an approved folder move, ``pdf`` leaves out the chart the site shows.

SM-P-01 V1.1 (docs/procedures/test.md, flow.png red) approved on 2026-03-10; a periodic
review of V1.1 approved on 2026-04-10 moves docs/procedures/ to docs/ops/ (text and chart,
``git mv``; the text unchanged). The site gives V1.1 at ops/test/ with ops/flow.png (red), and
``recall-due`` keeps copy 02 (round 82: a folder moved with its pictures is the same print).
``pdf`` resolves the image from the path of the version in force (docs/procedures/test.md,
``CopyFacts.path``) but reads it where the approval the cover names (the review) stands
(``approved_reader(..., found.commit)``): docs/procedures/flow.png, which that commit no
longer holds. The copy is printed without its chart ("图片 flow.png 未嵌入"): a controlled
copy missing an approved figure, while ``recall-due`` says a copy printed now is the same
print as copy 02."""

from __future__ import annotations

from rt84_helpers import RED, colours
from test_rt84_renamed_picture import _folder_moved


def test_a_copy_printed_after_the_move_embeds_the_chart(tmp_path):
    assert colours(_folder_moved(tmp_path, push=False), tmp_path) == {RED}
