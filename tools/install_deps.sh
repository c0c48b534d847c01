#!/usr/bin/env bash
# Installs the Debian 12 packages polgraph needs to build, test and run, and only
# those that are missing. Called by `make demo`, `make test` and .ci/run, so a fresh
# clone on a fresh machine needs nothing else. Uses sudo when not root; when it
# cannot install, it names the missing packages and exits 1.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libboost-graph-dev rapidjson-dev libsqlitecpp-dev libsqlite3-dev libcli11-dev
  libicu-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxml2-utils python3 python3-pyld python3-rdflib python3-networkx
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "polgraph: installing missing packages: ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "polgraph: cannot install as a normal user without sudo; please run as root:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo[@]}" apt-get update -qq &&
       "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2; then
  echo "polgraph: apt-get could not install: ${missing[*]}" >&2
  exit 1
fi
