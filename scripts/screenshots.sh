#!/usr/bin/env bash
# Screenshots of the real workbench window under Xvfb, driven by key presses in a facilitator's order: the
# editor with the voice strip, the dashboard, the Room page (each group's view), Compare, the Action plan, the
# Evidence page, and presenter mode
# (a question, the blind vote, the revealed vote, the results slides). Taken at 1280x720, at 1920x1080 with
# QT_SCALE_FACTOR=2, and with the dark and light themes. Needs xvfb, xdotool and imagemagick.
# Usage: scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
out="${2:-docs/screenshots}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'kill ${app:-} ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/demo.db"
"$build/src/cli/maturity" --db "$db" demo >/dev/null
# Evidence as a workshop gathers it: a photo of the whiteboard and a document handed over on a stick.
convert -size 1600x1200 gradient:'#f4f1e8-#d8d2c0' -fill '#1f4e79' -pointsize 90 \
    -draw "text 120,300 'OT zone L2 - DMZ - IT'" -fill '#a02020' -draw "rectangle 120,500 700,900" \
    "$work/whiteboard.jpg"
printf '%%PDF-1.4\n%% asset register\n' >"$work/assets.pdf"
"$build/src/cli/maturity" --db "$db" evidence add 2 "$work/whiteboard.jpg" --question GO1 --question SB1 \
    --title "Whiteboard: zones and conduits" --valid-on 2026-11-20 --supplied-by "Plant OT lead" >/dev/null
"$build/src/cli/maturity" --db "$db" evidence add 2 "$work/assets.pdf" --question SB1 \
    --title "Asset register export" --supplied-by "IT service desk" >/dev/null
export XDG_CONFIG_HOME="$work/config"

shoot() { sleep 1.5; import -window root "$out/$1.png"; }

# start SCREEN THEME [ENV...]: a fresh X server of that size and the workbench on the demo follow-up.
start() {
    local screen="$1" theme="$2"
    shift 2
    kill ${app:-} ${xvfb:-} 2>/dev/null || true
    wait 2>/dev/null || true
    export DISPLAY=:97
    Xvfb "$DISPLAY" -screen 0 "${screen}x24" -nolisten tcp &
    xvfb=$!
    sleep 1
    env "$@" "$build/ui/maturity-workbench" --db "$db" --open 2 --theme "$theme" &
    app=$!
    sleep 3
    window="$(xdotool search --sync --name 'Maturity Workbench' | head -1)"
    xdotool windowmove "$window" 0 0 windowsize "$window" "${screen%x*}" "${screen#*x}"
    # Real key presses need the keyboard focus (Qt ignores synthetic events sent to a window).
    xdotool windowfocus --sync "$window"
    sleep 1
}

# One session at projector size: a question voice by voice, then every page, then presenter mode.
facilitate() {
    local suffix="$1"
    xdotool key ctrl+f
    xdotool type --delay 40 "SB4"
    xdotool key Return
    sleep 0.5
    xdotool key Right 2 alt+4 Left
    shoot "voices$suffix"
    xdotool key c ctrl+2
    shoot "dashboard$suffix"
    xdotool key ctrl+4
    shoot "room$suffix"
    xdotool key ctrl+3
    shoot "compare$suffix"
    xdotool key ctrl+5
    shoot "action-plan$suffix"
    xdotool key ctrl+6
    shoot "evidence$suffix"
    xdotool key ctrl+1 F5
    shoot "presenter$suffix"
    xdotool key b
    shoot "presenter-blind$suffix"
    xdotool key r
    shoot "presenter-revealed$suffix"
    xdotool key d
    shoot "presenter-dimension$suffix"
    xdotool key a
    shoot "presenter-results$suffix"
    xdotool key Escape j
    shoot "presenter-join$suffix"
    xdotool key Escape Escape
    sleep 0.5
}

start 1280x720 system
facilitate "-1280"
start 1920x1080 system QT_SCALE_FACTOR=2
facilitate "-1920-2x"
start 1600x1000 dark
xdotool key ctrl+2
shoot dashboard-dark
xdotool key ctrl+4
shoot room-dark
xdotool key ctrl+1
shoot voices-dark
start 1600x1000 light
xdotool key ctrl+2
shoot dashboard
xdotool key ctrl+1
shoot editor
echo "Screenshots in $out"
