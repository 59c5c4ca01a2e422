#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is missing, build, and open the workbench on a demo
# database. Without a display it says so, prints the demo scores and writes the demo PDF reports instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh release

bin=build/release
demo_dir="$PWD/build/demo"
mkdir -p "$demo_dir"
db="$demo_dir/maturity-demo.db"
"$bin/src/cli/maturity" --db "$db" demo

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening Maturity Workbench on $db"
  exec "$bin/ui/maturity-workbench" --db "$db"
fi

echo
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the workbench window cannot open."
echo "Here is the demo from the command line instead."
echo
"$bin/src/cli/maturity" --db "$db" list
echo
"$bin/src/cli/maturity" --db "$db" score 2
echo
"$bin/src/cli/maturity" --db "$db" report 2 --out "$demo_dir/maturity-report.pdf"
"$bin/src/cli/maturity" --db "$db" report 2 --compare 1 --out "$demo_dir/progress-review.pdf"
"$bin/src/cli/maturity" --db "$db" export 2 --out "$demo_dir/action-plan.xlsx"
echo "Open $demo_dir/maturity-report.pdf to read the demo report."
