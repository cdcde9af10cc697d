"""The application log: one private rotating file, one line per record, no personal data.

Why it is shaped like this:
- The file, `gdpr-desk.log`, lives in the private log folder (0700) and is created 0600, rotated
  files too: even a clean log says who worked when.
- One record is always exactly one line, so no text can forge a record. Every control, format or
  line-separator character in the message, its arguments, the exception and the stack text
  (newline, carriage return, tab, ESC, NUL, U+0085, U+2028/2029, bidi overrides ...) is written as
  a backslash escape: a customer called "Ola\\nINFO forged entry" logs as `Ola\\nINFO forged
  entry` inside the one record. A traceback is escaped the same way and joined to its record with
  " | "; there are no continuation lines. Backslashes are not doubled, so a typed backslash-n reads
  like an escaped line break, but neither can start a line.
- The desk's logging calls write ids, never names, contact details or free text. As a net under
  that, the formatter masks what can be recognised in the message and exception text: e-mail
  addresses and phone numbers the way the desk masks them on screen, identity numbers in their
  masked form (docs/rules.md#r-nid-display), and any other run of seven or more digits entirely. ISO dates are
  left alone. Names cannot be recognised, which is why the calls themselves must not log them.
- SQLAlchemy's loggers are held at WARNING whatever the root level: at INFO and DEBUG they write
  bound parameters and result rows, which are personal data.
- No Qt here: the command line configures the same log, and also shows warnings on stderr as one
  sentence with the exception's class; the traceback stays in the file.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import unicodedata
from datetime import date
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from io import TextIOWrapper

__all__ = [
    "LOG_FILE_NAME",
    "LogSetup",
    "SafeFormatter",
    "configure_logging",
    "escape_controls",
    "mask_personal_data",
]

LOG_FILE_NAME = "gdpr-desk.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUP_COUNT = 5
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "gdpr-desk: %(levelname)s %(name)s: %(message)s"
#: Loggers that write personal data below WARNING (statements with parameters, result rows), and
#: Alembic, whose INFO lines at every start are noise in a log IT reads.
QUIET_LOGGERS = ("sqlalchemy", "alembic")

# --- one line per record ---------------------------------------------------------------------------

_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Control (Cc), format (Cf, incl. bidi overrides), surrogate (Cs) and line/paragraph separators.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(ch: str) -> str:
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """The text with every character that could break or disguise a line written as an escape."""
    if text.isprintable():  # the common case: no control, format or separator character at all
        return text
    return "".join(_escape(ch) if ch in _SHORT_ESCAPES or unicodedata.category(ch) in _ESCAPED_CATEGORIES
                   else ch for ch in text)


# --- personal data that slipped in ---------------------------------------------------------------

_ADDRESS_CHARS = r"""[^\s@<>()\[\],;:"'`|]"""
#: What may stand between two digits of one number: the usual separators, and the invisible or
#: control characters someone could slip in to split a number before it is escaped.
_DIGIT_SEPARATOR = r"[\ \-+/\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]"
_SCAN = re.compile(
    rf"""
    (?P<date>(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?:[T\ ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:[.,]\d+)?)?)?(?!\d))
    | (?P<email>{_ADDRESS_CHARS}+@(?:(?:(?!\.){_ADDRESS_CHARS})+\.)+(?:(?![.\d]){_ADDRESS_CHARS}){{2,}})
    | (?P<digits>(?<![\w.+\-])\+?\d(?:{_DIGIT_SEPARATOR}?\d){{6,}}(?!\w))
    """,
    re.VERBOSE,
)


def _mask_digits(run: str) -> str:
    from desktop.domain import national_id
    from desktop.domain.contact import mask_phone, phone_candidates

    if national_id.looks_like_national_id(run):
        try:
            # A log line is masked as of the wall clock; test numbers are masked like any other.
            number = national_id.parse_national_id(run, date.today(), test_numbers=True)
            return national_id.mask(number)
        except national_id.InvalidNationalId:
            pass
    phones = phone_candidates(run)
    if phones:
        return mask_phone(phones[0])
    return re.sub(r"\d", "*", run)


def _mask_match(match: re.Match[str]) -> str:
    if match.group("email") is not None:
        from desktop.domain.contact import mask_email

        return mask_email(match.group("email"))
    if match.group("digits") is not None:
        return _mask_digits(match.group("digits"))
    return match.group(0)  # an ISO date or time stays readable


def mask_personal_data(text: str) -> str:
    """E-mail addresses, identity numbers and phone-like digit runs in `text`, masked."""
    if "@" not in text and not any(ch.isdigit() for ch in text):
        return text
    return _SCAN.sub(_mask_match, text)


def _clean(text: str) -> str:
    # Masked before escaping: an escape such as "\\n" beside a number would hide it from the scan.
    return escape_controls(mask_personal_data(text))


class SafeFormatter(logging.Formatter):
    """One line per record; message, arguments, traceback and stack escaped and masked."""

    def __init__(self, fmt: str = LINE_FORMAT, datefmt: str | None = None, *, tracebacks: bool = True) -> None:
        super().__init__(fmt, datefmt)
        #: Off for the terminal: a person reads one sentence there, the file keeps the traceback.
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # bad arguments: say so without writing them
            message = f"{record.msg!s} (the arguments did not fit the message)"
        safe = logging.makeLogRecord(record.__dict__)
        safe.message = _clean(message)
        if self.usesTime():
            safe.asctime = self.formatTime(safe, self.datefmt)
        line = self.formatMessage(safe)
        trace = record.exc_text or (self.formatException(record.exc_info) if record.exc_info else "")
        if trace and self.tracebacks:
            line += " | " + _clean(trace)
        elif record.exc_info and record.exc_info[0] is not None:
            line += f" ({record.exc_info[0].__name__})"
        if record.stack_info and self.tracebacks:
            line += " | " + _clean(self.formatStack(record.stack_info))
        # The logger and thread names are the program's own, but the guarantee is for the whole line.
        return escape_controls(line)


# --- the file ----------------------------------------------------------------------------------------


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file that is created 0600 and made 0600 if an older one was wider."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


class LogSetup:
    """What `configure_logging` changed, so it can be undone (tests, and the end of `main`)."""

    def __init__(self, handlers: tuple[logging.Handler, ...] = (), path: Path | None = None, *,
                 owner: bool = False, root_level: int = logging.WARNING,
                 quiet_levels: dict[str, int] | None = None) -> None:
        self.handlers = handlers
        #: The log file, or None when it could not be opened (or another setup owns it).
        self.path = path
        self.owner = owner
        self._root_level = root_level
        self._quiet_levels = quiet_levels or {}

    def close(self) -> None:
        """Remove and close the handlers and restore the levels; a no-op for a nested setup."""
        if not self.owner:
            return
        self.owner = False
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self._root_level)
        for name, level in self._quiet_levels.items():
            logging.getLogger(name).setLevel(level)
        if self in _ACTIVE:
            _ACTIVE.remove(self)

    def __enter__(self) -> LogSetup:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


