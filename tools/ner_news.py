#!/usr/bin/env python3
"""Name annotations of Wikinews articles: training data for the name tagger and a
held-out news test of actor recognition.

models/ner_news_names.tsv lists, for each article of
../shared/data/news/wikinews_2019_2020.jsonl, every distinct person, organisation
and location name as it is written there (CoNLL-2003 conventions, written by
hand by the development sessions; guide in models/README.md):

    <article id> TAB <PER|ORG|LOC|AMBIG> TAB <surface string>

Every whole-word, case-sensitive occurrence of a surface string in the article's
text is a name of that type, longer strings first. AMBIG marks a string that is a
name in one place and not in another (or whose type is unclear): sentences that
contain it are left out of training and its occurrences out of scoring. The file
holds names and article ids, never article text; the text is read from
../shared at run time.

Articles are split by a hash of their id: 20 % test (never trained on, never
tuned on), 10 % dev (picks the training epoch), 70 % train.

  python3 tools/ner_news.py data --split train -o /tmp/news_train.conllu
  python3 tools/ner_news.py data --split dev -o /tmp/news_dev.conllu
  python3 tools/ner_news.py eval            # polgraph entities on the test split

`data` writes CoNLL-U for `polgraph train tagger` (BIO labels in the UPOS and
XPOS columns), tokenized by `polgraph parse` so training sees the tokens that
extraction sees. `eval` scores `polgraph entities` mentions (Person -> PER,
Organization -> ORG, Country/Location -> LOC; pronouns, groups and concepts are
not names) against the annotation with exact spans and types.

Python 3 standard library only.
"""

import argparse
import bisect
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
DEFAULT_NEWS = os.path.join(ROOT, "..", "shared", "data", "news", "wikinews_2019_2020.jsonl")
DEFAULT_NAMES = os.path.join(ROOT, "models", "ner_news_names.tsv")
DEFAULT_EWT_NAMES = os.path.join(ROOT, "models", "ner_ewt_names.tsv")
DEFAULT_BBC_NAMES = os.path.join(ROOT, "tools", "ner_bbc_test_names.tsv")
DEFAULT_BBC = os.path.join(ROOT, "..", "shared", "data", "news", "bbc_politics")
DEFAULT_UD = os.path.join(ROOT, "..", "shared", "data", "ud")
DEFAULT_BIN = os.path.join(ROOT, "build", "cli", "polgraph")
PRED_TYPES = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Location": "LOC"}
TYPES = ("PER", "ORG", "LOC")


