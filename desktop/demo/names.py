"""Word lists for the demo register: names, places, products and the text people write.

Lists are ordered most common first; the generator weights the head of each name list, so the
register has many Hansens and Anderssons and a long tail of Ødegårds, Mæhles and Lindströms, the
names whose letters search and sorting must get right. Postcodes are real codes with their real
post towns; streets are common street names, not a claim that each exists in every town.
"""

from __future__ import annotations

# --- people ------------------------------------------------------------------------------------

NO_FEMALE: tuple[str, ...] = (
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Hilde", "Berit", "Astrid",
    "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth", "Kristin", "Silje",
    "Bjørg", "Hanne", "Tone", "Ingeborg", "Sigrid", "Åse", "Guro", "Mette", "Nora", "Emma",
    "Sofie", "Thea", "Ingvild", "Synnøve", "Kjersti", "Tove", "Gro", "Ragnhild", "Sølvi", "Maja",
    "Frøydis", "Åshild", "Bodil", "Grete", "Torild", "Wenche", "Mari", "Marte", "Siri", "Tiril",
    "Vilde", "Hedda", "Jorunn", "Turid", "Aud", "Dagny", "Gunnhild", "Målfrid", "Brynhild", "Øydis",
)

NO_MALE: tuple[str, ...] = (
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans",
    "Geir", "Thomas", "Tor", "Martin", "Morten", "Jon", "Erik", "Terje", "Andreas", "Trond",
    "Odd", "Rune", "Einar", "Harald", "Gunnar", "Øyvind", "Ståle", "Håkon", "Jørgen", "Sindre",
    "Sondre", "Jens", "Magnus", "Henrik", "Ola", "Nils", "Eirik", "Espen", "Stian", "Øystein",
    "Pål", "Tormod", "Kåre", "Sigurd", "Frode", "Tore", "Egil", "Vegard", "Åsmund", "Halvard",
    "Emil", "Jakob", "Filip", "Mathias", "Aksel", "Ivar", "Steinar", "Torbjørn", "Bård", "Sverre",
)

NO_LAST: tuple[str, ...] = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
    "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen",
    "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie",
    "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe",
    "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge", "Christensen",
    "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther", "Aas", "Myhre", "Hanssen",
    "Ahmed", "Haugland", "Thomassen", "Sivertsen", "Simonsen", "Danielsen", "Berntsen", "Sandvik",
    "Rønning", "Arnesen", "Antonsen", "Næss", "Vik", "Haug", "Ellingsen", "Thorsen",
    "Edvardsen", "Birkeland", "Isaksen", "Gulbrandsen", "Ødegård", "Ødegaard", "Østby", "Åsen",
    "Aasen", "Håland", "Mæhle", "Kjær", "Sætre", "Bjørnstad", "Løken", "Brække",
    "Frøyland", "Grønlund", "Høyland", "Løvås", "Nærland", "Økland", "Årdal", "Tjøstheim",
    "Sørli", "Røed", "Nøkleby", "Bråten", "Sæbø", "Aamodt", "Ås", "Østerud",
)

SE_FEMALE: tuple[str, ...] = (
    "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Kerstin", "Emma", "Ingrid",
    "Marie", "Malin", "Jenny", "Annika", "Linnéa", "Elin", "Ida", "Johanna", "Sofia", "Hanna",
    "Åsa", "Ebba", "Maja", "Agnes", "Märta", "Elsa", "Ulla", "Birgitta", "Gunilla", "Lovisa",
    "Signe", "Astrid", "Britt", "Ylva", "Lotta", "Göta", "Siv", "Lisa", "Tilda", "Alva",
)

SE_MALE: tuple[str, ...] = (
    "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Jan", "Thomas",
    "Daniel", "Fredrik", "Hans", "Bengt", "Mats", "Magnus", "Stefan", "Gustav", "Oskar", "Axel",
    "Björn", "Göran", "Håkan", "Jörgen", "Örjan", "Sören", "Åke", "Olle", "Nils", "Sven",
    "Ulf", "Lennart", "Kjell", "Pär", "Jöns", "Göte", "Ragnar", "Torsten", "Viktor", "Hugo",
)

