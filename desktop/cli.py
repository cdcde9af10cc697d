"""`gdpr-desk`: opens the desk, and the admin commands for scripts and the mailroom.

Errors a person can act on are printed as one line and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.errors import DeskError

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext

EXIT_USAGE = 2
EXIT_ERROR = 1


def _lang() -> str:
    env = os.environ.get("GDPR_DESK_LANG") or os.environ.get("LANG", "")
    if env[:2] in ("nb", "no", "nn"):
        return "nb"
    # Swedish where a text has it (errors, erasure plans); everything else falls back to English.
    return "sv" if env[:2] == "sv" else "en"


def _db_url(args: argparse.Namespace) -> str:
    if getattr(args, "db", None):
        url: str = args.db
        return url if "://" in url else f"sqlite:///{os.path.abspath(url)}"
    env = os.environ.get("GDPR_DESK_DB")
    if env:
        return env if "://" in env else f"sqlite:///{os.path.abspath(env)}"
    from desktop.paths import default_database_url

    return default_database_url()


def _password(prompt: str) -> str:
    env = os.environ.get("GDPR_DESK_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise DeskError("No password: set GDPR_DESK_PASSWORD or run in a terminal.",
                        "Mangler passord: sett GDPR_DESK_PASSWORD eller kjør i en terminal.")
    return getpass.getpass(prompt)


#: Desks this command opened: their log is compared with this workstation's anchor once more at the end.
_OPENED: list[DeskContext] = []
_WARNED: set[int] = set()


def _open(args: argparse.Namespace) -> DeskContext:
    from desktop.services.context import open_desk

    ctx = open_desk(_db_url(args))
    _OPENED.append(ctx)
    _warn_if_log_moved(ctx)
    return ctx


def _warn_if_log_moved(ctx: DeskContext) -> bool:
    """Print the workstation anchor's warning on stderr; True when the log is not what was seen."""
    from desktop.services.log_anchor import LogAnchorService

    status = LogAnchorService(ctx).check_workstation()
    if not status.ok and id(ctx) not in _WARNED:
        _WARNED.add(id(ctx))
        print(f"gdpr-desk: {status.text(_lang())}", file=sys.stderr)
    return not status.ok


def _warn_policy_gaps(ctx: DeskContext) -> None:
    """What the policy file lacks that copies must tell people (services.policy_check), on stderr."""
    from desktop.services.policy_check import policy_warnings

    for warning in policy_warnings(ctx.policy):
        print(f"gdpr-desk: {'advarsel' if _lang() == 'nb' else 'varning' if _lang() == 'sv' else 'warning'}: "
              f"{warning.text(_lang())}", file=sys.stderr)


def _login(ctx: DeskContext, agent: str) -> Actor:
    from desktop.domain.roles import Role
    from desktop.services.accounts import AccountService

    actor = AccountService(ctx).login(agent, _password(f"Password for {agent}: "))
    if actor.role is Role.ADMIN:
        _warn_policy_gaps(ctx)  # the administrator is the one who can fill the policy file in
    return actor


# --- commands -------------------------------------------------------------------------------

def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    rc: int = run_gui(_db_url(args) if (args.db or os.environ.get("GDPR_DESK_DB")) else None)
    return rc


def cmd_demo(args: argparse.Namespace) -> int:
    """Open the app on a demo database in the data folder, building it on first use."""
    from desktop.app import run_gui
    from desktop.paths import data_dir

    path = data_dir() / "demo.sqlite3"
    url = f"sqlite:///{path}"
    if not path.exists() or args.rebuild:
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                  path.with_name(path.name + ".keys")):
            p.unlink(missing_ok=True)
        ns = argparse.Namespace(db=url, customers=args.customers, seed=args.seed)
        rc = cmd_demo_data(ns)
        if rc:
            return rc
    if args.no_gui:
        print(url)
        return 0
    status: int = run_gui(url)
    return status


def cmd_settings(args: argparse.Namespace) -> int:
    """This workstation's settings as the desk reads them: every declared key, its value and default."""
    from desktop import settings as options
    from desktop.ui.settings_store import desk_settings  # lazy: imports Qt, which only this command needs

    store = desk_settings()
    if args.key is not None:
        option = options.OPTIONS.get(args.key)
        if option is None:
            print(f"unknown setting {args.key!r}; `gdpr-desk settings` lists them", file=sys.stderr)
            return EXIT_USAGE
        print(_setting_text(option.read(store)))
        return 0
    for option in options.OPTIONS.values():
        value = option.read(store)
        note = "" if value == option.default else f"  (default {_setting_text(option.default)})"
        print(f"{option.key} = {_setting_text(value)}{note}  # {option.doc}")
    return 0


