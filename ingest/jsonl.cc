// JSONL: one article per line as a JSON object. Each line is parsed, checked and
// handed to the callback on its own, so a large feed is never held as documents.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/text.h"
#include "ingest/boilerplate.h"
#include "ingest/input_check.h"
#include "ingest/paragraphs.h"
#include "ingest/reader.h"

namespace polgraph::ingest {
namespace {

const char* JsonTypeName(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "a boolean";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "an array";
    case rapidjson::kStringType:
      return "a string";
    case rapidjson::kNumberType:
      return "a number";
  }
  return "unknown";
}

std::string Serialize(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string_view View(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of the "\uXXXX" escape at line[i] (i at the backslash), or -1.
int EscapedUnit(std::string_view line, size_t i) {
  if (i + 6 > line.size() || line[i] != '\\' || line[i + 1] != 'u') return -1;
  int unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int v = HexValue(line[k]);
    if (v < 0) return -1;
    unit = unit * 16 + v;
  }
  return unit;
}

// `line` with every escaped UTF-16 surrogate that has no partner ("\ud800" alone,
// as Python's json.dumps writes text cut in the middle of a pair) replaced by
// "\ufffd". Such text cannot be UTF-8; RapidJSON refuses the whole record for it,
// and one broken character should not cost the article. Same length as `line`, so
// offsets in later messages still point into the input.
std::string ReplaceLoneSurrogateEscapes(std::string_view line) {
  std::string out(line);
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (!in_string) {
      in_string = c == '"';
      continue;
    }
    if (c == '"') {
      in_string = false;
    } else if (c == '\\') {
      const int unit = EscapedUnit(line, i);
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        const int low = EscapedUnit(line, i + 6);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          i += 11;  // a proper pair
          continue;
        }
      }
      if (unit >= 0xD800 && unit <= 0xDFFF) {
        out.replace(i, 6, "\\ufffd");
        i += 5;
      } else {
        ++i;  // the escaped character, whatever it is
      }
    }
  }
  return out;
}

// One JSONL line being turned into a Document; knows where it is for rejects.
class RecordReader {
 public:
  RecordReader(std::string_view source, int64_t line_no, int64_t offset, std::string_view line,
               RejectSink* rejects)
      : source_(source), line_no_(line_no), offset_(offset), line_(line), rejects_(rejects) {}

  void Read(const ReadOptions& options, const DocumentCallback& on_document);

 private:
  void Add(RejectCode code, std::string message, int64_t offset_in_line = 0) {
    rejects_->Add(MakeIngestReject(source_, line_no_, offset_ + offset_in_line, code,
                                   std::move(message), line_.substr(offset_in_line)));
  }
  void BadType(const char* field, const rapidjson::Value& value, const char* expected) {
    // Built with append: g++ 12 warns (-Wrestrict, falsely) on "lit" + std::string.
    std::string message = "\"";
    message.append(field).append("\" is ").append(JsonTypeName(value));
    message.append(", expected ").append(expected);
    Add(RejectCode::kBadField, std::move(message));
  }
  // The string value of `field`: nullptr when absent, null or of the wrong type (the
  // last reported as kBadField).
  const rapidjson::Value* StringField(const rapidjson::Value& object, const char* field);

  std::string_view source_;
  int64_t line_no_;
  int64_t offset_;
  std::string_view line_;
  RejectSink* rejects_;
};

const rapidjson::Value* RecordReader::StringField(const rapidjson::Value& object,
                                                  const char* field) {
  auto it = object.FindMember(field);
  if (it == object.MemberEnd() || it->value.IsNull()) return nullptr;
  if (!it->value.IsString()) {
    BadType(field, it->value, "a string");
    return nullptr;
  }
  return &it->value;
}

