"""Carrying a database's keys between workstations, and telling right keys from wrong ones.

A team database has one set of keys, made once (by `gdpr-desk db init-team`) and copied to every
workstation's keyring. The copy travels as a file encrypted under a passphrase (scrypt + AES-GCM),
bound to the database's instance id so a file for another database cannot be imported by mistake.

The key check value, kept in the database's metadata, lets the desk refuse keys that do not belong
to the database: wrong keys would chain access-log entries no one can verify and hide identity
numbers for good. It is an HMAC of a fixed label under each key, so it reveals nothing about them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop import paths
from desktop.errors import InvalidInput
from desktop.security.keys import KEY_NAMES, DeskKeys

#: The db_meta entry holding the key check value.
KEY_CHECK_META = "key_check"
FORMAT = "gdpr-desk-keys"
VERSION = 1
#: scrypt cost for new exports: 2**17 x 128 x 8 bytes = 128 MiB and about half a second, the
#: current OWASP recommendation. Files carry their own parameters; tests lower this for speed.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
#: What an import accepts from a file: weaker is not ours, stronger could exhaust the memory.
_MIN_N, _MAX_N = 2**14, 2**20
MIN_PASSPHRASE = 12
_MAX_FILE = 64 * 1024


def key_check_value(keys: DeskKeys, instance_id: str) -> str:
    """One short HMAC per key over a fixed label: equal for the right keys, different otherwise."""
    parts = {
        name: hmac.new(getattr(keys, name), f"gdpr-desk key check\x1f{name}\x1f{instance_id}".encode(),
                       hashlib.sha256).hexdigest()[:32]
        for name in KEY_NAMES
    }
    return json.dumps(parts, sort_keys=True, separators=(",", ":"))


def key_check_matches(keys: DeskKeys, instance_id: str, stored: str) -> bool:
    return hmac.compare_digest(key_check_value(keys, instance_id), stored.strip())


@dataclass(frozen=True)
class KeyFileHeader:
    """The part of an export readable without the passphrase: which database it is for."""

    instance_id: str
    database: str
    created_at: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _aad(header: dict[str, Any]) -> bytes:
    # Everything but the ciphertext and nonce is authenticated: changing the instance id (or the
    # KDF cost) in the file makes decryption fail instead of importing keys for the wrong database.
    fields = {k: header[k] for k in ("format", "version", "instance_id", "database", "created_at", "kdf")}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"The passphrase must be at least {MIN_PASSPHRASE} characters long.",
            f"Passordfrasen må ha minst {MIN_PASSPHRASE} tegn.",
        )


def seal(keys: DeskKeys, instance_id: str, database: str, created_at: str, passphrase: str) -> bytes:
    """The export file's bytes: a readable header and the three keys encrypted under the passphrase."""
    check_passphrase(passphrase)
    salt = os.urandom(16)
    nonce = os.urandom(12)
    header: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "instance_id": instance_id, "database": database,
        "created_at": created_at,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
    }
    plain = json.dumps({name: _b64(getattr(keys, name)) for name in KEY_NAMES}).encode("utf-8")
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header["cipher"] = "AES-256-GCM"
    header["nonce"] = _b64(nonce)
    header["ciphertext"] = _b64(AESGCM(key).encrypt(nonce, plain, _aad(header)))
    return (json.dumps(header, indent=2) + "\n").encode("utf-8")


def _exists(path: Path) -> InvalidInput:
    return InvalidInput(
        f"{path} exists already; choose another file name (a key export is never overwritten).",
        f"{path} finnes allerede; velg et annet filnavn (en nøkkeleksport overskrives aldri).",
    )


def refuse_existing(path: Path) -> None:
    """Say so before any work is done; `write_export` checks again, atomically."""
    if path.exists():
        raise _exists(path)


def write_export(path: Path, data: bytes) -> None:
    """Create the file readable by its owner only; never overwrite an existing export."""
    try:
        paths.write_private(path, data, overwrite=False)
    except FileExistsError as exc:
        raise _exists(path) from exc
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be created: {exc.strerror}.",
                           f"{path} kan ikke opprettes: {exc.strerror}.") from exc


def _not_an_export(path: Path) -> InvalidInput:
    return InvalidInput(f"{path} is not a GDPR Desk key export (or it is damaged).",
                        f"{path} er ikke en nøkkeleksport fra GDPR Desk (eller den er skadet).")


def read_export(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAX_FILE + 1)
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read: {exc.strerror}.",
                           f"{path} kan ikke leses: {exc.strerror}.") from exc
    if len(data) > _MAX_FILE:
        raise _not_an_export(path)
    try:
        raw = json.loads(data.decode("utf-8"))
        kdf = raw["kdf"]
        ok = (raw["format"] == FORMAT and raw["version"] == VERSION and kdf["name"] == "scrypt"
              and all(isinstance(raw[k], str) for k in ("instance_id", "database", "created_at", "nonce",
                                                         "ciphertext"))
              and all(isinstance(kdf[k], int) for k in ("n", "r", "p")) and isinstance(kdf["salt"], str))
    except (ValueError, KeyError, TypeError) as exc:
        raise _not_an_export(path) from exc
    if not ok:
        raise _not_an_export(path)
    if not (_MIN_N <= kdf["n"] <= _MAX_N and kdf["r"] == SCRYPT_R and kdf["p"] == SCRYPT_P):
        raise _not_an_export(path)
    return dict(raw)


def header_of(raw: dict[str, Any]) -> KeyFileHeader:
    return KeyFileHeader(raw["instance_id"], raw["database"], raw["created_at"])


def open_sealed(raw: dict[str, Any], passphrase: str, path: Path) -> DeskKeys:
    """The keys inside an export; a wrong passphrase and a changed file are both refused."""
    kdf = raw["kdf"]
    try:
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(raw["nonce"], validate=True)
        sealed = base64.b64decode(raw["ciphertext"], validate=True)
    except ValueError as exc:
        raise _not_an_export(path) from exc
    key = _derive(passphrase, salt, kdf["n"], kdf["r"], kdf["p"])
    try:
        plain = AESGCM(key).decrypt(nonce, sealed, _aad(raw))
    except (InvalidTag, ValueError) as exc:
        raise InvalidInput(
            f"Wrong passphrase for {path}, or the file was changed. Nothing was imported.",
            f"Feil passordfrase for {path}, eller filen er endret. Ingenting ble importert.",
        ) from exc
    try:
        values = {k: base64.b64decode(v) for k, v in json.loads(plain).items()}
        keys = DeskKeys(values["nid_hash"], values["nid_enc"], values["audit"], "keyring")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _not_an_export(path) from exc
    if any(len(getattr(keys, name)) != 32 for name in KEY_NAMES):
        raise _not_an_export(path)
    return keys
