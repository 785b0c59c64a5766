#!/usr/bin/env bash
# Screenshots of every page, taken in a real X server (Xvfb) with a tray host.
# Needs Debian's xvfb and trayer (and the xcb libraries listed in README).
set -euo pipefail
cd "$(dirname "$0")/.."
display=:97
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp &
xvfb=$!
trap 'kill $xvfb ${tray:-} 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 &
tray=$!
sleep 1
DISPLAY=$display QT_QPA_PLATFORM=xcb python3 docs/screenshots.py "${1:-docs/screenshots}"
