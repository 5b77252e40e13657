"""Audit packs that cannot be forged: signed with real `ssh-keygen` keys made here, verified by
the real CLI, and every tampering the issue names (issue 11, attack 14) rejected with one line
and exit 1; a zip bomb stopped in bounded memory; a head force-pushed off main reported."""

from __future__ import annotations

import json
import resource
import stat
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from builders import RepoBuilder
from doccontrol import auditpack, catalogue
from history_helpers import Scenario, body

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")
MiB = 1024 * 1024
MANIFEST_LINE = f"{'0' * 64}  register/register.csv\n"  # the bomb's manifest


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def keypair(folder: Path, name: str) -> tuple[Path, str]:
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


class Packs:
    def __init__(self, s: Scenario, keys: Path, wang: Path, wang_pub: str) -> None:
        self.s, self.keys, self.wang, self.wang_pub = s, keys, wang, wang_pub
        self.root = s.root

    def make(self, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
        return run(self.root, "audit-pack", *PERIOD, "-o", str(out), *extra)

    def verify(self, pack: Path, *extra: str, cwd: Path | None = None) -> tuple[int, list[str]]:
        result = run(cwd or self.root, "audit-pack", "--verify", str(pack), *extra)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        return result.returncode, [
            line.removeprefix(f"{pack}: ") for line in result.stdout.splitlines()
        ]


def make_packs(tmp_path: Path) -> Packs:
    """A repository whose doccontrol.yml gives 王芳 (wangfang) an SSH signing key, with one
    approved change; keys live outside the repository."""
    keys = tmp_path / "keys"
    keys.mkdir()
    wang, wang_pub = keypair(keys, "wang")
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config(
        "roles: [qa-manager, document-controller, internal-auditor]}",
        f'roles: [qa-manager, document-controller, internal-auditor], signing_keys: ["{wang_pub}"]}}',
    )
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T10:00:00+08:00")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订"))
    s.git.commit("修订", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.checkout("main")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    return Packs(s, keys, wang, wang_pub)


@pytest.fixture
def packs(tmp_path: Path) -> Packs:
    """A repository of its own, for tests that change it."""
    return make_packs(tmp_path)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Packs, Path]:
    """One repository and one signed pack for the tampering tests, which only read them."""
    folder = tmp_path_factory.mktemp("shared")
    made = make_packs(folder)
    return made, signed_pack(made, folder)


def signed_pack(packs: Packs, tmp_path: Path, name: str = "signed.zip") -> Path:
    out = tmp_path / name
    made = packs.make(out, "--sign", str(packs.wang))
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().endswith(f"signed with {packs.wang}")
    return out


