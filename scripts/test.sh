#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is missing (with the test tools), build with
# warnings as errors, and run the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh ci test
ctest --preset ci -j "$(nproc)"
