"""Signature verification set-up: who may sign approvals, and what git reported."""

from __future__ import annotations

import base64
import hashlib
import os
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
FORGE = "forge"

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


def keyring_state(environ: Mapping[str, str] = os.environ) -> str:
    """A digest of the GnuPG keyring git's signature checks read (each file's size, inode and
    times): a key revoked, expired by a refresh, imported or trusted since changes what a
    fresh derivation concludes, so a history that holds signatures is not reused across it."""
    home = environ.get("GNUPGHOME") or os.path.join(environ.get("HOME", ""), ".gnupg")
    parts = [home]
    for name in _KEYRING_FILES:
        try:
            found = os.stat(os.path.join(home, name))
        except OSError:
            parts.append(f"{name}:-")
            continue
        parts.append(
            f"{name}:{found.st_size}:{found.st_ino}:{found.st_mtime_ns}:{found.st_ctime_ns}"
        )
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


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
    return fingerprint.replace(" ", "").upper()


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
    reported = {r for r in (_normal(key), _normal(fingerprint)) if len(r) >= 16}
    if len(wanted) < 16:  # a short key id is too easy to collide with
        return False
    # a GPG key may be configured by its full fingerprint or its long key id
    return any(r.endswith(wanted) or wanted.endswith(r) for r in reported)


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
    if any(_matches(known, key, fingerprint) for known in config.approval.trusted_forge_keys):
        return Signature("good", made_by, FORGE, FORGE)
    return Signature("untrusted", made_by, signer)