def _setting_text(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return str(value) if value != "" else "(empty)"
    return "(saved window state)"


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from desktop.storage.database import Database
    from desktop.storage.migrate import current_revision, head_revision, upgrade

    db = Database(_db_url(args))
    try:
        before = current_revision(db)
        upgrade(db)
        from desktop.services.context import init_meta

        init_meta(db, demo=False)
        print(f"database {db.display_name()}: {before or 'empty'} -> {head_revision()}")
        from desktop.services.team_setup import reapply_grants

        for note in reapply_grants(db):
            print(note)
    finally:
        db.dispose()
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from desktop.storage.database import Database

    db = Database(_db_url(args), create=False)
    try:
        result = db.integrity_check()
    finally:
        db.dispose()
    print(f"database {db.display_name()}: {result}")
    return 0 if result == "ok" else 3


def _secret_from_stdin(what: str) -> str:
    """One line from standard input, for scripts that must not put a secret on the command line."""
    try:
        line = sys.stdin.readline().rstrip("\r\n")
        line.encode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError) as exc:
        raise DeskError(f"The {what} on standard input is not valid text (UTF-8).",
                        f"{what.capitalize()} på standard inn er ikke gyldig tekst (UTF-8).") from exc
    if not line:
        raise DeskError(f"No {what} on standard input.", f"Ingen {what} på standard inn.")
    return line


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str:
    if args.passphrase_stdin:
        return _secret_from_stdin("passphrase")
    if not sys.stdin.isatty():
        raise DeskError("No passphrase: run in a terminal or use --passphrase-stdin.",
                        "Mangler passordfrase: kjør i en terminal eller bruk --passphrase-stdin.")
    first = getpass.getpass("Passphrase for the key file: ")
    if twice and getpass.getpass("The same passphrase again: ") != first:
        raise DeskError("The two passphrases differ; nothing was written.",
                        "De to passordfrasene er ulike; ingenting ble skrevet.")
    return first


def cmd_db_init_team(args: argparse.Namespace) -> int:
    """Set up a team's PostgreSQL database as its owner: schema, keys, the application role."""
    from desktop.services.team_setup import init_team

    password = _secret_from_stdin("password") if args.app_password_stdin else None
    report = init_team(_db_url(args), app_role=args.app_role, app_password=password)
    print(report.describe())
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    """Write the database's keys to a passphrase-encrypted file for other workstations."""
    from pathlib import Path

    from desktop.security.key_transfer import check_passphrase, refuse_existing
    from desktop.services.team_setup import export_keys_file

    out = Path(args.out)
    refuse_existing(out)
    passphrase = _passphrase(args, twice=True)
    check_passphrase(passphrase)
    done = export_keys_file(_db_url(args), out, passphrase)
    print(f"keys of database {done.database} (instance {done.instance_id}) written to {done.path} (mode 0600). "
          "Keep the file and its passphrase apart.")
    return 0


def cmd_keys_import(args: argparse.Namespace) -> int:
    """Put the database's keys from an export file into this workstation's keyring, once verified."""
    from pathlib import Path

    from desktop.services.team_setup import import_keys_file

    done = import_keys_file(_db_url(args), Path(args.infile), lambda: _passphrase(args, twice=False))
    print(done.describe())
    return 0


def cmd_sms_token(args: argparse.Namespace) -> int:
    """Store (or with --clear, forget) the SMS provider's auth token in this workstation's keyring."""
    import contextlib

    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    from desktop.security.keys import HOW_TO_GET_A_KEYRING, SERVICE, keyring_available

    if not keyring_available():
        raise DeskError("No OS keyring is available for the SMS auth token. " + HOW_TO_GET_A_KEYRING,
                        "Ingen nøkkelring er tilgjengelig for SMS-nøkkelen. Windows og macOS har nøkkelring "
                        "innebygd; på Linux installer og lås opp GNOME Keyring eller KWallet.")
    try:
        if args.clear:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, "sms")
            print("SMS auth token removed from the keyring")
            return 0
        keyring.set_password(SERVICE, "sms", _secret_from_stdin("auth token"))
    except KeyringError as exc:
        raise DeskError(f"The OS keyring failed ({exc}).", f"Nøkkelringen feilet ({exc}).") from exc
    print("SMS auth token stored in the keyring (service gdpr-desk, entry sms)")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from desktop.demo.generator import generate_demo_data
    from desktop.services.context import open_desk

    if args.customers < 1:
        raise DeskError("--customers must be at least 1.", "--customers må være minst 1.")
    ctx = open_desk(_db_url(args), migrate=True, demo=True, create_keys=True)
    try:
        if not ctx.demo:
            raise DeskError(
                "This database is not a demo database; demo data goes into a new or demo database only.",
                "Denne databasen er ikke en demodatabase; demodata legges bare i en ny eller demodatabase.",
            )
        bar = _ProgressBar(args.customers, "customers")
        report = generate_demo_data(ctx, customers=args.customers, seed=args.seed, progress=bar.update)
        bar.done()
        print(report.describe())
    finally:
        ctx.close()
    return 0


def cmd_accounts_add(args: argparse.Namespace) -> int:
    from desktop.services.accounts import AccountService

    ctx = _open(args)
    try:
        accounts = AccountService(ctx)
        accounts.add(args.name, args.role, _password(f"New password for {args.name}: "), args.display_name)
        login = accounts.db_login(args.name)
        print(f"added {args.name} ({args.role})"
              + (f"; their own database login is {login} (same password, scram-sha-256)" if login else ""))
    finally:
        ctx.close()
    return 0


def cmd_accounts_disable(args: argparse.Namespace) -> int:
    from desktop.services.accounts import AccountService

    ctx = _open(args)
    try:
        AccountService(ctx).set_disabled(args.name, not args.enable)
        print(f"{'enabled' if args.enable else 'disabled'} {args.name}")
    finally:
        ctx.close()
    return 0


def cmd_accounts_role(args: argparse.Namespace) -> int:
    from desktop.services.accounts import AccountService

    ctx = _open(args)
    try:
        AccountService(ctx).set_role(args.name, args.role)
        print(f"{args.name}: role {args.role}")
    finally:
        ctx.close()
    return 0


