#include "extractors/jurisdiction.h"
#include "extractors/text_fold.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace foiamine::extractors {
namespace {
constexpr int kHeadingLines = 3;  // a document's heading: its first non-blank lines
}  // namespace

struct Jurisdictions::Compiled {
  struct Agency {
    std::string name;  // short name, e.g. "DOC"
    std::string kind;  // police | sheriff | jail | ... (agency_kinds keys)
    std::vector<std::unique_ptr<RE2>> aliases;
  };
  struct Entry {
    std::string code, name, level, law_actor;
    std::string postal;  // "NC": the state's postal code, "" if none given
    // "Nash County, NC", "City of Salem, OR": a place named with the postal
    // code (case-sensitive), in the text or in the agency's name.
    std::unique_ptr<RE2> postal_place;
    std::map<std::string, std::vector<std::string>> actor_classes;  // lower-cased class -> kinds
    std::vector<std::unique_ptr<RE2>> citations, cues;
    std::vector<Agency> agencies;
  };
  struct Form {
    std::unique_ptr<RE2> re;
    std::string doc_kind, authority;
    int first_lines = 0;  // match only in the first N lines (a heading); 0: anywhere in the head
  };
  std::string hash;
  std::vector<Entry> entries;
  std::vector<std::pair<std::string, std::vector<std::unique_ptr<RE2>>>> agency_kinds;
  std::vector<std::unique_ptr<RE2>> local_agencies;
  std::vector<std::unique_ptr<RE2>> local_governments;  // group 1: the place a council or executive governs
  struct UnnamedLocality {
    std::string place;  // "(unnamed county)"
    int min_matches = 1;
    std::vector<std::unique_ptr<RE2>> patterns;
  };
  std::vector<UnnamedLocality> unnamed_localities;
  std::vector<Form> law_forms;
  // The law forms matched anywhere in the head (first_lines 0) in one RE2::Set (same options): one pass says which
  // of them occur. Null when it could not be built: each is then run.
  std::unique_ptr<RE2::Set> head_forms;
  std::vector<size_t> head_form_of;  // index in head_forms -> index in law_forms
  // "san joaquin county" -> index in `entries` of the one state with a county so named.
  std::unordered_map<std::string, size_t> county_state;
  // "Nevada County", "Washington County": a county named for a state, any state's name (capture: the suffix).
  std::unique_ptr<RE2> county_named_for_state;
  // Every entry's cues, postal place and citations in one RE2::Set (same
  // options): one pass over a document's text says which of them occur at
  // all, so the scoring below runs only those (most never occur in a given
  // document). Null when it could not be built: every pattern is then run.
  std::unique_ptr<RE2::Set> text_patterns;
  std::unordered_map<const RE2*, int> text_pattern_index;  // pattern -> its index in text_patterns

  // Which of text_patterns occur in `text`: present[i] (all true without the Set).
  std::vector<bool> PresentIn(std::string_view text) const {
    std::vector<bool> present(text_pattern_index.size(), text_patterns == nullptr);
    if (!text_patterns) return present;
    std::vector<int> found;
    RE2::Set::ErrorInfo error;
    if (!text_patterns->Match(re2::StringPiece(text.data(), text.size()), &found, &error) &&
        error.kind != RE2::Set::kNoError)
      present.assign(present.size(), true);  // a DFA failure proves nothing
    for (int i : found) present[static_cast<size_t>(i)] = true;
    return present;
  }

  const Entry* Find(std::string_view code) const {
    for (const auto& e : entries)
      if (e.code == code) return &e;
    return nullptr;
  }
  // The entry of `code` or of its nearest listed ancestor ("US-IL/Cook County" -> US-IL).
  const Entry* FindOrAncestor(std::string_view code) const {
    while (!code.empty()) {
      if (const Entry* e = Find(code)) return e;
      size_t slash = code.rfind('/');
      if (slash == std::string_view::npos) break;
      code = code.substr(0, slash);
    }
    return nullptr;
  }
};

namespace {

using Compiled = Jurisdictions::Compiled;
using internal::AsciiLower;

bool SameName(std::string_view a, std::string_view b) { return !a.empty() && AsciiLower(a) == AsciiLower(b); }

StatusOr<std::unique_ptr<RE2>> Compile(const std::string& pattern, const std::string& where) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) return Status::InvalidArgument(where + ": bad pattern '" + pattern + "': " + re->error());
  return re;
}

