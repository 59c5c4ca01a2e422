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
echo "maturity list (process start to exit)          median ${startup} ms over $runs runs"
echo "native PDF report (maturity report, whole run)  median ${native} ms, range $(awk '{print $1}' "$work/pairs" | sort -n | sed -n '1p;$p' | paste -sd-) ms"
echo "LibreOffice ODT -> PDF of the same report       median ${office} ms, range $(awk '{print $2}' "$work/pairs" | sort -n | sed -n '1p;$p' | paste -sd-) ms"
echo "native PDF is ${ratio} times faster (median of $runs paired runs)"
