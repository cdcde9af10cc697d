"""Is this still the log we saw? Workstation anchors, signed checkpoints and their verification.

`check_workstation` compares the log with the highest entry this workstation has seen (a private
file in the data folder per database instance id) and moves that mark forward when all is well.
It runs when a desk opens, after each CLI command and on a timer in the GUI, and returns a
`LogAnchorStatus` the UI and CLI show; a bad status is never "fixed" by moving the mark, so the
warning stays until an administrator has looked and accepted the log as it is (`accept_current`,
itself logged).

`make_checkpoint` signs the current tip for the auditor; `verify_checkpoint` proves the log still
extends a checkpoint: the chain verifies and the checkpoint's entry is there with its hash. A cut
tail, a wiped log and a rewrite with the chain key each fail that proof, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop.audit.anchor import Anchor, AnchorFile, Extends, compare, read_tip
from desktop.audit.checkpoint import CURRENT_KEY_META, Checkpoint, CheckpointKey, public_key_meta
from desktop.domain.roles import Actor, Permission, system_actor
from desktop.errors import DeskError, InvalidInput, PermissionDenied
from desktop.models import DbMeta
from desktop.services.context import DeskContext

__all__ = [
    "CheckpointVerdict",
    "LogAnchorService",
    "LogAnchorStatus",
    "anchor_folder",
]


def anchor_folder() -> Path:
    from desktop.paths import data_dir, make_private_dir

    path = data_dir() / "log-anchors"
    make_private_dir(path)
    return path


@dataclass(frozen=True)
class LogAnchorStatus:
    """What this workstation remembers against what the log holds now."""

    remembered: Anchor | None
    tip: Anchor | None
    problem: Extends | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def text(self, lang: str = "nb") -> str:
        """One paragraph for a banner or stderr: what is wrong, what it may mean, what to do."""
        seen = self.remembered.seq if self.remembered else 0
        now = self.tip.seq if self.tip else 0
        if self.problem is None:
            return {"nb": f"Tilgangsloggen stemmer med det denne maskinen har sett (oppføring {now}).",
                    "sv": f"Åtkomstloggen stämmer med det den här datorn har sett (post {now}).",
                    }.get(lang, f"The access log matches what this workstation has seen (entry {now}).")
        if self.problem is Extends.SHORTER:
            return {
                "nb": f"ADVARSEL: Tilgangsloggen er kortere enn denne maskinen har sett: oppføring {seen} finnes "
                      f"ikke lenger (loggen ender nå på {now}). Oppføringer kan være slettet, eller databasen er "
                      "satt tilbake fra en sikkerhetskopi. Si fra til personvernombudet og IT; kjør "
                      "'gdpr-desk audit verify --checkpoint FIL' mot siste kontrollpunkt.",
                "sv": f"VARNING: Åtkomstloggen är kortare än den här datorn har sett: post {seen} finns inte längre "
                      f"(loggen slutar nu på {now}). Poster kan ha raderats, eller databasen har återställts från "
                      "en säkerhetskopia. Meddela dataskyddsombudet och IT; kör "
                      "'gdpr-desk audit verify --checkpoint FIL' mot den senaste kontrollpunkten.",
            }.get(lang, f"WARNING: The access log is shorter than this workstation has seen: entry {seen} is gone "
                        f"(the log now ends at {now}). Entries may have been removed, or the database was restored "
                        "from a backup. Tell the data protection officer and IT; run "
                        "'gdpr-desk audit verify --checkpoint FILE' against the latest checkpoint.")
        return {
            "nb": f"ADVARSEL: Tilgangsloggen er en annen enn denne maskinen har sett: oppføring {seen} er endret. "
                  "Loggen kan være skrevet om. Si fra til personvernombudet og IT; kjør "
                  "'gdpr-desk audit verify --checkpoint FIL' mot siste kontrollpunkt.",
            "sv": f"VARNING: Åtkomstloggen är en annan än den här datorn har sett: post {seen} är ändrad. Loggen "
                  "kan ha skrivits om. Meddela dataskyddsombudet och IT; kör "
                  "'gdpr-desk audit verify --checkpoint FIL' mot den senaste kontrollpunkten.",
        }.get(lang, f"WARNING: The access log differs from what this workstation has seen: entry {seen} has "
                    "changed. The log may have been rewritten. Tell the data protection officer and IT; run "
                    "'gdpr-desk audit verify --checkpoint FILE' against the latest checkpoint.")


@dataclass(frozen=True)
class CheckpointVerdict:
    ok: bool
    checkpoint: Checkpoint
    #: Entries whose chain was checked.
    checked: int
    tip: Anchor | None
    problem_en: str = ""
    problem_nb: str = ""

    def text(self, lang: str = "nb") -> str:
        cp = self.checkpoint
        if self.ok:
            now = self.tip.seq if self.tip else 0
            if lang == "nb":
                return (f"tilgangsloggen bygger videre på kontrollpunktet: oppføring {cp.anchor.seq} er uendret, "
                        f"loggen ender på {now}, {self.checked} oppføringer kontrollert (nøkkel {cp.key_id})")
            return (f"the access log extends the checkpoint: entry {cp.anchor.seq} is unchanged, the log ends at "
                    f"{now}, {self.checked} entries verified (key {cp.key_id})")
        return ("tilgangsloggen bygger IKKE videre på kontrollpunktet: " + self.problem_nb if lang == "nb"
                else "the access log does NOT extend the checkpoint: " + self.problem_en)


class LogAnchorService:
    def __init__(self, ctx: DeskContext, *, folder: Path | None = None) -> None:
        """`folder` holds the workstation anchors (default: "log-anchors" in the data folder)."""
        self.ctx = ctx
        self._folder = folder

    def _file(self) -> AnchorFile:
        return AnchorFile(self._folder if self._folder is not None else anchor_folder(), self.ctx.instance_id)

    # --- the workstation's own anchor -------------------------------------------------------------

    def check_workstation(self) -> LogAnchorStatus:
        """Compare the log with the remembered tip; remember the new tip only when the log extends it.

        Reads two numbers and a hash (no personal data), so it writes no entry of its own. A file
        that cannot be written (a full disk) does not stop work: the check is repeated later.
        """
        anchors = self._file()
        remembered = anchors.load()
        try:
            with self.ctx.db.transaction() as s:
                tip = read_tip(s)
                verdict = compare(s, remembered) if remembered is not None else Extends.YES
        except SQLAlchemyError as exc:
            raise DeskError(f"The access log could not be read ({type(exc).__name__}).",
                            f"Tilgangsloggen kunne ikke leses ({type(exc).__name__}).") from exc
        if verdict is not Extends.YES:
            return LogAnchorStatus(remembered, tip, verdict)
        if tip is not None:
            with contextlib.suppress(OSError):
                anchors.advance(tip)
        return LogAnchorStatus(remembered, tip)

    def accept_current(self, actor: Actor) -> LogAnchorStatus:
        """After an admin has looked into a warning: remember the log as it is now, and log that."""
        if not actor.can(Permission.MANAGE_ACCOUNTS):
            raise PermissionDenied("Only an administrator may accept the access log as it is.",
                                   "Bare en administrator kan godta tilgangsloggen slik den er.")
        anchors = self._file()
        before = anchors.load()
        with self.ctx.db.transaction() as s:
            self.ctx.audit.append(
                s, actor, action="log_anchor_reset", data="access_log",
                detail=f"workstation {self.ctx.workstation} had entry {before.seq if before else 0} "
                       f"({before.entry_hash[:16] if before else '-'})",
            )
        with self.ctx.db.transaction() as s:
            tip = read_tip(s)
        anchors.reset(tip)
        return LogAnchorStatus(before, tip)

    # --- checkpoints for the auditor ----------------------------------------------------------------

    def make_checkpoint(self, actor: Actor | None = None, *, new_key: bool = False) -> Checkpoint:
        """Log the checkpoint, then sign the tip that includes that entry.

        The private key comes from this workstation's keyring; `new_key` creates one the first
        time (or after the old one was lost) and stores its public half in the database, which on
        PostgreSQL takes the database owner's login.
        """
        from desktop.security.checkpoint_key import load_checkpoint_key, store_checkpoint_key

        who = actor or system_actor(self.ctx.workstation, "checkpoint")
        key = load_checkpoint_key(self.ctx.instance_id)
        with self.ctx.db.transaction() as s:
            current = s.get(DbMeta, CURRENT_KEY_META)
            known = current.value if current is not None else None
        if key is None or known is None or key.key_id != known:
            if not new_key:
                if known is None:
                    raise DeskError(
                        "This database has no checkpoint key yet. Make the first checkpoint with --new-key "
                        "(as the database owner on PostgreSQL); the private key stays in this keyring.",
                        "Databasen har ingen kontrollpunktnøkkel ennå. Lag det første kontrollpunktet med "
                        "--new-key (som databaseeier på PostgreSQL); den private nøkkelen blir i denne "
                        "nøkkelringen.",
                    )
                raise DeskError(
                    f"This workstation's keyring does not hold the database's checkpoint key ({known}). Make "
                    "checkpoints where that key is, or start a new key with --new-key (old checkpoints still "
                    "verify).",
                    f"Nøkkelringen på denne maskinen har ikke databasens kontrollpunktnøkkel ({known}). Lag "
                    "kontrollpunkter der nøkkelen er, eller start en ny nøkkel med --new-key (gamle "
                    "kontrollpunkter kan fortsatt kontrolleres).",
                )
            key = CheckpointKey.generate()
            # The private half first: a public key in the database always has its private half somewhere.
            store_checkpoint_key(self.ctx.instance_id, key)
            self._publish_key(who, key, replaces=known)
        with self.ctx.db.transaction() as s:
            result = self.ctx.audit.verify(s)
            if not result.ok:
                raise DeskError(
                    f"No checkpoint: the log does not verify ({result.describe()}).",
                    f"Ingen kontrollpunkt: loggen kan ikke bekreftes ({result.describe()}).",
                )
            self.ctx.audit.append(s, who, action="log_checkpoint", data="access_log",
                                  detail=f"key {key.key_id}; after {result.checked} entries")
        with self.ctx.db.transaction() as s:
            tip = read_tip(s)
        assert tip is not None  # the entry just written
        self._file().advance(tip)
        return Checkpoint.make(self.ctx.instance_id, tip, key)

    def _publish_key(self, actor: Actor, key: CheckpointKey, *, replaces: str | None) -> None:
        try:
            with self.ctx.db.transaction() as s:
                s.merge(DbMeta(key=public_key_meta(key.key_id), value=key.public_raw.hex()))
                s.merge(DbMeta(key=CURRENT_KEY_META, value=key.key_id))
                self.ctx.audit.append(s, actor, action="checkpoint_key", data="access_log",
                                      detail=f"new key {key.key_id}" + (f" replaces {replaces}" if replaces else ""))
        except SQLAlchemyError as exc:
            raise DeskError(
                "The checkpoint key could not be stored in the database (on PostgreSQL only the database owner "
                f"may): {type(exc).__name__}. Nothing was changed.",
                "Kontrollpunktnøkkelen kunne ikke lagres i databasen (på PostgreSQL kan bare databaseeieren): "
                f"{type(exc).__name__}. Ingenting ble endret.",
            ) from exc

    def verify_checkpoint(self, checkpoint: Checkpoint) -> CheckpointVerdict:
        """Prove the log still extends `checkpoint`: signature, whole chain, and the checkpoint's entry."""
        if checkpoint.instance_id != self.ctx.instance_id:
            raise InvalidInput(
                f"The checkpoint belongs to database {checkpoint.instance_id}, not to this one "
                f"({self.ctx.instance_id}).",
                f"Kontrollpunktet hører til database {checkpoint.instance_id}, ikke til denne "
                f"({self.ctx.instance_id}).",
            )
        with self.ctx.db.transaction() as s:
            public = s.execute(
                select(DbMeta.value).where(DbMeta.key == public_key_meta(checkpoint.key_id))
            ).scalar_one_or_none()
            chain = self.ctx.audit.verify(s)
            tip = read_tip(s)
            extends = compare(s, checkpoint.anchor)

        def fail(en: str, nb: str) -> CheckpointVerdict:
            return CheckpointVerdict(False, checkpoint, chain.checked, tip, en, nb)

        try:
            key = CheckpointKey(bytes.fromhex(public)) if public is not None else None
        except ValueError:
            key = None
        if key is None:
            return fail(f"the database does not hold the public key {checkpoint.key_id} the checkpoint names "
                        "(removed, or the checkpoint was not made by this desk)",
                        f"databasen har ikke den offentlige nøkkelen {checkpoint.key_id} kontrollpunktet viser til "
                        "(fjernet, eller kontrollpunktet er ikke laget av denne desken)")
        if not checkpoint.signed_by(key):
            return fail("the checkpoint's signature does not match its contents: the file was changed",
                        "kontrollpunktets signatur stemmer ikke med innholdet: filen er endret")
        if not chain.ok:
            return fail(chain.describe(), "loggkjeden er brutt: " + chain.describe())
        now = tip.seq if tip else 0
        if extends is Extends.SHORTER:
            return fail(f"entry {checkpoint.anchor.seq} is missing (the log ends at {now}): its tail was cut or "
                        "the log was wiped",
                        f"oppføring {checkpoint.anchor.seq} mangler (loggen ender på {now}): slutten er kuttet "
                        "eller loggen er tømt")
        if extends is Extends.DIFFERENT:
            return fail(f"entry {checkpoint.anchor.seq} has another hash than at the checkpoint: the log was "
                        "rewritten",
                        f"oppføring {checkpoint.anchor.seq} har en annen hash enn ved kontrollpunktet: loggen er "
                        "skrevet om")
        return CheckpointVerdict(True, checkpoint, chain.checked, tip)
