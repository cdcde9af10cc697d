"""The verification methods, channels and document kinds, with their labels in Bokmål, English and Swedish."""

from __future__ import annotations

from desktop.catalogue import Texts, pick

CHANNELS: tuple[str, ...] = ("phone", "counter", "email", "letter", "web")
CODE_CHANNELS: tuple[str, ...] = ("email", "sms")
QUESTION_KINDS: tuple[str, ...] = ("order_number", "delivery_address", "order_date", "order_amount")
ID_DOCUMENT_KINDS: tuple[str, ...] = ("passport", "national_id_card", "driving_licence", "bank_card_with_photo")
ELECTRONIC_ID_PROVIDERS: tuple[str, ...] = (
    "BankID", "BankID on mobile", "Buypass", "Commfides", "Freja eID", "BankID (SE)",
)
METHODS: tuple[str, ...] = ("questions", "email_code", "sms_code", "id_document", "electronic_id")


#: The labels the UI can show, one catalogue entry per key; keys are what the service stores and logs.
LABELS: dict[str, Texts] = {
    "phone": {"nb": "Telefon", "en": "Phone", "sv": "Telefon"},
    "counter": {"nb": "Skranke", "en": "Counter", "sv": "I butiken"},
    "email": {"nb": "E-post", "en": "E-mail", "sv": "E-post"},
    "letter": {"nb": "Brev", "en": "Letter", "sv": "Brev"},
    "web": {"nb": "Nett", "en": "Web", "sv": "Webb"},
    "sms": {"nb": "SMS", "en": "SMS", "sv": "Sms"},
    "order_number": {"nb": "Ordrenummer", "en": "Order number", "sv": "Ordernummer"},
    "delivery_address": {
        "nb": "Leveringsadresse (gate eller postnummer)", "en": "Delivery address (street or postcode)",
        "sv": "Leveransadress (gata eller postnummer)",
    },
    "order_date": {
        "nb": "Dato for en nylig bestilling", "en": "Date of a recent order",
        "sv": "Datum för en nyligen gjord beställning",
    },
    "order_amount": {
        "nb": "Beløp for en nylig bestilling", "en": "Amount of a recent order",
        "sv": "Belopp för en nyligen gjord beställning",
    },
    "questions": {
        "nb": "Kontrollspørsmål fra kunderegisteret", "en": "Questions answered from the record",
        "sv": "Kontrollfrågor från kundregistret",
    },
    "email_code": {"nb": "Engangskode på e-post", "en": "One-time code by e-mail", "sv": "Engångskod via e-post"},
    "sms_code": {"nb": "Engangskode på SMS", "en": "One-time code by SMS", "sv": "Engångskod via sms"},
    "id_document": {
        "nb": "Legitimasjon vist i skranken", "en": "ID document seen at the counter",
        "sv": "Id-handling som visats i butiken",
    },
    "electronic_id": {"nb": "Elektronisk ID", "en": "Electronic ID", "sv": "E-legitimation"},
    "passport": {"nb": "Pass", "en": "Passport", "sv": "Pass"},
    "national_id_card": {"nb": "Nasjonalt ID-kort", "en": "National ID card", "sv": "Nationellt id-kort"},
    "driving_licence": {"nb": "Førerkort", "en": "Driving licence", "sv": "Körkort"},
    "bank_card_with_photo": {"nb": "Bankkort med bilde", "en": "Bank card with photo", "sv": "Bankkort med foto"},
}


def label(key: str, lang: str = "nb") -> str:
    """The UI label of a channel, method, question or document kind; the key itself if unknown."""
    texts = LABELS.get(key)
    return key if texts is None else pick(texts, lang)
