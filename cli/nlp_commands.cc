// `polgraph train tagger|parser`, `polgraph parse`, `polgraph eval-parser`: train
// the models shipped in models/, show what the parser makes of raw text, and score
// it against a gold treebank the way the CoNLL 2018 evaluation script does.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/parser.h"
#include "extract/nlp/pipeline.h"
#include "extract/nlp/tagger.h"

namespace polgraph::cli {
namespace {

using extract::nlp::AnalyzedSentence;
using extract::nlp::AnalyzedWord;
using extract::nlp::ConlluSentence;
using extract::nlp::ConlluWord;
using extract::nlp::NlpPipeline;
using extract::nlp::Parser;
using extract::nlp::ParserTrainOptions;
using extract::nlp::PosTag;
using extract::nlp::Tagger;
using extract::nlp::TaggerTrainOptions;

Result<std::vector<ConlluSentence>> ReadTreebank(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  return extract::nlp::ReadConllu(in, path);
}

int Fail(const Status& status) {
  std::cerr << "polgraph: " << status.message() << "\n";
  return kExitFailed;
}

std::vector<std::string_view> Forms(const ConlluSentence& s) {
  std::vector<std::string_view> forms;
  forms.reserve(s.words.size());
  for (const ConlluWord& w : s.words) forms.push_back(w.form);
  return forms;
}

struct TrainArgs {
  std::string train, dev, out;
  int epochs = 0;
  uint64_t seed = 1;
  int jackknife = 10;
  int tagger_epochs = TaggerTrainOptions().epochs;
  int threads = 2;
  std::string clusters;
  std::string gazetteer;  // tagger only: word<TAB>classes lines
  std::string save_tagged;
  bool tagger_clusters_flag = false;
  std::vector<std::pair<std::string, std::string>> tagger_clusters;  // for the fold taggers
};

// Reads a word-cluster file as tools/brown_clusters writes it: lines of
// "bits<TAB>word<TAB>count".
Status ReadClusters(const std::string& path,
                    std::vector<std::pair<std::string, std::string>>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": \"" +
                                     line.substr(0, 80) + "\", expected bits<TAB>word<TAB>count");
    }
    out->emplace_back(line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(0, tab1));
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return Status::Ok();
}

// Reads a gazetteer as tools/make_gazetteer.py writes it: lines of
// "word<TAB>classes"; lines starting with # are comments.
Status ReadGazetteer(const std::string& path,
                     std::vector<std::pair<std::string, std::string>>* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": \"" +
                                     line.substr(0, 80) + "\", expected word<TAB>classes");
    }
    out->emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return Status::Ok();
}

void AddTrainFlags(CLI::App* cmd, TrainArgs* a) {
  cmd->add_option("--train", a->train, "training treebank (CoNLL-U)")->required();
  cmd->add_option("--dev", a->dev,
                  "development treebank (CoNLL-U): per-epoch scores, and the "
                  "epoch kept is the best on it");
  cmd->add_option("-o,--output", a->out, "model file to write")->required();
  cmd->add_option("--epochs", a->epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", a->seed,
                  "shuffling (and the parser's exploration); the same seed gives the "
                  "same model")
      ->capture_default_str();
}

