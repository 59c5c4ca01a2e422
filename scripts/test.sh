#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is missing (with the test tools), build with
# warnings as errors, and run the whole test suite through ctest; then the suite again under ASan and UBSan,
# and each fuzz target for a short fixed time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh ci test
ctest --preset ci -j "$(nproc)"
# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
bash scripts/setup.sh asan test
ctest --preset asan -j "$(nproc)"
# Each libFuzzer target for a fixed time from its seed corpus; a crash fails the run.
bash scripts/setup.sh fuzz test
ctest --preset fuzz -j "$(nproc)"
