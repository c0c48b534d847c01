#!/usr/bin/env python3
"""Estimate polgraph's named-entity recognition against GUM entity annotations.

Reads one or more GUM CoNLL-U files (entity annotation in the MISC column,
``Entity=(id-type-...`` opens a span, ``id)`` closes it, ``(id-type-...)`` is a
one-word span; spans nest), rebuilds each document's text (one sentence per
line, SpaceAfter=No honoured), writes one .txt per document to a work dir,
runs ``polgraph entities DIR`` once, and scores mention-level P/R/F1.

Gold: spans of type person -> PER, organization -> ORG, place -> LOC that
contain at least one PROPN word (named mentions).  Predictions: polgraph
Person -> PER, Organization -> ORG, Country/Location -> LOC; Group, Concept and
pronoun mentions are ignored.

Python 3 standard library only.  No treebank text is stored by this script
except in the work dir given with --workdir (default: a fresh temp dir).

Example:
  python3 tools/eval_ner_gum.py --polgraph build/cli/polgraph \
      --workdir /tmp/ner/test /work/shared/data/ud/en_gum-ud-test.conllu
  python3 tools/eval_ner_gum.py --genre GUM_news_ --workdir /tmp/ner/news \
      /work/shared/data/ud/en_gum-ud-test.conllu /work/shared/data/ud/en_gum-ud-dev.conllu
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

GOLD_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
PRED_TYPES = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Location": "LOC"}
TYPES = ("PER", "ORG", "LOC")
DETERMINERS = {"the", "a", "an"}
ENTITY_TOKEN_RE = re.compile(r"\(([^()]*)(\)?)|(\d+)\)")


class Word:
    __slots__ = ("start", "end", "form", "upos", "xpos", "head", "wid", "sent")

    def __init__(self, start, end, form, upos, xpos, head, wid, sent):
        self.start, self.end, self.form = start, end, form
        self.upos, self.xpos, self.head, self.wid, self.sent = upos, xpos, head, wid, sent


def misc_get(misc, key):
    if misc == "_":
        return None
    for part in misc.split("|"):
        if part.startswith(key + "="):
            return part[len(key) + 1:]
    return None


def read_conllu(path):
    """Yield (doc_id, sentences); a sentence is (rows, starts_paragraph), rows being
    lists of the 10 columns."""
    doc_id, sents, cur, newpar = None, [], [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                m = re.match(r"#\s*newdoc id\s*=\s*(\S+)", line)
                if m:
                    if cur:
                        sents.append((cur, newpar))
                        cur, newpar = [], False
                    if doc_id is not None:
                        yield doc_id, sents
                    doc_id, sents = m.group(1), []
                elif line.startswith("# newpar"):
                    newpar = True
                continue
            if not line.strip():
                if cur:
                    sents.append((cur, newpar))
                    cur, newpar = [], False
                continue
            cur.append(line.split("\t"))
    if cur:
        sents.append((cur, newpar))
    if doc_id is not None:
        yield doc_id, sents


def build_document(sents, layout="para"):
    """Return (text_bytes, words, gold) for one document.

    The text is laid out the way polgraph's plain-text reader normalises it, so
    that its offsets (into the normalised text) coincide with file offsets:
    paragraphs on one line each, separated by a blank line.  layout "para" keeps
    GUM's paragraphs (# newpar, sentences joined by a space), "sent" makes each
    sentence its own paragraph.

    words: list of Word with byte offsets (words inside a multi-word token get
    the span of the whole token).  gold: list of dicts with keys start, end,
    type (GUM type), first, last (indices into words)."""
    out = bytearray()
    words = []
    gold = []
    open_stack = collections.defaultdict(list)  # entity id -> [(type, first word idx)]
    for si, (rows, newpar) in enumerate(sents):
        if si:
            out += b"\n\n" if (newpar or layout == "sent") else b" "
        mwt_end, mwt_span, pending_space = -1, None, False
        sent_word_base = len(words)
        for row in rows:
            tid = row[0]
            if "." in tid:  # empty node
                continue
            if "-" in tid:  # multi-word token
                a, b = tid.split("-")
                if pending_space:
                    out += b" "
                start = len(out)
                out += row[1].encode("utf-8")
                mwt_end, mwt_span, mwt_cursor = int(b), (start, len(out)), start
                pending_space = misc_get(row[9], "SpaceAfter") != "No"
                continue
            wid = int(tid)
            if wid <= mwt_end:
                # A word of a multi-word token ("Dalton's" = Dalton + 's) gets its
                # own bytes when the words spell the token, else the whole token.
                start, end = mwt_span
                form = row[1].encode("utf-8")
                if out[mwt_cursor:mwt_cursor + len(form)] == form:
                    start, end = mwt_cursor, mwt_cursor + len(form)
                    mwt_cursor = end
                    if wid == mwt_end:
                        end = mwt_span[1]
            else:
                if pending_space:
                    out += b" "
                start = len(out)
                out += row[1].encode("utf-8")
                end = len(out)
                pending_space = misc_get(row[9], "SpaceAfter") != "No"
            head = int(row[6]) if row[6].isdigit() else -1
            idx = len(words)
            words.append(Word(start, end, row[1], row[3], row[4],
                              sent_word_base + head - 1 if head > 0 else -1, wid, si))
            ent = misc_get(row[9], "Entity")
            if not ent:
                continue
            for m in ENTITY_TOKEN_RE.finditer(ent):
                if m.group(3) is not None:  # close
                    eid = m.group(3)
                    if open_stack[eid]:
                        etype, first = open_stack[eid].pop()
                        gold.append({"type": etype, "first": first, "last": idx})
                    else:
                        print("warning: unmatched close %s)" % eid, file=sys.stderr)
                    continue
                fields = m.group(1).split("-")
                eid, etype = fields[0], fields[1] if len(fields) > 1 else ""
                if m.group(2):  # one-word span
                    gold.append({"type": etype, "first": idx, "last": idx})
                else:
                    open_stack[eid].append((etype, idx))
    for eid, stack in open_stack.items():
        if stack:
            print("warning: unclosed entity %s" % eid, file=sys.stderr)
    out += b"\n"
    for g in gold:
        g["start"] = words[g["first"]].start
        g["end"] = words[g["last"]].end
    return bytes(out), words, gold


def strip_span(words, first, last):
    """Drop a leading determiner and a trailing possessive from a word range."""
    if last > first and words[first].form.lower() in DETERMINERS:
        first += 1
    if last > first and (words[last].xpos == "POS" or words[last].form in ("'s", "’s", "'", "’")):
        last -= 1
    return words[first].start, words[last].end


def head_is_propn(words, first, last):
    """True if some word of the span whose head lies outside the span is PROPN."""
    for i in range(first, last + 1):
        h = words[i].head
        if (h < first or h > last) and words[i].upos == "PROPN":
            return True
    return False


# Words that may join the proper nouns of one name: "Bank of England", "Ludovic de
# Danne", "Procter & Gamble", "Jean-Marie", "O'Brien".
NAME_JOINERS = {"of", "de", "du", "da", "di", "van", "von", "der", "den", "la", "le",
                "del", "al", "bin", "and", "&", "-", "'", "for", "the"}


def load_titles():
    """Lower-case one-word titles and honorifics from lexicon/titles.tsv, plus the
    abbreviations GUM tags PROPN ("Mr.", "Dr."): CoNLL-style names leave them out."""
    words = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen.",
             "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "st.", "sir", "dame", "lord", "lady"}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lexicon", "titles.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            title = line.split("\t", 1)[0].strip().lower()
            if " " not in title:
                words.add(title)
    return words


TITLES = load_titles()


def is_name_word(w):
    """A proper noun, or a capitalised content word inside a name ("United" of
    "United States", "Air Force"), which GUM tags ADJ, VERB or NOUN."""
    if w.upos == "PROPN":
        return True
    return w.upos in ("ADJ", "NOUN", "VERB", "NUM", "X") and w.form[:1].isupper()


def name_spans(words, gold):
    """Gold entity spans reduced to names, as CoNLL-style NER annotates them.

    GUM marks whole noun phrases ("the Libertarian Party's nominee for Governor of
    Virginia"); a name annotation marks the proper name only ("Libertarian Party",
    "Virginia").  For each person/organization/place span whose head word is a
    PROPN, the name is the span's proper nouns from the first to the last when only
    NAME_JOINERS stand between them, else the run of proper nouns around the head.
    Nested names inside a longer name are dropped ("Kennedy" in "Kennedy Space
    Center").  Returns a list of (first, last, type) word ranges, type PER/ORG/LOC."""
    cands = []
    for g in gold:
        t = GOLD_TYPES.get(g["type"])
        if not t:
            continue
        first, last = g["first"], g["last"]
        head = None
        for i in range(first, last + 1):
            h = words[i].head
            if h < first or h > last:
                head = i
                break
        if head is None or words[head].upos != "PROPN":
            continue
        props = [i for i in range(first, last + 1) if is_name_word(words[i])]
        a, b = props[0], props[-1]
        if all(is_name_word(words[i]) or words[i].form.lower() in NAME_JOINERS
               for i in range(a, b + 1)) and words[a].sent == words[b].sent:
            cands.append((a, b, t))
            continue
        a = b = head
        while a - 1 >= first and is_name_word(words[a - 1]):
            a -= 1
        while b + 1 <= last and is_name_word(words[b + 1]):
            b += 1
        cands.append((a, b, t))
    # Titles before the name are not part of it: "President Obama" -> "Obama",
    # "Russian President Vladimir Putin" -> "Vladimir Putin" (a title word before
    # the head ends what comes before it).
    heads = {}
    for g in gold:
        for i in range(g["first"], g["last"] + 1):
            if words[i].head < g["first"] or words[i].head > g["last"]:
                heads[(g["first"], g["last"])] = i
                break
    trimmed = []
    for a, b, t in cands:
        for k in range(b - 1, a - 1, -1):
            if words[k].form.lower() in TITLES and words[k].upos != "ADP":
                a = k + 1
                break
        trimmed.append((a, b, t))
    cands = trimmed
    cands = [(a + next((k for k in range(b - a + 1) if words[a + k].form.lower() not in TITLES), 0), b, t)
             for a, b, t in cands]
    # "Professor of Economics": what is left after a title starts with a name word.
    trimmed = []
    for a, b, t in cands:
        while a <= b and not is_name_word(words[a]):
            a += 1
        if a <= b:
            trimmed.append((a, b, t))
    cands = trimmed
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken, out = set(), []
    for a, b, t in cands:
        if any(i in taken for i in range(a, b + 1)):
            continue
        taken.update(range(a, b + 1))
        out.append((a, b, t))
    return sorted(out)


def tagger_mentions(polgraph, docs):
    """Mentions from the name tagger's labels in `polgraph parse` output: path ->
    [(start, end, text, polgraph type, False)]."""
    types = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
    out = collections.defaultdict(list)
    for path, (doc_id, text, words, gold) in docs.items():
        proc = subprocess.run([polgraph, "parse", path], stdout=subprocess.PIPE, check=True)
        pos, cur = 0, None
        for line in proc.stdout.decode("utf-8").splitlines():
            m = re.match(r"# sent_id = (\d+)-(\d+)", line)
            if m:
                pos = int(m.group(1))
                continue
            if not line or line.startswith("#"):
                if cur:
                    out[path].append(cur)
                    cur = None
                continue
            cols = line.split("\t")
            form = cols[1].encode("utf-8")
            at = text.find(form, pos)
            if at < 0:
                continue
            pos = at + len(form)
            name = misc_get(cols[9], "Name") or "O"
            if name.startswith("I-") and cur and cur[3] == types[name[2:]]:
                cur = (cur[0], pos, text[cur[0]:pos].decode("utf-8", "replace"), cur[3], False)
                continue
            if cur:
                out[path].append(cur)
                cur = None
            if name[:2] in ("B-", "I-"):
                cur = (at, pos, form.decode("utf-8"), types[name[2:]], False)
        if cur:
            out[path].append(cur)
    return out


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def exact(gold, pred):
    """gold, pred: sets of keys. Returns (tp, tp, n_pred, n_gold)."""
    tp = len(gold & pred)
    return tp, len(pred), tp, len(gold)


def lenient(gold, pred):
    """gold, pred: sets of (doc, start, end, type-or-None).  Overlap + same type,
    one-to-one greedy matching (largest overlap first)."""
    by_doc = collections.defaultdict(list)
    for g in gold:
        by_doc[g[0]].append(g)
    cands = []
    for p in pred:
        for g in by_doc.get(p[0], ()):
            if g[3] == p[3] and p[1] < g[2] and g[1] < p[2]:
                ov = min(p[2], g[2]) - max(p[1], g[1])
                cands.append((-ov, p, g))
    cands.sort()
    used_p, used_g = set(), set()
    for _, p, g in cands:
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
    return len(used_p), len(pred), len(used_g), len(gold)


def fmt(name, res):
    tp_p, n_pred, tp_g, n_gold = res
    p, r, f = prf(tp_p, n_pred, tp_g, n_gold)
    return "%-34s P=%5.1f R=%5.1f F1=%5.1f   (tp=%d pred=%d gold=%d)" % (
        name, 100 * p, 100 * r, 100 * f, tp_g, n_pred, n_gold)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conllu", nargs="+", help="GUM .conllu file(s)")
    ap.add_argument("--genre", default="", help="keep only documents whose id starts with this prefix, "
                    "e.g. GUM_news_ (comma-separated list allowed; default: all)")
    ap.add_argument("--polgraph", default=os.path.join(here, "..", "build", "cli", "polgraph"))
    ap.add_argument("--workdir", help="directory for the .txt files and polgraph output "
                    "(default: a new temp dir); keep it outside the repository")
    ap.add_argument("--layout", choices=("para", "sent"), default="para",
                    help="para: GUM paragraphs, one per line, blank line between (default); "
                    "sent: one sentence per paragraph")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N false positives and N misses (name spans, exact, typed) to stderr")
    ap.add_argument("--tagger-only", action="store_true",
                    help="score the name tagger alone (Name= labels of `polgraph parse`), "
                    "not the entities polgraph reports")
    ap.add_argument("--json", help="also write the scores as JSON to this file")
    args = ap.parse_args()

    prefixes = [p for p in args.genre.split(",") if p]
    workdir = args.workdir or tempfile.mkdtemp(prefix="eval_ner_gum_")
    txtdir = os.path.join(workdir, "txt")
    os.makedirs(txtdir, exist_ok=True)
    for name in os.listdir(txtdir):
        if name.endswith(".txt"):
            os.remove(os.path.join(txtdir, name))

    docs = {}  # path -> (doc_id, text, words, gold)
    headline_end = {}  # doc_id -> byte length of the first line, when it looks like a headline
    for path in args.conllu:
        for doc_id, sents in read_conllu(path):
            if prefixes and not any(doc_id.startswith(p) for p in prefixes):
                continue
            text, words, gold = build_document(sents, args.layout)
            fpath = os.path.join(txtdir, doc_id + ".txt")
            with open(fpath, "wb") as f:
                f.write(text)
            docs[os.path.abspath(fpath)] = (doc_id, text, words, gold)
            # polgraph's text reader takes a short first paragraph without a final
            # period as the headline and reports no mentions inside it.
            first = text.split(b"\n", 1)[0]
            if len(first.strip()) <= 200 and not first.rstrip().endswith(b".") and b"\n\n" in text:
                headline_end[doc_id] = len(first)
    if not docs:
        sys.exit("no documents selected")

    # gold sets
    gold_typed, gold_strip, gold_head, gold_names = set(), set(), set(), set()
    gold_types_all = collections.Counter()
    for fpath, (doc_id, text, words, gold) in docs.items():
        for a, b, t in name_spans(words, gold):
            gold_names.add((doc_id, words[a].start, words[b].end, t))
        for g in gold:
            gold_types_all[g["type"]] += 1
            t = GOLD_TYPES.get(g["type"])
            if not t:
                continue
            if not any(words[i].upos == "PROPN" for i in range(g["first"], g["last"] + 1)):
                continue
            gold_typed.add((doc_id, g["start"], g["end"], t))
            s, e = strip_span(words, g["first"], g["last"])
            gold_strip.add((doc_id, s, e, t))
            if head_is_propn(words, g["first"], g["last"]):
                gold_head.add((doc_id, g["start"], g["end"], t))

    # run polgraph once
    cmd = [args.polgraph, "entities", txtdir]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open(os.path.join(workdir, "polgraph.jsonl"), "wb") as f:
        f.write(proc.stdout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        sys.exit("polgraph failed with exit code %d" % proc.returncode)
    summary = proc.stderr.decode("utf-8", "replace").strip().splitlines()

    # polgraph's offsets index its normalised document text (headline + blank line +
    # paragraphs joined by blank lines, furniture paragraphs such as date stamps or
    # bylines removed), not the file bytes.  The layout written above makes the two
    # coincide except after a removed paragraph; re-anchor those mentions by finding
    # their text at or after the expected position (the shift only grows).
    pred_typed = set()
    pred_raw_types = collections.Counter()
    by_doc = collections.defaultdict(list)
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        key = os.path.abspath(obj["doc"])
        if key not in docs:
            print("warning: unknown doc %s" % obj["doc"], file=sys.stderr)
            continue
        for m in obj["mentions"]:
            by_doc[key].append((m["start"], m["end"], m["text"], obj["type"], bool(m.get("pronoun"))))
    if args.tagger_only:
        by_doc = tagger_mentions(args.polgraph, docs)
    n_ment = exact_off = realigned = lost = 0
    for key, ments in by_doc.items():
        doc_id, text = docs[key][0], docs[key][1]
        ments = sorted(ments)
        enc = [m[2].encode("utf-8") for m in ments]

        def support(k, d):  # how many of the next mentions fit shift d
            return sum(1 for j in range(k, min(k + 12, len(ments)))
                       if text[ments[j][0] + d:ments[j][0] + d + len(enc[j])] == enc[j])
        delta = 0
        for k, (start, end, mtext, ptype, pron) in enumerate(ments):
            b = enc[k]
            n_ment += 1
            pos = start + delta
            if text[pos:pos + len(b)] == b:
                if delta == 0:
                    exact_off += 1
                else:
                    realigned += 1
            else:
                cands, i = [], text.find(b, max(pos, 0))
                while i >= 0:
                    cands.append(i - start)
                    i = text.find(b, i + 1)
                if not cands:
                    lost += 1
                    continue
                delta = max(cands, key=lambda d: (support(k, d), -d))
                pos = start + delta
                realigned += 1
            if pron:
                continue
            pred_raw_types[ptype] += 1
            t = PRED_TYPES.get(ptype)
            if t:
                pred_typed.add((doc_id, pos, pos + len(b), t))

    def untype(s):
        return {(d, a, b, None) for d, a, b, _ in s}

    def only(s, t):
        return {k for k in s if k[3] == t}

    lines = []
    lines.append("documents: %d   files: %s   genre: %s" % (len(docs), " ".join(args.conllu), args.genre or "all"))
    lines.append("polgraph: %s" % " ".join(cmd))
    for s in summary[-1:]:
        lines.append("  " + s)
    lines.append("gold entity spans by GUM type (all, incl. non-named): " +
                 ", ".join("%s=%d" % kv for kv in sorted(gold_types_all.items())))
    lines.append("gold named (PROPN-containing) mentions: %d  (%s)" % (
        len(gold_typed), ", ".join("%s=%d" % (t, len(only(gold_typed, t))) for t in TYPES)))
    lines.append("predicted non-pronoun mentions by polgraph type: " +
                 ", ".join("%s=%d" % kv for kv in sorted(pred_raw_types.items())) +
                 "   -> scored: %d (%s)" % (len(pred_typed), ", ".join(
                     "%s=%d" % (t, len(only(pred_typed, t))) for t in TYPES)))
    lines.append("documents whose first line polgraph takes as headline: %d (gold named mentions in them: %d)" % (
        len(headline_end), sum(1 for k in gold_typed if k[1] < headline_end.get(k[0], 0))))
    lines.append("offset check (all mentions incl. pronouns): %d match file bytes as given, "
                 "%d re-anchored (headline excluded / paragraph dropped by polgraph), %d not found (discarded)" % (
                     exact_off, realigned, lost))
    results = collections.OrderedDict()
    # Names only, as CoNLL-style annotation marks them (see name_spans): the
    # figure comparable with a name-annotated news test set.
    results["[names] exact typed"] = exact(gold_names, pred_typed)
    results["[names] lenient typed"] = lenient(gold_names, pred_typed)
    results["[names] exact untyped"] = exact(untype(gold_names), untype(pred_typed))
    for t in TYPES:
        results["[names] %s exact" % t] = exact(only(gold_names, t), only(pred_typed, t))
    results["exact typed"] = exact(gold_typed, pred_typed)
    results["exact typed, gold det/'s stripped"] = exact(gold_strip, pred_typed)
    results["lenient (overlap) typed"] = lenient(gold_typed, pred_typed)
    results["exact untyped"] = exact(untype(gold_typed), untype(pred_typed))
    results["exact untyped, stripped"] = exact(untype(gold_strip), untype(pred_typed))
    results["lenient untyped"] = lenient(untype(gold_typed), untype(pred_typed))
    for t in TYPES:
        results["%s exact" % t] = exact(only(gold_typed, t), only(pred_typed, t))
        results["%s exact stripped" % t] = exact(only(gold_strip, t), only(pred_typed, t))
        results["%s lenient" % t] = lenient(only(gold_typed, t), only(pred_typed, t))
    body_gold = {k for k in gold_typed if k[1] >= headline_end.get(k[0], 0)}
    body_strip = {k for k in gold_strip if k[1] >= headline_end.get(k[0], 0)}
    results["[no-headline gold] exact typed"] = exact(body_gold, pred_typed)
    results["[no-headline gold] exact stripped"] = exact(body_strip, pred_typed)
    results["[no-headline gold] lenient typed"] = lenient(body_gold, pred_typed)
    results["[no-headline gold] lenient untyped"] = lenient(untype(body_gold), untype(pred_typed))
    results["[head-PROPN gold] exact typed"] = exact(gold_head, pred_typed)
    results["[head-PROPN gold] lenient typed"] = lenient(gold_head, pred_typed)
    lines.append("")
    for name, res in results.items():
        lines.append(fmt(name, res))
    print("\n".join(lines))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({k: dict(zip(("tp_pred", "pred", "tp_gold", "gold"), v), **dict(zip(
                ("precision", "recall", "f1"), prf(*v)))) for k, v in results.items()}, f, indent=1)

    if args.errors:
        # lenient typed error listing (for inspection only; prints treebank text to stderr)
        def overl(a, bset):
            return any(b[0] == a[0] and b[3] == a[3] and a[1] < b[2] and b[1] < a[2] for b in bset)
        text_of = {v[0]: v[1] for v in docs.values()}

        def show(k):
            return "%s [%s] %r" % (k[0], k[3], text_of[k[0]][k[1]:k[2]].decode("utf-8", "replace"))
        # Errors against the name spans, exact match (the CoNLL measure).
        def overl(a, bset):  # noqa: F811
            return a in bset
        gold_typed = gold_names  # noqa: F841
        fps = sorted(k for k in pred_typed if not overl(k, gold_typed))
        fns = sorted(k for k in gold_typed if not overl(k, pred_typed))
        print("\n-- false positives (no overlapping same-type gold): %d" % len(fps), file=sys.stderr)
        for k in fps[:args.errors]:
            other = [show(g).split(" ", 1)[1] for g in gold_typed if g[0] == k[0] and k[1] < g[2] and g[1] < k[2]]
            print("FP " + show(k) + ("  gold-overlap-types=%s" % other if other else ""), file=sys.stderr)
        print("\n-- misses (no overlapping same-type prediction): %d" % len(fns), file=sys.stderr)
        for k in fns[:args.errors]:
            other = [p[3] for p in pred_typed if p[0] == k[0] and k[1] < p[2] and p[1] < k[2]]
            print("FN " + show(k) + ("  pred-overlap-types=%s" % other if other else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
