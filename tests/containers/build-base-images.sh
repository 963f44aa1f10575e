#!/usr/bin/env bash
# Builds local stand-ins for the public base images that Dockerfile and compose.yaml name
# (node:20-bookworm-slim, postgres:15-bookworm, redis:7-bookworm, nginx:1.27-bookworm,
# prom/prometheus:v2.42.0), because this machine cannot pull from any container registry. Each one is a
# Debian bookworm "minbase" root made by debootstrap plus Debian's own packages (postgresql-15,
# redis-server, nginx, prometheus) or the host's Node.js,
# with an entrypoint that honours the same variables as the official image (POSTGRES_USER,
# POSTGRES_PASSWORD, POSTGRES_DB, a redis-server command line, …).
#
# Cached: the debootstrap root as a tarball in $NOCTURNA_CT_CACHE (default /var/cache/nocturna-ct),
# and every stand-in image in podman's storage, labelled with a hash of its recipe: a second run with
# nothing changed takes a few seconds. Remove them with `tests/containers/build-base-images.sh --remove`.
#
# Needs root, podman, debootstrap (apt-get install -y podman debootstrap) and network access to the
# Debian mirror ($DEBIAN_MIRROR, default http://deb.debian.org/debian).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
PODMAN="${PODMAN:-podman}"
CACHE="${NOCTURNA_CT_CACHE:-/var/cache/nocturna-ct}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
ROOT_IMAGE="localhost/nocturna-ct/debian:${SUITE}-minbase"
ROOT_TAR="$CACHE/${SUITE}-minbase.tar"
export BUILDAH_FORMAT=docker

# stand-in name -> recipe folder (names exactly as Dockerfile and compose.yaml write them)
declare -A IMAGES=(
  [docker.io/library/node:20-bookworm-slim]=node
  [docker.io/library/postgres:15-bookworm]=postgres
  [docker.io/library/redis:7-bookworm]=redis
  [docker.io/library/nginx:1.27-bookworm]=nginx
  [docker.io/prom/prometheus:v2.42.0]=prometheus
)

log() { printf '[base-images] %s\n' "$*" >&2; }

if [[ "${1:-}" == "--remove" ]]; then
  for image in "${!IMAGES[@]}" "$ROOT_IMAGE"; do "$PODMAN" rmi -f "$image" >/dev/null 2>&1 || true; done
  rm -rf "$CACHE"
  log "removed the stand-in images and $CACHE"
  exit 0
fi

