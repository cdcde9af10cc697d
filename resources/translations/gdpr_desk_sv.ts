<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Om {app}</translation>
    </message>
    <message>
        <source>Program and version</source>
        <translation>Program och version</translation>
    </message>
    <message>
        <source>The customer-service desk for data-protection requests. Every look at a customer&apos;s data is written to the access log.</source>
        <translation>Kundtjänstdisken för dataskyddsärenden. Varje gång någon tittar på en kunds uppgifter skrivs det i åtkomstloggen.</translation>
    </message>
    <message>
        <source>The licence file is missing.</source>
        <translation>Licensfilen saknas.</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Typsnittslicens</translation>
    </message>
    <message>
        <source>&amp;Copy for support</source>
        <translation>&amp;Kopiera för support</translation>
    </message>
    <message>
        <source>Put these lines on the clipboard, to paste into a message to support</source>
        <translation>Lägg de här raderna i urklipp, så att du kan klistra in dem i ett meddelande till supporten</translation>
    </message>
    <message>
        <source>Font &amp;licence</source>
        <translation>Typsnitts&amp;licens</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>SQLite on this computer</source>
        <translation>SQLite på den här datorn</translation>
    </message>
    <message>
        <source>PostgreSQL team server</source>
        <translation>PostgreSQL-teamserver</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Privacy policy:</source>
        <translation>Integritetspolicy:</translation>
    </message>
    <message>
        <source>{title}, {company} ({file})</source>
        <translation>{title}, {company} ({file})</translation>
    </message>
    <message>
        <source>Policy version:</source>
        <translation>Policyns version:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Databas:</translation>
    </message>
    <message>
        <source>Database schema:</source>
        <translation>Databasschema:</translation>
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
        <translation>Typsnitt:</translation>
    </message>
    <message>
        <source>DejaVu Sans, under the Bitstream Vera font licence; the DejaVu changes are in the public domain</source>
        <translation>DejaVu Sans, under typsnittslicensen Bitstream Vera; ändringarna från DejaVu är allmän egendom (public domain)</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopierat.</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <source>Summary of the answer</source>
        <translation>Sammanfattning av svaret</translation>
    </message>
    <message>
        <source>What was sent: for example the register copy (PDF) and the cover letter, encrypted e-mail</source>
        <translation>Vad som skickades: till exempel registerutdraget (PDF) och följebrevet, krypterad e-post</translation>
    </message>
    <message>
        <source>Sent via</source>
        <translation>Skickat via</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Skickat den</translation>
    </message>
    <message>
        <source>Complete: the copy has been sent</source>
        <translation>Slutför: kopian har skickats</translation>
    </message>
    <message>
        <source>Make the register copy…</source>
        <translation>Gör registerutdrag…</translation>
    </message>
    <message>
        <source>Make the register copy</source>
        <translation>Gör registerutdrag</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Sammanfattning:</translation>
    </message>
    <message>
        <source>Sent via:</source>
        <translation>Skickat via:</translation>
    </message>
    <message>
        <source>Sent on:</source>
        <translation>Skickat den:</translation>
    </message>
    <message>
        <source>Make the register copy here: review it, then print, post or e-mail it encrypted. An electronic request gets an electronic answer unless the person asked otherwise; the first copy is free.</source>
        <translation>Gör registerutdraget här: granska det och skriv sedan ut det, skicka det med post eller skicka det krypterat via e-post. En elektronisk begäran får ett elektroniskt svar om personen inte har bett om något annat; den första kopian är kostnadsfri.</translation>
    </message>
    <message>
        <source>Complete the access request</source>
        <translation>Slutför begäran om tillgång</translation>
    </message>
    <message>
        <source>What was sent to the person?</source>
        <translation>Vad skickades till personen?</translation>
    </message>
</context>
<context>
    <name>ApprovalQueueWidget</name>
    <message>
        <source>Erasure approval queue</source>
        <translation>Godkännandekö för radering</translation>
    </message>
    <message>
        <source>Erasures waiting for approval</source>
        <translation>Raderingar som väntar på godkännande</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Double-click an erasure to see its plan. You cannot decide on requests you filed yourself: another supervisor must (four eyes).</source>
        <translation>Dubbelklicka på en radering för att se planen. Du kan inte besluta om begäranden som du själv har registrerat: en annan teamledare måste göra det (fyraögonsprincipen).</translation>
    </message>
    <message>
        <source>Erasures</source>
        <translation>Raderingar</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>Registrerad av</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Raderas</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>Begränsas</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behålls</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open the selected erasure&apos;s plan</source>
        <translation>Öppna planen för den valda raderingen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Waiting for your decision</source>
        <translation>Väntar på ditt beslut</translation>
    </message>
    <message>
        <source>You filed it: another supervisor decides</source>
        <translation>Du registrerade den: en annan teamledare beslutar</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>Väntar på en teamledare</translation>
    </message>
    <message>
        <source>Carried out; purge pending</source>
        <translation>Genomförd; slutlig rensning väntar</translation>
    </message>
    <message>
        <source>Approved by {who}; ready to carry out</source>
        <translation>Godkänd av {who}; klar att genomföras</translation>
    </message>
    <message>
        <source>{count} in the queue, {mine} waiting for you</source>
        <translation>{count} i kön, {mine} väntar på dig</translation>
    </message>
</context>
<context>
    <name>ChainProblem</name>
    <message>
        <source>entry {0} is missing</source>
        <extracomment>The chain check&apos;s findings, stored in English, as patterns and their interface text ({0}, {1}: the numbers the pattern found).</extracomment>
        <translation>post {0} saknas</translation>
    </message>
    <message>
        <source>entries out of order</source>
        <translation>posterna står i fel ordning</translation>
    </message>
    <message>
        <source>does not follow the entry before it</source>
        <translation>följer inte posten före</translation>
    </message>
    <message>
        <source>contents changed or entry forged</source>
        <translation>innehållet har ändrats, eller posten är förfalskad</translation>
    </message>
    <message>
        <source>the head record is missing</source>
        <translation>huvudposten saknas</translation>
    </message>
    <message>
        <source>the log ends at entry {0} but the head says {1}: entries were removed</source>
        <translation>loggen slutar vid post {0} men huvudposten säger {1}: poster har tagits bort</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Consent-based purposes</source>
        <translation>Ändamål som bygger på samtycke</translation>
    </message>
    <message>
        <source>Marketing:</source>
        <translation>Marknadsföring:</translation>
    </message>
    <message>
        <source>Withdraw the consent</source>
        <translation>Återkalla samtycket</translation>
    </message>
    <message>
        <source>Tick the purposes the consent is withdrawn for, or none for every consent-based purpose. Processing before the withdrawal stays lawful.</source>
        <translation>Kryssa för de ändamål som samtycket återkallas för, eller inget för alla ändamål som bygger på samtycke. Behandlingen före återkallelsen är fortfarande laglig.</translation>
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
        <translation>Bifall: stoppa behandlingen</translation>
    </message>
    <message>
        <source>Not upheld: compelling legitimate grounds override</source>
        <translation>Avslag: tvingande berättigade skäl väger tyngre</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>The grounds are recorded and given to the person</source>
        <translation>Motiveringen registreras och lämnas till personen</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Registrera beslutet</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>A supervisor decides. Gather the facts, start the work and submit the request for approval.</source>
        <translation>En teamledare beslutar. Samla in fakta, påbörja arbetet och skicka begäran för godkännande.</translation>
    </message>
    <message>
        <source>The decision can be recorded once the work has started.</source>
        <translation>Beslutet kan registreras när arbetet har påbörjats.</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>bifallen</translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation>inte bifallen</translation>
    </message>
    <message>
        <source>Decision: {verdict}, by {who} on {date}. Grounds: {grounds}</source>
        <translation>Beslut: {verdict}, av {who} den {date}. Motivering: {grounds}</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Inget beslut ännu.</translation>
    </message>
</context>
<context>
    <name>DeskOpener</name>
    <message>
        <source>The database could not be opened because of an unexpected error ({error}).</source>
        <extracomment>The default embedded database does not exist yet: create schema and keys. Files to remove if that first creation fails, so the next start begins clean. The keyring entry holding the server password; read on the opener&apos;s thread, never put in `url`. The services of the login and first-administrator dialogs. Someone can sign in already; False: the first administrator is created first. Kept here as well as answered, so a start cancelled before the answer arrives still closes it.</extracomment>
        <translation>Databasen kunde inte öppnas på grund av ett oväntat fel ({error}).</translation>
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
        <translation>Nej</translation>
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
        <translation>En radering planeras, godkänns av en teamledare och genomförs i raderingsvyn. Här kan du bekräfta identiteten, påbörja arbetet, skicka för godkännande, förlänga tidsfristen, avslå eller registrera att begäran har återkallats.</translation>
    </message>
    <message>
        <source>Erasure plan…</source>
        <translation>Raderingsplan…</translation>
    </message>
    <message>
        <source>What goes, what stays and why; submit, approve and carry out</source>
        <translation>Vad som raderas, vad som blir kvar och varför; skicka för godkännande, godkänn och genomför</translation>
    </message>
