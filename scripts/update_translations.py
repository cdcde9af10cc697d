"""Bring the interface catalogues in line with the code, fill them from fragments, say what is missing.

    python scripts/update_translations.py [--fragments DIR] [--check] [--release] [--strict]

1. PySide6's lupdate reads every module that has interface text (desktop/app.py, desktop/ui/**,
   and any other module under desktop/ that imports Qt and calls tr/translate/QT_TRANSLATE_NOOP)
   into resources/translations/gdpr_desk_{nb,sv,en}.ts, without source locations (a moved line
   is no diff) and without obsolete entries (a string removed from the code leaves the catalogue).
2. Unfinished entries are filled from every DIR/*.json (default /tmp/ts-fragments), each shaped
   {"<context>": {"<English source>": {"nb": "...", "sv": "..."}}}. A translation whose
   {placeholders} are not the source's is refused: `.format(...)` would fail or drop a value.
   Finished entries are never overwritten; the .ts is the reviewed text.
3. What is still missing is listed per language, with a hint where the catalogue already had the
   same English (in another context, or without the "&" of a shortcut letter) before the update.

English is the source language, so gdpr_desk_en.ts is made with `-pluralonly`, as Qt's Linguist
manual recommends for the source language: it holds only the messages with plural forms (none
today), which need per-number English text. Copying every source into it as its own
"translation" would go stale with each wording change while showing nothing different.

Running it twice changes nothing the second time. --check writes nothing and exits 1 when a file
would change or a translation is missing (for CI); --strict exits 1 when a translation is missing;
--release also compiles each .ts to a .qm beside it, for a bundle made without lrelease.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOG = "gdpr_desk"
#: language -> the locale lupdate writes into a new file's header.
LANGUAGES: dict[str, str] = {"nb": "nb_NO", "sv": "sv_SE", "en": "en_GB"}
SOURCE_LANGUAGE = "en"
DEFAULT_FRAGMENTS = Path("/tmp/ts-fragments")  # noqa: S108 - the folder the helpers agreed on
_PLACEHOLDER = re.compile(r"\{\w*\}")
_TRANSLATABLE = re.compile(r"\b(?:self\.tr|tr|translate|QT_TRANSLATE_NOOP3?|QT_TR_NOOP)\(")
_LUPDATE_TIMEOUT_S = 300


class SetupError(RuntimeError):
    """Something the script cannot work around (no lupdate, lupdate failed): exit 2 with the reason."""


@dataclass
class Report:
    filled: dict[str, int] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    #: (language, missing line) -> the translation the catalogue had for the same English elsewhere.
    hints: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


# --- finding the tools and the sources -----------------------------------------------------------


def find_lupdate() -> Path:
    try:
        import PySide6
    except ImportError as exc:
        raise SetupError("PySide6 is not installed in this Python; run scripts/bootstrap.sh") from exc
    exe = "lupdate.exe" if sys.platform == "win32" else "lupdate"
    beside = Path(PySide6.__file__).resolve().parent / exe
    if beside.exists():
        return beside
    script = shutil.which("pyside6-lupdate")
    if script:
        return Path(script)
    raise SetupError("PySide6's lupdate was not found (looked beside PySide6 and for pyside6-lupdate)")


def find_lrelease(lupdate: Path) -> Path:
    candidate = lupdate.with_name(lupdate.name.replace("lupdate", "lrelease"))
    if candidate.exists():
        return candidate
    raise SetupError(f"lrelease was not found beside {lupdate}")


def translatable_sources(root: Path = ROOT) -> list[Path]:
    """desktop/app.py and desktop/ui/**, plus any other desktop module that imports Qt and translates."""
    found = {root / "desktop" / "app.py", *(root / "desktop" / "ui").rglob("*.py")}
    for path in (root / "desktop").rglob("*.py"):
        if path in found or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "PySide6" in text and _TRANSLATABLE.search(text):
            found.add(path)
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


def ts_file(lang: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / f"{CATALOG}_{lang}.ts"


def run_lupdate(lupdate: Path, sources: list[Path], ts: Path, lang: str) -> None:
    args = [str(lupdate), "-silent", "-locations", "none", "-no-obsolete",
            "-source-language", SOURCE_LANGUAGE, "-target-language", LANGUAGES[lang]]
    if lang == SOURCE_LANGUAGE:
        args.append("-pluralonly")
    args += [str(s) for s in sources] + ["-ts", str(ts)]
    try:
        done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True,  # noqa: S603
                              timeout=_LUPDATE_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SetupError(f"lupdate could not run: {exc}") from exc
    if done.returncode != 0 or not ts.exists():
        raise SetupError(f"lupdate failed on {ts.name} ({done.returncode}): {done.stderr.strip() or done.stdout}")


# --- fragments ------------------------------------------------------------------------------------


Fragments = dict[tuple[str, str], dict[str, str]]


def load_fragments(directory: Path, report: Report) -> tuple[Fragments, dict[tuple[str, str], str]]:
    """Every fragment file merged; a malformed file or entry is reported and skipped, never fatal.

    Returns the translations and, per (context, source), the file that gave them (for the report).
    """
    merged: Fragments = {}
    origin: dict[tuple[str, str], str] = {}
    if not directory.is_dir():
        report.problems.append(f"no fragments folder {directory}; nothing to fill from")
        return merged, origin
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            report.problems.append(f"{path.name}: not readable JSON ({exc}); skipped")
            continue
        if not isinstance(data, dict):
            report.problems.append(f"{path.name}: expected an object of contexts; skipped")
            continue
        for context, messages in data.items():
            if not isinstance(messages, dict):
                report.problems.append(f"{path.name}: context {context!r} is not an object; skipped")
                continue
            for source, texts in messages.items():
                if not isinstance(texts, dict):
                    report.problems.append(f"{path.name}: {context}: {source!r} has no language object; skipped")
                    continue
                key = (context, source)
                for lang, text in texts.items():
                    if lang not in LANGUAGES or not isinstance(text, str) or not text.strip():
                        continue
                    known = merged.setdefault(key, {})
                    if lang in known and known[lang] != text:
                        report.problems.append(f"{path.name}: {context}: {source!r} [{lang}] differs from "
                                               f"{origin[key]}; kept the one from {origin[key]}")
                        continue
                    known[lang] = text
                    origin.setdefault(key, path.name)
    return merged, origin


def _plain(source: str) -> str:
    """The English without its shortcut "&", for finding the same text translated elsewhere."""
    return source.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def known_translations(ts: Path) -> dict[str, str]:
    """Plain English -> a finished translation in `ts` (any context), read before lupdate drops anything."""
    known: dict[str, str] = {}
    if not ts.exists():
        return known
    try:
        root = ET.parse(ts).getroot()  # noqa: S314 - our own catalogue
    except ET.ParseError:
        return known
    for message in root.iter("message"):
        translation = message.find("translation")
        if not _unfinished(translation) and translation is not None and translation.text:
            known.setdefault(_plain(message.findtext("source") or ""), translation.text)
    return known


def placeholders(text: str) -> set[str]:
    """The {names} a text uses: a translation may repeat one, but needs exactly the same names."""
    return set(_PLACEHOLDER.findall(text))


# --- filling a catalogue --------------------------------------------------------------------------


def _unfinished(translation: ET.Element | None) -> bool:
    if translation is None:
        return True
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    forms = translation.findall("numerusform")
    if forms:
        return not all((f.text or "").strip() for f in forms)
    return not (translation.text or "").strip()


def fill(ts: Path, lang: str, fragments: Fragments, report: Report,
         known: dict[str, str] | None = None) -> set[tuple[str, str]]:
    """Fill unfinished entries of `ts` in place; returns the (context, source) pairs it holds.

    `known` (plain English -> translation) only adds a hint to what is reported missing.
    """
    tree = ET.parse(ts)  # noqa: S314 - our own catalogue, just written by lupdate
    seen: set[tuple[str, str]] = set()
    filled = 0
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            seen.add((name, source))
            translation = message.find("translation")
            text = fragments.get((name, source), {}).get(lang)
            if not _unfinished(translation):
                if text is not None and translation is not None and text != translation.text:
                    report.problems.append(f"[{lang}] {name}: {source!r}: the catalogue keeps "
                                           f"{translation.text!r}, not the fragment's {text!r}")
                continue
            if text is not None and message.get("numerus") == "yes":
                report.problems.append(f"{name}: {source!r} has plural forms; translate it in Qt Linguist")
                text = None
            if text is not None and placeholders(text) != placeholders(source):
                report.problems.append(f"[{lang}] {name}: {source!r}: the placeholders of {text!r} differ "
                                       "from the source; not used")
                text = None
            if text is None:
                line = f"{name}: {source!r}"
                missing.append(line)
                hint = (known or {}).get(_plain(source))
                if hint:
                    report.hints[(lang, line)] = hint
                continue
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            translation.text = text
            filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=False)
        body = ts.read_text(encoding="utf-8")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    report.filled[lang] = filled
    report.missing[lang] = missing
    return seen


# --- the whole run --------------------------------------------------------------------------------


def update(fragments_dir: Path, *, write: bool = True, translations: Path = TRANSLATIONS) -> Report:
    """Update every catalogue in a scratch folder, then (when `write`) replace the changed ones."""
    report = Report()
    lupdate = find_lupdate()
    sources = translatable_sources()
    fragments, origin = load_fragments(fragments_dir, report)
    seen: set[tuple[str, str]] = set()
    translations.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ts-update-") as scratch:
        for lang in LANGUAGES:
            final, work = ts_file(lang, translations), ts_file(lang, Path(scratch))
            if final.exists():
                shutil.copyfile(final, work)
            known = known_translations(work)
            run_lupdate(lupdate, sources, work, lang)
            seen |= fill(work, lang, fragments, report, known)
            # lupdate once more: the filled file comes out in lupdate's own layout, so a second run is a no-op.
            run_lupdate(lupdate, sources, work, lang)
            new = work.read_bytes()
            if not final.exists() or final.read_bytes() != new:
                report.changed.append(final.name)
                if write:
                    tmp = final.with_name(final.name + ".tmp")
                    tmp.write_bytes(new)
                    os.replace(tmp, final)
    report.unused = sorted(f"{context}: {source!r} (from {origin[(context, source)]})"
                           for context, source in fragments if (context, source) not in seen)
    return report


def release(translations: Path = TRANSLATIONS) -> list[Path]:
    lrelease = find_lrelease(find_lupdate())
    written = []
    for lang in LANGUAGES:
        ts = ts_file(lang, translations)
        qm = ts.with_suffix(".qm")
        done = subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)],  # noqa: S603
                              capture_output=True, text=True, timeout=_LUPDATE_TIMEOUT_S, check=False)
        if done.returncode != 0:
            raise SetupError(f"lrelease failed on {ts.name}: {done.stderr.strip()}")
        written.append(qm)
    return written


def print_report(report: Report, *, write: bool) -> None:
    verb = "updated" if write else "would change"
    print(f"catalogues {verb}: {', '.join(report.changed) or 'none'}")
    for lang in LANGUAGES:
        missing = report.missing.get(lang, [])
        print(f"[{lang}] filled from fragments: {report.filled.get(lang, 0)}; still missing: {len(missing)}")
        for line in missing:
            hint = report.hints.get((lang, line))
            print(f"    {line}" + (f"   (known elsewhere: {hint!r})" if hint else ""))
    if report.unused:
        print("fragment entries no source has (renamed, or not a literal tr()/translate() call?):")
        for line in report.unused:
            print(f"    {line}")
    if report.problems:
        print("problems:")
        for line in report.problems:
            print(f"    {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fragments", type=Path, default=DEFAULT_FRAGMENTS,
                        help=f"folder of *.json translation fragments (default {DEFAULT_FRAGMENTS})")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a catalogue would change or a translation is missing")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a translation is missing")
    parser.add_argument("--release", action="store_true", help="also compile each .ts to a .qm beside it")
    args = parser.parse_args(argv)
    try:
        report = update(args.fragments, write=not args.check)
        print_report(report, write=not args.check)
        if args.release and not args.check:
            for qm in release():
                print(f"compiled {qm.relative_to(ROOT)}")
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    incomplete = any(report.missing.get(lang) for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
    if args.check and (report.changed or incomplete):
        return 1
    return 1 if args.strict and incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
