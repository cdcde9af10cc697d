"""Every setting declared once in desktop.settings, read the same way by every part of the desk."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop import settings as options
from desktop.settings import (
    OPTIONS,
    DeskSettings,
    MailSettings,
    MemoryBackend,
    mail_config,
    read_mail_config,
    read_settings,
    write_settings,
)

ROOT = Path(__file__).resolve().parents[2] / "desktop"


def test_a_fresh_store_reads_every_default() -> None:
    assert read_settings(MemoryBackend()) == DeskSettings()
    for option in OPTIONS.values():
        assert option.read(MemoryBackend()) == option.default


def test_what_is_written_reads_back() -> None:
    backend = MemoryBackend()
    values = DeskSettings(db_kind="postgresql", pg_host="db.example.internal", pg_port=5433, pg_name="gdpr",
                          pg_user="desk", smtp_host="smtp.example.com", smtp_port=2525, smtp_tls="ssl",
                          language="sv", idle_lock_minutes=30)
    write_settings(backend, values)
    assert read_settings(backend) == values
    write_settings(backend, DeskSettings())
    assert "smtp/port" not in backend.values  # no port: the usual one for the TLS mode applies again


@pytest.mark.parametrize(("key", "raw", "expected"), [
    ("database/kind", "oracle", "sqlite"),
    ("database/pg_port", "lots", 5432),
    ("database/pg_port", "70000", 5432),
    ("smtp/port", "0", None),
    ("smtp/tls", "false", "none"),
    ("smtp/tls", "TRUE", "starttls"),
    ("smtp/tls", "quantum", "starttls"),
    ("ui/language", "nb-NO", "nb"),
    ("ui/language", "klingon", "system"),
    ("session/idle_lock_minutes", "0", 15),
    ("session/idle_lock_minutes", "241", 15),
    ("session/idle_lock_minutes", " 30 ", 30),
    ("appearance/theme", "Dark", "dark"),
    ("appearance/theme", "purple", "system"),
    ("database/pg_password_stored", "true", True),
])
def test_hand_edited_values_fall_back_to_the_default(key: str, raw: str, expected: object) -> None:
    assert OPTIONS[key].read(MemoryBackend({key: raw})) == expected


def test_a_key_cannot_be_declared_twice() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        options.declare("smtp/host", "", options.read_text, "again")


def test_mail_config_from_the_settings() -> None:
    assert read_mail_config(MemoryBackend()) is None
    assert mail_config(DeskSettings(smtp_host="smtp.example.com", smtp_tls="ssl", smtp_user="desk@example.com")) == (
        MailSettings(host="smtp.example.com", port=465, security="ssl", username="desk@example.com",
                   sender="desk@example.com"))
    config = read_mail_config(MemoryBackend({"smtp/host": "mx.example.com", "smtp/user": "desk",
                                             "smtp/port": "2525", "smtp/tls": "none"}))
    assert config == MailSettings(host="mx.example.com", port=2525, security="none", username="desk",
                                sender="gdpr-desk@mx.example.com")
    assert config is not None and not config.starttls and not config.ssl


def test_no_other_module_spells_a_declared_key() -> None:
    """A key written as a literal elsewhere is a second declaration that can drift from this one."""
    keys = set(OPTIONS)
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        if path == ROOT / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Constant) and node.value in keys:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value}")
    assert offenders == []
