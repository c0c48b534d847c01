// libFuzzer target for the whole extract stage on one document: any valid UTF-8
// text as an article body. Relations and mentions must point into the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/text.h"
#include "extract/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<polgraph::extract::Extractor> extractor = [] {
    auto loaded = polgraph::extract::LoadDefaultExtractor({});
    if (!loaded.ok()) __builtin_trap();
    return std::move(loaded).value();
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (polgraph::FindInvalidUtf8(text) != std::string_view::npos) return 0;
  polgraph::Document doc;
  doc.id = doc.source = "fuzz.txt";
  doc.format = "txt";
  doc.text = std::string(text);
  polgraph::Extraction out;
  polgraph::RejectList rejects;
  (void)extractor->Extract(doc, &out, &rejects);
  for (const polgraph::Entity& e : out.entities) {
    for (const polgraph::Mention& m : e.mentions) {
      if (m.start > m.end || m.end > doc.text.size()) __builtin_trap();
    }
  }
  for (const polgraph::Relation& r : out.relations) {
    if (r.start > r.end || r.end > doc.text.size()) __builtin_trap();
  }
  return 0;
}
