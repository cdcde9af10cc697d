"""The bundle's entry point, shared by both executables (gdpr-desk and gdpr-desk-cli).

PyInstaller needs a script rather than a console-script entry point; this one is `desktop.cli:main`
with the two things a frozen program needs first.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _give_windowed_program_streams() -> None:
    """A windowed Windows program starts without stdout and stderr: a print would raise, so they go nowhere."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":
    # A child process started by "spawn" re-runs this executable; this hands it to multiprocessing.
    multiprocessing.freeze_support()
    _give_windowed_program_streams()
    from desktop.cli import main

    sys.exit(main())
