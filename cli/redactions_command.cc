// `foiamine redactions`: what a production withheld (search/redactions.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "pipeline/runner.h"
#include "search/choices.h"
#include "search/redactions.h"

namespace foiamine::cli {
namespace {

struct RedactionsArgs {
  std::string db_path, doc;
  bool json = false, csv = false;
};

int Redactions(const RedactionsArgs& args) {
  auto index = OpenForReading(args.db_path, "redactions");
  if (!index) return kExitUsage;
  int64_t document_id = 0;
  if (!args.doc.empty()) {
    auto resolved = ResolveDocument(*index, args.doc);
    if (!resolved.ok()) {
      std::cerr << "foiamine redactions: " << resolved.status().message() << "\n";
      return kExitUsage;
    }
    document_id = *resolved;
  }
  auto pages = ReadRedactions(*index, document_id);
  if (!pages.ok()) {
    std::cerr << "foiamine redactions: " << pages.status().message() << "\n";
    return kExitUsage;
  }
  if (args.json) {
    for (const auto& page : *pages) std::cout << RedactionJson(page) << "\n";
  } else if (args.csv) {
    WriteRedactionsCsv(*pages, std::cout);
  } else {
    WriteRedactionsText(*pages, std::cout);
  }
  return kExitOk;
}

}  // namespace

Command AddRedactionsCommand(CLI::App& app) {
  auto args = std::make_shared<RedactionsArgs>();
  auto* command = app.add_subcommand(
      "redactions", "What was withheld: redaction boxes per page, redacted share, exemption codes, bad redactions "
                    "(text still under a box) and the clauses next to a redaction");
  command->add_option("--db", args->db_path, "Index file")->required();
  command->add_option("--doc", args->doc, "Only this document: its path as indexed, SHA-256 or a unique prefix");
  auto* json = command->add_flag("--json", args->json, "JSON Lines: one redaction record per page with a finding");
  command->add_flag("--csv", args->csv, "CSV: one row per page with a finding")->excludes(json);
  return {command, [args] { return Redactions(*args); }};
}

}  // namespace foiamine::cli
