"""team_setup's checks that need no server: role names, wherever they come from, are whole names."""

from __future__ import annotations

import json

import pytest

from desktop.domain.roles import DEFAULT_APP_ROLE
from desktop.errors import InvalidInput
from desktop.services.team_setup import APP_ROLES_META, _recorded_roles, check_role_name


def test_recorded_roles_keep_only_whole_role_names() -> None:
    """The list is granted to by name in DDL: a trailing newline or a second line is no role name."""
    meta = {APP_ROLES_META: json.dumps(["gdpr_desk_app\n", "desk_app\nDROP", "desk_ws", "Desk", 7])}
    assert _recorded_roles(meta) == ["desk_ws"]


@pytest.mark.parametrize("name", ["desk\napp", "pg_desk", "Desk", "desk-app", "a" * 64, "public", ""])
def test_check_role_name_refuses_what_is_not_a_plain_role_name(name: str) -> None:
    with pytest.raises(InvalidInput, match="cannot be the application role"):
        check_role_name(name)


def test_check_role_name_accepts_the_default_and_trims_the_edges() -> None:
    assert check_role_name(f" {DEFAULT_APP_ROLE}\n") == DEFAULT_APP_ROLE
    assert check_role_name("a" * 63) == "a" * 63


def test_init_team_help_names_the_default_role(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    with pytest.raises(SystemExit):
        main(["db", "init-team", "--help"])
    assert f"(default {DEFAULT_APP_ROLE}; created if missing)" in " ".join(capsys.readouterr().out.split())
