"""Django settings for a scratch django-oscar shop: Oscar's own apps and migrations, nothing else.

The database comes from OSCAR_DB_URL (a SQLAlchemy-style URL: postgresql+psycopg://... or
mysql+pymysql://...), so the tests point Oscar at the scratch database they created. Used only in a
subprocess (tests/helpers/oscar_shop.py), so Django never runs inside the pytest process.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from oscar import INSTALLED_APPS as OSCAR_APPS
from oscar.defaults import *  # noqa: F403  Oscar's own defaults, as its sandbox does

_url = urlsplit(os.environ["OSCAR_DB_URL"])
_scheme = _url.scheme.split("+")[0]
if _scheme == "mysql":
    import pymysql

    pymysql.install_as_MySQLdb()
_ENGINES = {"postgresql": "django.db.backends.postgresql", "mysql": "django.db.backends.mysql",
            "sqlite": "django.db.backends.sqlite3"}

DATABASES = {
    "default": {
        "ENGINE": _ENGINES[_scheme],
        "NAME": _url.path.lstrip("/") if _scheme != "sqlite" else _url.path[1:],
        "USER": unquote(_url.username or ""),
        "PASSWORD": unquote(_url.password or ""),
        "HOST": _url.hostname or "",
        "PORT": str(_url.port or ""),
        **({"OPTIONS": {"charset": "utf8mb4"}} if _scheme == "mysql" else {}),
    }
}
SECRET_KEY = "scratch-shop-for-tests"
USE_TZ = True
TIME_ZONE = "UTC"
SITE_ID = 1
INSTALLED_APPS = list(OSCAR_APPS)
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "tests.helpers.oscar_urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
              "OPTIONS": {"context_processors": []}}]
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; a test shop only
# Oscar's sandbox pipeline: which statuses may follow which.
OSCAR_INITIAL_ORDER_STATUS = "Pending"
OSCAR_INITIAL_LINE_STATUS = "Pending"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending": ("Being processed", "Cancelled"),
    "Being processed": ("Complete", "Cancelled"),
    "Cancelled": (),
    "Complete": (),
}
OSCAR_DEFAULT_CURRENCY = "NOK"
