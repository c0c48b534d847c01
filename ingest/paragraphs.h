// Paragraph handling shared by the ingest readers: newline normalisation and the
// reflow of plain text (hard-wrapped lines joined, paragraph breaks kept).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace polgraph::ingest {

// Replaces CRLF and lone CR with LF.
std::string NormalizeNewlines(std::string_view text);

// Splits plain text (LF line ends) into paragraphs, each whitespace-collapsed and
// non-empty. Blank lines always break paragraphs. Inside a run of non-blank lines, a
// line joins the previous one when the text looks hard-wrapped (the previous line had
// no room left for the next word at the block's wrap width); an indented line, a
// bulleted line, or any line of a block too narrow or too wide to be wrapped text
// starts a new paragraph.
std::vector<std::string> SplitParagraphs(std::string_view text);

// Joins paragraphs with "\n\n".
std::string JoinParagraphs(const std::vector<std::string>& paragraphs);

// The paragraphs laid back onto the bytes they came from, so that offsets into the
// document text are offsets into the input (the file's bytes for .txt, the "text"
// field for .jsonl): a string as long as `original`, each paragraph's characters at
// their original offsets, the whitespace inside a paragraph (hard wraps included) as
// spaces, and everything else (a headline, boilerplate, carriage returns) blanked
// to spaces except the line feeds between paragraphs, which keep them apart.
// `paragraphs` must come from `original` in order, differing only in whitespace,
// as SplitParagraphs makes them; returns "" when they cannot be found so (the
// caller then falls back to JoinParagraphs).
std::string LayParagraphsInPlace(std::string_view original,
                                 const std::vector<std::string>& paragraphs);

}  // namespace polgraph::ingest
