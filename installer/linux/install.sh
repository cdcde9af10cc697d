#!/usr/bin/env bash
# Install the GDPR Desk bundle on Linux: the program, a `gdpr-desk` command, the launcher entry
# and its icons. Per user by default (~/.local); `--prefix /usr/local` as root for everyone.
# The data folder (~/.local/share/gdpr-desk) is never touched, not even by --uninstall.
#
#   installer/linux/install.sh [--prefix DIR] [--uninstall] [BUNDLE]
#
# BUNDLE is the folder installer/build.py made (default: dist/gdpr-desk in this checkout).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
bundle="$here/../../dist/gdpr-desk"
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    *) bundle=$1; shift ;;
  esac
done

case "$prefix" in
  *[\"\$\`\|\&\\]*) echo "install.sh: choose a --prefix without \" \$ \` | & or \\ in it" >&2; exit 2 ;;
esac
app="$prefix/lib/gdpr-desk"
bin="$prefix/bin/gdpr-desk"
share="$prefix/share"
sizes="16 24 32 48 64 128 256"

if [ "$uninstall" = 1 ]; then
  rm -rf "$app"
  rm -f "$bin" "$share/applications/gdpr-desk.desktop" "$share/icons/hicolor/scalable/apps/gdpr-desk.svg"
  for n in $sizes; do rm -f "$share/icons/hicolor/${n}x${n}/apps/gdpr-desk.png"; done
  echo "GDPR Desk removed from $prefix; the data folder was kept."
  exit 0
fi

icons="$bundle/_internal/resources/icons"
if [ ! -x "$bundle/gdpr-desk" ] || [ ! -f "$icons/gdpr-desk.svg" ]; then
  echo "install.sh: $bundle is not a GDPR Desk bundle: build it with 'python installer/build.py'" >&2
  exit 1
fi

# Into a new folder first and then swapped in, so a failed copy never leaves half a program.
mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications"
rm -rf "$app.new"
cp -a "$bundle" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
ln -sfn "$app/gdpr-desk" "$bin"

for n in $sizes; do
  install -D -m 0644 "$icons/gdpr-desk-$n.png" "$share/icons/hicolor/${n}x${n}/apps/gdpr-desk.png"
done
install -D -m 0644 "$icons/gdpr-desk.svg" "$share/icons/hicolor/scalable/apps/gdpr-desk.svg"
# The entry names the program by its full path: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^Exec=gdpr-desk\$|Exec=\"$app/gdpr-desk\"|" -e "s|^TryExec=gdpr-desk\$|TryExec=$app/gdpr-desk|" \
  "$here/gdpr-desk.desktop" > "$share/applications/gdpr-desk.desktop"
chmod 0644 "$share/applications/gdpr-desk.desktop"

command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "GDPR Desk installed in $app; start it from the menu or with $bin"