SE_LAST: tuple[str, ...] = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
    "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg",
    "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
    "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
    "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström",
    "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren",
    "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund",
    "Björklund", "Eliasson", "Pålsson", "Berggren", "Sandström", "Nordin", "Ström", "Åberg",
    "Hermansson", "Ekström", "Holmgren", "Sundberg", "Hedlund", "Dahlberg", "Hellström", "Sjögren",
    "Öberg", "Strömberg", "Månsson", "Åkesson", "Sjöström", "Söderström", "Ångström", "Öhman",
    "Bäckström", "Näslund", "Hägglund", "Bäckman",
)

# --- places ------------------------------------------------------------------------------------

NO_POSTCODES: tuple[tuple[str, str], ...] = (
    ("0150", "Oslo"), ("0151", "Oslo"), ("0250", "Oslo"), ("0353", "Oslo"), ("0450", "Oslo"),
    ("0556", "Oslo"), ("0655", "Oslo"), ("0661", "Oslo"), ("0763", "Oslo"), ("0870", "Oslo"),
    ("0960", "Oslo"), ("1337", "Sandvika"), ("1360", "Fornebu"), ("1384", "Asker"), ("1400", "Ski"),
    ("1430", "Ås"), ("1440", "Drøbak"), ("1450", "Nesoddtangen"), ("1470", "Lørenskog"),
    ("1530", "Moss"), ("1606", "Fredrikstad"), ("1711", "Sarpsborg"), ("1767", "Halden"),
    ("2000", "Lillestrøm"), ("2050", "Jessheim"), ("2211", "Kongsvinger"), ("2317", "Hamar"),
    ("2380", "Brumunddal"), ("2408", "Elverum"), ("2609", "Lillehammer"), ("2815", "Gjøvik"),
    ("3015", "Drammen"), ("3044", "Drammen"), ("3110", "Tønsberg"), ("3181", "Horten"),
    ("3210", "Sandefjord"), ("3256", "Larvik"), ("3510", "Hønefoss"), ("3616", "Kongsberg"),
    ("3715", "Skien"), ("3921", "Porsgrunn"), ("4006", "Stavanger"), ("4014", "Stavanger"),
    ("4307", "Sandnes"), ("4610", "Kristiansand"), ("4631", "Kristiansand"), ("4836", "Arendal"),
    ("4876", "Grimstad"), ("5003", "Bergen"), ("5006", "Bergen"), ("5015", "Bergen"),
    ("5145", "Fyllingsdalen"), ("5221", "Nesttun"), ("5411", "Stord"), ("5514", "Haugesund"),
    ("5700", "Voss"), ("6002", "Ålesund"), ("6100", "Volda"), ("6413", "Molde"),
    ("6509", "Kristiansund N"), ("6800", "Førde"), ("7010", "Trondheim"), ("7030", "Trondheim"),
    ("7500", "Stjørdal"), ("7600", "Levanger"), ("7713", "Steinkjer"), ("8006", "Bodø"),
    ("8300", "Svolvær"), ("8514", "Narvik"), ("8610", "Mo i Rana"), ("9008", "Tromsø"),
    ("9405", "Harstad"), ("9510", "Alta"), ("9600", "Hammerfest"), ("9900", "Kirkenes"),
)

SE_POSTCODES: tuple[tuple[str, str], ...] = (
    ("111 52", "Stockholm"), ("113 21", "Stockholm"), ("114 55", "Stockholm"), ("116 46", "Stockholm"),
    ("411 05", "Göteborg"), ("413 01", "Göteborg"), ("211 20", "Malmö"), ("211 43", "Malmö"),
    ("222 21", "Lund"), ("252 20", "Helsingborg"), ("753 20", "Uppsala"), ("722 15", "Västerås"),
    ("702 10", "Örebro"), ("582 22", "Linköping"), ("602 22", "Norrköping"), ("553 20", "Jönköping"),
    ("352 30", "Växjö"), ("903 26", "Umeå"), ("971 31", "Luleå"), ("831 30", "Östersund"),
    ("852 30", "Sundsvall"), ("803 20", "Gävle"), ("652 24", "Karlstad"), ("503 30", "Borås"),
    ("302 42", "Halmstad"), ("392 31", "Kalmar"), ("451 30", "Uddevalla"), ("981 31", "Kiruna"),
)

