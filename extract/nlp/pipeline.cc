#include "extract/nlp/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "extract/nlp/lemmatizer.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"

#ifndef POLGRAPH_SOURCE_MODELS_DIR
#define POLGRAPH_SOURCE_MODELS_DIR ""
#endif

namespace polgraph::extract::nlp {
namespace {

namespace fs = std::filesystem;

bool HasModels(const fs::path& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_regular_file(dir / "tagger.pgm", ec) &&
         fs::is_regular_file(dir / "parser.pgm", ec);
}

// The directory of the running executable, or "" when /proc is not mounted.
fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

}  // namespace

std::string DefaultModelsDir() {
  if (const char* env = std::getenv("POLGRAPH_MODELS"); env != nullptr && *env != '\0') {
    if (HasModels(env)) return env;
  }
  if (fs::path exe = ExecutableDir(); !exe.empty()) {
    // build/polgraph and build/cli/polgraph both sit below the source tree.
    for (const fs::path& dir : {exe / ".." / "models", exe / ".." / ".." / "models"}) {
      if (HasModels(dir)) return dir.lexically_normal().string();
    }
  }
  if (HasModels(POLGRAPH_SOURCE_MODELS_DIR)) return POLGRAPH_SOURCE_MODELS_DIR;
  return "";
}

Result<std::unique_ptr<NlpPipeline>> NlpPipeline::Load(const std::string& models_dir) {
  const fs::path dir(models_dir);
  Result<std::unique_ptr<Tagger>> tagger = Tagger::Load((dir / "tagger.pgm").string());
  if (!tagger.ok()) return tagger.status();
  Result<std::unique_ptr<Parser>> parser = Parser::Load((dir / "parser.pgm").string());
  if (!parser.ok()) return parser.status();
  std::unique_ptr<Tagger> names;
  const fs::path names_path = dir / "ner.pgm";
  if (std::error_code ec; fs::exists(names_path, ec)) {
    Result<std::unique_ptr<Tagger>> loaded = Tagger::Load(names_path.string());
    if (!loaded.ok()) return loaded.status();
    names = std::move(loaded).value();
  }
  return std::unique_ptr<NlpPipeline>(
      new NlpPipeline(std::move(tagger).value(), std::move(parser).value(), std::move(names)));
}

void NlpPipeline::AnalyzeWords(const std::vector<std::string_view>& words,
                               std::vector<AnalyzedWord>* out) const {
  out->clear();
  if (words.empty()) return;
  const std::vector<PosTag> tags = tagger_->Tag(words);
  out->resize(words.size());
  std::vector<ParserWord> parser_words(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    AnalyzedWord& w = (*out)[i];
    // Given words have no position in a text: their spans stay empty at 0.
    w.token.text = words[i];
    w.upos = tags[i].upos;
    w.xpos = tags[i].xpos;
    w.lemma = Lemmatize(words[i], w.upos);
    parser_words[i] = ParserWord{words[i], w.lemma, w.upos, w.xpos};
  }
  const std::vector<Dependency> deps = parser_->Parse(parser_words);
  for (size_t i = 0; i < words.size() && i < deps.size(); ++i) {
    (*out)[i].head = deps[i].head;
    (*out)[i].deprel = deps[i].deprel;
  }
  if (names_ != nullptr) {
    const std::vector<PosTag> labels = names_->Tag(words);
    for (size_t i = 0; i < words.size() && i < labels.size(); ++i) (*out)[i].name = labels[i].upos;
  }
}

std::vector<AnalyzedSentence> NlpPipeline::Analyze(std::string_view text) const {
  std::vector<AnalyzedSentence> out;
  std::vector<std::string_view> words;
  for (const SentenceSpan& span : SplitSentences(text)) {
    const std::vector<Token> tokens = Tokenize(text, span.start, span.end);
    if (tokens.empty()) continue;
    words.clear();
    for (const Token& t : tokens) words.push_back(t.text);
    AnalyzedSentence sentence;
    sentence.start = span.start;
    sentence.end = span.end;
    AnalyzeWords(words, &sentence.words);
    for (size_t i = 0; i < tokens.size(); ++i) sentence.words[i].token = tokens[i];
    out.push_back(std::move(sentence));
  }
  return out;
}

ConlluSentence ToConllu(const AnalyzedSentence& sentence, std::string_view text) {
  ConlluSentence out;
  // The byte span identifies the sentence uniquely within its text; a caller
  // printing several texts may renumber.
  out.comments.push_back(" sent_id = " + std::to_string(sentence.start) + "-" +
                         std::to_string(sentence.end));
  std::string line(text.substr(std::min(sentence.start, text.size()),
                               sentence.end > sentence.start ? sentence.end - sentence.start : 0));
  // A comment is one line: newlines inside a sentence become spaces.
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  out.comments.push_back(" text = " + line);
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    const AnalyzedWord& a = sentence.words[i];
    ConlluWord w;
    w.form = std::string(a.token.text);
    w.lemma = a.lemma;
    w.upos = a.upos;
    w.xpos = a.xpos;
    w.head = a.head;
    w.deprel = a.deprel;
    // UD marks a token not followed by whitespace, also at the end of a sentence
    // that runs straight into the next one.
    const size_t end = a.token.end;
    bool space_after = true;
    if (i + 1 < sentence.words.size()) {
      space_after = sentence.words[i + 1].token.start != end;
    } else if (end < text.size()) {
      const char c = text[end];
      space_after = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
    }
    // The name tagger's label, when it names something (MISC keys sort by name).
    if (!a.name.empty() && a.name != "O") w.misc = "Name=" + a.name;
    if (!space_after) w.misc += (w.misc.empty() ? "" : "|") + std::string("SpaceAfter=No");
    out.words.push_back(std::move(w));
  }
  return out;
}

}  // namespace polgraph::extract::nlp
