// Boilerplate removal: drops page furniture ("Share", "Skip to content", copyright
// footers, navigation lists, repeated captions) from an article's paragraphs.
//
// Shared by every input format. The rules are general, never tuned to one site: a
// phrase list shipped in lexicon/boilerplate.tsv matched against short lines, a few
// shape rules (navigation lists, date stamps, bylines) and repeat removal. A real
// sentence (8 or more words ending in . ! ? or a closing quote) is never dropped,
// except as an exact repeat of an earlier paragraph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace polgraph::ingest {

// How a furniture phrase is compared with a line (case-insensitively).
enum class PhraseMatch {
  kExact,     // the whole line, ignoring trailing ":" "." "|" ">" and bullets
  kPrefix,    // the line starts with the phrase, at a word boundary
  kContains,  // the phrase occurs anywhere in the line, at word boundaries
};

struct FurniturePhrase {
  std::string phrase;  // lower-cased, whitespace collapsed
  PhraseMatch match = PhraseMatch::kExact;
  bool footer = false;  // may start a trailing footer block
};

// A compiled furniture list plus the shape rules. Immutable once built; safe to use
// from many threads at once.
class BoilerplateFilter {
 public:
  // Parses the TSV list: "phrase<TAB>exact|prefix|contains[<TAB>footer]" per line;
  // blank lines and lines starting with '#' are ignored. Returns InvalidArgument
  // naming the line for an unknown mode or flag.
  static Result<BoilerplateFilter> Parse(std::string_view tsv);

  // The filter built from the list compiled into the binary.
  static const BoilerplateFilter& Default();

  // True when `paragraph` on its own is furniture: a short line matching the list,
  // a navigation list ("Home | World | Business | Sport"), an all-caps menu line, or
  // a bare date/time stamp.
  bool IsFurniture(std::string_view paragraph) const;

  // True when `paragraph` is a short line matching the phrase list alone (no shape
  // rules): "Skip to content" but not an all-caps headline.
  bool IsListedPhrase(std::string_view paragraph) const;

  // Returns `paragraphs` (each already whitespace-collapsed) without furniture, exact
  // repeats of three words or more, bylines among the first paragraphs, and a trailing footer block
  // (from a footer phrase in the last fifth of the paragraphs to the end, when nothing after it is
  // a real sentence). Order is kept.
  std::vector<std::string> Apply(std::vector<std::string> paragraphs) const;

  const std::vector<FurniturePhrase>& phrases() const { return phrases_; }

 private:
  // IsFurniture, without the all-caps menu rule when the whole document is in capitals.
  bool IsFurnitureIn(std::string_view paragraph, bool all_caps_document) const;
  // Index of the list phrase that `paragraph` matches, or -1.
  int MatchPhrase(std::string_view paragraph) const;

  std::vector<FurniturePhrase> phrases_;
};

// BoilerplateFilter::Default().Apply(paragraphs).
std::vector<std::string> RemoveBoilerplate(std::vector<std::string> paragraphs);

// True for 8 or more words ending in '.', '!', '?' or a closing quote: text that
// boilerplate removal must keep.
bool IsRealSentence(std::string_view paragraph);

// Number of whitespace-separated tokens that contain at least one letter, so years,
// "©" and "|" do not count as words.
int CountWords(std::string_view text);

}  // namespace polgraph::ingest