NO_STREETS: tuple[str, ...] = (
    "Storgata", "Kirkegata", "Skolegata", "Parkveien", "Bjørkeveien", "Granveien", "Solbakken",
    "Fjellveien", "Sjøgata", "Strandveien", "Industriveien", "Eikeveien", "Bakkeveien", "Lyngveien",
    "Åsveien", "Torggata", "Dronningens gate", "Kongens gate", "Nedre Slottsgate", "Jernbanegata",
    "Furuveien", "Rognveien", "Løkkeveien", "Hagebyveien", "Øvre Bakke", "Nordre gate",
    "Søndre gate", "Tollbugata", "Kirkeveien", "Markveien", "Skogveien", "Bekkeveien", "Myrveien",
    "Elvegata", "Blåbærstien", "Tyttebærveien", "Kløverveien", "Måkeveien", "Fossveien",
)

SE_STREETS: tuple[str, ...] = (
    "Storgatan", "Kyrkogatan", "Drottninggatan", "Skolgatan", "Björkvägen", "Ringvägen",
    "Järnvägsgatan", "Parkvägen", "Åsvägen", "Södra vägen", "Östra Långgatan", "Västra Hamngatan",
    "Tallvägen", "Granvägen", "Ängsvägen", "Kungsgatan", "Sjövägen", "Idrottsvägen", "Lärkvägen",
)

# --- shop --------------------------------------------------------------------------------------

#: (product name, price in whole kroner); prices are what a Norwegian electronics shop charges.
PRODUCTS: tuple[tuple[str, int], ...] = (
    ('Samsung 55" QLED-TV', 9990), ('LG 65" OLED-TV', 19990), ('Sony 50" 4K LED-TV', 8490),
    ('TCL 43" Google-TV', 3990), ('Philips 55" Ambilight-TV', 8990),
    ("Sony WH-1000XM5 hodetelefoner", 3990), ("Apple AirPods Pro (2. generasjon)", 2990),
    ("Bose QuietComfort Ultra hodetelefoner", 4490), ("JBL Flip 6 Bluetooth-høyttaler", 1290),
    ("Sonos Era 100 høyttaler", 2790), ("Sonos Beam lydplanke", 5490),
    ("Jabra Elite 8 Active øreplugger", 1990), ("Marshall Emberton II høyttaler", 1690),
    ("iPhone 15 128 GB", 11490), ("Samsung Galaxy S24 256 GB", 10990), ("Google Pixel 8 128 GB", 8490),
    ("Samsung Galaxy A55 mobiltelefon", 4990), ("Doro 8100 seniortelefon", 1990),
    ('MacBook Air 13" M3', 14990), ("Lenovo IdeaPad Slim 5 bærbar PC", 8990),
    ("HP Pavilion 15 bærbar PC", 7990), ("ASUS ROG Strix G16 gaming-PC", 17990),
    ('Apple iPad 10,9" 64 GB', 4990), ("Samsung Galaxy Tab S9 FE nettbrett", 4990),
    ("Logitech MX Master 3S mus", 1190), ("Logitech MX Keys S tastatur", 1290),
    ('Samsung 27" skjerm', 2990), ("Canon PIXMA blekkskriver", 990),
    ("Samsung T7 1 TB ekstern SSD", 1290), ("SanDisk 128 GB minnekort", 249),
    ("PlayStation 5 Slim", 5990), ("Nintendo Switch OLED", 3990), ("Xbox Series X", 5990),
    ("DualSense trådløs kontroller", 849), ("Meta Quest 3 VR-briller", 5990),
    ("Bosch oppvaskmaskin Serie 4", 6990), ("Electrolux vaskemaskin 8 kg", 7990),
    ("Samsung kombiskap 185 cm", 8990), ("Siemens induksjonstopp", 8490),
    ("Miele støvsuger Complete C3", 3490), ("Dyson V15 Detect støvsuger", 7990),
    ("Roborock robotstøvsuger", 4990), ("Philips Airfryer XXL", 2290),
    ("Moccamaster kaffetrakter", 2690), ("De'Longhi espressomaskin", 5990),
    ("KitchenAid kjøkkenmaskin", 6490), ("Bosch mikrobølgeovn", 2490),
    ("Electrolux tørketrommel", 8490), ("Wilfa vannkoker", 499), ("Philips OneBlade barbermaskin", 549),
    ("Oral-B iO elektrisk tannbørste", 1990), ("Google Nest Hub", 990), ("Philips Hue startpakke", 1490),
    ("Canon EOS R50 systemkamera", 8990), ("GoPro HERO12 Black", 4490),
    ("Garmin Forerunner 265 pulsklokke", 4490), ("Apple Watch Series 9", 4990),
    ("Samsung Galaxy Watch6", 3490), ("Kindle Paperwhite lesebrett", 1790),
    ("Anker powerbank 20 000 mAh", 449), ("USB-C-lader 65 W", 399), ("HDMI-kabel 2 m", 199),
    ("Netgear Orbi mesh-ruter", 2490), ("Epson hjemmekinoprojektor", 6990),
)

