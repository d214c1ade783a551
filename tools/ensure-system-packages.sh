#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing (real peers: a browser, later slapd and
# redis). Needs root or passwordless sudo; prints what it does.
set -euo pipefail
declare -A PKGS=(
  [chromium]="chromium fonts-noto-cjk"
  [slapd]="slapd ldap-utils"
  [redis]="redis-server"
  [compose]="docker-compose"
)
declare -A PROBE=([chromium]=chromium [slapd]=slapd [redis]=redis-server [compose]=docker-compose)
need=()
for what in "$@"; do
  [ -n "${PKGS[$what]:-}" ] || { echo "unknown package group: $what" >&2; exit 2; }
  command -v "${PROBE[$what]}" >/dev/null 2>&1 || [ -x "/usr/sbin/${PROBE[$what]}" ] || need+=(${PKGS[$what]})
done
[ ${#need[@]} -eq 0 ] && { echo "system packages present: $*"; exit 0; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
echo "installing: ${need[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
