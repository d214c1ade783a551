# Sourced by build.sh and build-metrics-server.sh: the shared cache layout and Go setup of every harness build.
# build_prologue <cache dir name> "$@": prints the dir for --print-dir, exits when that dir is complete, else
# checks Go, sets `out` (the final dir), `tmp` (built into, renamed at the end) and `start`, and defines `step`.
build_prologue() {
  local name="$1"
  shift
  local cache_root="${WHEELHOUSE_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse/kube-bins}"
  out="$cache_root/$name"
  if [ "${1:-}" = "--print-dir" ]; then echo "$out"; exit 0; fi
  if [ -f "$out/.complete" ]; then
    echo "[cluster:build] cached: $out"
    exit 0
  fi
  command -v go >/dev/null || export PATH="/usr/local/go/bin:$PATH"
  command -v go >/dev/null || { echo "[cluster:build] Go >= 1.26 is required (not found)" >&2; exit 1; }
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=mod"
  start=$(date +%s)
  tmp="$out.partial"
  rm -rf "$tmp" && mkdir -p "$tmp"
}

step() { echo "[cluster:build] $(( $(date +%s) - start ))s: $*"; }
