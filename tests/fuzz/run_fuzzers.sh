#!/usr/bin/env bash
# Runs every libFuzzer target of build-fuzz/ for SECONDS each (default 600), one at
# a time on one core, starting from tests/fuzz/corpus/<target>/; then merges what
# it found that adds coverage back into that folder (so the corpus kept in git
# stays small), and prints executions and crashes per target. A crash leaves its
# input as build-fuzz/crash-<target>-* and makes the script exit 1.
# Usage: tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift $(($# > 0 ? 1 : 0))
targets=("$@")
[[ $# -gt 0 ]] || targets=(fuzz_read_jsonl fuzz_read_html fuzz_read_text fuzz_nlp fuzz_extract fuzz_lexicon)
status=0
for t in "${targets[@]}"; do
  bin=build-fuzz/tests/fuzz/$t
  [[ -x $bin ]] || { echo "$t: not built (make fuzz-build)" >&2; status=1; continue; }
  kept=tests/fuzz/corpus/$t
  work=$(mktemp -d)
  mkdir -p "$kept"
  log=build-fuzz/$t.log
  "$bin" "$work" "$kept" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crash-$t-" >"$log" 2>&1
  rc=$?
  # Keep only inputs that add coverage to what the folder already has.
  "$bin" -merge=1 "$kept" "$work" >>"$log" 2>&1
  rm -rf "$work"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  crashes=$(ls build-fuzz/crash-"$t"-* 2>/dev/null | wc -l)
  echo "$t: ${seconds} s, ${runs:-?} executions, coverage ${cov:-?} edges, exit $rc, crash files $crashes, corpus $(ls "$kept" | wc -l) inputs"
  [[ $rc -eq 0 ]] || status=1
done
exit $status
