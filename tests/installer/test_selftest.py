"""`gdpr-desk self-test` from the source tree: every check passes, and a broken install is named."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from desktop.errors import DeskError
from desktop.selftest import SelfTest, private_workspace
from tests.installer.helpers import CHECKS, run_self_test, statuses


def test_a_failed_check_is_named_and_the_rest_still_run() -> None:
    out = io.StringIO()
    test = SelfTest(out)
    assert test.check("first", lambda: (41, "fine")) == 41

    def broken() -> tuple[int, str]:
        raise DeskError("The policy file is damaged.", "Policyfilen er skadet.")

    assert test.check("second", broken) is None
    test.skip("third")
    assert test.check("fourth", lambda: ("x", "also fine")) == "x"
    assert test.finish() == 1
    assert out.getvalue().splitlines() == [
        "ok   first: fine",
        "FAIL second: DeskError: The policy file is damaged.",
        "skip third: not run: an earlier check it builds on failed",
        "ok   fourth: also fine",
        "self-test failed: second, third",
    ]


def test_all_checks_passing_exits_zero() -> None:
    out = io.StringIO()
    test = SelfTest(out)
    test.check("only", lambda: (None, "done"))
    assert test.finish() == 0
    assert out.getvalue().splitlines()[-1] == "self-test passed: 1 checks"


def test_the_workspace_is_the_data_folder_only_while_it_lasts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GDPR_DESK_DATA_DIR", str(tmp_path / "mine"))
    with private_workspace() as root:
        assert os.environ["GDPR_DESK_DATA_DIR"] == str(root / "data")
        (root / "file").write_text("x")
    assert not root.exists()
    assert os.environ["GDPR_DESK_DATA_DIR"] == str(tmp_path / "mine")


@pytest.mark.slow
def test_self_test_from_source_passes_every_check(tmp_path: Path) -> None:
    data = tmp_path / "user-data"
    result = run_self_test([sys.executable, "-m", "desktop"], data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(result.stdout) == dict.fromkeys(CHECKS, "ok")
    assert "(source)" in result.stdout
    assert result.stdout.splitlines()[-1] == f"self-test passed: {len(CHECKS)} checks"
    # Its desk, catalog cache and settings lived in its own temporary folder; the user's data folder
    # holds at most the program's log, which every command writes to.
    assert not data.exists() or {p.name for p in data.iterdir()} <= {"logs"}


@pytest.mark.slow
def test_self_test_names_what_a_broken_install_lacks(tmp_path: Path) -> None:
    empty = tmp_path / "resources"
    empty.mkdir()
    result = run_self_test([sys.executable, "-m", "desktop"], tmp_path / "data",
                           {"GDPR_DESK_RESOURCES": str(empty)})
    assert result.returncode == 1
    found = statuses(result.stdout)
    assert found["resources"] == "FAIL"
    assert found["policy"] == "FAIL"
    assert found["fonts"] == "FAIL"
    assert found["translations"] == "FAIL"
    assert {found[name] for name in ("database", "demo customer", "register copy", "main window", "pdf viewer")} == {
        "skip"}
    # What needs no resources still works, so the report points at the missing files.
    assert found["postgresql driver"] == found["password hashing"] == found["qt"] == "ok"
    last = result.stdout.splitlines()[-1]
    assert last.startswith("self-test failed: resources, policy, fonts")
    assert "Traceback" not in result.stdout + result.stderr
