// Archive scale (issue 6) end to end: the result does not depend on -j, two
// processes share a store safely, and the limits reject instead of hanging.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "cli/progress.h"
#include "run.h"
#include "store/store.h"

namespace polgraph::testing_cli {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// `count` JSONL articles, each with a relation or two between a few actors, in a
// fixed pseudo-random order; every fifth one also names a per-record person, so
// the graph keeps growing.
std::string Corpus(int count, int first_id = 0) {
  const char* people[] = {"Ilse Varga", "Tomas Brandt", "Karin Holm", "Petra Lindqvist",
                          "Jonas Ek"};
  const char* countries[] = {"Canada", "Japan", "Peru", "Chile", "Belarus", "Norway"};
  const char* verbs[] = {"met", "criticised", "visited", "praised"};
  std::string out;
  uint32_t state = 12345;
  const auto next = [&](uint32_t n) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % n;
  };
  for (int i = first_id; i < first_id + count; ++i) {
    std::string text = std::string(people[next(5)]) + " " + verbs[next(4)] + " " +
                       (next(2) ? people[next(5)] : countries[next(6)]) + " on Monday.";
    if (i % 5 == 0) {
      text += " Minister Alde Runn" + std::to_string(i) + " accused " + countries[next(6)] +
              " of spying.";
    }
    out += "{\"id\": \"r" + std::to_string(i) + "\", \"date\": \"2021-03-" +
           std::to_string(10 + i % 19) + "\", \"title\": \"Story " + std::to_string(i) +
           "\", \"text\": \"" + text + "\"}\n";
  }
  return out;
}

// The reject lines of a run's stderr, in order (the summary has timings).
std::string RejectLines(const std::string& err) {
  std::string out;
  for (const std::string& line : Lines(err)) {
    if (line.rfind("polgraph: ", 0) == 0) out += line + "\n";
  }
  return out;
}

TEST(CliJobs, ResultAndRejectsDoNotDependOnTheNumberOfThreads) {
  const std::string in = ScratchDir("in");
  WriteFile(in + "/a_feed.jsonl", Corpus(150) + "{\"id\": \"cut\", \"text\": \"Ilse\n" +
                                      "{\"id\": \"nodate\", \"date\": \"31/31/2020\", \"text\": "
                                      "\"Karin Holm met Jonas Ek.\"}\n" +
                                      Corpus(40, 150));
  WriteFile(in + "/b.txt", "Talks\n\nIlse Varga met Tomas Brandt in Oslo.\n");
  WriteFile(in + "/c.html",
            "<html><body><article><p>Karin Holm visited Peru.</p></article></body></html>");
  WriteFile(in + "/d.txt", "");
  std::string first_err;
  std::string first_dir;
  for (const char* jobs : {"1", "3", "2"}) {
    const std::string out = ScratchDir(std::string("out") + jobs);
    RunResult r = RunPolgraph("build -j " + std::string(jobs) + " --batch-size 7 '" + in +
                              "' -o '" + out + "'");
    ASSERT_EQ(r.exit_code, 3) << r.err;  // the cut line, the bad date, the empty file
    if (first_dir.empty()) {
      first_dir = out;
      first_err = RejectLines(r.err);
      EXPECT_NE(first_err.find("a_feed.jsonl:151"), std::string::npos) << first_err;
      continue;
    }
    EXPECT_EQ(RejectLines(r.err), first_err) << "-j " << jobs;
    for (const char* file :
         {"graph.graphml", "graph.gexf", "graph.jsonld", "graph.nodes.csv", "graph.edges.csv"}) {
      const std::string a = ReadFile(first_dir + "/" + file);
      EXPECT_FALSE(a.empty()) << file;
      EXPECT_TRUE(a == ReadFile(out + "/" + file)) << file << " differs with -j " << jobs;
    }
  }
}

