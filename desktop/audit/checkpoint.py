"""Signed checkpoints of the access log, for an auditor to keep outside the database.

A checkpoint is an anchor (entry number and hash) with the database's instance id and the time,
signed with an Ed25519 key that is not the chain key. The chain key sits on every workstation (or
inside the database), so it cannot vouch for anything; the checkpoint key's private half lives
only in the keyring of the administrator who makes checkpoints, and its public half is stored in
the database (`db_meta`, named by its fingerprint) so any workstation can check a signature.

The file is plain JSON an auditor can read, print or mail: the signature covers every field
except itself, in a canonical form (sorted keys, no spaces, UTF-8).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from desktop.audit.anchor import Anchor

__all__ = [
    "FORMAT",
    "Checkpoint",
    "CheckpointKey",
    "MalformedCheckpoint",
    "fingerprint",
    "public_key_meta",
]

FORMAT = "gdpr-desk-checkpoint/1"
#: The db_meta row that names the key new checkpoints are signed with.
CURRENT_KEY_META = "checkpoint_key_current"
#: The most a checkpoint file may hold; anything larger is not one of ours.
MAX_FILE_BYTES = 16_384


class MalformedCheckpoint(ValueError):
    """The text is not a checkpoint this program wrote (the message says what is wrong)."""


def fingerprint(public_raw: bytes) -> str:
    """A short, readable name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def public_key_meta(key_id: str) -> str:
    """The db_meta row holding the public half of the key with this fingerprint."""
    return f"checkpoint_key:{key_id}"


@dataclass(frozen=True)
class CheckpointKey:
    """An Ed25519 key pair (the private half may be absent: verification needs only the public)."""

    public_raw: bytes
    private_raw: bytes | None = None

    @classmethod
    def generate(cls) -> CheckpointKey:
        private = Ed25519PrivateKey.generate()
        return cls(
            private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
            private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        )

    @classmethod
    def from_private(cls, private_raw: bytes) -> CheckpointKey:
        private = Ed25519PrivateKey.from_private_bytes(private_raw)
        return cls(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), private_raw)

    @property
    def key_id(self) -> str:
        return fingerprint(self.public_raw)

    def sign(self, message: bytes) -> bytes:
        if self.private_raw is None:
            raise ValueError("this key has no private half")
        return Ed25519PrivateKey.from_private_bytes(self.private_raw).sign(message)

    def verifies(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_raw).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class Checkpoint:
    instance_id: str
    anchor: Anchor
    #: When it was made, UTC, whole seconds.
    at: datetime
    key_id: str
    signature: bytes = b""

    @classmethod
    def make(cls, instance_id: str, anchor: Anchor, key: CheckpointKey, at: datetime | None = None) -> Checkpoint:
        when = (at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        unsigned = cls(instance_id, anchor, when, key.key_id)
        return cls(instance_id, anchor, when, key.key_id, key.sign(unsigned.signed_bytes()))

    def _fields(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "instance_id": self.instance_id,
            "seq": self.anchor.seq,
            "entry_hash": self.anchor.entry_hash,
            "at": self.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "key_id": self.key_id,
        }

    def signed_bytes(self) -> bytes:
        return json.dumps(self._fields(), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    def signed_by(self, key: CheckpointKey) -> bool:
        return key.key_id == self.key_id and key.verifies(self.signed_bytes(), self.signature)

    def to_text(self) -> str:
        body = dict(self._fields(), signature=base64.b64encode(self.signature).decode("ascii"))
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_text(cls, text: str) -> Checkpoint:
        """Parse a checkpoint file; MalformedCheckpoint (never another error) when it is not one."""
        if len(text) > MAX_FILE_BYTES:
            raise MalformedCheckpoint("the file is far larger than a checkpoint")
        try:
            raw = json.loads(text)
        except ValueError as exc:
            raise MalformedCheckpoint("the file is not a checkpoint (not JSON)") from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise MalformedCheckpoint(f"the file is not a checkpoint (format is not {FORMAT})")
        try:
            seq, entry_hash = raw["seq"], raw["entry_hash"]
            instance_id, key_id = str(raw["instance_id"]), str(raw["key_id"])
            at = datetime.strptime(str(raw["at"]), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            signature = base64.b64decode(str(raw["signature"]), validate=True)
            anchor = Anchor(seq, entry_hash)
        except KeyError as exc:
            raise MalformedCheckpoint(f"the checkpoint lacks the field {exc.args[0]!r}") from exc
        except (ValueError, TypeError, binascii.Error) as exc:
            raise MalformedCheckpoint(f"the checkpoint has a malformed field ({exc})") from exc
        return cls(instance_id, anchor, at, key_id, signature)

    def describe(self) -> str:
        return (f"entry {self.anchor.seq} (hash {self.anchor.entry_hash[:16]}…) of database {self.instance_id}, "
                f"made {self.at.strftime('%Y-%m-%d %H:%M:%S')} UTC, key {self.key_id}")