#: The setup in force, if any (at most one).
_ACTIVE: list[LogSetup] = []


def configure_logging(*, stderr_level: int | None = None, directory: Path | None = None,
                      stream: TextIO | None = None) -> LogSetup:
    """Send the desk's logging to the private file at INFO (and to stderr from `stderr_level`).

    Called once by the GUI and once by the command line; a second call while the first is in
    force changes nothing and returns a setup whose `close()` does nothing, so the command line
    can open the GUI without logging twice. A log folder that cannot be written is reported on
    stderr, once, and the desk runs on without the file.
    """
    if _ACTIVE:
        return LogSetup()
    root = logging.getLogger()
    formatter = SafeFormatter()
    handlers: list[logging.Handler] = []
    path: Path | None = None
    problem: str | None = None
    try:
        if directory is None:
            from desktop.paths import log_dir

            directory = log_dir()
        else:
            from desktop.paths import make_private_dir

            make_private_dir(directory)
        path = directory / LOG_FILE_NAME
        file_handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                  encoding="utf-8", errors="backslashreplace")
    except OSError as exc:
        path, problem = None, f"{type(exc).__name__}: {exc.strerror or exc}"
    else:
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(formatter)
        handlers.append(file_handler)
    if stderr_level is not None or problem is not None:
        err = logging.StreamHandler(stream if stream is not None else sys.stderr)
        err.setLevel(stderr_level if stderr_level is not None else logging.WARNING)
        err.setFormatter(SafeFormatter(STDERR_FORMAT, tracebacks=False))
        handlers.append(err)
    setup = LogSetup(tuple(handlers), path, owner=True, root_level=root.level,
                     quiet_levels={name: logging.getLogger(name).level for name in QUIET_LOGGERS})
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    _ACTIVE.append(setup)
    if problem is not None:
        logging.getLogger(__name__).warning("the application log cannot be written (%s)", problem)
    return setup
