#include "extract/resources.h"

#include <fstream>
#include <sstream>

#include "polgraph_extract_data.h"

namespace polgraph::extract {
namespace {

Result<std::string> ReadLexiconFile(const std::string& dir, const std::string& name) {
  if (dir.empty()) {
    std::string_view data = data::EmbeddedFile("lexicon/" + name);
    return std::string(data);
  }
  std::string path = dir + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open lexicon file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Status LoadGroups(std::string_view tsv, std::string_view name, GroupWords* out) {
  auto rows = ParseTsv(tsv, name, 3);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    if (r[0] == "adjective") {
      out->adjectives.insert(r[1]);
    } else if (r[0] == "noun") {
      (r[2] == "country" ? out->country_nouns : out->group_nouns).insert(r[1]);
    } else if (r[0] == "standalone") {
      out->standalone.insert(r[1]);
    } else {
      return Status::InvalidArgument(std::string(name) + ": unknown kind \"" + r[0] + "\"");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const Resources>> LoadResources(const std::string& dir,
                                                       const std::vector<std::string>& user_files) {
  auto res = std::make_shared<Resources>();
  const auto load = [&](const std::string& name) { return ReadLexiconFile(dir, name); };
  Status st;
  auto cameo = load("cameo_codes.tsv");
  if (!cameo.ok()) return cameo.status();
  if (!(st = res->verbs.AddCameo(cameo.value(), "cameo_codes.tsv")).ok()) return st;
  auto verbs = load("verbs.tsv");
  if (!verbs.ok()) return verbs.status();
  if (!(st = res->verbs.AddPatterns(verbs.value(), "verbs.tsv")).ok()) return st;
  auto nominals = load("nominal_events.tsv");
  if (!nominals.ok()) return nominals.status();
  if (!(st = res->verbs.AddNominals(nominals.value(), "nominal_events.tsv")).ok()) return st;
  auto countries = load("countries.tsv");
  if (!countries.ok()) return countries.status();
  if (!(st = res->actors.AddCountries(countries.value(), "countries.tsv")).ok()) return st;
  auto orgs = load("organizations.tsv");
  if (!orgs.ok()) return orgs.status();
  if (!(st = res->actors.AddOrganizations(orgs.value(), "organizations.tsv")).ok()) return st;
  auto places = load("places.tsv");
  if (!places.ok()) return places.status();
  if (!(st = res->actors.AddOrganizations(places.value(), "places.tsv")).ok()) return st;
  auto titles = load("titles.tsv");
  if (!titles.ok()) return titles.status();
  if (!(st = res->titles.Add(titles.value(), "titles.tsv")).ok()) return st;
  auto groups = load("groups.tsv");
  if (!groups.ok()) return groups.status();
  if (!(st = LoadGroups(groups.value(), "groups.tsv", &res->groups)).ok()) return st;
  auto names = load("first_names.tsv");
  if (!names.ok()) return names.status();
  auto name_rows = ParseTsv(names.value(), "first_names.tsv", 2);
  if (!name_rows.ok()) return name_rows.status();
  for (const auto& r : name_rows.value()) {
    res->first_names[r[0]] = r[1].empty() ? 'U' : r[1][0];
  }
  // Users' dictionaries come last: the phrase table keeps the first entry of a
  // phrase, so a user entry never shadows a built-in one of the same spelling.
  for (const std::string& path : user_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound(path + ": cannot open lexicon file");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!(st = res->actors.AddOrganizations(buf.str(), path)).ok()) return st;
  }
  return std::shared_ptr<const Resources>(std::move(res));
}

}  // namespace polgraph::extract
