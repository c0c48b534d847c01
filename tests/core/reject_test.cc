#include "core/reject.h"

#include <gtest/gtest.h>

namespace polgraph {
namespace {

TEST(Reject, FormatsSourceLineCodeAndExcerpt) {
  Reject r{"feed.jsonl",
           214,
           -1,
           "ingest",
           RejectCode::kBadField,
           "\"date\" is \"31/31/2020\", expected YYYY-MM-DD",
           "31/31/2020"};
  EXPECT_EQ(r.ToString(),
            "feed.jsonl:214: bad_field: \"date\" is \"31/31/2020\", expected YYYY-MM-DD "
            "(\"31/31/2020\")");
}

TEST(MakeExcerpt, NeverCutsUtf8AndEscapesBadBytes) {
  std::string cyrillic = "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD";  // 10 bytes
  std::string ex = MakeExcerpt(cyrillic, 5);
  EXPECT_EQ(ex, "\xD0\x9F\xD1\x83\xD1\x82...");
  EXPECT_EQ(MakeExcerpt("a\xFF"
                        "b"),
            "a\\xffb");
  EXPECT_EQ(MakeExcerpt("line\nbreak"), "line break");
}

}  // namespace
}  // namespace polgraph
