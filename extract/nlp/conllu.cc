#include "extract/nlp/conllu.h"

#include <charconv>

namespace polgraph::extract::nlp {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    cols.push_back(line.substr(b, e == std::string_view::npos ? e : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return cols;
}

bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Result<std::vector<ConlluSentence>> ReadConllu(std::istream& in, std::string_view name) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  std::string line;
  size_t line_no = 0;
  const auto error = [&](const std::string& what) {
    return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = ConlluSentence();
      continue;
    }
    if (line[0] == '#') {
      cur.comments.push_back(line.substr(1));
      continue;
    }
    std::vector<std::string_view> c = SplitTabs(line);
    if (c.size() != 10)
      return error("expected 10 tab-separated columns, found " + std::to_string(c.size()));
    std::string_view id = c[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluMultiword mw;
      if (!ParseInt(id.substr(0, dash), &mw.first) || !ParseInt(id.substr(dash + 1), &mw.last)) {
        return error("bad multiword ID \"" + std::string(id) + "\"");
      }
      mw.form = std::string(c[1]);
      cur.multiwords.push_back(std::move(mw));
      continue;
    }
    int n = 0;
    if (!ParseInt(id, &n) || n != static_cast<int>(cur.words.size()) + 1) {
      return error("word ID \"" + std::string(id) + "\" out of sequence");
    }
    ConlluWord w;
    w.form = std::string(c[1]);
    w.lemma = std::string(c[2]);
    w.upos = std::string(c[3]);
    w.xpos = std::string(c[4]);
    w.feats = std::string(c[5]);
    if (c[6] != "_" && !ParseInt(c[6], &w.head)) {
      return error("bad HEAD \"" + std::string(c[6]) + "\"");
    }
    w.deprel = std::string(c[7]);
    w.deps = std::string(c[8]);
    w.misc = std::string(c[9]);
    cur.words.push_back(std::move(w));
  }
  if (!cur.words.empty()) out.push_back(std::move(cur));
  for (const ConlluSentence& s : out) {
    for (const ConlluWord& w : s.words) {
      if (w.head > static_cast<int>(s.words.size())) {
        return Status::InvalidArgument(std::string(name) + ": HEAD " + std::to_string(w.head) +
                                       " beyond the sentence");
      }
    }
  }
  return out;
}

void WriteConllu(const ConlluSentence& s, std::ostream& out) {
  for (const std::string& c : s.comments) out << '#' << c << '\n';
  size_t mw = 0;
  const auto field = [](const std::string& v) -> const std::string& {
    static const std::string kEmpty = "_";
    return v.empty() ? kEmpty : v;
  };
  for (size_t i = 0; i < s.words.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    while (mw < s.multiwords.size() && s.multiwords[mw].first == id) {
      out << s.multiwords[mw].first << '-' << s.multiwords[mw].last << '\t' << s.multiwords[mw].form
          << "\t_\t_\t_\t_\t_\t_\t_\t_\n";
      ++mw;
    }
    const ConlluWord& w = s.words[i];
    out << id << '\t' << field(w.form) << '\t' << field(w.lemma) << '\t' << field(w.upos) << '\t'
        << field(w.xpos) << '\t' << field(w.feats) << '\t';
    if (w.head < 0) {
      out << '_';
    } else {
      out << w.head;
    }
    out << '\t' << field(w.deprel) << '\t' << field(w.deps) << '\t' << field(w.misc) << '\n';
  }
  out << '\n';
}

}  // namespace polgraph::extract::nlp
