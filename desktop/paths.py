"""Where the desk keeps its files, so every layer agrees without importing Qt."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from desktop import APP_ID, ORG


def resources_dir() -> Path:
    """The shipped resources: beside the package in a checkout, inside the bundle when frozen."""
    override = os.environ.get("GDPR_DESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def data_dir() -> Path:
    """The user's data folder (created private): the embedded database lives here."""
    override = os.environ.get("GDPR_DESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_ID, ORG))
    make_private_dir(path)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    make_private_dir(path)
    return path


def default_database_path() -> Path:
    return data_dir() / "gdpr-desk.sqlite3"


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def make_private_dir(path: Path) -> None:
    """Folders that hold personal data are readable by their owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        with contextlib.suppress(PermissionError):
            path.chmod(0o700)


def write_private(path: Path, data: bytes, *, overwrite: bool = True, temp_prefix: str = ".gdpr-desk-") -> None:
    """Write a file that holds personal data or keys: readable by its owner only, from the first byte.

    With `overwrite` the file is written under a temporary name in the same folder and renamed over
    `path`, so a reader sees the old file or the complete new one, never half of it. Without it an
    existing file is never touched: FileExistsError, and a file that could not be completed is removed.
    """
    if not overwrite:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return
    import tempfile

    folder = path.parent if str(path.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix, suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
