#!/usr/bin/env python3
"""Write GUM's named entities as a CoNLL-U file for `polgraph train tagger`.

The name tagger (models/ner.pgm) is polgraph's part-of-speech tagger trained on
other labels: each word's UPOS and XPOS columns hold its BIO name label (B-PER,
I-PER, B-ORG, I-ORG, B-LOC, I-LOC, O).  The names come from GUM's entity
annotation reduced to proper names the way CoNLL-style annotation marks them
(eval_ner_gum.name_spans: "the Kennedy Space Center" -> "Kennedy Space Center";
"the Libertarian Party's nominee for Governor of Virginia" -> its nested
"Libertarian Party" and "Virginia").

Only documents whose texts GUM licenses as CC BY or public domain are written
(LICENSE.GUM.txt: Wikinews news, interviews and biographies, Wikivoyage,
OpenStax textbooks, YouTube CC vlogs, political speeches, Santa Barbara
conversations); wikiHow and fiction (CC BY-NC-SA) and the genres the licence
file does not name are left out.

Usage:
  python3 tools/make_ner_data.py -o /tmp/ner_train.conllu ../shared/data/ud/en_gum-ud-train.conllu
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_ner_gum import build_document, name_spans, read_conllu  # noqa: E402

OPEN_GENRES = ("GUM_news_", "GUM_interview_", "GUM_bio_", "GUM_voyage_", "GUM_textbook_",
               "GUM_vlog_", "GUM_speech_", "GUM_conversation_")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conllu", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--genres", default=",".join(OPEN_GENRES),
                    help="comma-separated document id prefixes to keep (default: the CC BY / public domain ones)")
    args = ap.parse_args()
    keep = tuple(g for g in args.genres.split(",") if g)
    n_docs = n_sents = n_names = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for path in args.conllu:
            for doc_id, sents in read_conllu(path):
                if not doc_id.startswith(keep):
                    continue
                _, words, gold = build_document(sents)
                labels = ["O"] * len(words)
                for a, b, t in name_spans(words, gold):
                    labels[a] = "B-" + t
                    for i in range(a + 1, b + 1):
                        labels[i] = "I-" + t
                    n_names += 1
                n_docs += 1
                out.write("# newdoc id = %s\n" % doc_id)
                by_sent = {}
                for i, w in enumerate(words):
                    by_sent.setdefault(w.sent, []).append(i)
                for si in sorted(by_sent):
                    idx = by_sent[si]
                    for k, i in enumerate(idx, 1):
                        out.write("%d\t%s\t_\t%s\t%s\t_\t0\t_\t_\t_\n" % (
                            k, words[i].form, labels[i], labels[i]))
                    out.write("\n")
                    n_sents += 1
    print("%s: %d documents, %d sentences, %d names" % (args.output, n_docs, n_sents, n_names),
          file=sys.stderr)


if __name__ == "__main__":
    main()