</context>
<context>
    <name>ErasurePlanDialog</name>
    <message>
        <source>Erased</source>
        <extracomment>Colour is never the only cue (the column says it in words); the tone fits the light or dark palette.</extracomment>
        <translation>Raderas</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Begränsas</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behålls</translation>
    </message>
    <message>
        <source>Erasure plan</source>
        <extracomment>The request changed from this dialog (request id): queues and request screens reload.</extracomment>
        <translation>Raderingsplan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Plan by purpose</source>
        <translation>Plan per ändamål</translation>
    </message>
    <message>
        <source>Purpose / data</source>
        <translation>Ändamål / uppgifter</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Skicka för godkännande</translation>
    </message>
    <message>
        <source>Store this plan and send it to a supervisor for approval</source>
        <translation>Spara planen och skicka den till en teamledare för godkännande</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Godkänn…</translation>
    </message>
    <message>
        <source>Approve exactly the plan shown; asks for your password</source>
        <translation>Godkänn exakt den plan som visas; kräver ditt lösenord</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Underkänn…</translation>
    </message>
    <message>
        <source>Send the plan back with a written reason; asks for your password</source>
        <translation>Skicka tillbaka planen med en skriftlig motivering; kräver ditt lösenord</translation>
    </message>
    <message>
        <source>Withdraw the approval</source>
        <translation>Återkalla godkännandet</translation>
    </message>
    <message>
        <source>Carry out the erasure</source>
        <translation>Genomför raderingen</translation>
    </message>
    <message>
        <source>Erase and restrict as approved; this cannot be undone</source>
        <translation>Radera och begränsa enligt godkännandet; det går inte att ångra</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Keep the fraud records…</source>
        <translation>Behåll uppgifterna om bedrägeri …</translation>
    </message>
    <message>
        <source>Compelling grounds override the person&apos;s interests; asks for the reasons and your password</source>
        <translation>Tvingande skäl väger tyngre än personens intressen; frågar efter motivering och ditt lösenord</translation>
    </message>
    <message>
        <source>Erase the fraud records…</source>
        <translation>Radera uppgifterna om bedrägeri …</translation>
    </message>
    <message>
        <source>Nothing overrides the person&apos;s request; asks for the reasons and your password</source>
        <translation>Inget väger tyngre än personens begäran; frågar efter motivering och ditt lösenord</translation>
    </message>
    <message>
        <source>Read the erasure plan again</source>
        <translation>Läs raderingsplanen igen</translation>
    </message>
    <message>
        <source>Erasure plan {reference}</source>
        <translation>Raderingsplan {reference}</translation>
    </message>
    <message>
        <source>{title} · customer {number}</source>
        <translation>{title} · kund {number}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <source>Plan made {date} by {who}</source>
        <translation>Planen gjordes {date} av {who}</translation>
    </message>
    <message>
        <source>Preview: not submitted yet</source>
        <translation>Förhandsgranskning: inte skickad för godkännande ännu</translation>
    </message>
    <message>
        <source>Approval by {who} withdrawn</source>
        <translation>Godkännandet från {who} har återkallats</translation>
    </message>
    <message>
        <source>Rejected by {who} on {date}: {reason}</source>
        <translation>Underkänd av {who} den {date}: {reason}</translation>
    </message>
    <message>
        <source>Approved by {who} on {date}</source>
        <translation>Godkänd av {who} den {date}</translation>
    </message>
    <message>
        <source>Erased: {erase}. Restricted: {restrict}. Kept: {keep}.</source>
        <translation>Raderas: {erase}. Begränsas: {restrict}. Behålls: {keep}.</translation>
    </message>
    <message>
        <source>Restricted data is erased when its hold ends, at the latest {date}.</source>
        <translation>Begränsade uppgifter raderas när lagringsskyldigheten upphör, senast {date}.</translation>
    </message>
    <message>
        <source>Purpose: {purpose}.</source>
        <translation>Ändamål: {purpose}.</translation>
    </message>
    <message>
        <source>The data changed since the plan was made; make the plan again before it can be approved.</source>
        <translation>Uppgifterna har ändrats sedan planen gjordes; gör om planen innan den kan godkännas.</translation>
    </message>
    <message>
        <source>Nothing can be erased now: a legal hold covers every record. Refuse the request with that reason (GDPR Art. 17(3)).</source>
        <translation>Ingenting kan raderas nu: lagringsskyldighet gäller för alla uppgifter. Avslå begäran med det skälet (dataskyddsförordningen art. 17.3).</translation>
    </message>
    <message>
        <source>Make the plan again</source>
        <translation>Gör om planen</translation>
    </message>
    <message>
        <source>Erased: {erased} records are gone, and the scan of the database files found none of the erased values. Restricted until their hold ends: {restricted} (at the latest {until}). Notices to recipients: {notices}.</source>
        <translation>Raderat: {erased} poster är borta, och genomsökningen av databasfilerna hittade inget av de raderade värdena. Begränsat tills lagringsskyldigheten upphör: {restricted} (senast {until}). Underrättelser till mottagare: {notices}.</translation>
    </message>
    <message>
        <source>Purge pending: {erased} records are deleted, but another program still holds the database file, so the erased values cannot yet be proven gone. The desk finishes the purge later; this erasure is not complete until then. Restricted: {restricted} (until {until}). Notices to recipients: {notices}.</source>
        <translation>Slutlig rensning väntar: {erased} poster är raderade, men ett annat program håller fortfarande databasfilen öppen, så det går ännu inte att bevisa att de raderade värdena är borta. Programmet slutför rensningen senare; raderingen är inte klar förrän dess. Begränsat: {restricted} (till {until}). Underrättelser till mottagare: {notices}.</translation>
    </message>
    <message>
        <source>Restricted: nothing could be erased; {restricted} records are restricted until their hold ends (at the latest {until}) and erased then. Erased: {erased}. Notices to recipients: {notices}.</source>
        <translation>Begränsat: ingenting kunde raderas; {restricted} poster är begränsade tills lagringsskyldigheten upphör (senast {until}) och raderas då. Raderat: {erased}. Underrättelser till mottagare: {notices}.</translation>
    </message>
    <message>
        <source>The plan is stored and waits for a supervisor&apos;s approval.</source>
        <translation>Planen är sparad och väntar på godkännande av en teamledare.</translation>
    </message>
    <message>
        <source>Approve the erasure</source>
        <translation>Godkänn raderingen</translation>
    </message>
    <message>
        <source>You approve the plan shown ({erase} erased, {restrict} restricted). Enter your password:</source>
        <translation>Du godkänner planen som visas ({erase} raderas, {restrict} begränsas). Ange ditt lösenord:</translation>
    </message>
    <message>
        <source>Approved. The erasure can now be carried out.</source>
        <translation>Godkänd. Raderingen kan nu genomföras.</translation>
    </message>
    <message>
        <source>Reject the erasure plan</source>
        <translation>Underkänn raderingsplanen</translation>
    </message>
    <message>
        <source>Why is the plan rejected? The agent reads this:</source>
        <translation>Varför underkänns planen? Handläggaren läser detta:</translation>
    </message>
    <message>
        <source>Write why the plan is rejected; nothing was changed.</source>
        <translation>Skriv varför planen underkänns; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>Enter your password to reject the plan:</source>
        <translation>Ange ditt lösenord för att underkänna planen:</translation>
    </message>
    <message>
        <source>Rejected. The request goes back to its agent with your reason.</source>
        <translation>Underkänd. Begäran går tillbaka till handläggaren med din motivering.</translation>
    </message>
    <message>
        <source>Keep the fraud records</source>
        <translation>Behåll uppgifterna om bedrägeri</translation>
    </message>
    <message>
        <source>Erase the fraud records</source>
        <translation>Radera uppgifterna om bedrägeri</translation>
    </message>
    <message>
        <source>Why does the shop&apos;s interest override the person&apos;s, or why not? Your reasons are recorded with the decision:</source>
        <translation>Varför väger butikens intresse tyngre än personens, eller varför inte? Motiveringen sparas med beslutet:</translation>
    </message>
    <message>
        <source>Enter your password to record the decision:</source>
        <translation>Ange ditt lösenord för att registrera beslutet:</translation>
    </message>
    <message>
        <source>The decision is recorded; the plan can now be submitted.</source>
        <translation>Beslutet är registrerat; planen kan nu skickas.</translation>
    </message>
    <message>
        <source>Withdraw the approval? The plan waits for approval again.</source>
        <translation>Återkalla godkännandet? Planen väntar då på godkännande igen.</translation>
    </message>
    <message>
        <source>The approval is withdrawn.</source>
        <translation>Godkännandet har återkallats.</translation>
    </message>
    <message>
        <source>Erase and restrict the data as approved? This cannot be undone.</source>
        <translation>Radera och begränsa uppgifterna enligt godkännandet? Det går inte att ångra.</translation>
    </message>
</context>
<context>
    <name>FileRequestDialog</name>
    <message>
        <source>New request</source>
        <extracomment>Types a marketing channel belongs to (the service refuses it for the others). (request id, customer id) of the request just filed. The agent chose to open the existing request instead of filing a duplicate (request id).</extracomment>
        <translation>Ny begäran</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>Typ av begäran</translation>
    </message>
    <message>
        <source>{name} (customer id {id})</source>
        <translation>{name} (kund-id {id})</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Mottagen den</translation>
    </message>
    <message>
        <source>The day the request reached the shop: the postmark, the e-mail&apos;s date</source>
        <translation>Dagen då begäran kom in till butiken: poststämpeln, e-postmeddelandets datum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Marketing channel:</source>
        <translation>Marknadsföringskanal:</translation>
    </message>
    <message>
        <source>Marketing channel</source>
        <translation>Marknadsföringskanal</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alla kanaler</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>What the person asked for, in their words; no identity numbers</source>
        <translation>Vad personen bad om, med egna ord; inga personnummer</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kund:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>&amp;Mottagen:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Tidsfrist:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
    <message>
        <source>Duplicate notice</source>
        <translation>Meddelande om dubblett</translation>
    </message>
    <message>
        <source>&amp;Open the existing request</source>
        <translation>&amp;Öppna den befintliga begäran</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>Registrerar</translation>
    </message>
    <message>
        <source>File request</source>
        <translation>Registrera begäran</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>A due date on a weekend or Norwegian public holiday moves to the next working day (setting).</source>
        <translation>En tidsfrist som infaller på en helg eller en norsk helgdag flyttas till nästa arbetsdag (inställning).</translation>
    </message>
    <message>
        <source>Due dates are not moved off weekends and public holidays (the default setting).</source>
        <translation>Tidsfrister flyttas inte från helger och helgdagar (standardinställningen).</translation>
    </message>
    <message>
        <source>{date} (overdue by {days} days)</source>
        <translation>{date} (försenad med {days} dagar)</translation>
    </message>
    <message>
        <source>{date} ({days} days left)</source>
        <translation>{date} ({days} dagar kvar)</translation>
    </message>
    <message>
        <source>The notes are longer than {count} characters.</source>
        <translation>Anteckningarna är längre än {count} tecken.</translation>
    </message>
    <message>
        <source>The request is already open</source>
        <translation>Begäran är redan öppen</translation>
    </message>
    <message>
        <source>{message}

File this as a new request anyway? It will be marked as a duplicate of {reference}.</source>
        <translation>{message}

