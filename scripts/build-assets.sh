#!/usr/bin/env bash
# Builds the browser code of the dashboard and the playground (src/Frontend/ClientApp) into
# src/Frontend/wwwroot/assets: libraries from the npm registry (exact versions, package-lock.json),
# bundled by esbuild, served by the Frontend itself (no CDN). `npm ci` runs only when the lock file
# changed since the last install. The Frontend's build calls this when a source is newer than the
# bundle, so a plain `dotnet build` is enough.
set -euo pipefail
app="$(cd "$(dirname "$0")/.." && pwd)/src/Frontend/ClientApp"
cd "$app"
if ! command -v npm >/dev/null; then
  echo "build-assets: npm is missing; run scripts/setup-host.sh (installs Debian's nodejs and npm)" >&2
  exit 1
fi
stamp=node_modules/.lock-hash
hash=$(sha256sum package-lock.json | cut -c1-64)
if [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$hash" > "$stamp"
fi
node build.mjs
