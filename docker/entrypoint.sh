#!/bin/sh
# Nocturna container entrypoint.
#   serve (default)              start the API (`nocturna serve`)
#   migrate | setup-production | token … | admin …
#                                any `nocturna` subcommand; for the one-shot commands that need the
#                                database it first waits (WAIT_FOR_DB_SECONDS, default 60) until the
#                                host in DATABASE_URL accepts TCP connections
#   -h, --help, other options    given to `nocturna serve`, which takes none (it is configured by
#                                environment variables): --help prints its usage, any other option
#                                is refused with it
#   anything else                executed as given (e.g. `sh`)
set -eu

NOCTURNA_BIN=/app/dist/src/cli/nocturna.js

# Waits until DATABASE_URL's host:port accepts a TCP connection (compose starts everything at once).
wait_for_db() {
  [ -n "${DATABASE_URL:-}" ] || return 0
  node -e '
    const net = require("node:net");
    const url = new URL(process.env.DATABASE_URL);
    const host = url.hostname, port = Number(url.port || 5432);
    const deadline = Date.now() + 1000 * Number(process.env.WAIT_FOR_DB_SECONDS || 60);
    (function attempt() {
      const socket = net.connect({ host, port, timeout: 2000 });
      socket.once("connect", () => { socket.destroy(); process.exit(0); });
      const retry = () => {
        socket.destroy();
        if (Date.now() > deadline) { console.error(`database ${host}:${port} not reachable`); process.exit(1); }
        setTimeout(attempt, 1000);
      };
      socket.once("error", retry);
      socket.once("timeout", retry);
    })();
  '
}

case "${1:-serve}" in
  serve)
    shift || true
    if [ "$$" != 1 ]; then exec node "$NOCTURNA_BIN" serve "$@"; fi
    # PID 1 without an init (Kubernetes, `docker run` without --init): node as PID 1 was seen to
    # take 8 to 30+ s to stop after SIGTERM. Stay PID 1 here, forward the signals and wait.
    node "$NOCTURNA_BIN" serve "$@" &
    child=$!
    trap 'kill -TERM "$child" 2>/dev/null' TERM
    trap 'kill -INT "$child" 2>/dev/null' INT
    status=0
    wait "$child" || status=$?
    while kill -0 "$child" 2>/dev/null; do # wait was interrupted by a signal: wait for the exit
      status=0
      wait "$child" || status=$?
    done
    exit "$status" ;;
  migrate|setup-production|token|admin)
    wait_for_db
    exec node "$NOCTURNA_BIN" "$@" ;;
  nocturna)
    shift
    exec node "$NOCTURNA_BIN" "$@" ;;
  -*)
    exec node "$NOCTURNA_BIN" serve "$@" ;;
  *)
    exec "$@" ;;
esac
