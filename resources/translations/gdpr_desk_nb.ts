<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
    <context>
        <name>DeskOpener</name>
        <message>
            <source>The database could not be opened because of an unexpected error ({error}).</source>
            <translation>Databasen kunne ikke åpnes på grunn av en uventet feil ({error}).</translation>
        </message>
    </context>
    <context>
        <name>DialogService</name>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Nei</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <source>Create the first administrator - {app}</source>
            <translation>Opprett den første administratoren – {app}</translation>
        </message>
        <message>
            <source>This database has no staff accounts yet. Create the first administrator; that account can then add the other agents.</source>
            <translation>Denne databasen har ingen brukerkontoer ennå. Opprett den første administratoren; den kontoen kan siden legge til de andre kundebehandlerne.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Brukernavn</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Fullt navn</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passord</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Gjenta passord</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Brukernavn:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Fullt navn:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passord:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Gjenta passord:</translation>
        </message>
        <message>
            <source>Demo database notice</source>
            <translation>Varsel om demodatabase</translation>
        </message>
        <message>
            <source>Demo database: the keys are kept in a file next to the database (for demos only)</source>
            <translation>Demodatabase: nøklene ligger i en fil ved siden av databasen (kun for demo)</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Create administrator</source>
            <translation>Opprett administrator</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Welcome to {app}</source>
            <translation>Velkommen til {app}</translation>
        </message>
        <message>
            <source>Database: {name}</source>
            <translation>Database: {name}</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>De to passordene er ikke like.</translation>
        </message>
    </context>
    <context>
        <name>LogTableModel</name>
        <message>
            <source>opened profile</source>
            <translation>åpnet profil</translation>
        </message>
        <message>
            <source>viewed records</source>
            <translation>så på opplysninger</translation>
        </message>
        <message>
            <source>showed identity number</source>
            <translation>viste fødselsnummer</translation>
        </message>
        <message>
            <source>searched</source>
            <translation>søkte</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>avvist</translation>
        </message>
        <message>
            <source>signed in</source>
            <translation>logget inn</translation>
        </message>
        <message>
            <source>contact started</source>
            <translation>kontakt startet</translation>
        </message>
        <message>
            <source>contact ended</source>
            <translation>kontakt avsluttet</translation>
        </message>
        <message>
            <source>looked up verification questions</source>
            <translation>hentet kontrollspørsmål</translation>
        </message>
        <message>
            <source>identity verified</source>
            <translation>identitet bekreftet</translation>
        </message>
        <message>
            <source>verification failed</source>
            <translation>verifisering mislyktes</translation>
        </message>
        <message>
            <source>verification locked</source>
            <translation>verifisering låst</translation>
        </message>
        <message>
            <source>code sent</source>
            <translation>kode sendt</translation>
        </message>
        <message>
            <source>code not sent</source>
            <translation>kode ikke sendt</translation>
        </message>
        <message>
            <source>reason recorded</source>
            <translation>grunn registrert</translation>
        </message>
        <message>
            <source>read the access log</source>
            <translation>leste tilgangsloggen</translation>
        </message>
        <message>
            <source>exported the access log</source>
            <translation>eksporterte tilgangsloggen</translation>
        </message>
        <message>
            <source>verified the log chain</source>
            <translation>verifiserte loggkjeden</translation>
        </message>
        <message>
            <source>created account</source>
            <translation>opprettet konto</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Tid</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Bruker</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>Arbeidsstasjon</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Detaljer</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grunn</translation>
        </message>
    </context>
    <context>
        <name>LogViewer</name>
        <message>
            <source>Access log – {app}</source>
            <translation>Tilgangslogg – {app}</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Brukernavn</translation>
        </message>
        <message>
            <source>user name</source>
            <translation>brukernavn</translation>
        </message>
        <message>
            <source>Customer id</source>
            <translation>Kunde-ID</translation>
        </message>
        <message>
            <source>id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>Alle handlinger</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Fra:</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>Fra dato</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Til:</translation>
        </message>
        <message>
            <source>To date</source>
            <translation>Til dato</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Søk</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>Nullstill filtre</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>Bruker:</translation>
        </message>
        <message>
            <source>Customer id:</source>
            <translation>Kunde-ID:</translation>
        </message>
        <message>
            <source>Action:</source>
            <translation>Handling:</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Eksporter CSV</translation>
        </message>
        <message>
            <source>Verify the chain</source>
            <translation>Verifiser kjeden</translation>
        </message>
        <message>
            <source>Entries</source>
            <translation>Oppføringer</translation>
        </message>
        <message>
            <source>Chain check result</source>
            <translation>Resultat av kjedekontrollen</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Melding</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Access-log entries</source>
            <translation>Oppføringer i tilgangsloggen</translation>
        </message>
        <message>
            <source>Reading the log…</source>
            <translation>Leser loggen …</translation>
        </message>
        <message>
            <source>No entries match.</source>
            <translation>Ingen oppføringer passer.</translation>
        </message>
        <message>
            <source>{total} entries match; {shown} shown (scroll for more)</source>
            <translation>{total} oppføringer passer; {shown} vises (bla ned for flere)</translation>
        </message>
        <message>
            <source>{total} entries match</source>
            <translation>{total} oppføringer passer</translation>
        </message>
        <message>
            <source>Export the access log</source>
            <translation>Eksporter tilgangsloggen</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-filer (*.csv)</translation>
        </message>
        <message>
            <source>Exported {count} entries to {path}</source>
            <translation>Eksporterte {count} oppføringer til {path}</translation>
        </message>
        <message>
            <source>The chain is intact: {count} entries verified.</source>
            <translation>Kjeden er i orden: {count} oppføringer er kontrollert.</translation>
        </message>
        <message>
            <source>The chain is broken at entry {seq}: {problem}. {count} entries before it were in order.</source>
            <translation>Kjeden er brutt ved oppføring {seq}: {problem}. De {count} oppføringene før den var i orden.</translation>
        </message>
        <message>
            <source>access-log</source>
            <translation>tilgangslogg</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Sign in - {app}</source>
            <translation>Logg inn – {app}</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Brukernavn</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passord</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Brukernavn:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passord:</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>Demo database notice</source>
            <translation>Varsel om demodatabase</translation>
        </message>
        <message>
            <source>Demo database: the keys are kept in a file next to the database (for demos only)</source>
            <translation>Demodatabase: nøklene ligger i en fil ved siden av databasen (kun for demo)</translation>
        </message>
        <message>
            <source>Sign-in error</source>
            <translation>Innloggingsfeil</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Logg inn</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Sign in with your staff account.</source>
            <translation>Logg inn med brukerkontoen din.</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Åpner databasen …</translation>
        </message>
        <message>
            <source>Database: {name}</source>
            <translation>Database: {name}</translation>
        </message>
        <message>
            <source>Enter your user name.</source>
            <translation>Skriv inn brukernavnet ditt.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Search by name, e-mail, phone, identity number or order number</source>
            <translation>Søk etter navn, e-post, telefon, fødselsnummer eller ordrenummer</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Søk</translation>
        </message>
        <message>
            <source>Search notes</source>
            <translation>Merknader til søket</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Søkeresultater</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Søker …</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fil</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Avslutt</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hjelp</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Hurtigtaster</translation>
        </message>
        <message>
            <source>&amp;About {app}</source>
            <translation>&amp;Om {app}</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Kundebehandler</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Teamleder</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>{name} ({role})</source>
            <translation>{name} ({role})</translation>
        </message>
        <message>
            <source>Signed-in user</source>
            <translation>Innlogget bruker</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>Demo keys (demo only)</source>
            <translation>Demo-nøkler (kun demo)</translation>
        </message>
        <message>
            <source>Demo keys notice</source>
            <translation>Varsel om demonøkler</translation>
        </message>
        <message>
            <source>No customers found</source>
            <translation>Fant ingen kunder</translation>
        </message>
        <message>
            <source>One customer found</source>
            <translation>Fant én kunde</translation>
        </message>
        <message>
            <source>{count} customers shown; scroll for more</source>
            <translation>{count} kunder vises; bla ned for flere</translation>
        </message>
        <message>
            <source>{count} customers found</source>
            <translation>Fant {count} kunder</translation>
        </message>
        <message>
            <source>The search failed</source>
            <translation>Søket mislyktes</translation>
        </message>
        <message>
            <source>Cannot open the customer</source>
            <translation>Kan ikke åpne kunden</translation>
        </message>
        <message>
            <source>Opened {number}</source>
            <translation>Åpnet {number}</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Hurtigtaster</translation>
        </message>
        <message>
            <source>About {app}</source>
            <translation>Om {app}</translation>
        </message>
        <message>
            <source>{app} {version}

The customer-service desk for data-protection requests. Every look at a customer's data is written to the access log.</source>
            <translation>{app} {version}

Kundeservicepulten for personvernforespørsler. Hvert oppslag i en kundes opplysninger skrives i tilgangsloggen.</translation>
        </message>
        <message>
            <source>Call ended</source>
            <translation>Samtalen er avsluttet</translation>
        </message>
        <message>
            <source>&amp;Log</source>
            <translation>&amp;Logg</translation>
        </message>
        <message>
            <source>&amp;Access log…</source>
            <translation>&amp;Tilgangslogg …</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Åpner …</translation>
        </message>
        <message>
            <source>Ctrl+F: search (selects the search text)
