// polgraph <command>: see --help.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"polgraph: news articles in, a knowledge graph of political actors out"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
