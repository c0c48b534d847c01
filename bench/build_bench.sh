#!/usr/bin/env bash
# Whole-run benchmark of `polgraph build`: runs it RUNS times (default 5) on a corpus
# (default ../shared/data/news/bbc_politics) into a fresh output folder each time,
# under /usr/bin/time -v, and prints the median wall time, documents per second,
# MB/s and the peak RSS. Usage: bench/build_bench.sh [CORPUS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/news/bbc_politics}
runs=${2:-5}
bin=${POLGRAPH:-build/cli/polgraph}
[[ -x $bin ]] || { echo "build first: make build" >&2; exit 1; }
[[ -e $corpus ]] || { echo "no corpus at $corpus" >&2; exit 1; }
bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.TXT' -o -name '*.html' -o -name '*.jsonl' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq "$runs"); do
  rm -rf "$tmp/out"
  /usr/bin/time -v "$bin" build "$corpus" -o "$tmp/out" >/dev/null 2>"$tmp/err.$i" || true
  docs=$(grep -o '[0-9]* documents read' "$tmp/err.$i" | head -1 | cut -d' ' -f1)
  wall=$(grep 'Elapsed (wall clock)' "$tmp/err.$i" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$tmp/err.$i" | awk '{print $NF}')
  echo "$wall $docs $rss"
done | sort -n | awk -v runs="$runs" -v bytes="$bytes" '
  { wall[NR]=$1; docs=$2; if ($3>rss) rss=$3 }
  END {
    m = wall[int((runs+1)/2)];
    printf "runs: %d, median wall: %.3f s, documents: %d, %.1f docs/s, %.2f MB/s, peak RSS: %.1f MB\n",
      runs, m, docs, docs/m, bytes/1e6/m, rss/1024
  }'
