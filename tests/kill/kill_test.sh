#!/usr/bin/env bash
# SIGKILL test (issue 6, opt-in: `make test-kill`). Kills `polgraph ingest` at
# random moments until it has been killed mid-run KILLS times, each on a fresh store; after every kill the store
# must pass PRAGMA integrity_check, and running the same ingest again must
# complete it with exports byte for byte identical to an uninterrupted run.
#
# Usage: tests/kill/kill_test.sh [POLGRAPH] [CORPUS.jsonl] [RECORDS] [KILLS]
#   defaults: build/cli/polgraph, ../shared/data/news/bench_news_all.jsonl, 300, 20
# Exit status 0 when every trial passed; prints one line per trial.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-build/cli/polgraph}")
CORPUS=${2:-../shared/data/news/bench_news_all.jsonl}
RECORDS=${3:-300}
KILLS=${4:-20}
if [[ ! -f "$CORPUS" ]]; then
  echo "kill_test: $CORPUS not found (pass a JSONL corpus)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$RECORDS" "$CORPUS" >"$work/in.jsonl"

integrity() {
  /usr/bin/python3 - "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
check = con.execute("PRAGMA integrity_check").fetchone()[0]
# Killed before the first migration committed: a valid, empty database.
tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
docs = con.execute("SELECT count(*) FROM documents").fetchone()[0] if "documents" in tables else 0
print(check, docs)
PY
}

exports() {  # exports() DB PREFIX: every format of the stored graph
  for f in graphml gexf jsonld; do
    "$BIN" export --db "$1" --format "$f" -o "$2.$f" 2>/dev/null
  done
  "$BIN" export --db "$1" --format csv -o "$2" 2>/dev/null
}

# The uninterrupted run, with one thread: the reference every trial must match.
"$BIN" ingest -j 1 --batch-size 10 --db "$work/ref.db" "$work/in.jsonl" 2>/dev/null || true
exports "$work/ref.db" "$work/ref"
# The command that is killed, timed once so that the kills land inside a run.
start=$(date +%s%N)
"$BIN" ingest -j 2 --batch-size 10 --db "$work/timing.db" "$work/in.jsonl" 2>/dev/null || true
took_ms=$((($(date +%s%N) - start) / 1000000))
echo "kill_test: $RECORDS records, uninterrupted ingest -j 2 ${took_ms} ms; until $KILLS kills"

failed=0
killed=0
# Trials go on until KILLS of them killed the run mid-way (at most 3 x KILLS: on a
# loaded machine a run may finish before its kill, and that trial counts for nothing).
trial=0
while ((killed < KILLS && trial < 3 * KILLS)); do
  trial=$((trial + 1))
  db="$work/t$trial.db"
  # Anywhere inside the time an uninterrupted run takes (a loaded machine may still
  # let the run finish first; the trial then says so).
  delay_ms=$((RANDOM % (took_ms * 9 / 10 + 1)))
  "$BIN" ingest -j 2 --batch-size 10 --db "$db" "$work/in.jsonl" 2>/dev/null &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")" 2>/dev/null || sleep 0
  [[ $delay_ms -ge 1000 ]] && sleep $((delay_ms / 1000))
  if kill -9 "$pid" 2>/dev/null; then
    how="killed"
    killed=$((killed + 1))
  else
    how="finished first"
  fi
  wait "$pid" 2>/dev/null || true
  if [[ -f "$db" ]]; then
    read -r check docs < <(integrity "$db")
  else
    check="ok" docs=0  # killed before the file was created
  fi
  "$BIN" ingest -j 1 --batch-size 10 --db "$db" "$work/in.jsonl" 2>/dev/null || true
  exports "$db" "$work/t$trial"
  same="same"
  for f in graphml gexf jsonld nodes.csv edges.csv; do
    cmp -s "$work/ref.$f" "$work/t$trial.$f" || same="DIFFERENT ($f)"
  done
  read -r final_check final_docs < <(integrity "$db")
  echo "trial $trial: $how after ${delay_ms} ms with $docs documents stored; integrity $check;" \
    "resumed to $final_docs documents ($final_check); exports $same"
  if [[ "$check" != "ok" || "$final_check" != "ok" || "$same" != "same" ]]; then
    failed=$((failed + 1))
  fi
done
if ((failed > 0 || killed < KILLS)); then
  echo "kill_test: FAILED: $failed of $trial trials failed; $killed of $KILLS kills landed mid-run"
  exit 1
fi
echo "kill_test: all $trial trials passed, $killed of them killed mid-run"
