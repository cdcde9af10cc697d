<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Om {app}</translation>
    </message>
    <message>
        <source>Program and version</source>
        <translation>Program og versjon</translation>
    </message>
    <message>
        <source>The customer-service desk for data-protection requests. Every look at a customer&apos;s data is written to the access log.</source>
        <translation>Kundeservicepulten for personvernhenvendelser. Hver gang noen ser på en kundes opplysninger, skrives det i tilgangsloggen.</translation>
    </message>
    <message>
        <source>The licence file is missing.</source>
        <translation>Lisensfilen mangler.</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Skriftlisens</translation>
    </message>
    <message>
        <source>&amp;Copy for support</source>
        <translation>&amp;Kopier for brukerstøtte</translation>
    </message>
    <message>
        <source>Put these lines on the clipboard, to paste into a message to support</source>
        <translation>Legg disse linjene på utklippstavlen, så du kan lime dem inn i en melding til brukerstøtte</translation>
    </message>
    <message>
        <source>Font &amp;licence</source>
        <translation>Skrift&amp;lisens</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>SQLite on this computer</source>
        <translation>SQLite på denne datamaskinen</translation>
    </message>
    <message>
        <source>PostgreSQL team server</source>
        <translation>PostgreSQL-teamserver</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versjon:</translation>
    </message>
    <message>
        <source>Privacy policy:</source>
        <translation>Personvernerklæring:</translation>
    </message>
    <message>
        <source>{title}, {company} ({file})</source>
        <translation>{title}, {company} ({file})</translation>
    </message>
    <message>
        <source>Policy version:</source>
        <translation>Versjon av erklæringen:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Database schema:</source>
        <translation>Databaseskjema:</translation>
    </message>
    <message>
        <source>Qt / PySide6:</source>
        <translation>Qt / PySide6:</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>Skrift:</translation>
    </message>
    <message>
        <source>DejaVu Sans, under the Bitstream Vera font licence; the DejaVu changes are in the public domain</source>
        <translation>DejaVu Sans, under skriftlisensen Bitstream Vera; endringene fra DejaVu er allemannseie (public domain)</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
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
        <source>Open the selected erasure&apos;s plan</source>
        <translation>Åpne planen for den valgte slettingen</translation>
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
    <name>ChainProblem</name>
    <message>
        <source>entry {0} is missing</source>
        <extracomment>The chain check&apos;s findings, stored in English, as patterns and their interface text ({0}, {1}: the numbers the pattern found).</extracomment>
        <translation>oppføring {0} mangler</translation>
    </message>
    <message>
        <source>entries out of order</source>
        <translation>oppføringene står i feil rekkefølge</translation>
    </message>
    <message>
        <source>does not follow the entry before it</source>
        <translation>følger ikke oppføringen før</translation>
    </message>
    <message>
        <source>contents changed or entry forged</source>
        <translation>innholdet er endret, eller oppføringen er forfalsket</translation>
    </message>
    <message>
        <source>the head record is missing</source>
        <translation>hodeposten mangler</translation>
    </message>
    <message>
        <source>the log ends at entry {0} but the head says {1}: entries were removed</source>
        <translation>loggen slutter ved oppføring {0}, men hodeposten sier {1}: oppføringer er fjernet</translation>
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
    <name>DateHint</name>
    <message>
        <source>dd</source>
        <translation>dd</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>yyyy</source>
        <translation>åååå</translation>
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
    <name>DeskOpener</name>
    <message>
        <source>The database could not be opened because of an unexpected error ({error}).</source>
        <extracomment>The default embedded database does not exist yet: create schema and keys. Files to remove if that first creation fails, so the next start begins clean. The keyring entry holding the server password; read on the opener&apos;s thread, never put in `url`. The services of the login and first-administrator dialogs. Someone can sign in already; False: the first administrator is created first. Kept here as well as answered, so a start cancelled before the answer arrives still closes it.</extracomment>
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
    <name>ErasurePlanDialog</name>
    <message>
        <source>Erased</source>
        <extracomment>Colour is never the only cue (the column says it in words); the tone fits the light or dark palette.</extracomment>
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
        <extracomment>The request changed from this dialog (request id): queues and request screens reload.</extracomment>
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
        <source>Keep the fraud records…</source>
        <translation>Behold opplysningene om bedrageri …</translation>
    </message>
    <message>
        <source>Compelling grounds override the person&apos;s interests; asks for the reasons and your password</source>
        <translation>Tvingende grunner veier tyngre enn personens interesser; ber om begrunnelse og passordet ditt</translation>
    </message>
    <message>
        <source>Erase the fraud records…</source>
        <translation>Slett opplysningene om bedrageri …</translation>
    </message>
    <message>
        <source>Nothing overrides the person&apos;s request; asks for the reasons and your password</source>
        <translation>Ingenting veier tyngre enn personens henvendelse; ber om begrunnelse og passordet ditt</translation>
    </message>
    <message>
        <source>Read the erasure plan again</source>
        <translation>Les slettingsplanen på nytt</translation>
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
        <source>Keep the fraud records</source>
        <translation>Behold opplysningene om bedrageri</translation>
    </message>
    <message>
        <source>Erase the fraud records</source>
        <translation>Slett opplysningene om bedrageri</translation>
    </message>
    <message>
        <source>Why does the shop&apos;s interest override the person&apos;s, or why not? Your reasons are recorded with the decision:</source>
        <translation>Hvorfor veier butikkens interesse tyngre enn personens, eller hvorfor ikke? Begrunnelsen lagres sammen med avgjørelsen:</translation>
    </message>
    <message>
        <source>Enter your password to record the decision:</source>
        <translation>Skriv inn passordet ditt for å registrere avgjørelsen:</translation>
    </message>
    <message>
        <source>The decision is recorded; the plan can now be submitted.</source>
        <translation>Avgjørelsen er registrert; planen kan nå sendes.</translation>
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
<context>
    <name>FileRequestDialog</name>
    <message>
        <source>New request</source>
        <extracomment>Types a marketing channel belongs to (the service refuses it for the others). (request id, customer id) of the request just filed. The agent chose to open the existing request instead of filing a duplicate (request id).</extracomment>
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
        <source>The day the request reached the shop: the postmark, the e-mail&apos;s date</source>
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
        <source>&amp;Open the existing request</source>
        <translation>&amp;Åpne den eksisterende forespørselen</translation>
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
    <name>IdleLock</name>
    <message>
        <source>Signed out</source>
        <extracomment>For a dialog in its own event loop: its title, and the contents hidden instead of it. Checks the password at the lock. Overrides the setting (tests use a few milliseconds).</extracomment>
        <translation>Logget ut</translation>
    </message>
    <message>
        <source>{reason} You are signed out.</source>
        <translation>{reason} Du er logget ut.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked – {app}</source>
        <extracomment>The idle time is looked at least this often, so a machine waking from sleep locks promptly.</extracomment>
        <translation>Låst – {app}</translation>
    </message>
    <message>
        <source>Locked – {user} – sign in again to continue</source>
        <translation>Låst – {user} – logg inn igjen for å fortsette</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>Unlock error</source>
        <translation>Feil ved opplåsing</translation>
    </message>
    <message>
        <source>Checking the password</source>
        <translation>Sjekker passordet</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logg ut</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Skriv inn passordet ditt.</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>opened profile</source>
        <extracomment>Semicolons: Norwegian spreadsheet programs use the comma for decimals and split on &quot;;&quot;. The widest time the log can show, to size its column in any locale. What each logged action means; marked for the translator, translated when shown.</extracomment>
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
        <source>signed a log checkpoint</source>
        <translation>signerte et kontrollpunkt for loggen</translation>
    </message>
    <message>
        <source>made a checkpoint key</source>
        <translation>laget en kontrollpunktnøkkel</translation>
    </message>
    <message>
        <source>accepted the access log as it is</source>
        <translation>godtok tilgangsloggen slik den er</translation>
    </message>
    <message>
        <source>saved a file</source>
        <translation>lagret en fil</translation>
    </message>
    <message>
        <source>listed saved files</source>
        <translation>listet lagrede filer</translation>
    </message>
    <message>
        <source>removed saved files</source>
        <translation>fjernet lagrede filer</translation>
    </message>
    <message>
        <source>cleaned the SMS outbox</source>
        <translation>ryddet SMS-utboksen</translation>
    </message>
    <message>
        <source>created account</source>
        <translation>opprettet konto</translation>
    </message>
    <message>
        <source>added account and database login</source>
        <translation>la til konto og databasepålogging</translation>
    </message>
    <message>
        <source>changed account</source>
        <translation>endret konto</translation>
    </message>
    <message>
        <source>looked at a work queue</source>
        <translation>så på en arbeidskø</translation>
    </message>
    <message>
        <source>legal hold ended</source>
        <translation>rettslig tilbakeholdelse avsluttet</translation>
    </message>
    <message>
        <source>synced from a shop system</source>
        <translation>synkronisert fra et butikksystem</translation>
    </message>
    <message>
        <source>re-read from a shop system</source>
        <translation>lest på nytt fra et butikksystem</translation>
    </message>
    <message>
        <source>decided an identity question</source>
        <translation>avgjorde et identitetsspørsmål</translation>
    </message>
    <message>
        <source>retention run started</source>
        <translation>slettekjøring startet</translation>
    </message>
    <message>
        <source>retention run: batch done</source>
        <translation>slettekjøring: del fullført</translation>
    </message>
    <message>
        <source>retention run finished</source>
        <translation>slettekjøring fullført</translation>
    </message>
    <message>
        <source>collected register copy</source>
        <translation>hentet data til registerutskrift</translation>
    </message>
    <message>
        <source>redacted register copy</source>
        <translation>sladdet i registerutskrift</translation>
    </message>
    <message>
        <source>saved register copy</source>
        <translation>lagret registerutskrift</translation>
    </message>
    <message>
        <source>printed register copy</source>
        <translation>skrev ut registerutskrift</translation>
    </message>
    <message>
        <source>register copy without a request</source>
        <translation>registerutskrift uten henvendelse</translation>
    </message>
    <message>
        <source>register copy third-party review</source>
        <translation>gjennomgang av tredjepersoner i registerutskrift</translation>
    </message>
    <message>
        <source>register copy e-mail failed</source>
        <translation>e-post med registerutskrift feilet</translation>
    </message>
    <message>
        <source>made erasure plan</source>
        <translation>laget sletteplan</translation>
    </message>
    <message>
        <source>opened erasure plan</source>
        <translation>åpnet sletteplan</translation>
    </message>
    <message>
        <source>erasure plan refused</source>
        <translation>sletteplan avvist</translation>
    </message>
    <message>
        <source>previewed erasure</source>
        <translation>forhåndsviste sletting</translation>
    </message>
    <message>
        <source>approved erasure</source>
        <translation>godkjente sletting</translation>
    </message>
    <message>
        <source>rejected erasure</source>
        <translation>avslo sletting</translation>
    </message>
    <message>
        <source>erasure withdrawn</source>
        <translation>sletting trukket tilbake</translation>
    </message>
    <message>
        <source>carried out erasure</source>
        <translation>utførte sletting</translation>
    </message>
    <message>
        <source>purged and checked erasure residue</source>
        <translation>fjernet og kontrollerte rester etter sletting</translation>
    </message>
    <message>
        <source>weighed fraud records</source>
        <translation>veide opplysninger om bedrageri</translation>
    </message>
    <message>
        <source>changed an organisation rule</source>
        <translation>endret en regel for virksomheten</translation>
    </message>
    <message>
        <source>filed request</source>
        <translation>registrerte forespørsel</translation>
    </message>
    <message>
        <source>wrote letter</source>
        <translation>skrev brev</translation>
    </message>
    <message>
        <source>letter sent</source>
        <translation>brev sendt</translation>
    </message>
    <message>
        <source>assigned request</source>
        <translation>tildelte forespørsel</translation>
    </message>
    <message>
        <source>extended deadline</source>
        <translation>forlenget frist</translation>
    </message>
    <message>
        <source>refused request</source>
        <translation>avviste forespørsel</translation>
    </message>
    <message>
        <source>request withdrawn</source>
        <translation>forespørsel trukket tilbake</translation>
    </message>
    <message>
        <source>completed request</source>
        <translation>fullførte forespørsel</translation>
    </message>
    <message>
        <source>verified requester</source>
        <translation>bekreftet identiteten til den som ba</translation>
    </message>
    <message>
        <source>started work on request</source>
        <translation>startet arbeid med forespørsel</translation>
    </message>
    <message>
        <source>sent for approval</source>
        <translation>sendte til godkjenning</translation>
    </message>
    <message>
        <source>approved request</source>
        <translation>godkjente forespørsel</translation>
    </message>
    <message>
        <source>rejected request</source>
        <translation>avslo forespørsel</translation>
    </message>
    <message>
        <source>rectified data</source>
        <translation>rettet opplysninger</translation>
    </message>
    <message>
        <source>restricted processing</source>
        <translation>begrenset behandling</translation>
    </message>
    <message>
        <source>notice of lifting restriction sent</source>
        <translation>varsel om oppheving av begrensning sendt</translation>
    </message>
    <message>
        <source>lifted restriction</source>
        <translation>opphevet begrensning</translation>
    </message>
    <message>
        <source>marketing objection recorded</source>
        <translation>reservasjon mot markedsføring registrert</translation>
    </message>
    <message>
        <source>decided objection</source>
        <translation>avgjorde innsigelse</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>samtykke trukket tilbake</translation>
    </message>
    <message>
        <source>exported data (portability)</source>
        <translation>eksporterte data (dataportabilitet)</translation>
    </message>
    <message>
        <source>notified a recipient</source>
        <translation>varslet en mottaker</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>(rows shown, total matching) after each page. A count or page failed; the text is the service&apos;s.</extracomment>
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
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søk</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Nullstill filtre</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Bruker:</translation>
    </message>
    <message>
        <source>Customer &amp;id:</source>
        <translation>&amp;Kunde-ID:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Handling:</translation>
    </message>
    <message>
        <source>E&amp;xport CSV</source>
        <translation>&amp;Eksporter CSV</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Verifiser kjeden</translation>
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
    <name>LogWatchBanner</name>
    <message>
        <source>Access log warning</source>
        <translation>Advarsel om tilgangsloggen</translation>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
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
        <extracomment>The window has closed (and saved its layout): the session is over.</extracomment>
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
        <source>Search (selects the search text)</source>
        <translation>Søk (markerer søketeksten)</translation>
    </message>
    <message>
        <source>End the call (the contact ends) and clear the search</source>
        <translation>Avslutt samtalen (kontakten avsluttes) og tøm søket</translation>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger…</translation>
    </message>
    <message>
        <source>Database, e-mail, language and idle lock of this workstation</source>
        <translation>Database, e-post, språk og automatisk låsing for denne arbeidsstasjonen</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nå</translation>
    </message>
    <message>
        <source>Hide every window until you enter your password again</source>
        <translation>Skjul alle vinduer til du skriver inn passordet igjen</translation>
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
        <source>Policy file incomplete</source>
        <translation>Policyfilen er ufullstendig</translation>
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
    <name>ProfileView</name>
    <message>
        <source>Customer profile</source>
        <extracomment>The countdown of a revealed identity number ticks this often (tests shorten it). The key of every call about the customer on screen (`Operations`): a new customer supersedes them. The profile of this customer id is on screen. Opening failed; the text is for the agent. The contact ended and the pane is empty again. The verification state of the contact changed (VerificationState). A group&apos;s records are on screen (purpose key).</extracomment>
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
        <source>&amp;Verify identity</source>
        <translation>&amp;Bekreft identitet</translation>
    </message>
    <message>
        <source>Verify identity</source>
        <translation>Bekreft identitet</translation>
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
        <source>Record reas&amp;on</source>
        <translation>Registrer &amp;grunn</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>K&amp;anal:</translation>
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
        <extracomment>The agent expanded (True) or collapsed (False) the group; the key names the purpose.</extracomment>
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
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Merk alt</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Steg &amp;opp</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Steg &amp;ned</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <extracomment>The key the settings dialog writes (declared in desktop.settings): &quot;system&quot; or one of LANGUAGES. The locale each language&apos;s dates and numbers follow. British English: day before month and a 24-hour clock, as the shop&apos;s Nordic readers expect, never the US 11/25/2026. Qt&apos;s own catalogue to install per language. PySide6 ships no Bokmål one (qtbase_nn is Nynorsk): Bokmål gets Nynorsk for Qt&apos;s rarer texts (file dialog, calendar) under our own Bokmål for the ones agents meet every day (QT_OWN_STRINGS), which every Bokmål reader takes over English. Texts of Qt&apos;s own widgets that agents see every day (the context menus of text and date fields), translated in our catalogue because Qt has no Bokmål of its own. Listed here so lupdate keeps them.</extracomment>
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
    <name>QWidgetTextControl</name>
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
        <source>Copy &amp;Link Location</source>
        <translation>Kopier &amp;lenkeadresse</translation>
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
    <name>RecordTableModel</name>
    <message>
        <source>Restricted</source>
        <extracomment>Widest a record column starts, so one long browser string does not push the rest off screen. A further page failed; the text is for the agent. A further page is being fetched (True) or has arrived or failed (False).</extracomment>
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
    <name>RegisterCopyDialog</name>
    <message>
        <source>Register copy</source>
        <extracomment>The request was answered (posted or e-mailed); carries the service&apos;s RequestView. A new PDF is in the preview (after loading, a language change or a redaction).</extracomment>
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
        <source>&amp;Redact</source>
        <translation>Sla&amp;dd</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Lagre…</translation>
    </message>
    <message>
        <source>Mark as p&amp;osted</source>
        <translation>Merk som &amp;postet</translation>
    </message>
    <message>
        <source>Send encrypted &amp;e-mail…</source>
        <translation>Send kryptert &amp;e-post…</translation>
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
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
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
        <source>Why is this withheld? Say whose data it is (for example “the partner&apos;s name”).</source>
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
        <source>Posted on ({format}):</source>
        <translation>Postet ({format}):</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as {format}.</source>
        <translation>«{text}» er ikke en dato; skriv den som {format}.</translation>
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
        <extracomment>Printing renders each page as an image; more than this many dots per inch only costs memory. Marked spans keep dark text on their yellow, whatever the palette&apos;s text colour is.</extracomment>
        <translation>Lagre registerutskrift</translation>
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
        <extracomment>More open requests than this at once means the filter is too wide to read anyway.</extracomment>
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
        <extracomment>Rows shown and the counts for the same filter, after each load. A load failed; the text is the service&apos;s.</extracomment>
        <translation>(duplikat)</translation>
    </message>
