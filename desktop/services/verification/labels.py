"""The verification methods, channels and document kinds, with their labels in Bokmål, English and Swedish."""

from __future__ import annotations

CHANNELS: tuple[str, ...] = ("phone", "counter", "email", "letter", "web")


CODE_CHANNELS: tuple[str, ...] = ("email", "sms")


QUESTION_KINDS: tuple[str, ...] = ("order_number", "delivery_address", "order_date", "order_amount")


ID_DOCUMENT_KINDS: tuple[str, ...] = ("passport", "national_id_card", "driving_licence", "bank_card_with_photo")


ELECTRONIC_ID_PROVIDERS: tuple[str, ...] = (
    "BankID", "BankID on mobile", "Buypass", "Commfides", "Freja eID", "BankID (SE)",
)


METHODS: tuple[str, ...] = ("questions", "email_code", "sms_code", "id_document", "electronic_id")


#: (nb, en) labels the UI can show; keys are what the service stores and logs.
LABELS: dict[str, tuple[str, str]] = {
    "phone": ("Telefon", "Phone"),
    "counter": ("Skranke", "Counter"),
    "email": ("E-post", "E-mail"),
    "letter": ("Brev", "Letter"),
    "web": ("Nett", "Web"),
    "sms": ("SMS", "SMS"),
    "order_number": ("Ordrenummer", "Order number"),
    "delivery_address": ("Leveringsadresse (gate eller postnummer)", "Delivery address (street or postcode)"),
    "order_date": ("Dato for en nylig bestilling", "Date of a recent order"),
    "order_amount": ("Beløp for en nylig bestilling", "Amount of a recent order"),
    "questions": ("Kontrollspørsmål fra kunderegisteret", "Questions answered from the record"),
    "email_code": ("Engangskode på e-post", "One-time code by e-mail"),
    "sms_code": ("Engangskode på SMS", "One-time code by SMS"),
    "id_document": ("Legitimasjon vist i skranken", "ID document seen at the counter"),
    "electronic_id": ("Elektronisk ID", "Electronic ID"),
    "passport": ("Pass", "Passport"),
    "national_id_card": ("Nasjonalt ID-kort", "National ID card"),
    "driving_licence": ("Førerkort", "Driving licence"),
    "bank_card_with_photo": ("Bankkort med bilde", "Bank card with photo"),
}


#: The same labels in Swedish, for a Swedish interface.
LABELS_SV: dict[str, str] = {
    "phone": "Telefon",
    "counter": "I butiken",
    "email": "E-post",
    "letter": "Brev",
    "web": "Webb",
    "sms": "Sms",
    "order_number": "Ordernummer",
    "delivery_address": "Leveransadress (gata eller postnummer)",
    "order_date": "Datum för en nyligen gjord beställning",
    "order_amount": "Belopp för en nyligen gjord beställning",
    "questions": "Kontrollfrågor från kundregistret",
    "email_code": "Engångskod via e-post",
    "sms_code": "Engångskod via sms",
    "id_document": "Id-handling som visats i butiken",
    "electronic_id": "E-legitimation",
    "passport": "Pass",
    "national_id_card": "Nationellt id-kort",
    "driving_licence": "Körkort",
    "bank_card_with_photo": "Bankkort med foto",
}


def label(key: str, lang: str = "nb") -> str:
    """The UI label of a channel, method, question or document kind; the key itself if unknown."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    if lang == "sv":
        return LABELS_SV.get(key, pair[1])
    return pair[0] if lang == "nb" else pair[1]
