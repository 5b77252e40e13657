"""Audit packs that cannot be forged: signed with real `ssh-keygen` keys made here, verified by
the real CLI, and every tampering the issue names (issue 11, attack 14) rejected with one line
and exit 1; a zip bomb stopped in bounded memory; a head force-pushed off main reported."""

from __future__ import annotations

import csv
import io
import json
import os
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
from doccontrol.problems import msg, render
from history_helpers import Scenario, body

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")
MiB = 1024 * 1024
MANIFEST_LINE = f"{'0' * 64}  register/register.csv\n"  # the bomb's manifest
MANIFEST = auditpack.MANIFEST
AT1 = {"manifest": MANIFEST, "line": 1}  # the manifest's first line
ZH = catalogue.load("zh")  # what the CLI says under the tests' locale (C.UTF-8)


def zh(key: str, /, **args: object) -> str:
    """The catalogue's Chinese text for ``key``: what the verifier prints."""
    return render(msg(key, **args), ZH)


def not_intact(n: int) -> str:
    return ZH.count("pack.verify.not-intact", n)


def entry(name: str, key: str, /, **args: object) -> str:
    """A problem of one entry of the pack, as the verifier says it."""
    return zh("pack.problem.in", name=name, problem=msg(key, **args))


def run(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
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

    def make(
        self, out: Path, *extra: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run(self.root, "audit-pack", *PERIOD, "-o", str(out), *extra, env=env)

    def verify(
        self,
        pack: Path,
        *extra: str,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> tuple[int, list[str]]:
        result = run(cwd or self.root, "audit-pack", "--verify", str(pack), *extra, env=env)
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
    assert made.stdout.strip().endswith(f"已用 {packs.wang} 签名")
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
        zh(
            "pack.verify.made-from",
            branch="main",
            head=head[:10],
            start="2026-01-01",
            end="2026-12-31",
            level="internal",
        ),
        zh("pack.provenance.on-main", head=head[:10], branch="main"),
        zh("pack.verify.signed-by", signer="王芳 (wangfang)", key=fingerprint),
        zh("pack.verify.intact.signed"),
    ]
    assert lines[-1] == "完整，已签名"  # the words themselves, once
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
    signed = zh("pack.verify.signed-by", signer="wang.fang@example.com", key="SHA256:")
    assert any(line.startswith(signed) for line in lines)
    head = packs.s.git.run("rev-parse", "main")
    assert zh("pack.verify.outside", head=head[:10]) in lines
    assert lines[-1] == zh("pack.verify.intact.signed")
    # without a file, the signature cannot be judged: said plainly, and --require-signed fails
    code, lines = packs.verify(pack, cwd=elsewhere)
    assert code == 0 and lines[-1] == zh("pack.verify.intact.not-checked")
    assert zh("pack.verify.not-checked") in lines
    code, lines = packs.verify(pack, "--require-signed", cwd=elsewhere)
    assert code == 1 and lines[-1] == zh("pack.verify.intact.not-checked.required")
    # a key allowed for git commits only is not allowed for packs (the namespace matters)
    allowed.write_text(f'wang.fang@example.com namespaces="git" {packs.wang_pub}\n')
    code, lines = packs.verify(pack, "--allowed-signers", str(allowed), cwd=elsewhere)
    assert code == 1
    unknown = zh("pack.verify.unknown-key", file=auditpack.SIGNATURE, key="SHA256:")
    assert any(line.startswith(unknown) for line in lines), lines


def test_unsigned_pack_is_intact_but_says_so(packs, tmp_path):
    pack = tmp_path / "plain.zip"
    assert packs.make(pack).returncode == 0
    code, lines = packs.verify(pack)
    assert code == 0
    assert zh("pack.verify.unsigned") in lines
    assert lines[-1] == zh("pack.verify.intact.unsigned")
    # the contents are whole: the refusal says it is the signature that is missing
    code, lines = packs.verify(pack, "--require-signed")
    assert code == 1 and lines[-1] == zh("pack.verify.intact.unsigned.required")
    assert not_intact(1) not in lines


def test_the_signature_list_names_whose_key_signed_and_only_a_configured_key(packs, tmp_path):
    """history/signatures.csv gives each status in words, and a name only for a key
    doccontrol.yml holds: another key's claim to be 王芳 is shown as the claim it is."""
    stranger, _ = keypair(packs.keys, "wangfang")  # a key whose comment says it is 王芳's
    for branch, key, version in (("cr-2", packs.wang, "V1.2"), ("cr-3", stranger, "V1.3")):
        packs.s.git.branch(branch)
        packs.s.files.doc(version=version, body=body(f"修订 {version}"))
        packs.s.git.commit(f"修订 {version}", who="zhaolei")
        packs.s.git.merge(branch, f"批准 {version}", who="wangfang", sign_key=key)
    pack = tmp_path / "pack.zip"
    assert packs.make(pack).returncode == 0
    with zipfile.ZipFile(pack) as z:
        text = z.read("history/signatures.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["提交", "日期", "签名状态", "密钥", "签名者", "密钥属于"]
    fingerprint = subprocess.run(
        ["ssh-keygen", "-lf", str(packs.keys / "wang.pub")], capture_output=True, text=True
    ).stdout.split()[1]
    signed, claimed = rows[-2], rows[-1]
    assert signed[2:] == ["签名有效", fingerprint, "王芳", "王芳"]
    assert claimed[2] == "签名密钥不受信任" and claimed[3].startswith("SHA256:")
    assert claimed[3] != fingerprint and claimed[4:] == ["", ""]


def test_an_english_locale_hears_the_verdict_in_english(shared, tmp_path):
    """The same texts in English where the locale (or ``language: en``) asks for it; file
    names, heads and fingerprints unchanged."""
    packs, pack = shared
    english = {"LC_ALL": "en_US.UTF-8"}
    made = packs.make(tmp_path / "en.zip", env=english)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"wrote {tmp_path / 'en.zip'}: ")
    assert made.stdout.strip().endswith("files for 2026-01-01 — 2026-12-31"), made.stdout
    code, lines = packs.verify(tmp_path / "en.zip", env=english)
    head = packs.s.git.run("rev-parse", "main")[:10]
    assert code == 0 and lines == [
        f"made from main @ {head} for 2026-01-01 — 2026-12-31 (up to internal)",
        f"head {head} is on main",
        "unsigned: nothing shows who made it (sign with --sign KEY)",
        "matches its manifest, unsigned: a manifest can be recomputed, so this does not prove"
        " the pack unaltered (verify signed packs with --require-signed)",
    ]
    forged = rezip(pack, tmp_path / "forged.zip", recompute_manifest(pack))
    code, lines = packs.verify(forged, env=english)
    assert code == 1 and lines[-2:] == [
        f"{auditpack.SIGNATURE}: BAD signature: it does not match the manifest "
        "(changed after signing?)",
        "1 problem: NOT intact",
    ]
    added = rezip(pack, tmp_path / "added.zip", add={"../evil.txt": b"x", "extra.txt": b"x"})
    code, lines = packs.verify(added, env=english)
    assert code == 1 and lines[0] == "'../evil.txt': entry name has an empty, '.' or '..' part"
    assert lines[-1] == "1 problem: NOT intact"
    # Chinese is no English: the default speaks the catalogue's Chinese
    code, lines = packs.verify(forged)
    assert lines[-1] == "1 个问题：不完整" and not any("BAD" in line for line in lines)


def test_a_key_nobody_registered_is_refused(packs, tmp_path):
    stranger, _ = keypair(packs.keys, "stranger")
    pack = tmp_path / "stranger.zip"
    assert packs.make(pack, "--sign", str(stranger)).returncode == 0
    code, lines = packs.verify(pack)
    assert code == 1
    unknown = zh("pack.verify.unknown-key", file=auditpack.SIGNATURE, key="SHA256:")
    assert any(line.startswith(unknown) for line in lines), lines


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
    unknown = zh("pack.verify.unknown-key", file=auditpack.SIGNATURE, key="SHA256:")
    assert code == 1 and any(line.startswith(unknown) for line in lines), lines
    code, lines = packs.verify(good)
    signed = zh("pack.verify.signed-by", signer="王芳 (wangfang)", key="SHA256:")
    assert code == 0 and any(line.startswith(signed) for line in lines), lines


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
    refused = zh("pack.error.sign", key=str(tmp_path / "junk"), reason="")
    assert refused in junk.stderr and "Traceback" not in junk.stderr
    assert not (tmp_path / "x.zip").exists() and not (tmp_path / "y.zip").exists()


# --- tampering --------------------------------------------------------------------------------


def test_edited_file_with_recomputed_manifest_breaks_the_signature(shared, tmp_path):
    packs, pack = shared
    forged = rezip(pack, tmp_path / "forged.zip", recompute_manifest(pack))
    code, lines = packs.verify(forged)
    assert code == 1
    assert (
        zh(
            "pack.verify.bad-signature",
            file=auditpack.SIGNATURE,
            detail=msg("pack.signature.mismatch"),
        )
        in lines
    )
    assert lines[-1] == not_intact(1)


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
    assert code == 0 and lines[-1] == zh("pack.verify.intact.unsigned")
    code, lines = packs.verify(stripped, "--require-signed")
    assert code == 1 and lines[-1] == zh("pack.verify.intact.unsigned.required")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil.txt", "pack.name.parts"),
        ("documents/../../evil.txt", "pack.name.parts"),
        ("/etc/cron.d/evil", "pack.name.absolute"),
        ("C:/Windows/evil.txt", "pack.name.absolute"),
        ("documents\\evil.txt", "pack.name.backslash"),
        ("documents//evil.txt", "pack.name.parts"),
        ("./evil.txt", "pack.name.parts"),
        ("evil\x1b[2J.txt", "pack.name.control"),
    ],
)
def test_names_outside_the_pack_are_rejected(shared, tmp_path, name, why):
    packs, pack = shared
    bad = rezip(pack, tmp_path / "bad.zip", add={name: b"planted"})
    code, lines = packs.verify(bad)
    assert code == 1
    assert lines[0] == zh("pack.problem.bad-name", name=repr(name), why=msg(why))
    assert lines[-1] == not_intact(1)


