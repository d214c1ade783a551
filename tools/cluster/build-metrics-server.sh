#!/usr/bin/env bash
# Builds metrics-server (opt-in, `up --metrics`) from its published Go module into its own version-keyed cache dir,
# next to (not inside) build.sh's control-plane cache, so that cache key and CI's cached binaries stay unchanged.
set -euo pipefail

METRICS_SERVER_VERSION=v0.8.0 # the newest release the Go module proxy serves (v0.9.0 is not there)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=build-lib.sh
source "$here/build-lib.sh"
build_prologue "metrics-server-${METRICS_SERVER_VERSION}" "$@"
mkdir -p "$tmp/kwok"

step "building metrics-server ${METRICS_SERVER_VERSION}"
(cd "$here/go/metrics-server" && go mod download && go build -trimpath \
  -ldflags "-s -w -X k8s.io/client-go/pkg/version.gitVersion=${METRICS_SERVER_VERSION}" \
  -o "$tmp/" sigs.k8s.io/metrics-server/cmd/metrics-server)

# kwok's kubelet /metrics/resource emulation and default pod usage (kwok's module is in the cache after build.sh).
(cd "$here/go/kwok" && go mod download sigs.k8s.io/kwok)
kwok_dir="$(cd "$here/go/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
cp "$kwok_dir/kustomize/metrics/resource/metrics-resource.yaml" "$kwok_dir/kustomize/metrics/usage/usage-from-annotation.yaml" "$tmp/kwok/"
chmod -R u+w "$tmp/kwok"

version="$("$tmp/metrics-server" --version 2>&1 || true)"
[[ "$version" == *"${METRICS_SERVER_VERSION}"* ]] || { echo "[cluster:build] version stamp missing: $version" >&2; exit 1; }
total=$(( $(date +%s) - start ))
echo "built_seconds=$total" > "$tmp/.complete"
rm -rf "$out" && mv "$tmp" "$out"
step "done in ${total}s; $(du -sh "$out" | cut -f1) in $out"
