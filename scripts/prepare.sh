#!/usr/bin/env bash
# What both README commands need first: the host (Docker engine with gVisor, PostgreSQL, …), the
# base image, a Release build, and the language images. Idempotent; quick when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-host.sh
bash scripts/build-base-image.sh
dotnet build Actors.sln -c Release -nologo -v quiet
bash scripts/build-images.sh