def test_duplicate_entry_names_are_rejected(shared, tmp_path):
    packs, pack = shared
    # a second register.csv: zip tools disagree on which one they show
    twice = rezip(pack, tmp_path / "twice.zip", add={"register/register.csv": b"forged"})
    code, lines = packs.verify(twice)
    assert code == 1
    assert lines == [
        zh("pack.problem.duplicate", name="register/register.csv", n=2),
        not_intact(1),
    ]
    # a second manifest too
    manifests = rezip(pack, tmp_path / "m2.zip", add={auditpack.MANIFEST: b""})
    assert packs.verify(manifests)[1][0] == zh(
        "pack.problem.duplicate", name=auditpack.MANIFEST, n=2
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
        zh("pack.problem.listed-missing", name="coverage.csv"),
        zh("pack.problem.not-listed", name="extra.txt"),
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
    assert lines[0] == zh("pack.problem.no-info", info="PACK.json")
    nothing = _pack_of(tmp_path / "nothing.zip", {"README.txt": b"hello"})
    assert packs.verify(nothing)[1][0] == zh(
        "pack.problem.no-manifest", manifest=auditpack.MANIFEST
    )


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (b"nonsense\n", zh("pack.manifest.bad-line", **AT1, text="'nonsense'")),
        (
            b"0" * 64 + b" README.txt\n",
            zh("pack.manifest.bad-line", **AT1, text=repr("0" * 64 + " README.txt")),
        ),
        (b"0" * 64 + b"  README.txt", zh("pack.manifest.no-newline", manifest=MANIFEST)),
        (
            b"0" * 64 + b"  ../x\n",
            zh("pack.manifest.bad-name", **AT1, name="'../x'", why=msg("pack.name.parts")),
        ),
        (b"\xff\n", zh("pack.manifest.not-utf8", manifest=MANIFEST, at=0)),
        (
            b"0" * 64 + b"  README.txt\n" + b"0" * 64 + b"  README.txt\n",
            zh("pack.manifest.twice", manifest=MANIFEST, line=2, name="README.txt"),
        ),
    ],
)
def test_manifest_lines_that_do_not_parse_are_rejected(shared, tmp_path, manifest, expected):
    packs, _ = shared
    bad = _pack_of(tmp_path / "bad.zip", {auditpack.MANIFEST: manifest, "README.txt": b"x"})
    code, lines = packs.verify(bad)
    assert code == 1
    assert lines[0] == expected, lines


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
        zh("pack.problem.not-regular", name="documents/passwd"),
        zh("pack.problem.not-regular", name="documents/sub/"),
    ]


