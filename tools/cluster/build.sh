#!/usr/bin/env bash
# Builds the local control plane (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, etcd, kwok)
# from published Go modules into a cache outside the repository, keyed by versions. A present cache means no build.
set -euo pipefail

KUBE_VERSION=v1.36.3
ETCD_VERSION=v3.6.14
KWOK_VERSION=v0.8.0

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=build-lib.sh
source "$here/build-lib.sh"
build_prologue "k8s-${KUBE_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}" "$@"
mkdir -p "$tmp/stages"

ldf="-s -w"
minor="${KUBE_VERSION#v1.}"; minor="${minor%%.*}"
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldf="$ldf -X $p.gitVersion=${KUBE_VERSION} -X $p.gitMajor=1 -X $p.gitMinor=${minor}"
  ldf="$ldf -X $p.gitTreeState=clean -X $p.gitCommit=0000000000000000000000000000000000000000"
  ldf="$ldf -X $p.buildDate=1970-01-01T00:00:00Z"
done

step "downloading modules"
(cd "$here/go/kube" && go mod download)
(cd "$here/go/etcd" && go mod download)
(cd "$here/go/kwok" && go mod download)

step "building etcd ${ETCD_VERSION}"
(cd "$here/go/etcd" && go build -trimpath -ldflags "-s -w" -o "$tmp/etcd" go.etcd.io/etcd/server/v3)

step "building kwok ${KWOK_VERSION}"
(cd "$here/go/kwok" && go build -trimpath -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION#v}" \
  -o "$tmp/" sigs.k8s.io/kwok/cmd/kwok)
kwok_dir="$(cd "$here/go/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
# Only the stage definitions the harness loads (not testdata or kustomization files, which kwok would misread).
for f in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
  pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
  cp "$kwok_dir/kustomize/stage/$f.yaml" "$tmp/stages/"
done
chmod -R u+w "$tmp/stages"

step "building Kubernetes ${KUBE_VERSION} (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)"
(cd "$here/go/kube" && go build -trimpath -ldflags "$ldf" -o "$tmp/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler \
  k8s.io/kubernetes/cmd/kubectl)

# Capture first: `cmd | grep -q` under pipefail fails at random when grep exits early and cmd gets SIGPIPE.
kube_version="$("$tmp/kube-apiserver" --version)"
etcd_version="$("$tmp/etcd" --version)"
[[ "$kube_version" == *"Kubernetes ${KUBE_VERSION}"* ]] || { echo "[cluster:build] version stamp missing: $kube_version" >&2; exit 1; }
[[ "$etcd_version" == *"etcd Version: ${ETCD_VERSION#v}"* ]] || { echo "[cluster:build] etcd version mismatch: $etcd_version" >&2; exit 1; }
total=$(( $(date +%s) - start ))
echo "built_seconds=$total" > "$tmp/.complete"
rm -rf "$out" && mv "$tmp" "$out"
step "done in ${total}s; $(du -sh "$out" | cut -f1) in $out"
