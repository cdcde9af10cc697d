"""Keyed hashing and authenticated encryption for identity numbers and contact suppressions."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE = 12
_AAD = b"gdpr-desk:national-id:v1"


def keyed_hash(key: bytes, value: str) -> str:
    """HMAC-SHA256: exact lookup without a rainbow table of all 11-digit numbers."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def encrypt(key: bytes, plaintext: str) -> bytes:
    nonce = os.urandom(_NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), _AAD)


def decrypt(key: bytes, blob: bytes) -> str:
    return AESGCM(key).decrypt(blob[:_NONCE], blob[_NONCE:], _AAD).decode("utf-8")
