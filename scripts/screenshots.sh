#!/usr/bin/env bash
# Takes screenshots of the real workbench window under Xvfb: navigator and editor, dashboard, compare and
# presenter mode. Needs xvfb, xdotool and imagemagick. Usage: scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
out="${2:-docs/screenshots}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'kill ${app:-} ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/demo.db"
"$build/src/cli/maturity" --db "$db" demo >/dev/null

export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp &
xvfb=$!
sleep 1
export XDG_CONFIG_HOME="$work/config"
"$build/ui/maturity-workbench" --db "$db" --open 2 &
app=$!
sleep 3
window="$(xdotool search --sync --name 'Maturity Workbench' | head -1)"
xdotool windowmove "$window" 0 0 windowsize "$window" 1600 1000
# Real key presses need the keyboard focus (Qt ignores synthetic events sent to a window).
xdotool windowfocus --sync "$window"
sleep 1
shoot() { sleep 1.5; import -window root "$out/$1.png"; }
xdotool key ctrl+f
xdotool type --delay 40 "SB4"
xdotool key Return
sleep 0.5
xdotool key 2 alt+4
shoot editor
xdotool key ctrl+2
shoot dashboard
xdotool key ctrl+3
shoot compare
xdotool key ctrl+1 F5
shoot presenter
xdotool key Escape
sleep 0.5
echo "Screenshots in $out"