Registrera detta som en ny begäran ändå? Den markeras som dubblett av {reference}.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the first administrator - {app}</source>
        <translation>Skapa den första administratören – {app}</translation>
    </message>
    <message>
        <source>This database has no staff accounts yet. Create the first administrator; that account can then add the other agents.</source>
        <translation>Den här databasen har inga användarkonton ännu. Skapa den första administratören; det kontot kan sedan lägga till de andra handläggarna.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullständigt namn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Upprepa lösenordet</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fullständigt namn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Upprepa lösenordet:</translation>
    </message>
    <message>
        <source>Demo database notice</source>
        <translation>Meddelande om demodatabas</translation>
    </message>
    <message>
        <source>Demo database: the keys are kept in a file next to the database (for demos only)</source>
        <translation>Demodatabas: nycklarna ligger i en fil bredvid databasen (endast för demo)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Skapa administratör</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Welcome to {app}</source>
        <translation>Välkommen till {app}</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Databas: {name}</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De två lösenorden är inte lika.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Signed out</source>
        <extracomment>For a dialog in its own event loop: its title, and the contents hidden instead of it. Checks the password at the lock. Overrides the setting (tests use a few milliseconds).</extracomment>
        <translation>Utloggad</translation>
    </message>
    <message>
        <source>{reason} You are signed out.</source>
        <translation>{reason} Du är utloggad.</translation>
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
        <translation>Låst – {user} – logga in igen för att fortsätta</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Unlock error</source>
        <translation>Fel vid upplåsning</translation>
    </message>
    <message>
        <source>Checking the password</source>
        <translation>Kontrollerar lösenordet</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Ange ditt lösenord.</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>opened profile</source>
        <extracomment>Semicolons: Norwegian spreadsheet programs use the comma for decimals and split on &quot;;&quot;. The widest time the log can show, to size its column in any locale. What each logged action means; marked for the translator, translated when shown.</extracomment>
        <translation>öppnade profil</translation>
    </message>
    <message>
        <source>viewed records</source>
        <translation>visade uppgifter</translation>
    </message>
    <message>
        <source>showed identity number</source>
        <translation>visade personnummer</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>sökte</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>åtkomst nekad</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>loggade in</translation>
    </message>
    <message>
        <source>contact started</source>
        <translation>kontakt påbörjad</translation>
    </message>
    <message>
        <source>contact ended</source>
        <translation>kontakt avslutad</translation>
    </message>
    <message>
        <source>looked up verification questions</source>
        <translation>hämtade kontrollfrågor</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>identitet bekräftad</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>verifiering misslyckades</translation>
    </message>
    <message>
        <source>verification locked</source>
        <translation>verifiering låst</translation>
    </message>
    <message>
        <source>code sent</source>
        <translation>kod skickad</translation>
    </message>
    <message>
        <source>code not sent</source>
        <translation>kod inte skickad</translation>
    </message>
    <message>
        <source>reason recorded</source>
        <translation>skäl registrerat</translation>
    </message>
    <message>
        <source>read the access log</source>
        <translation>läste åtkomstloggen</translation>
    </message>
    <message>
        <source>exported the access log</source>
        <translation>exporterade åtkomstloggen</translation>
    </message>
    <message>
        <source>verified the log chain</source>
        <translation>verifierade loggkedjan</translation>
    </message>
    <message>
        <source>signed a log checkpoint</source>
        <translation>signerade en kontrollpunkt för loggen</translation>
    </message>
    <message>
        <source>made a checkpoint key</source>
        <translation>skapade en kontrollpunktsnyckel</translation>
    </message>
    <message>
        <source>accepted the access log as it is</source>
        <translation>godtog åtkomstloggen som den är</translation>
    </message>
    <message>
        <source>saved a file</source>
        <translation>sparade en fil</translation>
    </message>
    <message>
        <source>listed saved files</source>
        <translation>listade sparade filer</translation>
    </message>
    <message>
        <source>removed saved files</source>
        <translation>tog bort sparade filer</translation>
    </message>
    <message>
        <source>cleaned the SMS outbox</source>
        <translation>rensade sms-utkorgen</translation>
    </message>
    <message>
        <source>created account</source>
        <translation>skapade konto</translation>
    </message>
    <message>
        <source>added account and database login</source>
        <translation>lade till konto och databasinloggning</translation>
    </message>
    <message>
        <source>changed account</source>
        <translation>ändrade konto</translation>
    </message>
    <message>
        <source>looked at a work queue</source>
        <translation>tittade på en arbetskö</translation>
    </message>
    <message>
        <source>legal hold ended</source>
        <translation>rättsligt kvarhållande avslutat</translation>
    </message>
    <message>
        <source>synced from a shop system</source>
        <translation>synkroniserad från ett butikssystem</translation>
    </message>
    <message>
        <source>re-read from a shop system</source>
        <translation>läst på nytt från ett butikssystem</translation>
    </message>
    <message>
        <source>decided an identity question</source>
        <translation>avgjorde en identitetsfråga</translation>
    </message>
    <message>
        <source>retention run started</source>
        <translation>gallringskörning startad</translation>
    </message>
    <message>
        <source>retention run: batch done</source>
        <translation>gallringskörning: del klar</translation>
    </message>
    <message>
        <source>retention run finished</source>
        <translation>gallringskörning klar</translation>
    </message>
    <message>
        <source>collected register copy</source>
        <translation>hämtade uppgifter till registerutdrag</translation>
    </message>
    <message>
        <source>redacted register copy</source>
        <translation>maskerade i registerutdrag</translation>
    </message>
    <message>
        <source>saved register copy</source>
        <translation>sparade registerutdrag</translation>
    </message>
    <message>
        <source>printed register copy</source>
        <translation>skrev ut registerutdrag</translation>
    </message>
    <message>
        <source>register copy without a request</source>
        <translation>registerutdrag utan begäran</translation>
    </message>
    <message>
        <source>register copy third-party review</source>
        <translation>granskning av tredje parter i registerutdrag</translation>
    </message>
    <message>
        <source>register copy e-mail failed</source>
        <translation>e-post med registerutdrag misslyckades</translation>
    </message>
    <message>
        <source>made erasure plan</source>
        <translation>gjorde raderingsplan</translation>
    </message>
    <message>
        <source>opened erasure plan</source>
        <translation>öppnade raderingsplan</translation>
    </message>
    <message>
        <source>erasure plan refused</source>
        <translation>raderingsplan avvisad</translation>
    </message>
    <message>
        <source>previewed erasure</source>
        <translation>förhandsgranskade radering</translation>
    </message>
    <message>
        <source>approved erasure</source>
        <translation>godkände radering</translation>
    </message>
    <message>
        <source>rejected erasure</source>
        <translation>avslog radering</translation>
    </message>
    <message>
        <source>erasure withdrawn</source>
        <translation>radering återkallad</translation>
    </message>
    <message>
        <source>carried out erasure</source>
        <translation>genomförde radering</translation>
    </message>
    <message>
        <source>purged and checked erasure residue</source>
        <translation>rensade och kontrollerade rester efter radering</translation>
    </message>
    <message>
        <source>weighed fraud records</source>
        <translation>vägde uppgifter om bedrägeri</translation>
    </message>
    <message>
        <source>changed an organisation rule</source>
        <translation>ändrade en regel för organisationen</translation>
    </message>
    <message>
        <source>filed request</source>
        <translation>registrerade begäran</translation>
    </message>
    <message>
        <source>wrote letter</source>
        <translation>skrev brev</translation>
    </message>
    <message>
        <source>letter sent</source>
        <translation>brev skickat</translation>
    </message>
    <message>
        <source>assigned request</source>
        <translation>tilldelade begäran</translation>
    </message>
    <message>
        <source>extended deadline</source>
        <translation>förlängde tidsfrist</translation>
    </message>
    <message>
        <source>refused request</source>
        <translation>avvisade begäran</translation>
    </message>
    <message>
        <source>request withdrawn</source>
        <translation>begäran återkallad</translation>
    </message>
    <message>
        <source>completed request</source>
        <translation>slutförde begäran</translation>
    </message>
    <message>
        <source>verified requester</source>
        <translation>verifierade den begärandes identitet</translation>
    </message>
    <message>
        <source>started work on request</source>
        <translation>började arbeta med begäran</translation>
    </message>
    <message>
        <source>sent for approval</source>
        <translation>skickade för godkännande</translation>
    </message>
    <message>
        <source>approved request</source>
        <translation>godkände begäran</translation>
    </message>
    <message>
        <source>rejected request</source>
        <translation>avslog begäran</translation>
    </message>
    <message>
        <source>rectified data</source>
        <translation>rättade uppgifter</translation>
    </message>
    <message>
        <source>restricted processing</source>
        <translation>begränsade behandling</translation>
    </message>
    <message>
        <source>notice of lifting restriction sent</source>
        <translation>meddelande om hävd begränsning skickat</translation>
    </message>
    <message>
        <source>lifted restriction</source>
        <translation>hävde begränsning</translation>
    </message>
    <message>
        <source>marketing objection recorded</source>
        <translation>invändning mot marknadsföring registrerad</translation>
    </message>
    <message>
        <source>decided objection</source>
        <translation>avgjorde invändning</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>samtycke återkallat</translation>
    </message>
    <message>
        <source>exported data (portability)</source>
        <translation>exporterade uppgifter (dataportabilitet)</translation>
    </message>
    <message>
        <source>notified a recipient</source>
        <translation>underrättade en mottagare</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>(rows shown, total matching) after each page. A count or page failed; the text is the service&apos;s.</extracomment>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbetsstation</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Access log – {app}</source>
        <translation>Åtkomstlogg – {app}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>användarnamn</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>Kund-id</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Rensa filter</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>Customer &amp;id:</source>
        <translation>&amp;Kund-id:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Händelse:</translation>
    </message>
    <message>
        <source>E&amp;xport CSV</source>
        <translation>&amp;Exportera CSV</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Verifiera kedjan</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Poster</translation>
    </message>
    <message>
        <source>Chain check result</source>
        <translation>Resultat av kedjekontrollen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Access-log entries</source>
        <translation>Poster i åtkomstloggen</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Inga poster matchar.</translation>
    </message>
    <message>
        <source>{total} entries match; {shown} shown (scroll for more)</source>
        <translation>{total} poster matchar; {shown} visas (skrolla för fler)</translation>
    </message>
    <message>
        <source>{total} entries match</source>
        <translation>{total} poster matchar</translation>
    </message>
    <message>
        <source>access-log</source>
        <translation>åtkomstlogg</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>Exportera åtkomstloggen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} entries to {path}</source>
        <translation>Exporterade {count} poster till {path}</translation>
    </message>
    <message>
        <source>The chain is intact: {count} entries verified.</source>
        <translation>Kedjan är hel: {count} poster har kontrollerats.</translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq}: {problem}. {count} entries before it were in order.</source>
        <translation>Kedjan är bruten vid post {seq}: {problem}. De {count} posterna före den var i ordning.</translation>
    </message>
</context>
<context>
    <name>LogWatchBanner</name>
    <message>
        <source>Access log warning</source>
        <translation>Varning om åtkomstloggen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in - {app}</source>
        <translation>Logga in – {app}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>Demo database notice</source>
        <translation>Meddelande om demodatabas</translation>
    </message>
    <message>
        <source>Demo database: the keys are kept in a file next to the database (for demos only)</source>
        <translation>Demodatabas: nycklarna ligger i en fil bredvid databasen (endast för demo)</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Inloggningsfel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Sign in with your staff account.</source>
        <translation>Logga in med ditt användarkonto.</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Databas: {name}</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Ange ditt användarnamn.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search by name, e-mail, phone, identity number or order number</source>
        <extracomment>The window has closed (and saved its layout): the session is over.</extracomment>
        <translation>Sök på namn, e-post, telefon, personnummer eller ordernummer</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Anmärkningar till sökningen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Samtalet är avslutat</translation>
    </message>
    <message>
        <source>Search (selects the search text)</source>
        <translation>Sök (markerar söktexten)</translation>
    </message>
    <message>
        <source>End the call (the contact ends) and clear the search</source>
        <translation>Avsluta samtalet (kontakten avslutas) och töm sökningen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>Database, e-mail, language and idle lock of this workstation</source>
        <translation>Databas, e-post, språk och automatisk låsning för den här arbetsstationen</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>Hide every window until you enter your password again</source>
        <translation>Dölj alla fönster tills du anger ditt lösenord igen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Logg</translation>
    </message>
    <message>
        <source>&amp;Access log…</source>
        <translation>&amp;Åtkomstlogg…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Om {app}</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Teamledare</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administratör</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Inloggad användare</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>Demo keys (demo only)</source>
        <translation>Demonycklar (endast demo)</translation>
    </message>
    <message>
        <source>Demo keys notice</source>
        <translation>Meddelande om demonycklar</translation>
    </message>
    <message>
        <source>Policy file incomplete</source>
        <translation>Policyfilen är ofullständig</translation>
    </message>
    <message>
        <source>No customers found</source>
        <translation>Inga kunder hittades</translation>
    </message>
    <message>
        <source>One customer found</source>
        <translation>En kund hittades</translation>
    </message>
    <message>
        <source>{count} customers shown; scroll for more</source>
        <translation>{count} kunder visas; skrolla för fler</translation>
    </message>
    <message>
        <source>{count} customers found</source>
        <translation>{count} kunder hittades</translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation>Sökningen misslyckades</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Öppnar…</translation>
    </message>
    <message>
        <source>Opened {number}</source>
        <translation>Öppnade {number}</translation>
    </message>
    <message>
        <source>Cannot open the customer</source>
        <translation>Kan inte öppna kunden</translation>
    </message>
</context>
<context>
    <name>MarketingPanel</name>
    <message>
        <source>Marketing status</source>
        <translation>Status för marknadsföring</translation>
    </message>
    <message>
        <source>Stop marketing on these channels now</source>
        <translation>Stoppa marknadsföring i de här kanalerna nu</translation>
    </message>
    <message>
        <source>An objection to direct marketing needs no reasons and takes effect at once. Only a block is kept so the person is not contacted again; order confirmations are not marketing.</source>
        <translation>En invändning mot direktmarknadsföring behöver ingen motivering och gäller omedelbart. Bara en spärr sparas så att personen inte kontaktas igen; orderbekräftelser är inte marknadsföring.</translation>
    </message>
    <message>
        <source>Marketing stopped on: {channels}.</source>
        <translation>Marknadsföringen har stoppats för: {channels}.</translation>
    </message>
    <message>
        <source>Marketing has not been stopped under this request.</source>
        <translation>Marknadsföringen har inte stoppats inom den här begäran.</translation>
    </message>
    <message>
        <source>Tick at least one channel.</source>
        <translation>Kryssa för minst en kanal.</translation>
    </message>
