#!/usr/bin/env bash
# The layering rules that what each target links cannot express (docs/architecture.md). One line per
# breach, naming the file and line; exit 1 when there is any.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
status=0
breach() {
    local rule="$1" pattern="$2"
    shift 2
    local found
    found="$(grep -rnE "$pattern" "$@" 2>/dev/null)"
    if [ -n "$found" ]; then
        printf '%s\n' "$found" | sed "s|^|layering: $rule: |"
        status=1
    fi
}
breach "widgets never call the store" '(\.|->)store\(\)' ui
breach "ui/ includes no storage header" '#include "storage/' ui
breach "ui/ includes nothing from src/cli" '#include "cli/' ui
breach "the report library reads no settings" 'QSettings' src/report
breach "core, storage and app use no Qt" '#include <Q' src/core src/storage src/app
breach "the room server uses no Qt" '#include <Q' src/room
breach "only the room server speaks HTTP" '#include <httplib' src/core src/storage src/app src/report src/cli ui
breach "the hub client uses no Qt and no SQLite" '#include <(Q|SQLiteCpp|sqlite3)' src/hub
breach "only the hub client speaks to PostgreSQL" '#include <libpq' src/core src/storage src/app src/report src/cli src/room ui
[ "$status" -eq 0 ] && echo "layering: 9 rules hold"
exit "$status"