Status CompileList(const YAML::Node& node, const std::string& where, std::vector<std::unique_ptr<RE2>>& out) {
  if (!node) return Status::Ok();
  if (!node.IsSequence()) return Status::InvalidArgument(where + ": expected a list of patterns");
  for (const auto& p : node) {
    auto re = Compile(p.as<std::string>(), where);
    if (!re.ok()) return re.status();
    out.push_back(std::move(*re));
  }
  return Status::Ok();
}

Status Load(const YAML::Node& root, Compiled& out) {
  if (const YAML::Node kinds = root["agency_kinds"]) {
    for (const auto& k : kinds) {
      std::vector<std::unique_ptr<RE2>> res;
      Status s = CompileList(k.second, "agency_kinds." + k.first.as<std::string>(), res);
      if (!s.ok()) return s;
      out.agency_kinds.emplace_back(k.first.as<std::string>(), std::move(res));
    }
  }
  if (Status s = CompileList(root["local_agencies"], "local_agencies", out.local_agencies); !s.ok()) return s;
  if (Status s = CompileList(root["local_governments"], "local_governments", out.local_governments); !s.ok()) return s;
  if (const YAML::Node unnamed = root["unnamed_localities"]) {
    for (const auto& u : unnamed) {
      Compiled::UnnamedLocality locality;
      locality.place = u["place"].as<std::string>("");
      locality.min_matches = u["min_matches"].as<int>(1);
      if (locality.place.size() < 3 || locality.place.front() != '(' || locality.place.back() != ')' ||
          locality.min_matches < 1)
        return Status::InvalidArgument("unnamed_localities: a place is \"(...)\" and min_matches >= 1");
      if (Status s = CompileList(u["patterns"], "unnamed_localities." + locality.place, locality.patterns); !s.ok())
        return s;
      out.unnamed_localities.push_back(std::move(locality));
    }
  }
  if (const YAML::Node forms = root["law_forms"]) {
    for (const auto& f : forms) {
      Compiled::Form form;
      const std::string pattern = f["pattern"].as<std::string>("");
      // `at_start: true` is the heading's first lines; `first_lines: N` reaches
      // further down (a bill's caption under its printer's revision lines).
      form.first_lines = f["first_lines"].as<int>(f["at_start"].as<bool>(false) ? kHeadingLines : 0);
      if (form.first_lines < 0) return Status::InvalidArgument("law_forms: first_lines must be >= 0");
      auto re = Compile(pattern, "law_forms");
      if (!re.ok()) return re.status();
      form.re = std::move(*re);
      form.doc_kind = f["doc_kind"].as<std::string>("statute");
      form.authority = f["authority"].as<std::string>("law");
      out.law_forms.push_back(std::move(form));
    }
  }
  const YAML::Node list = root["jurisdictions"];
  if (!list || !list.IsSequence()) return Status::InvalidArgument("jurisdictions: expected a list");
  for (const auto& j : list) {
    Compiled::Entry e;
    e.code = j["code"].as<std::string>("");
    if (e.code.empty()) return Status::InvalidArgument("jurisdictions: an entry has no code");
    const std::string where = "jurisdiction " + e.code;
    e.name = j["name"].as<std::string>(e.code);
    e.level = j["level"].as<std::string>("state");
    e.law_actor = j["law_actor"].as<std::string>("");
    e.postal = j["postal"].as<std::string>("");
    if (!e.postal.empty()) {
      if (e.postal.size() != 2 || !std::isupper(static_cast<unsigned char>(e.postal[0])) ||
          !std::isupper(static_cast<unsigned char>(e.postal[1])))
        return Status::InvalidArgument(where + ": postal must be two capital letters, not '" + e.postal + "'");
      // A place, an address or (a 287(g) agreement's running header) an agency in the state: "Nash County, NC",
      // "Centennial, CO 80111", "Hamilton County Sheriff's Office, IN", "Heritage Creek PD, KY".
      auto re = Compile(R"(\b(?:(?:County|Parish|City|Town|Township|Borough|Village)\b(?:\s+(?:Sheriff'?s?|Police|Corrections|Jail|Detention)(?:\s+(?:Office|Department|Center))?)?|PD|Police\s+Department|Sheriff'?s?\s+(?:Office|Department)),?\s+(?:(?-i:[A-Z][a-z]+),\s+)?(?-i:)" + e.postal +
                            R"()\b|[a-z],\s+(?-i:)" + e.postal + R"()\s+\d{5}\b)",
                        where + " postal");
      if (!re.ok()) return re.status();
      e.postal_place = std::move(*re);
    }
    if (const YAML::Node classes = j["actor_classes"]) {
      for (const auto& c : classes) {
        std::vector<std::string> kinds;
        for (const auto& k : c.second) kinds.push_back(k.as<std::string>());
        e.actor_classes[AsciiLower(c.first.as<std::string>())] = std::move(kinds);
      }
    }
    if (Status s = CompileList(j["citations"], where + " citations", e.citations); !s.ok()) return s;
    if (Status s = CompileList(j["cues"], where + " cues", e.cues); !s.ok()) return s;
    if (const YAML::Node agencies = j["agencies"]) {
      for (const auto& a : agencies) {
        Compiled::Agency agency;
        agency.name = a.first.as<std::string>();
        agency.kind = a.second["kind"].as<std::string>("");
        Status s = CompileList(a.second["aliases"], where + " agency " + agency.name, agency.aliases);
        if (!s.ok()) return s;
        e.agencies.push_back(std::move(agency));
      }
    }
    if (const YAML::Node counties = j["counties"]) {
      for (const auto& county : counties) {
        std::string name = AsciiLower(county.as<std::string>());
        if (!name.ends_with(" parish") && !name.ends_with(" borough")) name += " county";
        out.county_state[name] = out.entries.size();
      }
    }
    out.entries.push_back(std::move(e));
  }
  RE2::Options options;  // as Compile's
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  bool ok = true;
  auto add = [&](const RE2* re) {
    if (!re || out.text_pattern_index.count(re)) return;
    const int index = set->Add(re->pattern(), nullptr);
    ok = ok && index >= 0;
    out.text_pattern_index[re] = index;
  };
  for (const auto& e : out.entries) {
    for (const auto& re : e.cues) add(re.get());
    for (const auto& re : e.citations) add(re.get());
    add(e.postal_place.get());
  }
  if (ok && set->Compile()) out.text_patterns = std::move(set);
  auto head_forms = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (size_t f = 0; f < out.law_forms.size(); ++f) {
    if (out.law_forms[f].first_lines > 0) continue;
    ok = ok && head_forms->Add(out.law_forms[f].re->pattern(), nullptr) == static_cast<int>(out.head_form_of.size());
    out.head_form_of.push_back(f);
  }
  if (ok && head_forms->Compile()) out.head_forms = std::move(head_forms);
  std::string state_names;
  for (const auto& e : out.entries)
    if (e.level == "state") state_names.append(state_names.empty() ? "" : "|").append(RE2::QuoteMeta(e.name));
  if (!state_names.empty()) {
    auto re = std::make_unique<RE2>(R"(\b(?:)" + state_names + R"()(\s+(?:County|COUNTY|Parish|PARISH)\b))");
    if (re->ok()) out.county_named_for_state = std::move(re);
  }
  return Status::Ok();
}

