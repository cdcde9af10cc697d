"""The results model: background searches, stale answers dropped, pages fetched lazily."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop.domain.roles import Actor, Role
from desktop.errors import InvalidInput
from desktop.services.search import SearchHit, SearchPage, SearchService
from desktop.ui.search_model import SearchResultModel
from tests.helpers.desks import log_entries

ACTOR = Actor(account_id=1, username="agent", role=Role.AGENT, workstation="test-ws")


def names(model: SearchResultModel) -> list[str]:
    return [model.index(r, SearchResultModel.COL_NAME).data() for r in range(model.rowCount())]


def settle(qtbot: QtBot, model: SearchResultModel) -> None:
    qtbot.waitUntil(lambda: not model.is_busy() and not model._loading, timeout=5000)


@pytest.fixture
def model(desk: Any, agent: Any) -> Iterator[SearchResultModel]:
    m = SearchResultModel(SearchService(desk), agent, debounce_ms=10)
    yield m
    m.shutdown()


def test_columns_roles_and_headers(qtbot: QtBot, model: SearchResultModel, people: dict[str, int]) -> None:
    model.set_query("odegard")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.columnCount() == 5
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Navn", "Kundenr.", "E-post (maskert)", "Telefon (maskert)", "Sted"]
    row = [model.index(0, c).data() for c in range(5)]
    assert row[0] == "Kari Ødegård" and row[1] == "K1000000" and row[4] == "Oslo"
    assert "@" in row[2] and "kari.odegard" not in row[2]  # masked, never the full address
    assert row[3] and "912 34 567" not in row[3]
    assert model.index(0, 0).data(SearchResultModel.CustomerIdRole) == people["Ødegård"]
    assert model.customer_id(0) == people["Ødegård"] and model.customer_id(5) is None


def test_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any, model: SearchResultModel,
                                       hansens: list[int]) -> None:
    model.set_query("hansen")
    qtbot.waitUntil(lambda: model.rowCount() == 50, timeout=5000)
    qtmodeltester.check(model)
    # The tester itself asks for more pages; they must still be whole, de-duplicated pages.
    settle(qtbot, model)
    assert model.rowCount() in (50, 100, 120)
    assert len({model.customer_id(r) for r in range(model.rowCount())}) == model.rowCount()
    qtmodeltester.check(model, force_py=True)


def test_pages_arrive_lazily_and_only_when_asked(qtbot: QtBot, model: SearchResultModel,
                                                hansens: list[int]) -> None:
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    model.set_query("hansen")
    qtbot.waitUntil(lambda: model.rowCount() == 50, timeout=5000)
    qtbot.wait(100)
    assert model.rowCount() == 50  # nothing more until the view asks
    assert model.has_more() and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one fetch at a time
    qtbot.waitUntil(lambda: model.rowCount() == 100, timeout=5000)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=5000)
    assert not model.has_more() and not model.canFetchMore(QModelIndex())
    assert inserted == [50, 50, 20]
    ids = [model.customer_id(r) for r in range(model.rowCount())]
    assert len(set(ids)) == 120 and set(ids) == set(hansens)


def test_one_access_log_entry_per_pause_not_per_keystroke(qtbot: QtBot, desk: Any, agent: Any,
                                                         people: dict[str, int]) -> None:
    model = SearchResultModel(SearchService(desk), agent)  # the real 200 ms pause
    try:
        before = len(log_entries(desk, "search"))
        for i in range(1, len("odegard") + 1):
            model.set_query("odegard"[:i])
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
        assert len(log_entries(desk, "search")) == before + 1
    finally:
        model.shutdown()


class GatedSearcher:
    """A searcher that blocks on the first query until released, to race the model on purpose."""

    def __init__(self, slow: str) -> None:
        self.slow = slow
        self.release = threading.Event()
        self.calls: list[str] = []

    def search(self, actor: Actor, query: str, *, after: Any = None, limit: int = 50) -> SearchPage:
        self.calls.append(query)
        if query == self.slow:
            self.release.wait(10)
        hit = SearchHit(customer_id=len(self.calls), customer_number="K1", name=f"Hit for {query}",
                        masked_email="", masked_phone="", city="")
        return SearchPage(query=query, kinds=("name",), hits=(hit,), has_more=False)


def test_fast_typing_never_shows_old_results(qtbot: QtBot) -> None:
    searcher = GatedSearcher(slow="ol")
    model = SearchResultModel(searcher, ACTOR, debounce_ms=0)
    seen: list[str] = []
    model.rowsInserted.connect(lambda *_: seen.extend(names(model)))
    try:
        model.set_query("ol")
        model.search_now()
        qtbot.waitUntil(lambda: searcher.calls == ["ol"], timeout=5000)
        model.set_query("ola")  # typed on while "ol" is still running ...
        model.search_now()
        model.set_query("ola n")  # ... and on: "ola" is dropped before it ever runs
        model.search_now()
        assert model.is_busy() and model.rowCount() == 0
        searcher.release.set()
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
        qtbot.wait(50)
        assert names(model) == ["Hit for ola n"]
        assert seen == ["Hit for ola n"]
        assert searcher.calls == ["ol", "ola n"]
    finally:
        searcher.release.set()
        model.shutdown()


def test_text_change_clears_rows_at_once(qtbot: QtBot, model: SearchResultModel, people: dict[str, int]) -> None:
    model.set_query("odegard")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    model.set_query("odegard x")
    assert model.rowCount() == 0 and model.is_busy()
    model.set_query("")
    assert model.rowCount() == 0 and not model.is_busy()


class FailingSearcher:
    def search(self, actor: Actor, query: str, *, after: Any = None, limit: int = 50) -> SearchPage:
        raise InvalidInput("The search is broken.", "Søket er ødelagt.")


class CrashingSearcher:
    def search(self, actor: Actor, query: str, *, after: Any = None, limit: int = 50) -> SearchPage:
        raise ZeroDivisionError("a bug")


@pytest.mark.parametrize(("searcher", "message"), [
    (FailingSearcher(), "Søket er ødelagt."),
    (CrashingSearcher(), "Søket mislyktes uventet. Prøv igjen; si fra til IT hvis det fortsetter."),
])
def test_failures_arrive_as_a_signal(qtbot: QtBot, searcher: Any, message: str) -> None:
    model = SearchResultModel(searcher, ACTOR, debounce_ms=0)
    try:
        with qtbot.waitSignal(model.search_failed, timeout=5000) as blocker:
            model.set_query("kari")
        assert blocker.args == [message]
        assert model.rowCount() == 0 and not model.is_busy()
    finally:
        model.shutdown()


def test_notes_from_the_service_come_in_norwegian(qtbot: QtBot, model: SearchResultModel,
                                                 people: dict[str, int]) -> None:
    notes: list[list[str]] = []
    model.notes_changed.connect(notes.append)
    model.set_query("15108695087")
    settle(qtbot, model)
    qtbot.waitUntil(lambda: any(notes), timeout=5000)
    assert notes[-1] == [
        "Ikke et gyldig fødselsnummer: kontrollsifferet stemmer ikke. Søkte som fritekst i stedet."
    ]


def test_emitting_many_signals_keeps_true_alive(qtbot: QtBot) -> None:
    """PySide6 6.12 on Python 3.11 takes a reference to True per emit (desktop/ui/qt_compat.py)."""
    import sys

    from desktop.ui import qt_compat
    from desktop.ui.qt_compat import emit

    model = SearchResultModel(FailingSearcher(), ACTOR)
    try:
        before = sys.getrefcount(True)
        for _ in range(5000):
            emit(model.searching)
        if qt_compat.SINGLETONS_PATCHED:
            # True was made effectively immortal: a margin no session can spend.
            assert sys.getrefcount(True) > 1 << 39
        else:
            assert sys.getrefcount(True) >= before - 50
    finally:
        model.shutdown()
