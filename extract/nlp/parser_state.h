// Internal to the parser: its vocabulary (word, tag and label ids), the arc-hybrid
// configuration and the feature templates read from it.
//
// Positions in a sentence of n words: 1..n are the words, n + 1 is the artificial
// root (last in the buffer) and 0 means "no such word"; every per-position array
// has n + 2 entries and entry 0 holds the "none" ids, so templates never branch
// on missing stack items or children.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/nlp/conllu.h"
#include "extract/nlp/model_file.h"
#include "extract/nlp/parser.h"

namespace polgraph::extract::nlp::parser_internal {

enum Action { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kActions = 3;
constexpr int kMaxFeatures = 192;
constexpr int kMaxLabels = 64;  // label sets are 64-bit masks

// Reserved ids of words and tags.
constexpr uint32_t kNoneId = 0, kRootId = 1, kUnknownId = 2, kFirstId = 3;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using IdMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

// One sentence as ids, positions as above.
struct Sentence {
  int n = 0;
  std::vector<uint32_t> word, tag, upos;
  // Brown cluster ids of the word: its 4- and 6-bit prefixes and the whole bit
  // string (kUnknownId for words without a cluster).
  std::vector<uint32_t> c4, c6, cf;
  // Commas and verbs in positions 1..i, so that those between two words are a
  // subtraction (Between()).
  std::vector<uint16_t> commas, verbs;
  // What lies strictly between positions a and b (either order): commas and
  // verbs, each 0, 1 or 2 (= two or more), packed as commas | verbs << 2.
  uint64_t Between(int a, int b) const {
    if (a == 0 || b == 0) return 15;
    if (a > b) std::swap(a, b);
    const int c = commas[b - 1] - commas[a], v = verbs[b - 1] - verbs[a];
    return static_cast<uint64_t>(std::min(c, 2) | std::min(v, 2) << 2);
  }
};

struct Vocab {
  std::vector<std::string> words, tags, upos, labels;  // id - kFirstId / label index
  IdMap tag_ids, upos_ids, label_ids;
  // The word clusters: normalised word and its bit string, in the order given.
  std::vector<std::string> cluster_words, cluster_bits;
  // The ids of a word: in `words` and its cluster prefixes (kUnknownId: none).
  struct WordIds {
    uint32_t word = kUnknownId, c4 = kUnknownId, c6 = kUnknownId, cf = kUnknownId;
  };
  // The ids of `form` once normalised; all kUnknownId when it is in neither
  // `words` nor `cluster_words`.
  WordIds FindWord(std::string_view form) const;
  uint32_t comma_tag = kNoneId, verb_upos = kNoneId;  // for Sentence::Between

  // Collects words seen at least twice (normalised), tags and labels. Returns an
  // error message, or "" on success.
  std::string Build(const std::vector<ConlluSentence>& train);
  void Encode(const std::vector<ParserWord>& words, Sentence* out) const;
  int LabelId(std::string_view label) const;  // 0 when unknown
  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in);
  void Index();

 private:
  // Every word of `words` or `cluster_words` by a 64-bit hash of its normalised
  // form, open addressing: one probe finds a word, without building the
  // normalised string (the word lookup was 6 % of the pipeline's time as a
  // std::unordered_map of strings).
  struct WordSlot {
    uint64_t hash = 0;  // 0 = empty
    WordIds ids;
  };
  std::vector<WordSlot> word_slots_;
  size_t word_mask_ = 0;
};

// Lower-cases ASCII letters and maps digits to '0', so "1,400" and "2,750" share
// statistics and sentence-initial capitals do not split a word in two.
void NormalizeWord(std::string_view form, std::string* out);

// The arc-hybrid configuration: a stack, the buffer front b, and the arcs made.
struct State {
  explicit State(int n);
  // Back to the initial configuration of an n-word sentence, keeping the memory.
  void Reset(int n);
  int n = 0;
  std::vector<int> stack;
  int b = 1;
  std::vector<int> head, label;                   // label = label index + 1, 0 = none yet
  std::vector<int> left1, left2, right1, right2;  // outermost children, 0 = none
  std::vector<uint8_t> left_count, right_count;
  std::vector<uint64_t> left_labels, right_labels;  // sets of child labels

  int S(int i) const {
    return i < static_cast<int>(stack.size()) ? stack[stack.size() - 1 - i] : 0;
  }
  bool Terminal() const { return stack.empty() && b == n + 1; }
  // Fills valid[kActions]; returns how many are valid.
  int Valid(bool* valid) const;
  // `label` is a label index; ignored for kShift.
  void Apply(int action, int label);
};

// Keys of the transition features / of the label features of arc h -> d (dir 0:
// d left of h). Return how many were written (at most kMaxFeatures).
int ActionFeatures(const Sentence& s, const State& st, uint64_t* keys);
int LabelFeatures(const Sentence& s, const State& st, int h, int d, int dir, uint64_t* keys);

}  // namespace polgraph::extract::nlp::parser_internal
