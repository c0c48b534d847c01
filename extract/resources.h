// Resources: every dictionary the pattern extractor reads, loaded once and shared
// read-only between threads.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "core/status.h"
#include "extract/lexicon/lexicon.h"

namespace polgraph::extract {

struct GroupWords {
  std::set<std::string, std::less<>> adjectives;     // "Western", "European"
  std::set<std::string, std::less<>> country_nouns;  // "<demonym> government" = the country
  std::set<std::string, std::less<>> group_nouns;    // "<adjective> lawmakers" = a Group
  std::set<std::string, std::less<>> standalone;     // "separatists" alone is a Group
};

struct Resources {
  lexicon::ActorLexicon actors;
  lexicon::TitleLexicon titles;
  lexicon::VerbLexicon verbs;
  GroupWords groups;
};

// Loads the lexicons from `lexicon_dir` when it is not empty (files named as in
// the repository's lexicon/), else from the copies compiled into the binary.
// Returns InvalidArgument naming the file and line of the first malformed row,
// NotFound when a file is missing from `lexicon_dir`.
Result<std::shared_ptr<const Resources>> LoadResources(const std::string& lexicon_dir);

}  // namespace polgraph::extract
