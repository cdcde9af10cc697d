"""Helpers for the installer tests: the build script is a file under installer/, not a package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_build() -> ModuleType:
    existing = sys.modules.get("gdpr_desk_build")
    if existing is not None:
        return existing
    spec = importlib.util.spec_from_file_location("gdpr_desk_build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gdpr_desk_build"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return load_build()
