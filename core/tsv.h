// Tab-separated data files (the lexicons polgraph ships, and users' own): one
// parser, so every dictionary skips comments and reports bad rows the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace polgraph {

struct TsvRow {
  size_t line = 0;                  // 1-based line number in the file
  std::vector<std::string> fields;  // trimmed of surrounding whitespace
  const std::string& operator[](size_t i) const { return fields[i]; }
  size_t size() const { return fields.size(); }
};

// Rows of `content`, skipping blank lines and lines starting with '#'; CRLF is
// accepted. Returns InvalidArgument "<name>:<line>: ..." for a row with fewer
// than `min_columns` fields.
Result<std::vector<TsvRow>> ParseTsv(std::string_view content, std::string_view name,
                                     size_t min_columns);

}  // namespace polgraph
