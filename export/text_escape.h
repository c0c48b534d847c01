// Encoding helpers shared by the writers: text that may hold anything extraction
// let through (invalid UTF-8, control characters, markup) made safe for XML, JSON
// and IRIs, and doubles written so that they read back exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace polgraph::exporter {

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// `text` as XML 1.0 character data or attribute value (double-quoted): & < > " are
// escaped, CR kept as &#13; so parsers do not fold it, and the characters XML 1.0
// forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) dropped. Invalid
// UTF-8 becomes U+FFFD.
std::string XmlEscape(std::string_view text);

// What XML 1.0 can carry of `text`, not yet escaped: invalid UTF-8 as U+FFFD, C0
// controls other than tab/LF/CR and U+FFFE/U+FFFF dropped (as XmlEscape does).
std::string XmlChars(std::string_view text);

// XmlEscape for a double-quoted attribute value: tab and LF also become character
// references, since attribute-value normalization would turn them into spaces.
std::string XmlAttributeEscape(std::string_view text);

// `text` with every byte other than ASCII letters, digits and - . _ ~ written as
// %XX, so any id (spaces, ':', '/', non-ASCII) becomes one valid IRI path segment.
std::string PercentEncode(std::string_view text);

// Shortest decimal form that parses back to the same double ("0.1", "2",
// "1406764800.5"). Callers skip NaN and infinities.
std::string FormatDouble(double value);

// Aliases as one ";"-joined field: the list form every tabular export uses.
std::string JoinAliases(const std::vector<std::string>& aliases);

}  // namespace polgraph::exporter