def cmd_accounts_password(args: argparse.Namespace) -> int:
    """Set a person's password (and, on a team server, their database login's)."""
    from desktop.domain.roles import system_actor
    from desktop.services.accounts import AccountService

    ctx = _open(args)
    try:
        AccountService(ctx).set_password(system_actor(ctx.workstation, "accounts"), args.name,
                                         _password(f"New password for {args.name}: "))
        print(f"password set for {args.name}")
    finally:
        ctx.close()
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.services.search import SearchService

    if (args.query is None) == (not args.query_stdin):
        raise DeskError("Give the search either as QUERY or on standard input with --query-stdin, not both.",
                        "Oppgi søket enten som QUERY eller på standard inn med --query-stdin, ikke begge.")
    # An identity number on the command line ends up in shell history and the process list.
    query = _secret_from_stdin("search") if args.query_stdin else args.query
    ctx = _open(args)
    try:
        actor = _login(ctx, args.agent)
        page = SearchService(ctx).search(actor, query, limit=args.limit)
        for note in page.notes_nb if _lang() == "nb" else page.notes:
            print(f"# {note}", file=sys.stderr)
        for hit in page.hits:
            contact = ", ".join(x for x in (hit.masked_email, hit.masked_phone) if x)
            print(f"{hit.customer_id}\t{hit.name}\t{contact}")
        if page.has_more:
            print(f"# more than {len(page.hits)} hits: refine the search", file=sys.stderr)
    finally:
        ctx.close()
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """The chain, this workstation's anchor, and with --checkpoint the auditor's signed checkpoint."""
    from desktop.cli_audit import read_checkpoint, verify_with_checkpoint

    checkpoint = read_checkpoint(args.checkpoint) if args.checkpoint else None
    ctx = _open(args)
    try:
        if checkpoint is not None:
            return verify_with_checkpoint(ctx, checkpoint, _lang())
        with ctx.db.transaction() as s:
            result = ctx.audit.verify(s)
        print(result.describe())
        moved = _warn_if_log_moved(ctx)
        return 0 if result.ok and not moved else 3
    finally:
        ctx.close()


def cmd_audit_checkpoint(args: argparse.Namespace) -> int:
    from desktop.cli_audit import make_checkpoint

    ctx = _open(args)
    try:
        return make_checkpoint(ctx, args.out, new_key=args.new_key, lang=_lang())
    finally:
        ctx.close()


def cmd_audit_anchor(args: argparse.Namespace) -> int:
    """Show this workstation's anchor; with --accept (an admin) remember the log as it is now."""
    from desktop.services.log_anchor import LogAnchorService

    ctx = _open(args)
    try:
        service = LogAnchorService(ctx)
        if args.accept:
            if not args.agent:
                raise DeskError("--accept needs --agent (an administrator).",
                                "--accept krever --agent (en administrator).")
            before = service.accept_current(_login(ctx, args.agent))
            seen = before.remembered.seq if before.remembered else 0
            now = before.tip.seq if before.tip else 0
            print(f"accepted: this workstation had entry {seen}; it now remembers entry {now}")
            return 0
        status = service.check_workstation()
        print(status.text(_lang()))
        return 0 if status.ok else 3
    finally:
        ctx.close()


def cmd_deadline(args: argparse.Namespace) -> int:
    """The deadlines as the organisation counts them: its roll-forward rule comes from the database."""
    from desktop.domain.deadlines import extended_due, response_due
    from desktop.services.org_settings import OrgSettingsService

    try:
        received = date.fromisoformat(args.received)
    except ValueError as exc:
        raise DeskError(f"'{args.received}' is not a date: use YYYY-MM-DD.",
                        f"'{args.received}' er ikke en dato: bruk ÅÅÅÅ-MM-DD.") from exc
    ctx = _open(args)
    try:
        roll = OrgSettingsService(ctx).roll_forward()
    finally:
        ctx.close()
    try:
        due = response_due(received, roll_forward=roll)
        ext = extended_due(received, roll_forward=roll)
    except (OverflowError, ValueError) as exc:
        raise DeskError(f"{received.isoformat()} is too far in the future: its deadline falls after the year 9999.",
                        f"{received.isoformat()} er for langt frem i tid: fristen faller etter år 9999.") from exc
    print(f"received {received.isoformat()}\ndue {due.isoformat()}\nextended {ext.isoformat()}\n"
          f"roll-forward {'on' if roll else 'off'}")
    return 0


def cmd_rules_roll_forward(args: argparse.Namespace) -> int:
    """Show the organisation's roll-forward rule, or (an administrator) change it; the change is logged."""
    from desktop.services.org_settings import OrgSettingsService

    ctx = _open(args)
    try:
        svc = OrgSettingsService(ctx)
        if args.state is None:
            print(f"roll-forward {'on' if svc.roll_forward() else 'off'}")
            return 0
        if not args.agent:
            raise DeskError("Changing the rule takes an administrator: add --agent NAME.",
                            "Å endre regelen krever en administrator: legg til --agent NAVN.")
        change = svc.set_roll_forward(_login(ctx, args.agent), args.state == "on")
        print(f"roll-forward {'on' if change.before else 'off'} -> {'on' if change.after else 'off'}")
    finally:
        ctx.close()
    return 0


