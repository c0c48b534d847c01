// libFuzzer targets for the ingest readers: arbitrary bytes as a .jsonl, .html or
// .txt input. Built when POLGRAPH_FUZZ is on (see tests/fuzz/README.md); one
// binary per reader, chosen by POLGRAPH_FUZZ_READER at compile time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/reject.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  polgraph::ingest::ReadOptions options;
  options.default_date = "2020-01-01";
  polgraph::RejectList rejects;
  size_t text_bytes = 0;
  POLGRAPH_FUZZ_READER(
      bytes, "fuzz", options,
      [&](polgraph::Document&& doc) {
        // Every document the readers hand out has text (the contract of Document).
        if (doc.text.empty()) __builtin_trap();
        text_bytes += doc.text.size();
      },
      &rejects);
  return 0;
}