// "BARTLETT" (a caption set in capitals) -> "Bartlett"; "La Grange" stays.
std::string PlaceName(const std::string& place) {
  if (std::any_of(place.begin(), place.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
    return place;
  std::string out = place;
  bool start = true;
  for (char& c : out) {
    const unsigned char u = static_cast<unsigned char>(c);
    c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
    start = !std::isalpha(u) && c != '\'';
  }
  return out;
}

int CountMatches(const RE2& re, std::string_view text, int cap) {
  re2::StringPiece in(text.data(), text.size());
  int n = 0;
  while (n < cap && RE2::FindAndConsume(&in, re)) {
    ++n;
    if (in.empty()) break;
  }
  return n;
}

// The first `n` non-empty lines of `text`.
std::vector<std::string_view> FirstLines(std::string_view text, int n) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size() && static_cast<int>(lines.size()) < n) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The jurisdiction whose citation form begins one of the first lines.
const Compiled::Entry* HeadingJurisdiction(const Compiled& c, std::string_view head) {
  for (std::string_view line : FirstLines(head, kHeadingLines)) {
    re2::StringPiece in(line.data(), line.size());
    // A pattern that matches nowhere in the whole line cannot match in its first 80 bytes either: those are not run.
    const std::vector<bool> present = c.PresentIn(line);
    for (const auto& e : c.entries)
      for (const auto& re : e.citations) {
        if (c.text_patterns) {
          auto it = c.text_pattern_index.find(re.get());
          if (it != c.text_pattern_index.end() && !present[static_cast<size_t>(it->second)]) continue;
        }
        re2::StringPiece m;
        // A citation at the line's start ("(5 ILCS 805/15)", "RCW 2.28.300").
        if (re->Match(in, 0, std::min<size_t>(line.size(), 80), RE2::UNANCHORED, &m, 1) &&
            m.data() - line.data() <= 12)
          return &e;
      }
  }
  return nullptr;
}

std::string KindOfAgency(const Compiled& c, std::string_view actor) {
  for (const auto& e : c.entries)
    for (const auto& a : e.agencies)
      if (SameName(a.name, actor)) return a.kind;
  re2::StringPiece in(actor.data(), actor.size());
  for (const auto& [kind, res] : c.agency_kinds)
    for (const auto& re : res)
      if (RE2::PartialMatch(in, *re)) return kind;
  return "";
}

// Whether the actor name is one of `e`'s own agencies or classes.
bool NamesOwnActor(const Compiled::Entry& e, std::string_view actor) {
  if (e.actor_classes.count(AsciiLower(actor))) return true;
  return std::any_of(e.agencies.begin(), e.agencies.end(), [&](const auto& a) { return SameName(a.name, actor); });
}

}  // namespace

