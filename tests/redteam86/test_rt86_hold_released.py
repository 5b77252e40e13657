"""Hole 1: a copy printed while a hold was in force keeps the held (old) chart; once the hold
is released ``recall-due`` judges that copy's print with the day's holds (none), so it says
the copy embeds what a copy printed now embeds, and keeps it.

SM-P-01 V1.1 shows flow.png (red), approved 2026-03-10; copy 02 issued 2026-03-12. On
2026-04-01 SM-P-02 V1.0 (in force from 2026-06-01) redraws the shared chart blue; on
2026-04-10 a periodic review of SM-P-01 V1.1 is approved (round 85, hole 1). Copy 03 is issued
on 2026-05-01: ``pdf --as-of 2026-05-01`` prints the red chart (held back for SM-P-02). On
2026-06-15 SM-P-02 is in force: ``pdf`` prints blue, and copy 02 (red) is recalled; copy 03
holds the same red chart but is kept: ``copies._embedded`` reads its print at the review with
the holds of 2026-06-15, when nothing is held, and ``_same_print`` finds its approval is the
one a copy printed now names (``source.commit == now.commit``)."""

from __future__ import annotations

from rt78_helpers import due_copies
from rt86_helpers import BLUE, RED, copy_colours, issue, waiting_blue


def _scenario(tmp_path):
    s = waiting_blue(tmp_path)
    issue(s, "03", "2026-05-01")
    return s


def test_setup_copy_03_printed_red_and_a_copy_printed_after_the_day_is_blue(tmp_path):
    s = _scenario(tmp_path)
    assert copy_colours(s, tmp_path, "2026-05-01") == {RED}  # what copy 03 holds
    assert copy_colours(s, tmp_path, "2026-06-15") == {BLUE}  # what a copy printed now holds


def test_control_before_the_day_both_copies_are_kept(tmp_path):
    assert due_copies(_scenario(tmp_path), "2026-05-20") == []


def test_control_copy_02_red_is_recalled_once_blue_is_in_force(tmp_path):
    assert "02" in due_copies(_scenario(tmp_path), "2026-06-15")


def test_copy_03_red_is_recalled_once_blue_is_in_force(tmp_path):
    assert due_copies(_scenario(tmp_path), "2026-06-15") == ["02", "03"]


def _pack_copies(s, tmp_path, end: str) -> list[str]:
    import json
    import zipfile

    from rt74_helpers import run

    pack = tmp_path / "pack.zip"
    made = run(s, "audit-pack", "--from", "2026-01-01", "--to", end, "-o", str(pack))
    assert made.returncode == 0, made.stdout + made.stderr
    with zipfile.ZipFile(pack) as archive:
        return [d["copy_number"] for d in json.loads(archive.read("register/recall-due.json"))]


def test_control_the_audit_pack_recalls_copy_02(tmp_path):
    assert "02" in _pack_copies(_scenario(tmp_path), tmp_path, "2026-06-15")


def test_the_audit_pack_recalls_copy_03(tmp_path):
    assert _pack_copies(_scenario(tmp_path), tmp_path, "2026-06-15") == ["02", "03"]