</context>
<context>
    <name>RequestQueueWidget</name>
    <message>
        <source>Request queue</source>
        <extracomment>(request id, customer id; 0 when the customer has been erased) A load finished (rows shown).</extracomment>
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
        <source>Only requests assigned to you</source>
        <translation>Bare forespørsler som er tildelt deg</translation>
    </message>
    <message>
        <source>Read the queue again (F5)</source>
        <translation>Les køen på nytt (F5)</translation>
    </message>
    <message>
        <source>Only &amp;mine</source>
        <translation>Bare &amp;mine</translation>
    </message>
    <message>
        <source>Only &amp;overdue</source>
        <translation>Bare &amp;forfalte</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>Saks&amp;behandler:</translation>
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
        <source>Read the request queue again</source>
        <translation>Les forespørselskøen på nytt</translation>
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
        <extracomment>Steps of an erasure that belong to its erasure plan (issue 5), not to this screen. Types whose fulfilment panel completes the request itself: a bare &quot;Complete&quot; could only be refused.</extracomment>
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
        <extracomment>The key of the calls about the request on screen (`Operations`). A request was changed from this screen (request id): the queue should refresh. A request is on screen (request id). The agent asked to open the request&apos;s customer (customer id). The desk&apos;s services; the panels open the erasure plan and the register copy with theirs. Mail with an attachment (the register copy), as the settings say when it is sent.</extracomment>
        <translation>Forespørsel</translation>
    </message>
    <message>
        <source>No request is open.