// Replaces the gold tags of `train` by tags predicted by taggers that did not see
// them (k-fold jackknifing), and those of `dev` by the fold taggers in turn, so
// the parser learns from tags as noisy as the ones it will be given.
Status Jackknife(const TrainArgs& a, std::vector<ConlluSentence>* train,
                 std::vector<ConlluSentence>* dev) {
  const int k = a.jackknife;
  std::vector<std::unique_ptr<Tagger>> taggers(k);
  std::vector<Status> errors(k);
  std::atomic<int> next{0};
  const auto work = [&] {
    for (int fold = next++; fold < k; fold = next++) {
      std::vector<ConlluSentence> part;
      for (size_t i = 0; i < train->size(); ++i) {
        if (static_cast<int>(i % k) != fold) part.push_back((*train)[i]);
      }
      TaggerTrainOptions options;
      options.epochs = a.tagger_epochs;
      options.seed = a.seed + fold;
      options.clusters = a.tagger_clusters;
      Result<std::unique_ptr<Tagger>> tagger = Tagger::Train(part, {}, options, nullptr);
      if (!tagger.ok()) {
        errors[fold] = tagger.status();
        continue;
      }
      taggers[fold] = std::move(tagger).value();
      std::cerr << "jackknife: tagger " << fold + 1 << " of " << k << " trained\n";
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, std::min(a.threads, k)); ++t) pool.emplace_back(work);
  for (std::thread& t : pool) t.join();
  for (const Status& s : errors) {
    if (!s.ok()) return s;
  }
  const auto retag = [](const Tagger& tagger, ConlluSentence* s) {
    std::vector<PosTag> tags = tagger.Tag(Forms(*s));
    for (size_t i = 0; i < tags.size(); ++i) {
      s->words[i].upos = tags[i].upos;
      s->words[i].xpos = tags[i].xpos;
    }
  };
  size_t same = 0, words = 0;
  for (size_t i = 0; i < train->size(); ++i) {
    ConlluSentence& s = (*train)[i];
    std::vector<std::string> gold;
    for (const ConlluWord& w : s.words) gold.push_back(w.upos);
    retag(*taggers[i % k], &s);
    for (size_t j = 0; j < gold.size(); ++j) same += gold[j] == s.words[j].upos;
    words += gold.size();
  }
  for (size_t i = 0; i < dev->size(); ++i) retag(*taggers[i % k], &(*dev)[i]);
  char line[100];
  std::snprintf(line, sizeof line, "jackknife: %.2f%% of training UPOS tags right\n",
                words ? 100.0 * same / words : 0.0);
  std::cerr << line;
  return Status::Ok();
}

int RunTrain(const TrainArgs& a, bool parser) {
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<ConlluSentence>> train = ReadTreebank(a.train);
  if (!train.ok()) return Fail(train.status());
  std::vector<ConlluSentence> dev;
  if (!a.dev.empty()) {
    Result<std::vector<ConlluSentence>> d = ReadTreebank(a.dev);
    if (!d.ok()) return Fail(d.status());
    dev = std::move(d).value();
  }
  std::vector<std::pair<std::string, std::string>> clusters;
  if (!a.clusters.empty()) {
    Status s = ReadClusters(a.clusters, &clusters);
    if (!s.ok()) return Fail(s);
  }
  Status saved;
  if (parser) {
    if (a.jackknife > 1) {
      TrainArgs fold_args = a;
      if (a.tagger_clusters_flag) fold_args.tagger_clusters = clusters;
      Status s = Jackknife(fold_args, &train.value(), &dev);
      if (!s.ok()) return Fail(s);
      if (!a.save_tagged.empty()) {
        for (auto [suffix, sentences] :
             {std::pair{".train.conllu", &train.value()}, std::pair{".dev.conllu", &dev}}) {
          std::ofstream out(a.save_tagged + suffix);
          for (const ConlluSentence& sentence : *sentences)
            extract::nlp::WriteConllu(sentence, out);
          if (!out) return Fail(Status::IoError(a.save_tagged + suffix + ": write error"));
        }
      }
    }
    ParserTrainOptions options;
    options.epochs = a.epochs;
    options.seed = a.seed;
    options.clusters = std::move(clusters);
    Result<std::unique_ptr<Parser>> model = Parser::Train(train.value(), dev, options, &std::cerr);
    if (!model.ok()) return Fail(model.status());
    saved = model.value()->Save(a.out);
  } else {
    TaggerTrainOptions options;
    options.epochs = a.epochs;
    options.seed = a.seed;
    if (!a.gazetteer.empty()) {
      Status s = ReadGazetteer(a.gazetteer, &options.gazetteer);
      if (!s.ok()) return Fail(s);
    }
    options.clusters = std::move(clusters);
    Result<std::unique_ptr<Tagger>> model = Tagger::Train(train.value(), dev, options, &std::cerr);
    if (!model.ok()) return Fail(model.status());
    saved = model.value()->Save(a.out);
  }
  if (!saved.ok()) return Fail(saved);
  std::cerr << "wrote " << a.out << " in " << static_cast<int>(SecondsSince(start)) << " s\n";
  return kExitOk;
}

