"""Session 28: `GitReader.regular_file_at` follows links inside the tree one step at a time,
and `named_paths` controls the path mkdocs.yml names and the path the file really is at. The
links *between* them are controlled by nothing: a push that retargets the middle link of a
chain changes the file MkDocs inherits, and no rule sees it."""

from __future__ import annotations

import os

import pytest
from rt65_helpers import strict_outcome
from rt66_helpers import BASE_MARK, EVIL_HOOK, HOOK, HOOKED_BASE
from rt67_helpers import approved_chain

# (INHERIT line, the file MkDocs reads, the links, the link a push retargets, or None to push
# the real file itself)
LAYOUTS = {
    # control: one link, the push changes the file it points at (controlled: DC516)
    "one-link": (
        "INHERIT: base.yml\n",
        "site_config/base.yml",
        (("base.yml", "site_config/base.yml"),),
        None,
    ),
    # a file link to a file link: base.yml -> shared.yml -> site_config/base.yml
    "file-chain": (
        "INHERIT: base.yml\n",
        "site_config/base.yml",
        (("base.yml", "shared.yml"), ("shared.yml", "site_config/base.yml")),
        "shared.yml",
    ),
    # a folder link to a folder link: conf -> shared -> site_config
    "folder-chain": (
        "INHERIT: conf/base.yml\n",
        "site_config/base.yml",
        (("conf", "shared"), ("shared", "site_config")),
        "shared",
    ),
}


def _push(s, layout: str) -> None:
    """赵磊's direct push: the hooked base file and the hostile hook, reached by retargeting the
    middle link to evil_config/ (or, for the control, written into the real file)."""
    _, real, _, moved = LAYOUTS[layout]
    if moved is None:
        s.files.write(real, HOOKED_BASE)
    else:
        s.files.write("evil_config/base.yml", HOOKED_BASE)
        target = "evil_config" if moved == "shared" else "evil_config/base.yml"
        (s.root / moved).unlink()
        os.symlink(target, s.root / moved)
    s.files.write(HOOK, EVIL_HOOK)
    s.git.commit("站点钩子", who="zhaolei")


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_retargeting_a_middle_link_is_an_unapproved_change(scenario, tmp_path, layout):
    """Holes `file-chain`, `folder-chain` (medium): the trail passes, the strict build runs the
    pushed hook from evil_config/base.yml, is stamped and publishes SM-P-07. Control
    `one-link` (passes): a push to the real file is DC516."""
    line, real, links, _ = LAYOUTS[layout]
    s = approved_chain(scenario, "prepend", line, real, links)
    _push(s, layout)
    trail, built, stamped, found = strict_outcome(s, tmp_path / "site")
    assert trail != 0 or (not stamped and found == []), (trail, built, stamped, found)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_linked_chain_builds_clean(scenario, tmp_path, layout):
    """Control (passes): as approved, MkDocs inherits site_config/base.yml through the links,
    the build is strict, stamped and clean, the trail clean."""
    line, real, links, _ = LAYOUTS[layout]
    s = approved_chain(scenario, "prepend", line, real, links)
    out = tmp_path / "site"
    assert strict_outcome(s, out) == (0, 0, True, [])
    assert BASE_MARK in (out / "index.html").read_text("utf-8")
