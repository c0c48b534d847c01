// libFuzzer target for the lexicon loaders: arbitrary bytes as each TSV file a
// user may pass with --lexicon (countries, organisations, titles, verb patterns,
// CAMEO codes). A bad file must come back as a Status, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/lexicon/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the loader, so one corpus covers them all.
  const uint8_t which = data[0] % 5;
  const std::string_view tsv(reinterpret_cast<const char*>(data + 1), size - 1);
  using namespace polgraph::extract::lexicon;
  switch (which) {
    case 0: {
      ActorLexicon actors;
      (void)actors.AddCountries(tsv, "countries.tsv");
      break;
    }
    case 1: {
      ActorLexicon actors;
      (void)actors.AddOrganizations(tsv, "organizations.tsv");
      break;
    }
    case 2: {
      TitleLexicon titles;
      (void)titles.Add(tsv, "titles.tsv");
      break;
    }
    case 3: {
      VerbLexicon verbs;
      (void)verbs.AddPatterns(tsv, "verbs.tsv");
      break;
    }
    default: {
      VerbLexicon verbs;
      (void)verbs.AddCameo(tsv, "cameo_codes.tsv");
      break;
    }
  }
  return 0;
}
