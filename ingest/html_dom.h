// DOM helpers for the HTML reader: attribute access, traversal, and the extraction
// of article paragraphs with page furniture (scripts, navigation, banners, share
// bars, footers) left out. Internal to ingest/.
#pragma once

#include <libxml/tree.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace polgraph::ingest {

// Lower-case tag name of an element, "" for other nodes.
std::string_view ElementName(const xmlNode* node);

// Value of attribute `name` (entities decoded), "" when absent.
std::string Attribute(const xmlNode* node, const char* name);

// Concatenated text of `node` and its descendants, whitespace collapsed.
std::string NodeText(const xmlNode* node);

// Calls `visit` for every element under `root` (including root), in document order,
// without recursion so deeply nested pages cannot exhaust the stack.
void ForEachElement(xmlNode* root, const std::function<void(xmlNode*)>& visit);

// Extracts the article's paragraphs from a parsed page.
class ArticleExtractor {
 public:
  // `root` is the document's root element; it must outlive the extractor.
  explicit ArticleExtractor(xmlNode* root);

  // Paragraphs of the article (whitespace-collapsed, non-empty, before boilerplate
  // removal). Prefers the smallest <article>, <main>, role=main or
  // itemprop=articleBody element that holds at least half of the page's text, else
  // the whole <body>. Empty when the page has no text.
  std::vector<std::string> Paragraphs() const;

  // True when `node` is left out with its subtree: scripts, styles, forms,
  // navigation, headers/footers/asides, captions, hidden elements and elements whose
  // role, class or id marks them as menus, banners, share bars, related links,
  // comments, cookie notices or ads.
  bool IsDropped(const xmlNode* node) const;

 private:
  std::vector<std::string> Collect(xmlNode* root) const;

  xmlNode* root_;
  std::vector<xmlNode*> candidates_;  // article roots, in document order
  // Ancestors of the article roots and of <h1>: never dropped for a class or id
  // token, so `class="page has-comments"` on a wrapper cannot drop the article.
  std::vector<const xmlNode*> protected_;
};

}  // namespace polgraph::ingest