# Which stand-ins to build: all, or those named on the command line (node postgres redis nginx prometheus).
wanted=("$@")
want() { [[ ${#wanted[@]} -eq 0 ]] || [[ " ${wanted[*]} " == *" $1 "* ]]; }

# 1. The debootstrap root, cached as a tarball.
if [[ ! -s "$ROOT_TAR" ]]; then
  command -v debootstrap >/dev/null || { log "debootstrap missing: apt-get install -y debootstrap"; exit 1; }
  mkdir -p "$CACHE"
  rm -rf "$CACHE/rootfs.tmp"
  log "debootstrap --variant=minbase $SUITE (about 1.5 min, once)"
  debootstrap --variant=minbase "$SUITE" "$CACHE/rootfs.tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log" >&2; exit 1; }
  # Slim it the way the official slim images are: no apt lists or caches, docs, man pages, locales.
  rm -rf "$CACHE/rootfs.tmp"/var/cache/apt/archives/*.deb "$CACHE/rootfs.tmp"/var/cache/apt/*.bin \
    "$CACHE/rootfs.tmp"/var/lib/apt/lists/* "$CACHE/rootfs.tmp"/usr/share/doc/* \
    "$CACHE/rootfs.tmp"/usr/share/man/* "$CACHE/rootfs.tmp"/usr/share/info/*
  find "$CACHE/rootfs.tmp/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\npath-include /usr/share/locale/locale.alias\n' \
    >"$CACHE/rootfs.tmp/etc/dpkg/dpkg.cfg.d/docker-slim"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$CACHE/rootfs.tmp/etc/apt/apt.conf.d/99-no-recommends"
  printf 'deb %s %s main\n' "$MIRROR" "$SUITE" >"$CACHE/rootfs.tmp/etc/apt/sources.list"
  tar -C "$CACHE/rootfs.tmp" --numeric-owner -cf "$ROOT_TAR.tmp" .
  mv "$ROOT_TAR.tmp" "$ROOT_TAR"
  rm -rf "$CACHE/rootfs.tmp"
fi

# 2. The root as an image.
root_id="$(sha256sum "$ROOT_TAR" | cut -c1-16)"
if [[ "$("$PODMAN" image inspect --format '{{ index .Config.Labels "nocturna.ct.recipe" }}' "$ROOT_IMAGE" 2>/dev/null || true)" != "$root_id" ]]; then
  log "importing the root as $ROOT_IMAGE"
  "$PODMAN" import --quiet --change 'CMD ["/bin/bash"]' --change "LABEL nocturna.ct.recipe=$root_id" "$ROOT_TAR" "$ROOT_IMAGE" >/dev/null
fi

# 3. The stand-ins, rebuilt only when their recipe (folder content, root, host Node.js) changed.
node_bin="$(readlink -f "$(command -v node)")"
npm_dir="$(cd "$(dirname "$node_bin")/../lib/node_modules/npm" 2>/dev/null && pwd || true)"
[[ -d "$npm_dir" ]] || npm_dir="$(npm root -g)/npm"

for image in "${!IMAGES[@]}"; do
  recipe="${IMAGES[$image]}"
  want "$recipe" || continue
  hash_input="$root_id $(cd "$HERE/$recipe" && find . -type f -print0 | sort -z | xargs -0 sha256sum)"
  if [[ "$recipe" == node ]]; then hash_input+=" $(node --version) $(npm --version) $(sha256sum "$node_bin" | cut -c1-16) $(cat "$(npm config get cafile 2>/dev/null || true)" "${NODE_EXTRA_CA_CERTS:-/dev/null}" 2>/dev/null | sha256sum | cut -c1-16)"; fi
  recipe_id="$(printf '%s' "$hash_input" | sha256sum | cut -c1-16)"
  current="$("$PODMAN" image inspect --format '{{ index .Config.Labels "nocturna.ct.recipe" }}' "$image" 2>/dev/null || true)"
  if [[ "$current" == "$recipe_id" ]]; then
    log "$image is up to date"
    continue
  fi
  ctx="$(mktemp -d)"
  cp -a "$HERE/$recipe/." "$ctx/"
  if [[ "$recipe" == node ]]; then
    cp "$node_bin" "$ctx/node"
    cp -a "$npm_dir" "$ctx/npm"
    # Where the registry is reached through a TLS-inspecting proxy (as on this workplace), npm in the
    # stand-in trusts the same extra CA bundle as the host's npm; elsewhere the file stays empty.
    ca_file="$(npm config get cafile 2>/dev/null || true)"
    [[ -f "$ca_file" ]] || ca_file="${NODE_EXTRA_CA_CERTS:-}"
    if [[ -f "$ca_file" ]]; then cp "$ca_file" "$ctx/extra-ca.crt"; else : >"$ctx/extra-ca.crt"; fi
  fi
  log "building $image (recipe $recipe_id)"
  start=$SECONDS
  "$PODMAN" build --pull=never --network=host --layers=false \
    --build-arg "ROOT_IMAGE=$ROOT_IMAGE" --build-arg "NODE_VERSION=$(node --version | tr -d v)" \
    --label "nocturna.ct.recipe=$recipe_id" -t "$image" -f "$ctx/Containerfile" "$ctx" >"$ctx/build.log" 2>&1 \
    || { tail -30 "$ctx/build.log" >&2; rm -rf "$ctx"; exit 1; }
  rm -rf "$ctx"
  log "built $image in $((SECONDS - start)) s"
done
"$PODMAN" image prune -f >/dev/null 2>&1 || true