def cmd_erasure_weigh_fraud(args: argparse.Namespace) -> int:
    """A supervisor weighs the fraud records of an erasure request: keep or erase, with reasons."""
    from desktop.services.accounts import AccountService
    from desktop.services.fraud_weighing import FraudWeighingService

    request_id = _request_id(args.request_id)
    ctx = _open(args)
    try:
        password = _password(f"Password for {args.agent}: ")
        actor = AccountService(ctx).login(args.agent, password)
        view = FraudWeighingService(ctx).weigh(actor, request_id, args.decision, args.reasons, password)
        print(f"{request_id}\tfraud records: {view.outcome.value}\t{view.decided_at:%Y-%m-%d %H:%M} UTC")
    finally:
        ctx.close()
    return 0


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DeskError(f"'{value}' is not a date: use YYYY-MM-DD.",
                        f"'{value}' er ikke en dato: bruk ÅÅÅÅ-MM-DD.") from exc


def cmd_request_list(args: argparse.Namespace) -> int:
    """Open requests, soonest deadline first: id, type, state, customer id, due date, days left."""
    from desktop.services.requests import RequestService, parse_request_type

    types = [parse_request_type(t) for t in args.type] if args.type else None
    ctx = _open(args)
    try:
        actor = _login(ctx, args.agent)
        rows = RequestService(ctx).queue(actor, types=types, mine=args.mine, overdue_only=args.overdue)
        for row in rows:
            customer = "" if row.customer_id is None else str(row.customer_id)
            left = "" if row.days_left is None else str(row.days_left)
            print(f"{row.request_id}\t{row.type.value}\t{row.state.value}\t{customer}\t"
                  f"{row.due_on.isoformat()}\t{left}")
    finally:
        ctx.close()
    return 0


def cmd_request_new(args: argparse.Namespace) -> int:
    """File a request from a script or the mailroom; prints its id, reference, state and due date."""
    from desktop.cli_input import parse_id
    from desktop.services.requests import RequestService, parse_channel, parse_request_type

    rtype = parse_request_type(args.type)
    channel = parse_channel(args.channel)
    customer_id = parse_id(args.customer_id, "a customer id", "et kunde-id")
    received = _parse_date(args.received) if args.received else None
    ctx = _open(args)
    try:
        actor = _login(ctx, args.agent)
        view = RequestService(ctx).file(actor, rtype, customer_id, channel=channel, received_on=received,
                                        notes=args.notes or "", marketing_channel=args.marketing_channel,
                                        allow_duplicate=args.allow_duplicate)
        print(f"{view.id}\t{view.reference}\t{view.state.value}\tdue {view.effective_due.isoformat()}")
        if view.is_duplicate and view.duplicate_of_id is not None:
            print(f"# filed as a duplicate of request {view.duplicate_of_id}", file=sys.stderr)
    finally:
        ctx.close()
    return 0


def _request_id(value: str) -> int:
    from desktop.cli_input import parse_id

    return parse_id(value.strip().removeprefix("GDPR-"), "a request id (a number or GDPR-000123)",
                    "et henvendelses-id (et tall eller GDPR-000123)")


def cmd_request_approve(args: argparse.Namespace) -> int:
    """Approve an erasure's stored plan after re-checking it against the data (four eyes)."""
    from datetime import timedelta

    from desktop.services.accounts import AccountService
    from desktop.services.erasure import ErasureService

    request_id = _request_id(args.id)
    ctx = _open(args)
    try:
        password = _password(f"Password for {args.agent}: ")
        actor = AccountService(ctx).login(args.agent, password)
        svc = ErasureService(ctx, grace=timedelta(hours=args.grace_hours))
        plan = svc.get_plan(actor, request_id)
        if plan.stale:
            raise DeskError("The data changed since the plan was made; make the plan again.",
                            "Opplysningene er endret siden planen ble laget; lag planen på nytt.")
        approval = svc.approve(actor, request_id, password, plan.stored_fingerprint or plan.fingerprint)
        after = approval.executes_after.isoformat(sep=" ", timespec="minutes") if approval.executes_after else "-"
        print(f"{request_id}\tapproved\tplan {approval.plan_fingerprint}\texecutes after {after} UTC")
    finally:
        ctx.close()
    return 0


def cmd_request_reject(args: argparse.Namespace) -> int:
    """Reject an erasure's plan with a written reason (four eyes)."""
    from desktop.services.accounts import AccountService
    from desktop.services.erasure import ErasureService

    request_id = _request_id(args.id)
    ctx = _open(args)
    try:
        password = _password(f"Password for {args.agent}: ")
        actor = AccountService(ctx).login(args.agent, password)
        decision = ErasureService(ctx).reject(actor, request_id, password, args.reason)
        print(f"{request_id}\trejected\tplan {decision.plan_fingerprint}")
    finally:
        ctx.close()
    return 0


def cmd_erasure_plan(args: argparse.Namespace) -> int:
    """Make (or, with --preview, only show) an erasure plan, printed grouped by purpose."""
    from desktop.services.erasure import ErasureRefused, ErasureService

    request_id = _request_id(args.request_id)
    ctx = _open(args)
    try:
        actor = _login(ctx, args.agent)
        svc = ErasureService(ctx)
        try:
            plan = (svc.preview_plan(actor, request_id, args.purpose) if args.preview
                    else svc.make_plan(actor, request_id, args.purpose))
        except ErasureRefused as exc:
            if exc.plan is not None:
                print(exc.plan.describe(_lang()))
            raise
        print(plan.describe(_lang()))
    finally:
        ctx.close()
    return 0


