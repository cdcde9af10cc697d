#!/usr/bin/env bash
# Installs what GDPR Desk needs on a fresh Debian/Ubuntu machine: the system libraries Qt loads
# (xcb, EGL, fonts), Xvfb for machines without a screen, and a virtual environment with the
# project and its test tools. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  fonts-dejavu-core libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 xvfb xauth
)

ensure_system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "bootstrap: not a Debian-based system; make sure Qt 6's xcb libraries and DejaVu fonts are installed." >&2
    return 0
  fi
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "bootstrap: installing system packages: ${missing[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >&2
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "bootstrap: installing system packages with sudo: ${missing[*]}" >&2
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >&2
  else
    echo "bootstrap: Qt needs system packages that are missing. Run this once, then try again:" >&2
    echo "  sudo sh -c '$line'" >&2
    exit 1
  fi
}

find_python() {
  # Python 3.12+ first: PySide6 6.12's wheel relies on 3.12's immortal None/True/False (on 3.11
  # the desk patches around that at start-up; see desktop/ui/qt_compat.py). pyenv's installed
  # versions count even when they are not the active one.
  local candidates=()
  if command -v pyenv >/dev/null 2>&1; then
    local root
    root=$(pyenv root 2>/dev/null || true)
    for v in 3.12 3.13 3.14; do
      for d in "$root"/versions/"$v".*; do
        [ -x "$d/bin/python3" ] && candidates+=("$d/bin/python3")
      done
    done
  fi
  candidates+=(python3.12 python3.13 python3.14 python3.11 python3)
  for candidate in "${candidates[@]}"; do
    if command -v "$candidate" >/dev/null 2>&1 && \
       "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; then
      echo "$candidate"; return 0
    fi
  done
  echo "bootstrap: GDPR Desk needs Python 3.11 or newer (python3 --version says $(python3 --version 2>&1))." >&2
  exit 1
}

ensure_venv() {
  local py stamp want
  py=$(find_python)
  local wanted_version
  wanted_version=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if [ -x .venv/bin/python ] && \
     [ "$(.venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" != "$wanted_version" ]; then
    echo "bootstrap: .venv uses another Python than $wanted_version; making it anew" >&2
    rm -rf .venv
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "bootstrap: creating .venv with $py (Python $wanted_version)" >&2
    "$py" -m venv .venv
  fi
  want=$(cat pyproject.toml | sha256sum | cut -c1-16)
  stamp=.venv/.stamp-$want
  if [ ! -f "$stamp" ]; then
    echo "bootstrap: installing GDPR Desk and its test tools into .venv" >&2
    .venv/bin/python -m pip install -q --upgrade pip >&2
    .venv/bin/python -m pip install -q -e ".[test]" >&2
    rm -f .venv/.stamp-*
    touch "$stamp"
  fi
}

ensure_system_packages
ensure_venv