def rezip(
    source: Path,
    target: Path,
    edit: Callable[[str, bytes], bytes | None] = lambda name, data: data,
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of a pack with entries edited (None drops one) and entries added, written with
    zipfile directly, as a forger would."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = edit(info.filename, src.read(info.filename))
            if data is not None:
                out.writestr(info, data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicates we plant
            for name, data in (add or {}).items():
                out.writestr(zipfile.ZipInfo(name, date_time=auditpack.FIXED_TIME), data)
    return target


def recompute_manifest(pack: Path) -> Callable[[str, bytes], bytes | None]:
    """An edit that rewrites MANIFEST.sha256 to match the (already edited) entries."""
    with zipfile.ZipFile(pack) as archive:
        entries = {
            i.filename: archive.read(i.filename)
            for i in archive.infolist()
            if i.filename not in (auditpack.MANIFEST, auditpack.SIGNATURE)
        }

    def edit(name: str, data: bytes) -> bytes | None:
        if name == "register/register.csv":
            return entries[name]
        if name == auditpack.MANIFEST:
            return auditpack.manifest_bytes(entries)
        return data

    entries["register/register.csv"] = entries["register/register.csv"].replace(b"V1.1", b"V9.9")
    return edit


# --- signing and the good path ----------------------------------------------------------------


def test_signed_pack_verifies_names_the_signer_and_is_byte_identical(packs, tmp_path):
    first = signed_pack(packs, tmp_path, "a.zip")
    second = signed_pack(packs, tmp_path, "b.zip")
    # Ed25519 SSH signatures are deterministic (no nonce, no timestamp): same bytes again
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        info = json.loads(archive.read(auditpack.PACK_INFO))
        manifest = archive.read(auditpack.MANIFEST).decode()
        signature = archive.read(auditpack.SIGNATURE)
    head = packs.s.git.run("rev-parse", "main")
    assert info == {
        "branch": "main",
        "format": 1,
        "from": "2026-01-01",
        "head": head,
        "made_by": info["made_by"],
        "max_confidentiality": "internal",
        "to": "2026-12-31",
        # whether documents/html/ holds the site's pages, and why (no site built here)
        "site_html": {
            "included": False,
            "reason": "no-site",
            "note": "网页版：未收录（没有构建的站点）",
        },
    }
    assert f"  {auditpack.PACK_INFO}\n" in manifest  # PACK.json is covered by the signature
    assert auditpack.SIGNATURE not in manifest and auditpack.MANIFEST + "\n" not in manifest
    assert signature.startswith(b"-----BEGIN SSH SIGNATURE-----")
    assert auditpack.SIGNATURE in names

    code, lines = packs.verify(first)
    assert code == 0, lines
    fingerprint = subprocess.run(
        ["ssh-keygen", "-lf", str(packs.keys / "wang.pub")], capture_output=True, text=True
    ).stdout.split()[1]
    assert lines == [
        f"made from main @ {head[:10]} for 2026-01-01 — 2026-12-31 (up to internal)",
        f"head {head[:10]} is on main",
        f"signed by 王芳 (wangfang), key {fingerprint}",
        "intact, signed",
    ]
    assert packs.verify(first, "--require-signed")[0] == 0


def test_an_auditor_verifies_outside_the_repository_with_an_allowed_signers_file(packs, tmp_path):
    pack = signed_pack(packs, tmp_path)
    elsewhere = tmp_path / "auditor"
    elsewhere.mkdir()
    allowed = elsewhere / "allowed_signers"
    allowed.write_text(
        f'wang.fang@example.com namespaces="doccontrol-audit-pack" {packs.wang_pub}\n'
    )
    code, lines = packs.verify(pack, "--allowed-signers", str(allowed), cwd=elsewhere)
    assert code == 0, lines
    assert any(line.startswith("signed by wang.fang@example.com, key SHA256:") for line in lines)
    assert any("whether head" in line and "is not checked" in line for line in lines)
    assert lines[-1] == "intact, signed"
    # without a file, the signature cannot be judged: said plainly, and --require-signed fails
    code, lines = packs.verify(pack, cwd=elsewhere)
    assert code == 0 and lines[-1] == "intact, signature not checked"
    assert any("signature is NOT checked" in line for line in lines)
    assert packs.verify(pack, "--require-signed", cwd=elsewhere)[0] == 1
    # a key allowed for git commits only is not allowed for packs (the namespace matters)
    allowed.write_text(f'wang.fang@example.com namespaces="git" {packs.wang_pub}\n')
    code, lines = packs.verify(pack, "--allowed-signers", str(allowed), cwd=elsewhere)
    assert code == 1
    assert any("not an allowed signer" in line for line in lines)


def test_unsigned_pack_is_intact_but_says_so(packs, tmp_path):
    pack = tmp_path / "plain.zip"
    assert packs.make(pack).returncode == 0
    code, lines = packs.verify(pack)
    assert code == 0
    assert "unsigned: nothing shows who made it (sign with --sign KEY)" in lines
    assert lines[-1] == "intact, unsigned"
    code, lines = packs.verify(pack, "--require-signed")
    assert code == 1 and lines[-1] == "1 problem: NOT intact"


def test_a_key_nobody_registered_is_refused(packs, tmp_path):
    stranger, _ = keypair(packs.keys, "stranger")
    pack = tmp_path / "stranger.zip"
    assert packs.make(pack, "--sign", str(stranger)).returncode == 0
    code, lines = packs.verify(pack)
    assert code == 1
    assert any(
        line.startswith(f"{auditpack.SIGNATURE}: signed by a key that is not an allowed signer")
        for line in lines
    )


def test_keys_are_judged_as_they_stood_when_the_pack_was_made(packs, tmp_path):
    """A key added to doccontrol.yml after the pack does not make it good; a key removed
    after the pack does not make it bad."""
    later, later_pub = keypair(packs.keys, "later")
    early = tmp_path / "early.zip"
    assert packs.make(early, "--sign", str(later)).returncode == 0
    good = signed_pack(packs, tmp_path)
    packs.s.set_config(f'signing_keys: ["{packs.wang_pub}"]', f'signing_keys: ["{later_pub}"]')
    packs.s.git.commit("换签名密钥", who="wangfang")
    code, lines = packs.verify(early)
    assert code == 1 and any("not an allowed signer" in line for line in lines)
    code, lines = packs.verify(good)
    assert code == 0 and any(line.startswith("signed by 王芳 (wangfang)") for line in lines)


def test_signing_with_a_missing_or_unusable_key_is_a_usage_error(packs, tmp_path):
    missing = packs.make(tmp_path / "x.zip", "--sign", str(tmp_path / "nope"))
    said = catalogue.load("zh").text(
        "cli.error.no-key-file", option="--sign", path=str(tmp_path / "nope")
    )
    assert missing.returncode == 2 and said in missing.stderr
    (tmp_path / "junk").write_text("not a key\n")
    (tmp_path / "junk").chmod(0o600)
    junk = packs.make(tmp_path / "y.zip", "--sign", str(tmp_path / "junk"))
    assert junk.returncode == 2
    assert "could not sign the pack" in junk.stderr and "Traceback" not in junk.stderr
    assert not (tmp_path / "x.zip").exists() and not (tmp_path / "y.zip").exists()


# --- tampering --------------------------------------------------------------------------------


def test_edited_file_with_recomputed_manifest_breaks_the_signature(shared, tmp_path):
    packs, pack = shared
    forged = rezip(pack, tmp_path / "forged.zip", recompute_manifest(pack))
    code, lines = packs.verify(forged)
    assert code == 1
    assert (
        f"{auditpack.SIGNATURE}: BAD signature: it does not match the manifest "
        "(changed after signing?)"
    ) in lines
    assert lines[-1] == "1 problem: NOT intact"


def test_edited_file_with_recomputed_manifest_and_no_signature_is_only_unsigned(shared, tmp_path):
    packs, pack = shared
    edit = recompute_manifest(pack)
    stripped = rezip(
        pack,
        tmp_path / "stripped.zip",
        lambda name, data: None if name == auditpack.SIGNATURE else edit(name, data),
    )
    # the manifest matches, so nothing proves the edit but the missing signature: the
    # verifier says the pack is unsigned, and --require-signed (what an auditor should use
    # when packs are signed) refuses it
    code, lines = packs.verify(stripped)
    assert code == 0 and lines[-1] == "intact, unsigned"
    code, lines = packs.verify(stripped, "--require-signed")
    assert code == 1 and lines[-1] == "1 problem: NOT intact"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil.txt", "has an empty, '.' or '..' part"),
        ("documents/../../evil.txt", "has an empty, '.' or '..' part"),
        ("/etc/cron.d/evil", "is an absolute path"),
        ("C:/Windows/evil.txt", "is an absolute path"),
        ("documents\\evil.txt", "contains a backslash"),
        ("documents//evil.txt", "has an empty, '.' or '..' part"),
        ("./evil.txt", "has an empty, '.' or '..' part"),
        ("evil\x1b[2J.txt", "contains a control character"),
    ],
)
def test_names_outside_the_pack_are_rejected(shared, tmp_path, name, why):
    packs, pack = shared
    bad = rezip(pack, tmp_path / "bad.zip", add={name: b"planted"})
    code, lines = packs.verify(bad)
    assert code == 1
    assert lines[0] == f"{name!r}: entry name {why}"
    assert lines[-1] == "1 problem: NOT intact"