#: Goods not meant to last substantially longer than usual: cables, chargers, memory cards and
#: other accessories and consumables. Everything else in the catalogue (televisions, phones,
#: computers, white goods, kitchen machines ...) carries the 5-year complaint period of
#: forbrukerkjøpsloven § 27 (docs/rules.md#r-complaints).
SHORT_LIVED: frozenset[str] = frozenset({
    "SanDisk 128 GB minnekort", "Anker powerbank 20 000 mAh", "USB-C-lader 65 W", "HDMI-kabel 2 m",
    "DualSense trådløs kontroller", "Logitech MX Master 3S mus", "Jabra Elite 8 Active øreplugger",
    "Wilfa vannkoker", "Philips OneBlade barbermaskin", "Oral-B iO elektrisk tannbørste",
})

STORES: tuple[str, ...] = (
    "Teknikproffset Oslo City", "Teknikproffset Lagunen Bergen", "Teknikproffset Trondheim Torg",
    "Teknikproffset Kvadrat Sandnes",
)

CARRIERS_NO: tuple[str, ...] = ("Posten", "Bring", "Posten", "PostNord", "DHL", "Instabox")
CARRIERS_SE: tuple[str, ...] = ("PostNord", "PostNord", "DHL", "Instabox", "Bring")

CREDIT_BUREAUS_NO: tuple[str, ...] = ("Experian", "Dun & Bradstreet", "Creditsafe")
CREDIT_BUREAUS_SE: tuple[str, ...] = ("UC", "Dun & Bradstreet", "Creditsafe")

STAFF_SIGNATURES: tuple[str, ...] = (
    "Marte i kundeservice", "Jonas i kundeservice", "Ingrid i kundeservice", "Sander i kundeservice",
    "Camilla i kundeservice", "Mohammed i kundeservice",
)

# --- correspondence ----------------------------------------------------------------------------

SERVICE_SUBJECTS: tuple[str, ...] = (
    "Hvor er pakken min?", "Feil vare levert", "Ønsker å returnere vare", "Spørsmål om faktura",
    "Endre leveringsadresse", "Produktet virker ikke", "Spørsmål om garanti", "Mangler kvittering",
    "Dobbelt trukket på kortet", "Får ikke logget inn på Mine sider", "Avbestilling av ordre",
    "Skadet emballasje ved levering", "Spørsmål om delbetaling", "Bytte av vare",
)

SERVICE_CHANNELS: tuple[str, ...] = ("email", "email", "phone", "phone", "chat", "social")