def test_a_pack_zipped_again_by_hand_still_shows_what_was_changed_in_it(shared, tmp_path):
    # `unzip`, edit, `zip -r`: zip writes a folder entry for each folder; those are said, and
    # the edited and the added files are still found (they used to hide behind the folders)
    packs, pack = shared
    with zipfile.ZipFile(pack) as src:
        names = [info.filename for info in src.infolist()]
        target = tmp_path / "again.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            folders = sorted({name.rsplit("/", 1)[0] + "/" for name in names if "/" in name})
            for folder in folders:
                out.writestr(zipfile.ZipInfo(folder, date_time=auditpack.FIXED_TIME), b"")
            for name in names:
                data = src.read(name)
                out.writestr(name, data + b"edited" if name == "register/register.csv" else data)
            out.writestr("extra.txt", b"added by hand")
    code, lines = packs.verify(target)
    assert code == 1
    for folder in folders:
        assert zh("pack.problem.not-regular", name=folder) in lines
    assert zh("pack.problem.differs", name="register/register.csv") in lines
    assert zh("pack.problem.not-listed", name="extra.txt") in lines


def test_verifying_a_pack_that_is_not_there_is_a_usage_error(shared, tmp_path):
    packs, _ = shared
    result = run(packs.root, "audit-pack", "--verify", str(tmp_path / "nosuch.zip"))
    assert result.returncode == 2 and "nosuch.zip" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


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
    assert [render(p, ZH) for p in verdict.problems] == [
        zh(
            "pack.problem.entry-too-large",
            name="register/register.csv",
            size=f"{1536 * MiB:,}",
            max=f"{auditpack.MAX_ENTRY_BYTES:,}",
        ),
        zh(
            "pack.problem.total-too-large",
            size=f"{1536 * MiB + len(MANIFEST_LINE):,}",
            max=f"{auditpack.MAX_TOTAL_BYTES:,}",
        ),
    ]
    code, lines = packs.verify(bomb)
    assert code == 1 and lines[-1] == not_intact(2)
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
    unreadable = entry("coverage.csv", "pack.read.corrupt", reason="")
    assert render(verdict.problems[0], ZH).startswith(unreadable)
    code, lines = packs.verify(bomb)
    assert code == 1 and lines[0].startswith(unreadable)


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
    assert [render(p, ZH) for p in verdict.problems] == [
        zh(
            "pack.problem.total-too-large",
            size=f"{count * auditpack.MAX_ENTRY_BYTES:,}",
            max=f"{auditpack.MAX_TOTAL_BYTES:,}",
        )
    ]
    assert packs.verify(path)[0] == 1


