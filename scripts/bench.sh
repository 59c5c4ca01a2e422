#!/usr/bin/env bash
# Measures what the README quotes: answer saves, scoring, listing, and the native PDF report against
# LibreOffice converting the same report's ODT to PDF. Usage: scripts/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs=5

"$build/bench/bench_store" "$work"

db="$work/bench.db"
"$build/src/cli/maturity" --db "$db" demo >/dev/null
"$build/src/cli/maturity" --db "$db" report 2 --out "$work/report.odt" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

profile="file://$work/lo-profile"
soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work" "$work/report.odt" >/dev/null 2>&1 # warm-up
native=$(for _ in $(seq $runs); do time_ms "$build/src/cli/maturity" --db "$db" report 2 --out "$work/native.pdf"; done | median)
office=$(for _ in $(seq $runs); do time_ms soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work" "$work/report.odt"; done | median)
startup=$(for _ in $(seq $runs); do time_ms "$build/src/cli/maturity" --db "$db" list; done | median)
echo "maturity list (process start to exit)          median ${startup} ms over $runs runs"
echo "native PDF report (maturity report, whole run)  median ${native} ms over $runs runs"
echo "LibreOffice ODT -> PDF of the same report       median ${office} ms over $runs runs"
awk -v a="$office" -v b="$native" 'BEGIN { printf "native PDF is %.1f times faster\n", a / b }'
