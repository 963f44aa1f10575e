#!/usr/bin/env bash
# A `docker compose`-shaped front for podman-compose 1.0.x (Debian bookworm's), used by the container
# test as the Makefile's COMPOSE:  make docker-up COMPOSE="bash tests/containers/compose-podman.sh"
#
# Stack changes (up, down) go through podman-compose on the real compose files. Commands where
# podman-compose 1.0.x falls short are done with podman directly on the same containers:
#   exec     podman-compose prints its own chatter on stdout and always exits 0
#   ps, logs, restart   simpler and exact with labels / container names
# The project name comes from COMPOSE_PROJECT_NAME (required: the test sets a unique one).
set -euo pipefail
: "${COMPOSE_PROJECT_NAME:?set COMPOSE_PROJECT_NAME}"
P="$COMPOSE_PROJECT_NAME"
files=()
while [[ $# -gt 0 && "$1" == -f ]]; do files+=(-f "$2"); shift 2; done
cmd="${1:?command}"; shift || true
pc() { podman-compose -p "$P" "${files[@]}" "$@" >&2; }
containers() { # containers of the project, optionally of one service
  local filter=(--filter "label=io.podman.compose.project=$P")
  [[ -n "${1:-}" ]] && filter+=(--filter "label=com.docker.compose.service=$1")
  podman ps -a "${filter[@]}" --format '{{.Names}}' | sort
}
case "$cmd" in
  version) podman-compose version | tail -1 ;;
  up)
    args=(); for a in "$@"; do [[ "$a" == --wait ]] || args+=("$a"); done
    pc up "${args[@]}" ;;
  down) pc down "$@" ;;
  build) pc build "$@" ;;
  ps) podman ps -a --filter "label=io.podman.compose.project=$P" --format 'table {{.Names}}\t{{.Image}}\t{{.Status}}\t{{.Ports}}' ;;
  logs)
    tail=all; follow=(); services=()
    for a in "$@"; do
      case "$a" in --tail=*) tail="${a#--tail=}" ;; -f|--follow) follow=(-f) ;; *) services+=("$a") ;; esac
    done
    [[ ${#services[@]} -gt 0 ]] || services=("")
    for s in "${services[@]}"; do for c in $(containers "$s"); do
      echo "== $c"; podman logs --tail "$tail" "${follow[@]}" "$c" 2>&1
    done; done ;;
  restart)
    for c in $(containers "${1:-}"); do podman restart "$c" >/dev/null; echo "restarted $c"; done ;;
  exec)
    tty=(-t); [[ -t 0 && -t 1 ]] || tty=()
    while [[ "${1:-}" == -* ]]; do [[ "$1" == -T ]] && tty=(); shift; done
    service="$1"; shift
    exec podman exec -i "${tty[@]}" "${P}_${service}_1" "$@" ;;
  *) echo "compose-podman.sh: unsupported command $cmd" >&2; exit 2 ;;
esac
