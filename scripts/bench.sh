#!/usr/bin/env bash
# Measures what the README quotes: answer saves, scoring, listing, a room of 60 phones voting, the
# portfolio at 10,000 assessments, and the native PDF report against
# LibreOffice converting the same report's ODT to PDF. Usage: [BENCH_RUNS=N] scripts/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${BENCH_RUNS:-15}"

"$build/bench/bench_store" "$work"
"$build/bench/bench_report" "$work" 2>/dev/null
"$build/bench/bench_room" "$work" 60
# The 10,000-assessment portfolio (5,715 clients); BENCH_CLIENTS=N for another size.
"$build/bench/bench_portfolio" "$work" "${BENCH_CLIENTS:-5715}" 2>/dev/null

db="$work/bench.db"
"$build/src/cli/maturity" --db "$db" demo >/dev/null
"$build/src/cli/maturity" --db "$db" report 2 --out "$work/report.odt" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

profile="file://$work/lo-profile"
soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work" "$work/report.odt" >/dev/null 2>&1 # warm-up
# Native and LibreOffice runs alternate, so that a machine whose speed drifts slows both alike; each pair
# gives a ratio, and the median ratio is the figure quoted.
: >"$work/pairs"
for _ in $(seq "$runs"); do
    n=$(time_ms "$build/src/cli/maturity" --db "$db" report 2 --out "$work/native.pdf")
    o=$(time_ms soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work" "$work/report.odt")
    echo "$n $o" >>"$work/pairs"
done
native=$(awk '{print $1}' "$work/pairs" | median)
office=$(awk '{print $2}' "$work/pairs" | median)
ratio=$(awk '{printf "%.1f\n", $2 / $1}' "$work/pairs" | median)
startup=$(for _ in $(seq "$runs"); do time_ms "$build/src/cli/maturity" --db "$db" list; done | median)
portfolio="$work/bench-portfolio-${BENCH_CLIENTS:-5715}.db"
list_big=$(for _ in $(seq "$runs"); do time_ms "$build/src/cli/maturity" --db "$portfolio" list; done | median)
bare_cli=$(for _ in $(seq "$runs"); do time_ms "$build/src/cli/maturity" --version; done | median)
echo "maturity list (process start to exit)          median ${startup} ms over $runs runs"
echo "maturity list, 10,000 assessments               median ${list_big} ms; a process that only starts (--version) ${bare_cli} ms"
echo "native PDF report (maturity report, whole run)  median ${native} ms, range $(awk '{print $1}' "$work/pairs" | sort -n | sed -n '1p;$p' | paste -sd-) ms"
echo "LibreOffice ODT -> PDF of the same report       median ${office} ms, range $(awk '{print $2}' "$work/pairs" | sort -n | sed -n '1p;$p' | paste -sd-) ms"
echo "native PDF is ${ratio} times faster (median of $runs paired runs)"

# Workbench start to first paint, whole processes on a real X display (Xvfb when there is none), against a
# bare QMainWindow: bare, demo (11 assessments) and portfolio runs alternate, and each ratio is per pair.
if [ -z "${DISPLAY:-}" ]; then
    if ! command -v Xvfb >/dev/null; then
        echo "workbench start-up: skipped (no X display and no Xvfb)"
        exit 0
    fi
    export DISPLAY=:$((90 + RANDOM % 9))
    Xvfb "$DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
    sleep 1
fi
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
workbench() { "$build/ui/maturity-workbench" --db "$1" --exit-after-first-paint; }
workbench "$db"; workbench "$portfolio" # warm-up; also makes the day's backups, which a first start makes off the UI thread
: >"$work/startup"
for _ in $(seq "$runs"); do
    b=$(time_ms "$build/bench/bench_bare_window")
    s=$(time_ms workbench "$db")
    l=$(time_ms workbench "$portfolio")
    echo "$b $s $l" >>"$work/startup"
done
echo "bare QMainWindow to first paint                 median $(awk '{print $1}' "$work/startup" | median) ms"
echo "workbench to first paint, demo (11 assessments) median $(awk '{print $2}' "$work/startup" | median) ms, $(awk '{printf "%.2f\n", $2 / $1}' "$work/startup" | median) times the bare window (median of $runs pairs)"
echo "workbench to first paint, 10,000 assessments    median $(awk '{print $3}' "$work/startup" | median) ms, $(awk '{printf "%.2f\n", $3 / $1}' "$work/startup" | median) times the bare window (median of $runs pairs)"
