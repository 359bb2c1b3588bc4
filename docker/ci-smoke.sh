#!/usr/bin/env bash
# Container smoke test for CI: runs a few cells with -Dwsbed.infra=containers on a real Docker
# engine started here, next to the local suite (run it after `mvn verify`, which builds the
# stacks this run launches).
#
#   1. installs docker.io (and debootstrap) from Debian when missing;
#   2. starts dockerd with --bridge=none --iptables=false unless an engine already answers;
#      if none can start, says so and exits 0: the local suite has run, containers are a bonus;
#   3. builds the local images (docker/build-images.sh: skipped when they exist);
#   4. runs the harness's container tests and a smoke subset of the matrix through Maven, into
#      a report folder of its own;
#   5. checks that no container is left, and stops the daemon it started.
#
# Environment (all optional):
#   WSBED_SMOKE_STACKS     server stacks       (default jetty)
#   WSBED_SMOKE_CLIENTS    client stacks       (default jdk)
#   WSBED_SMOKE_SCENARIOS  scenarios           (default nginx-reload-shutdown-timeout,network-blackhole,proxy-down)
#   WSBED_SMOKE_REPORT     report folder       (default reports/latest-containers)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
# Ryuk would be pulled from a registry; wsbed removes its own containers (labels, shutdown hook, watchdog).
export TESTCONTAINERS_RYUK_DISABLED=true
# Inside a container with --bridge=none Testcontainers finds no bridge gateway; host networking needs none.
export TESTCONTAINERS_HOST_OVERRIDE=localhost

STACKS=${WSBED_SMOKE_STACKS:-jetty}
CLIENTS=${WSBED_SMOKE_CLIENTS:-jdk}
SCENARIOS=${WSBED_SMOKE_SCENARIOS:-nginx-reload-shutdown-timeout,network-blackhole,proxy-down}
REPORT=${WSBED_SMOKE_REPORT:-reports/latest-containers}
# Absolute: Failsafe runs the suite from scenarios/, where a relative path would land.
case "$REPORT" in /*) ;; *) REPORT="$PWD/$REPORT" ;; esac
STATE=/var/tmp/wsbed-dockerd
began=$SECONDS
dockerd_pid=

say() { printf '[ci-smoke %s] %s\n' "$(date +%T)" "$*"; }

stop_daemon() {
  [ -n "$dockerd_pid" ] || return 0
  say "stopping the dockerd this script started (pid $dockerd_pid)"
  kill -TERM "$dockerd_pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$dockerd_pid" 2>/dev/null; then
    say "dockerd did not stop within 30 s; killing it"
    kill -KILL "$dockerd_pid" 2>/dev/null || true
  fi
  dockerd_pid=
}
trap 'stop_daemon; say "wall time $((SECONDS - began)) s"' EXIT

if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  say "installing docker.io and debootstrap from Debian"
  apt-get update -q >/dev/null
  apt-get install -y -q docker.io debootstrap >/dev/null
fi

if docker info >/dev/null 2>&1; then
  say "a Docker engine already answers; using it"
else
  mkdir -p "$STATE"
  say "starting dockerd --bridge=none --iptables=false (log: $STATE/dockerd.log)"
  dockerd --bridge=none --iptables=false --pidfile "$STATE/dockerd.pid" >"$STATE/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 150); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.2
  done
  if ! docker info >/dev/null 2>&1; then
    say "the Docker daemon could not start here; skipping the container smoke test (the local suite is unaffected)"
    tail -5 "$STATE/dockerd.log" | sed 's/^/    /'
    exit 0
  fi
  say "dockerd $(docker version -f '{{.Server.Version}}') answers"
fi

docker/build-images.sh

say "container smoke: stacks $STACKS, clients $CLIENTS, scenarios $SCENARIOS -> $REPORT"
# -am builds the harness's dependencies; only the harness's container tests run among the unit tests.
mvn -B verify -pl harness,scenarios -am \
  -Dtest='io/wsbed/harness/infra/*Test' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dwsbed.infra=containers -Dwsbed.stacks="$STACKS" -Dwsbed.clients="$CLIENTS" -Dwsbed.scenarios="$SCENARIOS" \
  -Dwsbed.report.dir="$REPORT"

grep -q '"infra" *: *"containers"' "$REPORT/results.json" \
  || { say "$REPORT/results.json does not say \"infra\": \"containers\""; exit 1; }
left=$(docker ps -aq --filter label=io.wsbed.run)
if [ -n "$left" ]; then
  say "containers left after the run: $(echo $left)"
  docker rm -f $left >/dev/null
  exit 1
fi
say "no wsbed container left; report in $REPORT"
