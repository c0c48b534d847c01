#include "core/tsv.h"

#include "core/text.h"

namespace polgraph {

Result<std::vector<TsvRow>> ParseTsv(std::string_view content, std::string_view name,
                                     size_t min_columns) {
  std::vector<TsvRow> rows;
  size_t line_no = 0;
  size_t b = 0;
  while (b < content.size()) {
    size_t e = content.find('\n', b);
    if (e == std::string_view::npos) e = content.size();
    std::string_view line = content.substr(b, e - b);
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = line_no;
    size_t cb = 0;
    while (true) {
      size_t ce = line.find('\t', cb);
      row.fields.emplace_back(Trim(line.substr(cb, ce == std::string_view::npos ? ce : ce - cb)));
      if (ce == std::string_view::npos) break;
      cb = ce + 1;
    }
    if (row.size() < min_columns) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) +
                                     ": expected " + std::to_string(min_columns) +
                                     " tab-separated columns, found " + std::to_string(row.size()));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace polgraph
