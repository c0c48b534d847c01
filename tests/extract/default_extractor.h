// The default extractor, loaded once per test binary, and a way to run it on a
// text written for a test.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "extract/extractor.h"

namespace polgraph::extract::testing_util {

inline const Extractor& DefaultExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    auto loaded = LoadDefaultExtractor({});
    if (!loaded.ok()) {
      std::cerr << "cannot load the default extractor: " << loaded.status().message() << "\n";
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return *extractor;
}

// Extracts from `text` as a document with this id and date.
inline Extraction ExtractText(const std::string& text, const std::string& date,
                              const std::string& id = "test-doc") {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.date = date;
  Extraction ex;
  RejectList rejects;
  EXPECT_TRUE(DefaultExtractor().Extract(doc, &ex, &rejects).ok());
  return ex;
}

}  // namespace polgraph::extract::testing_util