def split_of(article_id):
    h = int(hashlib.md5(article_id.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if h < 2 else "dev" if h == 2 else "train"


def load_names(path):
    names = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3 or fields[1] not in TYPES + ("AMBIG",):
                sys.exit("%s:%d: expected id<TAB>PER|ORG|LOC|AMBIG<TAB>name" % (path, n))
            names[fields[0]].append((fields[2], fields[1]))
    return names


def load_articles(path, split):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if split in (None, split_of(d["id"])) and d["text"].strip():
                out.append(d)
    return out


def load_ewt_documents(ud_dir):
    """The English Web Treebank's train and dev documents as texts: sentences of a
    paragraph joined by spaces, paragraphs by blank lines (ids "ewt-<newdoc id>")."""
    docs, cur = [], None
    for name in ("en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu"):
        with open(os.path.join(ud_dir, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                m = re.match(r"# newdoc id = (.*)", line)
                if m:
                    cur = {"id": "ewt-" + m.group(1), "paras": [[]]}
                    docs.append(cur)
                elif line.startswith("# newpar") and cur and cur["paras"][-1]:
                    cur["paras"].append([])
                elif line.startswith("# text = ") and cur:
                    cur["paras"][-1].append(line[len("# text = "):])
    out = []
    for d in docs:
        text = "\n\n".join(" ".join(p) for p in d["paras"] if p)
        if text.strip():
            out.append({"id": d["id"], "text": text})
    return out


def project(text, names):
    """Byte spans of the article's names: ([(start, end, type)], [(start, end)] of
    AMBIG strings). Longer strings claim their words first."""
    claimed = [False] * len(text)
    spans, ambiguous = [], []
    for surface, t in sorted(names, key=lambda n: -len(n[0])):
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        for m in re.finditer(pattern, text):
            a, b = m.span()
            if any(claimed[a:b]):
                continue
            for i in range(a, b):
                claimed[i] = True
            (ambiguous if t == "AMBIG" else spans).append((a, b, t))
    # Characters to UTF-8 byte offsets, as polgraph reports them.
    offsets, pos = [], 0
    for ch in text:
        offsets.append(pos)
        pos += len(ch.encode("utf-8"))
    offsets.append(pos)
    spans = sorted((offsets[a], offsets[b], t) for a, b, t in spans)
    ambiguous = sorted((offsets[a], offsets[b]) for a, b, _ in ambiguous)
    return spans, ambiguous


def parse_sentences(polgraph, data):
    """Runs `polgraph parse` on bytes `data`; yields (start, end, [(form, start, end,
    name label)])."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(data)
        f.flush()
        proc = subprocess.run([polgraph, "parse", f.name], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=True)
    sent, words, pos = None, [], 0
    for line in proc.stdout.decode("utf-8").splitlines() + [""]:
        m = re.match(r"# sent_id = (\d+)-(\d+)", line)
        if m:
            sent, pos, words = (int(m.group(1)), int(m.group(2))), int(m.group(1)), []
            continue
        if not line:
            if sent and words:
                yield sent[0], sent[1], words
            sent, words = None, []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        form = cols[1]
        label = next((p[5:] for p in cols[9].split("|") if p.startswith("Name=")), "O")
        raw = form.encode("utf-8")
        at = data.find(raw, pos, sent[1] if sent else len(data))
        if at < 0:
            words.append((form, -1, -1, label))
            continue
        pos = at + len(raw)
        words.append((form, at, pos, label))


def cmd_data(args):
    if args.source == "ewt":  # all of it trains: the treebank is no news test
        names = load_names(args.names or DEFAULT_EWT_NAMES)
        articles = [a for a in load_ewt_documents(args.ud) if a["id"] in names]
        if args.split != "train":
            articles = []
    else:
        names = load_names(args.names or DEFAULT_NAMES)
        articles = [a for a in load_articles(args.news, args.split) if a["id"] in names]
    data, bounds = b"", []
    for a in articles:
        start = len(data)
        data += a["text"].encode("utf-8")
        bounds.append((start, len(data), a))
        data += b"\n\n\n"
    gold_spans, ambiguous = [], []
    for start, _, a in bounds:
        spans, amb = project(a["text"], names[a["id"]])
        gold_spans += [(start + s, start + e, t) for s, e, t in spans]
        ambiguous += [(start + s, start + e) for s, e in amb]
    label_at = {}
    for s, e, t in gold_spans:
        label_at[s] = ("B", t, s, e)
    starts = sorted(label_at)
    n_sents = n_names = dropped = 0
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("# newdoc id = wikinews-%s\n" % args.split)
        for s_start, s_end, words in parse_sentences(args.polgraph, data):
            if any(a < s_end and s_start < b for a, b in ambiguous) or any(w[1] < 0 for w in words):
                dropped += 1
                continue
            spans = [label_at[k] for k in starts if s_start <= k < s_end]
            labels, ok = ["O"] * len(words), True
            for _, t, a, b in spans:
                inside = [i for i, w in enumerate(words) if w[1] < b and a < w[2]]
                if not inside or words[inside[0]][1] != a or words[inside[-1]][2] != b:
                    ok = False  # a name boundary inside a token ("US$5"): unsure, left out
                    break
                labels[inside[0]] = "B-" + t
                for i in inside[1:]:
                    labels[i] = "I-" + t
            if not ok:
                dropped += 1
                continue
            for k, (form, _, _, _) in enumerate(words, 1):
                out.write("%d\t%s\t_\t%s\t%s\t_\t0\t_\t_\t_\n" % (k, form, labels[k - 1], labels[k - 1]))
            out.write("\n")
            n_sents += 1
            n_names += len(spans)
    print("%s: %d articles, %d sentences, %d names; %d sentences left out (ambiguous)" % (
        args.output, len(articles), n_sents, n_names, dropped), file=sys.stderr)


def tagger_names(polgraph, articles):
    """The name tagger's own spans (`polgraph parse`, MISC Name=), without extraction's
    rules: {(article id, start, end, type)}."""
    data, bounds = b"", []
    for a in articles:
        bounds.append((len(data), a["id"]))
        data += a["text"].encode("utf-8") + b"\n\n\n"
    starts = [b[0] for b in bounds]
    out = set()

    def add(span):
        k = bisect.bisect_right(starts, span[0]) - 1
        base, doc = bounds[k]
        out.add((doc, span[0] - base, span[1] - base, span[2]))

    for _, _, words in parse_sentences(polgraph, data):
        cur = None
        for _, a, b, label in words:
            if label.startswith("I-") and cur and cur[2] == label[2:] and a >= 0:
                cur = (cur[0], b, cur[2])
                continue
            if cur:
                add(cur)
            cur = (a, b, label[2:]) if label[:2] in ("B-", "I-") and a >= 0 else None
        if cur:
            add(cur)
    return out


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def load_bbc_articles(folder, names):
    """The BBC politics articles the annotation names ("bbc-NNN.txt"), as read."""
    out = []
    for doc_id in sorted(names):
        path = os.path.join(folder, doc_id[len("bbc-"):])
        if doc_id.startswith("bbc-") and os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                out.append({"id": doc_id, "text": f.read()})
    return out


def cmd_eval(args):
    if args.source == "bbc":  # an evaluation set only: BBC text is for research use
        names = load_names(args.names or DEFAULT_BBC_NAMES)
        articles = load_bbc_articles(args.bbc, names)
        args.split = "bbc"
    else:
        names = load_names(args.names or DEFAULT_NAMES)
        articles = [a for a in load_articles(args.news, args.split) if a["id"] in names]
    gold, ambiguous = set(), collections.defaultdict(list)
    for a in articles:
        spans, amb = project(a["text"], names[a["id"]])
        gold |= {(a["id"], s, e, t) for s, e, t in spans}
        ambiguous[a["id"]] = amb
    pred = tagger_names(args.polgraph, articles) if args.tagger_only else set()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({"id": a["id"], "date": a.get("date", ""), "text": a["text"]}) + "\n")
        f.flush()
        proc = subprocess.run([args.polgraph, "entities", f.name], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=True)
    for line in ([] if args.tagger_only else proc.stdout.decode("utf-8").splitlines()):
        e = json.loads(line)
        t = PRED_TYPES.get(e["type"])
        if t is None:
            continue
        for m in e["mentions"]:
            if not m.get("pronoun"):
                pred.add((e["doc"], m["start"], m["end"], t))
    pred = {p for p in pred if not any(a < p[2] and p[1] < b for a, b in ambiguous[p[0]])}
    tp = len(gold & pred)
    print("wikinews %s split: %d articles, %d gold names" % (args.split, len(articles), len(gold)))
    print("exact typed    P=%5.1f R=%5.1f F1=%5.1f  (tp=%d pred=%d gold=%d)" % (
        prf(tp, len(pred), len(gold)) + (tp, len(pred), len(gold))))
    untyped_g = {g[:3] for g in gold}
    untyped_p = {p[:3] for p in pred}
    tpu = len(untyped_g & untyped_p)
    print("exact untyped  P=%5.1f R=%5.1f F1=%5.1f" % prf(tpu, len(untyped_p), len(untyped_g)))
    for t in TYPES:
        g = {x for x in gold if x[3] == t}
        p = {x for x in pred if x[3] == t}
        print("%-14s P=%5.1f R=%5.1f F1=%5.1f  (gold=%d)" % ((t,) + prf(len(g & p), len(p), len(g)) + (len(g),)))
    if args.errors:
        text = {a["id"]: a["text"].encode("utf-8") for a in articles}
        show = lambda x: "%s [%s] %r" % (x[0][9:40], x[3], text[x[0]][x[1]:x[2]].decode("utf-8"))
        fps = sorted(pred - gold)
        fns = sorted(gold - pred)
        print("\n-- false positives: %d" % len(fps))
        for x in fps[:args.errors]:
            print("FP", show(x))
        print("\n-- misses: %d" % len(fns))
        for x in fns[:args.errors]:
            print("FN", show(x))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", default=DEFAULT_NEWS)
    ap.add_argument("--names", help="annotation file (default: models/ner_news_names.tsv, or "
                    "models/ner_ewt_names.tsv with --source ewt)")
    ap.add_argument("--ud", default=DEFAULT_UD, help="folder of the UD treebanks (--source ewt)")
    ap.add_argument("--polgraph", default=DEFAULT_BIN)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data")
    d.add_argument("--split", choices=("train", "dev", "test"), required=True)
    d.add_argument("--source", choices=("wikinews", "ewt"), default="wikinews",
                   help="ewt: the English Web Treebank's documents and models/ner_ewt_names.tsv "
                   "(all train)")
    d.add_argument("-o", "--output", required=True)
    e = sub.add_parser("eval")
    e.add_argument("--errors", type=int, default=0, help="list this many false positives and misses")
    e.add_argument("--source", choices=("wikinews", "bbc"), default="wikinews",
                   help="bbc: 59 BBC politics articles annotated for evaluation only "
                   "(tools/ner_bbc_test_names.tsv), never trained on")
    e.add_argument("--bbc", default=DEFAULT_BBC, help="folder of the BBC politics articles")
    e.add_argument("--split", choices=("train", "dev", "test"), default="test",
                   help="which articles to score (default: test; choose settings on dev)")
    e.add_argument("--tagger-only", action="store_true",
                   help="score the name tagger's spans (polgraph parse) instead of polgraph entities")
    args = ap.parse_args()
    if getattr(args, "source", "wikinews") == "wikinews" and not os.path.exists(args.news):
        sys.exit("no %s: the Wikinews articles are in ../shared, beside the repository" % args.news)
    {"data": cmd_data, "eval": cmd_eval}[args.cmd](args)


if __name__ == "__main__":
    main()
