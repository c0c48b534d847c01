// Resources: every dictionary the pattern extractor reads, loaded once and shared
// read-only between threads.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

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
  // First name -> 'F', 'M' or 'U' (both), from lexicon/first_names.tsv: which
  // persons "she" and "he" can stand for.
  std::map<std::string, char, std::less<>> first_names;
};

// Loads the lexicons from `lexicon_dir` when it is not empty (files named as in
// the repository's lexicon/), else from the copies compiled into the binary.
// Returns InvalidArgument naming the file and line of the first malformed row,
// NotFound when a file is missing from `lexicon_dir`.
// `user_files` are actor dictionaries in the format of lexicon/organizations.tsv
// (schemas/user_lexicon.md), added after the built-in entries.
Result<std::shared_ptr<const Resources>> LoadResources(
    const std::string& lexicon_dir, const std::vector<std::string>& user_files = {});

}  // namespace polgraph::extract