TEST(CliJobs, ReingestingWithMoreThreadsAddsNothing) {
  const std::string in = ScratchDir("in");
  WriteFile(in + "/feed.jsonl", Corpus(60));
  const std::string db = ScratchDir("db") + "/p.db";
  RunResult first = RunPolgraph("ingest -j 1 --db '" + db + "' '" + in + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  RunResult again = RunPolgraph("ingest -j 4 --db '" + db + "' '" + in + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 stored, 60 already stored"), std::string::npos) << again.err;
}

TEST(CliLimits, EachLimitIsARejectNamingTheInput) {
  const std::string in = ScratchDir("in");
  WriteFile(in + "/big.txt", std::string(800, 'a') + " Ilse Varga met Tomas Brandt.\n");
  std::string run_on = "Karin Holm met Jonas Ek";
  for (int i = 0; i < 40; ++i) run_on += " and Jonas Ek";
  WriteFile(in + "/long.txt", run_on + ".\n\nIlse Varga visited Peru.\n");
  WriteFile(in + "/crowd.txt",
            "Ilse Varga met Tomas Brandt. Karin Holm met Petra Lindqvist. Jonas Ek met Alde "
            "Runn. Canada criticised Peru.\n");
  RunResult r = RunPolgraph(
      "ingest --max-document-bytes 700 --max-sentence-tokens 30 "
      "--max-entities 6 --db '" +
      ScratchDir("db") + "/p.db' '" + in + "'");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::string rejects = RejectLines(r.err);
  EXPECT_NE(rejects.find(in + "/big.txt: too_large: document is 830 bytes"), std::string::npos)
      << rejects;
  EXPECT_NE(rejects.find(in + "/long.txt: too_large: sentence 0"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find(in + "/crowd.txt: too_large: 8 distinct actor names"), std::string::npos)
      << rejects;
  // Only the long file is stored, with the relation of its second sentence.
  EXPECT_NE(r.err.find("1 stored, 0 already stored, 3 rejected, 1 relations"), std::string::npos)
      << r.err;
}

// Hostile article text end to end: every `extract` line is strict UTF-8 JSON and
// the exports of `build` validate.
TEST(CliHostileText, ExtractLinesAndBuildExportsStayValid) {
  std::string long_line;
  while (long_line.size() < (1 << 20)) long_line += "Ilse Varga met Tomas Brandt and ";
  const std::string in = ScratchDir("in");
  WriteFile(in + "/feed.jsonl",
            "{\"id\": \"markup\", \"text\": \"<b>Ilse Varga</b> met Tomas Brandt & Co ]]> "
            "\\\"quoted\\\" <script>x</script>.\"}\n"
            "{\"id\": \"rtl\", \"text\": \"\xE2\x80\x8FKarin Holm\xE2\x80\xAE visited Peru "
            "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.\"}\n"
            "{\"id\": \"surrogate\", \"text\": \"Jonas Ek \\ud83d met Ilse Varga \\udc00.\"}\n"
            "{\"id\": \"bell\", \"text\": \"Ilse Varga \\u0007criticised Chile\\u001b.\"}\n"
            "{\"id\": \"long\", \"text\": \"" +
                long_line + "\"}\n");
  RunResult r = RunPolgraph("extract '" + in + "'");
  EXPECT_EQ(r.exit_code, 3) << r.err;  // the long line's sentence is over the limit
  EXPECT_NE(r.err.find("too_large"), std::string::npos) << r.err;
  size_t lines = 0;
  for (const std::string& line : Lines(r.out)) {
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(line.c_str());
    EXPECT_FALSE(d.HasParseError()) << line.substr(0, 200);
    ++lines;
  }
  EXPECT_GE(lines, 1u) << r.out;
  EXPECT_NE(r.err.find("5 documents read, 1 rejected"), std::string::npos) << r.err;

  const std::string out = ScratchDir("out");
  RunResult b = RunPolgraph("build '" + in + "' -o '" + out + "'");
  EXPECT_EQ(b.exit_code, 3) << b.err;
  const std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared not found: exports not validated";
  const std::string validate = shared + "/data/schemas/validate.sh";
  const std::string cmd =
      "'" + validate + "' '" + out + "/graph.graphml' '" + out + "/graph.gexf' >/dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const std::string py =
      "/usr/bin/python3 -c \"import csv,json,sys; json.load(open(sys.argv[1]));"
      " [list(csv.reader(open(p, newline=''), strict=True)) for p in "
      "sys.argv[2:]]\" '" +
      out + "/graph.jsonld' '" + out + "/graph.nodes.csv' '" + out + "/graph.edges.csv'";
  EXPECT_EQ(std::system(py.c_str()), 0) << py;
}

TEST(CliProgress, LineShowsDocumentsRatePercentAndTimeLeft) {
  EXPECT_EQ(cli::RunProgress::Line("ingest", 1200, 5000000, 20000000, 2.0),
            "ingest: 1200 documents, 2.5 MB/s, 25%, ETA 0:06");
  EXPECT_EQ(cli::RunProgress::Line("ingest", 7, 1000000, 0, 1.0), "ingest: 7 documents, 1.0 MB/s");
}

// On a terminal (a pseudo-terminal from script(1)) the bar is drawn; into a file or
// a pipe, stderr gets only the summary.
TEST(CliProgress, DrawnOnATerminalOnly) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script missing";
  const std::string in = ScratchDir("in");
  WriteFile(in + "/feed.jsonl", Corpus(12000));
  RunResult plain = RunPolgraph("ingest -j 1 --db '" + ScratchDir("a") + "/p.db' '" + in + "'");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.err.find('\r'), std::string::npos);
  EXPECT_EQ(plain.err.find("ETA"), std::string::npos);
  const char* bin = std::getenv("POLGRAPH_BIN");
  const std::string binary = bin && *bin ? bin : POLGRAPH_DEFAULT_BIN;
  const std::string log = ScratchDir("tty") + "/typescript";
  const std::string cmd = "script -qec \"'" + binary + "' ingest -j 1 --db '" + ScratchDir("b") +
                          "/p.db' '" + in + "'\" '" + log + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const std::string shown = ReadFile(log);
  EXPECT_NE(shown.find("\ringest: "), std::string::npos) << shown.substr(0, 400);
  EXPECT_NE(shown.find("MB/s"), std::string::npos) << shown.substr(0, 400);
  EXPECT_NE(shown.find("ETA"), std::string::npos) << shown.substr(0, 400);
}

// Starts `polgraph <args>` in the background; its exit code lands in `rc_file`.
pid_t StartPolgraph(const std::string& args, const std::string& dir) {
  const char* bin = std::getenv("POLGRAPH_BIN");
  const std::string binary = bin && *bin ? bin : POLGRAPH_DEFAULT_BIN;
  const std::string cmd = "('" + binary + "' " + args + " >'" + dir + "/out' 2>'" + dir +
                          "/err'; echo $? >'" + dir + "/rc') & echo $! >'" + dir + "/pid'";
  if (std::system(cmd.c_str()) != 0) return -1;
  return static_cast<pid_t>(std::stol(ReadFile(dir + "/pid")));
}

bool Finished(const std::string& dir) { return std::filesystem::exists(dir + "/rc"); }

void WaitFor(const std::string& dir) {
  for (int i = 0; i < 3000 && !Finished(dir); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int ExitCode(const std::string& dir) {
  std::string rc = ReadFile(dir + "/rc");
  return rc.empty() ? -1 : std::stoi(rc);
}

// A reader during an ingest: always a consistent store, made of whole batches.
TEST(CliConcurrency, ReadersDuringAnIngestSeeWholeBatchesAndNeverFail) {
  const std::string in = ScratchDir("in");
  const int kDocs = 3000, kBatch = 100;
  WriteFile(in + "/feed.jsonl", Corpus(kDocs));
  const std::string work = ScratchDir("work");
  const std::string db = work + "/p.db";
  const std::string job = ScratchDir("ingest");
  ASSERT_GT(StartPolgraph("ingest -j 2 --batch-size " + std::to_string(kBatch) + " --db '" + db +
                              "' '" + in + "'",
                          job),
            0);
  int reads = 0, exports = 0;
  std::set<int64_t> seen;
  while (!Finished(job)) {
    if (!std::filesystem::exists(db)) continue;
    auto store = store::Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto counts = store.value()->Counts();
    ASSERT_TRUE(counts.ok()) << counts.status().message();
    EXPECT_EQ(counts->documents % kBatch, 0) << counts->documents << " documents";
    seen.insert(counts->documents);
    ++reads;
    if (reads % 5 == 0) {
      RunResult r =
          RunPolgraph("export --db '" + db + "' --format graphml -o '" + work + "/g.graphml'");
      EXPECT_EQ(r.exit_code, 0) << r.err;
      ++exports;
    }
  }
  EXPECT_EQ(ExitCode(job), 0) << ReadFile(job + "/err");
  auto store = store::Store::Open(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store.value()->Counts()->documents, kDocs);
  std::cerr << reads << " reads and " << exports << " exports during the ingest saw " << seen.size()
            << " different document counts\n";
}

// Two ingests of the same input at once: each either waits its turn or says that
// the store is busy; nothing is stored twice and the file stays sound.
TEST(CliConcurrency, SecondIngestWaitsOrSaysTheStoreIsBusy) {
  const std::string in = ScratchDir("in");
  const int kDocs = 2000;
  WriteFile(in + "/feed.jsonl", Corpus(kDocs));
  const std::string db = ScratchDir("work") + "/p.db";
  const std::string one = ScratchDir("one"), two = ScratchDir("two");
  const std::string args = "ingest -j 1 --batch-size 50 --db '" + db + "' '" + in + "'";
  ASSERT_GT(StartPolgraph(args, one), 0);
  ASSERT_GT(StartPolgraph(args, two), 0);
  WaitFor(one);
  WaitFor(two);
  for (const std::string& dir : {one, two}) {
    const int rc = ExitCode(dir);
    const std::string err = ReadFile(dir + "/err");
    EXPECT_TRUE(rc == 0 || (rc == 1 && err.find("the store is busy") != std::string::npos))
        << rc << ": " << err;
  }
  auto store = store::Store::Open(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store.value()->Counts()->documents, kDocs);
  RunResult check = RunPolgraph("query --db '" + db + "' top --limit 1");
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

}  // namespace
}  // namespace polgraph::testing_cli
