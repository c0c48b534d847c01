// Checks every ingest reader applies before parsing, and the reject and document
// finishing steps they share.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/reject.h"
#include "ingest/reader.h"

namespace polgraph::ingest {

// A Reject from stage "ingest"; the excerpt is MakeExcerpt(`excerpt_from`).
Reject MakeIngestReject(std::string_view source, int64_t line, int64_t offset, RejectCode code,
                        std::string message, std::string_view excerpt_from);

// 1-based line number of byte `offset` in `bytes`.
int64_t LineAt(std::string_view bytes, size_t offset);

// `bytes` without a leading UTF-8 byte-order mark.
std::string_view StripBom(std::string_view bytes);

// Reports kEmpty (nothing but whitespace), kBinary or, when `check_utf8`, kInvalidUtf8
// (with byte offset and line) for a whole-file document and returns false; returns
// true when `bytes` may be parsed. `bom_bytes` is how many bytes StripBom removed, so
// offsets in rejects count from the start of the file.
bool CheckDocumentBytes(std::string_view bytes, size_t bom_bytes, bool check_utf8,
                        std::string_view source, RejectSink* rejects);

// ReadJsonl over an open file, read block by block so that a feed of any size is
// held one block and one record at a time; the same documents, rejects, line
// numbers and offsets as ReadJsonl on the whole file (jsonl.cc). False when
// reading fails (errno says why).
bool ReadJsonlFile(std::FILE* file, std::string_view source, const ReadOptions& options,
                   const DocumentCallback& on_document, RejectSink* rejects);

// YYYY-MM-DD from the start of a date or timestamp ("2017-03-24T10:00:00Z" ->
// "2017-03-24"); "" when `value` does not start with a valid calendar date followed
// by nothing, 'T' or a space.
std::string IsoDatePrefix(std::string_view value);

// Fills the defaulted fields once the reader has set title, date and text:
// default_date when there is no date, and the content hash.
void FinishDocument(const ReadOptions& options, Document* doc);

}  // namespace polgraph::ingest
