// HTML pages: libxml2's forgiving HTML parser, metadata from <meta>/<link>/JSON-LD,
// and the article text from ArticleExtractor plus boilerplate removal.
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <rapidjson/document.h>

#include <climits>
#include <map>
#include <memory>
#include <string>

#include "core/text.h"
#include "ingest/boilerplate.h"
#include "ingest/html_dom.h"
#include "ingest/input_check.h"
#include "ingest/paragraphs.h"
#include "ingest/reader.h"

namespace polgraph::ingest {
namespace {

// Browsers look for a charset declaration in the first 1024 bytes; pages with long
// <head> sections put it later, so look a little further.
constexpr size_t kCharsetSniffBytes = 8192;
// JSON-LD objects nest @graph -> item -> ...; deeper is not article metadata.
constexpr int kMaxJsonLdDepth = 8;

bool IsCharsetByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

// The charset a page declares in <meta charset>, <meta http-equiv content="...;
// charset=..."> or an XML declaration, lower-cased; "" when none.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, kCharsetSniffBytes));
  for (std::string_view key : {"charset=", "encoding="}) {
    size_t pos = head.find(key);
    while (pos != std::string::npos) {
      // Only inside a tag: a charset mentioned in body text is not a declaration.
      size_t open = head.rfind('<', pos);
      size_t close = head.rfind('>', pos);
      bool in_tag = open != std::string::npos && (close == std::string::npos || close < open);
      bool is_decl =
          in_tag && (head.compare(open, 5, "<meta") == 0 || head.compare(open, 5, "<?xml") == 0);
      size_t start = pos + key.size();
      while (start < head.size() &&
             (head[start] == '"' || head[start] == '\'' || head[start] == ' ')) {
        ++start;
      }
      size_t end = start;
      while (end < head.size() && IsCharsetByte(head[end])) ++end;
      if (is_decl && end > start) return head.substr(start, end - start);
      pos = head.find(key, pos + 1);
    }
  }
  return "";
}

bool IsUtf8Label(std::string_view label) {
  return label.empty() || label == "utf-8" || label == "utf8" || label == "us-ascii" ||
         label == "ascii" || label == "unicode-1-1-utf-8";
}

// Pages labelled Latin-1 are in practice Windows-1252 (curly quotes at 0x91-0x94),
// which is why browsers decode them so; do the same when libxml2 knows the name.
std::string EncodingFor(const std::string& label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "iso8859-1" || label == "l1") {
    xmlCharEncodingHandler* cp1252 = xmlFindCharEncodingHandler("WINDOWS-1252");
    if (cp1252 != nullptr) {
      xmlCharEncCloseFunc(cp1252);
      return "WINDOWS-1252";
    }
  }
  return label;
}

bool EncodingKnown(const std::string& encoding) {
  xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(encoding.c_str());
  if (handler == nullptr) return false;
  xmlCharEncCloseFunc(handler);
  return true;
}