Result<std::unique_ptr<NlpPipeline>> LoadPipeline(const std::string& dir) {
  std::string models = dir.empty() ? extract::nlp::DefaultModelsDir() : dir;
  if (models.empty()) {
    return Status::NotFound(
        "no models directory with tagger.pgm and parser.pgm found; pass --models DIR");
  }
  return NlpPipeline::Load(models);
}

int RunParse(const std::string& path, const std::string& models_dir) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(Status::IoError(path + ": cannot open: " + std::strerror(errno)));
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return Fail(Status::IoError(path + ": read error"));
  }
  Result<std::unique_ptr<NlpPipeline>> nlp = LoadPipeline(models_dir);
  if (!nlp.ok()) return Fail(nlp.status());
  std::ostringstream out;
  for (const AnalyzedSentence& s : nlp.value()->Analyze(text)) {
    extract::nlp::WriteConllu(extract::nlp::ToConllu(s, text), out);
  }
  std::cout << out.str() << std::flush;
  return kExitOk;
}

struct EvalArgs {
  std::string gold, models, doc_prefix;
  bool gold_tags = false;
};

// Scores like the CoNLL 2018 script on gold tokenization: every word counts,
// punctuation included; LAS compares the universal part of the relation
// ("nmod:poss" counts as "nmod").
int RunEval(const EvalArgs& a) {
  Result<std::vector<ConlluSentence>> gold = ReadTreebank(a.gold);
  if (!gold.ok()) return Fail(gold.status());
  Result<std::unique_ptr<NlpPipeline>> nlp = LoadPipeline(a.models);
  if (!nlp.ok()) return Fail(nlp.status());
  const auto universal = [](std::string_view r) { return r.substr(0, r.find(':')); };
  size_t sentences = 0, words = 0, upos = 0, xpos = 0, uas = 0, las = 0;
  bool in_doc = a.doc_prefix.empty();
  std::vector<AnalyzedWord> out;
  std::vector<extract::nlp::ParserWord> parser_words;
  for (const ConlluSentence& s : gold.value()) {
    for (const std::string& c : s.comments) {
      const std::string_view tag = " newdoc id = ";
      if (c.compare(0, tag.size(), tag) == 0) {
        in_doc = c.compare(tag.size(), a.doc_prefix.size(), a.doc_prefix) == 0;
      }
    }
    if (!in_doc) continue;
    ++sentences;
    std::vector<extract::nlp::Dependency> deps;
    if (a.gold_tags) {
      parser_words.clear();
      for (const ConlluWord& w : s.words) parser_words.push_back({w.form, "", w.upos, w.xpos});
      deps = nlp.value()->parser().Parse(parser_words);
    } else {
      nlp.value()->AnalyzeWords(Forms(s), &out);
    }
    for (size_t i = 0; i < s.words.size(); ++i) {
      const ConlluWord& g = s.words[i];
      std::string_view p_upos = a.gold_tags ? g.upos : out[i].upos;
      std::string_view p_xpos = a.gold_tags ? g.xpos : out[i].xpos;
      int head = a.gold_tags ? deps[i].head : out[i].head;
      std::string_view rel = a.gold_tags ? deps[i].deprel : out[i].deprel;
      ++words;
      upos += p_upos == g.upos;
      xpos += p_xpos == g.xpos;
      if (head == g.head) {
        ++uas;
        las += universal(rel) == universal(g.deprel);
      }
    }
  }
  if (words == 0) {
    std::cerr << "polgraph: " << a.gold << ": no words"
              << (a.doc_prefix.empty() ? "" : " in documents starting with " + a.doc_prefix)
              << "\n";
    return kExitFailed;
  }
  const auto pct = [&](size_t x) { return 100.0 * static_cast<double>(x) / words; };
  char buf[300];
  std::snprintf(buf, sizeof buf,
                "sentences\t%zu\nwords\t%zu\nUPOS\t%.2f\nXPOS\t%.2f\nUAS\t%.2f\nLAS\t%.2f\n",
                sentences, words, pct(upos), pct(xpos), pct(uas), pct(las));
  std::cout << buf;
  return kExitOk;
}

}  // namespace

