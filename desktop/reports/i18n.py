"""The register copy's own wording in Bokmål, English and Swedish.

The policy file supplies everything the shop says about its processing; this module holds only
the words around it (headings, labels, the cover letter, the e-mail), so a new language is one
more column here and in the policy file. Every key has all three languages, and `text` fails
loudly on a missing one instead of printing a key to a customer.
"""

from __future__ import annotations

from datetime import date

from desktop.domain.dates import short_date

__all__ = [
    "COUNTRY_NAMES",
    "LABELS",
    "PENDING",
    "count_text",
    "long_date",
    "short_date",
    "text",
]

LABELS: dict[str, dict[str, str]] = {
    # --- metadata, running header and footer ---------------------------------------------------
    "doc_title": {"nb": "Registerutskrift", "en": "Copy of your personal data", "sv": "Registerutdrag"},
    "doc_subject": {
        "nb": "Innsyn etter personvernforordningen artikkel 15",
        "en": "Access under Article 15 of the GDPR",
        "sv": "Tillgång enligt artikel 15 i dataskyddsförordningen",
    },
    "page": {"nb": "Side {page} av {pages}", "en": "Page {page} of {pages}", "sv": "Sida {page} av {pages}"},
    "org_no": {"nb": "Org.nr. {number}", "en": "Organisation number {number}", "sv": "Org.nr {number}"},
    "date": {"nb": "Dato", "en": "Date", "sv": "Datum"},
    "reference": {"nb": "Vår referanse", "en": "Our reference", "sv": "Vår referens"},
    "reference_short": {"nb": "Ref.", "en": "Ref.", "sv": "Ref."},
    "no_postal_window": {
        "nb": "Ingen postadresse registrert – sendes elektronisk",
        "en": "No postal address registered – sent electronically",
        "sv": "Ingen postadress registrerad – skickas elektroniskt",
    },
    # --- the cover letter ------------------------------------------------------------------------
    "letter_heading": {
        "nb": "Innsyn i personopplysningene dine",
        "en": "Access to your personal data",
        "sv": "Tillgång till dina personuppgifter",
    },
    "greeting": {"nb": "Hei {name},", "en": "Dear {name},", "sv": "Hej {name},"},
    "letter_intro": {
        "nb": "du har bedt om innsyn i personopplysningene {company} behandler om deg "
              "(personvernforordningen artikkel 15). Vi bekrefter at vi behandler personopplysninger om deg. "
              "På de neste sidene finner du:",
        "en": "you asked for access to the personal data {company} processes about you (Article 15 of the "
              "GDPR). We confirm that we process personal data about you. On the following pages you will find:",
        "sv": "du har begärt tillgång till de personuppgifter som {company} behandlar om dig (artikel 15 i "
              "dataskyddsförordningen). Vi bekräftar att vi behandlar personuppgifter om dig. På följande "
              "sidor hittar du:",
    },
    "letter_item_purposes": {
        "nb": "hvert formål vi behandler opplysninger om deg for: rettslig grunnlag, kategorier, mottakere, "
              "lagringstid og kilde, og deretter selve opplysningene",
        "en": "each purpose we process your data for: legal basis, categories, recipients, retention period and "
              "source, followed by the data itself",
        "sv": "varje ändamål vi behandlar uppgifter om dig för: rättslig grund, kategorier, mottagare, "
              "lagringstid och källa, och därefter själva uppgifterna",
    },
    "letter_item_automated": {
        "nb": "automatiserte avgjørelser (kredittvurdering ved kjøp)",
        "en": "automated decisions (the credit check at purchase)",
        "sv": "automatiserade beslut (kreditprövning vid köp)",
    },
    "letter_item_transfers": {
        "nb": "hvor opplysningene behandles, og hvordan de beskyttes",
        "en": "where the data is processed, and how it is protected",
        "sv": "var uppgifterna behandlas och hur de skyddas",
    },
    "letter_item_rights": {
        "nb": "rettighetene dine og hvordan du bruker dem, og retten til å klage til {authority}",
        "en": "your rights and how to use them, and the right to complain to {authority}",
        "sv": "dina rättigheter och hur du använder dem, och rätten att klaga hos {authority}",
    },
    "letter_item_lookups": {
        "nb": "når og til hvilket formål opplysningene dine er slått opp hos oss",
        "en": "when, and for which purpose, your data was looked up by us",
        "sv": "när och för vilket ändamål dina uppgifter har slagits upp hos oss",
    },
    "letter_free": {
        "nb": "Kopien er gratis.",
        "en": "This copy is free of charge.",
        "sv": "Kopian är kostnadsfri.",
    },
    "letter_contact": {
        "nb": "Har du spørsmål, eller mener du at noe er feil eller mangler, kontakt oss på {email} og oppgi "
              "referansen {reference}.",
        "en": "If you have questions, or think something is wrong or missing, contact us at {email} and quote "
              "the reference {reference}.",
        "sv": "Har du frågor, eller anser du att något är fel eller saknas, kontakta oss på {email} och ange "
              "referensen {reference}.",
    },
    "letter_redacted_one": {
        "nb": "Opplysninger om en annen person er sladdet på ett sted, fordi retten til innsyn ikke omfatter "
              "andres personopplysninger (personvernforordningen artikkel 15 nr. 4).",
        "en": "Information about another person has been redacted in one place, because the right of access "
              "does not extend to other people's personal data (Article 15(4) of the GDPR).",
        "sv": "Uppgifter om en annan person har maskerats på ett ställe, eftersom rätten till tillgång inte "
              "omfattar andras personuppgifter (artikel 15.4 i dataskyddsförordningen).",
    },
    "letter_redacted_many": {
        "nb": "Opplysninger om andre personer er sladdet på {count} steder, fordi retten til innsyn ikke "
              "omfatter andres personopplysninger (personvernforordningen artikkel 15 nr. 4).",
        "en": "Information about other people has been redacted in {count} places, because the right of access "
              "does not extend to other people's personal data (Article 15(4) of the GDPR).",
        "sv": "Uppgifter om andra personer har maskerats på {count} ställen, eftersom rätten till tillgång inte "
              "omfattar andras personuppgifter (artikel 15.4 i dataskyddsförordningen).",
    },
    "letter_no_postal": {
        "nb": "Vi har ingen postadresse registrert for deg. Derfor sender vi denne kopien bare elektronisk.",
        "en": "We have no postal address registered for you, so we send this copy electronically only.",
        "sv": "Vi har ingen postadress registrerad för dig. Därför skickar vi den här kopian endast elektroniskt.",
    },
    "closing": {"nb": "Med vennlig hilsen", "en": "Kind regards", "sv": "Med vänliga hälsningar"},
    "customer_service": {"nb": "Kundeservice", "en": "Customer service", "sv": "Kundtjänst"},
    "redacted_mark": {"nb": "[sladdet]", "en": "[redacted]", "sv": "[maskerat]"},
    # --- section headings ------------------------------------------------------------------------
    "h_confirmation": {
        "nb": "1. Vi behandler personopplysninger om deg",
        "en": "1. We process personal data about you",
        "sv": "1. Vi behandlar personuppgifter om dig",
    },
    "confirmation": {
        "nb": "{company} (org.nr. {number}) er behandlingsansvarlig og behandler personopplysninger om deg. "
              "Vi har {records} om deg, fordelt på formålene nedenfor. Kopien viser opplysningene slik de er "
              "lagret {date}.",
        "en": "{company} (organisation number {number}) is the controller and processes personal data about you. "
              "We hold {records} about you, under the purposes below. This copy shows the data as stored "
              "on {date}.",
        "sv": "{company} (org.nr {number}) är personuppgiftsansvarig och behandlar personuppgifter om dig. Vi har "
              "{records} om dig, fördelade på ändamålen nedan. Kopian visar uppgifterna så som de är lagrade "
              "den {date}.",
    },
    "without_data": {
        "nb": "For disse formålene har vi ingen opplysninger om deg: {titles}.",
        "en": "For these purposes we hold no data about you: {titles}.",
        "sv": "För dessa ändamål har vi inga uppgifter om dig: {titles}.",
    },
    "policy_version": {
        "nb": "Beskrivelsene av formålene er hentet fra personvernerklæringen vår, datert {version}.",
        "en": "The descriptions of the purposes are taken from our privacy policy dated {version}.",
        "sv": "Beskrivningarna av ändamålen är hämtade från vår integritetspolicy, daterad {version}.",
    },
    "h_purposes": {
        "nb": "2. Opplysningene, formål for formål",
        "en": "2. Your data, purpose by purpose",
        "sv": "2. Uppgifterna, ändamål för ändamål",
    },
    "purposes_intro": {
        "nb": "Hver post står én gang, under det første formålet den brukes til. Brukes den også til et senere "
              "formål, står det under det formålet hvor posten er vist. «Lagres til» gjelder formålet posten "
              "står under.",
        "en": "Each record appears once, under the first purpose it is used for. Where it is used for a later "
              "purpose too, that purpose says where the record is shown. “Kept until” refers to the purpose "
              "the record is shown under.",
        "sv": "Varje post visas en gång, under det första ändamål den används för. Används den även för ett "
              "senare ändamål, anges där var posten visas. ”Lagras till” gäller det ändamål posten visas under.",
    },
    "purpose_heading": {"nb": "Formål {number}: {title}", "en": "Purpose {number}: {title}",
                        "sv": "Ändamål {number}: {title}"},
    "f_purpose": {"nb": "Formål", "en": "Purpose", "sv": "Ändamål"},
    "f_processing": {"nb": "Slik behandler vi opplysningene", "en": "How we process the data",
                     "sv": "Så behandlar vi uppgifterna"},
    "f_legal_basis": {"nb": "Rettslig grunnlag", "en": "Legal basis", "sv": "Rättslig grund"},
    "f_categories": {"nb": "Kategorier av opplysninger", "en": "Categories of data", "sv": "Kategorier av uppgifter"},
    "f_recipients": {"nb": "Mottakere", "en": "Recipients", "sv": "Mottagare"},
    "f_named": {
        "nb": "Mottakere som er navngitt i opplysningene dine",
        "en": "Recipients named in your data",
        "sv": "Mottagare som namnges i dina uppgifter",
    },
    "f_retention": {"nb": "Lagringstid", "en": "Retention period", "sv": "Lagringstid"},
    "f_sources": {"nb": "Kilder", "en": "Sources", "sv": "Källor"},
    "f_consequence": {"nb": "Hvis du ikke gir oss opplysningene", "en": "If you do not give us the data",
                      "sv": "Om du inte lämnar uppgifterna"},
    "f_records": {"nb": "Opplysningene vi har", "en": "The data we hold", "sv": "Uppgifterna vi har"},
    "f_references": {"nb": "Også brukt til dette formålet", "en": "Also used for this purpose",
                     "sv": "Används även för detta ändamål"},
    "no_records": {"nb": "Ingen poster.", "en": "No records.", "sv": "Inga poster."},
    "reference_line": {
        "nb": "{title}: {count}, vist under formål {number} ({purpose})",
        "en": "{title}: {count}, shown under purpose {number} ({purpose})",
        "sv": "{title}: {count}, visas under ändamål {number} ({purpose})",
    },
    "article": {"nb": "personvernforordningen art. {article}", "en": "GDPR Art. {article}",
                "sv": "dataskyddsförordningen art. {article}"},
    "kind_processor": {"nb": "databehandler", "en": "processor", "sv": "personuppgiftsbiträde"},
    "kind_independent_controller": {"nb": "selvstendig behandlingsansvarlig", "en": "independent controller",
                                    "sv": "självständigt personuppgiftsansvarig"},
    "col_kept_until": {"nb": "Lagres til", "en": "Kept until", "sv": "Lagras till"},
    "col_source": {"nb": "Kilde", "en": "Source", "sv": "Källa"},
    "col_field": {"nb": "Felt", "en": "Field", "sv": "Fält"},
    "col_value": {"nb": "Verdi", "en": "Value", "sv": "Värde"},
    "common_source": {"nb": "Kilde: {source}.", "en": "Source: {source}.", "sv": "Källa: {source}."},
    "restricted": {"nb": "behandlingen er begrenset", "en": "processing restricted",
                   "sv": "behandlingen är begränsad"},
    "legal_hold": {"nb": "lovpålagt oppbevaring til {date}", "en": "kept by law until {date}",
                   "sv": "lagstadgad lagring till {date}"},
    "continued": {"nb": "(forts.)", "en": "(cont.)", "sv": "(forts.)"},
    "record_one": {"nb": "1 post", "en": "1 record", "sv": "1 post"},
    "record_many": {"nb": "{count} poster", "en": "{count} records", "sv": "{count} poster"},
    # --- automated decisions ---------------------------------------------------------------------
    "h_automated": {"nb": "3. Automatiserte avgjørelser", "en": "3. Automated decisions",
                    "sv": "3. Automatiserade beslut"},
    "automated_intro": {
        "nb": "Vi bruker automatiserte vurderinger i disse tilfellene (personvernforordningen artikkel 15 nr. 1 "
              "bokstav h og artikkel 22):",
        "en": "We use automated assessments in these cases (Articles 15(1)(h) and 22 of the GDPR):",
        "sv": "Vi använder automatiserade bedömningar i dessa fall (artiklarna 15.1 h och 22 i "
              "dataskyddsförordningen):",
    },
    "f_logic": {"nb": "Logikken bak vurderingen", "en": "The logic involved", "sv": "Logiken bakom bedömningen"},
    "f_significance": {"nb": "Betydning og følger for deg", "en": "Significance and consequences for you",
                       "sv": "Betydelse och följder för dig"},
    "f_decision_recipients": {"nb": "Utføres gjennom", "en": "Carried out through", "sv": "Utförs genom"},
    "f_your_decisions": {"nb": "Vurderingene av deg", "en": "The assessments of you",
                         "sv": "Bedömningarna av dig"},
    "no_decisions": {"nb": "Det er ikke gjort noen slike vurderinger av deg.",
                     "en": "No such assessment has been made of you.",
                     "sv": "Inga sådana bedömningar har gjorts av dig."},
    "no_automated": {"nb": "Vi bruker ingen automatiserte avgjørelser.", "en": "We make no automated decisions.",
                     "sv": "Vi använder inga automatiserade beslut."},
    # --- transfers -------------------------------------------------------------------------------
    "h_transfers": {
        "nb": "4. Hvor opplysningene behandles, og hvordan de beskyttes",
        "en": "4. Where the data is processed, and how it is protected",
        "sv": "4. Var uppgifterna behandlas och hur de skyddas",
    },
    "f_location": {"nb": "Behandlingssted", "en": "Where", "sv": "Behandlingsplats"},
    "own_systems": {"nb": "Våre egne IT-systemer står i {country}.", "en": "Our own IT systems are in {country}.",
                    "sv": "Våra egna IT-system finns i {country}."},
    "f_outside_eea": {"nb": "Overføring til land utenfor EU/EØS", "en": "Transfers outside the EU/EEA",
                      "sv": "Överföring till länder utanför EU/EES"},
    "f_safeguards": {"nb": "Garantier", "en": "Safeguards", "sv": "Skyddsåtgärder"},
    "f_protection": {"nb": "Sikkerhet", "en": "Security", "sv": "Säkerhet"},
    "f_processors": {"nb": "Databehandlere", "en": "Processors", "sv": "Personuppgiftsbiträden"},
    "f_controllers": {"nb": "Selvstendige behandlingsansvarlige", "en": "Independent controllers",
                      "sv": "Självständigt personuppgiftsansvariga"},
    "f_retention_note": {"nb": "Lagring etter annen lov", "en": "Retention under other laws",
                         "sv": "Lagring enligt annan lag"},
    "f_national_id": {"nb": "Fødselsnummeret ditt", "en": "Your national identity number",
                      "sv": "Ditt personnummer"},
    "national_id_masked": {
        "nb": "Av sikkerhetshensyn viser denne kopien fødselsnummeret ditt bare delvis.",
        "en": "For your security this copy shows your national identity number only in part.",
        "sv": "Av säkerhetsskäl visar den här kopian ditt personnummer bara delvis.",
    },
    # --- rights and complaints -------------------------------------------------------------------
    "h_rights": {"nb": "5. Rettighetene dine", "en": "5. Your rights", "sv": "5. Dina rättigheter"},
    "rights_how": {
        "nb": "Slik bruker du rettighetene: skriv til oss på {email}, eller kontakt kundeservice, og oppgi "
              "referansen {reference}. Vi svarer uten ugrunnet opphold og senest innen én måned. Det koster "
              "ingenting.",
        "en": "How to use your rights: write to us at {email}, or contact customer service, and quote the "
              "reference {reference}. We answer without undue delay and within one month at the latest. It is "
              "free of charge.",
        "sv": "Så använder du dina rättigheter: skriv till oss på {email}, eller kontakta kundtjänst, och ange "
              "referensen {reference}. Vi svarar utan onödigt dröjsmål och senast inom en månad. Det är "
              "kostnadsfritt.",
    },
    "grounds": {"nb": "Grunnlag", "en": "Grounds", "sv": "Grunder"},
    "h_complaint": {"nb": "6. Retten til å klage til {authority}", "en": "6. The right to complain to {authority}",
                    "sv": "6. Rätten att klaga hos {authority}"},
    "f_address": {"nb": "Adresse", "en": "Address", "sv": "Adress"},
    "f_website": {"nb": "Nettsted", "en": "Website", "sv": "Webbplats"},
    # --- look-ups --------------------------------------------------------------------------------
    "h_lookups": {
        "nb": "7. Når opplysningene dine er slått opp",
        "en": "7. When your data was looked up",
        "sv": "7. När dina uppgifter har slagits upp",
    },
    "lookups_intro": {
        "nb": "Her er datoene og formålene for oppslag i opplysningene dine hos oss. Av hensyn til de ansatte "
              "står ikke navnene deres her; vi kan forklare et oppslag hvis du spør.",
        "en": "These are the dates and purposes of look-ups of your data by us. Staff names are not listed "
              "to protect our employees; we can explain any look-up if you ask.",
        "sv": "Här är datum och ändamål för uppslag av dina uppgifter hos oss. Av hänsyn till de anställda "
              "anges inte deras namn; vi kan förklara ett uppslag om du frågar.",
    },
    "col_day": {"nb": "Dato", "en": "Date", "sv": "Datum"},
    "col_lookup": {"nb": "Hva ble gjort", "en": "What was done", "sv": "Vad som gjordes"},
    "col_count": {"nb": "Antall", "en": "Times", "sv": "Antal"},
    "no_lookups": {"nb": "Ingen oppslag er registrert.", "en": "No look-ups are recorded.",
                   "sv": "Inga uppslag har registrerats."},
    # Swedish wording of the access log's look-up descriptions (nb and en come from the service).
    "lookup_reveal": {"nb": "Fødselsnummeret ble vist i sin helhet", "en": "National identity number shown in full",
                      "sv": "Personnumret visades i sin helhet"},
    "lookup_purpose": {"nb": "Opplysninger for formålet «{title}» ble vist",
                       "en": "Data for the purpose “{title}” viewed",
                       "sv": "Uppgifter för ändamålet ”{title}” visades"},
    "lookup_profile": {"nb": "Kundeprofilen ble åpnet", "en": "Customer profile opened",
                       "sv": "Kundprofilen öppnades"},
    "lookup_summary": {"nb": "Kundeoversikten ble åpnet", "en": "Customer summary opened",
                       "sv": "Kundöversikten öppnades"},
    # --- the e-mail that carries the encrypted copy ----------------------------------------------
    "mail_subject": {
        "nb": "Registerutskrift fra {company} (ref. {reference})",
        "en": "Copy of your personal data from {company} (ref. {reference})",
        "sv": "Registerutdrag från {company} (ref. {reference})",
    },
    "mail_body": {
        "nb": "Hei {name},\n\nvedlagt er kopien av personopplysningene vi har om deg (registerutskrift), som du "
              "ba om.\n\nPDF-filen er kryptert. Passordet står ikke i denne e-posten: {channel}.\n\n"
              "Har du spørsmål, svar på denne e-posten og oppgi referansen {reference}.\n\n"
              "Med vennlig hilsen\n{company}\nKundeservice\n",
        "en": "Dear {name},\n\nattached is the copy of the personal data we hold about you, as you asked.\n\n"
              "The PDF file is encrypted. The password is not in this e-mail: {channel}.\n\n"
              "If you have questions, reply to this e-mail and quote the reference {reference}.\n\n"
              "Kind regards\n{company}\nCustomer service\n",
        "sv": "Hej {name},\n\nbifogat är kopian av de personuppgifter vi har om dig (registerutdrag), som du "
              "bad om.\n\nPDF-filen är krypterad. Lösenordet står inte i detta e-postmeddelande: {channel}.\n\n"
              "Har du frågor, svara på detta e-postmeddelande och ange referensen {reference}.\n\n"
              "Med vänliga hälsningar\n{company}\nKundtjänst\n",
    },
    "mail_channel_sms": {"nb": "du får det på SMS", "en": "you will receive it by text message",
                         "sv": "du får det via sms"},
    "mail_channel_phone": {"nb": "du får det oppgitt på telefon", "en": "we will give it to you by telephone",
                           "sv": "du får det uppläst per telefon"},
    "mail_channel_letter": {"nb": "du får det i et brev i posten", "en": "you will receive it in a letter by post",
                            "sv": "du får det i ett brev per post"},
    "mail_channel_counter": {"nb": "du får det når du kommer innom butikken",
                             "en": "you will receive it when you visit our shop",
                             "sv": "du får det när du besöker butiken"},
    "attachment_name": {"nb": "registerutskrift-{reference}.pdf", "en": "personal-data-copy-{reference}.pdf",
                        "sv": "registerutdrag-{reference}.pdf"},
}