INBOUND_NO: tuple[str, ...] = (
    "Hei! Jeg bestilte for over en uke siden og har ikke fått noen sporingsmelding. Kan dere sjekke?",
    "Varen jeg fikk er ikke den jeg bestilte. Hvordan bytter jeg?",
    "Jeg vil gjerne returnere varen, den passet ikke på kjøkkenet vårt.",
    "Fakturaen stemmer ikke med beløpet i ordrebekreftelsen.",
    "Produktet slår seg av etter noen minutter. Er dette dekket av reklamasjonsretten?",
    "Kan jeg få tilsendt kvitteringen på nytt? Jeg trenger den til forsikringen.",
    "Det er trukket to ganger på kortet mitt for samme ordre.",
    "Jeg får ikke logget inn på Mine sider, passordlenken kommer ikke.",
    "Esken var knust da den kom, men produktet ser ut til å virke.",
    "Takk for raskt svar! Da venter jeg på returlappen.",
    "Hei igjen, har dere fått returen min?",
)

INBOUND_SE: tuple[str, ...] = (
    "Hej! Jag beställde för en vecka sedan men har inte fått något spårningsnummer.",
    "Varan jag fick är inte den jag beställde. Hur gör jag för att byta?",
    "Jag vill returnera varan, kan ni skicka en returetikett?",
    "Fakturan stämmer inte med beloppet i orderbekräftelsen.",
    "Tack för hjälpen! Då väntar jag på returetiketten.",
)

#: Inbound messages that name a third person: the register copy must flag them (Art. 15(4)).
INBOUND_OTHER_PERSON: tuple[str, ...] = (
    "Naboen min, {other}, tok imot pakken mens jeg var bortreist. Kan dere bekrefte at den er levert?",
    "Det var samboeren min, {other}, som bestilte, men ordren står på meg.",
    "Pakken ble hentet av {other} med fullmakt fra meg, men nå finner vi ikke kvitteringen.",
    "Kan dere sende fakturaen til {other}? Det er hun som betaler for denne.",
    "Jeg ringer på vegne av min far, {other}, som ikke får logget inn selv.",
)

OUTBOUND: tuple[str, ...] = (
    "Hei {first}! Takk for at du tok kontakt. Vi har sjekket saken og sender svar så snart vi vet mer.",
    "Hei {first}! Pakken er registrert levert hos transportøren. Gi beskjed om den ikke dukker opp.",
    "Hei {first}! Vi har sendt deg en returlapp på e-post. Pengene tilbakeføres når vi har mottatt varen.",
    "Hei {first}! Vi har rettet fakturaen og sendt en ny. Beklager bryderiet.",
    "Hei {first}! Saken er nå løst. Ha en fin dag!",
)

WARRANTY_DESCRIPTIONS: tuple[str, ...] = (
    "Skjermen har fått en linje med døde piksler etter et halvt år.",
    "Produktet lader ikke lenger.",
    "Lyden forsvinner i høyre side.",
    "Maskinen lekker vann under bruk.",
    "Enheten starter ikke etter siste programvareoppdatering.",
    "Motoren lager høy ulyd og stopper av og til.",
)

WARRANTY_RESOLUTIONS: tuple[str, ...] = (
    "Reparert hos autorisert verksted.", "Byttet i nytt produkt.", "Pengene tilbakebetalt.",
    "Feil ikke funnet; produktet returnert til kunden.", "Delvis prisavslag etter avtale.",
)

CONTACT_SUBJECTS: tuple[str, ...] = (
    "Spørsmål om levering til Svalbard", "Har dere denne varen på lager?", "Spørsmål om bedriftskonto",
    "Tilbakemelding på nettsiden", "Pris i butikk og på nett", "Spørsmål om personvern",
)