# --- bytes that are not the pack's own entries -----------------------------------------------


def _layout(reason: str, /, **args: object) -> str:
    return zh("pack.problem.layout", reason=msg(reason, **args))


def _central(data: bytes) -> list[int]:
    """Where each central directory record of a zip begins."""
    found, at = [], 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        found.append(at)
        at += 4
    return found


@pytest.mark.parametrize(
    "change, reason, args",
    [
        (lambda data: b"PK\x03\x04 planted" + data, "pack.layout.shifted", {"n": 12}),
        (lambda data: data + b"after", "pack.layout.end", {}),
        # an archive comment: the end record's last field, then the comment itself
        (lambda data: data[:-2] + struct.pack("<H", 4) + b"note", "pack.layout.end", {}),
    ],
    ids=["before", "after", "comment"],
)
def test_bytes_around_a_genuine_signed_pack_are_refused(shared, tmp_path, change, reason, args):
    """The genuine signed pack with anything before or after it: zip readers that read the
    central directory (this verifier among them) see the genuine pack, a streaming unzipper
    may read the other bytes; refused, nothing read, no signature said."""
    packs, pack = shared
    path = tmp_path / "around.zip"
    path.write_bytes(change(pack.read_bytes()))
    assert [render(p, ZH) for p in auditpack.verify(path).problems] == [_layout(reason, **args)]
    code, lines = packs.verify(path)
    assert code == 1 and lines == [_layout(reason, **args), not_intact(1)], lines


@pytest.mark.parametrize(
    "extra, comment",
    [
        # an extended timestamp, harmless in itself, but no pack ever carries one
        (struct.pack("<2HB", 0x5455, 1, 0), b""),
        # a stray byte that is no whole field (a zip64 field cut short, zipfile refuses itself)
        (b"\x01", b""),
        (b"", b"an entry comment"),
    ],
    ids=["timestamp", "stray-byte", "entry-comment"],
)
def test_an_entry_with_an_extra_field_or_comment_packs_never_have_is_refused(
    shared, tmp_path, extra, comment
):
    """Every entry copied with its name and data, one given an extra field or comment that
    ``zip_bytes`` never writes (round 49: Info-ZIP's Unicode Path renames an entry for unzip
    alone): refused before anything is read."""
    _packs, pack = shared
    path = tmp_path / "extra.zip"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(path, "w") as dst:
        first = src.infolist()[0].filename
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            if info.filename == first:
                copy.extra, copy.comment = extra, comment
            dst.writestr(copy, src.read(info))
    problems = [render(p, ZH) for p in auditpack.verify(path).problems]
    assert problems == [_layout("pack.layout.extra", name=first)], problems


