#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against the real Docker engine (runc and
# gVisor's runsc). Installs and starts what the tests need first; quick when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh

log=$(mktemp)
set +e
dotnet test Actors.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain summary line over every test assembly, for CI.
awk '/^ *(Passed|Failed|Skipped): [0-9]+$/ { n[$1] += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", n["Passed:"], n["Failed:"], n["Skipped:"] }' "$log"
# CI keeps only the tail of the output: name each failed test again there, with the first lines of its message.
grep -A12 -E '^ *Failed [A-Za-z]' "$log" | cut -c1-400 | head -150 || true
rm -f "$log"
# Browser tests' screenshots, gathered in one place for CI to keep.
shots=artifacts/screenshots
rm -rf "$shots" && mkdir -p "$shots"
find tests -path '*/bin/Release/*/TestResults/screenshots/*.png' -exec cp {} "$shots/" \; 2>/dev/null || true
echo "screenshots: $(find "$shots" -name '*.png' | wc -l) in $shots"
exit "$status"
