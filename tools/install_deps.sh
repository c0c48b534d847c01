#!/usr/bin/env bash
# Installs the Debian 12 packages polgraph needs to build, test and run, and only
# those that are missing, then the pinned npm packages the export tests read files
# back with (tests/export/js, only when node_modules is missing or the lock file
# changed). Called by `make demo`, `make test` and .ci/run, so a fresh clone on a
# fresh machine needs nothing else; with everything in place it only checks. Uses
# sudo when not root; when it cannot install a Debian package, it names the
# missing packages and exits 1. A failed npm step only warns: the tests that need
# those packages then skip with a message.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  g++ cmake make pkg-config
  libboost-graph-dev rapidjson-dev libsqlitecpp-dev libsqlite3-dev libcli11-dev
  libicu-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxml2-utils python3 python3-pyld python3-rdflib python3-networkx python3-igraph
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# node and npm may come from elsewhere than Debian (NodeSource's nodejs bundles
# npm and conflicts with Debian's npm package), so only their absence asks apt.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

install_npm_packages() {
  local dir="$repo/tests/export/js"
  [[ -f "$dir/package-lock.json" ]] || return 0
  local stamp="$dir/node_modules/.polgraph-lock.sha256"
  local want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  echo "polgraph: installing the npm packages of tests/export/js (npm ci)" >&2
  if (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2; then
    echo "$want" >"$stamp"
  else
    echo "polgraph: npm ci failed in $dir; the GraphML/GEXF read-back tests with" \
      "graphology will be skipped" >&2
  fi
}

if [[ ${#missing[@]} -eq 0 ]]; then
  install_npm_packages
  exit 0
fi

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
install_npm_packages