Down arrow: from the search box to the results
Enter: open the selected customer
Ctrl+W or Esc: end the call (the contact ends) and clear the search
F1: this list
Ctrl+Q: quit</source>
            <translation>Ctrl+F: søk (merker søketeksten)
Pil ned: fra søkefeltet til resultatene
Enter: åpne valgt kunde
Ctrl+W eller Esc: avslutt samtalen (kontakten avsluttes) og tøm søket
F1: denne listen
Ctrl+Q: avslutt</translation>
        </message>
    </context>
    <context>
        <name>ProfileView</name>
        <message>
            <source>Customer profile</source>
            <translation>Kundeprofil</translation>
        </message>
        <message>
            <source>No customer is open.

Search, pick a person with the arrow keys and press Enter.</source>
            <translation>Ingen kunde er åpnet.

Søk, velg en person med piltastene og trykk Enter.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Customer number</source>
            <translation>Kundenummer</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-post</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Identity number</source>
            <translation>Fødselsnummer</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Vis</translation>
        </message>
        <message>
            <source>Show the full identity number</source>
            <translation>Vis hele fødselsnummeret</translation>
        </message>
        <message>
            <source>Show the full identity number (takes a reason and your password)</source>
            <translation>Vis hele fødselsnummeret (krever grunn og passordet ditt)</translation>
        </message>
        <message>
            <source>Hides in</source>
            <translation>Skjules om</translation>
        </message>
        <message>
            <source>Customer number:</source>
            <translation>Kundenummer:</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>E-post:</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Telefon:</translation>
        </message>
        <message>
            <source>Identity number:</source>
            <translation>Fødselsnummer:</translation>
        </message>
        <message>
            <source>Restriction notice</source>
            <translation>Merknad om begrensning</translation>
        </message>
        <message>
            <source>Processing is restricted for this customer: the data may be stored, not otherwise used.</source>
            <translation>Behandlingen er begrenset for denne kunden: opplysningene kan lagres, men ikke brukes til noe annet.</translation>
        </message>
        <message>
            <source>Identity status</source>
            <translation>Identitetsstatus</translation>
        </message>
        <message>
            <source>Verify identity</source>
            <translation>Bekreft identitet</translation>
        </message>
        <message>
            <source>Record reason</source>
            <translation>Registrer grunn</translation>
        </message>
        <message>
            <source>See more without verifying the caller, for example for an internal fraud check; the reason is logged</source>
            <translation>Se mer uten å bekrefte innringeren, for eksempel ved en intern kontroll av bedrageri; grunnen logges</translation>
        </message>
        <message>
            <source>Contact channel</source>
            <translation>Kontaktkanal</translation>
        </message>
        <message>
            <source>How the customer is in touch; changing it starts a new contact</source>
            <translation>Hvordan kunden tar kontakt; bytter du, startes en ny kontakt</translation>
        </message>
        <message>
            <source>End call</source>
            <translation>Avslutt samtale</translation>
        </message>
        <message>
            <source>End the contact and close the customer (Esc)</source>
            <translation>Avslutt kontakten og lukk kunden (Esc)</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Kanal:</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Locked notice</source>
            <translation>Merknad om lås</translation>
        </message>
        <message>
            <source>Verify the identity to see more. Until then only what finds the person is shown.</source>
            <translation>Bekreft identiteten for å se mer. Til da vises bare det som trengs for å finne personen.</translation>
        </message>
        <message>
            <source>Purposes</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>What we hold, by purpose</source>
            <translation>Hva vi har lagret, etter formål</translation>
        </message>
        <message>
            <source>Opening the customer…</source>
            <translation>Åpner kunden …</translation>
        </message>
        <message>
            <source>Record a reason</source>
            <translation>Registrer grunn</translation>
        </message>
        <message>
            <source>Why do you need to see more without verifying the caller?
For example: internal fraud check of order TP-1234567. The reason is logged.</source>
            <translation>Hvorfor trenger du å se mer uten å bekrefte innringeren?