const std::string& Jurisdictions::hash() const { return compiled_->hash; }

std::vector<std::string> Jurisdictions::codes() const {
  std::vector<std::string> out;
  for (const auto& e : compiled_->entries) out.push_back(e.code);
  return out;
}

std::string Jurisdictions::Name(std::string_view code) const {
  const auto* e = compiled_->FindOrAncestor(code);
  return e ? e->name : "";
}

StatusOr<Jurisdictions> LoadJurisdictions(std::string_view yaml) {
  auto compiled = std::make_shared<Compiled>();
  compiled->hash = internal::Fnv1a64(yaml);
  try {
    Status s = Load(YAML::Load(std::string(yaml)), *compiled);
    if (!s.ok()) return s;
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("jurisdictions YAML: ") + e.what());
  }
  return Jurisdictions(std::move(compiled));
}

bool JurisdictionContains(std::string_view outer, std::string_view inner) {
  if (outer.empty() || inner.empty()) return false;
  if (outer.find("/(") != std::string_view::npos) return false;  // an unnamed place: which one is not known
  if (inner.size() < outer.size() || inner.substr(0, outer.size()) != outer) return false;
  return inner.size() == outer.size() || inner[outer.size()] == '/';
}

namespace {

// Weight per state entry of the counties only it has, named in the agency's
// name (6 each) or in the text (3 near the top, 1 anywhere; at most 3 each;
// none when the text names more than three: a list, not the document's place).
std::vector<double> CountyWeights(const Compiled& c, std::string_view top, std::string_view all,
                                  const std::string& agency) {
  std::vector<double> weights(c.entries.size(), 0);
  if (c.county_state.empty()) return weights;
  // (in capitals too, as a resolution's title sets it: "... NOTIFY THE BOARD IF MIAMI-DADE COUNTY IS ASKED ...")
  static const RE2 kCounty(R"re(((?:[A-Z][A-Za-z.'-]*\s+){1,4})(County|COUNTY|Parish|PARISH|Borough|BOROUGH)\b)re");
  // Only words up to the last such as "The", "IF" are dropped: "Ada Falls County" is not "Falls County".
  static const RE2 kLeading(R"re(^(?:.*\s)?(?i:the|in|of|at|for|from|to|by|and|with|on|a|an|this|our|if|when|that|where|whether)\s+)re");
  static const RE2 kSpaces(R"re(\s+)re");
  std::set<std::string> names;  // distinct counties named in the text
  auto add = [&](std::string_view text, double weight) {
    std::map<size_t, int> seen;  // entry -> names counted
    re2::StringPiece in(text.data(), text.size());
    std::string words, suffix;
    while (RE2::FindAndConsume(&in, kCounty, &words, &suffix)) {
      RE2::Replace(&words, kLeading, "");  // "The San Joaquin County"
      RE2::GlobalReplace(&words, kSpaces, " ");
      auto it = c.county_state.find(AsciiLower(words + suffix));
      if (it == c.county_state.end()) continue;
      if (seen[it->second]++ < 3) weights[it->second] += weight;
      names.insert(it->first);
    }
  };
  add(top, 3);  // (a county names the document's place more surely than a state it cites)
  add(all, 1);
  // Many counties (a list of sanctuary jurisdictions, a survey) place no document.
  if (names.size() > 3)
    std::fill(weights.begin(), weights.end(), 0.0);
  add(agency, 6);
  return weights;
}

// A law whose text names no state but names the government that enacts it ("Humboldt County Code, Section
// 9121-5", "BE IT ORDAINED BY THE COUNCIL OF THE CITY OF ...") or speaks as a city or county: a locality of a
// state the text does not say, "US-(state unknown)/Humboldt County"; a law that names no place and never the
// District: "US-(state unknown)". Left unplaced it would fall back to the District's law actor and bind D.C.'s
// agencies; placed so, it binds only documents of the same place.
std::string LocalLawOfUnknownState(const Compiled& c, const std::string& head) {
  constexpr std::string_view kUnknownState = "US-(state unknown)";
  const std::string_view top = std::string_view(head).substr(0, std::min<size_t>(head.size(), 1500));
  for (const auto& re : c.local_governments) {
    std::string place;
    if (RE2::PartialMatch(re2::StringPiece(top.data(), top.size()), *re, &place) && !place.empty())
      return std::string(kUnknownState) + "/" + PlaceName(place);
  }
  for (const auto& locality : c.unnamed_localities) {
    int matches = 0;
    for (const auto& re : locality.patterns) matches += CountMatches(*re, head, locality.min_matches);
    if (matches >= locality.min_matches) return std::string(kUnknownState) + "/" + locality.place;
  }
  // Nothing places it: a law that speaks of "the District" may be D.C.'s, as foiamine has read such laws since
  // D.C. came first (its actor falls back to "District"); one that never names the District is no D.C. law
  // ("2-173-020 Immigration enforcement prohibited. (a) No agent or agency shall ..." from Chicago's code).
  static const RE2 kDistrict(R"((?-i:\bDistrict\b))");
  if (RE2::PartialMatch(head, kDistrict)) return "";
  return std::string(kUnknownState);
}

}  // namespace

