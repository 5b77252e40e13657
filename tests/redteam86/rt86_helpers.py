"""What the round 86 tests share: round 85's SM-P-01 V1.1 (red chart, copy 02 issued
2026-03-12) and SM-P-02 V1.0 redrawing the shared chart blue for a later day; a second
copy record; ``pdf`` as of any day."""

from __future__ import annotations

from pypdf import PdfReader
from rt74_helpers import run
from rt85_helpers import BLUE, FLOW, NET, RED, approved, base, net, png, review

from builders import PROJECT

__all__ = ["BLUE", "RED", "copy_colours", "issue", "waiting_blue"]


def issue(s, number: str, day: str, version: str = "V1.1", doc: str = "SM-P-01") -> None:
    """王芳 issues copy ``number`` of ``doc`` ``version`` to 赵磊 on ``day`` (its own record)."""
    import shutil

    shutil.copy(
        PROJECT / "schemas/records/document-distribution.schema.json",
        s.root / "schemas/records/document-distribution.schema.json",
    )
    rid = f"DST-2026-1{number}"
    s.files.write(
        f"records/document-distribution/{rid}.yaml",
        f"id: {rid}\ntitle: {doc} {version} 发放受控副本 {number}\n"
        f"document: {doc}\nversion: {version}\nreason: revision\n"
        "copy_type: printed-controlled\n"
        f"distributed_by: wangfang\ndistributed_date: {day}\n"
        f"copies:\n  - {{copy_number: '{number}', holder: zhaolei}}\nstatus: distributed\n",
    )
    s.git.commit(f"发放 {number}", who="wangfang", date=f"{day}T12:00:00+08:00")


def copy_colours(s, tmp_path, day: str, doc: str = "SM-P-01") -> set[tuple[int, int, int]]:
    """The colours of the images ``pdf doc --as-of day`` embeds."""
    out = tmp_path / f"copy-{doc}-{day}.pdf"
    made = run(s, "pdf", doc, "--as-of", day, "-o", str(out))
    assert made.returncode == 0, made.stdout + made.stderr
    return {
        image.image.convert("RGB").getpixel((0, 0))
        for page in PdfReader(out).pages
        for image in page.images
    }


def waiting_blue(tmp_path, day: str = "2026-06-01", reviewed: bool = True, site_pdf=False):
    """Round 85's hole 1 set-up: SM-P-02 V1.0 (approved 2026-04-01, in force from ``day``)
    redraws the shared chart blue; a periodic review of SM-P-01 V1.1 on 2026-04-10."""
    s = base(tmp_path, site_pdf=site_pdf)
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(NET, net(day=day))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    if reviewed:
        review(s)
    return s
