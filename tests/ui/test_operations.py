"""The one background-call helper: off the GUI thread, busy state, stale answers, errors, refresh."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.errors import DeskError
from desktop.ui.operations import Operations

Screen = tuple[QWidget, QProgressBar, QLabel, Operations]


@pytest.fixture
def screen(qtbot: QtBot) -> Screen:
    widget = QWidget()
    qtbot.addWidget(widget)
    busy, errors = QProgressBar(widget), QLabel(widget)
    busy.hide()
    errors.hide()
    widget.show()
    return widget, busy, errors, Operations(widget, busy=busy, errors=errors)


def test_a_call_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot, screen: Screen) -> None:
    _widget, busy, _errors, ops = screen
    gate = threading.Event()
    threads: list[threading.Thread] = []
    answers: list[tuple[int, threading.Thread]] = []

    def call() -> int:
        threads.append(threading.current_thread())
        gate.wait(5)
        return 7

    ops.run(call, lambda result: answers.append((result, threading.current_thread())))
    assert ops.is_busy() and busy.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert not busy.isVisible()
    assert threads[0] is not threading.main_thread()
    assert answers == [(7, threading.main_thread())]


def test_a_newer_call_with_the_same_key_supersedes_the_older(qtbot: QtBot, screen: Screen) -> None:
    _widget, _busy, _errors, ops = screen
    gate, started = threading.Event(), threading.Event()
    ran: list[str] = []
    answers: list[str] = []

    def call(name: str) -> str:
        ran.append(name)
        if name == "first":
            started.set()
            gate.wait(5)
        return name

    ops.run(lambda: call("first"), answers.append, key="k")       # running, then superseded
    assert started.wait(5)
    ops.run(lambda: call("queued"), answers.append, key="k")      # superseded while queued: never run
    ops.run(lambda: call("other key"), answers.append, key="x")   # another key is not touched
    ops.run(lambda: call("newest"), answers.append, key="k")
    gate.set()
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert ran == ["first", "other key", "newest"]
    assert answers == ["other key", "newest"]


def test_a_joined_call_is_dropped_with_its_key(qtbot: QtBot, screen: Screen) -> None:
    _widget, _busy, _errors, ops = screen
    answers: list[str] = []
    ops.run(lambda: "page 1", answers.append, key="k")
    ops.run(lambda: "page 2", answers.append, key="k", supersede=False)
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert answers == ["page 1", "page 2"]
    ops.run(lambda: "detail", answers.append, key="k", supersede=False)
    ops.invalidate("k")  # the screen was cleared
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert answers == ["page 1", "page 2"]


def test_a_change_always_runs_and_is_refreshed_even_when_stale(qtbot: QtBot, screen: Screen) -> None:
    widget, _busy, _errors, _ops = screen
    refreshed: list[str] = []
    ops = Operations(widget, refresh=lambda: refreshed.append("refresh"))
    written: list[str] = []
    answers: list[str] = []
    changed: list[str] = []
    def write() -> str:
        written.append("w")
        return "done"

    ops.change(write, answers.append, key="k", on_changed=changed.append)
    ops.invalidate("k")
    ops.change(lambda: "second", answers.append, key="k")
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert written == ["w"] and changed == ["done"]
    assert answers == ["second"] and refreshed == ["refresh"]


def test_a_failure_shows_the_service_message_in_the_error_label(qtbot: QtBot, screen: Screen) -> None:
    _widget, _busy, errors, ops = screen

    def refuse() -> None:
        raise DeskError("Not allowed", "Ikke tillatt")

    done: list[object] = []
    ops.run(refuse, done.append)
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert done == [] and errors.isVisible() and errors.text() == "Ikke tillatt"
    ops.clear_error()
    assert not errors.isVisible()

    def crash() -> None:
        raise ZeroDivisionError

    seen: list[BaseException] = []
    ops.run(crash, done.append, on_error=seen.append)
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert [type(e) for e in seen] == [ZeroDivisionError] and not errors.isVisible()
    ops.run(crash, done.append)
    qtbot.waitUntil(lambda: not ops.is_busy(), timeout=5000)
    assert "ZeroDivisionError" in errors.text() and "Traceback" not in errors.text()


def test_current_turns_false_once_superseded(qtbot: QtBot, screen: Screen) -> None:
    _widget, _busy, _errors, ops = screen
    before = ops.current("k")
    assert before()
    ops.invalidate("k")
    assert not before() and ops.current("k")()
