"""What the tests share, in one place (each test file keeps only what is its own).

- fixtures.py       the typed fixtures every test may ask for (registered by tests/conftest.py):
                    keyring, cheap hashing, the SQLite desk, its staff and five named people, SMTP
- desks.py          building desks by hand: staff accounts, signing in, the named people, log counts
- records.py        customer histories: orders with deliveries, a record of every kind
- dialogs.py        RecordingDialogs, the dialog seam that answers at once and remembers
- memory_keyring.py an in-memory keyring, and losing the keyring on purpose
- smtp.py           a real SMTP server (aiosmtpd) on a free port
- pg.py             the PostgreSQL server: admin connection, scratch databases and roles
- team.py           several workstations as OS processes on one database
"""
