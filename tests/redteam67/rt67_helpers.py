"""Round 67: an approved mkdocs.yml that inherits a base file in a form MkDocs' loader (PyYAML's
pure `yaml.Loader` with `!ENV` and `!relative`) reads and history's event reader does not, then
a push to the base file naming a hostile hook (round 66's EVIL_HOOK)."""

from __future__ import annotations

import os

from rt41_helpers import site_with_secret
from rt66_helpers import BENIGN_BASE

# a top-level line of mkdocs.yml naming base.yml, or a rewrite of the whole file
Form = tuple[str, str]  # (how: "prepend" | "append" | "encode", text)


def approved_chain(scenario, how: str, line: str, real: str = "base.yml", links=()):
    """Round 41's site, then one approved merge (刘静 + 陈明远) making mkdocs.yml inherit a
    base file that names no hook. ``how``: "prepend"/"append" ``line``, "utf-16" writes the
    whole file in UTF-16 (with ``line`` first). ``real``: the file MkDocs reads as the base;
    ``links``: (link, target) pairs written as symbolic links."""
    s = site_with_secret(scenario)
    yml = (s.root / "mkdocs.yml").read_text("utf-8")
    s.git.branch("cr-base")
    if how == "append":
        s.files.write("mkdocs.yml", yml + line)
    elif how == "utf-16":
        s.files.write("mkdocs.yml", (line + yml).encode("utf-16"))
    else:
        s.files.write("mkdocs.yml", line + yml)
    s.files.write(real, BENIGN_BASE)
    for name, target in links:
        link = s.root / name
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(os.path.relpath(target, os.path.dirname(name) or "."), link)
    s.git.commit("站点公共配置（草稿）", who="zhaolei")
    s.git.merge("cr-base", "站点公共配置", number=2, approvers=("liujing", "chenmy"))
    return s
