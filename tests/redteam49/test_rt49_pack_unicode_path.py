"""Round 49: a signed audit pack whose entries carry Info-ZIP's Unicode Path extra field
(0x7075). Python's zipfile (and so `--verify`) ignores it and reads each entry under its
header name; Info-ZIP `unzip` (and 7-Zip, libarchive) extract the entry under the name the
extra field gives. The strict layout check (`auditpack._layout`) compares only the extra
field's length between local header and itself, so a pack whose bytes are all its own entries,
its manifest and signature untouched, verifies as 'intact, signed by 王芳' while `unzip`
writes each document's file under another's name."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zipfile
import zlib

from rt46_helpers import PERIOD, run, signed_repo


def _unicode_path(header_name: str, shown: str) -> bytes:
    data = b"\x01" + struct.pack("<I", zlib.crc32(header_name.encode("cp437"))) + shown.encode()
    return struct.pack("<2H", 0x7075, len(data)) + data


def _relabel(genuine, forged, swap: dict[str, str]) -> None:
    """Copy every entry byte for byte in content (same names, same data), adding a Unicode
    Path field to the entries in ``swap`` naming them as ``swap`` says."""
    with zipfile.ZipFile(genuine) as src, zipfile.ZipFile(forged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            new = zipfile.ZipInfo(info.filename, info.date_time)
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            new.create_system = info.create_system
            if info.filename in swap:
                new.extra = _unicode_path(info.filename, swap[info.filename])
            dst.writestr(new, data)


def test_a_pack_that_unzips_under_other_names_is_not_verified_intact(tmp_path):
    s, wang, _ = signed_repo(tmp_path)
    genuine = tmp_path / "genuine.zip"
    made = run(s.root, "audit-pack", *PERIOD, "-o", str(genuine), "--sign", str(wang))
    assert made.returncode == 0, made.stderr
    names = zipfile.ZipFile(genuine).namelist()
    # the register an auditor opens is the trail, and the trail the register
    a, b = "register/register.csv", "history/trail.csv"
    assert a in names and b in names, names
    forged = tmp_path / "forged.zip"
    _relabel(genuine, forged, {a: b, b: a})
    if shutil.which("unzip"):
        out = tmp_path / "unpacked"
        subprocess.run(["unzip", "-q", str(forged), "-d", str(out)], check=True)
        with zipfile.ZipFile(genuine) as z:
            # what the auditor opens as ``a`` is the pack's ``b``
            assert (out / a).read_bytes() == z.read(b)
    genuine_said = run(s.root, "audit-pack", "--verify", str(genuine))
    said = run(s.root, "audit-pack", "--verify", str(forged))
    assert "Traceback" not in said.stderr, said.stderr
    assert genuine_said.returncode == 0, genuine_said.stdout + genuine_said.stderr
    assert said.returncode != 0, said.stdout + "\n---\n" + genuine_said.stdout
