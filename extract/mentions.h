// Mentions: the actor names in one sentence, found from the lexicon (countries,
// demonyms, capitals, organisations), titles ("President", "Kremlin spokesman"),
// group phrases ("Western governments") and runs of capitalised words.
#pragma once

#include <string>
#include <vector>

#include "core/relation.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/token.h"
#include "extract/resources.h"

namespace polgraph::extract {

// An actor mention: tokens [first, last) of its sentence.
struct MentionSpan {
  size_t first = 0, last = 0;
  ActorType type = ActorType::kConcept;
  std::string name;         // the name as written, titles stripped: "Vladimir Putin"
  int lexicon_entry = -1;   // ActorLexicon entry, -1 for names found by pattern
  std::string country;      // ISO3 when known (lexicon, demonym before a title)
  bool weak = false;        // a lone capitalised word that may not be a name at all
  bool acronym = false;     // all capitals, like "FN" or "NATO"
  bool pronoun = false;     // he/she/him/her/his, it/its, they/them/their, to be resolved
  bool possessive = false;  // "his", "her rival", "its", "their": only a possessor
  bool tagged = false;      // span and type from the name tagger (models/ner.pgm)
  int title = -1;           // index into SentenceAnalysis::titles of the title before it
  int entity = -1;          // document entity, set by ResolveEntities; -1 = dropped
};

// A title ("spokesman", "Foreign Minister") and what qualifies it.
struct TitleSpan {
  size_t first = 0, last = 0;
  int entry = -1;                     // TitleLexicon entry
  int qualifier = -1;                 // mention naming the institution, e.g. "Kremlin"
  std::string qualifier_country;      // ISO3 from a demonym, e.g. "Russian" -> RUS
  bool qualifier_possessive = false;  // "Putin's spokesman"
};

struct SentenceAnalysis {
  int index = 0;
  size_t start = 0, end = 0;  // byte span in Document::text
  std::vector<nlp::Token> tokens;
  // The tagger's and parser's reading of `tokens` (same indices; heads 1-based).
  std::vector<nlp::AnalyzedWord> parse;
  std::vector<MentionSpan> mentions;  // in token order, non-overlapping
  std::vector<TitleSpan> titles;
  std::vector<int> mention_at;  // token index -> mention index, or -1
  std::vector<int> demonym_at;  // token index -> country entry of a bare demonym, or -1
};

// Finds the mentions and titles of `s.tokens` and fills the index vectors.
void FindMentions(const Resources& res, SentenceAnalysis* s);

// Lower-case word lists used by several stages.
bool IsCapitalizedStopword(std::string_view word);
bool IsPreposition(std::string_view word);

}  // namespace polgraph::extract
