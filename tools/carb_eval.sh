#!/usr/bin/env bash
# Scores `polgraph extract --open --format carb` on the CaRB benchmark with the
# official scorer (carb.py of github.com/dair-iitd/CaRB, not part of this repo).
#
#   tools/carb_eval.sh [--carb DIR] [--bin PATH] [--split dev|test] [--keep DIR]
#
#   --carb   a checkout of the CaRB repository (default: $CARB_DIR)
#   --bin    the polgraph binary (default: build/cli/polgraph)
#   --split  dev (default) or test; sentences and gold are read from
#            ../shared/data/carb/<split>.sentences.txt and <split>.gold.tsv when
#            present, else from the checkout's data/<split>.txt and data/gold/<split>.tsv
#   --keep   write our extractions and the PR curve into DIR instead of a temp dir
#
# Prints the scorer's line (AUC and the precision, recall and F1 at the confidence
# threshold that maximises F1) and then "P R F1" as percentages. Exits 0 with a
# message, scoring nothing, when the scorer or the data is not there.
#
# The scorer needs Python 3 with docopt, numpy, scikit-learn, nltk and ipdb; on
# Debian: apt-get install python3-docopt python3-numpy python3-sklearn python3-nltk
# python3-ipdb. Two shims make the 2019 scorer run on today's packages without
# changing what it computes (they live in a temp dir, on PYTHONPATH only):
#   - scikit-learn 0.24 renamed sklearn.preprocessing.data to ._data; carb.py
#     imports the old name (for a function it never calls);
#   - nltk's stopword corpus is a separate download; the matcher reads the list at
#     import but the default (binary lenient) match never uses it, so an empty list
#     is put in when the corpus is missing.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
carb_dir="${CARB_DIR:-}"
bin="$repo_root/build/cli/polgraph"
split="dev"
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --carb) carb_dir="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --split) split="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "carb_eval.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ -z "$carb_dir" || ! -f "$carb_dir/carb.py" ]]; then
  echo "carb_eval.sh: skipped: no CaRB scorer (pass --carb DIR or set CARB_DIR to a checkout" \
       "of github.com/dair-iitd/CaRB)"
  exit 0
fi
shared="$repo_root/../shared/data/carb"
if [[ -f "$shared/$split.sentences.txt" && -f "$shared/$split.gold.tsv" ]]; then
  sentences="$shared/$split.sentences.txt"
  gold="$shared/$split.gold.tsv"
else
  sentences="$carb_dir/data/$split.txt"
  gold="$carb_dir/data/gold/$split.tsv"
fi
if [[ ! -f "$sentences" || ! -f "$gold" ]]; then
  echo "carb_eval.sh: skipped: no $split sentences or gold ($sentences, $gold)"
  exit 0
fi
if [[ ! -x "$bin" ]]; then
  echo "carb_eval.sh: $bin not built (cmake --build build --target polgraph)" >&2
  exit 1
fi
# Debian's interpreter, where apt puts the packages.
python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out_dir="${keep:-$work}"
mkdir -p "$out_dir" "$work/shim"
cat >"$work/shim/sitecustomize.py" <<'EOF'
import sys
try:
    import sklearn.preprocessing
    sys.modules.setdefault("sklearn.preprocessing.data", sklearn.preprocessing)
except ImportError:
    pass
try:
    from nltk.corpus import stopwords
    stopwords.words("english")
except LookupError:
    stopwords.words = lambda *args, **kwargs: []
except ImportError:
    pass
EOF

"$bin" extract --open --format carb "$sentences" >"$out_dir/polgraph_$split.tsv"
result="$(cd "$carb_dir" && PYTHONPATH="$work/shim" "$python" carb.py --gold="$gold" \
  --out="$out_dir/polgraph_$split.curve" --tabbed="$out_dir/polgraph_$split.tsv" 2>/dev/null |
  grep '^AUC')"
echo "$result"
# "AUC: 0.24	 Optimal (precision, recall, F1): [0.526 0.406 0.458]"
echo "$result" | sed -E 's/.*\[ *([0-9.]+) +([0-9.]+) +([0-9.]+) *\].*/\1 \2 \3/' |
  awk -v name="$split" '{printf "CaRB %s: P %.1f R %.1f F1 %.1f\n", name, 100*$1, 100*$2, 100*$3}'
