// `foiamine cite` and `foiamine verify`: back to the source files (search/cite.h, search/verify.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "pipeline/runner.h"
#include "search/cite.h"
#include "search/verify.h"

namespace foiamine::cli {
namespace {

struct CiteArgs {
  std::string db_path, clause_id, exhibit_path;
  ExhibitOptions exhibit;
};

int Cite(const CiteArgs& args) {
  auto index = OpenForReading(args.db_path, "cite");
  if (!index) return kExitUsage;
  auto citation = ReadClauseCitation(*index, args.clause_id);
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
  PrintCitation(*citation, std::cout);
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
  cite->add_option("CLAUSE_ID", args->clause_id, "The clause's id (16 hex digits, from `clauses`, `diverge`)")->required();
  cite->add_option("--db", args->db_path, "Index file")->required();
  cite->add_option("--exhibit", args->exhibit_path,
                   "Write a PNG of the page with the clause's words highlighted and the citation in a bottom margin "
                   "(the source file must still be present and unchanged)");
  cite->add_option("--dpi", args->exhibit.dpi, "Resolution PDF pages are rendered at for --exhibit (default 150)")
      ->check(CLI::Range(36, 600));
  return {cite, [args] { return Cite(*args); }};
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
