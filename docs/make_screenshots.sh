#!/usr/bin/env bash
# Screenshots of every page and of one customer's page, taken in a real X server (Xvfb) with a tray
# host: the English light desk at 1600×1000, then the Russian (ru/), dark (dark/) and Russian dark
# (ru-dark/) desks, and each at 1024×700 (small/, ru-small/, dark-small/, ru-dark-small/).
# Usage: docs/make_screenshots.sh [OUT_DIR [en|ru|dark|ru-dark|small|ru-small|dark-small|ru-dark-small ...]]
# Needs Debian's xvfb and trayer (and the xcb libraries listed in README).
set -euo pipefail
cd "$(dirname "$0")/.."
n=97  # the first display number free on this machine
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 1920x1200x24 -nolisten tcp &
xvfb=$!
trap 'kill $xvfb ${tray:-} 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 &
tray=$!
sleep 1
DISPLAY=$display QT_QPA_PLATFORM=xcb python3 docs/screenshots.py "${1:-docs/screenshots}" "${@:2}"
