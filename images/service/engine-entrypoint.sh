#!/bin/sh
# Starts the engine inside the silo pod's privileged sidecar: what moby's hack/dind script does
# before dockerd (https://github.com/moby/moby/blob/master/hack/dind), for a Debian image that lacks it.
set -eu

# AppArmor profiles are loaded through securityfs.
if [ -d /sys/kernel/security ] && ! mountpoint -q /sys/kernel/security; then
  mount -t securityfs none /sys/kernel/security || echo "engine: could not mount securityfs; AppArmor may be unavailable" >&2
fi

# cgroup v2 nodes: a process may not sit in a cgroup whose controllers are delegated to children,
# so move this container's processes into a leaf first; then the engine can give every sandbox its
# memory, pids and CPU limits. cgroup v1 nodes need nothing here.
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  mkdir -p /sys/fs/cgroup/init
  xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs || :
  sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers > /sys/fs/cgroup/cgroup.subtree_control
fi

exec dockerd "$@"
