"""`gdpr-desk sources list|check|sync|scan|password|questions`: the shop's own systems from the terminal.

Kept apart from cli.py so the admin commands file only registers them. Every failure a person can
act on (a bad systems file, an unreachable source, a login that can write, a renamed column, a
value the desk cannot take) arrives as a DeskError with the system, table, column and row key, and
is printed as one line by cli.main.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop.errors import DeskError
from desktop.services.named_recipients import SOURCES_ENV

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.sync import SyncProgress
    from desktop.sources.model import SourcesFile, System

__all__ = ["register", "sources_path"]


def sources_path(args: argparse.Namespace) -> Path | None:
    """The systems file: --sources, else $GDPR_DESK_SOURCES, else None (the caller's default).

    Public so every command that reads the shop's systems (also `register-copy`) finds the same file."""
    given = getattr(args, "sources", None) or os.environ.get(SOURCES_ENV)
    return Path(given) if given else None


def _systems(args: argparse.Namespace, policy: object | None = None) -> SourcesFile:
    from desktop.policy import Policy, load_policy
    from desktop.services.sync import load_systems

    return load_systems(sources_path(args), policy if isinstance(policy, Policy) else load_policy())


def _chosen(args: argparse.Namespace, systems: SourcesFile, *, sql_only: bool = True) -> list[System]:
    chosen = [s for s in systems.systems if not sql_only or s.kind == "sql"]
    if getattr(args, "system", None):
        chosen = [s for s in chosen if s.name == args.system]
        if not chosen:
            raise DeskError(f"{systems.path} has no SQL system named '{args.system}'.",
                            f"{systems.path} har ikke noe SQL-system som heter '{args.system}'.")
    if getattr(args, "source_url", None) and len(chosen) != 1:
        raise DeskError("--source-url needs a file (or --system) that names exactly one SQL system.",
                        "--source-url krever en fil (eller --system) med nøyaktig ett SQL-system.")
    if not chosen:
        raise DeskError(f"{systems.path} names no SQL system.", f"{systems.path} har ikke noe SQL-system.")
    return chosen


#: The desk's own ways to open a database and sign in, handed over by cli.py when it registers us.
_HOOKS: dict[str, Callable[..., Any]] = {}


def _open(args: argparse.Namespace) -> DeskContext:
    ctx: DeskContext = _HOOKS["open"](args)
    return ctx


def _login(ctx: DeskContext, agent: str) -> Actor:
    actor: Actor = _HOOKS["login"](ctx, agent)
    return actor


def cmd_list(args: argparse.Namespace) -> int:
    systems = _systems(args)
    print(f"{systems.path}:")
    for s in systems.systems:
        where = ""
        if s.url:
            from sqlalchemy.engine import make_url

            where = " " + make_url(s.url).render_as_string(hide_password=True)
        print(f"  {s.name} ({s.kind}){where}: {s.label['en']}")
        if s.record_kinds:
            print(f"    feeds: {', '.join(s.record_kinds)}")
        if s.purposes:
            print(f"    purposes: {', '.join(s.purposes)}")
        if s.recipient:
            print(f"    is the policy's recipient: {s.recipient}")
        if s.privacy_contact:
            print(f"    privacy contact: {s.privacy_contact} ({', '.join(s.languages)})")
        for t in s.tables:
            print(f"    {t.table} -> {t.record_kind}" + (f" (changes: {t.changed})" if t.changed else ""))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.services.sync import check_system

    systems = _systems(args)
    print(f"{systems.path}: valid")
    for system in _chosen(args, systems):
        for line in check_system(system, url=args.source_url):
            print(line)
    return 0


class _Progress:
    """One updating line on a terminal (a line every few seconds otherwise): rows, rows/s, time left."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tty = out.isatty()
        self.last = 0.0
        self.table = ""

    def __call__(self, p: SyncProgress) -> None:
        now = time.monotonic()
        if not self.tty and now - self.last < 5 and p.done < p.total:
            return
        self.last = now
        left = p.seconds_left
        eta = f", {int(left // 60)}:{int(left % 60):02d} left" if left is not None else ""
        line = f"{p.system} {p.table}: {p.done}/{p.total} rows, {p.rate:,.0f} rows/s{eta}"
        if self.tty:
            end = "\n" if p.done >= p.total else ""
            self.out.write("\r" + line.ljust(78) + end)
        else:
            self.out.write(line + "\n")
        self.out.flush()


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.services.sync import SyncService

    ctx = _open(args)
    try:
        systems = _systems(args, ctx.policy)
        svc = SyncService(ctx)
        failed = False
        for system in _chosen(args, systems):
            report = svc.sync(system, url=args.source_url, full=args.full, batch=args.batch,
                              progress=None if args.quiet else _Progress(sys.stderr))
            print(f"{system.name}: {report.mode} sync, read {report.read}, written {report.written}, "
                  f"removed {report.removed}, {report.read / max(report.seconds, 1e-6):,.0f} rows/s, "
                  f"{report.seconds:.1f} s")
            if report.conflicts:
                print(f"  {report.conflicts} people need an agent's decision: 'gdpr-desk sources questions'")
            if report.skipped_erased:
                print(f"  {report.skipped_erased} rows belong to people erased in the desk: not brought back")
            for note in report.notes:
                print(f"  {note}")
            if report.refused:
                print(f"  {report.refused} rows refused; the desk keeps its earlier copy of them:")
                for problem in report.refused_problems[:20]:
                    print(f"    {problem.text(_HOOKS['lang']())}")
                failed = True
    finally:
        ctx.close()
    return 1 if failed else 0


def cmd_scan(args: argparse.Namespace) -> int:
    from desktop.services.sync import scan_system

    systems = _systems(args)
    for system in _chosen(args, systems):
        findings = scan_system(system, url=args.source_url)
        print(f"{system.name}: {len(findings)} columns look personal and are not mapped"
              + (" (sampled values are counted, never shown)" if findings else ""))
        for f in findings:
            print(f"  {f.table}.{f.column}: {'; '.join(f.reasons)}")
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    """Store the reading login's password in the OS keyring (from stdin or a prompt, never an argument)."""
    import getpass

    from desktop.security.keys import HOW_TO_GET_A_KEYRING, SERVICE, keyring_available

    systems = _systems(args)
    try:
        system = systems.system(args.name)
    except KeyError:
        raise DeskError(f"{systems.path} has no system named '{args.name}'.",
                        f"{systems.path} har ikke noe system som heter '{args.name}'.") from None
    if not keyring_available():
        raise DeskError("No OS keyring is available. " + HOW_TO_GET_A_KEYRING,
                        "Ingen nøkkelring er tilgjengelig. " + HOW_TO_GET_A_KEYRING)
    secret = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass(
        f"Password for {system.name}'s reading login: ")
    if not secret:
        raise DeskError("No password given; nothing stored.", "Ikke noe passord; ingenting er lagret.")
    import keyring

    keyring.set_password(SERVICE, system.keyring_user(), secret)
    print(f"stored in the OS keyring as {SERVICE} / {system.keyring_user()}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.services.sync import SyncService

    ctx = _open(args)
    try:
        svc = SyncService(ctx)
        failed = False
        for name in args.files:
            report = svc.import_file(Path(name), args.kind, system=args.system,
                                     reject_path=Path(args.reject) if args.reject else None)
            if report.loaded:
                print(f"{name}: {report.rows} rows of {report.kind}, {report.written} new or changed")
                continue
            failed = True
            print(f"{name}: nothing loaded: {len(report.rejects)} of {report.rows} rows rejected "
                  f"(reasons in {report.reject_file})", file=sys.stderr)
            for reject in report.rejects[:10]:
                print(f"  {reject.text()}", file=sys.stderr)
    finally:
        ctx.close()
    return 1 if failed else 0


def cmd_questions(args: argparse.Namespace) -> int:
    from desktop.services.identity import IdentityService

    ctx = _open(args)
    try:
        questions = IdentityService(ctx).open_questions(_login(ctx, args.agent))
        if not questions:
            print("no open identity questions")
        for q in questions:
            made = f"person {q.made.customer_id} {q.made.customer_number} {q.made.name}" if q.made else "no person"
            print(f"{q.id}: {q.system} {q.mapping} {q.source_key}: {q.reason} by {q.matched_by}; made {made}")
            for c in q.candidates:
                print(f"    candidate {c.customer_id} {c.customer_number} {c.name} {c.masked_email}")
    finally:
        ctx.close()
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from desktop.services.identity import IdentityService

    ctx = _open(args)
    try:
        IdentityService(ctx).resolve(_login(ctx, args.agent), args.question, args.decision, into=args.into,
                                     note=args.reason)
        print(f"question {args.question}: {args.decision}" + (f" into {args.into}" if args.into else ""))
    finally:
        ctx.close()
    return 0


def register(sub: Any, *, open_desk: Callable[[argparse.Namespace], Any],
             login: Callable[[Any, str], Any], lang: Callable[[], str]) -> None:
    """Add `sources ...` and `import` to the desk's command line."""
    _HOOKS.update(open=open_desk, login=login, lang=lang)
    sp = sub.add_parser("import", help="load CSV or JSON Lines exports (docs/import-format.md), all or nothing "
                        "per file; rejected rows go to FILE.rejects.csv")
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.add_argument("--kind", required=True, help="the desk record kind the file holds (customer, order, ...)")
    sp.add_argument("--system", default="file-import", help="the exporting system's name, kept as provenance "
                    "(default file-import)")
    sp.add_argument("--reject", metavar="FILE", help="where rejected rows go (default: beside the file)")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_import)

    src = sub.add_parser("sources", help="the shop's own systems: list, check, sync, scan")
    srcs = src.add_subparsers(dest="sources_command", required=True)

    def common(sp: argparse.ArgumentParser, *, url: bool = True) -> None:
        sp.add_argument("--sources", metavar="FILE", help="the systems file (default: $GDPR_DESK_SOURCES, "
                        "else the shipped django-oscar example)")
        if url:
            sp.add_argument("--system", metavar="NAME", help="only this system")
            sp.add_argument("--source-url", metavar="URL", help="connect here instead (a file with one SQL "
                            "system); the password still comes from the keyring")

    sp = srcs.add_parser("list", help="the systems in the file, what they feed and what they are")
    common(sp, url=False)
    sp.set_defaults(func=cmd_list)
    sp = srcs.add_parser("check", help="validate the file, connect, check every mapped column and that the "
                         "login is read-only")
    common(sp)
    sp.set_defaults(func=cmd_check)
    sp = srcs.add_parser("sync", help="load what changed (everything the first time); --full mirrors removals")
    common(sp)
    sp.add_argument("--full", action="store_true", help="compare every key and remove what the source removed")
    sp.add_argument("--batch", type=int, default=2000, help="rows per transaction (default 2000)")
    sp.add_argument("--quiet", action="store_true", help="no progress line")
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_sync)
    sp = srcs.add_parser("scan", help="columns that look personal but are not mapped (values never shown)")
    common(sp)
    sp.set_defaults(func=cmd_scan)
    sp = srcs.add_parser("questions", help="people a sync would not merge on its own (logged; password from "
                         "GDPR_DESK_PASSWORD)")
    sp.add_argument("--agent", required=True)
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_questions)
    sp = srcs.add_parser("decide", help="decide an identity question: separate, or merge --into CUSTOMER_ID")
    sp.add_argument("question", type=int, metavar="QUESTION_ID")
    sp.add_argument("decision", choices=["separate", "merge"])
    sp.add_argument("--into", type=int, metavar="CUSTOMER_ID", help="the candidate to merge into")
    sp.add_argument("--reason", required=True, help="why (logged)")
    sp.add_argument("--agent", required=True)
    sp.add_argument("--db", default=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_decide)
    sp = srcs.add_parser("password", help="store a system's reading password in the OS keyring (stdin or prompt)")
    common(sp, url=False)
    sp.add_argument("name", metavar="SYSTEM")
    sp.set_defaults(func=cmd_password)
