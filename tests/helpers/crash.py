"""Fault injection for the crash tests: a step hook that kills its own process (kill -9) at one step."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable


def kill_at(step: str) -> Callable[[str], None]:
    """An `ErasureService.on_step` hook that ends the process, as a power cut would, when `step` is reached."""

    def hook(reached: str) -> None:
        if reached == step:
            kill = getattr(signal, "SIGKILL", None)
            if kill is not None:
                os.kill(os.getpid(), kill)
            os._exit(137)

    return hook
