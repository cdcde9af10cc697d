"""A local HTTP server that answers like Twilio's Messages resource, errors included.

    POST /2010-04-01/Accounts/{AccountSid}/Messages.json   (HTTP Basic: AccountSid:AuthToken)
    form: To, Body, and From or MessagingServiceSid
    201 {"sid": "SM...", "status": "queued", ...}
    4xx/5xx {"code": N, "message": "...", "more_info": "https://www.twilio.com/docs/errors/N", "status": S}

Numbers chosen by the test trigger the documented errors: an invalid 'To' (21211, whose message
quotes the number, as Twilio's does), an unsubscribed recipient (21610), a landline (21614). The
server can also be told to rate-limit (20429), fail (500) or stall.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "test-auth-token-0123456789"
INVALID_TO = "+4700000000"
UNSUBSCRIBED_TO = "+4799999999"
LANDLINE_TO = "+4722222222"


@dataclass
class FakeTwilio:
    port: int = 0
    received: list[dict[str, str]] = field(default_factory=list)
    #: "", "rate_limit", "server_error", "stall" or "garbage"
    mode: str = ""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _error(code: int, message: str, status: int) -> tuple[int, dict[str, object]]:
    return status, {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                    "status": status}


def _handler(state: FakeTwilio) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def _answer(self, status: int, payload: dict[str, object] | bytes) -> None:
            body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
            if state.mode == "stall":
                time.sleep(3)
            parts = self.path.split("/")
            if len(parts) != 5 or parts[1] != "2010-04-01" or parts[2] != "Accounts" or parts[4] != "Messages.json":
                return self._answer(*_error(20404, "The requested resource was not found", 404))
            if parts[3] != ACCOUNT_SID:
                return self._answer(*_error(20404, f"The requested resource /2010-04-01/Accounts/{parts[3]}/"
                                                   "Messages.json was not found", 404))
            auth = self.headers.get("Authorization", "")
            expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
            if auth != expected:
                return self._answer(*_error(20003, "Authenticate", 401))
            if state.mode == "rate_limit":
                return self._answer(*_error(20429, "Too Many Requests", 429))
            if state.mode == "server_error":
                return self._answer(500, {"code": 20500, "message": "Internal Server Error", "status": 500})
            if state.mode == "garbage":
                return self._answer(201, b"<html>not json</html>")
            to = form.get("To", "")
            if "From" not in form and "MessagingServiceSid" not in form:
                return self._answer(*_error(21603, "A 'From' or 'MessagingServiceSid' parameter is required to "
                                                   "send a message", 400))
            if to == INVALID_TO:
                return self._answer(*_error(21211, f"The 'To' number {to} is not a valid phone number.", 400))
            if to == UNSUBSCRIBED_TO:
                return self._answer(*_error(21610, "Attempt to send to unsubscribed recipient", 400))
            if to == LANDLINE_TO:
                return self._answer(*_error(21614, f"'To' number {to} is not a valid mobile number", 400))
            state.received.append(form)
            sid = "SM" + uuid.uuid4().hex
            return self._answer(201, {"sid": sid, "status": "queued", "to": to, "from": form.get("From"),
                                      "body": form.get("Body"), "account_sid": ACCOUNT_SID, "num_segments": "1",
                                      "api_version": "2010-04-01",
                                      "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}.json"})

    return Handler


@contextmanager
def fake_twilio() -> Iterator[FakeTwilio]:
    state = FakeTwilio()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
