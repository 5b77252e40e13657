"""Signature verification set-up: who may sign approvals, and what git reported."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Mapping

from doccontrol.config import Config
from doccontrol.history.model import Signature

STATUS = {
    "G": "good",
    "B": "bad",
    "U": "untrusted",
    "X": "expired",
    "Y": "expired",
    "R": "revoked",
    "E": "unknown-key",
    "N": "none",
}
# who a trusted forge key signs as: something no person id can be (the config schema allows
# only ``^[a-z][a-z0-9-]*$``), so a person listed with the id "forge" is never the forge
FORGE = ":forge"

# where GnuPG keeps the keys and the trust it judges a signature by (keybox, the older
# keyring, keyboxd's database, the trust database, gpgsm's trust list, the options)
_KEYRING_FILES = (
    "pubring.kbx",
    "pubring.gpg",
    "public-keys.d/pubring.db",
    "public-keys.d/pubring.db-wal",
    "trustdb.gpg",
    "trustlist.txt",
    "gpg.conf",
    "gpgsm.conf",
    "common.conf",
)


def keyring_state(environ: Mapping[str, str] = os.environ, git_dir: str | None = None) -> str:
    """A digest of the GnuPG keyring git's signature checks read (each file's size, inode and
    times): a key revoked, expired by a refresh, imported or trusted since changes what a
    fresh derivation concludes, so a history that holds signatures is not reused across it.

    Git's configuration says which program checks a signature and how (``gpg.program``,
    ``gpg.format``, ``gpg.ssh.program``…): its files (system, global, the repository's, in
    ``git_dir``) and the ``GIT_CONFIG*`` variables count too. Any change there, not only to
    ``gpg.*``, derives a signed history afresh: stats are cheap, a ``git config`` process on
    every warm run is not. (A file it includes is not followed.)"""
    home = environ.get("GNUPGHOME") or os.path.join(environ.get("HOME", ""), ".gnupg")
    parts = [home]
    for name in _KEYRING_FILES:
        parts.append(_stat(name, os.path.join(home, name)))
    for name in sorted(environ):
        if name.startswith("GIT_CONFIG"):
            parts.append(f"{name}={environ[name]}")
    for path in _git_config_files(environ, git_dir):
        parts.append(_stat(path, path))
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _stat(name: str, path: str) -> str:
    try:
        found = os.stat(path)
    except OSError:
        return f"{name}:-"
    return f"{name}:{found.st_size}:{found.st_ino}:{found.st_mtime_ns}:{found.st_ctime_ns}"


def _git_config_files(environ: Mapping[str, str], git_dir: str | None) -> list[str]:
    """Where git reads its configuration from, as ``git config --show-origin`` lists them."""
    home = environ.get("HOME", "")
    xdg = environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    files = [
        environ.get("GIT_CONFIG_SYSTEM") or "/etc/gitconfig",
        environ.get("GIT_CONFIG_GLOBAL") or os.path.join(home, ".gitconfig"),
        os.path.join(xdg, "git", "config"),
    ]
    if git_dir is not None:
        files += [os.path.join(git_dir, "config"), os.path.join(git_dir, "config.worktree")]
        try:  # a linked worktree's folder names the repository's own in `commondir`
            with open(os.path.join(git_dir, "commondir"), encoding="utf-8") as named:
                common = os.path.join(git_dir, named.read().strip())
            files.append(os.path.join(common, "config"))
        except (OSError, UnicodeDecodeError):
            pass
    return files


def allowed_signers(config: Config) -> str:
    """An ssh allowed-signers file: each person's SSH keys under their person id."""
    lines = []
    for person in config.people:
        for key in person.signing_keys:
            if key.startswith(("ssh-", "ecdsa-", "sk-")):
                lines.append(f'{person.id} namespaces="git" {key}')
    for key in config.approval.trusted_forge_keys:
        if key.startswith(("ssh-", "ecdsa-", "sk-")):
            lines.append(f'{FORGE} namespaces="git" {key}')
    return "\n".join(lines) + "\n"


def ssh_fingerprint(public_key: str) -> str | None:
    parts = public_key.split()
    if len(parts) < 2:
        return None
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except ValueError:
        return None
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def _normal(fingerprint: str) -> str:
    """A GPG key's id or fingerprint in one spelling: no spaces, upper case, no ``0x``."""
    spelt = fingerprint.replace(" ", "").upper()
    return spelt[2:] if spelt.startswith("0X") else spelt


_HEX = re.compile(r"[0-9A-F]+")


def _same_gpg_key(wanted: str, reported: str) -> bool:
    """Whether a configured GPG id and one git reported name the same key: equal, or one a
    long key id (16 hex digits) that the other, a full fingerprint, ends with. Nothing else
    (a string that merely ends with a fingerprint names no key)."""
    if not (_HEX.fullmatch(wanted) and _HEX.fullmatch(reported)):
        return False
    if wanted == reported:
        return len(wanted) >= 16  # a short key id is too easy to collide with
    fingerprints = (40, 64)
    if len(wanted) == 16 and len(reported) in fingerprints:
        return reported.endswith(wanted)
    return len(reported) == 16 and len(wanted) in fingerprints and wanted.endswith(reported)


def key_id(known: str) -> str:
    """How a configured key is recognised in git's report: an SSH public key by its SHA256
    fingerprint (case matters in base64), a GPG key by its upper-case hex fingerprint."""
    if known.startswith(("ssh-", "ecdsa-", "sk-")):
        return ssh_fingerprint(known) or ""
    return _normal(known)


def _matches(known: str, key: str, fingerprint: str) -> bool:
    wanted = key_id(known)
    if not wanted:
        return False
    if wanted.startswith("SHA256:"):
        return wanted in (key, fingerprint)
    # a GPG key may be configured by its full fingerprint or its long key id
    return any(_same_gpg_key(wanted, _normal(r)) for r in (key, fingerprint) if r)


def interpret(config: Config, status: str, key: str, fingerprint: str, signer: str) -> Signature:
    """Whose key made this signature, judged by the keys in ``config``: the config as it stood
    before the signed commit, so a key added later never validates an earlier commit and a key
    removed later does not invalidate it.

    git checks the signature itself; history reads it with an empty allowed-signers file, so
    a cryptographically sound SSH signature comes back as U with its key's fingerprint. Whose
    key that is is decided here, by fingerprint: the principal name a signer file or a signer
    chose proves nothing."""
    word = STATUS.get(status, "unknown-key")
    made_by = key or fingerprint
    if status not in ("G", "U") or not made_by:
        return Signature(word if word != "good" else "unknown-key", made_by, signer)
    for person in config.people:
        if any(_matches(known, key, fingerprint) for known in person.signing_keys):
            return Signature("good", made_by, person.id, person.id)
    if trusted_forge_key(config.approval.trusted_forge_keys, key, fingerprint):
        return Signature("good", made_by, FORGE, FORGE)
    return Signature("untrusted", made_by, signer)


def trusted_forge_key(keys: tuple[str, ...], key: str, fingerprint: str) -> bool:
    """Whether the key git reported is one of ``keys`` (a config's trusted forge keys)."""
    return any(_matches(known, key, fingerprint) for known in keys)
