# The silo's own container engine (the chart's engine sidecar): Debian's Docker engine with gVisor's
# runsc, both from Debian's archive. The chart passes the socket, the data root and a daemon.json
# that registers runsc with --network=none (gVisor refuses Docker's networking otherwise).
# This container runs privileged: an engine that makes sandboxes needs namespaces, cgroups and
# mounts (docs/kubernetes.md says why, and what the alternative costs).
ARG BASE_IMAGE=coderun/base:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
         docker.io runsc iptables ca-certificates procps \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
COPY engine-entrypoint.sh /usr/local/bin/engine-entrypoint
VOLUME /var/lib/docker
ENTRYPOINT ["/usr/local/bin/engine-entrypoint"]
