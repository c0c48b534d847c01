// Open triples: "subject | relation | object" read off a sentence whatever the
// arguments are ("National Front | took | a $9.7 million loan"), as open
// information extraction systems (ClausIE, OpenIE-4) produce them. They are not
// graph edges: `polgraph extract --open` prints them next to the relations.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace polgraph {

// One argument: its words (joined as they are spaced in the text) and the
// half-open byte span from its first to its last word. Words inside the span
// may be left out (a relative clause, a coordinated conjunct, a preposition
// moved into the relation).
struct OpenArgument {
  std::string text;
  size_t start = 0, end = 0;
};

struct OpenTriple {
  int sentence = 0;                // 0-based sentence index within the document
  OpenArgument arg1;               // the subject
  std::string relation;            // e.g. "was elected by", "is", "wants to meet"
  std::vector<OpenArgument> args;  // the object first, then obliques; never empty
  double confidence = 0;           // in (0, 1]; ranks triples, higher is more likely right
  bool negated = false;            // "did not meet", "never met"
  bool hypothetical = false;       // a modal ("could meet") or a condition ("if he meets")
};

}  // namespace polgraph