</context>
<context>
    <name>PortabilityPanel</name>
    <message>
        <source>Save export…</source>
        <translation>Spara export…</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Status för export</translation>
    </message>
    <message>
        <source>A zip with JSON and CSV of what the person gave on consent or contract, with its schema. Send it to the person securely, then complete the request with what was sent.</source>
        <translation>En zip-fil med JSON och CSV över det som personen har lämnat på grund av samtycke eller avtal, med schemabeskrivning. Skicka den säkert till personen och slutför sedan begäran med vad som skickades.</translation>
    </message>
    <message>
        <source>Last export: {when} by {who}.</source>
        <translation>Senaste export: {when} av {who}.</translation>
    </message>
    <message>
        <source>No export made yet.</source>
        <translation>Ingen export har gjorts ännu.</translation>
    </message>
    <message>
        <source>data-export</source>
        <translation>dataexport</translation>
    </message>
    <message>
        <source>Save the portability export</source>
        <translation>Spara exporten (dataportabilitet)</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip-filer (*.zip)</translation>
    </message>
    <message>
        <source>Saved {path} ({size} kB). Send it to the person securely, then complete the request.</source>
        <translation>Sparade {path} ({size} kB). Skicka den säkert till personen och slutför sedan begäran.</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Customer profile</source>
        <extracomment>The countdown of a revealed identity number ticks this often (tests shorten it). The key of every call about the customer on screen (`Operations`): a new customer supersedes them. The profile of this customer id is on screen. Opening failed; the text is for the agent. The contact ended and the pane is empty again. The verification state of the contact changed (VerificationState). A group&apos;s records are on screen (purpose key).</extracomment>
        <translation>Kundprofil</translation>
    </message>
    <message>
        <source>No customer is open.

Search, pick a person with the arrow keys and press Enter.</source>
        <translation>Ingen kund är öppen.

Sök, välj en person med piltangenterna och tryck på Enter.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundnummer</translation>
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
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Show the full identity number</source>
        <translation>Visa hela personnumret</translation>
    </message>
    <message>
        <source>Show the full identity number (takes a reason and your password)</source>
        <translation>Visa hela personnumret (kräver skäl och ditt lösenord)</translation>
    </message>
    <message>
        <source>Hides in</source>
        <translation>Döljs om</translation>
    </message>
    <message>
        <source>Customer number:</source>
        <translation>Kundnummer:</translation>
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
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>Restriction notice</source>
        <translation>Meddelande om begränsning</translation>
    </message>
    <message>
        <source>Processing is restricted for this customer: the data may be stored, not otherwise used.</source>
        <translation>Behandlingen är begränsad för den här kunden: uppgifterna får lagras men inte användas på annat sätt.</translation>
    </message>
    <message>
        <source>Identity status</source>
        <translation>Identitetsstatus</translation>
    </message>
    <message>
        <source>&amp;Verify identity</source>
        <translation>Bekräfta &amp;identitet</translation>
    </message>
    <message>
        <source>Verify identity</source>
        <translation>Bekräfta identitet</translation>
    </message>
    <message>
        <source>Record reas&amp;on</source>
        <translation>Registrera s&amp;käl</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Ka&amp;nal:</translation>
    </message>
    <message>
        <source>See more without verifying the caller, for example for an internal fraud check; the reason is logged</source>
        <translation>Se mer utan att bekräfta den som ringer, till exempel vid en intern bedrägerikontroll; skälet loggas</translation>
    </message>
    <message>
        <source>Contact channel</source>
        <translation>Kontaktkanal</translation>
    </message>
    <message>
        <source>How the customer is in touch; changing it starts a new contact</source>
        <translation>Hur kunden har kontakt med oss; byter du kanal påbörjas en ny kontakt</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Avsluta samtal</translation>
    </message>
    <message>
        <source>End the contact and close the customer (Esc)</source>
        <translation>Avsluta kontakten och stäng kunden (Esc)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Locked notice</source>
        <translation>Meddelande om spärr</translation>
    </message>
    <message>
        <source>Verify the identity to see more. Until then only what finds the person is shown.</source>
        <translation>Bekräfta identiteten för att se mer. Fram till dess visas bara det som behövs för att hitta personen.</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <source>What we hold, by purpose</source>
        <translation>Vad vi har lagrat, per ändamål</translation>
    </message>
    <message>
        <source>Opening the customer…</source>
        <translation>Öppnar kunden…</translation>
    </message>
    <message>
        <source>The contact has ended.</source>
        <translation>Kontakten är avslutad.</translation>
    </message>
    <message>
        <source>Identity verified ({method}), valid until {time}.</source>
        <translation>Identiteten bekräftad ({method}), giltig till kl. {time}.</translation>
    </message>
    <message>
        <source>Not verified; reason recorded: {reason}</source>
        <translation>Inte bekräftad; registrerat skäl: {reason}</translation>
    </message>
    <message>
        <source>Not verified; verification is locked until {time}.</source>
        <translation>Inte bekräftad; verifieringen är låst till kl. {time}.</translation>
    </message>
    <message>
        <source>The verification expired at {time}; verify the identity again.</source>
        <translation>Bekräftelsen gick ut kl. {time}; bekräfta identiteten på nytt.</translation>
    </message>
    <message>
        <source>Identity not verified.</source>
        <translation>Identiteten är inte bekräftad.</translation>
    </message>
    <message>
        <source>Record a reason</source>
        <translation>Registrera ett skäl</translation>
    </message>
    <message>
        <source>Why do you need to see more without verifying the caller?
For example: internal fraud check of order TP-1234567. The reason is logged.</source>
        <translation>Varför behöver du se mer utan att bekräfta den som ringer?
Till exempel: intern bedrägerikontroll av order TP-1234567. Skälet loggas.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Dölj</translation>
    </message>
    <message>
        <source>Hides in {seconds} s</source>
        <translation>Döljs om {seconds} s</translation>
    </message>
</context>
<context>
    <name>PurposeSection</name>
    <message>
        <source>Purpose {number}: {title}</source>
        <extracomment>The agent expanded (True) or collapsed (False) the group; the key names the purpose.</extracomment>
        <translation>Ändamål {number}: {title}</translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation>Antal poster</translation>
    </message>
    <message>
        <source>{basis} (GDPR Art. {article})</source>
        <translation>{basis} (GDPR art. {article})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inga</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Rättslig grund:</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>Lagring:</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <source>What the policy says</source>
        <translation>Vad integritetspolicyn säger</translation>
    </message>
    <message>
        <source>Loading the records</source>
        <translation>Hämtar posterna</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>No records are kept for this purpose.</source>
        <translation>Inga poster lagras för det här ändamålet.</translation>
    </message>
    <message>
        <source>Record tables</source>
        <translation>Tabeller med poster</translation>
    </message>
    <message>
        <source>Selected record</source>
        <translation>Vald post</translation>
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
        <source>Verify the identity to see more</source>
        <translation>Bekräfta identiteten för att se mer</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Ändamål:</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Källor:</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>Selected record: collected {date} from {source}; {retention}.</source>
        <translation>Vald post: insamlad {date} från {source}; {retention}.</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>Markera &amp;allt</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Stega uppåt</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Stega &amp;nedåt</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <extracomment>The key the settings dialog writes (declared in desktop.settings): &quot;system&quot; or one of LANGUAGES. The locale each language&apos;s dates and numbers follow. British English: day before month and a 24-hour clock, as the shop&apos;s Nordic readers expect, never the US 11/25/2026. Qt&apos;s own catalogue to install per language. PySide6 ships no Bokmål one (qtbase_nn is Nynorsk): Bokmål gets Nynorsk for Qt&apos;s rarer texts (file dialog, calendar) under our own Bokmål for the ones agents meet every day (QT_OWN_STRINGS), which every Bokmål reader takes over English. Texts of Qt&apos;s own widgets that agents see every day (the context menus of text and date fields), translated in our catalogue because Qt has no Bokmål of its own. Listed here so lupdate keeps them.</extracomment>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Klistra &amp;in</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Markera alla</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopiera &amp;länkplats</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Klistra &amp;in</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Markera alla</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Restricted</source>
        <extracomment>Widest a record column starts, so one long browser string does not push the rest off screen. A further page failed; the text is for the agent. A further page is being fetched (True) or has arrived or failed (False).</extracomment>
        <translation>Begränsad</translation>
    </message>
    <message>
        <source>Legal hold until {date}</source>
        <translation>Rättsligt kvarhållen till {date}</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Insamlad</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Lagras till</translation>
    </message>
    <message>
        <source>Restriction / legal hold</source>
        <translation>Begränsning / rättsligt kvarhållande</translation>
    </message>
</context>
<context>
    <name>RectificationPanel</name>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
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
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Save the correction</source>
        <translation>Spara rättelsen</translation>
    </message>
    <message>
        <source>Before and after (masked, as kept in the log)</source>
        <translation>Före och efter (maskerat, så som det sparas i loggen)</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ändringar</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Fill in only what is to change; the grey text is what is stored now. Recipients who received the data are told (Art. 19) and the request is completed.</source>
        <translation>Fyll bara i det som ska ändras; den grå texten är det som är lagrat nu. Mottagare som har fått uppgifterna underrättas (art. 19) och begäran slutförs.</translation>
    </message>
    <message>
        <source>now: {value}</source>
        <translation>nu: {value}</translation>
    </message>
    <message>
        <source>now (full name): {value}</source>
        <translation>nu (fullständigt namn): {value}</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>oförändrat</translation>
    </message>
    <message>
        <source>Type the new value of at least one field.</source>
        <translation>Skriv ett nytt värde i minst ett fält.</translation>
    </message>
