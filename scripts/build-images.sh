#!/usr/bin/env bash
# Builds every language image the engine lacks (tags are content hashes: unchanged definitions are
# not rebuilt). Expects a Release build of the solution (scripts/test.sh and scripts/run.sh do it).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet src/Silo/bin/Release/net10.0/CodeRunner.Silo.dll images build "$@"