def cmd_erasure_execute(args: argparse.Namespace) -> int:
    """Carry out an approved erasure; exit 4 while its purge is pending (not yet provably erased)."""
    from desktop.cli_files import handle_written_files
    from desktop.services.erasure import ErasureService
    from desktop.services.written_files import WrittenFileService

    request_id = _request_id(args.request_id)
    ctx = _open(args)
    try:
        actor = _login(ctx, args.agent)
        files = WrittenFileService(ctx)
        customer_id = files.customer_of(request_id)  # before the erasure unlinks it
        numbers = files.outbox_numbers(actor, customer_id)
        result = ErasureService(ctx).execute(actor, request_id)
        files.purge_sms_outbox(numbers)
        _print_erasure(result)
        handle_written_files(ctx, actor, customer_id, remove=args.remove_files, assume_yes=args.yes, lang=_lang())
        return 0 if result.run_state == "done" else 4
    finally:
        ctx.close()


def cmd_erasure_purge(args: argparse.Namespace) -> int:
    """Finish pending purges (checkpoint and scan); exit 4 if any is still pending."""
    from desktop.domain.roles import system_actor
    from desktop.services.erasure import ErasureService

    ctx = _open(args)
    try:
        results = ErasureService(ctx).complete_pending_purges(system_actor(ctx.workstation, "erasure-purge"))
        for result in results:
            _print_erasure(result)
        return 4 if any(r.run_state != "done" for r in results) else 0
    finally:
        ctx.close()


def _print_erasure(result: object) -> None:
    from desktop.services.erasure import ErasureResult

    assert isinstance(result, ErasureResult)
    residue = result.residue
    scan = ("not applicable" if residue is None or not residue.applicable else
            f"checkpoint {'busy' if residue.checkpoint_busy else 'ok'}, wal {residue.wal_bytes} bytes, "
            f"{residue.markers} values scanned in {residue.db_bytes} bytes, {residue.found} found")
    until = result.restrict_until.isoformat() if result.restrict_until else "-"
    print(f"{result.request_id}\t{result.reference}\t{result.status}\terased "
          f"{sum(result.erased.values())}\trestricted {sum(result.restricted.values())} until {until}\t"
          f"notices {result.notifications}\t{scan}")


