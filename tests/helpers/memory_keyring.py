"""An in-memory keyring for tests: the real API, no OS keyring, nothing on disk."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError as exc:
            raise PasswordDeleteError(username) from exc


def lose_keyring() -> None:
    """From here on there is no OS keyring (a headless machine): every keyring call raises NoKeyringError.

    The autouse `memory_keyring` fixture puts the previous backend back after the test.
    """
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