std::string InferJurisdiction(const Jurisdictions& j, const std::string& head, const std::string& agency, bool law) {
  const Compiled& c = j.compiled();
  const Compiled::Entry* best = HeadingJurisdiction(c, head);
  if (!best) {
    // Cues near the top weigh more; a pattern counts at most 3 times.
    constexpr size_t kTop = 600;
    // A case name ("Garrity v. New Jersey") names a party, not the place.
    static const RE2 kCaseParty(R"(\bv\.\s+(?:State\s+of\s+|Commonwealth\s+of\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)");
    std::string without_cases = head;
    RE2::GlobalReplace(&without_cases, kCaseParty, "v. _");
    // Nor does a federal office's address ("the local ICE Office of the Principal Legal Advisor ... field location at
    // 1 Federal Drive Suite 1800, Fort Snelling, MN 55111" in a Nebraska county's 287(g) agreement): its state is the
    // office's, not the document's.
    static const RE2 kFederalOfficeAddress(
        R"(((?:\bICE\b|Immigration and Customs Enforcement|Principal Legal Advisor|\bOPLA\b|Field Office|Homeland Security|Enforcement and Removal Operations|\bERO\b)[^.;]{0,200}?[a-z],\s+)[A-Z]{2}(\s+\d{5}))");
    RE2::GlobalReplace(&without_cases, kFederalOfficeAddress, "\\1__\\2");
    // A county named for a state names the county, not the state: "Nevada County" is Californian (and Arkansan),
    // "Washington County" is in thirty states, "Texas County" in Missouri and Oklahoma.
    std::string agency_cues = agency;  // ("Nevada County Sheriff's Office" is no cue for Nevada either)
    if (c.county_named_for_state) {
      RE2::GlobalReplace(&without_cases, *c.county_named_for_state, "_\\1");
      RE2::GlobalReplace(&agency_cues, *c.county_named_for_state, "_\\1");
    }
    // Nor is a court's seat: "the U.S. District Court in Portland, Oregon found ..." in a San Francisco release.
    static const RE2 kCourtSeat(R"((\b(?:[Cc]ourt|COURT)\b[^.;]{0,80}?\bin\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)");
    RE2::GlobalReplace(&without_cases, kCourtSeat, "\\1_");
    const std::string_view all(without_cases);
    const std::string_view top = all.substr(0, std::min(kTop, all.size()));
    double best_score = 0, second = 0, best_state_score = 0;
    const Compiled::Entry* best_state = nullptr;
    // A pattern absent from the text counts 0 without being run.
    const std::vector<bool> in_top = c.PresentIn(top), in_all = c.PresentIn(all);
    auto count = [&](const RE2& re, std::string_view text, const std::vector<bool>& present) {
      auto it = c.text_pattern_index.find(&re);
      if (c.text_patterns && it != c.text_pattern_index.end() && !present[static_cast<size_t>(it->second)]) return 0;
      return CountMatches(re, text, 3);
    };
    auto weigh = [&](const RE2& re) { return 2.0 * count(re, top, in_top) + count(re, all, in_all); };
    const std::vector<double> county_weight = CountyWeights(c, top, all, agency);
    for (const auto& e : c.entries) {
      const bool federal = e.level == "federal";
      double score = county_weight[static_cast<size_t>(&e - c.entries.data())];
      for (const auto& re : e.cues) score += weigh(*re);
      if (e.postal_place) score += weigh(*e.postal_place);
      // Federal law is cited by every state and local document: its citations
      // count only in a heading (above), not in the body.
      if (!federal)
        for (const auto& re : e.citations) score += weigh(*re);
      if (!agency.empty()) {
        re2::StringPiece in(agency);
        for (const auto& a : e.agencies) {
          if (SameName(a.name, agency) ||
              // (the whole name: "Alaska Department of Corrections" is not DC's Department of Corrections)
              std::any_of(a.aliases.begin(), a.aliases.end(), [&](const auto& re) { return RE2::FullMatch(in, *re); }))
            score += federal ? 2 : 6;
        }
        for (const auto& re : e.cues) score += RE2::PartialMatch(agency_cues, *re) ? 6 : 0;
        // "Nash County, NC Sheriff's Office": the agency's own name places it.
        static const RE2 kPostalInName(R"(,\s*([A-Z]{2})\b)");
        std::string postal;
        if (!e.postal.empty() && RE2::PartialMatch(in, kPostalInName, &postal) && postal == e.postal) score += 6;
      }
      // A federal agency's document must say so more than a state's names do.
      if (federal) score *= 0.75;
      if (!federal && score > best_state_score) {
        best_state_score = score;
        best_state = &e;
      }
      if (score > best_score) {
        second = best_score;
        best_score = score;
        best = &e;
      } else if (score > second) {
        second = score;
      }
    }
    // A county's or a city's agency is no federal agency, however much its
    // agreement with ICE cites federal law: its state, when the text names one.
    const bool local_agency = std::any_of(c.local_agencies.begin(), c.local_agencies.end(),
                                          [&](const auto& re) { return !agency.empty() && RE2::PartialMatch(agency, *re); });
    if (best && best->level == "federal" && local_agency && best_state_score >= 1) {
      best = best_state;
      best_score = best_state_score;
      second = 0;
    }
    if (best_score < 1 || best_score == second) return law ? LocalLawOfUnknownState(c, head) : "";
    // An agency's bare name ("the Department of Corrections") is no place where the text speaks of a state's own
    // institutions, which a federal district (level "district" in jurisdictions.yaml: D.C.) has none of: "inmates
    // serving terms in state prison", "the 1993-94 First Extraordinary Session of the Legislature" (Cal. Penal Code
    // 5025). Only the district's own words place it then.
    // ... nor where it speaks of a county's, which the district has none of either: "Rockingham County Jail could soon
    // serve as a detention site ... County commissioners voted 2-1 ..., Department of Corrections Superintendent Jason
    // Henry" (a New Hampshire story, 2025)
    static const RE2 kStateInstitutions(
        R"((?i)\bstate prisons?\b|\bthe legislature\b|\bstate legislature\b|\bgeneral assembly\b|\bcounty (?:jails?|commission(?:ers?)?|board|sheriff|delegation|detention)\b|\bsheriff'?s (?:office|department)\b|\bboard of supervisors\b)");
    if (best->level == "district" && !agency.empty() && RE2::PartialMatch(all, kStateInstitutions)) {
      double dc_text = 0;
      for (const auto& re : best->cues) dc_text += weigh(*re);
      for (const auto& re : best->citations) dc_text += weigh(*re);
      if (dc_text < 1) return law ? LocalLawOfUnknownState(c, head) : "";
    }
  }
  std::string code = best->code;
  // A local law names the government that enacts it ("BE IT ORDAINED BY THE
  // COUNCIL OF KING COUNTY") or its code ("Bellingham Municipal Code"): the place inside its state.
  if (best->level == "state" && (agency.empty() || law)) {
    const std::string_view top = std::string_view(head).substr(0, std::min<size_t>(head.size(), 1500));
    for (const auto& re : c.local_governments) {
      std::string place;
      if (RE2::PartialMatch(re2::StringPiece(top.data(), top.size()), *re, &place) && !place.empty()) {
        return code + "/" + PlaceName(place);
      }
    }
  }
  // An agency named by place: the place inside a state.
  if (best->level == "state" && !agency.empty()) {
    for (const auto& re : c.local_agencies) {
      std::string place;
      if (RE2::PartialMatch(agency, *re, &place)) {
        bool names_state = false;
        for (const auto& cue : best->cues) names_state = names_state || RE2::FullMatch(place, *cue);
        if (!place.empty() && !names_state && place.find('/') == std::string::npos) code += "/" + PlaceName(place);
        break;
      }
    }
  }
  // A law that speaks as a county or city it never names is no state law.
  if (law && best->level == "state" && code.find('/') == std::string::npos) {
    for (const auto& locality : c.unnamed_localities) {
      int matches = 0;
      for (const auto& re : locality.patterns) matches += CountMatches(*re, head, locality.min_matches);
      if (matches >= locality.min_matches) return code + "/" + locality.place;
    }
  }
  return code;
}