void RecordReader::Read(const ReadOptions& options, const DocumentCallback& on_document) {
  size_t bad = FindInvalidUtf8(line_);
  if (bad != std::string_view::npos) {
    Add(RejectCode::kInvalidUtf8,
        "invalid UTF-8 at byte " + std::to_string(offset_ + static_cast<int64_t>(bad)) +
            " (column " + std::to_string(bad + 1) + "), expected UTF-8 text",
        static_cast<int64_t>(bad >= 40 ? bad - 40 : 0));
    return;
  }
  rapidjson::Document json;
  json.Parse(line_.data(), line_.size());
  std::string repaired;
  if (json.HasParseError() &&
      json.GetParseError() == rapidjson::kParseErrorStringUnicodeSurrogateInvalid) {
    repaired = ReplaceLoneSurrogateEscapes(line_);
    json.Parse(repaired.data(), repaired.size());
  }
  if (json.HasParseError()) {
    size_t at = json.GetErrorOffset();
    std::string what = rapidjson::GetParseError_En(json.GetParseError());
    if (!what.empty() && what.back() == '.') what.pop_back();
    Add(RejectCode::kBadJson,
        "invalid JSON at column " + std::to_string(at + 1) + " (" + what +
            "), expected one JSON object per line",
        static_cast<int64_t>(at >= 40 ? at - 40 : 0));
    return;
  }
  if (!json.IsObject()) {
    Add(RejectCode::kBadJson,
        std::string("line is ") + JsonTypeName(json) + ", expected a JSON object");
    return;
  }

  auto text_it = json.FindMember("text");
  if (text_it == json.MemberEnd() || text_it->value.IsNull()) {
    Add(RejectCode::kMissingField, "\"text\" is missing, expected the article text");
    return;
  }
  if (!text_it->value.IsString()) {
    BadType("text", text_it->value, "a string");
    return;
  }
  std::string_view raw_text = View(text_it->value);
  if (raw_text.empty()) {
    Add(RejectCode::kMissingField, "\"text\" is empty, expected the article text");
    return;
  }
  if (Trim(raw_text).empty()) {
    Add(RejectCode::kEmpty, "\"text\" holds only whitespace, expected the article text");
    return;
  }
  if (LooksBinary(raw_text)) {
    Add(RejectCode::kBinary, "\"text\" holds NUL or control characters, expected text");
    return;
  }
  std::vector<std::string> paragraphs =
      RemoveBoilerplate(SplitParagraphs(NormalizeNewlines(raw_text)));
  if (paragraphs.empty()) {
    Add(RejectCode::kNoText, "\"text\" has nothing left after boilerplate removal");
    return;
  }

  Document doc;
  doc.source = std::string(source_);
  doc.line = line_no_;
  doc.format = "jsonl";
  // Offsets into the text are offsets into the record's "text" field.
  doc.text = LayParagraphsInPlace(raw_text, paragraphs);
  if (doc.text.empty()) doc.text = JoinParagraphs(paragraphs);

  auto id_it = json.FindMember("id");
  if (id_it != json.MemberEnd()) {
    if (id_it->value.IsString()) {
      doc.id = std::string(Trim(View(id_it->value)));
    } else if (id_it->value.IsNumber()) {
      doc.id = Serialize(id_it->value);  // 42 -> "42"
    } else if (!id_it->value.IsNull()) {
      BadType("id", id_it->value, "a string or number");
    }
  }
  if (doc.id.empty()) doc.id = std::string(source_) + ":" + std::to_string(line_no_);

  const rapidjson::Value* title = StringField(json, "title");
  bool title_used = title != nullptr && !Trim(View(*title)).empty();
  bool headline_used = false;
  if (!title_used) {
    title = StringField(json, "headline");
    headline_used = title != nullptr;
  }
  if (title != nullptr) doc.title = CollapseWhitespace(View(*title));

  if (const rapidjson::Value* date = StringField(json, "date")) {
    std::string_view value = Trim(View(*date));
    doc.date = IsoDatePrefix(value);
    if (doc.date.empty() && !value.empty()) {
      // Keep the article: a bad date loses only the date, but the user must hear of it.
      Add(RejectCode::kBadField,
          "\"date\" is \"" + MakeExcerpt(value, 40) + "\", expected YYYY-MM-DD");
    }
  }
  if (const rapidjson::Value* publisher = StringField(json, "source")) {
    doc.publisher = CollapseWhitespace(View(*publisher));
  }
  if (const rapidjson::Value* url = StringField(json, "url")) {
    doc.url = std::string(Trim(View(*url)));
  }

  for (const auto& member : json.GetObject()) {
    std::string_view name = View(member.name);
    bool known = name == "id" || name == "title" || name == "date" || name == "source" ||
                 name == "url" || name == "text" || (name == "headline" && headline_used);
    if (!known) doc.metadata.emplace(std::string(name), Serialize(member.value));
  }
  FinishDocument(options, &doc);
  on_document(std::move(doc));
}

}  // namespace

