# One Dockerfile for every language image; a language's definition file (languages/<id>.json)
# supplies PACKAGES and VERSION_COMMAND as build arguments. The image tag is a hash of this file,
# the launcher's source and the definition's image section, so an image is rebuilt only when one
# of them changes. BASE_IMAGE is the locally built Debian base (scripts/build-base-image.sh);
# elsewhere it can be a registry's debian:bookworm-slim.
ARG BASE_IMAGE=coderun/base:bookworm

# The launcher is compiled in a stage of its own: identical for every language, so the engine's
# layer cache builds it once.
FROM ${BASE_IMAGE} AS launcher
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
COPY launcher.c /src/launcher.c
RUN gcc -static -O2 -Wall -Wextra -Werror -o /launcher /src/launcher.c

FROM ${BASE_IMAGE}
ARG PACKAGES=""
ARG VERSION_COMMAND="true"
RUN if [ -n "$PACKAGES" ]; then apt-get update -q \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $PACKAGES \
      && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb; fi
# The unprivileged user every program runs as; the launcher (PID 1) drops to it for each run.
RUN groupadd -g 1000 runner && useradd -u 1000 -g 1000 -d /sandbox -M -s /bin/sh runner
COPY --from=launcher /launcher /opt/coderun/launcher
RUN sh -c "$VERSION_COMMAND" > /opt/coderun/version 2>&1
WORKDIR /sandbox
CMD ["/opt/coderun/launcher"]
