#include "search/set_score.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <tuple>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "extractors/section.h"

namespace foiamine {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

const std::set<std::string> kBinding = {"restricts", "requires", "permits", "reports"};

std::string FileName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// True when `word` occurs in `text` with no ASCII letter on either side.
bool HasWord(const std::string& text, const std::string& word) {
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    size_t end = at + word.size();
    bool right = end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
    if (left && right) return true;
  }
  return false;
}

std::optional<double> Ratio(int num, int den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / den;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int Page(const json& j) {
  auto it = j.find("page");
  if (it == j.end()) return 0;
  if (it->is_number_integer()) return it->get<int>();
  if (it->is_string()) return std::atoi(it->get<std::string>().c_str());
  return 0;
}

ordered Real(const std::optional<double>& v) { return v ? ordered(*v) : ordered(nullptr); }

ordered TallyJson(const Tally& t) {
  return {{"found", t.found}, {"right", t.found_right}, {"labels", t.labels},
          {"matched", t.labels_found}, {"P", Real(t.precision())}, {"R", Real(t.recall())}};
}

std::string Fixed(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

}  // namespace

std::string NormalizeForScoring(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isdigit(c) || std::islower(c)) out += static_cast<char>(c);
      else if (std::isupper(c)) out += static_cast<char>(std::tolower(c));
      continue;
    }
    // Two-byte sequences U+0080..U+07FF; the kept letters are all in Latin-1.
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      ++i;
      if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;  // Latin-1 capitals lowercased
      switch (cp) {
        case 0xE1: case 0xE9: case 0xED: case 0xF3: case 0xFA: case 0xF1: case 0xFC: case 0xA7:
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
          break;
        default:
          break;
      }
      continue;
    }
    // Longer sequences (and stray continuation bytes) hold nothing kept: skip them.
    if ((c & 0xF0) == 0xE0) i += 2;
    else if ((c & 0xF8) == 0xF0) i += 3;
  }
  return out;
}