def test_entries_out_of_the_directorys_order_or_unlike_their_local_header_are_refused(
    shared, tmp_path
):
    packs, pack = shared
    data = pack.read_bytes()
    with zipfile.ZipFile(pack) as archive:
        infos = archive.infolist()
    records = _central(data)
    end = data.rindex(b"PK\x05\x06")
    # the directory's first two records swapped: the local entries are in another order
    swapped = data[: records[0]] + data[records[1] : records[2]]
    swapped += data[records[0] : records[1]] + data[records[2] :]
    path = tmp_path / "swapped.zip"
    path.write_bytes(swapped)
    first = infos[1].filename
    assert [render(p, ZH) for p in auditpack.verify(path).problems] == [
        _layout("pack.layout.before", name=first, n=infos[1].header_offset)
    ]
    # a local header whose CRC differs from its central entry's (offset 14)
    patched = bytearray(data)
    struct.pack_into("<I", patched, infos[0].header_offset + 14, infos[0].CRC ^ 1)
    path.write_bytes(bytes(patched))
    assert [render(p, ZH) for p in auditpack.verify(path).problems] == [
        _layout("pack.layout.local", name=infos[0].filename)
    ]
    # the directory counted one entry short in the end record
    fewer = bytearray(data)
    struct.pack_into("<2H", fewer, end + 8, len(infos) - 1, len(infos) - 1)
    path.write_bytes(bytes(fewer))
    code, lines = packs.verify(path)
    assert code == 1, lines
    assert _layout("pack.layout.count", n=len(infos) - 1, m=len(infos)) in lines


