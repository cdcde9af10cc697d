"""Running the admin command line in-process, as a terminal would."""

from __future__ import annotations

import pytest

from desktop.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`gdpr-desk *argv`: (exit code, stdout, stderr)."""
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err