std::string NormalizeSectionPath(std::string_view path) {
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!path.empty() && is_space(path.front())) path.remove_prefix(1);
  while (!path.empty() && is_space(path.back())) path.remove_suffix(1);
  // A code's name before the number: "CPL 145.05", "Exec. Law 319-a(1)", "Art. 2.245(a)" (not "Appendix A").
  for (std::string_view rest = path; !rest.empty();) {
    const size_t space = rest.find(' ');
    if (space == std::string_view::npos) break;
    const std::string_view word = rest.substr(0, space);
    if (!std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '.'; }))
      break;
    // (a part's own name stays: "Appendix A 1.", "Part IV (a)")
    const std::string lower = Lower(std::string(word));
    if (word.size() == 1 || lower == "appendix" || lower == "attachment" || lower == "exhibit" || lower == "annex" ||
        lower == "part")
      break;
    rest.remove_prefix(space + 1);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front()))) {
      path = rest;
      break;
    }
  }
  std::string s = Lower(std::string(path));
  // An unnumbered item's place ("Appendix A, bullet 4") is one more level, as labels number bullets ("App.A.4").
  for (size_t at = s.find(extractors::kBulletPlace); at != std::string::npos; at = s.find(extractors::kBulletPlace, at))
    s.replace(at, extractors::kBulletPlace.size(), ".");
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"appendix", "app."}, {"attachment", "att."}})
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  for (const char* word : {"section", "sec.", "article", "art."})
    if (s.rfind(word, 0) == 0) s.erase(0, std::strlen(word));
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (s.compare(i, 2, "\xC2\xA7") == 0) {  // §
      ++i;
      continue;
    }
    if (c == '(' || c == ')' || std::isspace(c)) {  // "Appendix A 1." is "app.a.1", "(a)(1)" is ".a.1."
      if (out.empty() || out.back() != '.') out += '.';
      continue;
    }
    if (c == '.' && !out.empty() && out.back() == '.') continue;
    out += static_cast<char>(c);
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool IsNumberedSection(std::string_view section) {
  if (section.empty() || !std::any_of(section.begin(), section.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    return false;
  static const std::set<std::string> kPartWords = {"section", "article", "appendix", "attachment", "exhibit"};
  static const std::set<std::string> kPlaces = {"para", "sent", "item", "line", "page", "memo", "list", "intro", "app", "msg"};
  std::string word;
  auto word_ok = [&]() {
    const std::string w = Lower(word);
    word.clear();
    if (w == "app") return true;  // "App.A.1"
    if (kPlaces.count(w)) return false;
    return w.size() < 5 || kPartWords.count(w) > 0;
  };
  for (size_t i = 0; i <= section.size(); ++i) {
    const unsigned char c = i < section.size() ? static_cast<unsigned char>(section[i]) : ' ';
    if (std::isalpha(c)) {
      word += static_cast<char>(c);
      continue;
    }
    if (!word.empty() && !word_ok()) return false;
    if (c >= 0x80) continue;  // "§"
    if (!std::isdigit(c) && std::string_view(" .-()/'").find(static_cast<char>(c)) == std::string_view::npos) return false;
  }
  return true;
}

bool SectionPathsAgree(std::string_view label_section, std::string_view found_section) {
  // A bulleted item's place under the labelled section is the same provision, cited more closely: "412.4, bullet 1"
  // for a label "412.4" (not "V., bullet 3" for "V.2": another bullet is another provision).
  if (const std::string_view section = extractors::WithoutBulletPlace(found_section); section != found_section) {
    const std::string a = NormalizeSectionPath(label_section), b = NormalizeSectionPath(section);
    if (!a.empty() && a == b) return true;
  }
  const std::string a = NormalizeSectionPath(label_section), b = NormalizeSectionPath(found_section);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  // (an act's number before its section, "805/15(a)" for "15(a)", is a boundary too)
  const char boundary = longer.size() > shorter.size() ? longer[longer.size() - shorter.size() - 1] : 0;
  if (longer.size() <= shorter.size() || !longer.ends_with(shorter) || (boundary != '.' && boundary != '/')) return false;
  // What the longer adds in front must be a section's own number ("24-211.07" before "(a)") or an appendix, not
  // another part's letter: "(b)(a)" is not "(a)".
  const std::string_view head = std::string_view(longer).substr(0, longer.size() - shorter.size() - 1);
  return (head.size() >= 3 && std::any_of(head.begin(), head.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) ||
         head.starts_with("app.") || head.starts_with("att.");
}

std::string GenreOf(const std::string& authority, const std::string& doc_kind) {
  const std::string kind = Lower(doc_kind);
  if (kind.find("agreement") != std::string::npos || HasWord(kind, "moa") ||
      kind.find("memorandum") != std::string::npos) {
    return "agreement";
  }
  const std::string a = Lower(authority);
  if (a == "law" || a == "policy" || a == "agreement" || a == "practice") return a;
  return "unknown";
}

std::optional<double> Tally::precision() const { return Ratio(found_right, found); }
std::optional<double> Tally::recall() const { return Ratio(labels_found, labels); }
std::optional<double> SetScore::pairs_precision() const { return Ratio(pairs_matched, pairs_found); }
std::optional<double> SetScore::pairs_recall() const { return Ratio(pairs_matched, pairs_expected); }

SetScore ScoreSet(const SetInput& in) {
  auto counts = [&](const std::string& path) {
    return !in.only_files || in.only_files->count(FileName(path)) > 0;
  };
  auto genre = [&](const std::string& path) {
    auto it = in.genre_by_file.find(FileName(path));
    return it == in.genre_by_file.end() ? std::string("unknown") : it->second;
  };

  struct Found {
    const ClauseRecord* clause;
    std::string file, text;  // text normalized
  };
  std::vector<Found> found;
  for (const auto& c : in.clauses) {
    if (kBinding.count(c.stance) && counts(c.doc_path)) {
      found.push_back({&c, FileName(c.doc_path), NormalizeForScoring(c.text)});
    }
  }
  std::vector<const json*> labels;
  for (const auto& l : in.clause_labels) {
    if (kBinding.count(Str(l, "stance")) && counts(Str(l, "doc_path"))) labels.push_back(&l);
  }

  SetScore s;
  s.name = in.name;
  auto tallies = [&](const std::string& topic, const std::string& stance, const std::string& path) {
    return std::array<Tally*, 4>{&s.clauses, &s.by_topic[topic], &s.by_stance[stance], &s.by_genre[genre(path)]};
  };

  std::vector<bool> taken(found.size(), false);
  for (const json* l : labels) {
    const std::string file = FileName(Str(*l, "doc_path")), topic = Str(*l, "topic"), stance = Str(*l, "stance");
    const std::string quote = NormalizeForScoring(Str(*l, "quote"));
    const int page = Page(*l);
    bool hit = false;
    for (size_t i = 0; i < found.size() && !quote.empty(); ++i) {
      const ClauseRecord& c = *found[i].clause;
      if (!taken[i] && found[i].file == file && c.page == page && c.topic == topic && c.stance == stance &&
          found[i].text.find(quote) != std::string::npos) {
        taken[i] = hit = true;
        const std::string label_section = Str(*l, "section");
        if (IsNumberedSection(label_section)) {
          ++s.sections_compared;
          if (SectionPathsAgree(label_section, c.section)) ++s.sections_agree;
          else
            s.section_mismatches.push_back(file + " p." + std::to_string(page) + " " + topic + "/" + stance +
                                           ": labelled \"" + label_section + "\", cited \"" + c.section + "\"");
        }
        break;
      }
    }
    for (Tally* t : tallies(topic, stance, Str(*l, "doc_path"))) {
      ++t->labels;
      t->labels_found += hit;
    }
    if (!hit) {
      s.missed.push_back(file + " p." + std::to_string(page) + " " + topic + "/" + stance + ": " +
                         Str(*l, "quote"));
    }
  }
  for (size_t i = 0; i < found.size(); ++i) {
    const ClauseRecord& c = *found[i].clause;
    bool right = taken[i];
    for (size_t k = 0; k < found.size() && !right; ++k) {
      right = taken[k] && found[k].file == found[i].file && found[k].clause->topic == c.topic &&
              found[k].text == found[i].text;
    }
    for (Tally* t : tallies(c.topic, c.stance, c.doc_path)) {
      ++t->found;
      t->found_right += right;
    }
    if (!right) {
      s.false_clauses.push_back(found[i].file + " p." + std::to_string(c.page) + " " + c.topic + "/" + c.stance +
                                (c.section.empty() ? "" : " §" + c.section) + " [" + c.rule + "]: " +
                                std::string(Utf8Prefix(c.text, 200)));
    }
  }

  // Divergence pairs by (topic, law file, practice file).
  using Key = std::tuple<std::string, std::string, std::string>;
  auto describe = [](const Key& k) { return std::get<0>(k) + ": " + std::get<1>(k) + " <> " + std::get<2>(k); };
  std::set<Key> found_pairs, labeled_pairs;
  for (const auto& d : in.pairs) {
    if (d.agreement || !counts(d.law.doc_path) || !counts(d.practice.doc_path)) continue;
    found_pairs.insert({d.topic, FileName(d.law.doc_path), FileName(d.practice.doc_path)});
  }
  for (const auto& l : in.divergence_labels) {
    const json law = l.value("law", json::object()), practice = l.value("practice", json::object());
    if (!law.is_object() || !practice.is_object()) continue;
    const std::string law_path = Str(law, "doc_path"), practice_path = Str(practice, "doc_path");
    if (!counts(law_path) || !counts(practice_path)) continue;
    labeled_pairs.insert({Str(l, "topic"), FileName(law_path), FileName(practice_path)});
  }
  s.pairs_found = static_cast<int>(found_pairs.size());
  s.pairs_expected = static_cast<int>(labeled_pairs.size());
  for (const Key& k : labeled_pairs) {
    if (found_pairs.count(k)) ++s.pairs_matched;
    else s.missed_pairs.push_back(describe(k));
  }
  for (const Key& k : found_pairs) {
    if (!labeled_pairs.count(k)) s.false_pairs.push_back(describe(k));
  }
  return s;
}

StatusOr<std::set<std::string>> ReadSplit(const std::string& tsv_path, const std::string& name) {
  std::ifstream in(tsv_path);
  if (!in) return Status::NotFound("cannot read split file " + tsv_path);
  std::set<std::string> files;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line[0] == '#') continue;
    std::string split = line.substr(tab + 1);
    split.erase(0, split.find_first_not_of(" \t"));
    split.erase(split.find_last_not_of(" \t") + 1);
    if (split == name) files.insert(FileName(line.substr(0, tab)));
  }
  if (files.empty()) return Status::InvalidArgument(tsv_path + " lists no document of split '" + name + "'");
  return files;
}

StatusOr<SetInput> ReadSetInput(IndexReader& index, const std::string& name, const std::string& labels_dir,
                                const std::string& split, const extractors::Jurisdictions* jurisdictions) {
  namespace fs = std::filesystem;
  SetInput in;
  in.name = name;
  auto clauses = ReadClauses(index, {});
  if (!clauses.ok()) return clauses.status();
  in.clauses = std::move(*clauses);
  DivergeOptions options;
  options.jurisdictions = jurisdictions;  // as `diverge` pairs them
  in.pairs = FindDivergences(in.clauses, options);

  auto labels = ReadLabelLines((fs::path(labels_dir) / "clauses.jsonl").string());
  if (!labels.ok()) return labels.status();
  in.clause_labels = std::move(*labels);
  std::error_code ec;
  const fs::path divergences = fs::path(labels_dir) / "divergences.jsonl";
  if (fs::exists(divergences, ec)) {
    auto lines = ReadLabelLines(divergences.string());
    if (!lines.ok()) return lines.status();
    in.divergence_labels = std::move(*lines);
  }

  // Genres: the index first, documents.jsonl over it.
  auto stmt = index.db().Prepare(
      "SELECT (SELECT fl.path FROM files fl WHERE fl.document_id=d.id ORDER BY fl.id LIMIT 1), "
      "coalesce(d.authority,''), coalesce(d.doc_kind,'') FROM documents d");
  if (!stmt.ok()) return stmt.status();
  Status status;
  while (stmt->Step(&status)) in.genre_by_file[FileName(stmt->Text(0))] = GenreOf(stmt->Text(1), stmt->Text(2));
  if (!status.ok()) return status;
  const fs::path documents = fs::path(labels_dir) / "documents.jsonl";
  if (fs::exists(documents, ec)) {
    auto lines = ReadLabelLines(documents.string());
    if (!lines.ok()) return lines.status();
    for (const auto& d : *lines) {
      in.genre_by_file[FileName(Str(d, "doc_path"))] = GenreOf(Str(d, "authority"), Str(d, "doc_kind"));
    }
  }

  if (!split.empty()) {
    auto files = ReadSplit((fs::path(labels_dir).parent_path() / "split.tsv").string(), split);
    if (!files.ok()) return files.status();
    in.only_files = std::move(*files);
  }
  return in;
}

void PrintSetScore(const SetScore& s, bool verbose, std::ostream& out) {
  char line[200];
  auto header = [&](const char* what) {
    std::snprintf(line, sizeof line, "  %-24s %6s %6s %7s %8s %6s %6s\n", what, "found", "right", "labels",
                  "matched", "P", "R");
    out << line;
  };
  auto row = [&](const std::string& name, const Tally& t) {
    std::snprintf(line, sizeof line, "  %-24s %6d %6d %7d %8d %6s %6s\n", name.c_str(), t.found, t.found_right,
                  t.labels, t.labels_found, Fixed(t.precision()).c_str(), Fixed(t.recall()).c_str());
    out << line;
  };
  out << "== " << s.name << ": clauses P=" << Fixed(s.clauses.precision()) << " R=" << Fixed(s.clauses.recall())
      << " (found " << s.clauses.found << ", labels " << s.clauses.labels << "); pairs " << s.pairs_matched << "/"
      << s.pairs_expected << " found, " << s.false_pairs.size() << " false\n";
  for (const auto& [title, table] : {std::pair{"topic", &s.by_topic}, std::pair{"stance", &s.by_stance},
                                     std::pair{"genre", &s.by_genre}}) {
    header(title);
    for (const auto& [name, t] : *table) row(name, t);
  }
  const size_t shown = verbose ? SIZE_MAX : 5;
  auto list = [&](const char* label, const char* plural, const std::vector<std::string>& items) {
    // Quotes and clause text come from the documents: escaped, as everywhere else they are shown.
    for (size_t i = 0; i < items.size() && i < shown; ++i) out << "  " << label << EscapeForTerminal(items[i]) << "\n";
    if (items.size() > shown) {
      out << "  ... " << items.size() - shown << " more " << plural << " (--verbose lists them)\n";
    }
  };
  if (s.sections_compared > 0) {
    out << "  sections: " << s.sections_agree << " of " << s.sections_compared
        << " matched labels with a numbered section cited alike ("
        << Fixed(Ratio(s.sections_agree, s.sections_compared)) << ")\n";
  }
  list("missed: ", "missed labels", s.missed);
  list("false:  ", "false clauses", s.false_clauses);
  list("missed pair: ", "missed pairs", s.missed_pairs);
  list("false pair:  ", "false pairs", s.false_pairs);
  list("section: ", "section mismatches", s.section_mismatches);
}

std::string SetScoreJson(const SetScore& s) {
  auto group = [](const std::map<std::string, Tally>& m) {
    ordered g = ordered::object();
    for (const auto& [name, t] : m) g[name] = TallyJson(t);
    return g;
  };
  ordered j;
  j["set"] = s.name;
  j["clauses"] = TallyJson(s.clauses);
  j["pairs"] = {{"found", s.pairs_found}, {"expected", s.pairs_expected}, {"matched", s.pairs_matched},
                {"P", Real(s.pairs_precision())}, {"R", Real(s.pairs_recall())}};
  j["by_topic"] = group(s.by_topic);
  j["by_stance"] = group(s.by_stance);
  j["by_genre"] = group(s.by_genre);
  j["sections"] = {{"compared", s.sections_compared}, {"agree", s.sections_agree},
                   {"rate", Real(Ratio(s.sections_agree, s.sections_compared))}};
  j["missed"] = s.missed.size();
  j["false"] = s.false_clauses.size();
  return j.dump(-1, ' ', false, ordered::error_handler_t::replace);
}

}  // namespace foiamine
