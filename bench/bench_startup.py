"""Cold start to the first painted window: the desk (login dialog, database opening behind it)
against a bare PySide6 QMainWindow, each in a fresh process, alternating, same run.
Target: within 2x bare Qt.

    python bench/bench_startup.py [runs]        # uses $DISPLAY if set, else the offscreen platform
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_FIRST_PAINT = """
import os, sys, time
t0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and getattr(obj, "isWindow", lambda: False)():
            print(f"{time.time() - t0:.6f}", flush=True)
            os._exit(0)
        return False
"""

BARE = _FIRST_PAINT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
f = FirstPaint(); app.installEventFilter(f)
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(420, 250); w.show()
app.exec()
"""

DESK = _FIRST_PAINT + """
sys.path.insert(0, os.environ["BENCH_ROOT"])
import desktop.cli  # what `gdpr-desk` imports first
from desktop.app import Startup, make_application, open_request
app = make_application()
f = FirstPaint(); app.installEventFilter(f)
startup = Startup(open_request(os.environ["BENCH_URL"]))
startup.begin()
app.exec()
"""


def run(code: str, env: dict[str, str]) -> float:
    env = dict(env, BENCH_T0=f"{time.time():.6f}")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        env.update(GDPR_DESK_DATA_DIR=tmp, BENCH_ROOT=str(ROOT), BENCH_URL=f"sqlite:///{tmp}/bench.sqlite3")
        # Build the database once so the desk's start is a normal start, not a first-time setup.
        subprocess.run([sys.executable, "-m", "desktop", "--db", f"{tmp}/bench.sqlite3", "demo-data",
                        "--customers", "200"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
        run(BARE, env)
        run(DESK, env)  # warm the OS file cache for both, as a second start of the day would be
        bare: list[float] = []
        desk: list[float] = []
        for _ in range(runs):
            bare.append(run(BARE, env))
            desk.append(run(DESK, env))
    platform = "xcb (" + env["DISPLAY"] + ")" if env.get("DISPLAY") else "offscreen"
    b, d = statistics.median(bare) * 1000, statistics.median(desk) * 1000
    print(f"first painted window, {runs} runs each, platform {platform}")
    print(f"bare QMainWindow   median {b:7.1f} ms   min {min(bare) * 1000:7.1f} ms")
    print(f"GDPR Desk (login)  median {d:7.1f} ms   min {min(desk) * 1000:7.1f} ms   ratio {d / b:4.2f}x")


if __name__ == "__main__":
    main()
