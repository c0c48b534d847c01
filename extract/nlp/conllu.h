// CoNLL-U (Universal Dependencies) reading and writing: the treebanks the tagger
// and parser learn from, and what `polgraph parse` prints.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace polgraph::extract::nlp {

// One syntactic word (a CoNLL-U line with an integer ID).
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats;
  int head = -1;  // 0 = root, 1-based index of the head word, -1 when unknown ("_")
  std::string deprel, deps, misc;
};

// A multiword token line ("1-2 don't"): the surface form of words [first, last].
struct ConlluMultiword {
  int first = 0, last = 0;  // 1-based word ids
  std::string form;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // lines after '#', without the '#'
  std::vector<ConlluWord> words;
  std::vector<ConlluMultiword> multiwords;  // kept so writing round-trips
};

// Reads every sentence; empty nodes ("8.1") are skipped. Returns InvalidArgument
// "<name>:<line>: ..." on a malformed line (wrong column count, bad ID or HEAD).
Result<std::vector<ConlluSentence>> ReadConllu(std::istream& in, std::string_view name);

// Writes one sentence followed by a blank line.
void WriteConllu(const ConlluSentence& sentence, std::ostream& out);

}  // namespace polgraph::extract::nlp
