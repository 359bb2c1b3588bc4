#!/usr/bin/env bash
# The Node side of the Maven build (js/pom.xml runs it; it also works by hand from anywhere):
#   wsbed-node.sh install   npm ci in every Node stack folder (servers/*, clients/* with a
#                           package-lock.json) whose node_modules is missing or older than its
#                           package-lock.json; an installed folder is left alone, so a second build
#                           does not touch the network
#   wsbed-node.sh test      node --test of the shared runtime (js/runtime) and of the browser
#                           stacks' processes (clients/browser: no browser outlives its stack)
# Without node or npm on PATH it prints one line and exits 0: the harness then SKIPs the Node
# stacks' cells with the same advice.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "wsbed: node/npm not found, Node stacks skipped (install them: apt-get install nodejs npm)"
  exit 0
fi

case "${1:-}" in
  install)
    for lock in "$root"/servers/*/package-lock.json "$root"/clients/*/package-lock.json; do
      [ -f "$lock" ] || continue
      dir="$(dirname "$lock")"
      stamp="$dir/node_modules/.package-lock.json"
      if [ -f "$stamp" ] && [ ! "$lock" -nt "$stamp" ]; then
        echo "wsbed: ${dir#"$root"/}: node_modules up to date"
        continue
      fi
      echo "wsbed: ${dir#"$root"/}: npm ci"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    done
    ;;
  test)
    (cd "$root/js/runtime" && node --test)
    if [ -d "$root/clients/browser/test" ]; then
      (cd "$root/clients/browser" && node --test test/)
    fi
    ;;
  *)
    echo "usage: $0 install|test" >&2
    exit 2
    ;;
esac
