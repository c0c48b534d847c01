#!/usr/bin/env bash
# Whole-pipeline benchmark of `polgraph build -j N` (issue 6): for each N in JOBS
# (default "1 2"), RUNS runs (default 3) over CORPUS (default
# ../shared/data/news/bench_news_all.jsonl) into a fresh folder, under
# /usr/bin/time -v. Prints per N the median wall time of the whole build and of its
# ingest phase (read + extract + store, from the summary line), docs/s and MB/s of
# input, user and system CPU, peak RSS, and the speedup over the first N; plus the
# load average before and after, since the machine may be shared.
# Usage: bench/parallel_bench.sh [CORPUS] [RUNS] [JOBS...]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/news/bench_news_all.jsonl}
runs=${2:-3}
shift $(($# > 2 ? 2 : $#))
jobs=("$@")
[[ $# -gt 0 ]] || jobs=(1 2)
bin=${POLGRAPH:-build/cli/polgraph}
[[ -x $bin ]] || { echo "build first: make build" >&2; exit 1; }
[[ -e $corpus ]] || { echo "no corpus at $corpus" >&2; exit 1; }
bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.jsonl' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "corpus: $corpus ($(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b/1e6}')), $runs runs per -j; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
base=""
for j in "${jobs[@]}"; do
  for i in $(seq "$runs"); do
    rm -rf "$tmp/out"
    /usr/bin/time -v "$bin" build -j "$j" "$corpus" -o "$tmp/out" >/dev/null 2>"$tmp/err" || true
    docs=$(grep -o '[0-9]* documents read' "$tmp/err" | head -1 | cut -d' ' -f1)
    ingest=$(grep -o 'relations, [0-9.e+-]* s' "$tmp/err" | head -1 | awk '{print $2}')
    wall=$(grep 'Elapsed (wall clock)' "$tmp/err" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(grep 'User time' "$tmp/err" | awk '{print $NF}')
    sys=$(grep 'System time' "$tmp/err" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$tmp/err" | awk '{print $NF}')
    echo "$wall $ingest $docs $user $sys $rss"
  done | sort -n | awk -v runs="$runs" -v bytes="$bytes" -v j="$j" -v base="$base" '
    { wall[NR]=$1; ingest[NR]=$2; docs=$3; user[NR]=$4; sys[NR]=$5; if ($6>rss) rss=$6 }
    END {
      m = int((runs+1)/2);
      printf "-j %s: build %.2f s (%.0f docs/s, %.2f MB/s), ingest phase %.2f s (%.2f MB/s), user %.1f s, sys %.1f s, peak RSS %.0f MB\n",
        j, wall[m], docs/wall[m], bytes/1e6/wall[m], ingest[m], bytes/1e6/ingest[m], user[m], sys[m], rss/1024
    }' | tee "$tmp/line.$j"
  w=$(sed -n 's/.*build \([0-9.]*\) s.*/\1/p' "$tmp/line.$j")
  if [[ -z $base ]]; then base=$w; else awk -v a="$base" -v b="$w" -v j="$j" 'BEGIN {printf "speedup of -j %s over -j %s: %.2fx\n", j, "'"${jobs[0]}"'", a/b}'; fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
