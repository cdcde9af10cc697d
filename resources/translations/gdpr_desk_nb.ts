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
            <source>Ctrl+F: search (selects the search text)
Down arrow: from the search box to the results
Enter: open the selected customer
Esc: clear the search and the summary
F1: this list
Ctrl+Q: quit</source>
            <translation>Ctrl+F: søk (merker søketeksten)
Pil ned: fra søkefeltet til resultatene
Enter: åpne valgt kunde
Esc: tøm søket og sammendraget
F1: denne listen
Ctrl+Q: avslutt</translation>
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
        <name>Startup</name>
        <message>
            <source>{app} cannot start</source>
            <translation>{app} kan ikke starte</translation>
        </message>
    </context>
    <context>
        <name>SummaryPane</name>
        <message>
            <source>Customer summary</source>
            <translation>Kundesammendrag</translation>
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
            <source>City</source>
            <translation>Sted</translation>
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
            <source>City:</source>
            <translation>Sted:</translation>
        </message>
        <message>
            <source>Processing is restricted for this customer.</source>
            <translation>Behandlingen er begrenset for denne kunden.</translation>
        </message>
        <message>
            <source>Identity not verified</source>
            <translation>Identiteten er ikke bekreftet</translation>
        </message>
        <message>
            <source>Identity status</source>
            <translation>Identitetsstatus</translation>
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
</TS>
