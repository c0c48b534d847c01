// Plain-text articles: an optional headline line, then hard-wrapped or unwrapped
// paragraphs.
#include "core/text.h"

#include <string>

#include "ingest/boilerplate.h"
#include "ingest/input_check.h"
#include "ingest/paragraphs.h"
#include "ingest/reader.h"

namespace polgraph::ingest {
namespace {

// Longest first line still taken as a headline; longer ones are body text.
constexpr size_t kMaxHeadlineBytes = 200;

// Splits off the headline: the first non-blank line when it is short, does not end
// with a period (headlines have none; first sentences do) and is followed by a blank
// line and more text. Returns the headline (empty when there is none) and moves
// *body past it.
std::string TakeHeadline(std::string_view* body) {
  std::string_view text = *body;
  size_t pos = 0;
  while (pos < text.size()) {  // skip leading blank lines
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos || !Trim(text.substr(pos, end - pos)).empty()) break;
    pos = end + 1;
  }
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) return "";
  std::string_view first = Trim(text.substr(pos, end - pos));
  if (first.empty() || first.size() > kMaxHeadlineBytes || first.back() == '.') return "";
  // "Skip to content" above the article is furniture, not its headline.
  if (BoilerplateFilter::Default().IsListedPhrase(first)) return "";
  size_t next_end = text.find('\n', end + 1);
  std::string_view next = text.substr(
      end + 1, next_end == std::string_view::npos ? std::string_view::npos : next_end - end - 1);
  if (!Trim(next).empty()) return "";
  if (Trim(text.substr(end + 1)).empty()) return "";  // a lone line is the body
  *body = text.substr(end + 1);
  return CollapseWhitespace(first);
}

}  // namespace

void ReadText(std::string_view bytes, std::string_view source, const ReadOptions& options,
              const DocumentCallback& on_document, RejectSink* rejects) {
  std::string_view content = StripBom(bytes);
  if (!CheckDocumentBytes(content, bytes.size() - content.size(), /*check_utf8=*/true, source,
                          rejects)) {
    return;
  }
  std::string normalized = NormalizeNewlines(content);
  std::string_view body = normalized;
  Document doc;
  doc.title = TakeHeadline(&body);
  std::vector<std::string> paragraphs = RemoveBoilerplate(SplitParagraphs(body));
  if (paragraphs.empty()) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kNoText,
                                  "no article text left after boilerplate removal", content));
    return;
  }
  doc.id = std::string(source);
  doc.source = std::string(source);
  doc.format = "txt";
  // Offsets into the text are offsets into the file (BOM included).
  doc.text = LayParagraphsInPlace(bytes, paragraphs);
  if (doc.text.empty()) doc.text = JoinParagraphs(paragraphs);
  FinishDocument(options, &doc);
  on_document(std::move(doc));
}

}  // namespace polgraph::ingest
