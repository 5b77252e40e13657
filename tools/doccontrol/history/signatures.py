"""Signature verification set-up: who may sign approvals, and what git reported."""

from __future__ import annotations

import base64
import hashlib

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


def interpret(config: Config, status: str, key: str, fingerprint: str, signer: str) -> Signature:
    """Whose key made this signature: a person id, the forge, or nobody we know."""
    word = STATUS.get(status, "unknown-key")
    if word != "good":
        return Signature(word, key or fingerprint, signer)
    for person in config.people:
        for known in person.signing_keys:
            if (
                signer == person.id
                or ssh_fingerprint(known) == key
                or _normal(known) in (_normal(fingerprint), _normal(key))
            ):
                return Signature("good", key or fingerprint, person.id, person.id)
    for known in config.approval.trusted_forge_keys:
        if (
            signer == FORGE
            or ssh_fingerprint(known) == key
            or _normal(known) in (_normal(fingerprint), _normal(key))
        ):
            return Signature("good", key or fingerprint, FORGE, FORGE)
    return Signature("untrusted", key or fingerprint, signer)