LawForm RecognizeLaw(const Jurisdictions& j, const std::string& head) {
  const Compiled& c = j.compiled();
  // The forms read in the whole head that occur in it: one Set pass, at the first such form. Without the Set's
  // answer (no Set, or its DFA failed) each form is run.
  std::vector<bool> in_head;
  bool asked = false;
  for (size_t f = 0; f < c.law_forms.size(); ++f) {
    const Compiled::Form& form = c.law_forms[f];
    if (form.first_lines > 0) {
      for (std::string_view line : FirstLines(head, form.first_lines))
        if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *form.re))
          return {form.doc_kind, form.authority, true};
      continue;
    }
    if (!asked && c.head_forms) {
      asked = true;
      std::vector<int> found;
      RE2::Set::ErrorInfo error;
      if (c.head_forms->Match(head, &found, &error) || error.kind == RE2::Set::kNoError) {
        in_head.assign(c.law_forms.size(), false);
        for (int i : found) in_head[c.head_form_of[static_cast<size_t>(i)]] = true;
      }
    }
    if (in_head.empty() ? RE2::PartialMatch(head, *form.re) : in_head[f]) return {form.doc_kind, form.authority};
  }
  if (HeadingJurisdiction(c, head)) {
    static const RE2 kOrdinance(R"((?i)\bordinances?\b|\bmunicipal\s+code\b|\bcounty\s+code\b)");
    const auto lines = FirstLines(head, kHeadingLines);
    const bool ordinance = std::any_of(lines.begin(), lines.end(), [](std::string_view l) {
      return RE2::PartialMatch(re2::StringPiece(l.data(), l.size()), kOrdinance);
    });
    return {ordinance ? "ordinance" : "statute", "law"};
  }
  return {};
}