void AddNlpCommands(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "train the POS tagger or the dependency parser");
  train->require_subcommand(1);

  auto tagger_args = std::make_shared<TrainArgs>();
  tagger_args->epochs = TaggerTrainOptions().epochs;
  CLI::App* tagger = train->add_subcommand("tagger", "train the POS tagger (UPOS and XPOS)");
  AddTrainFlags(tagger, tagger_args.get());
  tagger->add_option("--clusters", tagger_args->clusters,
                     "word clusters (bits<TAB>word<TAB>count, from tools/brown_clusters) "
                     "for cluster features; saved in the model");
  tagger->add_option("--gazetteer", tagger_args->gazetteer,
                     "word classes (word<TAB>classes, from tools/make_gazetteer.py) for "
                     "gazetteer features, as the name tagger uses; saved in the model");
  tagger->callback([tagger_args, exit_code] { *exit_code = RunTrain(*tagger_args, false); });

  auto parser_args = std::make_shared<TrainArgs>();
  parser_args->epochs = ParserTrainOptions().epochs;
  CLI::App* parser = train->add_subcommand("parser", "train the dependency parser");
  AddTrainFlags(parser, parser_args.get());
  parser
      ->add_option("--jackknife", parser_args->jackknife,
                   "train on tags predicted by K taggers, each trained on the other folds "
                   "(0 or 1: train on the gold tags)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  parser->add_option("--tagger-epochs", parser_args->tagger_epochs, "epochs of each fold tagger")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  parser->add_option("--threads", parser_args->threads, "fold taggers trained at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  parser->add_option("--clusters", parser_args->clusters,
                     "word clusters (bits<TAB>word<TAB>count, from tools/brown_clusters) "
                     "for cluster features; saved in the model");
  parser->add_option("--save-tagged", parser_args->save_tagged,
                     "also write the jackknifed treebanks to PREFIX.train.conllu and "
                     "PREFIX.dev.conllu (train on them later with --jackknife 0)");
  parser->add_flag("--tagger-clusters", parser_args->tagger_clusters_flag,
                   "give the fold taggers the --clusters too (use when tagger.pgm has them)");
  parser->callback([parser_args, exit_code] { *exit_code = RunTrain(*parser_args, true); });

  auto parse_file = std::make_shared<std::string>();
  auto parse_models = std::make_shared<std::string>();
  CLI::App* parse = app.add_subcommand("parse",
                                       "print the sentences, tags and dependency parse of raw text "
                                       "as CoNLL-U");
  parse->add_option("file", *parse_file, "text file, or - for standard input")->required();
  parse->add_option("--models", *parse_models,
                    "directory holding tagger.pgm and parser.pgm (default: $POLGRAPH_MODELS, "
                    "then the models/ the build knows)");
  parse->callback(
      [parse_file, parse_models, exit_code] { *exit_code = RunParse(*parse_file, *parse_models); });

  auto eval_args = std::make_shared<EvalArgs>();
  CLI::App* eval = app.add_subcommand(
      "eval-parser", "tag and parse a gold treebank's words and report UPOS, XPOS, UAS and LAS");
  eval->add_option("--gold", eval_args->gold, "gold treebank (CoNLL-U)")->required();
  eval->add_option("--models", eval_args->models,
                   "directory holding tagger.pgm and parser.pgm (default: as for parse)");
  eval->add_option("--doc-prefix", eval_args->doc_prefix,
                   "only documents whose \"# newdoc id\" starts with this, e.g. GUM_news");
  eval->add_flag("--gold-tags", eval_args->gold_tags,
                 "parse the gold UPOS/XPOS instead of the tagger's (scores the parser alone)");
  eval->callback([eval_args, exit_code] { *exit_code = RunEval(*eval_args); });
}

}  // namespace polgraph::cli
