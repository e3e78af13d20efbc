#!/usr/bin/env bash
# Builds the Debian bookworm base image that every language image starts FROM, without a registry:
# mmdebstrap makes a minimal root file system from Debian's archive and `docker import` loads it.
# Skipped when the image already exists. Elsewhere, the language Dockerfiles can start from a
# registry's debian:bookworm-slim instead (build argument BASE_IMAGE).
set -euo pipefail
tag="${CODERUN_BASE_IMAGE:-coderun/base:bookworm}"
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "build-base-image: $tag present"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "build-base-image: mmdebstrap bookworm (a few minutes the first time)"
mmdebstrap --variant=apt --include=ca-certificates --quiet bookworm "$work/base.tar"
docker import --change 'CMD ["/bin/bash"]' "$work/base.tar" "$tag" >/dev/null
echo "build-base-image: $tag built"
