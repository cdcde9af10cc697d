"""The database's secret keys: in the OS keyring, or for a demo database only, in a key file.

Three 256-bit keys per database instance: the identity-number hash key, the identity-number
encryption key and the access-log chain key. They are named by the database's instance id, so two
databases on one workstation never share keys.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import KeyringUnavailable
from desktop.settings import KEYRING_SERVICE

#: The keyring service the keys are kept under: the one every password of the desk uses.
SERVICE = KEYRING_SERVICE
KEY_NAMES = ("nid_hash", "nid_enc", "audit")

HOW_TO_GET_A_KEYRING = (
    "Windows and macOS have one built in. On Linux install and unlock a Secret Service keyring "
    "(GNOME Keyring or KWallet), e.g. 'sudo apt-get install gnome-keyring', then sign in again."
)


@dataclass(frozen=True)
class DeskKeys:
    nid_hash: bytes
    nid_enc: bytes
    audit: bytes
    #: "keyring", or "key-file" (a demo database without a keyring: shown as demo-only in the UI).
    storage: str

    @property
    def demo_only(self) -> bool:
        return self.storage == "key-file"


def _encode(keys: dict[str, bytes]) -> str:
    return json.dumps({k: base64.b64encode(v).decode("ascii") for k, v in keys.items()})


def _decode(blob: str, where: str) -> dict[str, bytes]:
    try:
        raw = json.loads(blob)
        keys = {k: base64.b64decode(raw[k]) for k in KEY_NAMES}
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyringUnavailable(
            f"The keys stored in {where} are damaged.", f"Nøklene i {where} er skadet."
        ) from exc
    if any(len(v) != 32 for v in keys.values()):
        raise KeyringUnavailable(f"The keys stored in {where} are damaged.", f"Nøklene i {where} er skadet.")
    return keys


def keyring_available() -> bool:
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    if isinstance(backend, fail.Keyring):
        return False
    # The chainer backend is only useful when it has a real backend behind it.
    inner = getattr(backend, "backends", None)
    return not (inner is not None and not inner)


def keyring_entry(instance_id: str) -> str:
    """The keyring user name under SERVICE that holds one database's keys (shown to IT, used by import)."""
    return f"db:{instance_id}"


def key_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def load_keys(instance_id: str, *, demo: bool, key_file: Path | None, create: bool) -> DeskKeys:
    """Keys for one database; creates them on first use when `create` is set."""
    import keyring
    from keyring.errors import KeyringError

    if keyring_available():
        try:
            blob = keyring.get_password(SERVICE, keyring_entry(instance_id))
            if blob is None and key_file is not None and key_file.exists() and demo:
                # A demo database that began without a keyring keeps its key file.
                return _from_file(key_file)
            if blob is None:
                if not create:
                    raise KeyringUnavailable(
                        f"This workstation's keyring has no keys for database {instance_id}. "
                        "Import them with 'gdpr-desk keys import --db URL --in FILE' (IT has the export).",
                        f"Nøkkelringen på denne maskinen mangler nøklene for database {instance_id}. "
                        "Importer dem med 'gdpr-desk keys import --db URL --in FIL' (IT har eksporten).",
                    )
                fresh = {k: secrets.token_bytes(32) for k in KEY_NAMES}
                keyring.set_password(SERVICE, keyring_entry(instance_id), _encode(fresh))
                blob = keyring.get_password(SERVICE, keyring_entry(instance_id))
                if blob is None:
                    raise KeyringUnavailable(
                        "The keyring did not keep the new keys.", "Nøkkelringen beholdt ikke de nye nøklene."
                    )
            keys = _decode(blob, "the keyring")
            return DeskKeys(keys["nid_hash"], keys["nid_enc"], keys["audit"], "keyring")
        except KeyringError as exc:
            if not demo or key_file is None:
                raise KeyringUnavailable(
                    f"The OS keyring failed ({exc}). {HOW_TO_GET_A_KEYRING}",
                    f"Nøkkelringen i operativsystemet feilet ({exc}). {HOW_TO_GET_A_KEYRING}",
                ) from exc
    if not demo or key_file is None:
        raise KeyringUnavailable(
            "No OS keyring is available, and only a demo database may keep its keys in a file. "
            + HOW_TO_GET_A_KEYRING,
            "Ingen nøkkelring er tilgjengelig, og bare en demodatabase kan ha nøklene i en fil. "
            "Windows og macOS har nøkkelring innebygd; på Linux installer og lås opp GNOME Keyring "
            "eller KWallet (f.eks. 'sudo apt-get install gnome-keyring').",
        )
    if key_file.exists():
        return _from_file(key_file)
    if not create:
        raise KeyringUnavailable(f"The demo key file {key_file} is missing.", f"Demonøkkelfilen {key_file} mangler.")
    fresh = {k: secrets.token_bytes(32) for k in KEY_NAMES}
    fd = os.open(key_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(_encode(fresh))
    return DeskKeys(fresh["nid_hash"], fresh["nid_enc"], fresh["audit"], "key-file")


def _from_file(key_file: Path) -> DeskKeys:
    keys = _decode(key_file.read_text(encoding="utf-8"), str(key_file))
    return DeskKeys(keys["nid_hash"], keys["nid_enc"], keys["audit"], "key-file")


def export_keys(keys: DeskKeys) -> str:
    """For IT to carry a team database's keys to another workstation's keyring."""
    return _encode({"nid_hash": keys.nid_hash, "nid_enc": keys.nid_enc, "audit": keys.audit})


def import_keys(instance_id: str, blob: str) -> None:
    import keyring

    if not keyring_available():
        raise KeyringUnavailable(
            "No OS keyring is available. " + HOW_TO_GET_A_KEYRING,
            "Ingen nøkkelring er tilgjengelig. Windows og macOS har nøkkelring innebygd; på Linux installer "
            "og lås opp GNOME Keyring eller KWallet (f.eks. 'sudo apt-get install gnome-keyring').",
        )
    _decode(blob, "the import")
    keyring.set_password(SERVICE, keyring_entry(instance_id), blob.strip())
