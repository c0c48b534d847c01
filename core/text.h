// Small text utilities shared by every stage: UTF-8 checks, hashing, dates, keys.
// None of them allocate more than their result; all are thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace polgraph {

// Length in bytes of the well-formed UTF-8 sequence starting at text[pos], or 0 when
// the bytes there are not valid UTF-8 (overlong forms and surrogates are invalid).
size_t Utf8SequenceLength(std::string_view text, size_t pos);

// Byte offset of the first invalid UTF-8 sequence, or std::string_view::npos when
// `text` is entirely valid.
size_t FindInvalidUtf8(std::string_view text);

// True when `text` looks like binary data rather than text: a NUL byte, or more
// than 1 in 10 of the first 4 KiB being C0 controls other than tab/newline/CR/FF.
bool LooksBinary(std::string_view text);

// 64-bit FNV-1a of `bytes`, as 16 lower-case hex digits. Stable across platforms;
// used for content hashes and ids, not for security.
std::string ContentHash(std::string_view bytes);

// True when `date` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view date);

// Trims ASCII and Unicode whitespace (NBSP, thin spaces...) from both ends.
std::string_view Trim(std::string_view text);

// Collapses every run of whitespace to one ASCII space and trims.
std::string CollapseWhitespace(std::string_view text);

// Lower-cases ASCII letters only; other bytes are copied unchanged.
std::string AsciiLower(std::string_view text);

// Length in bytes of a whitespace character at text[pos] (ASCII, NBSP and the
// common Unicode spaces news pages use), or 0.
size_t SpaceLength(std::string_view text, size_t pos);

// A stable key for an actor: lower-cased, whitespace collapsed, apostrophes and
// periods dropped ("U.S." -> "us", "Le  Pen" -> "le pen").
std::string NormalizeKey(std::string_view label);

}  // namespace polgraph
