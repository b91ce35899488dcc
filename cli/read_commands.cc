// `foiamine status`, `search`, `pages`, `clauses`: reading an index (search/).
// The JSON records come from search/; what is here is the terminal form.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "cli/commands.h"
#include "extractors/ocr_readings.h"
#include "index/format.h"
#include "pipeline/runner.h"
#include "search/choices.h"
#include "search/clauses.h"
#include "search/index_status.h"
#include "search/search.h"

namespace foiamine::cli {
namespace {

struct DbArgs {
  std::string db_path;
  bool json = false;
};

int Status(const DbArgs& args) {
  auto index = OpenForReading(args.db_path, "status");
  if (!index) return kExitUsage;
  auto report = ReadIndexStatus(*index, /*with_digest=*/args.json);
  if (!report.ok()) {
    std::cerr << "foiamine status: " << report.status().message() << "\n";
    return kExitUsage;
  }
  if (args.json) PrintIndexStatusJson(*report, std::cout);
  else PrintIndexStatus(*report, std::cout);
  return kExitOk;
}

// One line per snippet: line breaks and their runs become one space.
std::string OneLine(const std::string& text) {
  std::string line;
  for (char c : text) {
    if (c == '\n' || c == ' ') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  return line;
}

// Marks around matches while the snippet is made inert for the terminal
// (base/terminal_text.h): private-use code points, swapped for the real
// marks afterwards, so that the document's text cannot carry escapes.
constexpr const char* kMarkOpen = "\xEE\x80\x80";   // U+E000
constexpr const char* kMarkClose = "\xEE\x80\x81";  // U+E001

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// The hit's clause in a line, and a line per divergence: the other side's
// citation and stance, its words, and the dates.
void PrintHitClauses(const SearchHit& h) {
  constexpr size_t kShownDivergences = 3, kShownClauses = 3;
  size_t shown = 0;
  for (const HitClause& hc : h.clauses) {
    if (shown++ == kShownClauses) {
      std::cout << "    ... and " << h.clauses.size() - kShownClauses << " more clause"
                << (h.clauses.size() - kShownClauses == 1 ? "" : "s") << " on the page hold a match (--json lists them)\n";
      break;
    }
    const ClauseRecord& c = hc.clause;
    std::cout << "    clause " << c.id << ": " << c.topic << " / " << c.stance
              << (c.actor.empty() ? "" : " / " + EscapeForTerminal(c.actor))
              << (c.section.empty() ? "" : "  § " + EscapeForTerminal(c.section)) << "\n";
    for (size_t i = 0; i < hc.divergences.size() && i < kShownDivergences; ++i) {
      const HitDivergence& d = hc.divergences[i];
      std::string quote = OneLine(d.other.text);
      if (quote.size() > 110) {
        quote = std::string(Utf8Prefix(quote, 107)) + "...";
      }
      std::cout << "      " << (d.role == "practice" ? "diverges from law: " : "contradicted by practice: ")
                << EscapeForTerminal(d.other.citation) << " (" << d.other.stance << ") \""
                << EscapeForTerminal(quote) << "\"  [divergence " << d.id << "]\n";
      if (!d.timing.empty()) std::cout << "        " << d.timing << "\n";
    }
    if (hc.divergences.size() > kShownDivergences) {
      std::cout << "      ... and " << hc.divergences.size() - kShownDivergences
                << " more (foiamine diverge --topic " << c.topic << ")\n";
    }
  }
}

void PrintHit(const SearchHit& h, const std::string& mark_open, const std::string& mark_close) {
  std::cout << EscapeForTerminal(h.citation) << "  [" << EscapeForTerminal(h.doc_path) << "]";
  if (h.method == "ocr") {
    const bool low = h.ocr_confidence && *h.ocr_confidence < kLowOcrConfidence;
    std::cout << (low ? "  (low-confidence OCR)" : "  (OCR)");
  }
  const std::string snippet = Replace(Replace(EscapeForTerminal(OneLine(h.snippet)), kMarkOpen, mark_open), kMarkClose, mark_close);
  std::cout << "\n    " << snippet << "\n";
  if (auto readings = extractors::FindOcrReadings(h.snippet); h.method == "ocr" && !readings.empty()) {
    std::cout << "    OCR readings: " << EscapeForTerminal(extractors::OcrReadingsNote(readings)) << "\n";
  }
  PrintHitClauses(h);
}

struct SearchArgs {
  DbArgs db;
  SearchOptions options;
  std::string doc;
};

int Search(SearchArgs& args) {
  auto index = OpenForReading(args.db.db_path, "search");
  if (!index) return kExitUsage;
  SearchOptions& options = args.options;
  const bool json = args.db.json;
  std::string mark_open = "[", mark_close = "]";
  if (!json && isatty(STDOUT_FILENO)) {
    mark_open = "\033[1;33m";
    mark_close = "\033[0m";
  }
  if (json) {
    options.mark_open = "**";
    options.mark_close = "**";
  } else {
    options.mark_open = kMarkOpen;
    options.mark_close = kMarkClose;
  }
  if (foiamine::Status checked = CheckSearchOptions(*index, options, args.doc, RulebookTopics("search")); !checked.ok()) {
    std::cerr << "foiamine search: " << checked.message() << "\n";
    return kExitUsage;
  }
  const auto jurisdictions = JurisdictionsForDivergence("search");
  options.jurisdictions = jurisdictions ? &*jurisdictions : nullptr;
  std::optional<QueryLexicons> lexicons;
  if (auto loaded = LoadQueryLexicons(RulebookPath()); loaded.ok()) {
    lexicons = std::move(*loaded);
    options.lexicons = &*lexicons;
  } else if (options.expand) {
    std::cerr << "foiamine search: warning: " << loaded.status().message() << "; --expand does nothing\n";
  }
  std::vector<std::string> notes;
  auto hits = foiamine::Search(*index, options, &notes);
  if (!hits.ok()) {
    std::cerr << "foiamine search: " << hits.status().message() << "\n";
    return kExitUsage;
  }
  // What was done to the query: on stderr with --json (stdout stays JSON Lines).
  for (const auto& note : notes) (json ? std::cerr : std::cout) << "search: " << EscapeForTerminal(note) << "\n";
  for (const auto& h : *hits) {
    if (json) std::cout << SearchHitJson(h) << "\n";
    else PrintHit(h, mark_open, mark_close);
  }
  if (!json) {
    std::cout << hits->size() << " hit" << (hits->size() == 1 ? "" : "s");
    if (static_cast<int>(hits->size()) == options.limit) std::cout << " (limit reached; use --limit)";
    std::cout << "\n";
  }
  return kExitOk;
}

struct PagesArgs {
  DbArgs db;
  std::string doc;
  bool words = false;
};

int Pages(const PagesArgs& args) {
  auto index = OpenForReading(args.db.db_path, "pages");
  if (!index) return kExitUsage;
  std::string doc = args.doc;
  std::error_code ec;
  if (!doc.empty() && std::filesystem::exists(doc, ec)) doc = std::filesystem::absolute(doc).lexically_normal().string();
  auto records = ReadPages(*index, doc, args.words);
  if (!records.ok()) {
    std::cerr << "foiamine pages: " << records.status().message() << "\n";
    return kExitUsage;
  }
  for (const auto& p : *records) {
    if (args.db.json) {
      std::cout << PageJson(p) << "\n";
      continue;
    }
    std::cout << "==== " << EscapeForTerminal(p.doc_path) << " p. " << p.page << " [" << p.method;
    if (p.ocr_confidence) std::cout << ", confidence " << static_cast<int>(*p.ocr_confidence);
    std::cout << "]\n" << EscapeTextForTerminal(p.text) << "\n";
  }
  return kExitOk;
}

struct ClausesArgs {
  DbArgs db;
  ClauseFilter filter;
};

int Clauses(const ClausesArgs& args) {
  auto index = OpenForReading(args.db.db_path, "clauses");
  if (!index) return kExitUsage;
  auto choices = ReadOptionChoices(*index, RulebookTopics("clauses"));
  foiamine::Status checked = choices.ok() ? CheckChoice("--topic", args.filter.topic, choices->topics) : choices.status();
  if (!checked.ok()) {
    std::cerr << "foiamine clauses: " << checked.message() << "\n";
    return kExitUsage;
  }
  auto records = ReadClauses(*index, args.filter);
  if (!records.ok()) {
    std::cerr << "foiamine clauses: " << records.status().message() << "\n";
    return kExitUsage;
  }
  std::string last_doc;
  for (const auto& c : *records) {
    if (args.db.json) {
      std::cout << ClauseJson(c) << "\n";
      continue;
    }
    if (c.doc_path != last_doc) {
      std::cout << "\n" << EscapeForTerminal(c.doc_path)
                << (c.doc_title.empty() ? "" : "  — " + EscapeForTerminal(c.doc_title)) << "\n";
      last_doc = c.doc_path;
    }
    std::cout << "  " << EscapeForTerminal(c.citation) << "  " << c.topic << " / " << c.stance
              << (c.actor.empty() ? "" : " / " + EscapeForTerminal(c.actor)) << (c.method == "ocr" ? "  (OCR)" : "")
              << "  [" << c.id << "]\n    \"" << EscapeForTerminal(c.text) << "\"\n";
    if (!c.ocr_readings.empty()) std::cout << "    OCR readings: " << extractors::OcrReadingsNote(c.ocr_readings) << "\n";
  }
  if (!args.db.json) std::cout << "\n" << records->size() << " clause" << (records->size() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

}  // namespace

Command AddStatusCommand(CLI::App& app) {
  auto args = std::make_shared<DbArgs>();
  auto* status = app.add_subcommand("status", "What the index holds: documents, pages, OCR needs, failures, runs");
  status->add_option("--db", args->db_path, "Index file")->required();
  status->add_flag("--json", args->json, "One JSON object");
  return {status, [args] { return Status(*args); }};
}

Command AddSearchCommand(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  SearchOptions& o = args->options;
  auto* search = app.add_subcommand("search", "Full-text search (SQLite FTS5 syntax) with citations");
  search->add_option("QUERY", o.query,
                     "e.g. '\"notify ICE\"', 'NEAR(detainer release, 8)', 'notif*', I-247A, 'topic:facility_access ICE';\n"
                     "none with --topic/--stance: list those clauses as hits");
  search->add_option("--db", args->db.db_path, "Index file")->required();
  search->add_option("--topic", o.topic, "Only pages with a clause of this topic (e.g. release_notification)");
  search->add_option("--stance", o.stance, "Only pages with a clause of this stance (restricts, requires, permits, "
                                           "reports, mentions)");
  search->add_option("--kind", o.kind, "Only documents of this doc_kind (e.g. police_order)");
  search->add_option("--authority", o.authority, "Only law, policy or practice documents");
  search->add_option("--agency", o.agency, "Only documents of this agency (e.g. MPD, DOC)");
  search->add_option("--jurisdiction", o.jurisdiction, "Only documents of this jurisdiction (e.g. DC, US-IL)");
  search->add_option("--after", o.after, "Only documents dated on or after this day (YYYY-MM-DD; issued, else effective)");
  search->add_option("--before", o.before, "Only documents dated on or before this day (YYYY-MM-DD)");
  search->add_option("--doc", args->doc, "Only this document: its path as indexed, SHA-256 or a unique prefix");
  search->add_option("--bates", o.bates,
                     "Only pages whose Bates stamp starts with this, e.g. DOC-FOIA-00317- (a production) or "
                     "DOC-FOIA-00317-00002 (a page)");
  search->add_option("--limit", o.limit, "Most hits to show (default 20)")
      ->check(CLI::Range(1, kMaxSearchLimit));
  search->add_flag("--clauses-only", o.clauses_only, "Only hits whose match lies in a clause");
  search->add_flag("--fuzzy", o.fuzzy,
                   "OCR-tolerant: also match each word as OCR misreads it (I/l/1/|, O/0, S/5, rn/m; I-247A finds "
                   "the scanned \"|-247A\")");
  search->add_flag("--expand", o.expand,
                   "Expand words with the rulebook's English/Spanish lexicons (release <-> liberación/salida); done "
                   "anyway when the query as typed finds nothing; the output says so");
  search->add_flag("--json", args->db.json, "JSON Lines: one search-hit record per line");
  return {search, [args] { return Search(*args); }};
}

Command AddPagesCommand(CLI::App& app) {
  auto args = std::make_shared<PagesArgs>();
  auto* pages = app.add_subcommand("pages", "Print each page's text, method (text|ocr) and OCR confidence");
  pages->add_option("--db", args->db.db_path, "Index file")->required();
  pages->add_option("--doc", args->doc, "Only this document: its path or SHA-256");
  pages->add_flag("--json", args->db.json, "JSON Lines: one page record per line");
  pages->add_flag("--words", args->words,
                  "With --json: each page's words and boxes, \"words\": [[text, x0, y0, x1, y1, char_start, char_end, "
                  "confidence], ...] (PDF points, top-left origin)");
  return {pages, [args] { return Pages(*args); }};
}

Command AddClausesCommand(CLI::App& app) {
  auto args = std::make_shared<ClausesArgs>();
  ClauseFilter& f = args->filter;
  auto* clauses = app.add_subcommand("clauses", "List the clauses found: topic, stance, actor, page, section, quote");
  clauses->add_option("--db", args->db.db_path, "Index file")->required();
  clauses->add_option("--topic", f.topic, "Only this topic (e.g. release_notification)");
  clauses->add_option("--stance", f.stance, "Only this stance")
      ->check(CLI::IsMember({"restricts", "requires", "permits", "reports", "mentions"}));
  clauses->add_option("--authority", f.authority, "Only clauses of law, policy or practice documents")
      ->check(CLI::IsMember({"law", "policy", "practice"}));
  clauses->add_flag("--json", args->db.json, "JSON Lines: one clause record per line");
  return {clauses, [args] { return Clauses(*args); }};
}

}  // namespace foiamine::cli