// libxml2 reports through per-thread handlers and by default prints to stderr; stages
// never print. Collects instead while one page is parsed, then restores the old
// handlers. An encoding error matters: libxml2 stops converting there, so the rest of
// the page would be silently lost.
class LibxmlErrorCapture {
 public:
  LibxmlErrorCapture()
      : old_structured_(xmlStructuredError),
        old_structured_context_(xmlStructuredErrorContext),
        old_generic_(xmlGenericError),
        old_generic_context_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(this, &OnError);
    xmlSetGenericErrorFunc(this, &OnGenericError);
  }
  ~LibxmlErrorCapture() {
    xmlSetStructuredErrorFunc(old_structured_context_, old_structured_);
    xmlSetGenericErrorFunc(old_generic_context_, old_generic_);
  }
  LibxmlErrorCapture(const LibxmlErrorCapture&) = delete;
  LibxmlErrorCapture& operator=(const LibxmlErrorCapture&) = delete;

  bool encoding_error() const { return encoding_error_; }

 private:
  static void OnError(void* context, xmlErrorPtr error) {
    if (error != nullptr && (error->domain == XML_FROM_I18N ||
                             (error->domain == XML_FROM_IO && error->code == XML_IO_ENCODER))) {
      static_cast<LibxmlErrorCapture*>(context)->encoding_error_ = true;
    }
  }
  static void OnGenericError(void* /*context*/, const char* /*format*/, ...) {}

  xmlStructuredErrorFunc old_structured_;
  void* old_structured_context_;
  xmlGenericErrorFunc old_generic_;
  void* old_generic_context_;
  bool encoding_error_ = false;
};

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string FindJsonLdDate(const rapidjson::Value& value, int depth) {
  if (depth > kMaxJsonLdDepth) return "";
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      std::string date = FindJsonLdDate(item, depth + 1);
      if (!date.empty()) return date;
    }
  } else if (value.IsObject()) {
    auto it = value.FindMember("datePublished");
    if (it != value.MemberEnd() && it->value.IsString()) {
      std::string date = IsoDatePrefix(it->value.GetString());
      if (!date.empty()) return date;
    }
    for (const auto& member : value.GetObject()) {
      std::string date = FindJsonLdDate(member.value, depth + 1);
      if (!date.empty()) return date;
    }
  }
  return "";
}

// What the page says about itself, outside the body text.
struct PageMetadata {
  std::map<std::string, std::string> meta;  // lower-cased property/name/itemprop -> content
  std::string canonical;
  std::string title_element;
  std::string article_h1;  // first <h1> inside <article>/<main>
  std::string first_h1;
  std::string time_datetime;
  std::string json_ld_date;

  std::string Meta(const char* key) const {
    auto it = meta.find(key);
    return it == meta.end() ? "" : it->second;
  }
};

bool InsideArticle(const xmlNode* node) {
  for (const xmlNode* up = node->parent; up != nullptr; up = up->parent) {
    std::string_view name = ElementName(up);
    if (name == "article" || name == "main") return true;
  }
  return false;
}

PageMetadata CollectMetadata(xmlNode* root) {
  PageMetadata page;
  ForEachElement(root, [&](xmlNode* node) {
    std::string_view name = ElementName(node);
    // <meta> and microdata such as <time itemprop="datePublished" datetime="...">.
    if (name == "meta" || !Attribute(node, "itemprop").empty()) {
      std::string content = Attribute(node, "content");
      if (content.empty()) content = Attribute(node, "datetime");
      for (const char* attr : {"property", "name", "itemprop"}) {
        std::string key = AsciiLower(Trim(Attribute(node, attr)));
        if (!key.empty() && !content.empty()) page.meta.emplace(key, content);
      }
    }
    if (name == "link") {
      if (page.canonical.empty() && AsciiLower(Attribute(node, "rel")) == "canonical") {
        page.canonical = std::string(Trim(Attribute(node, "href")));
      }
    } else if (name == "title") {
      if (page.title_element.empty()) page.title_element = NodeText(node);
    } else if (name == "h1") {
      std::string text = NodeText(node);
      if (page.first_h1.empty()) page.first_h1 = text;
      if (page.article_h1.empty() && InsideArticle(node)) page.article_h1 = text;
    } else if (name == "time") {
      if (page.time_datetime.empty()) page.time_datetime = Attribute(node, "datetime");
    } else if (name == "script") {
      if (page.json_ld_date.empty() &&
          AsciiLower(Attribute(node, "type")) == "application/ld+json") {
        xmlChar* raw = xmlNodeGetContent(node);
        if (raw != nullptr) {
          rapidjson::Document json;
          json.Parse(reinterpret_cast<const char*>(raw));
          if (!json.HasParseError()) page.json_ld_date = FindJsonLdDate(json, 0);
          xmlFree(raw);
        }
      }
    }
  });
  return page;
}