void ApplyLawForm(const Jurisdictions& j, const std::string& head, std::string& kind, std::string& authority) {
  // Laws already, and records of practice, keep what they are (a text that reads as a statute may be a bill).
  static const std::set<std::string> kKeep = {"ordinance", "bill", "mayors_order", "council_record", "correspondence",
                                              "log", "transcript", "agreement"};
  if (kKeep.count(kind)) return;
  LawForm form = RecognizeLaw(j, head);
  // A page that describes practice (a FAQ, a sheriff's page headed "Senate Bill 4", a story of a 287(g) agreement)
  // stays so, unless a code's caption heads it: "§ 2.32. Parole to local or immigration detainers." (28 C.F.R. 2.32).
  if (form.doc_kind.empty() || (kind == "statute" && form.doc_kind != "bill") ||
      (authority == "practice" && !(form.caption && (form.doc_kind == "statute" || form.doc_kind == "ordinance"))))
    return;
  // An agency policy that quotes an enactment formula stays a policy: only a
  // heading citation or a formula on a document no agency heads makes law.
  if (kind == "police_order" || kind == "jail_policy") {
    const auto lines = FirstLines(head, kHeadingLines);
    static const RE2 kPolicyHead(R"((?i)\bpolicy\b|\bgeneral\s+order\b|\bdirective\b|\bprocedures?\b|\bmanual\b|\bhandbook\b)");
    // (no policy's: a code's title, "Title XXXVII CRIMINAL PROCEDURE"; a statute's item, "(1) adopt a policy", OCR: "{1}")
    static const RE2 kNotPolicyHeading(R"((?i)\b(?:criminal|civil|penal|administrative|appellate)\s+procedure\b|^\W*[({][a-z0-9]{1,4}[)}]\s)");
    if (std::any_of(lines.begin(), lines.end(), [](std::string_view l) {
          const re2::StringPiece line(l.data(), l.size());
          return RE2::PartialMatch(line, kPolicyHead) && !RE2::PartialMatch(line, kNotPolicyHeading);
        }))
      return;
  }
  kind = form.doc_kind;
  authority = form.authority;
}

