#include "ingest/html_dom.h"

#include <algorithm>
#include <unordered_set>

#include "core/text.h"

namespace polgraph::ingest {
namespace {

bool In(std::string_view name, const std::unordered_set<std::string_view>& set) {
  return set.count(name) > 0;
}

// Elements whose end (and start) breaks a paragraph; everything else is inline.
const std::unordered_set<std::string_view>& BlockTags() {
  static const std::unordered_set<std::string_view> kTags = {
      "address", "article", "aside", "blockquote", "body",    "br",       "caption", "center",
      "dd",      "details", "div",   "dl",         "dt",      "fieldset", "figure",  "footer",
      "form",    "h1",      "h2",    "h3",         "h4",      "h5",       "h6",      "header",
      "hgroup",  "hr",      "html",  "legend",     "li",      "main",     "nav",     "ol",
      "option",  "p",       "pre",   "section",    "summary", "table",    "tbody",   "td",
      "tfoot",   "th",      "thead", "title",      "tr",      "ul"};
  return kTags;
}

// Never article text: code, media, forms, and the page chrome HTML5 names itself.
// Captions are left out because scraped pages repeat them and they break sentences.
const std::unordered_set<std::string_view>& DroppedTags() {
  static const std::unordered_set<std::string_view> kTags = {
      "aside",  "audio", "button",   "canvas",   "dialog", "embed",  "figcaption",
      "footer", "form",  "head",     "header",   "iframe", "input",  "link",
      "map",    "meta",  "nav",      "noscript", "object", "script", "select",
      "style",  "svg",   "template", "textarea", "title",  "video"};
  return kTags;
}

const std::unordered_set<std::string_view>& DroppedRoles() {
  static const std::unordered_set<std::string_view> kRoles = {
      "navigation", "banner", "contentinfo", "complementary", "menu",   "menubar",
      "search",     "dialog", "alertdialog", "toolbar",       "tablist"};
  return kRoles;
}

// Class/id words that mark page furniture, matched as whole tokens ("share-bar" ->
// "share", "bar"; "relatedLinks" -> "related", "links").
const std::unordered_set<std::string_view>& DroppedTokens() {
  static const std::unordered_set<std::string_view> kTokens = {
      "ad",           "ads",         "adslot",  "advert",     "advertisement", "banner",
      "breadcrumb",   "breadcrumbs", "caption", "comment",    "comments",      "consent",
      "cookie",       "cookies",     "footer",  "gdpr",       "masthead",      "menu",
      "modal",        "nav",         "navbar",  "navigation", "newsletter",    "paywall",
      "popup",        "promo",       "related", "share",      "sharing",       "sidebar",
      "signup",       "skip",        "social",  "sponsor",    "sponsored",     "subscribe",
      "subscription", "toolbar"};
  return kTokens;
}

bool HasDroppedToken(std::string_view value) {
  std::string token;
  const auto flush = [&] {
    bool hit = !token.empty() && In(token, DroppedTokens());
    token.clear();
    return hit;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    bool lower = c >= 'a' && c <= 'z';
    bool upper = c >= 'A' && c <= 'Z';
    bool digit = c >= '0' && c <= '9';
    if (!lower && !upper && !digit) {
      if (flush()) return true;
      continue;
    }
    // camelCase boundary
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z' && flush()) return true;
    token += upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return flush();
}

bool IsHiddenStyle(std::string style) {
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  style = AsciiLower(style);
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

void Flush(std::string* paragraph, std::vector<std::string>* out) {
  std::string collapsed = CollapseWhitespace(*paragraph);
  if (!collapsed.empty()) out->push_back(std::move(collapsed));
  paragraph->clear();
}

size_t TotalSize(const std::vector<std::string>& paragraphs) {
  size_t n = 0;
  for (const std::string& p : paragraphs) n += p.size();
  return n;
}

}  // namespace

std::string_view ElementName(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string NodeText(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string out = CollapseWhitespace(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

void ForEachElement(xmlNode* root, const std::function<void(xmlNode*)>& visit) {
  xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE) visit(node);
    if (node->children != nullptr && node->type == XML_ELEMENT_NODE) {
      node = node->children;
      continue;
    }
    while (node != root && node->next == nullptr) node = node->parent;
    if (node == root) break;
    node = node->next;
  }
}

ArticleExtractor::ArticleExtractor(xmlNode* root) : root_(root) {
  std::unordered_set<const xmlNode*> protect;
  ForEachElement(root_, [&](xmlNode* node) {
    std::string_view name = ElementName(node);
    bool candidate = name == "article" || name == "main" || Attribute(node, "role") == "main" ||
                     AsciiLower(Attribute(node, "itemprop")) == "articlebody";
    if (candidate) candidates_.push_back(node);
    if (candidate || name == "h1") {
      for (const xmlNode* up = node; up != nullptr; up = up->parent) protect.insert(up);
    }
  });
  protected_.assign(protect.begin(), protect.end());
  std::sort(protected_.begin(), protected_.end());
}

bool ArticleExtractor::IsDropped(const xmlNode* node) const {
  std::string_view name = ElementName(node);
  if (name.empty()) return false;
  if (In(name, DroppedTags())) return true;
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (Attribute(node, "aria-hidden") == "true") return true;
  if (IsHiddenStyle(Attribute(node, "style"))) return true;
  if (In(AsciiLower(Attribute(node, "role")), DroppedRoles())) return true;
  if (name == "html" || name == "body" || name == "main" || name == "article") return false;
  if (std::binary_search(protected_.begin(), protected_.end(), node)) return false;
  return HasDroppedToken(Attribute(node, "class")) || HasDroppedToken(Attribute(node, "id"));
}

std::vector<std::string> ArticleExtractor::Collect(xmlNode* root) const {
  std::vector<std::string> out;
  std::string paragraph;
  const auto leave = [&](const xmlNode* node) {
    if (In(ElementName(node), BlockTags())) Flush(&paragraph, &out);
  };
  xmlNode* node = root->children;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      if (IsDropped(node)) {
        paragraph += ' ';  // "a<button>x</button>b" must not read "ab"
      } else {
        leave(node);  // a block's start breaks the paragraph too
        descend = node->children != nullptr;
      }
    } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               node->content != nullptr) {
      paragraph += reinterpret_cast<const char*>(node->content);
    }
    if (descend) {
      node = node->children;
      continue;
    }
    if (node->type == XML_ELEMENT_NODE) leave(node);
    while (node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node == root) break;
      leave(node);
    }
    if (node == nullptr || node == root) break;
    node = node->next;
  }
  Flush(&paragraph, &out);
  return out;
}

std::vector<std::string> ArticleExtractor::Paragraphs() const {
  xmlNode* body = root_;
  ForEachElement(root_, [&](xmlNode* node) {
    if (body == root_ && ElementName(node) == "body") body = node;
  });
  std::vector<std::string> page = Collect(body);
  size_t page_size = TotalSize(page);
  // The most specific article root that still holds most of the text: <main> wrapping
  // <article> wrapping itemprop=articleBody picks the innermost, while a teaser
  // <article> in a sidebar is too small to win.
  std::vector<std::string> best;
  size_t best_size = 0;
  for (xmlNode* candidate : candidates_) {
    bool inside_dropped = false;
    for (const xmlNode* up = candidate; up != nullptr; up = up->parent) {
      if (up->type == XML_ELEMENT_NODE && IsDropped(up)) inside_dropped = true;
    }
    if (inside_dropped) continue;
    std::vector<std::string> paragraphs = Collect(candidate);
    size_t size = TotalSize(paragraphs);
    if (size == 0 || size * 2 < page_size) continue;
    if (best.empty() || size < best_size) {
      best = std::move(paragraphs);
      best_size = size;
    }
  }
  return best.empty() ? page : best;
}

}  // namespace polgraph::ingest
