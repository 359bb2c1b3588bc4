#!/bin/sh
# The executable puppeteer-core launches for the browser stacks: the Debian browser in
# $WSBED_BROWSER, with the kernel's parent-death signal set (setpriv --pdeathsig KILL, util-linux),
# so a SIGKILL of the stack's Node process kills the browser too: puppeteer starts the browser
# detached (a process group of its own), and Firefox has no pipe whose end would stop it.
# The browser's own children (renderers, content processes) end when their parent's IPC closes.
if [ -z "$WSBED_BROWSER" ]; then
  echo "launch.sh: WSBED_BROWSER is not set" >&2
  exit 2
fi
if command -v setpriv >/dev/null 2>&1; then
  exec setpriv --pdeathsig KILL "$WSBED_BROWSER" "$@"
fi
exec "$WSBED_BROWSER" "$@"
