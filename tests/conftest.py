"""Headless Qt before anything imports it; the shared fixtures live in tests/helpers/fixtures.py."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.fixtures"]
