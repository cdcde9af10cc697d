"""Text messages through Twilio's Programmable Messaging REST API (the Messages resource).

    POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json
    HTTP Basic auth: the Account SID (or an API key SID) and its auth token (or key secret)
    form fields: To (E.164), Body, and From (a number or an alphanumeric sender id) or
                 MessagingServiceSid (MG...)
    201 Created with the message as JSON ({"sid": "SM...", "status": "queued", ...}); an error is
    JSON {"code": 21211, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21211",
    "status": 400}.

Only the standard library (urllib) is used, so no SDK is bundled. Every failure becomes one
`DeliveryFailed` that names the cause (in Bokmål and English) and never the recipient: the
provider's own message is shown only with long digit runs masked, since it may quote the number.
The auth token is fetched through a callable when a message goes out (the composition root reads
it from the OS keyring), so building the gateway never touches the keyring.
"""

from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from desktop.errors import DeliveryFailed, InvalidInput

__all__ = ["TWILIO_API", "TwilioConfig", "TwilioSmsGateway"]

TWILIO_API = "https://api.twilio.com"
_ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_SERVICE_SID = re.compile(r"MG[0-9a-fA-F]{32}")
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
# An alphanumeric sender id: up to 11 letters, digits and spaces, at least one letter.
_ALPHA_SENDER = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}")
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{4,}\d")

#: What the common Messages errors mean for the agent, by Twilio error code.
_KNOWN: dict[int, tuple[str, str]] = {
    20003: ("the SMS provider refused the account SID or auth token (check Settings)",
            "SMS-leverandøren avviste konto-SID eller autentiseringsnøkkel (sjekk Innstillinger)"),
    20404: ("the SMS provider does not know this account (check the account SID in Settings)",
            "SMS-leverandøren kjenner ikke kontoen (sjekk konto-SID i Innstillinger)"),
    20429: ("the SMS provider is limiting how fast messages are sent; try again in a minute",
            "SMS-leverandøren begrenser hvor raskt meldinger sendes; prøv igjen om et minutt"),
    21211: ("the registered mobile number is not a valid number for SMS",
            "det registrerte mobilnummeret er ikke et gyldig nummer for SMS"),
    21614: ("the registered number cannot receive SMS (not a mobile number)",
            "det registrerte nummeret kan ikke motta SMS (ikke et mobilnummer)"),
    21408: ("the SMS account may not send to this country",
            "SMS-kontoen har ikke lov til å sende til dette landet"),
    21610: ("the customer has stopped messages from this sender (replied STOP)",
            "kunden har stoppet meldinger fra denne avsenderen (svarte STOP)"),
    21212: ("the sender set in Settings is not valid for this account",
            "avsenderen i Innstillinger er ikke gyldig for denne kontoen"),
    21606: ("the sender set in Settings cannot send SMS",
            "avsenderen i Innstillinger kan ikke sende SMS"),
    21659: ("the sender set in Settings does not belong to this account",
            "avsenderen i Innstillinger hører ikke til denne kontoen"),
    21602: ("the message had no text", "meldingen hadde ingen tekst"),
}


@dataclass(frozen=True)
class TwilioConfig:
    account_sid: str
    #: A number in E.164, an alphanumeric sender id, or a Messaging Service SID (MG...).
    sender: str
    base_url: str = TWILIO_API
    timeout: float = 10.0

    def validated(self) -> TwilioConfig:
        """Refuse settings that can never work, with a message that says which."""
        sid, sender, base = self.account_sid.strip(), self.sender.strip(), self.base_url.strip().rstrip("/")
        if not _ACCOUNT_SID.fullmatch(sid):
            raise InvalidInput("The SMS account SID is 'AC' followed by 32 hexadecimal digits.",
                               "Konto-SID for SMS er 'AC' fulgt av 32 heksadesimale sifre.")
        if not (_E164.fullmatch(sender) or _SERVICE_SID.fullmatch(sender) or _ALPHA_SENDER.fullmatch(sender)):
            raise InvalidInput(
                "The SMS sender is a number such as +4791234567, a name of at most 11 letters and digits, "
                "or a Messaging Service SID (MG...).",
                "SMS-avsenderen er et nummer som +4791234567, et navn på høyst 11 bokstaver og sifre, "
                "eller en Messaging Service SID (MG...).",
            )
        parts = urllib.parse.urlsplit(base)
        local = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if parts.scheme != "https" and not (parts.scheme == "http" and local):
            raise InvalidInput("The SMS provider's address must start with https://.",
                               "Adressen til SMS-leverandøren må starte med https://.")
        if not 0 < self.timeout <= 120:
            raise InvalidInput("The SMS timeout is 1-120 seconds.", "Tidsavbruddet for SMS er 1-120 sekunder.")
        return TwilioConfig(sid, sender, base, self.timeout)


