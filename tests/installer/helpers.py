"""What the installer tests share: the checks `gdpr-desk self-test` must report, and running it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Every check of the self-test, in the order it prints them.
CHECKS = (
    "version", "resources", "policy", "fonts", "password hashing", "postgresql driver", "keyring", "database",
    "demo customer", "register copy", "qt", "translations", "icon", "login window", "main window", "pdf viewer",
    "printing",
)


def run_self_test(command: Sequence[str], data_dir: Path, extra_env: Mapping[str, str] | None = None,
                  timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """The self-test as a separate process, headless, with a private data folder."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GDPR_DESK_DATA_DIR": str(data_dir), **(extra_env or {})}
    return subprocess.run([*command, "self-test"], capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=ROOT, check=False)


def statuses(stdout: str) -> dict[str, str]:
    """{check name: "ok" | "FAIL" | "skip"} from the self-test's lines."""
    found: dict[str, str] = {}
    for line in stdout.splitlines():
        status, _, rest = line.partition(" ")
        name, sep, _detail = rest.strip().partition(": ")
        if status in ("ok", "FAIL", "skip") and sep:
            found[name] = status
    return found