</context>
<context>
    <name>RegisterCopyDialog</name>
    <message>
        <source>Save register copy</source>
        <extracomment>Printing renders each page as an image; more than this many dots per inch only costs memory. Marked spans keep dark text on their yellow, whatever the palette&apos;s text colour is.</extracomment>
        <translation>Spara registerutdrag</translation>
    </message>
    <message>
        <source>Register copy</source>
        <extracomment>The request was answered (posted or e-mailed); carries the service&apos;s RequestView. A new PDF is in the preview (after loading, a language change or a redaction).</extracomment>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <source>Register copy (GDPR Article 15)</source>
        <translation>Registerutdrag (dataskyddsförordningen artikel 15)</translation>
    </message>
    <message>
        <source>Language of the copy</source>
        <translation>Språk i utdraget</translation>
    </message>
    <message>
        <source>Norwegian (Bokmål)</source>
        <translation>Norska (bokmål)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>No postal address</source>
        <translation>Ingen postadress</translation>
    </message>
    <message>
        <source>No postal address is registered for this person: the copy cannot be posted in a window envelope. Send it encrypted by e-mail.</source>
        <translation>Ingen postadress är registrerad för personen: utdraget kan inte skickas i fönsterkuvert. Skicka det krypterat via e-post.</translation>
    </message>
    <message>
        <source>Request completed</source>
        <translation>Begäran är slutförd</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Review before sending</source>
        <translation>Granska före utskick</translation>
    </message>
    <message>
        <source>These texts may name other people. Yellow marks what looks like a name, an e-mail address, a telephone number or an identity number. Select what belongs to someone else and press Redact.</source>
        <translation>De här texterna kan nämna andra personer. Gult markerar det som ser ut som ett namn, en e-postadress, ett telefonnummer eller ett personnummer. Markera det som gäller någon annan och tryck på Maskera.</translation>
    </message>
    <message>
        <source>Texts to review</source>
        <translation>Texter att granska</translation>
    </message>
    <message>
        <source>Text under review</source>
        <translation>Texten som granskas</translation>
    </message>
    <message>
        <source>Changed since redaction</source>
        <translation>Ändrad efter maskering</translation>
    </message>
    <message>
        <source>This text has changed since it was redacted, so the copy withholds all of it. Redact it again.</source>
        <translation>Texten har ändrats sedan den maskerades, så utdraget undanhåller hela texten. Maskera den på nytt.</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Maskera</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Spara…</translation>
    </message>
    <message>
        <source>Mark as p&amp;osted</source>
        <translation>Markera som &amp;postat</translation>
    </message>
    <message>
        <source>Send encrypted &amp;e-mail…</source>
        <translation>Skicka krypterad &amp;e-post…</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Maskera</translation>
    </message>
    <message>
        <source>Withhold the selected text from the copy, with a reason</source>
        <translation>Undanta den markerade texten från utdraget, med en motivering</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Språ&amp;k:</translation>
    </message>
    <message>
        <source>Redactions are recorded on an access request; open the copy from the request to redact.</source>
        <translation>Maskeringar registreras på en begäran om tillgång; öppna utdraget från begäran för att maskera.</translation>
    </message>
    <message>
        <source>Preview of the register copy</source>
        <translation>Förhandsgranskning av registerutdraget</translation>
    </message>
    <message>
        <source>Password for the PDF – give it by SMS or read it out, never by e-mail:</source>
        <translation>Lösenord till PDF-filen – lämna det via sms eller läs upp det, aldrig via e-post:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Mark as posted</source>
        <translation>Markera som postat</translation>
    </message>
    <message>
        <source>How the password reaches the person</source>
        <translation>Hur lösenordet når personen</translation>
    </message>
    <message>
        <source>Password by SMS</source>
        <translation>Lösenord via sms</translation>
    </message>
    <message>
        <source>Password by telephone</source>
        <translation>Lösenord per telefon</translation>
    </message>
    <message>
        <source>Password by letter</source>
        <translation>Lösenord per brev</translation>
    </message>
    <message>
        <source>Password at the counter</source>
        <translation>Lösenord i butiken</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Register copy – {reference}</source>
        <translation>Registerutdrag – {reference}</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>{pages} sidor</translation>
    </message>
    <message>
        <source>{title} – {count} to check</source>
        <translation>{title} – {count} att kontrollera</translation>
    </message>
    <message>
        <source>(redacted)</source>
        <translation>(maskerat)</translation>
    </message>
    <message>
        <source>No free texts in this copy.</source>
        <translation>Utdraget har inga fritexter.</translation>
    </message>
    <message>
        <source>Select the text to redact first.</source>
        <translation>Markera först texten som ska maskeras.</translation>
    </message>
    <message>
        <source>Why is this withheld? Say whose data it is (for example “the partner&apos;s name”).</source>
        <translation>Varför undanhålls detta? Skriv vems uppgifter det är (till exempel ”partnerns namn”).</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>skrivaren</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Inte utskrivet</translation>
    </message>
    <message>
        <source>{printer} is not available. Nothing was printed, and nothing is marked as sent.</source>
        <translation>{printer} är inte tillgänglig. Ingenting skrevs ut och ingenting är markerat som skickat.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Utskrivet</translation>
    </message>
    <message>
        <source>{pages} pages went to the printer. When the letter has gone, press “Mark as posted”.</source>
        <translation>{pages} sidor skickades till skrivaren. När brevet har skickats trycker du på ”Markera som postat”.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <source>The register copy was saved to {path}.</source>
        <translation>Registerutdraget sparades i {path}.</translation>
    </message>
    <message>
        <source>Posted on ({format}):</source>
        <translation>Postat den ({format}):</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as {format}.</source>
        <translation>”{text}” är inget datum; skriv det som {format}.</translation>
    </message>
    <message>
        <source>Send encrypted e-mail</source>
        <translation>Skicka krypterad e-post</translation>
    </message>
    <message>
        <source>Send the register copy, encrypted, to the registered address {address}? You will see the password afterwards: give it to the person another way ({channel}), never in the e-mail.</source>
        <translation>Skicka registerutdraget krypterat till den registrerade adressen {address}? Du ser lösenordet efteråt: lämna det till personen på annat sätt ({channel}), aldrig i e-postmeddelandet.</translation>
    </message>
    <message>
        <source>E-mail sent</source>
        <translation>E-post skickad</translation>
    </message>
    <message>
        <source>The encrypted copy was sent. Give the person this password another way than e-mail ({channel}): {password}</source>
        <translation>Den krypterade kopian har skickats. Lämna det här lösenordet till personen på annat sätt än via e-post ({channel}): {password}</translation>
    </message>
    <message>
        <source>Request {reference} is completed: {summary}</source>
        <translation>Begäran {reference} är slutförd: {summary}</translation>
    </message>
</context>
<context>
    <name>RequestHistory</name>
    <message>
        <source>filed</source>
        <translation>registrerad</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>identitet bekräftad</translation>
    </message>
    <message>
        <source>work started</source>
        <translation>arbetet påbörjat</translation>
    </message>
    <message>
        <source>submitted for approval</source>
        <translation>skickad för godkännande</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>underkänd</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>slutförd</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>avslagen</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>återkallad</translation>
    </message>
    <message>
        <source>deadline extended</source>
        <translation>tidsfristen förlängd</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>tilldelad</translation>
    </message>
    <message>
        <source>data rectified</source>
        <translation>uppgifter rättade</translation>
    </message>
    <message>
        <source>processing restricted</source>
        <translation>behandling begränsad</translation>
    </message>
    <message>
        <source>lift notice recorded</source>
        <translation>meddelande om hävning registrerat</translation>
    </message>
    <message>
        <source>restriction lifted</source>
        <translation>begränsning hävd</translation>
    </message>
    <message>
        <source>marketing stopped</source>
        <translation>marknadsföring stoppad</translation>
    </message>
    <message>
        <source>decision recorded</source>
        <translation>beslut registrerat</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>samtycke återkallat</translation>
    </message>
    <message>
        <source>export made</source>
        <translation>export gjord</translation>
    </message>
    <message>
        <source>letter sent</source>
        <translation>brev skickat</translation>
    </message>
    <message>
        <source>recipient notified</source>
        <translation>mottagare underrättad</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Mottagningsbekräftelse</translation>
    </message>
    <message>
        <source>Extension notice</source>
        <translation>Meddelande om förlängd tidsfrist</translation>
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
        <translation>Meddelande före hävning</translation>
    </message>
    <message>
        <source>rectification</source>
        <translation>rättelse</translation>
    </message>
    <message>
        <source>restriction</source>
        <translation>begränsning</translation>
    </message>
    <message>
        <source>objection upheld</source>
        <translation>invändning bifallen</translation>
    </message>
</context>
<context>
    <name>RequestLabels</name>
    <message>
        <source>Access</source>
        <extracomment>More open requests than this at once means the filter is too wide to read anyway.</extracomment>
        <translation>Tillgång</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rättelse</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <source>Restriction</source>
        <translation>Begränsning</translation>
    </message>
    <message>
        <source>Objection (legitimate interest)</source>
        <translation>Invändning (berättigat intresse)</translation>
    </message>
    <message>
        <source>Objection to direct marketing</source>
        <translation>Invändning mot direktmarknadsföring</translation>
    </message>
    <message>
        <source>Data portability</source>
        <translation>Dataportabilitet</translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation>Återkallelse av samtycke</translation>
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
        <translation>I butiken</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Webbformulär</translation>
    </message>
    <message>
        <source>{days} overdue</source>
        <translation>{days} efter tidsfristen</translation>
    </message>
    <message>
        <source>0 (due today)</source>
        <translation>0 (tidsfristen är i dag)</translation>
    </message>
</context>
<context>
    <name>RequestQueueModel</name>
    <message>
        <source>(duplicate)</source>
        <extracomment>Rows shown and the counts for the same filter, after each load. A load failed; the text is the service&apos;s.</extracomment>
        <translation>(dubblett)</translation>
    </message>
    <message>
        <source>(extended)</source>
        <translation>(förlängd)</translation>
    </message>
    <message>
        <source>{reference}: another open request of the same type exists for this customer</source>
        <translation>{reference}: kunden har en annan öppen begäran av samma typ</translation>
    </message>
    <message>
        <source>Overdue: the answer was due {date}</source>
        <translation>Försenad: svaret skulle ha lämnats senast {date}</translation>
    </message>
    <message>
        <source>Due soon: answer by {date}</source>
        <translation>Tidsfristen närmar sig: svara senast {date}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Handläggare</translation>
    </message>
</context>
<context>
    <name>RequestQueueWidget</name>
    <message>
        <source>Request queue</source>
        <extracomment>(request id, customer id; 0 when the customer has been erased) A load finished (rows shown).</extracomment>
        <translation>Kö med begäranden</translation>
    </message>
    <message>
        <source>Request type filter</source>
        <translation>Filter för typ av begäran</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Filter för status</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Alla öppna</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Filter för handläggare</translation>
    </message>
    <message>
        <source>Only requests assigned to you</source>
        <translation>Bara begäranden som är tilldelade dig</translation>
    </message>
    <message>
        <source>Read the queue again (F5)</source>
        <translation>Läs in kön på nytt (F5)</translation>
    </message>
    <message>
        <source>Only &amp;mine</source>
        <translation>Bara &amp;mina</translation>
    </message>
    <message>
        <source>Only &amp;overdue</source>
        <translation>Bara &amp;försenade</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>&amp;Handläggare:</translation>
    </message>
    <message>
        <source>Request counts</source>
        <translation>Antal begäranden</translation>
    </message>
    <message>
        <source>Queue limit notice</source>
        <translation>Meddelande om kögräns</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Läser in</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Begäranden</translation>
    </message>
    <message>
        <source>Read the request queue again</source>
        <translation>Läs kön med begäranden igen</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alla handläggare</translation>
    </message>
    <message>
        <source>Only the first {count} requests are shown; narrow the filter to see the rest.</source>
        <translation>Bara de första {count} begärandena visas; begränsa filtret för att se resten.</translation>
    </message>
    <message>
        <source>Open: {open} · overdue: {overdue} · due soon: {soon} · mine: {mine}</source>
        <translation>Öppna: {open} · försenade: {overdue} · förfaller snart: {soon} · mina: {mine}</translation>
    </message>
    <message>
        <source>Open by state: {states}</source>
        <translation>Öppna per status: {states}</translation>
    </message>
    <message>
        <source>Closed: {states}</source>
        <translation>Avslutade: {states}</translation>
    </message>
</context>
<context>
    <name>RequestViewWidget</name>
    <message>
        <source>Verify identity…</source>
        <extracomment>Steps of an erasure that belong to its erasure plan (issue 5), not to this screen. Types whose fulfilment panel completes the request itself: a bare &quot;Complete&quot; could only be refused.</extracomment>
        <translation>Bekräfta identitet…</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>Påbörja arbetet</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Skicka för godkännande</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Godkänn…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Underkänn…</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Slutför…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Avslå…</translation>
    </message>
    <message>
        <source>Withdrawn…</source>
        <translation>Återkallad…</translation>
    </message>
    <message>
        <source>Extend the deadline…</source>
        <translation>Förläng tidsfristen…</translation>
    </message>
    <message>
        <source>Request</source>
        <extracomment>The key of the calls about the request on screen (`Operations`). A request was changed from this screen (request id): the queue should refresh. A request is on screen (request id). The agent asked to open the request&apos;s customer (customer id). The desk&apos;s services; the panels open the erasure plan and the register copy with theirs. Mail with an attachment (the register copy), as the settings say when it is sent.</extracomment>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>No request is open.

Double-click a request in the queue.</source>
        <translation>Ingen begäran är öppen.

