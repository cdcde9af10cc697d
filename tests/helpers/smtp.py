"""A real SMTP server on a free local port (aiosmtpd), for every test that sends mail."""

from __future__ import annotations

import email
import email.message
import email.policy
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Inbox:
    """An aiosmtpd handler that keeps what it receives: each message and its envelope recipients."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.recipients.append(list(envelope.rcpt_tos))
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, email.message.EmailMessage)
        self.messages.append(message)
        return "250 Message accepted"

    def last_code(self) -> str:
        """The six-digit one-time code in the last message."""
        body = self.messages[-1].get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        m = re.search(r"\b(\d{6})\b", text)
        assert m, text
        return m.group(1)


def free_port() -> int:
    """A port nobody listens on (yet): a dead mail server, or where a new one will listen."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def local_smtp() -> Iterator[tuple[Inbox, int]]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()
