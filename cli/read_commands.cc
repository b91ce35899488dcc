// `foiamine status`, `search`, `pages`, `clauses`: reading an index (search/).
// The JSON records come from search/; what is here is the terminal form.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "base/terminal_text.h"
#include "cli/commands.h"
#include "extractors/ocr_readings.h"
#include "index/format.h"
#include "pipeline/runner.h"
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

// On a terminal, matches are marked with two private-use characters that the
// escaping leaves alone, then turned into colour: text from the index never
// carries an escape sequence of its own to the terminal.
constexpr char kTtyMarkOpen[] = "\uE000", kTtyMarkClose[] = "\uE001";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

void PrintHit(const SearchHit& h) {
  std::cout << EscapeForTerminal(h.citation) << "  [" << EscapeForTerminal(h.doc_path) << "]";
  if (h.method == "ocr") {
    const bool low = h.ocr_confidence && *h.ocr_confidence < kLowOcrConfidence;
    std::cout << (low ? "  (low-confidence OCR)" : "  (OCR)");
  }
  const std::string snippet = EscapeTextForTerminal(OneLine(h.snippet));
  std::cout << "\n    " << Replace(Replace(snippet, kTtyMarkOpen, "\033[1;33m"), kTtyMarkClose, "\033[0m") << "\n";
  if (auto readings = extractors::FindOcrReadings(h.snippet); h.method == "ocr" && !readings.empty()) {
    std::cout << "    OCR readings: " << extractors::OcrReadingsNote(readings) << "\n";
  }
}

struct SearchArgs {
  DbArgs db;
  SearchOptions options;
};

int Search(SearchArgs& args) {
  auto index = OpenForReading(args.db.db_path, "search");
  if (!index) return kExitUsage;
  SearchOptions& options = args.options;
  const bool json = args.db.json;
  if (!json && isatty(STDOUT_FILENO)) {
    options.mark_open = kTtyMarkOpen;
    options.mark_close = kTtyMarkClose;
  } else if (json) {
    options.mark_open = "**";
    options.mark_close = "**";
  }
  auto hits = foiamine::Search(*index, options);
  if (!hits.ok()) {
    std::cerr << "foiamine search: " << hits.status().message() << "\n";
    return kExitUsage;
  }
  for (const auto& h : *hits) {
    if (json) std::cout << SearchHitJson(h) << "\n";
    else PrintHit(h);
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
};

int Pages(const PagesArgs& args) {
  auto index = OpenForReading(args.db.db_path, "pages");
  if (!index) return kExitUsage;
  std::string doc = args.doc;
  std::error_code ec;
  if (!doc.empty() && std::filesystem::exists(doc, ec)) doc = std::filesystem::absolute(doc).lexically_normal().string();
  auto records = ReadPages(*index, doc);
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
  search->add_option("QUERY", o.query, "e.g. '\"notify ICE\"', 'NEAR(detainer release, 8)', 'notif*'")->required();
  search->add_option("--db", args->db.db_path, "Index file")->required();
  search->add_option("--topic", o.topic, "Only pages with a clause of this topic");
  search->add_option("--kind", o.kind, "Only documents of this doc_kind");
  search->add_option("--authority", o.authority, "Only law, policy or practice documents")
      ->check(CLI::IsMember({"law", "policy", "practice"}));
  search->add_option("--bates", o.bates,
                     "Only pages whose Bates stamp starts with this, e.g. DOC-FOIA-00317- (a production) or "
                     "DOC-FOIA-00317-00002 (a page)");
  search->add_option("--limit", o.limit, "Most hits to show (default 20)")
      ->check(CLI::Range(1, kMaxSearchLimit));
  search->add_flag("--json", args->db.json, "JSON Lines: one search-hit record per line");
  return {search, [args] { return Search(*args); }};
}

Command AddPagesCommand(CLI::App& app) {
  auto args = std::make_shared<PagesArgs>();
  auto* pages = app.add_subcommand("pages", "Print each page's text, method (text|ocr) and OCR confidence");
  pages->add_option("--db", args->db.db_path, "Index file")->required();
  pages->add_option("--doc", args->doc, "Only this document: its path or SHA-256");
  pages->add_flag("--json", args->db.json, "JSON Lines: one page record per line");
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
