// `foiamine cite`, `foiamine show` and `foiamine verify`: back to the
// source files (search/cite.h, search/show.h, search/verify.h).
#include <unistd.h>

#include <cctype>
#include <filesystem>

#include <iostream>
#include <memory>
#include <sstream>

#include "base/terminal_text.h"

#include "cli/commands.h"
#include "pipeline/runner.h"
#include "search/cite.h"
#include "search/index_digest.h"
#include "search/memo_pdf.h"
#include "search/show.h"
#include "search/verify.h"

namespace foiamine::cli {
namespace {

struct CiteArgs {
  std::string db_path, exhibit_path;
  std::vector<std::string> clause_ids;
  ExhibitOptions exhibit;
  bool dpi_given = false;
};

bool IsPdfPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

int Cite(const CiteArgs& args) {
  if (args.clause_ids.size() > 1 && !args.exhibit_path.empty() && !IsPdfPath(args.exhibit_path)) {
    std::cerr << "foiamine cite: a PNG exhibit shows one clause; for several give --exhibit BUNDLE.pdf\n";
    return kExitUsage;
  }
  auto index = OpenForReading(args.db_path, "cite");
  if (!index) return kExitUsage;
  std::vector<ClauseCitation> citations;
  for (const auto& id : args.clause_ids) {
    auto citation = ReadClauseCitation(*index, id);
    if (!citation.ok()) {
      std::cerr << "foiamine cite: " << citation.status().message() << "\n";
      return kExitUsage;
    }
    if (citation->changed) {
      // A citation must quote the file it names: one whose bytes changed
      // since indexing is not that file any more.
      std::cerr << "foiamine cite: refusing to cite clause " << citation->clause.id << ": " << citation->changed_detail
                << ". The quote, page and section may no longer be in it; re-run "
                << "`foiamine run` on its drop to index the file as it is now, or restore the original.\n";
      return kExitPartial;
    }
    if (!citations.empty()) std::cout << "\n";
    PrintCitation(*citation, std::cout);
    citations.push_back(std::move(*citation));
  }
  if (!args.exhibit_path.empty() && IsPdfPath(args.exhibit_path)) {
    std::vector<ClauseRecord> clauses;
    for (const auto& cc : citations) clauses.push_back(cc.clause);
    const ExhibitList exhibits = ExhibitList::ForClauses(clauses);
    auto digest = IndexDigest(*index);
    if (!digest.ok()) {
      std::cerr << "foiamine cite: " << digest.status().message() << "\n";
      return kExitUsage;
    }
    const Caption caption{citations.size() == 1 ? citations.front().clause.citation : "Exhibits", "", GenerationTime(),
                          args.db_path, *digest};
    auto bundle = WriteExhibitBundle(*index, citations, exhibits, caption, args.exhibit_path,
                                     {args.dpi_given ? args.exhibit.dpi : 200});
    if (!bundle.ok()) {
      std::cerr << "foiamine cite: " << bundle.status().message() << "\n";
      return kExitUsage;
    }
    std::cout << "Exhibit:   " << args.exhibit_path << " (" << bundle->exhibits << " exhibit"
              << (bundle->exhibits == 1 ? "" : "s") << ", " << bundle->pages << " pages)\n";
    return kExitOk;
  }
  const ClauseCitation* citation = &citations.front();
  if (!args.exhibit_path.empty()) {
    auto written = WriteExhibit(*citation, args.exhibit_path, args.exhibit);
    if (!written.ok()) {
      std::cerr << "foiamine cite: " << written.status().message() << "\n";
      return kExitUsage;
    }
    std::cout << "Exhibit:   " << args.exhibit_path << " (" << written->png_w << "x" << written->png_h << " px)\n";
  }
  return kExitOk;
}

struct ShowArgs {
  std::string db_path, target, png_path;
  ExhibitOptions exhibit;
};

int Show(const ShowArgs& args) {
  auto index = OpenForReading(args.db_path, "show");
  if (!index) return kExitUsage;
  auto target = ResolveShowTarget(*index, args.target);
  auto page = target.ok() ? ReadShownPage(*index, *target) : StatusOr<ShownPage>(target.status());
  if (!page.ok()) {
    std::cerr << "foiamine show: " << page.status().message() << "\n";
    return kExitUsage;
  }
  // Document text is made inert line by line (base/terminal_text.h); the
  // marks are ours: private-use code points swapped for them afterwards.
  const bool tty = isatty(STDOUT_FILENO);
  const std::string open = "\xEE\x80\x80", close = "\xEE\x80\x81";
  std::string marked = MarkedPageText(*page, open, close);
  std::cout << "==== " << EscapeForTerminal(page->doc_path) << "  p. " << page->page << " of " << page->page_count << "  ["
            << page->method;
  if (page->ocr_confidence) std::cout << ", confidence " << static_cast<int>(*page->ocr_confidence);
  std::cout << "]";
  if (!page->doc_title.empty()) std::cout << "  " << EscapeForTerminal(page->doc_title);
  std::cout << "\n";
  std::istringstream lines(marked);
  for (std::string line; std::getline(lines, line);) {
    line = EscapeForTerminal(line);
    for (const auto& [from, to] : {std::pair<std::string, std::string>{open, tty ? "\033[7m[" : "[["},
                                   {close, tty ? "]\033[0m" : "]]"}}) {
      for (size_t at = line.find(from); at != std::string::npos; at = line.find(from, at + to.size())) line.replace(at, from.size(), to);
    }
    std::cout << line << "\n";
  }
  if (!page->clauses.empty()) std::cout << "---- clauses marked on this page\n";
  for (size_t i = 0; i < page->clauses.size(); ++i) {
    const ClauseRecord& c = page->clauses[i].clause;
    std::cout << "[" << i + 1 << "] " << c.id << "  " << c.topic << " / " << c.stance
              << (c.actor.empty() ? "" : " / " + EscapeForTerminal(c.actor)) << "  " << EscapeForTerminal(c.citation) << "\n";
  }
  if (!args.png_path.empty()) {
    if (page->clauses.empty()) {
      std::cerr << "foiamine show: --png highlights a clause, and this page has none; `foiamine cite` or `pages` "
                   "read pages without one\n";
      return kExitUsage;
    }
    auto citation = ReadClauseCitation(*index, page->clauses.front().clause.id);
    if (!citation.ok()) {
      std::cerr << "foiamine show: " << citation.status().message() << "\n";
      return kExitUsage;
    }
    auto written = WriteExhibit(*citation, args.png_path, args.exhibit);
    if (!written.ok()) {
      std::cerr << "foiamine show: " << written.status().message() << "\n";
      return kExitUsage;
    }
    std::cout << "Page image: " << args.png_path << " (" << written->png_w << "x" << written->png_h
              << " px), clause [1] highlighted\n";
  }
  return kExitOk;
}

struct VerifyArgs {
  std::string db_path;
  bool all = false;
};

int Verify(const VerifyArgs& args) {
  auto index = OpenForReading(args.db_path, "verify");
  if (!index) return kExitUsage;
  auto report = VerifySources(*index);
  if (!report.ok()) {
    std::cerr << "foiamine verify: " << report.status().message() << "\n";
    return kExitUsage;
  }
  PrintVerifyReport(*report, args.all, std::cout);
  return report->all_match() ? kExitOk : kExitPartial;
}

}  // namespace

Command AddCiteCommand(CLI::App& app) {
  auto args = std::make_shared<CiteArgs>();
  auto* cite = app.add_subcommand(
      "cite", "A clause as a citation ready for a brief: title, number, section, page, exact quote, file and SHA-256,\n"
              "method (text layer or OCR with confidence); --exhibit draws the page with the clause boxed");
  cite->add_option("CLAUSE_ID", args->clause_ids,
                   "The clause's id (16 hex digits, from `clauses`, `diverge`); several for a bundle of exhibits")
      ->required();
  cite->add_option("--db", args->db_path, "Index file")->required();
  cite->add_option("--exhibit", args->exhibit_path,
                   "OUT.png: the page with the clause's words highlighted and the citation in a bottom margin;\n"
                   "OUT.pdf: an exhibit bundle, one labelled exhibit per cited page with a cover index and a footer\n"
                   "(citation, Bates, file, SHA-256, page). The source file must be present and unchanged");
  cite->add_option("--dpi", args->exhibit.dpi,
                   "Resolution PDF pages are rendered at for --exhibit (default 150 for PNG, 200 for PDF)")
      ->check(CLI::Range(36, 600))
      ->each([args](const std::string&) { args->dpi_given = true; });
  return {cite, [args] {
            args->exhibit.helper_executable = SelfExecutable();  // the page renders with a time limit
            return Cite(*args);
          }};
}

Command AddShowCommand(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  auto* show = app.add_subcommand("show", "Print a page's text with its clauses marked (open a search hit)");
  show->add_option("DOC[:PAGE]", args->target,
                   "A document (path as indexed, SHA-256 or a unique prefix) and page (default 1), e.g.\n"
                   "policies/doc-ps-4020-1f.pdf:2 or 560999bc:2; or a clause id (prefix): its page, that clause marked")
      ->required();
  show->add_option("--db", args->db_path, "Index file")->required();
  show->add_option("--png", args->png_path, "Also write the page image with the (first) marked clause highlighted");
  show->add_option("--dpi", args->exhibit.dpi, "Resolution PDF pages are rendered at for --png (default 150)")
      ->check(CLI::Range(36, 600));
  return {show, [args] {
            args->exhibit.helper_executable = SelfExecutable();
            return Show(*args);
          }};
}

Command AddVerifyCommand(CLI::App& app) {
  auto args = std::make_shared<VerifyArgs>();
  auto* verify = app.add_subcommand(
      "verify",
      "Re-hash every indexed source file still present and report those changed or vanished since indexing.\n"
      "Exit 0 when every file matches, 2 when some changed, vanished or cannot be read, 1 on error");
  verify->add_option("--db", args->db_path, "Index file")->required();
  verify->add_flag("--all", args->all, "Also list the files that match");
  return {verify, [args] { return Verify(*args); }};
}

}  // namespace foiamine::cli