Dubbelklicka på en begäran i kön.</translation>
    </message>
    <message>
        <source>Read the open request again</source>
        <translation>Läs den öppna begäran igen</translation>
    </message>
    <message>
        <source>Request title</source>
        <translation>Begärans rubrik</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kund:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Mottagen:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Tidsfrist:</translation>
    </message>
    <message>
        <source>Days left:</source>
        <translation>Dagar kvar:</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Handläggare:</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identitet:</translation>
    </message>
    <message>
        <source>Filed:</source>
        <translation>Registrerad:</translation>
    </message>
    <message>
        <source>Open the customer</source>
        <translation>Öppna kunden</translation>
    </message>
    <message>
        <source>Restriction notice</source>
        <translation>Meddelande om begränsning</translation>
    </message>
    <message>
        <source>Processing is restricted for this customer: the data may only be stored. No marketing, no exports to third parties; other use needs consent or legal claims.</source>
        <translation>Behandlingen är begränsad för den här kunden: uppgifterna får bara lagras. Ingen marknadsföring och inget utlämnande till tredje part; annan användning kräver samtycke eller rättsliga anspråk.</translation>
    </message>
    <message>
        <source>Duplicate notice</source>
        <translation>Meddelande om dubblett</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Record that the person withdrew the request</source>
        <translation>Registrera att personen har återkallat begäran</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Tilldela mig</translation>
    </message>
    <message>
        <source>The request is closed; file a new request if the person asks again.</source>
        <translation>Begäran är avslutad; registrera en ny begäran om personen frågar igen.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Steg</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Notices to recipients</source>
        <translation>Underrättelser till mottagare</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>Underrättelsens text</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Markera som skickad</translation>
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
        <translation>Brevets text</translation>
    </message>
    <message>
        <source>Show the acknowledgement</source>
        <translation>Visa mottagningsbekräftelsen</translation>
    </message>
    <message>
        <source>The receipt to send the person: reference and answer date</source>
        <translation>Bekräftelsen till personen: referens och sista svarsdag</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>Genomförande</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Detaljer om begäran</translation>
    </message>
    <message>
        <source>Recipients (Art. 19)</source>
        <translation>Mottagare (art. 19)</translation>
    </message>
    <message>
        <source>Opening the request…</source>
        <translation>Öppnar begäran…</translation>
    </message>
    <message>
        <source>GDPR Art. {article}</source>
        <translation>Dataskyddsförordningen art. {article}</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(raderad)</translation>
    </message>
    <message>
        <source>{due}, extended to {extended}</source>
        <translation>{due}, förlängd till {extended}</translation>
    </message>
    <message>
        <source>Reason for the extension: {reason}</source>
        <translation>Skäl till förlängningen: {reason}</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>bekräftad</translation>
    </message>
    <message>
        <source>not verified yet</source>
        <translation>inte bekräftad ännu</translation>
    </message>
    <message>
        <source>not needed for this request</source>
        <translation>behövs inte för den här begäran</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} av {who}</translation>
    </message>
    <message>
        <source>Filed as a duplicate: {reference} of the same type was open for this customer at the time.</source>
        <translation>Registrerad som dubblett: {reference} av samma typ var öppen för den här kunden vid tillfället.</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Avslagen: {reason}</translation>
    </message>
    <message>
        <source>Withdrawn by the person on {date}.</source>
        <translation>Återkallad av personen den {date}.</translation>
    </message>
    <message>
        <source>(sent {date} via {via})</source>
        <translation>(skickad {date} via {via})</translation>
    </message>
    <message>
        <source>Done: {summary}</source>
        <translation>Klar: {summary}</translation>
    </message>
    <message>
        <source>History ({count})</source>
        <translation>Historik ({count})</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>inte skickad</translation>
    </message>
    <message>
        <source>Recipients (Art. 19): {waiting} to send</source>
        <translation>Mottagare (art. 19): {waiting} att skicka</translation>
    </message>
    <message>
        <source>Recipients (Art. 19) ({count})</source>
        <translation>Mottagare (art. 19) ({count})</translation>
    </message>
    <message>
        <source>{date} via {via}</source>
        <translation>{date} via {via}</translation>
    </message>
    <message>
        <source>Letters: {waiting} to send</source>
        <translation>Brev: {waiting} att skicka</translation>
    </message>
    <message>
        <source>Letters ({count})</source>
        <translation>Brev ({count})</translation>
    </message>
    <message>
        <source>{message} The request has been reloaded: check it and try again.</source>
        <translation>{message} Begäran har lästs in på nytt: kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>Verify identity</source>
        <translation>Bekräfta identitet</translation>
    </message>
    <message>
        <source>How was the identity verified? For example: one-time code to the registered e-mail, or ID card seen at the counter (never write the ID number).</source>
        <translation>Hur bekräftades identiteten? Till exempel: engångskod till registrerad e-post eller id-handling som visats i butiken (skriv aldrig id-numret).</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Underkänn</translation>
    </message>
    <message>
        <source>Write the grounds for the decision; they are recorded and given to the person.</source>
        <translation>Skriv motiveringen till beslutet; den registreras och lämnas till personen.</translation>
    </message>
    <message>
        <source>Complete the request</source>
        <translation>Slutför begäran</translation>
    </message>
    <message>
        <source>What was sent to the person, and how?</source>
        <translation>Vad skickades till personen, och hur?</translation>
    </message>
    <message>
        <source>Refuse the request</source>
        <translation>Avslå begäran</translation>
    </message>
    <message>
        <source>Write the reason for the refusal. It goes to the person in the refusal letter, with their right to complain to Datatilsynet.</source>
        <translation>Skriv skälet till avslaget. Det skickas till personen i avslagsbrevet, tillsammans med rätten att klaga hos Datatilsynet.</translation>
    </message>
    <message>
        <source>Withdrawn by the person</source>
        <translation>Återkallad av personen</translation>
    </message>
    <message>
        <source>Record that the person withdrew {reference}? The request closes and cannot be reopened.</source>
        <translation>Registrera att personen har återkallat {reference}? Begäran avslutas och kan inte öppnas igen.</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Förläng tidsfristen</translation>
    </message>
    <message>
        <source>Why does the request need up to two more months? The reason is sent to the person in the extension notice (GDPR Art. 12(3)).</source>
        <translation>Varför behöver begäran upp till två månader till? Skälet skickas till personen i meddelandet om förlängd tidsfrist (dataskyddsförordningen art. 12.3).</translation>
    </message>
    <message>
        <source>The deadline is extended to {date}. Send the extension notice to the person now; it is under Letters.</source>
        <translation>Tidsfristen är förlängd till {date}. Skicka meddelandet om förlängd tidsfrist till personen nu; det finns under Brev.</translation>
    </message>
    <message>
        <source>Extension notice</source>
        <translation>Meddelande om förlängd tidsfrist</translation>
    </message>
</context>
<context>
    <name>RequestsUi</name>
    <message>
        <source>&amp;Requests</source>
        <extracomment>A request was filed from the menu (request id, customer id).</extracomment>
        <translation>&amp;Begäranden</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Ny begäran…</translation>
    </message>
    <message>
        <source>File a data-protection request for the customer on screen</source>
        <translation>Registrera en dataskyddsbegäran för kunden som visas</translation>
    </message>
    <message>
        <source>Request &amp;queue</source>
        <translation>&amp;Kö med begäranden</translation>
    </message>
    <message>
        <source>Every open request with its deadline</source>
        <translation>Alla öppna begäranden med tidsfrist</translation>
    </message>
    <message>
        <source>&amp;Erasure approval</source>
        <translation>&amp;Godkännande av radering</translation>
    </message>
    <message>
        <source>Erasures waiting for a supervisor&apos;s approval (four eyes)</source>
        <translation>Raderingar som väntar på godkännande av en teamledare (fyraögonsprincipen)</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Ny begäran</translation>
    </message>
    <message>
        <source>Open the customer first: search for the person and press Enter, then file the request.</source>
        <translation>Öppna kunden först: sök efter personen och tryck på Enter, och registrera sedan begäran.</translation>
    </message>
    <message>
        <source>Filed {reference}</source>
        <translation>Registrerade {reference}</translation>
    </message>
    <message>
        <source>Erasure approval – {app}</source>
        <translation>Godkännande av radering – {app}</translation>
    </message>
    <message>
        <source>Close the erasure approval window</source>
        <translation>Stäng fönstret för godkännande av radering</translation>
    </message>
</context>
<context>
    <name>RequestsWindow</name>
    <message>
        <source>Requests – {app}</source>
        <translation>Begäranden – {app}</translation>
    </message>
    <message>
        <source>Close the requests window</source>
        <translation>Stäng fönstret med begäranden</translation>
    </message>
</context>
<context>
    <name>RestrictionPanel</name>
    <message>
        <source>Purposes to restrict</source>
        <extracomment>A lift notice gives the person this many days&apos; warning unless the agent picks another date.</extracomment>
        <translation>Ändamål som ska begränsas</translation>
    </message>
    <message>
        <source>Restrict processing</source>
        <translation>Begränsa behandlingen</translation>
    </message>
    <message>
        <source>Restriction status</source>
        <translation>Status för begränsning</translation>
    </message>
    <message>
        <source>Restrict (Art. 18)</source>
        <translation>Begränsa (art. 18)</translation>
    </message>
    <message>
        <source>Tick the purposes the person contests, or none for all their data. Records that also serve another purpose stay usable for that purpose.</source>
        <translation>Kryssa för de ändamål som personen bestrider, eller inget för alla uppgifter. Uppgifter som även används för ett annat ändamål kan fortfarande användas för det.</translation>
    </message>
    <message>
        <source>Why the restriction ends</source>
        <translation>Varför begränsningen hävs</translation>
    </message>
    <message>
        <source>for example: the accuracy check is finished</source>
        <translation>till exempel: kontrollen av riktigheten är klar</translation>
    </message>
    <message>
        <source>Lift on</source>
        <translation>Hävs den</translation>
    </message>
    <message>
        <source>Record the notice to the person</source>
        <translation>Registrera meddelandet till personen</translation>
    </message>
    <message>
        <source>Notice sent on</source>
        <translation>Meddelandet skickat den</translation>
    </message>
    <message>
        <source>Lift the restriction</source>
        <translation>Häv begränsningen</translation>
    </message>
    <message>
        <source>Lift (the person is told first, Art. 18(3))</source>
        <translation>Häv (personen underrättas först, art. 18.3)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Skäl:</translation>
    </message>
    <message>
        <source>Lift on:</source>
        <translation>Hävs den:</translation>
    </message>
    <message>
        <source>Notice sent on:</source>
        <translation>Meddelandet skickat den:</translation>
    </message>
    <message>
        <source>{count} records are restricted under this request.</source>
        <translation>{count} poster är begränsade inom den här begäran.</translation>
    </message>
    <message>
        <source>The restriction has been lifted.</source>
        <translation>Begränsningen har hävts.</translation>
    </message>
    <message>
        <source>Nothing is restricted under this request yet.</source>
        <translation>Ingenting är begränsat inom den här begäran ännu.</translation>
    </message>
    <message>
        <source>The notice is recorded as sent today. Send this text to the person; lift the restriction on or after {date}.</source>
        <translation>Meddelandet är registrerat som skickat i dag. Skicka den här texten till personen; häv begränsningen den {date} eller senare.</translation>
    </message>
    <message>
        <source>Notice to the person</source>
        <translation>Meddelande till personen</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Show the identity number</source>
        <translation>Visa personnumret</translation>
    </message>
    <message>
        <source>The full identity number is shown for {seconds} seconds and then hidden again. It is written to the access log with your reason.</source>
        <translation>Hela personnumret visas i {seconds} sekunder och döljs sedan igen. Det skrivs i åtkomstloggen tillsammans med ditt skäl.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>For example: the customer asks us to confirm the number</source>
        <translation>Till exempel: kunden ber oss bekräfta numret</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Ditt lösenord</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>Ditt &amp;lösenord:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Write why the full number is needed.</source>
        <translation>Skriv varför hela numret behövs.</translation>
    </message>