def test_duplicate_entry_names_are_rejected(shared, tmp_path):
    packs, pack = shared
    # a second register.csv: zip tools disagree on which one they show
    twice = rezip(pack, tmp_path / "twice.zip", add={"register/register.csv": b"forged"})
    code, lines = packs.verify(twice)
    assert code == 1
    assert lines == [
        "register/register.csv: appears 2 times in the zip (which one is meant?)",
        "1 problem: NOT intact",
    ]
    # a second manifest too
    manifests = rezip(pack, tmp_path / "m2.zip", add={auditpack.MANIFEST: b""})
    assert packs.verify(manifests)[1][0] == (
        f"{auditpack.MANIFEST}: appears 2 times in the zip (which one is meant?)"
    )


def test_entries_missing_from_or_extra_to_the_manifest_are_rejected(shared, tmp_path):
    packs, pack = shared
    changed = rezip(
        pack,
        tmp_path / "changed.zip",
        lambda name, data: None if name == "coverage.csv" else data,
        add={"extra.txt": b"planted"},
    )
    code, lines = packs.verify(changed)
    assert code == 1
    assert lines[:2] == [
        "coverage.csv: listed in the manifest but missing",
        "extra.txt: not in the manifest (added after the pack was made)",
    ]


def _pack_of(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=auditpack.FIXED_TIME), data)
    return path