namespace {

// One line of a JSONL input (without its '\n') at byte `offset` of the file.
void ReadLine(std::string_view line, int64_t line_no, size_t offset, std::string_view source,
              const ReadOptions& options, const DocumentCallback& on_document,
              RejectSink* rejects) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() > options.max_document_bytes) {
    rejects->Add(
        MakeIngestReject(source, line_no, static_cast<int64_t>(offset), RejectCode::kTooLarge,
                         "record is " + std::to_string(line.size()) + " bytes, over the limit of " +
                             std::to_string(options.max_document_bytes) + " (--max-document-bytes)",
                         line));
  } else if (!Trim(line).empty()) {
    RecordReader(source, line_no, static_cast<int64_t>(offset), line, rejects)
        .Read(options, on_document);
  }
}

}  // namespace

void ReadJsonl(std::string_view bytes, std::string_view source, const ReadOptions& options,
               const DocumentCallback& on_document, RejectSink* rejects) {
  std::string_view content = StripBom(bytes);
  const size_t bom = bytes.size() - content.size();
  if (!CheckDocumentBytes(content, bom, /*check_utf8=*/false, source, rejects)) return;
  int64_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ReadLine(content.substr(pos, end - pos), ++line_no, bom + pos, source, options, on_document,
             rejects);
    pos = end + 1;
    if (options.on_bytes_read) options.on_bytes_read(bom + std::min(pos, content.size()));
  }
}

bool ReadJsonlFile(std::FILE* file, std::string_view source, const ReadOptions& options,
                   const DocumentCallback& on_document, RejectSink* rejects) {
  // Blocks of 1 MiB; a record longer than the limit is dropped as it streams by.
  constexpr size_t kBlock = 1 << 20;
  std::string buffer;     // the unread rest of the file: at most one partial line
  size_t base = 0;        // file offset of buffer[0]
  int64_t line_no = 0;    // lines completed so far
  bool started = false;   // the head of the file was checked
  bool skipping = false;  // inside a line already rejected as too large
  bool any_text = false;  // a non-blank byte was seen (else the file is "empty")
  size_t total = 0;       // bytes read
  size_t bom = 0;         // length of the byte-order mark, if any
  std::string block(kBlock, '\0');
  const auto check_head = [&](bool at_end) {
    // Empty and binary files are reported as ReadJsonl reports them; only the
    // head is needed for that (LooksBinary reads 4 KiB).
    if (started || (!at_end && buffer.size() < 4096)) return true;
    started = true;
    std::string_view content = StripBom(buffer);
    bom = buffer.size() - content.size();
    if (Trim(content).empty()) return true;  // judged at the end, over the whole file
    return CheckDocumentBytes(content, bom, /*check_utf8=*/false, source, rejects);
  };
  const auto take_lines = [&](bool at_end) {
    size_t pos = 0;
    if (base == 0 && buffer.size() >= 3) pos = StripBom(buffer).size() == buffer.size() ? 0 : 3;
    for (;;) {
      size_t end = buffer.find('\n', pos);
      if (end == std::string::npos) {
        if (!at_end || pos >= buffer.size()) break;
        end = buffer.size();
      }
      ++line_no;
      const std::string_view line(buffer.data() + pos, end - pos);
      if (!any_text && !Trim(line).empty()) any_text = true;
      if (skipping) {
        skipping = false;
      } else {
        ReadLine(line, line_no, base + pos, source, options, on_document, rejects);
      }
      pos = end + 1;
      if (options.on_bytes_read) options.on_bytes_read(base + std::min(pos, buffer.size()));
    }
    pos = std::min(pos, buffer.size());
    buffer.erase(0, pos);
    base += pos;
    if (!skipping && buffer.size() > options.max_document_bytes + 1) {
      any_text = true;
      rejects->Add(
          MakeIngestReject(source, line_no + 1, static_cast<int64_t>(base), RejectCode::kTooLarge,
                           "record is more than " + std::to_string(options.max_document_bytes) +
                               " bytes, over the limit (--max-document-bytes)",
                           buffer));
      skipping = true;
    }
    if (skipping) {
      base += buffer.size();
      buffer.clear();
    }
  };
  for (;;) {
    const size_t n = std::fread(block.data(), 1, block.size(), file);
    if (n == 0) break;
    buffer.append(block.data(), n);
    total += n;
    if (!check_head(false)) return std::ferror(file) == 0;
    if (started) take_lines(false);
  }
  if (std::ferror(file) != 0) return false;
  if (!check_head(true)) return true;
  take_lines(true);
  if (!any_text) {
    // Nothing but whitespace (or nothing): the same reject as for a whole buffer.
    CheckDocumentBytes(total > bom ? " " : "", 0, /*check_utf8=*/false, source, rejects);
  }
  return true;
}

}  // namespace polgraph::ingest
