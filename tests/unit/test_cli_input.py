"""Odd input to the CLI gets one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest

from desktop.cli import main
from desktop.domain.deadlines import GDPR_APPLIES, ReceivedTooEarly, validate_received


@pytest.fixture
def cli(desk, people, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("GDPR_DESK_LANG", raising=False)
    db = str(desk.db.sqlite_path)

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            rc = main(["--db", db, *argv])
        except SystemExit as exc:  # argparse refusing a value: its usage line and exit 2
            rc = int(exc.code or 0)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return rc, out, err

    return run


def test_arguments_that_are_not_utf8(cli) -> None:  # type: ignore[no-untyped-def]
    bad = os.fsdecode(b"\xff\xfe")
    rc, _, err = cli("search", bad, "--agent", "agent")
    assert rc == 2 and "argument 4 is not valid text (UTF-8); nothing was done" in err
    rc, _, err = cli("request", "new", "access", "1", "--agent", "agent", "--notes", bad)
    assert rc == 2 and "not valid text (UTF-8)" in err


@pytest.mark.parametrize("argv", [
    ("request", "new", "access", "99999999999999999999", "--agent", "agent"),
    ("request", "new", "access", "2147483648", "--agent", "agent"),
    ("request", "new", "access", "0", "--agent", "agent"),
    ("erasure", "execute", "9223372036854775808", "--agent", "agent"),
    ("request", "approve", "GDPR-99999999999999", "--agent", "supervisor"),
    ("register-copy", "99999999999999999999", "--out", "/tmp/never-written.pdf", "--agent", "agent"),
    ("request", "new", "access", "1e5", "--agent", "agent"),
])
def test_ids_the_database_cannot_hold(cli, argv: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = cli(*argv)
    assert rc == 1 and err.startswith("gdpr-desk: ") and ("ids run from 1" in err or "whole number" in err)


def test_digits_from_other_scripts_are_read_as_numbers(cli, people) -> None:  # type: ignore[no-untyped-def]
    arabic = str(people["Nordmann"]).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    rc, _, err = cli("request", "new", "access", arabic, "--agent", "agent")
    assert rc == 0, err
    rc, _, err = cli("deadline", "٢٠٢٤-٠١-٠١")
    assert rc == 1 and "is not a date" in err
    rc, _, err = cli("search", "١٢٣٤٥٦٧٨٩٠١", "--agent", "agent")
    assert rc == 0


def test_dates_in_year_9999_and_before_the_shop(cli) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = cli("deadline", "9999-12-31")
    assert rc == 1 and "too far in the future" in err
    rc, _, err = cli("request", "new", "access", "1", "--agent", "agent", "--received", "9999-12-31")
    assert rc == 1 and "in the future" in err
    rc, _, err = cli("request", "new", "access", "1", "--agent", "agent", "--received", "2011-03-01")
    assert rc == 1 and "before 2018-05-25" in err
    rc, _, err = cli("search", "x", "--agent", "agent", "--limit", "99999999999999999999")
    assert rc == 2 and "outside 1-1,000" in err
    rc, _, err = cli("request", "approve", "1", "--agent", "supervisor", "--grace-hours", "nan")
    assert rc == 2


def test_received_date_floor_follows_the_policy() -> None:
    with pytest.raises(ReceivedTooEarly):
        validate_received(date(2018, 5, 24), date(2026, 1, 1))
    validate_received(GDPR_APPLIES, date(2026, 1, 1))
    with pytest.raises(ReceivedTooEarly, match="2020-01-01"):
        validate_received(date(2019, 6, 1), date(2026, 1, 1), earliest=date(2020, 1, 1))


def test_identity_number_from_standard_input(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO("Nordmann\n"))
    rc, out, err = cli("search", "--query-stdin", "--agent", "agent")
    assert rc == 0 and "Ola Nordmann" in out, err
    rc, _, err = cli("search", "x", "--query-stdin", "--agent", "agent")
    assert rc == 1 and "not both" in err
    rc, _, err = cli("search", "--agent", "agent")
    assert rc == 1 and "--query-stdin" in err
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\n"), encoding="utf-8"))
    rc, _, err = cli("search", "--query-stdin", "--agent", "agent")
    assert rc == 1 and "not valid text" in err


def test_the_policy_may_name_the_day_the_shop_began(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`operating_since` in [company] is an optional TOML date; anything else is refused by the loader."""
    from desktop.paths import resources_dir
    from desktop.policy import load_policy
    from desktop.policy.loader import PolicyError

    source = (resources_dir() / "policy" / "teknikproffset-no.toml").read_text(encoding="utf-8")
    assert load_policy().company.operating_since is None
    good = tmp_path / "good.toml"
    good.write_text(source.replace("[company]\n", "[company]\noperating_since = 2009-03-01\n", 1), encoding="utf-8")
    assert load_policy(good).company.operating_since == date(2009, 3, 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(source.replace("[company]\n", '[company]\noperating_since = "2009"\n', 1), encoding="utf-8")
    with pytest.raises(PolicyError, match="operating_since"):
        load_policy(bad)
