"""What the round 75 and later tests share: a procedure whose flow chart is redrawn with a
version, built into a real site."""

from __future__ import annotations

from history_helpers import body, make_scenario
from rules_attacks import png
from site_helpers import mkdocs, site_repo

FLOW = "docs/procedures/flow.png"
BOTH = ("liujing", "chenmy")  # the procedure's approver and the image's


def flow_chart_site(tmp_path, v12_day: str, as_of: str | None = None):
    """SM-P-01 V1.1 (第一版正文) with flow chart FLOW-V1.1, in force from 2026-03-10; V1.2
    (第二版正文) with the chart redrawn (FLOW-V1.2), approved on 2026-04-10 to take effect on
    ``v12_day``. The site builds as of ``as_of`` when given."""
    s = site_repo(make_scenario(tmp_path), as_of=as_of)
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(
        version="V1.1", body=body("见 ![流程](flow.png) 第一版正文"), effective_date="2026-03-10"
    )
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    s.git.branch("cr-2")
    s.files.write(FLOW, png(b"FLOW-V1.2"))
    s.files.doc(
        version="V1.2", body=body("见 ![流程](flow.png) 第二版正文"), effective_date=v12_day
    )
    s.git.commit("改流程图", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "改流程图", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return s


def revised(s, version: str, text: str, day: str) -> None:
    """A third approval, on 2026-04-20: ``version`` with ``text``, to take effect on ``day``;
    the picture left as V1.2 drew it."""
    s.git.branch("cr-3")
    s.files.doc(version=version, body=body(f"见 ![流程](flow.png) {text}"), effective_date=day)
    s.git.commit("再修订", who="zhaolei", date="2026-04-12T10:00:00+08:00")
    s.git.merge("cr-3", "再修订", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)


def built(s, tmp_path, strict: bool = False):
    """The real `mkdocs build` into tmp_path/site, which must succeed."""
    out = tmp_path / "site"
    result = mkdocs(s.root, out, strict)
    assert result.returncode == 0, result.stderr
    return out


def page_text(out) -> str:
    return (out / "procedures/test/index.html").read_text(encoding="utf-8")


def picture(out) -> bytes:
    return (out / "procedures/flow.png").read_bytes()


def drawn(label: str) -> bytes:
    return png(label.encode())