std::string PageDate(const PageMetadata& page) {
  for (const char* key :
       {"article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date",
        "dc.date", "dcterms.date", "dcterms.created", "og:published_time"}) {
    std::string date = IsoDatePrefix(page.Meta(key));
    if (!date.empty()) return date;
  }
  if (!page.json_ld_date.empty()) return page.json_ld_date;
  return IsoDatePrefix(page.time_datetime);
}

// <title> often reads "Headline | Site" or "Headline - Site"; drop the site name
// when og:site_name tells us what it is.
std::string StripSiteName(std::string title, std::string_view site) {
  if (site.empty()) return title;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    std::string suffix = std::string(sep) + std::string(site);
    if (title.size() > suffix.size() &&
        title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0) {
      title.resize(title.size() - suffix.size());
      return title;
    }
  }
  return title;
}

}  // namespace

void ReadHtml(std::string_view bytes, std::string_view source, const ReadOptions& options,
              const DocumentCallback& on_document, RejectSink* rejects) {
  std::string_view content = StripBom(bytes);
  const bool has_bom = content.size() != bytes.size();
  std::string charset = has_bom ? "utf-8" : DeclaredCharset(content);
  const bool utf8 = IsUtf8Label(charset);
  if (!CheckDocumentBytes(content, bytes.size() - content.size(), /*check_utf8=*/utf8, source,
                          rejects)) {
    return;
  }
  // Name the encoding explicitly: libxml2 would otherwise guess, and its guess for
  // undeclared pages is Latin-1, which garbles UTF-8 text.
  std::string encoding = utf8 ? "UTF-8" : EncodingFor(charset);
  if (!EncodingKnown(encoding)) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kUnsupported,
                                  "charset \"" + charset +
                                      "\" is not supported, expected UTF-8 "
                                      "or a charset iconv knows",
                                  content));
    return;
  }
  if (content.size() > static_cast<size_t>(INT_MAX)) {  // libxml2 takes an int length
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kUnsupported,
                                  "page is larger than 2 GiB, expected a single article", content));
    return;
  }
  xmlInitParser();
  LibxmlErrorCapture errors;
  std::unique_ptr<xmlDoc, DocFree> dom(htmlReadMemory(
      content.data(), static_cast<int>(content.size()), nullptr, encoding.c_str(),
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (errors.encoding_error()) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kInvalidUtf8,
                                  "bytes not valid in the declared charset \"" + charset +
                                      "\", expected text in that charset",
                                  content));
    return;
  }
  xmlNode* root = dom ? xmlDocGetRootElement(dom.get()) : nullptr;
  if (root == nullptr) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kNoText,
                                  "no HTML element could be parsed, expected an HTML page",
                                  content));
    return;
  }

  PageMetadata page = CollectMetadata(root);
  Document doc;
  doc.id = std::string(source);
  doc.source = std::string(source);
  doc.format = "html";
  doc.publisher = CollapseWhitespace(page.Meta("og:site_name"));
  doc.title = CollapseWhitespace(page.Meta("og:title"));
  if (doc.title.empty()) doc.title = page.article_h1;
  if (doc.title.empty()) doc.title = page.first_h1;
  if (doc.title.empty()) doc.title = StripSiteName(page.title_element, doc.publisher);
  doc.date = PageDate(page);
  doc.url = std::string(Trim(page.Meta("og:url")));
  if (doc.url.empty()) doc.url = page.canonical;

  std::vector<std::string> paragraphs = RemoveBoilerplate(ArticleExtractor(root).Paragraphs());
  // The headline belongs in the title, not as the first paragraph of the body.
  if (!paragraphs.empty() &&
      (paragraphs.front() == doc.title || paragraphs.front() == page.article_h1 ||
       paragraphs.front() == page.first_h1)) {
    paragraphs.erase(paragraphs.begin());
  }
  if (paragraphs.empty()) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kNoText,
                                  "no article text left after removing markup and page "
                                  "furniture, expected paragraphs of text",
                                  content));
    return;
  }
  doc.text = JoinParagraphs(paragraphs);
  FinishDocument(options, &doc);
  on_document(std::move(doc));
}

}  // namespace polgraph::ingest