CONTACT_BODIES: tuple[str, ...] = (
    "Hei, jeg lurer på om dere sender til Svalbard, og hva frakten koster.",
    "Når kommer varen inn på lager igjen? Den har vært utsolgt en stund.",
    "Vi er et lite firma som vurderer å handle hos dere. Tilbyr dere faktura til bedrifter?",
    "Søkefeltet på nettsiden finner ikke varer når jeg skriver med æ, ø og å.",
    "Prisen i butikken var høyere enn på nett. Gir dere prismatch?",
    "Hvilke opplysninger har dere lagret om meg, og hvor lenge lagres de?",
)

COMPETITIONS: tuple[tuple[str, str, str, str], ...] = (
    # (name, kind, start ISO date, end ISO date)
    ("Vinn en PlayStation 5", "competition", "2021-03-01", "2021-03-31"),
    ("Sommerkonkurranse: vinn en Sonos-høyttaler", "competition", "2022-06-15", "2022-08-15"),
    ("Lanseringskveld for ny iPhone, Oslo City", "event", "2023-09-20", "2023-09-22"),
    ("Gamingkveld i Bergen", "event", "2024-02-09", "2024-02-10"),
    ("Julekalender 2024", "competition", "2024-12-01", "2024-12-24"),
    ("Vinn en robotstøvsuger", "competition", "2025-04-01", "2025-04-30"),
    ("Kaffekurs med Moccamaster", "event", "2025-10-14", "2025-10-15"),
    ("Julekalender 2026", "competition", "2026-11-01", "2026-12-24"),
)

COMPETITION_ANSWERS: tuple[str, ...] = (
    "Fordi jeg aldri har vunnet noe før!", "Jeg ville gitt den til sønnen min.",
    "Svar: 42 tommer", "Teknikproffset har best service i byen.", "Jeg gleder meg til vinteren med ny TV.",
)

EVENT_EVALUATIONS: tuple[str, ...] = (
    "Veldig hyggelig kveld, god stemning.", "Litt for lang kø ved inngangen.", "Lærerikt og godt organisert.",
)

JOB_POSITIONS: tuple[str, ...] = (
    "Kundeserviceagent (deltid)", "Butikkselger, Oslo City", "Lagermedarbeider",
    "Backend-utvikler (Python)", "Innkjøper hvitevarer", "Sesongmedarbeider julehandel",
)

FRAUD_KINDS: tuple[tuple[str, str, str], ...] = (
    # (kind, description, severity)
    ("login_attempts", "Mange mislykkede innloggingsforsøk på Mine sider fra samme IP-adresse.", "medium"),
    ("card_testing", "Flere små kortbelastninger med ulike kort i løpet av få minutter.", "high"),
    ("address_mismatch", "Leveringsadressen avviker fra folkeregistrert adresse ved fakturakjøp.", "low"),
    ("multiple_accounts", "Flere kundekontoer registrert fra samme enhet og IP-adresse.", "medium"),
    ("chargeback", "Kortbetaling tilbakeført etter at varen var levert.", "high"),
)

# --- IT environment ----------------------------------------------------------------------------

#: (user agent, operating system, platform, screen)
DEVICES: tuple[tuple[str, str, str, str], ...] = (
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/124.0.0.0 Safari/537.36", "Windows 11", "desktop", "1920x1080"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
     "Windows 10", "desktop", "1366x768"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.4 Safari/605.1.15", "macOS 14", "desktop", "1440x900"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.4 Mobile/15E148 Safari/604.1", "iOS 17", "mobile", "390x844"),
    ("Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/124.0.0.0 Mobile Safari/537.36", "Android 14", "mobile", "412x915"),
    ("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.4 Mobile/15E148 Safari/604.1", "iPadOS 17", "tablet", "820x1180"),
)

#: The first people of every build: one name for each letter search and sorting must handle
#: (æ ø å ä ö, and "Aa" filed as Å), so a demo always has them to search for. The first of them
#: also gets one record of every kind.
SHOWCASE_PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Kari", "Ødegård", "NO"), ("Per", "Sæther", "NO"), ("Bjørn", "Åsen", "NO"),
    ("Åsa", "Lindström", "SE"), ("Märta", "Jönsson", "SE"), ("Ingrid", "Aasen", "NO"),
    ("Håkon", "Mæhle", "NO"),
)