#: "Kept until <the event happens>" for a record whose retention clock has not started yet.
PENDING: dict[str, dict[str, str]] = {
    "purchase_completed": {"nb": "til kjøpet er fullført", "en": "until the purchase is completed",
                           "sv": "tills köpet är genomfört"},
    "collected": {"nb": "fra innsamling", "en": "from collection", "sv": "från insamling"},
    "case_closed": {"nb": "til saken er avsluttet", "en": "until the case is closed",
                    "sv": "tills ärendet är avslutat"},
    "event_ended": {"nb": "til konkurransen eller eventet er over", "en": "until the competition or event ends",
                    "sv": "tills tävlingen eller evenemanget är slut"},
    "membership_ended": {"nb": "til medlemskapet avsluttes", "en": "until the membership ends",
                         "sv": "tills medlemskapet avslutas"},
    "recruitment_ended": {"nb": "til rekrutteringen er avsluttet", "en": "until the recruitment ends",
                          "sv": "tills rekryteringen är avslutad"},
}

#: Country names for the last line of a letter abroad (in capitals there) and for the processing place.
COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "NO": {"nb": "Norge", "en": "Norway", "sv": "Norge"},
    "SE": {"nb": "Sverige", "en": "Sweden", "sv": "Sverige"},
    "DK": {"nb": "Danmark", "en": "Denmark", "sv": "Danmark"},
    "FI": {"nb": "Finland", "en": "Finland", "sv": "Finland"},
    "IS": {"nb": "Island", "en": "Iceland", "sv": "Island"},
    "DE": {"nb": "Tyskland", "en": "Germany", "sv": "Tyskland"},
}

_MONTHS: dict[str, tuple[str, ...]] = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang`, with `{placeholders}` filled; a missing key or language is a bug."""
    template = LABELS[key][lang]
    return template.format(**values) if values else template


def count_text(count: int, lang: str) -> str:
    return text("record_one", lang) if count == 1 else text("record_many", lang, count=_grouped(count, lang))


def _grouped(n: int, lang: str) -> str:
    """2 000 in Bokmål and Swedish (non-breaking space), 2,000 in English."""
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", "\u00a0")


def long_date(d: date, lang: str) -> str:
    """The letter's date as a reader of `lang` writes it: 15. november 2026, 15 November 2026."""
    month = _MONTHS[lang][d.month - 1]
    return f"{d.day}. {month} {d.year}" if lang == "nb" else f"{d.day} {month} {d.year}"


