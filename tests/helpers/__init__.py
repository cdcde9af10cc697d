"""What the tests share, in one place (each test file keeps only what is its own).

- fixtures.py       the typed fixtures every test may ask for (registered by tests/conftest.py):
                    keyring, cheap hashing and scrypt, the SQLite desk, its staff, five named people, SMTP
- desks.py          building desks by hand: staff accounts, signing in, the named people, reading and
                    tampering with the access log
- records.py        customer histories: orders with deliveries, a record of every kind
- dialogs.py        RecordingDialogs, the dialog seam that answers at once and remembers
- widgets.py        typed reads of Qt widgets (tree children, the focused widget)
- cli.py            the admin command line, in-process
- clock.py          a clock the test sets and moves
- memory_keyring.py an in-memory keyring, and losing the keyring on purpose
- smtp.py           a real SMTP server (aiosmtpd) on a free port
- pg.py             the PostgreSQL server: admin connection, scratch databases and roles
- team.py           several workstations as OS processes on one database
"""
