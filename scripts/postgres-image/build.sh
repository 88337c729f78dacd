#!/usr/bin/env bash
# Builds the PostgreSQL 15 image the Web and Browser test tiers start through Testcontainers, from Debian packages,
# for machines that cannot pull images from a registry:
#   1. once per machine, a base image: a minimal Debian bookworm with postgresql-15, made by debootstrap from the
#      mirror apt already uses and imported into Docker (a few minutes);
#   2. the image itself, from ./Dockerfile (entrypoint, environment) on that base: seconds, cached by Docker.
#   scripts/postgres-image/build.sh [IMAGE]     (default infusioncenter/postgres:15)
# Needs root (debootstrap) and a running Docker engine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
image="${1:-infusioncenter/postgres:15}"
base="infusioncenter/postgres-base:15-bookworm"

if ! docker image inspect "$base" >/dev/null 2>&1; then
  # The mirror apt uses (deb822 sources first, then the one-line format), else Debian's own.
  mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$mirror" ] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  command -v debootstrap >/dev/null 2>&1 || { echo "error: debootstrap is needed to build ${base}" >&2; exit 1; }

  root=$(mktemp -d "${TMPDIR:-/tmp}/infusioncenter-pg-rootfs-XXXXXX")
  trap 'rm -rf "$root" "$root.log"' EXIT
  echo "==> building the PostgreSQL base image ${base} from Debian packages (${mirror}); takes a few minutes, once per machine"
  debootstrap --variant=minbase --include=postgresql-15 bookworm "$root" "$mirror" >"$root.log" 2>&1 || {
    echo "error: debootstrap failed:" >&2; tail -20 "$root.log" >&2; exit 1; }
  # Debian's packaging made a 'main' cluster we do not want (the entrypoint makes its own); no package caches.
  rm -rf "$root"/var/lib/postgresql/15 "$root"/etc/postgresql/15 "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import - "$base" >/dev/null
fi

# The classic builder: BuildKit may not be there, and the base image is local anyway. Its output only on failure.
out=$(DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=${base}" -t "$image" "$here" 2>&1) || {
  echo "error: docker build of ${image} failed:" >&2; echo "$out" >&2; exit 1; }
echo "    PostgreSQL test image: ${image}"
