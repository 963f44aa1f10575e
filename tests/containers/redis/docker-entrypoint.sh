#!/bin/sh
# Like the official redis image: `redis-server …` runs as the redis user in /data; with no config
# file given, protected mode is off (the container network is the boundary; set --requirepass).
set -eu
if [ "${1#-}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" = redis-server ]; then
  shift
  if [ "$(id -u)" = 0 ]; then chown -R redis:redis /data 2>/dev/null || true; fi
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server --protected-mode no --dir /data "$@"
fi
exec "$@"
