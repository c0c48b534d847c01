// Dates of events: "on Tuesday", "on 12 March", "March 12, 2017", "2017-03-12",
// resolved against the document's date, as news writes them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/nlp/token.h"

namespace polgraph::extract {

// The one date the sentence's events are placed on, as YYYY-MM-DD, or "" when the
// sentence names none, names two different ones, or needs a document date that
// `doc_date` (YYYY-MM-DD or "") does not give.
// - An explicit date with a year is taken as written; without a year it takes the
//   document's year ("12 March" in an article of 2017-03-14 is 2017-03-12).
// - A weekday is the latest such day on or before the document date ("on Tuesday"
//   in an article of Thursday 2017-03-16 is 2017-03-14), or the next one when the
//   sentence speaks of the future ("will meet on Tuesday", "next Tuesday").
// - "yesterday", "today" and "tomorrow" count from the document date.
std::string SentenceDate(const std::vector<nlp::Token>& tokens, std::string_view doc_date);

}  // namespace polgraph::extract
