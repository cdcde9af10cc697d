"""What telling the truth about kept-until costs: a profile group and its parts, with and without it.

    python bench/bench_kept_until.py [runs=7]

Builds the heavy customer of `desktop.demo.generator.add_heavy_customer` (2,000 orders, 500
service cases, 10,000 IT records; 22,467 records) in a temporary SQLite file and times, in the
same run:

* kept-until alone: `services.kept_until.kept_for_customer`, the facts read and the rules applied
  to every record of the person (what each group open and each copy now adds);
* a profile group opened ("purchase", first page of each kind) as the desk does it now, beside the
  same call with kept-until switched off (the policy's own per-purpose date, as before): the
  baseline.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _common import describe_ms, use_memory_keyring


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    use_memory_keyring()
    from desktop.demo.generator import DEMO_PASSWORD, add_heavy_customer, generate_demo_data
    from desktop.services import profile as profile_module
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk
    from desktop.services.kept_until import kept_for_customer
    from desktop.services.profile import ProfileService
    from desktop.services.verification import ConsoleSmsGateway, VerificationService

    with tempfile.TemporaryDirectory(prefix="bench-kept-until-") as tmp:
        ctx = open_desk(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}", migrate=True, demo=True, create_keys=True,
                        workstation="bench")
        try:
            generate_demo_data(ctx, customers=1, seed=1)
            heavy = add_heavy_customer(ctx)
            actor = AccountService(ctx).login("agent", DEMO_PASSWORD)

            class NoMail:
                def send_mail(self, to: str, subject: str, body: str) -> None:
                    raise RuntimeError("no mail in a benchmark")

            import io

            verification = VerificationService(ctx, mailer=NoMail(), sms=ConsoleSmsGateway(io.StringIO()))
            contact = verification.start_contact(actor, heavy, "phone")
            verification.record_access_reason(actor, contact.contact_id, "benchmark")
            profiles = ProfileService(ctx)
            alone: list[float] = []
            with_truth: list[float] = []
            without: list[float] = []
            real = profile_module.kept_until_of
            count = 0
            for _ in range(runs):
                started = time.perf_counter()
                with ctx.db.transaction() as s:
                    count = len(kept_for_customer(ctx, s, heavy))
                alone.append(time.perf_counter() - started)
                started = time.perf_counter()
                profiles.open_group(actor, heavy, "purchase", contact.contact_id)
                with_truth.append(time.perf_counter() - started)
                profile_module.kept_until_of = lambda *_: {}  # type: ignore[assignment]
                try:
                    started = time.perf_counter()
                    profiles.open_group(actor, heavy, "purchase", contact.contact_id)
                    without.append(time.perf_counter() - started)
                finally:
                    profile_module.kept_until_of = real
            print(f"heavy customer: {count:,} records")
            print("  " + describe_ms("kept-until alone", alone))
            print("  " + describe_ms("open group, kept-until", with_truth, without))
        finally:
            ctx.close()


if __name__ == "__main__":
    main()