def _masked(text: str) -> str:
    return _DIGIT_RUN.sub("…", text)[:200]


class TwilioSmsGateway:
    """Sends one SMS per call; raises DeliveryFailed when the provider does not accept it."""

    def __init__(self, config: TwilioConfig, auth_token: Callable[[], str | None]) -> None:
        self.config = config.validated()
        self._auth_token = auth_token
        self.last_sid: str | None = None

    @property
    def endpoint(self) -> str:
        sid = urllib.parse.quote(self.config.account_sid, safe="")
        return f"{self.config.base_url}/2010-04-01/Accounts/{sid}/Messages.json"

    def send_sms(self, to: str, text: str) -> None:
        """Send, or raise DeliveryFailed; `last_sid` then holds the provider's message SID (SM...)."""
        if not _E164.fullmatch(to):
            raise DeliveryFailed("the registered mobile number is not in international form",
                                 "det registrerte mobilnummeret er ikke på internasjonal form")
        token = self._auth_token()
        if not token:
            raise DeliveryFailed("no SMS auth token is stored in the keyring (Settings)",
                                 "ingen autentiseringsnøkkel for SMS er lagret i nøkkelringen (Innstillinger)")
        sender = self.config.sender
        fields = {"To": to, "Body": text}
        fields["MessagingServiceSid" if _SERVICE_SID.fullmatch(sender) else "From"] = sender
        basic = base64.b64encode(f"{self.config.account_sid}:{token}".encode()).decode("ascii")
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked in TwilioConfig.validated)
            self.endpoint, data=urllib.parse.urlencode(fields).encode("utf-8"), method="POST",
            headers={"Authorization": f"Basic {basic}", "Accept": "application/json",
                     "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                     "User-Agent": "gdpr-desk"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:  # noqa: S310
                status, body = response.status, response.read(65536)
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read(65536) if exc.fp is not None else b""
        except OSError as exc:  # URLError, timeouts, TLS and connection errors alike
            reason = getattr(exc, "reason", exc)
            raise DeliveryFailed(f"the SMS provider could not be reached ({_masked(str(reason))})",
                                 f"SMS-leverandøren kunne ikke nås ({_masked(str(reason))})") from exc
        self.last_sid = self._outcome(status, body)

    @staticmethod
    def _outcome(status: int, body: bytes) -> str:
        try:
            payload = json.loads(body.decode("utf-8")) if body else {}
        except (UnicodeDecodeError, ValueError):
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        if status in (200, 201):
            sid = payload.get("sid")
            if isinstance(sid, str) and sid:
                return sid
            raise DeliveryFailed("the SMS provider's answer was not understood; the message may not have gone out",
                                 "svaret fra SMS-leverandøren ble ikke forstått; meldingen er kanskje ikke sendt")
        code = payload.get("code")
        code = code if isinstance(code, int) else {401: 20003, 404: 20404, 429: 20429}.get(status)
        if code in _KNOWN:
            en, nb = _KNOWN[code]
            raise DeliveryFailed(f"{en} (Twilio {code})", f"{nb} (Twilio {code})")
        if status >= 500:
            raise DeliveryFailed(f"the SMS provider is not available right now (HTTP {status}); try again",
                                 f"SMS-leverandøren er ikke tilgjengelig nå (HTTP {status}); prøv igjen")
        said = payload.get("message")
        detail = f": {_masked(said)}" if isinstance(said, str) and said else ""
        label = f"Twilio {code}" if code else f"HTTP {status}"
        raise DeliveryFailed(f"the SMS provider refused the message ({label}){detail}",
                             f"SMS-leverandøren avviste meldingen ({label}){detail}")
