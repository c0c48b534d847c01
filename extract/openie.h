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

#include "core/open_triple.h"
#include "extract/nlp/pipeline.h"

namespace polgraph::extract {

// The triples of one parsed sentence; `text` is what the token byte spans point
// into. Returns an empty vector for a sentence without a predicate that has both
// a subject and a second argument. Linear-ish in the sentence length.
// OpenTriple::sentence is left 0 for the caller to set.
std::vector<OpenTriple> ExtractOpenTriples(const nlp::AnalyzedSentence& sentence,
                                           std::string_view text);

}  // namespace polgraph::extract