</context>
<context>
    <name>RollForwardAction</name>
    <message>
        <source>Move deadlines off &amp;weekends and holidays</source>
        <translation>Flytta frister från &amp;helger och helgdagar</translation>
    </message>
    <message>
        <source>A rule of the organisation, the same on every workstation; only an administrator may change it</source>
        <translation>En regel för hela organisationen, densamma på alla arbetsstationer; bara en administratör kan ändra den</translation>
    </message>
    <message>
        <source>Due dates on a Saturday, Sunday or public holiday will move to the next working day for every request filed from now on, on every workstation. Turn this on?</source>
        <translation>Frister som infaller på en lördag, söndag eller helgdag flyttas till nästa vardag för alla ärenden som registreras från och med nu, på alla arbetsstationer. Slå på detta?</translation>
    </message>
    <message>
        <source>Due dates will stay on the day one month after receipt, even on a weekend or holiday, for every request filed from now on. Turn this off?</source>
        <translation>Fristerna ligger kvar på dagen en månad efter mottagandet, även på en helg eller helgdag, för alla ärenden som registreras från och med nu. Slå av detta?</translation>
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
        <translation>Sökningen misslyckades oväntat. Försök igen; säg till IT om det fortsätter.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>Kundnr</translation>
    </message>
    <message>
        <source>E-mail (masked)</source>
        <translation>E-post (maskerad)</translation>
    </message>
    <message>
        <source>Phone (masked)</source>
        <translation>Telefon (maskerat)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>ServiceWorker</name>
    <message>
        <source>Something went wrong unexpectedly ({error}). Try again; if it keeps failing, tell IT.</source>
        <translation>Något gick oväntat fel ({error}). Försök igen; säg till IT om det fortsätter.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings - {app}</source>
        <extracomment>True/False, or None when there is no keyring to ask.</extracomment>
        <translation>Inställningar - {app}</translation>
    </message>
    <message>
        <source>Keyring notice</source>
        <translation>Meddelande om nyckelring</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Delar av inställningarna</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Databas</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allmänt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Spara inställningarna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Avbryt utan att spara</translation>
    </message>
    <message>
        <source>{field}: problem</source>
        <translation>{field}: problem</translation>
    </message>
    <message>
        <source>{field}: stored state</source>
        <translation>{field}: sparat läge</translation>
    </message>
    <message>
        <source>Remove the stored password when saving</source>
        <translation>Ta bort det sparade lösenordet när du sparar</translation>
    </message>
    <message>
        <source>Where this workstation keeps the desk&apos;s data. A change here takes effect the next time {app} starts.</source>
        <translation>Var den här arbetsstationen har datan för {app}. En ändring här gäller från nästa gång {app} startar.</translation>
    </message>
    <message>
        <source>E&amp;mbedded database on this computer (SQLite)</source>
        <translation>&amp;Inbyggd databas på den här datorn (SQLite)</translation>
    </message>
    <message>
        <source>Embedded database on this computer</source>
        <translation>Inbyggd databas på den här datorn</translation>
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
        <translation>Inbyggd databas</translation>
    </message>
    <message>
        <source>Default: {path}</source>
        <translation>Standard: {path}</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Välj databasfilen</translation>
    </message>
    <message>
        <source>Database &amp;file:</source>
        <translation>Databas&amp;fil:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasfil</translation>
    </message>
    <message>
        <source>Leave empty for the default file in the data folder. A file that does not exist yet is created at the next start.</source>
        <translation>Lämna fältet tomt för standardfilen i datamappen. En fil som inte finns än skapas vid nästa start.</translation>
    </message>
    <message>
        <source>e.g. db.example.internal</source>
        <translation>t.ex. db.example.internal</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Värd:</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Serverns värdnamn</translation>
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
        <translation>Databas&amp;namn:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Databasnamn</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Anv&amp;ändare:</translation>
    </message>
    <message>
        <source>Database user</source>
        <translation>Databasanvändare</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Databaslösenord</translation>
    </message>
    <message>
        <source>Remove the stored database password</source>
        <translation>Ta bort det sparade databaslösenordet</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Testa anslutnin&amp;gen</translation>
    </message>
    <message>
        <source>Test the database connection</source>
        <translation>Testa anslutningen till databasen</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Testar anslutningen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultat av anslutningstestet</translation>
    </message>
    <message>
        <source>The mail server that sends one-time codes to customers. Leave the server empty if this workstation does not send e-mail.</source>
        <translation>E-postservern som skickar engångskoder till kunderna. Lämna servern tom om den här arbetsstationen inte skickar e-post.</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>t.ex. smtp.example.com</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (vanligen port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS från början (vanligen port 465)</translation>
    </message>
    <message>
        <source>None: unencrypted (only inside a trusted network)</source>
        <translation>Ingen: okrypterad (bara i ett betrott nätverk)</translation>
    </message>
    <message>
        <source>e.g. privacy@example.com</source>
        <translation>t.ex. dataskydd@example.com</translation>
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
        <translation>Port på e-postservern</translation>
    </message>
    <message>
        <source>Mail user</source>
        <translation>E-postanvändare</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>E-postlösenord</translation>
    </message>
    <message>
        <source>Remove the stored mail password</source>
        <translation>Ta bort det sparade e-postlösenordet</translation>
    </message>
    <message>
        <source>Se&amp;nder address:</source>
        <translation>Avsända&amp;radress:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Avsändaradress</translation>
    </message>
    <message>
        <source>Send a &amp;test mail…</source>
        <translation>Skicka ett &amp;testmeddelande…</translation>
    </message>
    <message>
        <source>Send a test mail with these settings</source>
        <translation>Skicka ett testmeddelande med de här inställningarna</translation>
    </message>
    <message>
        <source>Sending the test mail</source>
        <translation>Skickar testmeddelandet</translation>
    </message>
    <message>
        <source>Test mail result</source>
        <translation>Resultat av testmeddelandet</translation>
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
        <translation>Gäller från nästa gång {app} startar.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Lås efter inaktivitet:</translation>
    </message>
    <message>
        <source>Lock the desk after this many idle minutes</source>
        <translation>Lås programmet efter så många minuter utan användning</translation>
    </message>
    <message>
        <source>The desk locks itself when nobody has used it for this long ({low} to {high} minutes).</source>
        <translation>Programmet låser sig självt när ingen har använt det så länge ({low} till {high} minuter).</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite-databaser (*.sqlite3 *.sqlite *.db);;Alla filer (*)</translation>
    </message>
    <message>
        <source>No keyring: a password cannot be stored on this computer.</source>
        <translation>Ingen nyckelring: ett lösenord kan inte sparas på den här datorn.</translation>
    </message>
    <message>
        <source>A password is stored in the keyring. Leave the field empty to keep it.</source>
        <translation>Ett lösenord är sparat i nyckelringen. Lämna fältet tomt för att behålla det.</translation>
    </message>
    <message>
        <source>Stored in the keyring</source>
        <translation>Sparat i nyckelringen</translation>
    </message>
    <message>
        <source>No password is stored.</source>
        <translation>Inget lösenord är sparat.</translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation>Inte sparat</translation>
    </message>
    <message>
        <source>Enter the port number.</source>
        <translation>Ange portnumret.</translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535.</source>
        <translation>Porten måste vara ett heltal från 1 till 65535.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Ange serverns värdnamn eller adress.</translation>
    </message>
    <message>
        <source>A host name has no spaces or slashes, e.g. db.example.internal.</source>
        <translation>Ett värdnamn har inga mellanslag eller snedstreck, t.ex. db.example.internal.</translation>
    </message>
    <message>
        <source>Enter the full path of the file, or choose it with Browse….</source>
        <translation>Ange hela sökvägen till filen, eller välj den med Bläddra….</translation>
    </message>
    <message>
        <source>This is a folder. Enter the path of a database file in it.</source>
        <translation>Det här är en mapp. Ange sökvägen till en databasfil i den.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Ange namnet på databasen på servern.</translation>
    </message>
    <message>
        <source>Enter the database user name.</source>
        <translation>Ange användarnamnet i databasen.</translation>
    </message>
    <message>
        <source>Enter one e-mail address, e.g. privacy@example.com.</source>
        <translation>Ange en e-postadress, t.ex. dataskydd@example.com.</translation>
    </message>
    <message>
        <source>A password needs a user name.</source>
        <translation>Ett lösenord kräver ett användarnamn.</translation>
    </message>
    <message>
        <source>Enter the mail server, or clear the other e-mail fields.</source>
        <translation>Ange e-postservern, eller töm de andra e-postfälten.</translation>
    </message>
    <message>
        <source>Testing the connection to {target}…</source>
        <translation>Testar anslutningen till {target}…</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {version} at {target}. The GDPR Desk tables are up to date and the server writes safely to disk (fsync on).</source>
        <translation>Ansluten till PostgreSQL {version} på {target}. GDPR Desk-tabellerna är uppdaterade och servern skriver säkert till disk (fsync på).</translation>
    </message>
    <message>
        <source>This is a GDPR Desk database and it is up to date (SQLite {version}): {target}</source>
        <translation>Det här är en GDPR Desk-databas och den är uppdaterad (SQLite {version}): {target}</translation>
    </message>
    <message>
        <source>There is no database at {target} yet. A new, empty one will be created there the next time {app} starts.</source>
        <translation>Det finns ingen databas på {target} än. En ny, tom databas skapas där nästa gång {app} startar.</translation>
    </message>
    <message>
        <source>{app} may not write to {target} or to its folder. Choose another place, or ask IT for write access.</source>
        <translation>{app} får inte skriva till {target} eller mappen den ligger i. Välj en annan plats, eller be IT om skrivrättighet.</translation>
    </message>
    <message>
        <source>{target} is not a database, or it is damaged. Choose another file.</source>
        <translation>{target} är inte en databas, eller så är den skadad. Välj en annan fil.</translation>
    </message>
    <message>
        <source>The server at {target} does not answer ({detail}). Check the host name and the port, and that the server is running and lets this computer in; then test again.</source>
        <translation>Servern på {target} svarar inte ({detail}). Kontrollera värdnamnet och porten, och att servern är igång och släpper in den här datorn; testa sedan igen.</translation>
    </message>
    <message>
        <source>The server refused the user name or password for {user}. Type the password again and test again.</source>
        <translation>Servern avvisade användarnamnet eller lösenordet för {user}. Skriv lösenordet igen och testa igen.</translation>
    </message>
    <message>
        <source>The server asks for a password for {user}, and none is stored. Type it in the Password field and test again.</source>
        <translation>Servern ber om ett lösenord för {user}, och inget lösenord är sparat. Skriv det i lösenordsfältet och testa igen.</translation>
    </message>
    <message>
        <source>The server does not let {user} in ({detail}). Check the user name, or ask the database administrator to give this user access from this computer.</source>
        <translation>Servern släpper inte in {user} ({detail}). Kontrollera användarnamnet, eller be databasadministratören ge den här användaren åtkomst från den här datorn.</translation>
    </message>
    <message>
        <source>The server has no database called {name}. Check the name, or ask the database administrator to create it and run &apos;gdpr-desk db init-team&apos; on it.</source>
        <translation>Servern har ingen databas som heter {name}. Kontrollera namnet, eller be databasadministratören skapa den och köra &apos;gdpr-desk db init-team&apos; på den.</translation>
    </message>
    <message>
        <source>Connected, but the database has no GDPR Desk tables yet. Ask the database administrator to run &apos;gdpr-desk db init-team&apos; on it.</source>
        <translation>Ansluten, men databasen har inga GDPR Desk-tabeller än. Be databasadministratören köra &apos;gdpr-desk db init-team&apos; på den.</translation>
    </message>
    <message>
        <source>{target} is a database, but not a GDPR Desk one. Choose another file.</source>
        <translation>{target} är en databas, men inte en GDPR Desk-databas. Välj en annan fil.</translation>
    </message>
    <message>
        <source>The database needs an upgrade (it has schema {found}, this version needs {needed}). Run &apos;gdpr-desk db upgrade&apos; (on a team server, as the database owner).</source>
        <translation>Databasen måste uppgraderas (den har schema {found}, den här versionen behöver {needed}). Kör &apos;gdpr-desk db upgrade&apos; (på en teamserver som databasens ägare).</translation>
    </message>
    <message>
        <source>The database was upgraded by a newer {app} (schema {found}). Install the newer version on this computer.</source>
        <translation>Databasen har uppgraderats av en nyare {app} (schema {found}). Installera den nyare versionen på den här datorn.</translation>
    </message>
    <message>
        <source>The server runs with {setting}: a crash could lose access-log entries, so {app} will not use it. Ask the database administrator to turn it on.</source>
        <translation>Servern körs med {setting}: en krasch kan förlora poster i åtkomstloggen, så {app} använder den inte. Be databasadministratören slå på det.</translation>
    </message>
    <message>
        <source>The connection test failed: {detail}</source>
        <translation>Anslutningstestet misslyckades: {detail}</translation>
    </message>
    <message>
        <source>Enter the mail server.</source>
        <translation>Ange e-postservern.</translation>
    </message>
    <message>
        <source>Send a test mail</source>
        <translation>Skicka ett testmeddelande</translation>
    </message>
    <message>
        <source>Send the test mail to:</source>
        <translation>Skicka testmeddelandet till:</translation>
    </message>
    <message>
        <source>{app}: test mail</source>
        <translation>{app}: testmeddelande</translation>
    </message>
    <message>
        <source>This is a test mail from {app}. The e-mail settings of this workstation work.</source>
        <translation>Det här är ett testmeddelande från {app}. E-postinställningarna på den här arbetsstationen fungerar.</translation>
    </message>
    <message>
        <source>Sending a test mail to {to}…</source>
        <translation>Skickar ett testmeddelande till {to}…</translation>
    </message>
    <message>
        <source>The test mail was sent to {to}. Check that it arrived.</source>
        <translation>Testmeddelandet skickades till {to}. Kontrollera att det kom fram.</translation>
    </message>
    <message>
        <source>The test mail could not be sent: {reason}</source>
        <translation>Testmeddelandet kunde inte skickas: {reason}</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Inställningarna är sparade</translation>
    </message>
    <message>
        <source>The settings are saved. The new database or language is used the next time {app} starts.</source>
        <translation>Inställningarna är sparade. Den nya databasen eller det nya språket används nästa gång {app} startar.</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>No keyring is available on this computer, so passwords cannot be stored safely. Windows and macOS have one built in; on Linux install and unlock a Secret Service keyring such as GNOME Keyring or KWallet (for example &apos;sudo apt-get install gnome-keyring&apos;) and sign in again. Or let the server trust this computer (trust or peer authentication) and leave the password empty.</source>
        <translation>Den här datorn har ingen nyckelring, så lösenord kan inte sparas säkert. Windows och macOS har en inbyggd; på Linux installerar och låser du upp en Secret Service-nyckelring som GNOME Keyring eller KWallet (till exempel &apos;sudo apt-get install gnome-keyring&apos;) och loggar in igen. Eller låt servern lita på den här datorn (trust- eller peer-autentisering) och lämna lösenordet tomt.</translation>
    </message>
    <message>
        <source>The settings could not be written to {file}. Check that the disk is not full and that the file is not read-only, then save again.</source>
        <translation>Inställningarna kunde inte skrivas till {file}. Kontrollera att disken inte är full och att filen inte är skrivskyddad, och spara sedan igen.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Down arrow</source>
        <extracomment>Keys that are behaviour, not installed shortcuts: (key, what it does), translated when shown.</extracomment>
        <translation>Nedåtpil</translation>
    </message>
    <message>
        <source>From the search box to the results</source>
        <translation>Från sökfältet till resultaten</translation>
    </message>
    <message>
        <source>Up arrow</source>
        <translation>Uppåtpil</translation>
    </message>
    <message>
        <source>From the first result back to the search box</source>
        <translation>Från första resultatet tillbaka till sökfältet</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected customer or request; press the focused button</source>
        <translation>Öppna den valda kunden eller begäran; tryck på knappen som har fokus</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Blanksteg</translation>
    </message>
    <message>
        <source>Press the focused button; tick the focused box</source>
        <translation>Tryck på knappen som har fokus; kryssa i rutan som har fokus</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Nästa eller föregående fält</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>Next tab, where a view has tabs</source>
        <translation>Nästa flik, där en vy har flikar</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+understruken bokstav</translation>
    </message>
    <message>
        <source>The menu, button or field with that letter</source>
        <translation>Menyn, knappen eller fältet med den bokstaven</translation>
    </message>
    <message>
        <source>Esc (in a dialog)</source>
        <translation>Esc (i en dialogruta)</translation>
    </message>
    <message>
        <source>Close the dialog without doing anything</source>
        <translation>Stäng dialogrutan utan att göra något</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>What each key does in this window. Menus open with Alt and the underlined letter.</source>
        <translation>Vad varje tangent gör i det här fönstret. Menyerna öppnas med Alt och den understrukna bokstaven.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tangent</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>{app} cannot start</source>
        <extracomment>Makes the settings store the services are composed from (one per thread that reads it). The database came from Settings (no --db): a failed open offers Settings and a retry. Opens the desk off the GUI thread, as every other background call.</extracomment>
        <translation>{app} kan inte starta</translation>
    </message>
    <message>
        <source>{error}

Open Settings to correct the database connection and try again?</source>
        <translation>{error}

Vill du öppna Inställningar för att rätta databasanslutningen och försöka igen?</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify identity – {name}</source>
        <extracomment>Any state read while the dialog is open (attempts left, a lockout), for the profile header.</extracomment>
        <translation>Bekräfta identitet – {name}</translation>
    </message>
    <message>
        <source>Who is calling? {name}, {number}</source>
        <translation>Vem ringer? {name}, {number}</translation>
    </message>
    <message>
        <source>Use the least intrusive method that removes reasonable doubt. None of them needs the identity number: do not ask for it.</source>
        <translation>Använd den minst ingripande metoden som undanröjer rimliga tvivel. Ingen av dem kräver personnumret: fråga inte efter det.</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Återstående försök</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>Spärr</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Metoder</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbetar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Finding out which questions the record can answer…</source>
        <translation>Tar reda på vilka frågor kundregistret kan besvara…</translation>
    </message>
    <message>
        <source>Questions the record can answer</source>
        <translation>Frågor som kundregistret kan besvara</translation>
    </message>
    <message>
        <source>Street or postcode</source>
        <translation>Gatuadress eller postnummer</translation>
    </message>
    <message>
        <source>Ask at least two. If an answer is wrong, do not say which one: that would help someone guessing.</source>
        <translation>Ställ minst två. Om ett svar är fel, säg inte vilket: det skulle hjälpa den som gissar.</translation>
    </message>
    <message>
        <source>E-mail to {address}</source>
        <translation>E-post till {address}</translation>
    </message>
    <message>
        <source>E-mail (none registered)</source>
        <translation>E-post (ingen registrerad)</translation>
    </message>
    <message>
        <source>SMS to {number}</source>
        <translation>Sms till {number}</translation>
    </message>
    <message>
        <source>SMS (no mobile number registered)</source>
        <translation>Sms (inget mobilnummer registrerat)</translation>
    </message>
    <message>
        <source>Code sent</source>
        <translation>Koden skickad</translation>
    </message>
    <message>
        <source>Test set-up: text messages are written to the file {path}</source>
        <translation>Testmiljö: sms skrivs till filen {path}</translation>
    </message>
    <message>
        <source>Code the customer reads out</source>
        <translation>Koden som kunden läser upp</translation>
    </message>
    <message>
        <source>Send a code to what is registered, never to an address the caller gives:</source>
        <translation>Skicka en kod till det som är registrerat, aldrig till en adress som den som ringer uppger:</translation>
    </message>
    <message>
        <source>Only when the customer is at the counter. Look at the document and compare photo and name. Record its kind and last digits; no copy or image is stored.</source>
        <translation>Bara när kunden är på plats i butiken. Titta på id-handlingen och jämför foto och namn. Registrera typ och de sista siffrorna; ingen kopia eller bild sparas.</translation>
    </message>
    <message>
        <source>This contact is by {channel}. Choose the channel &quot;{counter}&quot; in the profile to use this method.</source>
        <translation>Den här kontakten sker via {channel}. Välj kanalen ”{counter}” i profilen för att använda den här metoden.</translation>
    </message>
    <message>
        <source>Document kind</source>
        <translation>Typ av id-handling</translation>
    </message>
    <message>
        <source>Last digits of the document number</source>
        <translation>De sista siffrorna i handlingens nummer</translation>
    </message>
    <message>
        <source>When the customer has signed in with an electronic ID, record the provider and the transaction reference it gave. Not the identity number.</source>
        <translation>När kunden har loggat in med e-legitimation registrerar du leverantören och den transaktionsreferens den gav. Inte personnumret.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Frågor</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>&amp;Engångskod</translation>
    </message>
    <message>
        <source>ID &amp;document</source>
        <translation>&amp;Id-handling</translation>
    </message>
    <message>
        <source>&amp;Electronic ID</source>
        <translation>E-&amp;legitimation</translation>
    </message>
    <message>
        <source>Check the &amp;answers</source>
        <translation>Kontrollera s&amp;varen</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>&amp;Skicka kod</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bekräfta</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>K&amp;od:</translation>
    </message>
    <message>
        <source>Doc&amp;ument:</source>
        <translation>Id-ha&amp;ndling:</translation>
    </message>
    <message>
        <source>&amp;Last 2–4 digits:</source>
        <translation>Sista 2–4 &amp;siffrorna:</translation>
    </message>
    <message>
        <source>Document &amp;matches</source>
        <translation>Id-handlingen stämme&amp;r</translation>
    </message>
    <message>
        <source>Does &amp;not match</source>
        <translation>Stämmer in&amp;te</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>Le&amp;verantör:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referens:</translation>
    </message>
    <message>
        <source>Verification is locked after three failed attempts: {minutes} min left (until {time}).</source>
        <translation>Verifieringen är låst efter tre misslyckade försök: {minutes} min kvar (till kl. {time}).</translation>
    </message>
    <message>
        <source>No attempts left.</source>
        <translation>Inga försök kvar.</translation>
    </message>
    <message>
        <source>1 attempt left before verification is locked.</source>
        <translation>1 försök kvar innan verifieringen låses.</translation>
    </message>
    <message>
        <source>{count} attempts left before verification is locked.</source>
        <translation>{count} försök kvar innan verifieringen låses.</translation>
    </message>
    <message>
        <source>The record can answer: {kinds}.</source>
        <translation>Kundregistret kan besvara: {kinds}.</translation>
    </message>
    <message>
        <source>The record has no orders or deliveries to ask about: choose another method.</source>
        <translation>Kundregistret har inga beställningar eller leveranser att fråga om: välj en annan metod.</translation>
    </message>
    <message>
        <source>Fill in at least two answers.</source>
        <translation>Fyll i minst två svar.</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>sms</translation>
    </message>
    <message>
        <source>A code was sent by {how} to {to}. It is valid until {time}; ask the customer to read it out.</source>
        <translation>En kod har skickats via {how} till {to}. Den gäller till kl. {time}; be kunden läsa upp den.</translation>
    </message>
    <message>
        <source>Type the code the customer reads out.</source>
        <translation>Skriv in koden som kunden läser upp.</translation>
    </message>
</context>
<context>
    <name>WrittenFiles</name>
    <message>
        <source>Files saved for this person</source>
        <translation>Filer sparade för den här personen</translation>
    </message>
    <message>
        <source>The desk saved these files for the person. Remove them by hand:

{files}</source>
        <translation>Desken sparade de här filerna för personen. Ta bort dem för hand:

{files}</translation>
    </message>
    <message>
        <source>The desk saved these files for the person:

{files}

Remove those still where they were saved? Files that were changed or are on another workstation are left alone.</source>
        <translation>Desken sparade de här filerna för personen:

{files}

Ta bort dem som fortfarande ligger där de sparades? Filer som har ändrats eller ligger på en annan dator lämnas orörda.</translation>
    </message>
</context>
</TS>
