"""Fixed texts and tables for outcomes and Art. 19 notices, per language."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.catalogue import Texts, pick
from desktop.domain.requests import (
    RequestType,
)

RECTIFIABLE_FIELDS: dict[str, str] = {
    "first_name": "customer", "last_name": "customer", "email": "customer", "phone": "customer",
    "street": "address", "postcode": "address", "city": "address",
}


FIELD_LABELS: dict[str, dict[str, str]] = {
    "nb": {"first_name": "Fornavn", "last_name": "Etternavn", "email": "E-postadresse", "phone": "Telefonnummer",
           "street": "Gateadresse", "postcode": "Postnummer", "city": "Poststed"},
    "en": {"first_name": "First name", "last_name": "Last name", "email": "E-mail address", "phone": "Telephone",
           "street": "Street address", "postcode": "Postcode", "city": "Town"},
    "sv": {"first_name": "Förnamn", "last_name": "Efternamn", "email": "E-postadress", "phone": "Telefonnummer",
           "street": "Gatuadress", "postcode": "Postnummer", "city": "Ort"},
}


CHANGE_TEXT: dict[str, dict[str, str]] = {
    "rectification": {
        "nb": "Opplysningene er rettet (personvernforordningen artikkel 16). De riktige opplysningene er:",
        "en": "The data has been rectified (GDPR Article 16). The correct data is:",
    },
    "restriction": {
        "nb": "Behandlingen av opplysningene er begrenset (personvernforordningen artikkel 18). De kan bare "
              "lagres; annen bruk krever den registrertes samtykke eller rettslige krav. Dette gjelder:",
        "en": "Processing of the data has been restricted (GDPR Article 18). It may only be stored; any other "
              "use needs the data subject's consent or legal claims. This concerns:",
    },
    "objection_upheld": {
        "nb": "Den registrerte har protestert mot behandling basert på berettiget interesse, og protesten er "
              "tatt til følge (personvernforordningen artikkel 21 nr. 1). Behandlingen er stanset for:",
        "en": "The data subject objected to processing based on legitimate interest and the objection was "
              "upheld (GDPR Article 21(1)). Processing has stopped for:",
    },
    "restriction_lifted": {
        "nb": "Begrensningen av behandlingen er opphevet. Den registrerte ble varslet på forhånd "
              "(personvernforordningen artikkel 18 nr. 3). Dette gjelder:",
        "en": "The restriction of processing has been lifted. The data subject was told beforehand "
              "(GDPR Article 18(3)). This concerns:",
    },
}


#: Marketing channels as the person's letters name them, one catalogue entry each.
CHANNEL_NAMES: dict[str, Texts] = {
    "email": {"nb": "e-post", "en": "e-mail", "sv": "e-post"},
    "sms": {"nb": "SMS", "en": "SMS", "sv": "sms"},
    "post": {"nb": "post", "en": "post", "sv": "post"},
}


def channel_names(channels: Iterable[str], lang: str) -> str:
    """"e-post, SMS": the channels in `lang`, an unknown key as itself."""
    return ", ".join(pick(CHANNEL_NAMES[c], lang) if c in CHANNEL_NAMES else c for c in channels)


#: Kept so the person is not contacted again: restricting it would protect no one.
NEVER_RESTRICTED = frozenset({"marketing_suppression"})


#: The step each type's own fulfilment records; `complete` refuses to close a request without it.
FULFILMENT_EVENT: dict[RequestType, str] = {
    RequestType.RECTIFICATION: "rectify",
    RequestType.RESTRICTION: "restrict",
    RequestType.PORTABILITY: "export",
    RequestType.WITHDRAW_CONSENT: "withdraw_consent",
    RequestType.OBJECTION_DIRECT_MARKETING: "object_marketing",
    RequestType.OBJECTION_LEGITIMATE_INTEREST: "decide",
}
