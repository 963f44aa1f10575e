#!/bin/sh
# Writes .env from .env.example with generated secrets (SECRET_KEY, ADMIN_PASSWORD, POSTGRES_PASSWORD,
# REDIS_PASSWORD, GRAFANA_ADMIN_PASSWORD): every "change-me" value is replaced. Never overwrites an
# existing file. Usage: docker/setup-env.sh [TARGET=.env] [TEMPLATE=.env.example]
set -eu
target="${1:-.env}"
template="${2:-.env.example}"

if [ -e "$target" ]; then
  echo "$target already exists: left unchanged (delete it first to generate new secrets)."
  exit 0
fi
[ -f "$template" ] || { echo "template $template not found" >&2; exit 1; }

# n random bytes as lowercase hex (letters and digits only: safe in URLs and in shell).
random_hex() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex "$1"
  else
    od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
  fi
}

umask 077
tmp="$target.tmp.$$"
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    SECRET_KEY=change-me) echo "SECRET_KEY=$(random_hex 32)" ;;
    *=change-me) echo "${line%%=*}=$(random_hex 16)" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$template" >"$tmp"
if grep -q '=change-me$' "$tmp"; then
  echo "a change-me placeholder survived in $tmp" >&2
  exit 1
fi
mv "$tmp" "$target"
trap - EXIT
chmod 600 "$target"
echo "Wrote $target with generated SECRET_KEY and passwords (mode 600). Review CORS_ORIGINS and ADMIN_EMAIL."