def cmd_retention_run(args: argparse.Namespace) -> int:
    """The scheduled job: approved erasures past their grace period, pending purges, then retention."""
    from desktop.domain.roles import system_actor
    from desktop.services.erasure import ErasureService
    from desktop.services.retention import RetentionProgress, RetentionService

    ctx = _open(args)
    try:
        actor = system_actor(ctx.workstation, "retention")
        rc = 0
        if not args.dry_run:
            erasure = ErasureService(ctx)
            done, failed = erasure.execute_due(actor)
            for result in done:
                _print_erasure(result)
            for request_id, reason in failed:
                print(f"# erasure {request_id} not run: {reason}", file=sys.stderr)
            for result in erasure.complete_pending_purges(actor):
                _print_erasure(result)
                rc = 4 if result.run_state != "done" else rc
        def progress(p: RetentionProgress) -> None:
            if sys.stderr.isatty():
                print(f"\r# batch {p.batch}: {p.people:,} people", end="", file=sys.stderr, flush=True)

        report = RetentionService(ctx).run(actor, dry_run=args.dry_run, batch=args.batch, on_batch=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(report.describe(_lang()))
        return rc
    finally:
        ctx.close()


def cmd_register_copy(args: argparse.Namespace) -> int:
    """The register copy as a PDF file for the mailroom: reviewed for third parties, encrypted by default
    (the password is printed); without --request only with a written reason, which is logged."""
    from pathlib import Path

    from desktop.cli_input import parse_id
    from desktop.cli_sources import sources_path
    from desktop.domain.roles import Role
    from desktop.services.named_recipients import named_systems
    from desktop.services.register_copy import RegisterCopyService
    from desktop.services.register_copy_direct import make_copy
    from desktop.services.written_files import check_target

    customer_id = parse_id(args.customer_id, "a customer id", "et kunde-id")
    request_id = _request_id(args.request) if args.request is not None else None
    check_target(Path(args.out), replace=args.replace)  # before anything is read or logged
    if request_id is None and not (args.reason or "").strip():
        raise DeskError("A copy without --request needs --reason \"why the copy is made\" (it is logged).",
                        "En utskrift uten --request krever --reason \"hvorfor utskriften lages\" (det logges).")
    ctx = _open(args)
    try:
        actor = _login(ctx, args.agent)
        if actor.role is not Role.ADMIN:
            _warn_policy_gaps(ctx)  # whoever makes a copy should know what it cannot yet say
        named = named_systems(sources_path(args), ctx.policy)  # before the copy: a bad file logs nothing
        copy = make_copy(RegisterCopyService(ctx), actor, customer_id, args.out, lang=args.lang,
                         request_id=request_id, reason=args.reason or "", withhold=args.withhold or (),
                         waive_review=args.waive_review, encrypt=not args.no_encrypt, replace=args.replace,
                         named_recipients=named)
        if not copy.postal:
            print("gdpr-desk: " + ("kunden har ingen postadresse: utskriften kan ikke sendes i vinduskonvolutt"
                                   if _lang() == "nb" else "the customer has no postal address: the copy cannot "
                                   "be posted in a window envelope"), file=sys.stderr)
        print(f"{copy.path}\t{copy.size} bytes\t{copy.records} records")
        if copy.password is not None:
            print(f"password: {copy.password}")
        if copy.waived:
            print("gdpr-desk: " + ("gjennomgangen av tredjepersoner ble frafalt (logget)" if _lang() == "nb"
                                   else "the third-party review was waived (logged)"), file=sys.stderr)
    finally:
        ctx.close()
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    """Check this installation offscreen, one line per check; touches no user data or keyring."""
    from pathlib import Path

    from desktop.selftest import SelfTest, SelfTestDesk, run_self_test

    def ui_checks(test: SelfTest, root: Path, desk: SelfTestDesk | None) -> None:
        # Imported here, so a copy whose Qt is broken still reports every check below the UI.
        from desktop.ui.selftest import run_ui

        run_ui(test, root, desk)

    return run_self_test(sys.stdout, ui=ui_checks, verbose=args.verbose)


class _ProgressBar:
    def __init__(self, total: int, unit: str) -> None:
        self.total, self.unit, self.last = total, unit, -1
        self.tty = sys.stderr.isatty()

    def update(self, done: int, total: int) -> None:
        pct = int(done * 100 / max(total, 1))
        if pct == self.last:
            return
        self.last = pct
        filled = pct * 30 // 100
        line = f"[{'#' * filled}{'.' * (30 - filled)}] {pct:3d}%  {done:,}/{total:,} {self.unit}"
        if self.tty:
            print("\r" + line, end="", file=sys.stderr, flush=True)
        elif pct % 10 == 0:
            print(line, file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def _grace_hours(text: str) -> float:
    """0 to a year of hours; NaN, infinity and negatives are refused by argparse."""
    import math

    try:
        hours = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of hours") from exc
    if not math.isfinite(hours) or not 0 <= hours <= 24 * 366:
        raise argparse.ArgumentTypeError(f"{text} is outside 0-{24 * 366} hours")
    return hours


def build_parser() -> argparse.ArgumentParser:
    from desktop.cli_input import bounded_int

    p = argparse.ArgumentParser(prog="gdpr-desk", description="GDPR Desk: customer-service desk for GDPR requests.")
    p.add_argument("--version", action="version", version=f"gdpr-desk {__version__}")
    p.add_argument("--db", help="database URL or SQLite file (default: the embedded database)")
    p.set_defaults(func=cmd_gui)
    sub = p.add_subparsers(dest="command")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_)
        sp.add_argument("--db", default=argparse.SUPPRESS, help="database URL or SQLite file")
        sp.set_defaults(func=func)
        return sp

    add("gui", cmd_gui, "open the desk (the default)")
    sp = add("demo", cmd_demo, "open the desk on a demo database in the data folder")
    sp.add_argument("--customers", type=bounded_int(1, 5_000_000), default=2000)
    sp.add_argument("--seed", type=bounded_int(0, 2**63 - 1), default=1)
    sp.add_argument("--rebuild", action="store_true", help="throw the demo database away and build it anew")
    sp.add_argument("--no-gui", action="store_true", help="build the demo database and print its URL")

    sp = sub.add_parser("settings", help="this workstation's settings (the ones Settings edits), with defaults")
    sp.add_argument("--key", help="print only this setting's value, e.g. smtp/host")
    sp.set_defaults(func=cmd_settings)

    db = sub.add_parser("db", help="database administration")
    dbs = db.add_subparsers(dest="db_command", required=True)
    sp = dbs.add_parser("upgrade", help="create or upgrade the schema")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_db_upgrade)
    sp = dbs.add_parser("check", help="full integrity check of the database file (slow on large files)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_db_check)
    sp = dbs.add_parser("init-team", help="as the owner: set up a PostgreSQL database for a team (schema, keys, "
                        "the team's groups; each person then has their own login); safe to run again")
    sp.add_argument("--db", default=argparse.SUPPRESS, help="postgresql+psycopg://OWNER@HOST/DATABASE")
    from desktop.domain.roles import DEFAULT_APP_ROLE  # not team_setup: the parser must stay cheap to build

    sp.add_argument("--app-role", default=DEFAULT_APP_ROLE, help="the team's base group, the shared "
                    "application role of earlier versions (default %(default)s; created if missing)")
    sp.add_argument("--app-password-stdin", action="store_true",
                    help="refused: there is no shared password any more (kept to say so clearly)")
    sp.set_defaults(func=cmd_db_init_team)

    ks = sub.add_parser("keys", help="the database's keys: carry them to another workstation's keyring")
    kss = ks.add_subparsers(dest="keys_command", required=True)
    sp = kss.add_parser("export", help="write the keys to a new file encrypted with a passphrase (asked twice)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.add_argument("--out", required=True, metavar="FILE", help="the file to create (mode 0600; never overwritten)")
    sp.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from standard input")
    sp.set_defaults(func=cmd_keys_export)
    sp = kss.add_parser("import", help="check an export belongs to this database, then add it to the keyring")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.add_argument("--in", required=True, dest="infile", metavar="FILE", help="the file keys export wrote")
    sp.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from standard input")
    sp.set_defaults(func=cmd_keys_import)

    sm = sub.add_parser("sms", help="the SMS provider (Twilio): its auth token in the keyring")
    sms = sm.add_subparsers(dest="sms_command", required=True)
    sp = sms.add_parser("token", help="store the auth token read from the first line of standard input")
    sp.add_argument("--clear", action="store_true", help="remove the stored token instead")
    sp.set_defaults(func=cmd_sms_token)

    sp = add("demo-data", cmd_demo_data, "fill a new database with deterministic demo data")
    sp.add_argument("--customers", type=bounded_int(1, 5_000_000), required=True)
    sp.add_argument("--seed", type=bounded_int(0, 2**63 - 1), default=1)

    acc = sub.add_parser("accounts", help="staff accounts")
    accs = acc.add_subparsers(dest="acc_command", required=True)
    sp = accs.add_parser("add", help="add an account (password from GDPR_DESK_PASSWORD or a prompt)")
    sp.add_argument("name")
    sp.add_argument("--role", required=True, choices=["agent", "supervisor", "admin"])
    sp.add_argument("--display-name")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_accounts_add)
    sp = accs.add_parser("disable", help="disable an account")
    sp.add_argument("name")
    sp.add_argument("--enable", action="store_true", help="enable it again instead")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_accounts_disable)
    sp = accs.add_parser("role", help="change an account's role (team server: moves its login's group)")
    sp.add_argument("name")
    sp.add_argument("--role", required=True, choices=["agent", "supervisor", "admin"])
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_accounts_role)
    sp = accs.add_parser("password", help="set an account's password (GDPR_DESK_PASSWORD or a prompt); on a "
                                          "team server also its database login's")
    sp.add_argument("name")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_accounts_password)

    sp = add("search", cmd_search, "search customers (logged); prints id, name, masked contact")
    sp.add_argument("query", nargs="?", help="name, e-mail, phone, order number or identity number")
    sp.add_argument("--query-stdin", action="store_true", help="read the search (an identity number, say) from "
                    "the first line of standard input, so it stays out of shell history and the process list")
    sp.add_argument("--agent", required=True)
    sp.add_argument("--limit", type=bounded_int(1, 1000), default=50)

    au = sub.add_parser("audit", help="the access log")
    aus = au.add_subparsers(dest="audit_command", required=True)
    sp = aus.add_parser("verify", help="verify the hash chain and this workstation's anchor; exit 0 when intact")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.add_argument("--checkpoint", metavar="FILE", help="also prove the log still extends this signed checkpoint")
    sp.set_defaults(func=cmd_audit_verify)
    sp = aus.add_parser("checkpoint", help="sign the log's current end for the auditor (printed, or --out FILE)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.add_argument("--out", metavar="FILE", help="a new file to write the checkpoint to (never overwritten)")
    sp.add_argument("--new-key", action="store_true", help="start a checkpoint key: the private half goes into "
                    "this keyring, the public half into the database (owner login on PostgreSQL)")
    sp.set_defaults(func=cmd_audit_checkpoint)
    sp = aus.add_parser("anchor", help="compare the log with what this workstation has seen; exit 3 if shorter or "
                        "different")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.add_argument("--accept", action="store_true", help="after looking into a warning: remember the log as it "
                    "is now (logged; needs an administrator's --agent)")
    sp.add_argument("--agent", help="sign in as this administrator (for --accept)")
    sp.set_defaults(func=cmd_audit_anchor)

    sp = add("deadline", cmd_deadline, "print the response due date and the latest extended date, counted by "
             "the organisation's roll-forward rule (from the database)")
    sp.add_argument("received", help="YYYY-MM-DD")

    ru = sub.add_parser("rules", help="the organisation's rules, the same on every workstation")
    rus = ru.add_subparsers(dest="rules_command", required=True)
    sp = rus.add_parser("roll-forward", help="show whether due dates move off weekends and holidays; with on/off, "
                        "change it (an administrator; password from GDPR_DESK_PASSWORD or a prompt; logged)")
    sp.add_argument("state", nargs="?", choices=["on", "off"])
    sp.add_argument("--agent", help="sign in as this administrator (needed to change the rule)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_rules_roll_forward)

    rq = sub.add_parser("request", help="data-subject requests")
    rqs = rq.add_subparsers(dest="request_command", required=True)
    sp = rqs.add_parser("list", help="open requests (logged): id, type, state, customer id, due date, days left")
    sp.add_argument("--agent", required=True, help="sign in as this user")
    sp.add_argument("--overdue", action="store_true", help="only requests past their due date")
    sp.add_argument("--mine", action="store_true", help="only requests assigned to the signed-in user")
    sp.add_argument("--type", action="append", help="only this request type (may be repeated)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_request_list)
    sp = rqs.add_parser("new", help="file a request; prints id, reference, state and due date")
    sp.add_argument("type", metavar="TYPE", help="access, rectification, erasure, restriction, "
                    "objection_legitimate_interest, objection_direct_marketing, portability, withdraw_consent")
    sp.add_argument("customer_id", metavar="CUSTOMER_ID")
    sp.add_argument("--agent", required=True, help="sign in as this user; the request is assigned to them")
    sp.add_argument("--channel", default="letter", help="phone, email, letter (default), counter or web")
    sp.add_argument("--received", help="YYYY-MM-DD, when it arrived (default: today)")
    sp.add_argument("--notes")
    sp.add_argument("--marketing-channel", help="for a marketing objection: email, sms, post or all (default)")
    sp.add_argument("--allow-duplicate", action="store_true",
                    help="file even if the same request is open, flagged as a duplicate")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_request_new)
    sp = rqs.add_parser("approve", help="approve an erasure's stored plan (password from GDPR_DESK_PASSWORD "
                        "or a prompt); refused for the filer and if the data changed since the plan")
    sp.add_argument("id", metavar="ID")
    sp.add_argument("--agent", required=True, help="sign in as this supervisor")
    sp.add_argument("--grace-hours", type=_grace_hours, default=0.0,
                    help="hours during which the approval can be withdrawn before it runs (default 0)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_request_approve)
    sp = rqs.add_parser("reject", help="reject an erasure's plan with a reason (password as for approve)")
    sp.add_argument("id", metavar="ID")
    sp.add_argument("--reason", required=True)
    sp.add_argument("--agent", required=True, help="sign in as this supervisor")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_request_reject)

    er = sub.add_parser("erasure", help="erasure plans and their execution")
    ers = er.add_subparsers(dest="erasure_command", required=True)
    sp = ers.add_parser("plan", help="make the erasure plan and submit it for approval; prints it by purpose")
    sp.add_argument("request_id", metavar="REQUEST_ID")
    sp.add_argument("--agent", required=True)
    sp.add_argument("--purpose", help="erase for this purpose only (a policy purpose key)")
    sp.add_argument("--preview", action="store_true", help="only show the plan; store and submit nothing")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_erasure_plan)
    sp = ers.add_parser("weigh-fraud", help="as a supervisor who did not file it: keep or erase the fraud records "
                        "of an erasure request, with reasons (Art. 17(1)(c), 21(1)); the plan waits for this")
    sp.add_argument("request_id", metavar="REQUEST_ID")
    sp.add_argument("decision", choices=["keep", "erase"])
    sp.add_argument("--reasons", required=True, help="why the shop's interest does or does not override the person's")
    sp.add_argument("--agent", required=True, help="sign in as this supervisor")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_erasure_weigh_fraud)
    sp = ers.add_parser("execute", help="carry out an approved erasure; exit 4 while its purge is pending; "
                        "lists the files the desk saved for the person")
    sp.add_argument("request_id", metavar="REQUEST_ID")
    sp.add_argument("--agent", required=True)
    sp.add_argument("--remove-files", action="store_true", help="then remove those files still where they were "
                    "saved and unchanged (asks first, unless --yes)")
    sp.add_argument("--yes", action="store_true", help="with --remove-files: do not ask")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_erasure_execute)
    sp = ers.add_parser("purge", help="finish pending purges (TRUNCATE checkpoint and residue scan)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_erasure_purge)

    ret = sub.add_parser("retention", help="the retention job")
    rets = ret.add_subparsers(dest="retention_command", required=True)
    sp = rets.add_parser("run", help="erase what the policy no longer keeps (as the system); prints a report")
    sp.add_argument("--dry-run", action="store_true", help="report what would happen; change nothing")
    sp.add_argument("--batch", type=bounded_int(1, 1_000_000), default=5000,
                    help="people per transaction (default 5000)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_retention_run)
    sp = add("register-copy", cmd_register_copy, "write the register copy (Art. 15) as a PDF file")
    sp.add_argument("customer_id", metavar="CUSTOMER_ID")
    sp.add_argument("--out", required=True, metavar="FILE", help="a new PDF file to write (created private; "
                    "never a symlink, device or pipe)")
    sp.add_argument("--replace", action="store_true", help="replace FILE if it is an existing regular file")
    sp.add_argument("--lang", default="nb", choices=["nb", "en", "sv"], help="language of the copy (default nb)")
    sp.add_argument("--agent", required=True, help="sign in as this user (password from GDPR_DESK_PASSWORD)")
    sp.add_argument("--request", metavar="ID", help="the access request it answers (its reference and redactions)")
    sp.add_argument("--reason", metavar="TEXT", help="why the copy is made; required without --request (logged)")
    sp.add_argument("--withhold", metavar="ITEM", action="append",
                    help="withhold a flagged free text (ITEM as listed, e.g. service_case:12:notes); repeatable")
    sp.add_argument("--waive-review", action="store_true",
                    help="write the copy although flagged free texts are not withheld (needs --reason; logged)")
    sp.add_argument("--encrypt", action="store_true", help="encrypt with AES-256 and print the password (default)")
    sp.add_argument("--no-encrypt", action="store_true", help="write an unencrypted PDF (logged)")
    sp.add_argument("--sources", metavar="FILE", help="the shop's systems file, whose companies the copy names as "
                    "recipients (default: $GDPR_DESK_SOURCES, else the shipped example)")
    from desktop.cli_sources import register as register_sources

    register_sources(sub, open_desk=_open, login=_login, lang=_lang)
    sp = sub.add_parser("self-test", help="check this installation offscreen on a throw-away desk; "
                        "exit 0 when every check passes")
    sp.add_argument("--verbose", action="store_true", help="print the traceback of a failed check")
    sp.set_defaults(func=cmd_self_test)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.cli_input import first_undecodable

    raw = list(sys.argv[1:] if argv is None else argv)
    bad = first_undecodable(raw)
    if bad is not None:
        print(f"gdpr-desk: argument {bad} is not valid text (UTF-8); nothing was done."
              if _lang() != "nb" else f"gdpr-desk: argument {bad} er ikke gyldig tekst (UTF-8); ingenting ble gjort.",
              file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(raw)
    if not hasattr(args, "db"):
        args.db = None
    import logging

    from desktop.app_logging import configure_logging

    # The private log file, and warnings on stderr too, since nobody else reads a script's log.
    logs = configure_logging(stderr_level=logging.WARNING)
    try:
        rc: int = args.func(args)
        return rc
    except DeskError as exc:
        print(f"gdpr-desk: {exc.text(_lang())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("gdpr-desk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    finally:
        _check_anchors_after()
        logs.close()


def _check_anchors_after() -> None:
    """After a command: remember how far the log now reaches (or warn), then let go of the desks."""
    from sqlalchemy.exc import SQLAlchemyError

    while _OPENED:
        ctx = _OPENED.pop()
        try:
            _warn_if_log_moved(ctx)
        except (DeskError, SQLAlchemyError, OSError):
            pass  # the command's own outcome stands; the next start checks again
        finally:
            ctx.close()
    _WARNED.clear()


if __name__ == "__main__":
    sys.exit(main())
