"""The private half of a database's checkpoint key, in the OS keyring of whoever makes checkpoints.

Never in a file and never in the database: a checkpoint signed with a key the database (or a
workstation's chain key) could reach would prove nothing to the auditor.
"""

from __future__ import annotations

import base64
import binascii

from desktop.audit.checkpoint import CheckpointKey
from desktop.errors import KeyringUnavailable
from desktop.security.keys import HOW_TO_GET_A_KEYRING, SERVICE, keyring_available

__all__ = ["checkpoint_keyring_entry", "load_checkpoint_key", "store_checkpoint_key"]


def checkpoint_keyring_entry(instance_id: str) -> str:
    return f"checkpoint:{instance_id}"


def _require_keyring() -> None:
    if not keyring_available():
        raise KeyringUnavailable(
            "Checkpoints are signed with a key kept in the OS keyring, and none is available. "
            + HOW_TO_GET_A_KEYRING,
            "Kontrollpunkter signeres med en nøkkel i operativsystemets nøkkelring, og ingen er tilgjengelig. "
            "Windows og macOS har nøkkelring innebygd; på Linux installer og lås opp GNOME Keyring eller KWallet.",
        )


def load_checkpoint_key(instance_id: str) -> CheckpointKey | None:
    """This workstation's private checkpoint key for the database, or None when it has none."""
    import keyring
    from keyring.errors import KeyringError

    _require_keyring()
    try:
        blob = keyring.get_password(SERVICE, checkpoint_keyring_entry(instance_id))
    except KeyringError as exc:
        raise KeyringUnavailable(f"The OS keyring failed ({exc}).", f"Nøkkelringen feilet ({exc}).") from exc
    if blob is None:
        return None
    try:
        return CheckpointKey.from_private(base64.b64decode(blob, validate=True))
    except (ValueError, binascii.Error) as exc:
        raise KeyringUnavailable("The checkpoint key in the keyring is damaged.",
                                 "Kontrollpunktnøkkelen i nøkkelringen er skadet.") from exc


def store_checkpoint_key(instance_id: str, key: CheckpointKey) -> None:
    import keyring
    from keyring.errors import KeyringError

    _require_keyring()
    if key.private_raw is None:
        raise ValueError("only a private key is stored")
    try:
        keyring.set_password(SERVICE, checkpoint_keyring_entry(instance_id),
                             base64.b64encode(key.private_raw).decode("ascii"))
    except KeyringError as exc:
        raise KeyringUnavailable(f"The OS keyring failed ({exc}).", f"Nøkkelringen feilet ({exc}).") from exc
