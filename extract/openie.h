// openie: open information extraction from a dependency parse.
//
// Clause-based rules in the manner of ClausIE: every verbal or copular predicate
// of a parsed sentence gives a triple "subject | relation | object [, more
// arguments]", whatever the arguments are (actors or not), e.g. "National Front |
// took | a $9.7 million loan". The relation carries auxiliaries, negation and
// particles ("has not given up"), xcomp chains ("wants to meet"), and the
// preposition of the first oblique when there is no object ("was elected by").
// Relative clauses, conjoined verbs, participles ("a charter issued by the king"
// -> "a charter | was issued by | the king"), appositions ("X, the Y" -> "X | is |
// Y") and possessives ("X's Y" -> "X | has | Y") add triples of their own. A
// coordinated argument gives the triple with the whole coordination and, ranked
// lower, one per conjunct.
//
// Everything here is a pure function of its inputs: thread-safe, no state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/pipeline.h"

namespace polgraph::extract {

// One argument: its words (joined as they are spaced in the text) and the
// half-open byte span from its first to its last word. Words inside the span
// may be left out (a relative clause, a coordinated conjunct, a preposition
// moved into the relation).
struct OpenArgument {
  std::string text;
  size_t start = 0, end = 0;
};

struct OpenTriple {
  OpenArgument arg1;               // the subject
  std::string relation;            // e.g. "was elected by", "is", "wants to meet"
  std::vector<OpenArgument> args;  // the object first, then obliques; never empty
  double confidence = 0;           // in (0, 1]; ranks triples, higher is more likely right
  bool negated = false;            // "did not meet", "never met"
  bool hypothetical = false;       // a modal ("could meet") or a condition ("if he meets")
};

// The triples of one parsed sentence; `text` is what the token byte spans point
// into. Returns an empty vector for a sentence without a predicate that has both
// a subject and a second argument. Linear-ish in the sentence length.
std::vector<OpenTriple> ExtractOpenTriples(const nlp::AnalyzedSentence& sentence,
                                           std::string_view text);

}  // namespace polgraph::extract
