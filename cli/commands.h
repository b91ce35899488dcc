// The commands of the `foiamine` binary (CONTRACTS.md), one function each.
//
// AddXCommand adds subcommand X and its options to the app and returns what
// runs it once the command line is parsed; the run returns the exit code of
// CONTRACTS.md (pipeline/runner.h: kExitOk, kExitUsage, kExitPartial,
// kExitInterrupted). The work itself is done by the libraries: pipeline/
// for run and merge, search/ for the rest, where each record's JSON is built
// too (a server calls the same functions). A command parses, calls, prints.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "extractors/jurisdiction.h"
#include "index/reader.h"

namespace foiamine::cli {

struct Command {
  CLI::App* app = nullptr;  // the subcommand; true when it was given
  std::function<int()> run;
};

// The batch side (cli/batch_commands.cc). `command_line` is recorded in the index.
Command AddRunCommand(CLI::App& app, const std::string& command_line);
Command AddMergeCommand(CLI::App& app, const std::string& command_line);
// Reading an index (cli/read_commands.cc).
Command AddStatusCommand(CLI::App& app);
Command AddSearchCommand(CLI::App& app);
Command AddPagesCommand(CLI::App& app);
Command AddClausesCommand(CLI::App& app);
// What a production withheld (cli/redactions_command.cc).
Command AddRedactionsCommand(CLI::App& app);
// Scoring and reporting (cli/report_commands.cc).
Command AddEvalCommand(CLI::App& app);
Command AddDivergeCommand(CLI::App& app);
// Back to the sources (cli/cite_commands.cc).
Command AddCiteCommand(CLI::App& app);
Command AddShowCommand(CLI::App& app);
Command AddVerifyCommand(CLI::App& app);
// The local web interface (cli/serve_command.cc).
Command AddServeCommand(CLI::App& app);

// Opens an existing index for reading; prints the reason ("foiamine
// COMMAND: ...") and returns nullopt when it cannot.
std::optional<IndexReader> OpenForReading(const std::string& db_path, const char* command);

// The rulebook's topic names (schemas/rulebook.yaml), for checking --topic;
// empty (with a warning) when the rulebook cannot be read: the index's
// topics are then the valid ones.
std::vector<std::string> RulebookTopics(const char* command);
// The rulebook file the topics and the search lexicons are read from.
std::string RulebookPath();

// This program's own path (/proc/self/exe): the helper processes that read
// PDFs and render pages run it again. Empty when it cannot be read.
std::string SelfExecutable();

// schemas/jurisdictions.yaml for pairing laws with the agencies they bind;
// without it (a warning) pairs are decided by jurisdiction codes alone.
std::optional<extractors::Jurisdictions> JurisdictionsForDivergence(const char* command);

}  // namespace foiamine::cli
