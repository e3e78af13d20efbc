#!/usr/bin/env bash
# Builds the images the Kubernetes chart runs: coderun/silo, coderun/frontend (self-contained .NET,
# non-root) and coderun/engine (the silo's Docker engine with gVisor), each tagged by its content,
# so an unchanged image is not rebuilt and a changed one gets a new tag. Prints the tags as chart
# values at the end.
#
#   scripts/build-service-images.sh                        # build here, from coderun/base:bookworm
#   BASE_IMAGE=debian:bookworm-slim scripts/build-service-images.sh   # from a registry's Debian
#   scripts/build-service-images.sh --push registry.example.com/      # also push them and the
#                                                                     # language images there
set -euo pipefail
cd "$(dirname "$0")/.."
base="${BASE_IMAGE:-coderun/base:bookworm}"
registry=""
if [ "${1:-}" = "--push" ]; then
  registry="${2:?usage: $0 [--push REGISTRY/]}"
  case "$registry" in */) ;; *) registry="$registry/" ;; esac
fi
work=artifacts/service-images
mkdir -p "$work"

# A tag is the hash of everything that goes into the image: the Dockerfile, the base image's id
# and the files copied in.
content_tag() { (cat "$@"; docker image inspect -f '{{.Id}}' "$base") | sha256sum | cut -c1-16; }

build() { # name dockerfile context tag [build args…]
  local name=$1 dockerfile=$2 context=$3 tag=$4; shift 4
  if docker image inspect "coderun/$name:$tag" >/dev/null 2>&1; then
    echo "build-service-images: coderun/$name:$tag present" >&2
  else
    echo "build-service-images: building coderun/$name:$tag" >&2
    docker build -q -f "$dockerfile" --build-arg "BASE_IMAGE=$base" "$@" -t "coderun/$name:$tag" "$context" >/dev/null
  fi
  if [ -n "$registry" ]; then
    docker tag "coderun/$name:$tag" "${registry}coderun/$name:$tag"
    docker push -q "${registry}coderun/$name:$tag" >/dev/null
  fi
  echo "$tag"
}

declare -A tags
for app in Silo Frontend; do
  name=$(echo "$app" | tr '[:upper:]' '[:lower:]')
  out="$work/$name"
  rm -rf "$out/publish"
  dotnet publish "src/$app/$app.csproj" -c Release -r linux-x64 --self-contained -nologo -v quiet -o "$out/publish" >&2
  # Sorted file list with contents: the same build gives the same tag (builds are deterministic).
  files=$(cd "$out/publish" && find . -type f | LC_ALL=C sort)
  tag=$( (cd "$out/publish" && echo "$files" && echo "$files" | xargs cat; cat "$OLDPWD/images/service/Dockerfile"; docker image inspect -f '{{.Id}}' "$base") | sha256sum | cut -c1-16)
  tags[$name]=$(build "$name" images/service/Dockerfile "$out" "$tag" --build-arg "APP=$app")
done
tags[engine]=$(build engine images/service/engine.Dockerfile images/service "$(content_tag images/service/engine.Dockerfile images/service/engine-entrypoint.sh)")

# The language images the current sources need, as the silo names them.
language_images=$("$work/silo/publish/CodeRunner.Silo" images tags | awk '{print $2}')
if [ -n "$registry" ]; then
  for image in $language_images; do
    docker image inspect "$image" >/dev/null 2>&1 || { echo "build-service-images: $image missing: run scripts/build-images.sh" >&2; exit 1; }
    docker tag "$image" "$registry$image"
    docker push -q "$registry$image" >/dev/null
  done
fi

cat <<VALUES
# chart values for these images (helm/coderun/values.yaml):
imageRegistry: "$registry"
frontend: { image: { repository: coderun/frontend, tag: ${tags[frontend]} } }
silo: { image: { repository: coderun/silo, tag: ${tags[silo]} } }
engine: { image: { repository: coderun/engine, tag: ${tags[engine]} } }
languageImages:
  pull:
$(for image in $language_images; do echo "    - $image"; done)
VALUES
