"""Several workstations in one test: OS processes that each open their own desk on one database.

A workstation is a separate process with its own engine, pool and keyring, as at the shop; the
keys travel the way IT carries them (`export_keys` / `import_keys`). Processes are started with
the spawn method, so nothing (a pool, a session, a lock) is inherited from the test process.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.errors import DeskError
from desktop.security.keys import export_keys
from desktop.services.context import DeskContext


@dataclass(frozen=True)
class Seat:
    """What a workstation process needs to open the shared database."""

    url: str
    instance_id: str
    keys: str
    workstation: str


def seat(ctx: DeskContext, url: str, workstation: str) -> Seat:
    return Seat(url, ctx.instance_id, export_keys(ctx.keys), workstation)


def open_seat(s: Seat) -> DeskContext:
    """In the child: a private in-memory keyring with the imported keys, then the desk."""
    import keyring

    from desktop.security.keys import import_keys
    from desktop.services.context import open_desk
    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    import_keys(s.instance_id, s.keys)
    return open_desk(s.url, workstation=s.workstation)


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    """("ok", value), ("refused", (class, code, en, nb)) for a DeskError, ("crash", traceback) otherwise."""
    try:
        return "ok", call()
    except DeskError as exc:
        return "refused", (type(exc).__name__, getattr(exc, "code", None), exc.message, exc.message_nb)
    except Exception:
        return "crash", traceback.format_exc()


def _run_child(target: Callable[..., Any], args: tuple[Any, ...], results: Any, index: int) -> None:
    try:
        results.put((index, "ok", target(*args)))
    except BaseException:
        results.put((index, "crash", traceback.format_exc()))


def run_processes(target: Callable[..., Any], arg_lists: Sequence[tuple[Any, ...]], *,
                  timeout: float = 60.0) -> list[Any]:
    """Run `target(*args)` in one spawned process per entry; returns their results in order.

    `target` must be a module-level function. Each `args` may hold a `barrier` made by
    `spawn_barrier` to start the processes' racing parts together. A crash in a child fails here
    with its traceback; a child that hangs fails after `timeout`.
    """
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [ctx.Process(target=_run_child, args=(target, args, results, i), daemon=True)
             for i, args in enumerate(arg_lists)]
    for p in procs:
        p.start()
    got: dict[int, Any] = {}
    try:
        for _ in procs:
            index, status, value = results.get(timeout=timeout)
            if status != "ok":
                raise AssertionError(f"workstation process {index} crashed:\n{value}")
            got[index] = value
    except queue.Empty:
        raise AssertionError(f"workstation processes did not finish within {timeout} s") from None
    finally:
        for p in procs:
            p.join(5)
            if p.is_alive():
                p.kill()
                p.join(5)
    return [got[i] for i in range(len(procs))]


def spawn_barrier(parties: int) -> Any:
    """A barrier the spawned processes can share (it times out rather than hang a test)."""
    return multiprocessing.get_context("spawn").Barrier(parties, timeout=60)