def test_a_manifest_only_zip_is_rejected(shared, tmp_path):
    packs, _ = shared
    empty = _pack_of(tmp_path / "empty.zip", {auditpack.MANIFEST: b""})
    code, lines = packs.verify(empty)
    assert code == 1
    assert lines[0] == "PACK.json is missing: the pack does not say what it was made from"
    nothing = _pack_of(tmp_path / "nothing.zip", {"README.txt": b"hello"})
    assert packs.verify(nothing)[1][0] == (
        f"{auditpack.MANIFEST} is missing: this is not an intact audit pack"
    )


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (b"nonsense\n", "MANIFEST.sha256:1: not a 'SHA256  NAME' line: 'nonsense'"),
        (b"0" * 64 + b" README.txt\n", "MANIFEST.sha256:1: not a 'SHA256  NAME' line"),
        (b"0" * 64 + b"  README.txt", "MANIFEST.sha256: does not end with a newline"),
        (b"0" * 64 + b"  ../x\n", "MANIFEST.sha256:1: entry name '../x' has an empty"),
        (b"\xff\n", "MANIFEST.sha256: byte 0 is not UTF-8"),
        (
            b"0" * 64 + b"  README.txt\n" + b"0" * 64 + b"  README.txt\n",
            "MANIFEST.sha256:2: lists README.txt twice",
        ),
    ],
)
def test_manifest_lines_that_do_not_parse_are_rejected(shared, tmp_path, manifest, expected):
    packs, _ = shared
    bad = _pack_of(tmp_path / "bad.zip", {auditpack.MANIFEST: manifest, "README.txt": b"x"})
    code, lines = packs.verify(bad)
    assert code == 1
    assert lines[0].startswith(expected), lines


def test_symlink_and_directory_entries_are_rejected(shared, tmp_path):
    packs, pack = shared
    link = zipfile.ZipInfo("documents/passwd", date_time=auditpack.FIXED_TIME)
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    folder = zipfile.ZipInfo("documents/sub/", date_time=auditpack.FIXED_TIME)
    target = tmp_path / "links.zip"
    rezip(pack, target)
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr(link, "/etc/passwd")
        archive.writestr(folder, b"")
    code, lines = packs.verify(target)
    assert code == 1
    assert lines[:2] == [
        "documents/passwd: not a regular file (a directory, symlink or device entry)",
        "documents/sub/: not a regular file (a directory, symlink or device entry)",
    ]


# --- zip bombs --------------------------------------------------------------------------------