def test_bytes_hidden_after_an_entrys_compressed_data_are_refused(tmp_path):
    """An entry whose deflate stream ends before the size its headers give: a reader of the
    central directory skips the rest, a streaming unzipper reads it as what comes next (an
    entry of the forger's). Refused."""
    one = tmp_path / "one.zip"
    with zipfile.ZipFile(one, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("coverage.csv", "条款,覆盖\n")
    data = bytearray(one.read_bytes())
    central = _central(bytes(data))[0]
    packed = struct.unpack_from("<I", data, central + 20)[0]
    hidden = b"PK\x03\x04 hidden"
    data[central:central] = hidden  # right after the entry's data
    central += len(hidden)
    struct.pack_into("<I", data, 18, packed + len(hidden))  # the local header's size
    struct.pack_into("<I", data, central + 20, packed + len(hidden))  # the central entry's
    struct.pack_into("<I", data, len(data) - 6, central)  # where the directory now starts
    path = tmp_path / "hidden.zip"
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert archive.read("coverage.csv").decode() == "条款,覆盖\n"  # zipfile reads it
    assert [render(p, ZH) for p in auditpack.verify(path).problems] == [
        _layout("pack.layout.deflate", name="coverage.csv")
    ]


def test_a_pack_written_by_a_streaming_zip_tool_is_judged_by_its_contents(shared, tmp_path):
    """A zip written to a pipe puts each entry's CRC and sizes in a data descriptor after its
    data: still the pack's own entries, one after another, so only what differs is said."""
    _, pack = shared
    buffer = io.BytesIO()

    class Pipe(io.RawIOBase):  # not seekable: zipfile writes data descriptors
        def writable(self) -> bool:
            return True

        def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
            return buffer.write(data)

    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(Pipe(), "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            out.writestr(info.filename, data + b"x" if info.filename == "coverage.csv" else data)
    path = tmp_path / "streamed.zip"
    path.write_bytes(buffer.getvalue())
    with zipfile.ZipFile(path) as archive:
        assert all(info.flag_bits & 0x08 for info in archive.infolist())
    assert [render(p, ZH) for p in auditpack.verify(path).problems] == [
        zh("pack.problem.differs", name="coverage.csv")
    ]


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
    assert zh("pack.provenance.not-on-main", head=head[:10], branch="main") in lines
    assert lines[-1] == not_intact(1)
    # and once the old commits are gone from the repository altogether
    git.run("branch", "-q", "-D", "cr-1")
    git.run("reflog", "expire", "--expire=now", "--all")
    git.run("gc", "-q", "--prune=now")
    code, lines = packs.verify(pack)
    assert code == 1
    assert zh("pack.provenance.not-in-repo", head=head[:10], branch="main") in lines


def test_a_key_rotated_by_an_approved_merge_signs_packs_and_a_branch_head_signs_none(
    packs, tmp_path
):
    """A key added on a reviewed branch signs packs once merged (history approved it); a
    commit of that branch named as a pack's head is off main's first-parent line: refused,
    whatever keys its own line holds."""
    new, new_pub = keypair(packs.keys, "new")
    git = packs.s.git
    git.branch("cr-2")
    packs.s.set_config(f'signing_keys: ["{packs.wang_pub}"]', f'signing_keys: ["{new_pub}"]')
    side = git.commit("换签名密钥", who="zhaolei")
    git.merge("cr-2", "批准换密钥", approvers=("chenmy",), reviewers=("wangfang",), number=2)
    assert run(packs.root, "trail", "--strict").returncode == 0
    pack = tmp_path / "rotated.zip"
    assert packs.make(pack, "--sign", str(new)).returncode == 0
    code, lines = packs.verify(pack)
    signed = zh("pack.verify.signed-by", signer="王芳 (wangfang)", key="SHA256:")
    assert code == 0 and any(line.startswith(signed) for line in lines), lines
    # the same pack claiming the branch's commit as its head (PACK.json edited, re-signed)
    with zipfile.ZipFile(pack) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    info = json.loads(files[auditpack.PACK_INFO])
    info["head"] = side
    files[auditpack.PACK_INFO] = json.dumps(info).encode()
    files.pop(auditpack.SIGNATURE)
    files[auditpack.MANIFEST] = auditpack.manifest_bytes(files)
    files[auditpack.SIGNATURE] = auditpack.sign(files[auditpack.MANIFEST], new)
    forged = tmp_path / "side.zip"
    forged.write_bytes(auditpack.zip_bytes(files))
    code, lines = packs.verify(forged)
    assert code == 1
    assert zh("pack.provenance.off-line", head=side[:10], branch="main") in lines


def test_a_record_whose_name_cannot_be_an_entry_is_left_out_and_counted(packs, tmp_path):
    """records/incident/INC-2026-0002\\x.yaml, committed straight to main, stopped every audit
    pack ('contains a backslash'): it is left out, and the README counts it."""
    text = "id: INC-2026-0002\ntitle: 事件\npriority: P2\nreported: 2026-03-09\n"
    packs.s.files.write("records/incident/INC-2026-0002\\x.yaml", text)
    packs.s.files.record("INC-2026-0001")
    packs.s.git.commit("记录", who="zhaolei")
    pack = tmp_path / "pack.zip"
    made = packs.make(pack)
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(pack) as z:
        names = z.namelist()
        readme = z.read("README.txt").decode("utf-8")
    assert "records/incident/INC-2026-0001.yaml" in names
    assert not any("\\" in name for name in names)
    assert "另有 1 条期间的记录未收入" in readme
    code, lines = packs.verify(pack)
    assert code == 0, lines


def test_records_that_differ_from_main_are_not_packed_as_mains(packs, tmp_path):
    """The pack says it was made from main's head; its records came from the work tree, so a
    record never committed (or edited since) went into it as if main held it: refused."""
    packs.s.files.record("INC-2026-0001")
    en = {"LC_ALL": "en_US.UTF-8"}
    refused = packs.make(tmp_path / "pack.zip", env=en)
    assert refused.returncode == 2
    assert "1 record files differ from the main branch" in refused.stderr
    assert "records/incident/INC-2026-0001.yaml" in refused.stderr
    assert not (tmp_path / "pack.zip").exists()
    packs.s.git.commit("记录", who="zhaolei")
    assert packs.make(tmp_path / "pack.zip", env=en).returncode == 0
    # a record git is told to ignore is read all the same: refused too
    packs.s.files.write(".gitignore", ".cache/\nrecords/**/*-local.yaml\n")
    packs.s.git.commit("忽略", who="zhaolei")
    (packs.root / "records/incident/INC-2026-0002-local.yaml").write_text(
        "id: INC-2026-0002\ntitle: 事件\npriority: P2\nreported: 2026-03-09\n"
    )
    hidden = packs.make(tmp_path / "pack2.zip", env=en)
    assert hidden.returncode == 2 and "INC-2026-0002-local.yaml" in hidden.stderr
