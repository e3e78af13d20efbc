#!/usr/bin/env bash
# Runs the service on this machine: one process hosting the frontend and a silo, listening on
# http://127.0.0.1:8080 (override with --urls or ASPNETCORE_URLS). Installs and starts what it
# needs first (Docker engine with gVisor, base and language images); quick when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
# The embedded store (submissions and results) lives outside the build output, so it survives rebuilds.
data=${CODERUN_DATA:-/var/lib/coderun}
mkdir -p "$data"
cd src/Frontend/bin/Release/net10.0
exec dotnet CodeRunner.Frontend.dll --Store:EmbeddedPath="$data/coderun.db" "$@"