For eksempel: intern kontroll av bedrageri for ordre TP-1234567. Grunnen logges.</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Skjul</translation>
        </message>
        <message>
            <source>Hides in {seconds} s</source>
            <translation>Skjules om {seconds} s</translation>
        </message>
        <message>
            <source>The contact has ended.</source>
            <translation>Kontakten er avsluttet.</translation>
        </message>
        <message>
            <source>Identity verified ({method}), valid until {time}.</source>
            <translation>Identitet bekreftet ({method}), gyldig til kl. {time}.</translation>
        </message>
        <message>
            <source>Not verified; reason recorded: {reason}</source>
            <translation>Ikke bekreftet; grunn registrert: {reason}</translation>
        </message>
        <message>
            <source>Not verified; verification is locked until {time}.</source>
            <translation>Ikke bekreftet; verifisering er låst til kl. {time}.</translation>
        </message>
        <message>
            <source>The verification expired at {time}; verify the identity again.</source>
            <translation>Bekreftelsen utløp kl. {time}; bekreft identiteten på nytt.</translation>
        </message>
        <message>
            <source>Identity not verified.</source>
            <translation>Identiteten er ikke bekreftet.</translation>
        </message>
    </context>
    <context>
        <name>PurposeSection</name>
        <message>
            <source>Purpose {number}: {title}</source>
            <translation>Formål {number}: {title}</translation>
        </message>
        <message>
            <source>1 record</source>
            <translation>1 post</translation>
        </message>
        <message>
            <source>{count} records</source>
            <translation>{count} poster</translation>
        </message>
        <message>
            <source>Number of records</source>
            <translation>Antall poster</translation>
        </message>
        <message>
            <source>{basis} (GDPR Art. {article})</source>
            <translation>{basis} (GDPR art. {article})</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ingen</translation>
        </message>
        <message>
            <source>Legal basis:</source>
            <translation>Rettslig grunnlag:</translation>
        </message>
        <message>
            <source>Retention:</source>
            <translation>Lagring:</translation>
        </message>
        <message>
            <source>Recipients:</source>
            <translation>Mottakere:</translation>
        </message>
        <message>
            <source>Purpose:</source>
            <translation>Formål:</translation>
        </message>
        <message>
            <source>Sources:</source>
            <translation>Kilder:</translation>
        </message>
        <message>
            <source>What the policy says</source>
            <translation>Hva personvernerklæringen sier</translation>
        </message>
        <message>
            <source>Loading the records</source>
            <translation>Henter postene</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>No records are kept for this purpose.</source>
            <translation>Ingen poster er lagret for dette formålet.</translation>
        </message>
        <message>
            <source>Record tables</source>
            <translation>Tabeller med poster</translation>
        </message>
        <message>
            <source>Verify the identity to see more</source>
            <translation>Bekreft identiteten for å se mer</translation>
        </message>
        <message>
            <source>{title} ({count})</source>
            <translation>{title} ({count})</translation>
        </message>
        <message>
            <source>Selected record</source>
            <translation>Valgt post</translation>
        </message>
        <message>
            <source>Selected record: collected {date} from {source}; {retention}.</source>
            <translation>Valgt post: samlet inn {date} fra {source}; {retention}.</translation>
        </message>
    </context>
    <context>
        <name>RecordTableModel</name>
        <message>
            <source>Restricted</source>
            <translation>Begrenset</translation>
        </message>
        <message>
            <source>Legal hold until {date}</source>
            <translation>Rettslig hold til {date}</translation>
        </message>
        <message>
            <source>Collected</source>
            <translation>Innsamlet</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Kilde</translation>
        </message>
        <message>
            <source>Kept until</source>
            <translation>Lagres til</translation>
        </message>
        <message>
            <source>Restriction / legal hold</source>
            <translation>Begrensning / rettslig hold</translation>
        </message>
    </context>
    <context>
        <name>RegisterCopyDialog</name>
        <message>
            <source>Register copy</source>
            <translation>Registerutskrift</translation>
        </message>
        <message>
            <source>Register copy (GDPR Article 15)</source>
            <translation>Registerutskrift (personvernforordningen artikkel 15)</translation>
        </message>
        <message>
            <source>Language of the copy</source>
            <translation>Språk i utskriften</translation>
        </message>
        <message>
            <source>Norwegian (Bokmål)</source>
            <translation>Norsk (bokmål)</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Engelsk</translation>
        </message>
        <message>
            <source>Swedish</source>
            <translation>Svensk</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Språk:</translation>
        </message>
        <message>
            <source>No postal address</source>
            <translation>Ingen postadresse</translation>
        </message>
        <message>
            <source>No postal address is registered for this person: the copy cannot be posted in a window envelope. Send it encrypted by e-mail.</source>
            <translation>Personen har ingen postadresse registrert: utskriften kan ikke sendes i vinduskonvolutt. Send den kryptert på e-post.</translation>
        </message>
        <message>
            <source>Request completed</source>
            <translation>Henvendelsen er fullført</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Review before sending</source>
            <translation>Gå gjennom før sending</translation>
        </message>
        <message>
            <source>These texts may name other people. Yellow marks what looks like a name, an e-mail address, a telephone number or an identity number. Select what belongs to someone else and press Redact.</source>
            <translation>Disse tekstene kan nevne andre personer. Gult markerer det som ser ut som et navn, en e-postadresse, et telefonnummer eller et fødselsnummer. Merk det som gjelder noen andre, og trykk Sladd.</translation>
        </message>
        <message>
            <source>Texts to review</source>
            <translation>Tekster å gå gjennom</translation>
        </message>
        <message>
            <source>Text under review</source>
            <translation>Teksten du går gjennom</translation>
        </message>
        <message>
            <source>Changed since redaction</source>
            <translation>Endret etter sladding</translation>
        </message>
        <message>
            <source>This text has changed since it was redacted, so the copy withholds all of it. Redact it again.</source>
            <translation>Teksten er endret etter at den ble sladdet, så utskriften holder tilbake hele teksten. Sladd den på nytt.</translation>
        </message>
        <message>
            <source>Redact</source>
            <translation>Sladd</translation>
        </message>
        <message>
            <source>Withhold the selected text from the copy, with a reason</source>
            <translation>Hold den merkede teksten utenfor utskriften, med begrunnelse</translation>
        </message>
        <message>
            <source>Redactions are recorded on an access request; open the copy from the request to redact.</source>
            <translation>Sladding registreres på en innsynshenvendelse; åpne utskriften fra henvendelsen for å sladde.</translation>
        </message>
        <message>
            <source>Preview of the register copy</source>
            <translation>Forhåndsvisning av registerutskriften</translation>
        </message>
        <message>
            <source>Password for the PDF – give it by SMS or read it out, never by e-mail:</source>
            <translation>Passord til PDF-en – gi det på SMS eller les det opp, aldri på e-post:</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passord</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Skriv ut…</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>Lagre…</translation>
        </message>
        <message>
            <source>Mark as posted</source>
            <translation>Merk som postet</translation>
        </message>
        <message>
            <source>How the password reaches the person</source>
            <translation>Hvordan passordet når personen</translation>
        </message>
        <message>
            <source>Password by SMS</source>
            <translation>Passord på SMS</translation>
        </message>
        <message>
            <source>Password by telephone</source>
            <translation>Passord på telefon</translation>
        </message>
        <message>
            <source>Password by letter</source>
            <translation>Passord i brev</translation>
        </message>
        <message>
            <source>Password at the counter</source>
            <translation>Passord i butikken</translation>
        </message>
        <message>
            <source>Send encrypted e-mail…</source>
            <translation>Send kryptert e-post…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Register copy – {reference}</source>
            <translation>Registerutskrift – {reference}</translation>
        </message>
        <message>
            <source>{pages} pages</source>
            <translation>{pages} sider</translation>
        </message>
        <message>
            <source>{title} – {count} to check</source>
            <translation>{title} – {count} å sjekke</translation>
        </message>
        <message>
            <source>(redacted)</source>
            <translation>(sladdet)</translation>
        </message>
        <message>
            <source>No free texts in this copy.</source>
            <translation>Utskriften har ingen fritekster.</translation>
        </message>
        <message>
            <source>Select the text to redact first.</source>
            <translation>Merk teksten som skal sladdes først.</translation>
        </message>
        <message>
            <source>Why is this withheld? Say whose data it is (for example “the partner's name”).</source>
            <translation>Hvorfor holdes dette tilbake? Skriv hvem opplysningene gjelder (for eksempel «samboerens navn»).</translation>
        </message>
        <message>
            <source>the printer</source>
            <translation>skriveren</translation>
        </message>
        <message>
            <source>Not printed</source>
            <translation>Ikke skrevet ut</translation>
        </message>
        <message>
            <source>{printer} is not available. Nothing was printed, and nothing is marked as sent.</source>
            <translation>{printer} er ikke tilgjengelig. Ingenting ble skrevet ut, og ingenting er merket som sendt.</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>Skrevet ut</translation>
        </message>
        <message>
            <source>{pages} pages went to the printer. When the letter has gone, press “Mark as posted”.</source>
            <translation>{pages} sider ble sendt til skriveren. Når brevet er sendt, trykker du «Merk som postet».</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Lagret</translation>
        </message>
        <message>
            <source>The register copy was saved to {path}.</source>
            <translation>Registerutskriften ble lagret i {path}.</translation>
        </message>
        <message>
            <source>Posted on (dd.mm.yyyy):</source>
            <translation>Postet (dd.mm.åååå):</translation>
        </message>
        <message>
            <source>“{text}” is not a date; write it as dd.mm.yyyy.</source>
            <translation>«{text}» er ikke en dato; skriv den som dd.mm.åååå.</translation>
        </message>
        <message>
            <source>Send encrypted e-mail</source>
            <translation>Send kryptert e-post</translation>
        </message>
        <message>
            <source>Send the register copy, encrypted, to the registered address {address}? You will see the password afterwards: give it to the person another way ({channel}), never in the e-mail.</source>
            <translation>Sende registerutskriften kryptert til den registrerte adressen {address}? Du ser passordet etterpå: gi det til personen på en annen måte ({channel}), aldri i e-posten.</translation>
        </message>
        <message>
            <source>E-mail sent</source>
            <translation>E-post sendt</translation>
        </message>
        <message>
            <source>The encrypted copy was sent. Give the person this password another way than e-mail ({channel}): {password}</source>
            <translation>Den krypterte kopien er sendt. Gi personen dette passordet på en annen måte enn e-post ({channel}): {password}</translation>
        </message>
        <message>
            <source>Request {reference} is completed: {summary}</source>
            <translation>Henvendelse {reference} er fullført: {summary}</translation>
        </message>
        <message>
            <source>Save register copy</source>
            <translation>Lagre registerutskrift</translation>
        </message>
    </context>
    <context>
        <name>RevealDialog</name>
        <message>
            <source>Show the identity number</source>
            <translation>Vis fødselsnummeret</translation>
        </message>
        <message>
            <source>The full identity number is shown for {seconds} seconds and then hidden again. It is written to the access log with your reason.</source>
            <translation>Hele fødselsnummeret vises i {seconds} sekunder og skjules så igjen. Det skrives i tilgangsloggen sammen med grunnen din.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grunn</translation>
        </message>
        <message>
            <source>For example: the customer asks us to confirm the number</source>
            <translation>For eksempel: kunden ber oss bekrefte nummeret</translation>
        </message>
        <message>
            <source>Your password</source>
            <translation>Passordet ditt</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Grunn:</translation>
        </message>
        <message>
            <source>Your &amp;password:</source>
            <translation>&amp;Passordet ditt:</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Vis</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Write why the full number is needed.</source>
            <translation>Skriv hvorfor hele nummeret trengs.</translation>
        </message>
    </context>
    <context>
        <name>SearchResultModel</name>
        <message>
            <source>The search failed unexpectedly. Try again; if it keeps failing, tell IT.</source>
            <translation>Søket mislyktes uventet. Prøv igjen; si fra til IT hvis det fortsetter.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Customer no.</source>
            <translation>Kundenr.</translation>
        </message>
        <message>
            <source>E-mail (masked)</source>
            <translation>E-post (maskert)</translation>
        </message>
        <message>
            <source>Phone (masked)</source>
            <translation>Telefon (maskert)</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Sted</translation>
        </message>
    </context>
    <context>
        <name>ServiceWorker</name>
        <message>
            <source>Something went wrong unexpectedly ({error}). Try again; if it keeps failing, tell IT.</source>
            <translation>Noe gikk uventet galt ({error}). Prøv igjen; hvis det fortsetter å feile, si fra til IT.</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>{app} cannot start</source>
            <translation>{app} kan ikke starte</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify identity – {name}</source>
            <translation>Bekreft identitet – {name}</translation>
        </message>
        <message>
            <source>Who is calling? {name}, {number}</source>
            <translation>Hvem ringer? {name}, {number}</translation>
        </message>
        <message>
            <source>Use the least intrusive method that removes reasonable doubt. None of them needs the identity number: do not ask for it.</source>
            <translation>Bruk den minst inngripende metoden som fjerner rimelig tvil. Ingen av dem trenger fødselsnummeret: ikke spør etter det.</translation>
        </message>
        <message>
            <source>Attempts left</source>
            <translation>Forsøk igjen</translation>
        </message>
        <message>
            <source>Lockout</source>
            <translation>Sperre</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Metoder</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Spørsmål</translation>
        </message>
        <message>
            <source>One-time code</source>
            <translation>Engangskode</translation>
        </message>
        <message>
            <source>ID document</source>
            <translation>Legitimasjon</translation>
        </message>
        <message>
            <source>Electronic ID</source>
            <translation>Elektronisk ID</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Melding</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Finding out which questions the record can answer…</source>
            <translation>Finner ut hvilke spørsmål kunderegisteret kan svare på …</translation>
        </message>
        <message>
            <source>Questions the record can answer</source>
            <translation>Spørsmål kunderegisteret kan svare på</translation>
        </message>
        <message>
            <source>Street or postcode</source>
            <translation>Gate eller postnummer</translation>
        </message>
        <message>
            <source>Ask at least two. If an answer is wrong, do not say which one: that would help someone guessing.</source>
            <translation>Still minst to. Hvis et svar er feil, ikke si hvilket: det ville hjelpe den som gjetter.</translation>
        </message>
        <message>
            <source>Check the answers</source>
            <translation>Kontroller svarene</translation>
        </message>
        <message>
            <source>E-mail to {address}</source>
            <translation>E-post til {address}</translation>
        </message>
        <message>
            <source>E-mail (none registered)</source>
            <translation>E-post (ingen registrert)</translation>
        </message>
        <message>
            <source>SMS to {number}</source>
            <translation>SMS til {number}</translation>
        </message>
        <message>
            <source>SMS (no mobile number registered)</source>
            <translation>SMS (ikke registrert mobilnummer)</translation>
        </message>
        <message>
            <source>Send code</source>
            <translation>Send kode</translation>
        </message>
        <message>
            <source>Code sent</source>
            <translation>Kode sendt</translation>
        </message>
        <message>
            <source>Test set-up: text messages are written to the file {path}</source>
            <translation>Testoppsett: SMS-er skrives til filen {path}</translation>
        </message>
        <message>
            <source>Code the customer reads out</source>
            <translation>Koden kunden leser opp</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Bekreft</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>Kode:</translation>
        </message>
        <message>
            <source>Send a code to what is registered, never to an address the caller gives:</source>
            <translation>Send koden til det som er registrert, aldri til en adresse innringeren oppgir:</translation>
        </message>
        <message>
            <source>Only when the customer is at the counter. Look at the document and compare photo and name. Record its kind and last digits; no copy or image is stored.</source>
            <translation>Bare når kunden møter opp i skranken. Se på legitimasjonen og sammenlign bilde og navn. Registrer type og de siste sifrene; ingen kopi eller bilde lagres.</translation>
        </message>
        <message>
            <source>This contact is by {channel}. Choose the channel "{counter}" in the profile to use this method.</source>
            <translation>Denne kontakten er registrert som {channel}. Velg kanalen «{counter}» i profilen for å bruke denne metoden.</translation>
        </message>
        <message>
            <source>Document kind</source>
            <translation>Type legitimasjon</translation>
        </message>
        <message>
            <source>Last digits of the document number</source>
            <translation>De siste sifrene i dokumentnummeret</translation>
        </message>
        <message>
            <source>Document:</source>
            <translation>Legitimasjon:</translation>
        </message>
        <message>
            <source>Last 2–4 digits:</source>
            <translation>Siste 2–4 sifre:</translation>
        </message>
        <message>
            <source>Document matches</source>
            <translation>Legitimasjonen stemmer</translation>
        </message>
        <message>
            <source>Does not match</source>
            <translation>Stemmer ikke</translation>
        </message>
        <message>
            <source>When the customer has signed in with an electronic ID, record the provider and the transaction reference it gave. Not the identity number.</source>
            <translation>Når kunden har logget inn med elektronisk ID, registrer leverandøren og transaksjonsreferansen den ga. Ikke fødselsnummeret.</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>Leverandør</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referanse</translation>
        </message>
        <message>
            <source>Provider:</source>
            <translation>Leverandør:</translation>
        </message>
        <message>
            <source>Reference:</source>
            <translation>Referanse:</translation>
        </message>
        <message>
            <source>Verification is locked after three failed attempts: {minutes} min left (until {time}).</source>
            <translation>Verifiseringen er låst etter tre mislykkede forsøk: {minutes} min igjen (til kl. {time}).</translation>
        </message>
        <message>
            <source>No attempts left.</source>
            <translation>Ingen forsøk igjen.</translation>
        </message>
        <message>
            <source>1 attempt left before verification is locked.</source>
            <translation>1 forsøk igjen før verifiseringen låses.</translation>
        </message>
        <message>
            <source>{count} attempts left before verification is locked.</source>
            <translation>{count} forsøk igjen før verifiseringen låses.</translation>
        </message>
        <message>
            <source>The record can answer: {kinds}.</source>
            <translation>Kunderegisteret kan svare på: {kinds}.</translation>
        </message>
        <message>
            <source>The record has no orders or deliveries to ask about: choose another method.</source>
            <translation>Kunderegisteret har ingen bestillinger eller leveranser å spørre om: velg en annen metode.</translation>
        </message>
        <message>
            <source>Fill in at least two answers.</source>
            <translation>Fyll inn minst to svar.</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-post</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <source>A code was sent by {how} to {to}. It is valid until {time}; ask the customer to read it out.</source>
            <translation>En kode er sendt på {how} til {to}. Den gjelder til kl. {time}; be kunden lese den opp.</translation>
        </message>
        <message>
            <source>Type the code the customer reads out.</source>
            <translation>Skriv inn koden kunden leser opp.</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Angre</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Gjør om</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Klipp &amp;ut</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopier</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Lim inn</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Slett</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Merk alt</translation>
        </message>
    </context>
    <context>
        <name>AccessPanel</name>
        <message>
            <source>Summary of the answer</source>
            <translation>Sammendrag av svaret</translation>
        </message>
        <message>
            <source>What was sent: for example the register copy (PDF) and the cover letter, encrypted e-mail</source>
            <translation>Hva som ble sendt: for eksempel registerkopien (PDF) og følgebrevet, kryptert e-post</translation>
        </message>
        <message>
            <source>Sent via</source>
            <translation>Sendt via</translation>
        </message>
        <message>
            <source>Sent on</source>
            <translation>Sendt dato</translation>
        </message>
        <message>
            <source>Complete: the copy has been sent</source>
            <translation>Fullfør: kopien er sendt</translation>
        </message>
        <message>
            <source>Make the register copy here: review it, then print, post or e-mail it encrypted. An electronic request gets an electronic answer unless the person asked otherwise; the first copy is free.</source>
            <translation>Lag registerkopien her: gå gjennom den, og skriv den ut, send den i posten eller send den kryptert på e-post. En elektronisk henvendelse får elektronisk svar hvis ikke personen har bedt om noe annet; den første kopien er gratis.</translation>
        </message>
        <message>
            <source>Make the register copy…</source>
            <translation>Lag registerkopi…</translation>
        </message>
        <message>
            <source>Make the register copy</source>
            <translation>Lag registerkopi</translation>
        </message>
        <message>
            <source>Summary:</source>
            <translation>Sammendrag:</translation>
        </message>
        <message>
            <source>Sent via:</source>
            <translation>Sendt via:</translation>
        </message>
        <message>
            <source>Sent on:</source>
            <translation>Sendt dato:</translation>
        </message>
        <message>
            <source>Complete the access request</source>
            <translation>Fullfør innsynsforespørselen</translation>
        </message>
        <message>
            <source>What was sent to the person?</source>
            <translation>Hva ble sendt til personen?</translation>
        </message>
    </context>
    <context>
        <name>ConsentPanel</name>
        <message>
            <source>Consent-based purposes</source>
            <translation>Formål basert på samtykke</translation>
        </message>
        <message>
            <source>Marketing:</source>
            <translation>Markedsføring:</translation>
        </message>
        <message>
            <source>Withdraw the consent</source>
            <translation>Trekk tilbake samtykket</translation>
        </message>
        <message>
            <source>Tick the purposes the consent is withdrawn for, or none for every consent-based purpose. Processing before the withdrawal stays lawful.</source>
            <translation>Kryss av formålene samtykket trekkes tilbake for, eller ingen for alle formål basert på samtykke. Behandlingen før tilbaketrekkingen er fortsatt lovlig.</translation>
        </message>
    </context>
    <context>
        <name>DecisionPanel</name>
        <message>
            <source>Upheld: stop the processing</source>
            <translation>Tatt til følge: stans behandlingen</translation>
        </message>
        <message>
            <source>Not upheld: compelling legitimate grounds override</source>
            <translation>Ikke tatt til følge: tvingende berettigede grunner veier tyngre</translation>
        </message>
        <message>
            <source>Grounds</source>
            <translation>Begrunnelse</translation>
        </message>
        <message>
            <source>The grounds are recorded and given to the person</source>
            <translation>Begrunnelsen registreres og gis til personen</translation>
        </message>
        <message>
            <source>Record the decision</source>
            <translation>Registrer avgjørelsen</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Avgjørelse</translation>
        </message>
        <message>
            <source>A supervisor decides. Gather the facts, start the work and submit the request for approval.</source>
            <translation>En leder avgjør. Samle fakta, start arbeidet og send forespørselen til godkjenning.</translation>
        </message>
        <message>
            <source>The decision can be recorded once the work has started.</source>
            <translation>Avgjørelsen kan registreres når arbeidet er startet.</translation>
        </message>
        <message>
            <source>upheld</source>
            <translation>tatt til følge</translation>
        </message>
        <message>
            <source>not upheld</source>
            <translation>ikke tatt til følge</translation>
        </message>
        <message>
            <source>Decision: {verdict}, by {who} on {date}. Grounds: {grounds}</source>
            <translation>Avgjørelse: {verdict}, av {who} {date}. Begrunnelse: {grounds}</translation>
        </message>
        <message>
            <source>No decision yet.</source>
            <translation>Ingen avgjørelse ennå.</translation>
        </message>
    </context>
    <context>
        <name>ErasurePanel</name>
        <message>
            <source>An erasure is planned, approved by a supervisor and carried out in the erasure screen. Here you can verify the identity, start the work, submit it for approval, extend, refuse or record a withdrawal.</source>
            <translation>En sletting planlegges, godkjennes av en leder og gjennomføres i slettebildet. Her kan du bekrefte identiteten, starte arbeidet, sende til godkjenning, forlenge fristen, avslå eller registrere at den er trukket tilbake.</translation>
        </message>
        <message>
            <source>Erasure plan…</source>
            <translation>Slettingsplan…</translation>
        </message>
        <message>
            <source>What goes, what stays and why; submit, approve and carry out</source>
            <translation>Hva som slettes, hva som blir og hvorfor; send til godkjenning, godkjenn og utfør</translation>
        </message>
    </context>
    <context>
        <name>FileRequestDialog</name>
        <message>
            <source>New request</source>
            <translation>Ny forespørsel</translation>
        </message>
        <message>
            <source>Request type</source>
            <translation>Forespørselstype</translation>
        </message>
        <message>
            <source>{name} (customer id {id})</source>
            <translation>{name} (kunde-id {id})</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>Mottatt dato</translation>
        </message>
        <message>
            <source>The day the request reached the shop: the postmark, the e-mail's date</source>
            <translation>Dagen forespørselen kom til butikken: poststemplet, datoen på e-posten</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Frist</translation>
        </message>
        <message>
            <source>Marketing channel:</source>
            <translation>Markedsføringskanal:</translation>
        </message>
        <message>
            <source>Marketing channel</source>
            <translation>Markedsføringskanal</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Alle kanaler</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notater</translation>
        </message>
        <message>
            <source>What the person asked for, in their words; no identity numbers</source>
            <translation>Hva personen ba om, med egne ord; ingen fødselsnumre</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <source>Customer:</source>
            <translation>Kunde:</translation>
        </message>
        <message>
            <source>&amp;Channel:</source>
            <translation>&amp;Kanal:</translation>
        </message>
        <message>
            <source>&amp;Received:</source>
            <translation>&amp;Mottatt:</translation>
        </message>
        <message>
            <source>Due:</source>
            <translation>Frist:</translation>
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation>&amp;Notater:</translation>
        </message>
        <message>
            <source>Duplicate notice</source>
            <translation>Melding om duplikat</translation>
        </message>
        <message>
            <source>Open the existing request</source>
            <translation>Åpne den eksisterende forespørselen</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Filing</source>
            <translation>Registrerer</translation>
        </message>
        <message>
            <source>File request</source>
            <translation>Registrer forespørsel</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>A due date on a weekend or Norwegian public holiday moves to the next working day (setting).</source>
            <translation>En frist på en helg eller norsk helligdag flyttes til neste virkedag (innstilling).</translation>
        </message>
        <message>
            <source>Due dates are not moved off weekends and public holidays (the default setting).</source>
            <translation>Frister flyttes ikke fra helger og helligdager (standardinnstillingen).</translation>
        </message>
        <message>
            <source>{date} (overdue by {days} days)</source>
            <translation>{date} (fristen er overskredet med {days} dager)</translation>
        </message>
        <message>
            <source>{date} ({days} days left)</source>
            <translation>{date} ({days} dager igjen)</translation>
        </message>
        <message>
            <source>The notes are longer than {count} characters.</source>
            <translation>Notatene er lengre enn {count} tegn.</translation>
        </message>
        <message>
            <source>The request is already open</source>
            <translation>Forespørselen er allerede åpen</translation>
        </message>
        <message>
            <source>{message}

File this as a new request anyway? It will be marked as a duplicate of {reference}.</source>
            <translation>{message}

Registrere dette som en ny forespørsel likevel? Den blir merket som duplikat av {reference}.</translation>
        </message>
    </context>
    <context>
        <name>MarketingPanel</name>
        <message>
            <source>Marketing status</source>
            <translation>Status for markedsføring</translation>
        </message>
        <message>
            <source>Stop marketing on these channels now</source>
            <translation>Stans markedsføring i disse kanalene nå</translation>
        </message>
        <message>
            <source>An objection to direct marketing needs no reasons and takes effect at once. Only a block is kept so the person is not contacted again; order confirmations are not marketing.</source>
            <translation>En reservasjon mot direkte markedsføring trenger ingen begrunnelse og gjelder straks. Bare en sperre beholdes, slik at personen ikke kontaktes igjen; ordrebekreftelser er ikke markedsføring.</translation>
        </message>
        <message>
            <source>Marketing stopped on: {channels}.</source>
            <translation>Markedsføring stanset for: {channels}.</translation>
        </message>
        <message>
            <source>Marketing has not been stopped under this request.</source>
            <translation>Markedsføring er ikke stanset under denne forespørselen.</translation>
        </message>
        <message>
            <source>Tick at least one channel.</source>
            <translation>Kryss av minst én kanal.</translation>
        </message>
    </context>
    <context>
        <name>PortabilityPanel</name>
        <message>
            <source>Save export…</source>
            <translation>Lagre eksport…</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>Status for eksport</translation>
        </message>
        <message>
            <source>A zip with JSON and CSV of what the person gave on consent or contract, with its schema. Send it to the person securely, then complete the request with what was sent.</source>
            <translation>En zip-fil med JSON og CSV av det personen har gitt på grunnlag av samtykke eller avtale, med skjemabeskrivelse. Send den sikkert til personen, og fullfør deretter forespørselen med hva som ble sendt.</translation>
        </message>
        <message>
            <source>Last export: {when} by {who}.</source>
            <translation>Siste eksport: {when} av {who}.</translation>
        </message>
        <message>
            <source>No export made yet.</source>
            <translation>Ingen eksport laget ennå.</translation>
        </message>
        <message>
            <source>data-export</source>
            <translation>dataeksport</translation>
        </message>
        <message>
            <source>Save the portability export</source>
            <translation>Lagre eksporten (dataportabilitet)</translation>
        </message>
        <message>
            <source>Zip files (*.zip)</source>
            <translation>Zip-filer (*.zip)</translation>
        </message>
        <message>
            <source>Saved {path} ({size} kB). Send it to the person securely, then complete the request.</source>
            <translation>Lagret {path} ({size} kB). Send den sikkert til personen, og fullfør deretter forespørselen.</translation>
        </message>
    </context>
    <context>
        <name>RectificationPanel</name>
        <message>
            <source>First name</source>
            <translation>Fornavn</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>Etternavn</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-post</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Street address</source>
            <translation>Gateadresse</translation>
        </message>
        <message>
            <source>Postcode</source>
            <translation>Postnummer</translation>
        </message>
        <message>
            <source>Town</source>
            <translation>Poststed</translation>
        </message>
        <message>
            <source>Save the correction</source>
            <translation>Lagre rettelsen</translation>
        </message>
        <message>
            <source>Before and after (masked, as kept in the log)</source>
            <translation>Før og etter (maskert, slik det lagres i loggen)</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Endringer</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Før</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Etter</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Når</translation>
        </message>
        <message>
            <source>Fill in only what is to change; the grey text is what is stored now. Recipients who received the data are told (Art. 19) and the request is completed.</source>
            <translation>Fyll bare inn det som skal endres; den grå teksten er det som er lagret nå. Mottakere som har fått opplysningene, varsles (art. 19), og forespørselen fullføres.</translation>
        </message>
        <message>
            <source>now: {value}</source>
            <translation>nå: {value}</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>uendret</translation>
        </message>
        <message>
            <source>Type the new value of at least one field.</source>
            <translation>Skriv inn ny verdi i minst ett felt.</translation>
        </message>
        <message>
            <source>now (full name): {value}</source>
            <translation>nå (fullt navn): {value}</translation>
        </message>
    </context>
    <context>
        <name>RequestHistory</name>
        <message>
            <source>filed</source>
            <translation>registrert</translation>
        </message>
        <message>
            <source>identity verified</source>
            <translation>identitet bekreftet</translation>
        </message>
        <message>
            <source>work started</source>
            <translation>arbeid startet</translation>
        </message>
        <message>
            <source>submitted for approval</source>
            <translation>sendt til godkjenning</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>godkjent</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>avvist</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>fullført</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>avslått</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>trukket tilbake</translation>
        </message>
        <message>
            <source>deadline extended</source>
            <translation>fristen forlenget</translation>
        </message>
        <message>
            <source>assigned</source>
            <translation>tildelt</translation>
        </message>
        <message>
            <source>data rectified</source>
            <translation>opplysninger rettet</translation>
        </message>
        <message>
            <source>processing restricted</source>
            <translation>behandling begrenset</translation>
        </message>
        <message>
            <source>lift notice recorded</source>
            <translation>varsel om opphevelse registrert</translation>
        </message>
        <message>
            <source>restriction lifted</source>
            <translation>begrensning opphevet</translation>
        </message>
        <message>
            <source>marketing stopped</source>
            <translation>markedsføring stanset</translation>
        </message>
        <message>
            <source>decision recorded</source>
            <translation>avgjørelse registrert</translation>
        </message>
        <message>
            <source>consent withdrawn</source>
            <translation>samtykke trukket tilbake</translation>
        </message>
        <message>
            <source>export made</source>
            <translation>eksport laget</translation>
        </message>
        <message>
            <source>letter sent</source>
            <translation>brev sendt</translation>
        </message>
        <message>
            <source>recipient notified</source>
            <translation>mottaker varslet</translation>
        </message>
        <message>
            <source>Acknowledgement</source>
            <translation>Kvittering</translation>
        </message>
        <message>
            <source>Extension notice</source>
            <translation>Melding om forlenget frist</translation>
        </message>
        <message>
            <source>Refusal</source>
            <translation>Avslag</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Svar</translation>
        </message>
        <message>
            <source>Notice before lifting</source>
            <translation>Varsel før opphevelse</translation>
        </message>
        <message>
            <source>rectification</source>
            <translation>retting</translation>
        </message>
        <message>
            <source>restriction</source>
            <translation>begrensning</translation>
        </message>
        <message>
            <source>objection upheld</source>
            <translation>innsigelse tatt til følge</translation>
        </message>
    </context>
    <context>
        <name>RequestLabels</name>
        <message>
            <source>Access</source>
            <translation>Innsyn</translation>
        </message>
        <message>
            <source>Rectification</source>
            <translation>Retting</translation>
        </message>
        <message>
            <source>Erasure</source>
            <translation>Sletting</translation>
        </message>
        <message>
            <source>Restriction</source>
            <translation>Begrensning</translation>
        </message>
        <message>
            <source>Objection (legitimate interest)</source>
            <translation>Innsigelse (berettiget interesse)</translation>
        </message>
        <message>
            <source>Objection to direct marketing</source>
            <translation>Reservasjon mot direkte markedsføring</translation>
        </message>
        <message>
            <source>Data portability</source>
            <translation>Dataportabilitet</translation>
        </message>
        <message>
            <source>Consent withdrawal</source>
            <translation>Tilbaketrekking av samtykke</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-post</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Brev</translation>
        </message>
        <message>
            <source>At the counter</source>
            <translation>I butikken</translation>
        </message>
        <message>
            <source>Web form</source>
            <translation>Nettskjema</translation>
        </message>
        <message>
            <source>{days} overdue</source>
            <translation>{days} over fristen</translation>
        </message>
        <message>
            <source>0 (due today)</source>
            <translation>0 (frist i dag)</translation>
        </message>
    </context>
    <context>
        <name>RequestQueueModel</name>
        <message>
            <source>(extended)</source>
            <translation>(forlenget)</translation>
        </message>
        <message>
            <source>{reference}: another open request of the same type exists for this customer</source>
            <translation>{reference}: kunden har en annen åpen forespørsel av samme type</translation>
        </message>
        <message>
            <source>Overdue: the answer was due {date}</source>
            <translation>Fristen er overskredet: svaret skulle vært gitt {date}</translation>
        </message>
        <message>
            <source>Due soon: answer by {date}</source>
            <translation>Fristen nærmer seg: svar innen {date}</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referanse</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Mottatt</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Frist</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Dager igjen</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Saksbehandler</translation>
        </message>
        <message>
            <source>(duplicate)</source>
            <translation>(duplikat)</translation>
        </message>
    </context>
    <context>
        <name>RequestQueueWidget</name>
        <message>
            <source>Request queue</source>
            <translation>Forespørselskø</translation>
        </message>
        <message>
            <source>Request type filter</source>
            <translation>Filter for forespørselstype</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>Alle typer</translation>
        </message>
        <message>
            <source>State filter</source>
            <translation>Filter for status</translation>
        </message>
        <message>
            <source>All open</source>
            <translation>Alle åpne</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>Alle statuser</translation>
        </message>
        <message>
            <source>Agent filter</source>
            <translation>Filter for saksbehandler</translation>
        </message>
        <message>
            <source>Only mine</source>
            <translation>Bare mine</translation>
        </message>
        <message>
            <source>Only requests assigned to you</source>
            <translation>Bare forespørsler som er tildelt deg</translation>
        </message>
        <message>
            <source>Only overdue</source>
            <translation>Bare forfalte</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Oppdater</translation>
        </message>
        <message>
            <source>Read the queue again (F5)</source>
            <translation>Les køen på nytt (F5)</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Type:</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Agent:</source>
            <translation>Saksbehandler:</translation>
        </message>
        <message>
            <source>Request counts</source>
            <translation>Antall forespørsler</translation>
        </message>
        <message>
            <source>Queue limit notice</source>
            <translation>Melding om grense for køen</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Laster</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Forespørsler</translation>
        </message>
        <message>
            <source>All agents</source>
            <translation>Alle saksbehandlere</translation>
        </message>
        <message>
            <source>Only the first {count} requests are shown; narrow the filter to see the rest.</source>
            <translation>Bare de første {count} forespørslene vises; snevre inn filteret for å se resten.</translation>
        </message>
        <message>
            <source>Open: {open} · overdue: {overdue} · due soon: {soon} · mine: {mine}</source>
            <translation>Åpne: {open} · forfalt: {overdue} · forfaller snart: {soon} · mine: {mine}</translation>
        </message>
        <message>
            <source>Open by state: {states}</source>
            <translation>Åpne etter status: {states}</translation>
        </message>
        <message>
            <source>Closed: {states}</source>
            <translation>Avsluttet: {states}</translation>
        </message>
    </context>
    <context>
        <name>RequestViewWidget</name>
        <message>
            <source>Verify identity…</source>
            <translation>Bekreft identitet…</translation>
        </message>
        <message>
            <source>Start work</source>
            <translation>Start arbeidet</translation>
        </message>
        <message>
            <source>Submit for approval</source>
            <translation>Send til godkjenning</translation>
        </message>
        <message>
            <source>Approve…</source>
            <translation>Godkjenn…</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Avvis…</translation>
        </message>
        <message>
            <source>Complete…</source>
            <translation>Fullfør…</translation>
        </message>
        <message>
            <source>Refuse…</source>
            <translation>Avslå…</translation>
        </message>
        <message>
            <source>Withdrawn…</source>
            <translation>Trukket tilbake…</translation>
        </message>
        <message>
            <source>Extend the deadline…</source>
            <translation>Forleng fristen…</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Forespørsel</translation>
        </message>
        <message>
            <source>No request is open.

Double-click a request in the queue.</source>
            <translation>Ingen forespørsel er åpen.

Dobbeltklikk på en forespørsel i køen.</translation>
        </message>
        <message>
            <source>Request title</source>
            <translation>Forespørselens tittel</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Customer:</source>
            <translation>Kunde:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Kanal:</translation>
        </message>
        <message>
            <source>Received:</source>
            <translation>Mottatt:</translation>
        </message>
        <message>
            <source>Due:</source>
            <translation>Frist:</translation>
        </message>
        <message>
            <source>Days left:</source>
            <translation>Dager igjen:</translation>
        </message>
        <message>
            <source>Agent:</source>
            <translation>Saksbehandler:</translation>
        </message>
        <message>
            <source>Identity:</source>
            <translation>Identitet:</translation>
        </message>
        <message>
            <source>Filed:</source>
            <translation>Registrert:</translation>
        </message>
        <message>
            <source>Open the customer</source>
            <translation>Åpne kunden</translation>
        </message>
        <message>
            <source>Restriction notice</source>
            <translation>Melding om begrensning</translation>
        </message>
        <message>
            <source>Processing is restricted for this customer: the data may only be stored. No marketing, no exports to third parties; other use needs consent or legal claims.</source>
            <translation>Behandlingen er begrenset for denne kunden: opplysningene kan bare lagres. Ingen markedsføring, ingen utlevering til tredjeparter; annen bruk krever samtykke eller rettslige krav.</translation>
        </message>
        <message>
            <source>Duplicate notice</source>
            <translation>Melding om duplikat</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Utfall</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Melding</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Assign to me</source>
            <translation>Tildel meg</translation>
        </message>
        <message>
            <source>The request is closed; file a new request if the person asks again.</source>
            <translation>Forespørselen er avsluttet; registrer en ny forespørsel hvis personen spør igjen.</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historikk</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Når</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Hvem</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Steg</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Merknad</translation>
        </message>
        <message>
            <source>Notices to recipients</source>
            <translation>Varsler til mottakere</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Mottaker</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Endring</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Laget</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sendt</translation>
        </message>
        <message>
            <source>Notice text</source>
            <translation>Varseltekst</translation>
        </message>
        <message>
            <source>Mark as sent</source>
            <translation>Merk som sendt</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Brev</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Brev</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Språk</translation>
        </message>
        <message>
            <source>Letter text</source>
            <translation>Brevtekst</translation>
        </message>
        <message>
            <source>Show the acknowledgement</source>
            <translation>Vis kvitteringen</translation>
        </message>
        <message>
            <source>The receipt to send the person: reference and answer date</source>
            <translation>Kvitteringen til personen: referanse og svarfrist</translation>
        </message>
        <message>
            <source>Fulfilment</source>
            <translation>Gjennomføring</translation>
        </message>
        <message>
            <source>Recipients (Art. 19)</source>
            <translation>Mottakere (art. 19)</translation>
        </message>
        <message>
            <source>Opening the request…</source>
            <translation>Åpner forespørselen…</translation>
        </message>
        <message>
            <source>GDPR Art. {article}</source>
            <translation>Personvernforordningen art. {article}</translation>
        </message>
        <message>
            <source>(erased)</source>
            <translation>(slettet)</translation>
        </message>
        <message>
            <source>{due}, extended to {extended}</source>
            <translation>{due}, forlenget til {extended}</translation>
        </message>
        <message>
            <source>Reason for the extension: {reason}</source>
            <translation>Begrunnelse for forlengelsen: {reason}</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>ingen</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>bekreftet</translation>
        </message>
        <message>
            <source>not verified yet</source>
            <translation>ikke bekreftet ennå</translation>
        </message>
        <message>
            <source>not needed for this request</source>
            <translation>ikke nødvendig for denne forespørselen</translation>
        </message>
        <message>
            <source>{when} by {who}</source>
            <translation>{when} av {who}</translation>
        </message>
        <message>
            <source>Filed as a duplicate: {reference} of the same type was open for this customer at the time.</source>
            <translation>Registrert som duplikat: {reference} av samme type var åpen for denne kunden da.</translation>
        </message>
        <message>
            <source>Refused: {reason}</source>
            <translation>Avslått: {reason}</translation>
        </message>
        <message>
            <source>Withdrawn by the person on {date}.</source>
            <translation>Trukket tilbake av personen {date}.</translation>
        </message>
        <message>
            <source>(sent {date} via {via})</source>
            <translation>(sendt {date} via {via})</translation>
        </message>
        <message>
            <source>Done: {summary}</source>
            <translation>Ferdig: {summary}</translation>
        </message>
        <message>
            <source>History ({count})</source>
            <translation>Historikk ({count})</translation>
        </message>
        <message>
            <source>not sent</source>
            <translation>ikke sendt</translation>
        </message>
        <message>
            <source>Recipients (Art. 19): {waiting} to send</source>
            <translation>Mottakere (art. 19): {waiting} å sende</translation>
        </message>
        <message>
            <source>Recipients (Art. 19) ({count})</source>
            <translation>Mottakere (art. 19) ({count})</translation>
        </message>
        <message>
            <source>{date} via {via}</source>
            <translation>{date} via {via}</translation>
        </message>
        <message>
            <source>Letters: {waiting} to send</source>
            <translation>Brev: {waiting} å sende</translation>
        </message>
        <message>
            <source>Letters ({count})</source>
            <translation>Brev ({count})</translation>
        </message>
        <message>
            <source>{message} The request has been reloaded: check it and try again.</source>
            <translation>{message} Forespørselen er lastet inn på nytt: kontroller den og prøv igjen.</translation>
        </message>
        <message>
            <source>Verify identity</source>
            <translation>Bekreft identitet</translation>
        </message>
        <message>
            <source>How was the identity verified? For example: one-time code to the registered e-mail, or ID card seen at the counter (never write the ID number).</source>
            <translation>Hvordan ble identiteten bekreftet? For eksempel: engangskode til registrert e-post, eller legitimasjon vist i butikken (skriv aldri fødselsnummeret).</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Godkjenn</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Avvis</translation>
        </message>
        <message>
            <source>Write the grounds for the decision; they are recorded and given to the person.</source>
            <translation>Skriv begrunnelsen for avgjørelsen; den registreres og gis til personen.</translation>
        </message>
        <message>
            <source>Complete the request</source>
            <translation>Fullfør forespørselen</translation>
        </message>
        <message>
            <source>What was sent to the person, and how?</source>
            <translation>Hva ble sendt til personen, og hvordan?</translation>
        </message>
        <message>
            <source>Refuse the request</source>
            <translation>Avslå forespørselen</translation>
        </message>
        <message>
            <source>Write the reason for the refusal. It goes to the person in the refusal letter, with their right to complain to Datatilsynet.</source>
            <translation>Skriv begrunnelsen for avslaget. Den sendes til personen i avslagsbrevet, sammen med retten til å klage til Datatilsynet.</translation>
        </message>
        <message>
            <source>Withdrawn by the person</source>
            <translation>Trukket tilbake av personen</translation>
        </message>
        <message>
            <source>Record that the person withdrew {reference}? The request closes and cannot be reopened.</source>
            <translation>Registrere at personen har trukket tilbake {reference}? Forespørselen avsluttes og kan ikke åpnes igjen.</translation>
        </message>
        <message>
            <source>Extend the deadline</source>
            <translation>Forleng fristen</translation>
        </message>
        <message>
            <source>Why does the request need up to two more months? The reason is sent to the person in the extension notice (GDPR Art. 12(3)).</source>
            <translation>Hvorfor trenger forespørselen inntil to måneder til? Begrunnelsen sendes til personen i meldingen om forlenget frist (personvernforordningen art. 12 nr. 3).</translation>
        </message>
        <message>
            <source>The deadline is extended to {date}. Send the extension notice to the person now; it is under Letters.</source>
            <translation>Fristen er forlenget til {date}. Send meldingen om forlenget frist til personen nå; den ligger under Brev.</translation>
        </message>
        <message>
            <source>Extension notice</source>
            <translation>Melding om forlenget frist</translation>
        </message>
        <message>
            <source>Record that the person withdrew the request</source>
            <translation>Registrer at personen har trukket tilbake forespørselen</translation>
        </message>
    </context>
    <context>
        <name>RequestsUi</name>
        <message>
            <source>&amp;Requests</source>
            <translation>&amp;Forespørsler</translation>
        </message>
        <message>
            <source>&amp;New request…</source>
            <translation>&amp;Ny forespørsel…</translation>
        </message>
        <message>
            <source>File a data-protection request for the customer on screen</source>
            <translation>Registrer en personvernforespørsel for kunden som er åpen</translation>
        </message>
        <message>
            <source>Request &amp;queue</source>
            <translation>Forespørsels&amp;kø</translation>
        </message>
        <message>
            <source>Every open request with its deadline</source>
            <translation>Alle åpne forespørsler med frist</translation>
        </message>
        <message>
            <source>New request</source>
            <translation>Ny forespørsel</translation>
        </message>
        <message>
            <source>Open the customer first: search for the person and press Enter, then file the request.</source>
            <translation>Åpne kunden først: søk etter personen og trykk Enter, og registrer deretter forespørselen.</translation>
        </message>
        <message>
            <source>Filed {reference}</source>
            <translation>Registrerte {reference}</translation>
        </message>
        <message>
            <source>&amp;Erasure approval</source>
            <translation>&amp;Godkjenning av sletting</translation>
        </message>
        <message>
            <source>Erasures waiting for a supervisor&apos;s approval (four eyes)</source>
            <translation>Slettinger som venter på godkjenning fra en leder (fire øyne)</translation>
        </message>
        <message>
            <source>Erasure approval – {app}</source>
            <translation>Godkjenning av sletting – {app}</translation>
        </message>
    </context>
    <context>
        <name>RequestsWindow</name>
        <message>
            <source>Requests – {app}</source>
            <translation>Forespørsler – {app}</translation>
        </message>
    </context>
    <context>
        <name>RestrictionPanel</name>
        <message>
            <source>Purposes to restrict</source>
            <translation>Formål som skal begrenses</translation>
        </message>
        <message>
            <source>Restrict processing</source>
            <translation>Begrens behandlingen</translation>
        </message>
        <message>
            <source>Restriction status</source>
            <translation>Status for begrensning</translation>
        </message>
        <message>
            <source>Restrict (Art. 18)</source>
            <translation>Begrens (art. 18)</translation>
        </message>
        <message>
            <source>Tick the purposes the person contests, or none for all their data. Records that also serve another purpose stay usable for that purpose.</source>
            <translation>Kryss av formålene personen bestrider, eller ingen for alle opplysningene. Opplysninger som også brukes til et annet formål, kan fortsatt brukes til det.</translation>
        </message>
        <message>
            <source>Why the restriction ends</source>
            <translation>Hvorfor begrensningen oppheves</translation>
        </message>
        <message>
            <source>for example: the accuracy check is finished</source>
            <translation>for eksempel: kontrollen av riktigheten er ferdig</translation>
        </message>
        <message>
            <source>Lift on</source>
            <translation>Oppheves dato</translation>
        </message>
        <message>
            <source>Record the notice to the person</source>
            <translation>Registrer varselet til personen</translation>
        </message>
        <message>
            <source>Notice sent on</source>
            <translation>Varsel sendt dato</translation>
        </message>
        <message>
            <source>Lift the restriction</source>
            <translation>Opphev begrensningen</translation>
        </message>
        <message>
            <source>Lift (the person is told first, Art. 18(3))</source>
            <translation>Opphev (personen varsles først, art. 18 nr. 3)</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Begrunnelse:</translation>
        </message>
        <message>
            <source>Lift on:</source>
            <translation>Oppheves:</translation>
        </message>
        <message>
            <source>Notice sent on:</source>
            <translation>Varsel sendt:</translation>
        </message>
        <message>
            <source>{count} records are restricted under this request.</source>
            <translation>{count} registreringer er begrenset under denne forespørselen.</translation>
        </message>
        <message>
            <source>The restriction has been lifted.</source>
            <translation>Begrensningen er opphevet.</translation>
        </message>
        <message>
            <source>Nothing is restricted under this request yet.</source>
            <translation>Ingenting er begrenset under denne forespørselen ennå.</translation>
        </message>
        <message>
            <source>The notice is recorded as sent today. Send this text to the person; lift the restriction on or after {date}.</source>
            <translation>Varselet er registrert som sendt i dag. Send denne teksten til personen; opphev begrensningen {date} eller senere.</translation>
        </message>
        <message>
            <source>Notice to the person</source>
            <translation>Varsel til personen</translation>
        </message>
    </context>
    <context>
        <name>ApprovalQueueWidget</name>
        <message>
            <source>Erasure approval queue</source>
            <translation>Godkjenningskø for sletting</translation>
        </message>
        <message>
            <source>Erasures waiting for approval</source>
            <translation>Slettinger som venter på godkjenning</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Oppdater</translation>
        </message>
        <message>
            <source>Double-click an erasure to see its plan. You cannot decide on requests you filed yourself: another supervisor must (four eyes).</source>
            <translation>Dobbeltklikk på en sletting for å se planen. Du kan ikke avgjøre henvendelser du registrerte selv: en annen leder må gjøre det (fire øyne).</translation>
        </message>
        <message>
            <source>Erasures</source>
            <translation>Slettinger</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referanse</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Filed by</source>
            <translation>Registrert av</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Frist</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Slettes</translation>
        </message>
        <message>
            <source>Restrict</source>
            <translation>Begrenses</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Beholdes</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Waiting for your decision</source>
            <translation>Venter på din avgjørelse</translation>
        </message>
        <message>
            <source>You filed it: another supervisor decides</source>
            <translation>Du registrerte den: en annen leder avgjør</translation>
        </message>
        <message>
            <source>Waiting for a supervisor</source>
            <translation>Venter på en leder</translation>
        </message>
        <message>
            <source>Carried out; purge pending</source>
            <translation>Gjennomført; endelig fjerning venter</translation>
        </message>
        <message>
            <source>Approved by {who}; ready to carry out</source>
            <translation>Godkjent av {who}; klar til å utføres</translation>
        </message>
        <message>
            <source>{count} in the queue, {mine} waiting for you</source>
            <translation>{count} i køen, {mine} venter på deg</translation>
        </message>
    </context>
    <context>
        <name>ErasurePlanDialog</name>
        <message>
            <source>Erased</source>
            <translation>Slettes</translation>
        </message>
        <message>
            <source>Restricted</source>
            <translation>Begrenses</translation>
        </message>
        <message>
            <source>Kept</source>
            <translation>Beholdes</translation>
        </message>
        <message>
            <source>Erasure plan</source>
            <translation>Slettingsplan</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>Totalt</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Advarsel</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultat</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Plan by purpose</source>
            <translation>Plan per formål</translation>
        </message>
        <message>
            <source>Purpose / data</source>
            <translation>Formål / opplysninger</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Avgjørelse</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Antall</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Hvorfor</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Til</translation>
        </message>
        <message>
            <source>Submit for approval</source>
            <translation>Send til godkjenning</translation>
        </message>
        <message>
            <source>Store this plan and send it to a supervisor for approval</source>
            <translation>Lagre planen og send den til en leder for godkjenning</translation>
        </message>
        <message>
            <source>Approve…</source>
            <translation>Godkjenn…</translation>
        </message>
        <message>
            <source>Approve exactly the plan shown; asks for your password</source>
            <translation>Godkjenn nøyaktig planen som vises; ber om passordet ditt</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Avvis…</translation>
        </message>
        <message>
            <source>Send the plan back with a written reason; asks for your password</source>
            <translation>Send planen tilbake med skriftlig begrunnelse; ber om passordet ditt</translation>
        </message>
        <message>
            <source>Withdraw the approval</source>
            <translation>Trekk tilbake godkjenningen</translation>
        </message>
        <message>
            <source>Carry out the erasure</source>
            <translation>Utfør sletting</translation>
        </message>
        <message>
            <source>Erase and restrict as approved; this cannot be undone</source>
            <translation>Slett og begrens som godkjent; dette kan ikke angres</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Erasure plan {reference}</source>
            <translation>Slettingsplan {reference}</translation>
        </message>
        <message>
            <source>{title} · customer {number}</source>
            <translation>{title} · kunde {number}</translation>
        </message>
        <message>
            <source>State: {state}</source>
            <translation>Status: {state}</translation>
        </message>
        <message>
            <source>Plan made {date} by {who}</source>
            <translation>Planen ble laget {date} av {who}</translation>
        </message>
        <message>
            <source>Preview: not submitted yet</source>
            <translation>Forhåndsvisning: ikke sendt til godkjenning ennå</translation>
        </message>
        <message>
            <source>Approval by {who} withdrawn</source>
            <translation>Godkjenningen fra {who} er trukket tilbake</translation>
        </message>
        <message>
            <source>Rejected by {who} on {date}: {reason}</source>
            <translation>Avvist av {who} {date}: {reason}</translation>
        </message>
        <message>
            <source>Approved by {who} on {date}</source>
            <translation>Godkjent av {who} {date}</translation>
        </message>
        <message>
            <source>Erased: {erase}. Restricted: {restrict}. Kept: {keep}.</source>
            <translation>Slettes: {erase}. Begrenses: {restrict}. Beholdes: {keep}.</translation>
        </message>
        <message>
            <source>Restricted data is erased when its hold ends, at the latest {date}.</source>
            <translation>Begrensede opplysninger slettes når lagringsplikten opphører, senest {date}.</translation>
        </message>
        <message>
            <source>Purpose: {purpose}.</source>
            <translation>Formål: {purpose}.</translation>
        </message>
        <message>
            <source>The data changed since the plan was made; make the plan again before it can be approved.</source>
            <translation>Opplysningene er endret siden planen ble laget; lag planen på nytt før den kan godkjennes.</translation>
        </message>
        <message>
            <source>Nothing can be erased now: a legal hold covers every record. Refuse the request with that reason (GDPR Art. 17(3)).</source>
            <translation>Ingenting kan slettes nå: lagringsplikt gjelder alle opplysningene. Avslå henvendelsen med denne begrunnelsen (personvernforordningen art. 17 nr. 3).</translation>
        </message>
        <message>
            <source>Make the plan again</source>
            <translation>Lag planen på nytt</translation>
        </message>
        <message>
            <source>Erased: {erased} records are gone, and the scan of the database files found none of the erased values. Restricted until their hold ends: {restricted} (at the latest {until}). Notices to recipients: {notices}.</source>
            <translation>Slettet: {erased} opplysninger er borte, og gjennomsøkingen av databasefilene fant ingen av de slettede verdiene. Begrenset til lagringsplikten opphører: {restricted} (senest {until}). Varsler til mottakere: {notices}.</translation>
        </message>
        <message>
            <source>Purge pending: {erased} records are deleted, but another program still holds the database file, so the erased values cannot yet be proven gone. The desk finishes the purge later; this erasure is not complete until then. Restricted: {restricted} (until {until}). Notices to recipients: {notices}.</source>
            <translation>Endelig fjerning venter: {erased} opplysninger er slettet, men et annet program holder fortsatt databasefilen, så det kan ennå ikke bevises at verdiene er borte. Programmet fullfører senere; slettingen er ikke fullført før da. Begrenset: {restricted} (til {until}). Varsler til mottakere: {notices}.</translation>
        </message>
        <message>
            <source>Restricted: nothing could be erased; {restricted} records are restricted until their hold ends (at the latest {until}) and erased then. Erased: {erased}. Notices to recipients: {notices}.</source>
            <translation>Begrenset: ingenting kunne slettes; {restricted} opplysninger er begrenset til lagringsplikten opphører (senest {until}) og slettes da. Slettet: {erased}. Varsler til mottakere: {notices}.</translation>
        </message>
        <message>
            <source>The plan is stored and waits for a supervisor&apos;s approval.</source>
            <translation>Planen er lagret og venter på godkjenning fra en leder.</translation>
        </message>
        <message>
            <source>Approve the erasure</source>
            <translation>Godkjenn slettingen</translation>
        </message>
        <message>
            <source>You approve the plan shown ({erase} erased, {restrict} restricted). Enter your password:</source>
            <translation>Du godkjenner planen som vises ({erase} slettes, {restrict} begrenses). Skriv inn passordet ditt:</translation>
        </message>
        <message>
            <source>Approved. The erasure can now be carried out.</source>
            <translation>Godkjent. Slettingen kan nå utføres.</translation>
        </message>
        <message>
            <source>Reject the erasure plan</source>
            <translation>Avvis slettingsplanen</translation>
        </message>
        <message>
            <source>Why is the plan rejected? The agent reads this:</source>
            <translation>Hvorfor avvises planen? Saksbehandleren leser dette:</translation>
        </message>
        <message>
            <source>Write why the plan is rejected; nothing was changed.</source>
            <translation>Skriv hvorfor planen avvises; ingenting ble endret.</translation>
        </message>
        <message>
            <source>Enter your password to reject the plan:</source>
            <translation>Skriv inn passordet ditt for å avvise planen:</translation>
        </message>
        <message>
            <source>Rejected. The request goes back to its agent with your reason.</source>
            <translation>Avvist. Henvendelsen går tilbake til saksbehandleren med begrunnelsen din.</translation>
        </message>
        <message>
            <source>Withdraw the approval? The plan waits for approval again.</source>
            <translation>Trekke tilbake godkjenningen? Planen venter da på godkjenning igjen.</translation>
        </message>
        <message>
            <source>The approval is withdrawn.</source>
            <translation>Godkjenningen er trukket tilbake.</translation>
        </message>
        <message>
            <source>Erase and restrict the data as approved? This cannot be undone.</source>
            <translation>Slette og begrense opplysningene som godkjent? Dette kan ikke angres.</translation>
        </message>
    </context>
</TS>