ActorScope ActorScopeOf(const Jurisdictions& j, std::string_view jurisdiction) {
  ActorScope scope;
  const Compiled& c = j.compiled();
  const Compiled::Entry* own = c.FindOrAncestor(jurisdiction);
  if (!own) return scope;
  scope.law_actor = own->law_actor;
  for (const auto& e : c.entries) {
    // Federal agencies act everywhere; a jurisdiction's own names and those of what contains it apply.
    if (e.level == "federal" || JurisdictionContains(e.code, jurisdiction)) continue;
    for (const auto& a : e.agencies)
      if (!NamesOwnActor(*own, a.name)) scope.foreign_actors.insert(AsciiLower(a.name));
    for (const auto& [cls, kinds] : e.actor_classes) {
      if (own->actor_classes.count(cls)) continue;
      scope.foreign_actors.insert(cls);  // lower-cased
    }
  }
  return scope;
}

bool LawBinds(const Jurisdictions* j, std::string_view law_jurisdiction, std::string_view law_actor,
              std::string_view jurisdiction, std::string_view actor) {
  if (actor.empty()) return false;
  if (law_jurisdiction.empty() && jurisdiction.empty()) {
    // No jurisdiction known on either side: DC's rule as before jurisdictions (a law binds "the District"), but only
    // for an agency DC names: a Cook County ordinance and a Sutter County jail order, neither placed, are not one
    // government's law and practice.
    if (SameName(law_actor, actor)) return true;
    if (!SameName(law_actor, "District")) return false;
    if (!j) return true;
    const Compiled::Entry* dc = j->compiled().FindOrAncestor("DC");
    return dc && NamesOwnActor(*dc, actor);
  }
  if (law_jurisdiction.empty() || jurisdiction.empty()) {
    if (!SameName(law_actor, actor)) return false;
    // "District" is DC's default law actor, what a law placed nowhere falls back to: it names an agency only in DC
    // ("the District of Columbia's Department of Corrections" in a D.C. report is no agency of a Humboldt County
    // ordinance no text placed), and a record placed nowhere that names "the District" is bound by DC's laws only.
    if (law_jurisdiction.empty() && SameName(law_actor, "District")) return JurisdictionContains("DC", jurisdiction);
    if (jurisdiction.empty() && SameName(actor, "District")) return JurisdictionContains("DC", law_jurisdiction);
    return true;
  }
  if (!JurisdictionContains(law_jurisdiction, jurisdiction)) return false;
  if (SameName(law_actor, actor)) return true;
  if (!j) return SameName(law_actor, "District");
  const Compiled& c = j->compiled();
  const Compiled::Entry* e = c.FindOrAncestor(law_jurisdiction);
  if (!e) return false;
  auto it = e->actor_classes.find(AsciiLower(law_actor));
  if (it == e->actor_classes.end()) return false;
  const std::string kind = KindOfAgency(c, actor);
  // `state`: the state's own agencies, named among its agencies or placed at the state itself (a county sheriff's
  // document, placed in its county, is no state agency's); `any`: any agency but a federal one, no local law's to bind.
  const auto state_agency = [&] {
    return jurisdiction == law_jurisdiction ||
           std::any_of(e->agencies.begin(), e->agencies.end(), [&](const auto& a) { return SameName(a.name, actor); });
  };
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& k) {
    return (k == "any" && kind != "federal") || (k == "state" && state_agency()) || (!kind.empty() && k == kind);
  });
}

std::string DefaultLawActor(const Jurisdictions* j, std::string_view jurisdiction) {
  if (!j) return "District";
  const Compiled::Entry* e = j->compiled().FindOrAncestor(jurisdiction);
  if (e && !e->law_actor.empty()) return e->law_actor;
  // Placed, but in no jurisdiction the file knows ("US-(state unknown)/Humboldt County"): the states' generic
  // actor, not the District's (a local law of another place binds no D.C. agency).
  return jurisdiction.empty() ? "District" : "law enforcement agency";
}

}  // namespace foiamine::extractors