def _bomb(path: Path, name: str, inflated: int) -> Path:
    """A zip whose one entry inflates to ``inflated`` bytes of zeros, next to a manifest that
    lists it. Built by hand from one deflated MiB repeated (a full flush makes each copy
    stand alone), so making it takes neither the time nor the memory of inflating it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MiB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * (inflated // MiB) + compressor.flush(zlib.Z_FINISH)
    crc = 0
    zeros = bytes(MiB)
    for _ in range(inflated // MiB):
        crc = zlib.crc32(zeros, crc)
    manifest = f"{'0' * 64}  {name}\n".encode()  # MANIFEST_LINE for register/register.csv
    entries = [
        (name.encode(), 8, stream, crc, inflated),
        (auditpack.MANIFEST.encode(), 0, manifest, zlib.crc32(manifest), len(manifest)),
    ]
    body, directory = b"", b""
    for raw_name, method, data, checksum, size in entries:
        # (version needed, flags, method, time, date 1980-01-01, crc, sizes, name, extra)
        common = (20, 0, method, 0, 0x21, checksum, len(data), size, len(raw_name), 0)
        regular = (stat.S_IFREG | 0o644) << 16
        directory += (
            struct.pack("<4sH5H3I5H2I", b"PK\x01\x02", 0x0314, *common, 0, 0, 0, regular, len(body))
            + raw_name
        )
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", *common) + raw_name + data
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), len(body), 0
    )
    path.write_bytes(body + directory + end)
    return path


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_declared_zip_bomb_is_refused_before_inflating(shared, tmp_path):
    """The issue's bomb: a 1.5 MB zip that inflates to 1.5 GiB; refused from its declared size,
    and nothing is inflated (peak memory of the verifying process stays flat)."""
    packs, _ = shared
    bomb = _bomb(tmp_path / "bomb.zip", "register/register.csv", 1536 * MiB)
    assert bomb.stat().st_size < 2 * MiB
    before = _peak_rss_mib()
    verdict = auditpack.verify(bomb)
    assert _peak_rss_mib() - before < 64
    assert verdict.problems == (
        f"register/register.csv: declares {1536 * MiB:,} bytes; an entry may hold at most "
        f"{auditpack.MAX_ENTRY_BYTES:,}",
        f"entries declare {1536 * MiB + len(MANIFEST_LINE):,} bytes in all; a pack may hold at most "
        f"{auditpack.MAX_TOTAL_BYTES:,}",
    )
    code, lines = packs.verify(bomb)
    assert code == 1 and lines[-1] == "2 problems: NOT intact"
    # the same bomb within the caps' reach: the stream itself is what zip tools inflate
    with zipfile.ZipFile(bomb) as archive, archive.open("register/register.csv") as handle:
        assert handle.read(MiB) == bytes(MiB)


def test_a_bomb_that_lies_about_its_size_is_stopped_while_streaming(shared, tmp_path):
    """Declared sizes patched down to 1 KiB in both headers, the data still inflating to
    96 MiB: the stream stops at the declared size and the entry is rejected, in bounded
    memory."""
    packs, _ = shared
    bomb = tmp_path / "liar.zip"
    inflated = 96 * MiB
    zeros = bytes(MiB)
    info = zipfile.ZipInfo("coverage.csv", date_time=auditpack.FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(bomb, "w") as archive:
        with archive.open(info, "w") as handle:
            for _ in range(inflated // MiB):
                handle.write(zeros)
        archive.writestr(auditpack.MANIFEST, "0" * 64 + "  coverage.csv\n")
    data = bytearray(bomb.read_bytes())
    # local header: uncompressed size at offset 22; central directory entry: offset 24
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 1024)
    central = data.find(b"PK\x01\x02")
    assert data[central + 46 : central + 46 + 12] == b"coverage.csv"
    struct.pack_into("<I", data, central + 24, 1024)
    bomb.write_bytes(bytes(data))
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("coverage.csv").file_size == 1024  # the lie is what zip says
    before = _peak_rss_mib()
    verdict = auditpack.verify(bomb)
    assert _peak_rss_mib() - before < 32
    assert len(verdict.problems) >= 1
    assert verdict.problems[0].startswith("coverage.csv: cannot be read: ")
    code, lines = packs.verify(bomb)
    assert code == 1 and lines[0].startswith("coverage.csv: cannot be read: ")


def test_many_entries_over_the_total_cap_are_refused_unread(shared, tmp_path):
    """Entries each within the per-entry cap whose declared sizes add up past the total cap
    (a zip of overlapping or tiny entries claiming gigabytes): refused from the directory."""
    packs, _ = shared
    count = auditpack.MAX_TOTAL_BYTES // auditpack.MAX_ENTRY_BYTES + 1
    path = _pack_of(tmp_path / "many.zip", {f"a/{n}.csv": b"" for n in range(count)})
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:  # each central directory record
        struct.pack_into("<I", data, at + 24, auditpack.MAX_ENTRY_BYTES)
        at += 4
    path.write_bytes(bytes(data))
    verdict = auditpack.verify(path)
    assert verdict.problems == (
        f"entries declare {count * auditpack.MAX_ENTRY_BYTES:,} bytes in all; a pack may hold "
        f"at most {auditpack.MAX_TOTAL_BYTES:,}",
    )
    assert packs.verify(path)[0] == 1


# --- history rewritten after the pack ---------------------------------------------------------


def test_a_head_force_pushed_off_main_is_reported(packs, tmp_path):
    pack = signed_pack(packs, tmp_path)
    git = packs.s.git
    head = git.run("rev-parse", "main")
    # the approved merge is rewritten away: main reset to before it and a new commit made
    git.run("reset", "-q", "--hard", "HEAD~1")
    packs.s.files.doc(version="V1.1", body=body("改写"))
    git.commit("改写的历史", who="zhaolei")
    code, lines = packs.verify(pack)
    assert code == 1
    message = (
        f"head {head[:10]} is not on main: the history the pack was made from was rewritten "
        "(force-pushed) since, or the pack was made from another branch"
    )
    assert message in lines
    assert lines[-1] == "1 problem: NOT intact"
    # and once the old commits are gone from the repository altogether
    git.run("branch", "-q", "-D", "cr-1")
    git.run("reflog", "expire", "--expire=now", "--all")
    git.run("gc", "-q", "--prune=now")
    code, lines = packs.verify(pack)
    assert code == 1
    assert f"head {head[:10]} is not in this repository: the history the pack was made " in (
        "\n".join(lines)
    )
