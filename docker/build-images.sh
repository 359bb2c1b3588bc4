#!/usr/bin/env bash
# Builds the local images that let -Dwsbed.infra=containers run without any container registry:
#
#   wsbed/debian-base:local  a minimal Debian root (debootstrap) with nginx and a headless JRE 17
#   wsbed/nginx:local        that root, running nginx in the foreground (stands in for "nginx")
#   wsbed/toxiproxy:local    that root, running wsbed's embedded Toxiproxy server with the
#                            reference image's flags (stands in for ghcr.io/shopify/toxiproxy)
#
# Everything comes from Debian's archive (the mirror apt already uses on this machine) and from
# this repository (Maven Central for its dependencies). Idempotent: an image that exists is kept;
# the Toxiproxy image is rebuilt only when the server's jars changed. Needs root (debootstrap,
# chroot) and a running Docker engine. Prints every step with its time.
#
# Usage: docker/build-images.sh [--force]     (--force rebuilds all three)
# Environment: WSBED_DOCKER_WORK  scratch folder (default /var/tmp/wsbed-docker-build)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

BASE=wsbed/debian-base:local
NGINX=wsbed/nginx:local
TOXIPROXY=wsbed/toxiproxy:local
WORK=${WSBED_DOCKER_WORK:-/var/tmp/wsbed-docker-build}
FORCE=${1:-}
# Both images share one root: one debootstrap, one layer on disk.
PACKAGES="nginx openjdk-17-jre-headless"
export DOCKER_BUILDKIT=0   # the classic builder: no buildx plugin needed, and FROM a local image never pulls

step() { printf '[build-images %s] %s\n' "$(date +%T)" "$*"; }
# Runs a command with its output in $WORK/<name>.log (shown when it fails) and prints its time.
logged() {
  local name=$1; shift
  local began=$SECONDS
  if ! "$@" >"$WORK/$name.log" 2>&1; then
    tail -20 "$WORK/$name.log" >&2
    echo "[build-images] $name failed; full output in $WORK/$name.log" >&2
    exit 1
  fi
  step "$name took $((SECONDS - began)) s"
}
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# The Debian mirror and release apt uses here, read from apt's own view of its sources.
codename() { . /etc/os-release && echo "$VERSION_CODENAME"; }
mirror_for() {  # $1 = suite, e.g. bookworm or bookworm-security
  apt-cache policy | awk -v s="$1/main" '$3 == s && $2 ~ /^https?:/ { print $2; exit }'
}

build_base() {
  if [ "$FORCE" != "--force" ] && have_image "$BASE"; then
    step "$BASE exists ($(docker image inspect -f '{{.Id}}' "$BASE" | cut -c1-19)); skipping debootstrap"
    return
  fi
  command -v debootstrap >/dev/null || { step "installing debootstrap"; apt-get install -y -q debootstrap >/dev/null; }
  local suite mirror security root
  suite=$(codename)
  mirror=$(mirror_for "$suite")
  if [ -z "$mirror" ]; then
    step "apt knows no mirror for $suite yet; running apt-get update"
    apt-get update -q >/dev/null
    mirror=$(mirror_for "$suite")
  fi
  [ -n "$mirror" ] || { echo "no Debian mirror for $suite in apt's sources; cannot debootstrap" >&2; exit 1; }
  security=$(mirror_for "$suite-security")
  root="$WORK/root"
  rm -rf "$root" && mkdir -p "$root" "$WORK/cache"
  step "Debian $suite from $mirror${security:+ (security: $security)}"
  step "debootstrap --variant=minbase $suite into $root"
  logged debootstrap debootstrap --variant=minbase --cache-dir="$WORK/cache" "$suite" "$root" "$mirror"
  {
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [ -n "$security" ] && echo "deb $security $suite-security main"
  } >"$root/etc/apt/sources.list"
  # No service may start inside the chroot: it shares this machine's network (nginx would take port 80).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  trap "umount '$root/proc' 2>/dev/null || true" EXIT
  step "installing $PACKAGES into the root"
  logged apt-get-install chroot "$root" sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends $PACKAGES"
  chroot "$root" sh -c 'nginx -v && java -version' 2>&1 | sed 's/^/    /'
  umount "$root/proc"
  trap - EXIT
  # Smaller image: no package lists, downloaded .debs, docs or the service guard.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/sbin/policy-rc.d "$root"/etc/nginx/sites-enabled/*
  step "importing the root as $BASE"
  logged docker-import sh -c "tar -C '$root' -c . | docker import --message 'wsbed: debootstrap $suite + $PACKAGES' - '$BASE'"
  rm -rf "$root"
}

build_nginx() {
  if [ "$FORCE" != "--force" ] && have_image "$NGINX"; then
    step "$NGINX exists; skipping"
    return
  fi
  step "building $NGINX from docker/nginx/Dockerfile"
  logged docker-build-nginx docker build -t "$NGINX" docker/nginx
}

toxiproxy_jars() {
  local lib=$1
  rm -rf "$lib" && mkdir -p "$lib"
  step "packaging toxiproxy-server and copying its runtime dependencies"
  logged mvn-package-toxiproxy-server mvn -B -pl toxiproxy-server -am package -DskipTests
  logged mvn-copy-dependencies mvn -B -pl toxiproxy-server dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$lib"
  cp toxiproxy-server/target/toxiproxy-server-*.jar "$lib/"
}

build_toxiproxy() {
  local ctx="$WORK/toxiproxy-context" digest current
  mkdir -p "$ctx"
  toxiproxy_jars "$ctx/lib"
  cp docker/toxiproxy/Dockerfile "$ctx/Dockerfile"
  # The jars are reproducible (fixed outputTimestamp), so their hash says whether the image is current.
  digest=$(cd "$ctx" && find lib Dockerfile -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  current=$(docker image inspect -f '{{ index .Config.Labels "io.wsbed.content" }}' "$TOXIPROXY" 2>/dev/null || true)
  if [ "$FORCE" != "--force" ] && [ "$current" = "$digest" ]; then
    step "$TOXIPROXY is current (content $digest); skipping"
    return
  fi
  step "building $TOXIPROXY (content $digest)"
  logged docker-build-toxiproxy docker build --label "io.wsbed.content=$digest" -t "$TOXIPROXY" "$ctx"
}

mkdir -p "$WORK"
docker info >/dev/null 2>&1 || { echo "no Docker engine answers (docker info failed); start one first" >&2; exit 1; }
began=$SECONDS
build_base
build_nginx
build_toxiproxy
step "done in $((SECONDS - began)) s:"
docker image ls --format '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}' | grep '^wsbed/' | sed 's/^/    /' || true