Double-click a request in the queue.</source>
        <translation>Ingen forespørsel er åpen.

Dobbeltklikk på en forespørsel i køen.</translation>
    </message>
    <message>
        <source>Read the open request again</source>
        <translation>Les den åpne forespørselen på nytt</translation>
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
        <source>Request details</source>
        <translation>Detaljer om forespørselen</translation>
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
        <extracomment>A request was filed from the menu (request id, customer id).</extracomment>
        <translation>F&amp;orespørsler</translation>
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
        <source>Close the erasure approval window</source>
        <translation>Lukk vinduet for godkjenning av sletting</translation>
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
    <message>
        <source>Close the requests window</source>
        <translation>Lukk forespørselsvinduet</translation>
    </message>
</context>
<context>
    <name>RestrictionPanel</name>
    <message>
        <source>Purposes to restrict</source>
        <extracomment>A lift notice gives the person this many days&apos; warning unless the agent picks another date.</extracomment>
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
    <name>RollForwardAction</name>
    <message>
        <source>Move deadlines off &amp;weekends and holidays</source>
        <translation>Flytt frister bort fra &amp;helger og helligdager</translation>
    </message>
    <message>
        <source>A rule of the organisation, the same on every workstation; only an administrator may change it</source>
        <translation>En regel for hele virksomheten, lik på alle arbeidsstasjoner; bare en administrator kan endre den</translation>
    </message>
    <message>
        <source>Due dates on a Saturday, Sunday or public holiday will move to the next working day for every request filed from now on, on every workstation. Turn this on?</source>
        <translation>Frister som faller på en lørdag, søndag eller helligdag, flyttes til neste virkedag for alle henvendelser som registreres fra nå av, på alle arbeidsstasjoner. Slå dette på?</translation>
    </message>
    <message>
        <source>Due dates will stay on the day one month after receipt, even on a weekend or holiday, for every request filed from now on. Turn this off?</source>
        <translation>Fristene blir liggende på dagen én måned etter mottak, også på en helg eller helligdag, for alle henvendelser som registreres fra nå av. Slå dette av?</translation>
    </message>
    <message>
        <source>Deadline rule</source>
        <translation>Fristregel</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <source>The search failed unexpectedly. Try again; if it keeps failing, tell IT.</source>
        <extracomment>The key of the calls for the text in the search box (`Operations`): new text supersedes them. A search (first page or next) has been sent. Rows now shown and whether more pages exist. The service&apos;s notes for the current query (in the interface language); empty clears them. The current query failed; the text is for the person.</extracomment>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings - {app}</source>
        <extracomment>True/False, or None when there is no keyring to ask.</extracomment>
        <translation>Innstillinger - {app}</translation>
    </message>
    <message>
        <source>Keyring notice</source>
        <translation>Merknad om nøkkelring</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Deler av innstillingene</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Generelt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Lagre innstillingene</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Avbryt uten å lagre</translation>
    </message>
    <message>
        <source>{field}: problem</source>
        <translation>{field}: problem</translation>
    </message>
    <message>
        <source>{field}: stored state</source>
        <translation>{field}: lagret tilstand</translation>
    </message>
    <message>
        <source>Remove the stored password when saving</source>
        <translation>Fjern det lagrede passordet ved lagring</translation>
    </message>
    <message>
        <source>Where this workstation keeps the desk&apos;s data. A change here takes effect the next time {app} starts.</source>
        <translation>Hvor denne arbeidsstasjonen har dataene til {app}. En endring her virker fra neste gang {app} starter.</translation>
    </message>
    <message>
        <source>E&amp;mbedded database on this computer (SQLite)</source>
        <translation>Innebygd database på denne &amp;maskinen (SQLite)</translation>
    </message>
    <message>
        <source>Embedded database on this computer</source>
        <translation>Innebygd database på denne maskinen</translation>
    </message>
    <message>
        <source>&amp;Team server (PostgreSQL)</source>
        <translation>&amp;Teamserver (PostgreSQL)</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <source>Embedded database</source>
        <translation>Innebygd database</translation>
    </message>
    <message>
        <source>Default: {path}</source>
        <translation>Standard: {path}</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bla gjennom…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Velg databasefilen</translation>
    </message>
    <message>
        <source>Database &amp;file:</source>
        <translation>Database&amp;fil:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasefil</translation>
    </message>
    <message>
        <source>Leave empty for the default file in the data folder. A file that does not exist yet is created at the next start.</source>
        <translation>La feltet stå tomt for standardfilen i datamappen. En fil som ikke finnes ennå, blir opprettet ved neste oppstart.</translation>
    </message>
    <message>
        <source>e.g. db.example.internal</source>
        <translation>f.eks. db.example.internal</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Vert:</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Serverens vertsnavn</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Serverport</translation>
    </message>
    <message>
        <source>Database &amp;name:</source>
        <translation>Database&amp;navn:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Databasenavn</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Br&amp;uker:</translation>
    </message>
    <message>
        <source>Database user</source>
        <translation>Databasebruker</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passord:</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Databasepassord</translation>
    </message>
    <message>
        <source>Remove the stored database password</source>
        <translation>Fjern det lagrede databasepassordet</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Test til&amp;koblingen</translation>
    </message>
    <message>
        <source>Test the database connection</source>
        <translation>Test tilkoblingen til databasen</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Tester tilkoblingen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultat av tilkoblingstesten</translation>
    </message>
    <message>
        <source>The mail server that sends one-time codes to customers. Leave the server empty if this workstation does not send e-mail.</source>
        <translation>E-postserveren som sender engangskoder til kundene. La serveren stå tom hvis denne arbeidsstasjonen ikke sender e-post.</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>f.eks. smtp.example.com</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (vanligvis port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS fra starten (vanligvis port 465)</translation>
    </message>
    <message>
        <source>None: unencrypted (only inside a trusted network)</source>
        <translation>Ingen: ukryptert (bare i et betrodd nettverk)</translation>
    </message>
    <message>
        <source>e.g. privacy@example.com</source>
        <translation>f.eks. personvern@example.com</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>E-postserver</translation>
    </message>
    <message>
        <source>En&amp;cryption:</source>
        <translation>&amp;Kryptering:</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Kryptering</translation>
    </message>
    <message>
        <source>Mail server port</source>
        <translation>Port på e-postserveren</translation>
    </message>
    <message>
        <source>Mail user</source>
        <translation>E-postbruker</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>E-postpassord</translation>
    </message>
    <message>
        <source>Remove the stored mail password</source>
        <translation>Fjern det lagrede e-postpassordet</translation>
    </message>
    <message>
        <source>Se&amp;nder address:</source>
        <translation>Avse&amp;nderadresse:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Avsenderadresse</translation>
    </message>
    <message>
        <source>Send a &amp;test mail…</source>
        <translation>Send en &amp;testmelding…</translation>
    </message>
    <message>
        <source>Send a test mail with these settings</source>
        <translation>Send en testmelding med disse innstillingene</translation>
    </message>
    <message>
        <source>Sending the test mail</source>
        <translation>Sender testmeldingen</translation>
    </message>
    <message>
        <source>Test mail result</source>
        <translation>Resultat av testmeldingen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>Norsk bokmål</source>
        <translation>Norsk bokmål</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Svenska</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Språk i programmet:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Språk i programmet</translation>
    </message>
    <message>
        <source>Takes effect the next time {app} starts.</source>
        <translation>Virker fra neste gang {app} starter.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Økt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Lås etter inaktivitet:</translation>
    </message>
    <message>
        <source>Lock the desk after this many idle minutes</source>
        <translation>Lås programmet etter så mange minutter uten bruk</translation>
    </message>
    <message>
        <source>The desk locks itself when nobody has used it for this long ({low} to {high} minutes).</source>
        <translation>Programmet låser seg selv når ingen har brukt det så lenge ({low} til {high} minutter).</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite-databaser (*.sqlite3 *.sqlite *.db);;Alle filer (*)</translation>
    </message>
    <message>
        <source>No keyring: a password cannot be stored on this computer.</source>
        <translation>Ingen nøkkelring: et passord kan ikke lagres på denne maskinen.</translation>
    </message>
    <message>
        <source>A password is stored in the keyring. Leave the field empty to keep it.</source>
        <translation>Et passord er lagret i nøkkelringen. La feltet stå tomt for å beholde det.</translation>
    </message>
    <message>
        <source>Stored in the keyring</source>
        <translation>Lagret i nøkkelringen</translation>
    </message>
    <message>
        <source>No password is stored.</source>
        <translation>Ikke noe passord er lagret.</translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation>Ikke lagret</translation>
    </message>
    <message>
        <source>Enter the port number.</source>
        <translation>Skriv inn portnummeret.</translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535.</source>
        <translation>Porten må være et heltall fra 1 til 65535.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Skriv inn serverens vertsnavn eller adresse.</translation>
    </message>
    <message>
        <source>A host name has no spaces or slashes, e.g. db.example.internal.</source>
        <translation>Et vertsnavn har ikke mellomrom eller skråstreker, f.eks. db.example.internal.</translation>
    </message>
    <message>
        <source>Enter the full path of the file, or choose it with Browse….</source>
        <translation>Skriv inn hele stien til filen, eller velg den med Bla gjennom….</translation>
    </message>
    <message>
        <source>This is a folder. Enter the path of a database file in it.</source>
        <translation>Dette er en mappe. Skriv inn stien til en databasefil i den.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Skriv inn navnet på databasen på serveren.</translation>
    </message>
    <message>
        <source>Enter the database user name.</source>
        <translation>Skriv inn brukernavnet i databasen.</translation>
    </message>
    <message>
        <source>Enter one e-mail address, e.g. privacy@example.com.</source>
        <translation>Skriv inn én e-postadresse, f.eks. personvern@example.com.</translation>
    </message>
    <message>
        <source>A password needs a user name.</source>
        <translation>Et passord krever et brukernavn.</translation>
    </message>
    <message>
        <source>Enter the mail server, or clear the other e-mail fields.</source>
        <translation>Skriv inn e-postserveren, eller tøm de andre e-postfeltene.</translation>
    </message>
    <message>
        <source>Testing the connection to {target}…</source>
        <translation>Tester tilkoblingen til {target}…</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {version} at {target}. The GDPR Desk tables are up to date and the server writes safely to disk (fsync on).</source>
        <translation>Tilkoblet PostgreSQL {version} på {target}. GDPR Desk-tabellene er oppdatert, og serveren skriver trygt til disk (fsync på).</translation>
    </message>
    <message>
        <source>This is a GDPR Desk database and it is up to date (SQLite {version}): {target}</source>
        <translation>Dette er en GDPR Desk-database, og den er oppdatert (SQLite {version}): {target}</translation>
    </message>
    <message>
        <source>There is no database at {target} yet. A new, empty one will be created there the next time {app} starts.</source>
        <translation>Det finnes ingen database på {target} ennå. En ny, tom database blir opprettet der neste gang {app} starter.</translation>
    </message>
    <message>
        <source>{app} may not write to {target} or to its folder. Choose another place, or ask IT for write access.</source>
        <translation>{app} har ikke lov til å skrive til {target} eller mappen den ligger i. Velg et annet sted, eller be IT om skrivetilgang.</translation>
    </message>
    <message>
        <source>{target} is not a database, or it is damaged. Choose another file.</source>
        <translation>{target} er ikke en database, eller den er skadet. Velg en annen fil.</translation>
    </message>
    <message>
        <source>The server at {target} does not answer ({detail}). Check the host name and the port, and that the server is running and lets this computer in; then test again.</source>
        <translation>Serveren på {target} svarer ikke ({detail}). Sjekk vertsnavnet og porten, og at serveren kjører og slipper inn denne maskinen; test så på nytt.</translation>
    </message>
    <message>
        <source>The server refused the user name or password for {user}. Type the password again and test again.</source>
        <translation>Serveren avviste brukernavnet eller passordet for {user}. Skriv passordet på nytt og test igjen.</translation>
    </message>
    <message>
        <source>The server asks for a password for {user}, and none is stored. Type it in the Password field and test again.</source>
        <translation>Serveren ber om et passord for {user}, og ikke noe passord er lagret. Skriv det i passordfeltet og test igjen.</translation>
    </message>
    <message>
        <source>The server does not let {user} in ({detail}). Check the user name, or ask the database administrator to give this user access from this computer.</source>
        <translation>Serveren slipper ikke inn {user} ({detail}). Sjekk brukernavnet, eller be databaseadministratoren gi denne brukeren tilgang fra denne maskinen.</translation>
    </message>
    <message>
        <source>The server has no database called {name}. Check the name, or ask the database administrator to create it and run &apos;gdpr-desk db init-team&apos; on it.</source>
        <translation>Serveren har ingen database som heter {name}. Sjekk navnet, eller be databaseadministratoren opprette den og kjøre &apos;gdpr-desk db init-team&apos; på den.</translation>
    </message>
    <message>
        <source>Connected, but the database has no GDPR Desk tables yet. Ask the database administrator to run &apos;gdpr-desk db init-team&apos; on it.</source>
        <translation>Tilkoblet, men databasen har ingen GDPR Desk-tabeller ennå. Be databaseadministratoren kjøre &apos;gdpr-desk db init-team&apos; på den.</translation>
    </message>
    <message>
        <source>{target} is a database, but not a GDPR Desk one. Choose another file.</source>
        <translation>{target} er en database, men ikke en GDPR Desk-database. Velg en annen fil.</translation>
    </message>
    <message>
        <source>The database needs an upgrade (it has schema {found}, this version needs {needed}). Run &apos;gdpr-desk db upgrade&apos; (on a team server, as the database owner).</source>
        <translation>Databasen må oppgraderes (den har skjema {found}, denne versjonen trenger {needed}). Kjør &apos;gdpr-desk db upgrade&apos; (på en teamserver som eier av databasen).</translation>
    </message>
    <message>
        <source>The database was upgraded by a newer {app} (schema {found}). Install the newer version on this computer.</source>
        <translation>Databasen er oppgradert av en nyere {app} (skjema {found}). Installer den nyere versjonen på denne maskinen.</translation>
    </message>
    <message>
        <source>The server runs with {setting}: a crash could lose access-log entries, so {app} will not use it. Ask the database administrator to turn it on.</source>
        <translation>Serveren kjører med {setting}: et krasj kan miste oppføringer i tilgangsloggen, så {app} bruker den ikke. Be databaseadministratoren slå det på.</translation>
    </message>
    <message>
        <source>The connection test failed: {detail}</source>
        <translation>Tilkoblingstesten mislyktes: {detail}</translation>
    </message>
    <message>
        <source>Enter the mail server.</source>
        <translation>Skriv inn e-postserveren.</translation>
    </message>
    <message>
        <source>Send a test mail</source>
        <translation>Send en testmelding</translation>
    </message>
    <message>
        <source>Send the test mail to:</source>
        <translation>Send testmeldingen til:</translation>
    </message>
    <message>
        <source>{app}: test mail</source>
        <translation>{app}: testmelding</translation>
    </message>
    <message>
        <source>This is a test mail from {app}. The e-mail settings of this workstation work.</source>
        <translation>Dette er en testmelding fra {app}. E-postinnstillingene på denne arbeidsstasjonen virker.</translation>
    </message>
    <message>
        <source>Sending a test mail to {to}…</source>
        <translation>Sender en testmelding til {to}…</translation>
    </message>
    <message>
        <source>The test mail was sent to {to}. Check that it arrived.</source>
        <translation>Testmeldingen ble sendt til {to}. Sjekk at den kom fram.</translation>
    </message>
    <message>
        <source>The test mail could not be sent: {reason}</source>
        <translation>Testmeldingen kunne ikke sendes: {reason}</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Innstillingene er lagret</translation>
    </message>
    <message>
        <source>The settings are saved. The new database or language is used the next time {app} starts.</source>
        <translation>Innstillingene er lagret. Den nye databasen eller det nye språket tas i bruk neste gang {app} starter.</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>No keyring is available on this computer, so passwords cannot be stored safely. Windows and macOS have one built in; on Linux install and unlock a Secret Service keyring such as GNOME Keyring or KWallet (for example &apos;sudo apt-get install gnome-keyring&apos;) and sign in again. Or let the server trust this computer (trust or peer authentication) and leave the password empty.</source>
        <translation>Denne maskinen har ingen nøkkelring, så passord kan ikke lagres trygt. Windows og macOS har nøkkelring innebygd; på Linux installerer og låser du opp en Secret Service-nøkkelring som GNOME Keyring eller KWallet (for eksempel &apos;sudo apt-get install gnome-keyring&apos;) og logger inn på nytt. Eller la serveren stole på denne maskinen (trust- eller peer-autentisering) og la passordet stå tomt.</translation>
    </message>
    <message>
        <source>The settings could not be written to {file}. Check that the disk is not full and that the file is not read-only, then save again.</source>
        <translation>Innstillingene kunne ikke skrives til {file}. Sjekk at disken ikke er full og at filen ikke er skrivebeskyttet, og lagre på nytt.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Down arrow</source>
        <extracomment>Keys that are behaviour, not installed shortcuts: (key, what it does), translated when shown.</extracomment>
        <translation>Pil ned</translation>
    </message>
    <message>
        <source>From the search box to the results</source>
        <translation>Fra søkefeltet til resultatene</translation>
    </message>
    <message>
        <source>Up arrow</source>
        <translation>Pil opp</translation>
    </message>
    <message>
        <source>From the first result back to the search box</source>
        <translation>Fra første resultat tilbake til søkefeltet</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected customer or request; press the focused button</source>
        <translation>Åpne den valgte kunden eller forespørselen; trykk på knappen som har fokus</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mellomrom</translation>
    </message>
    <message>
        <source>Press the focused button; tick the focused box</source>
        <translation>Trykk på knappen som har fokus; kryss av i avkrysningsboksen som har fokus</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Neste eller forrige felt</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>Next tab, where a view has tabs</source>
        <translation>Neste fane, der en visning har faner</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+understreket bokstav</translation>
    </message>
    <message>
        <source>The menu, button or field with that letter</source>
        <translation>Menyen, knappen eller feltet med den bokstaven</translation>
    </message>
    <message>
        <source>Esc (in a dialog)</source>
        <translation>Esc (i en dialog)</translation>
    </message>
    <message>
        <source>Close the dialog without doing anything</source>
        <translation>Lukk dialogen uten å gjøre noe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>What each key does in this window. Menus open with Alt and the underlined letter.</source>
        <translation>Hva hver tast gjør i dette vinduet. Menyene åpnes med Alt og den understrekede bokstaven.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tast</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>{app} cannot start</source>
        <extracomment>Makes the settings store the services are composed from (one per thread that reads it). The database came from Settings (no --db): a failed open offers Settings and a retry. Opens the desk off the GUI thread, as every other background call.</extracomment>
        <translation>{app} kan ikke starte</translation>
    </message>
    <message>
        <source>{error}

Open Settings to correct the database connection and try again?</source>
        <translation>{error}

Vil du åpne Innstillinger for å rette databasetilkoblingen og prøve igjen?</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify identity – {name}</source>
        <extracomment>Any state read while the dialog is open (attempts left, a lockout), for the profile header.</extracomment>
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
        <source>Send a code to what is registered, never to an address the caller gives:</source>
        <translation>Send koden til det som er registrert, aldri til en adresse innringeren oppgir:</translation>
    </message>
    <message>
        <source>Only when the customer is at the counter. Look at the document and compare photo and name. Record its kind and last digits; no copy or image is stored.</source>
        <translation>Bare når kunden møter opp i skranken. Se på legitimasjonen og sammenlign bilde og navn. Registrer type og de siste sifrene; ingen kopi eller bilde lagres.</translation>
    </message>
    <message>
        <source>This contact is by {channel}. Choose the channel &quot;{counter}&quot; in the profile to use this method.</source>
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
        <source>&amp;Questions</source>
        <translation>&amp;Spørsmål</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>&amp;Engangskode</translation>
    </message>
    <message>
        <source>ID &amp;document</source>
        <translation>&amp;Legitimasjon</translation>
    </message>
    <message>
        <source>&amp;Electronic ID</source>
        <translation>Elektronisk &amp;ID</translation>
    </message>
    <message>
        <source>Check the &amp;answers</source>
        <translation>Kontroller s&amp;varene</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>Sen&amp;d kode</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bekreft</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>K&amp;ode:</translation>
    </message>
    <message>
        <source>Doc&amp;ument:</source>
        <translation>Legi&amp;timasjon:</translation>
    </message>
    <message>
        <source>&amp;Last 2–4 digits:</source>
        <translation>Siste 2–4 si&amp;fre:</translation>
    </message>
    <message>
        <source>Document &amp;matches</source>
        <translation>Legitimasjonen stemme&amp;r</translation>
    </message>
    <message>
        <source>Does &amp;not match</source>
        <translation>Stemmer i&amp;kke</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>Le&amp;verandør:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>Re&amp;feranse:</translation>
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
    <name>WrittenFiles</name>
    <message>
        <source>Files saved for this person</source>
        <translation>Filer lagret for denne personen</translation>
    </message>
    <message>
        <source>The desk saved these files for the person. Remove them by hand:

{files}</source>
        <translation>Desken lagret disse filene for personen. Fjern dem for hånd:

{files}</translation>
    </message>
    <message>
        <source>The desk saved these files for the person:

{files}

Remove those still where they were saved? Files that were changed or are on another workstation are left alone.</source>
        <translation>Desken lagret disse filene for personen:

{files}

Fjerne dem som fortsatt ligger der de ble lagret? Filer som er endret eller ligger på en annen maskin, blir ikke rørt.</translation>
    </message>
</context>
</TS>
