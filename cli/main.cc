// foiamine: the one command-line binary (CONTRACTS.md).
//
// Output for people goes to stdout; progress and diagnostics to stderr;
// --json is JSON Lines. Exit codes: 0 ok, 1 usage or fatal error, 2 partial
// (some inputs failed, each recorded), 3 interrupted.
//
// main() parses and dispatches; each command is a function in cli/ (see
// cli/commands.h), and the work is done by the libraries.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "pipeline/pdf_text.h"
#include "render/render_process.h"
#include "pipeline/runner.h"

namespace {

std::string CommandLine(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}

// Tesseract's OpenMP must run one thread per worker: with it left on, two
// workers on two cores take ~6x longer per page. libgomp reads
// OMP_THREAD_LIMIT once, when it is loaded (before main), so setting it here
// is too late for this process image: set it and exec ourselves again. An
// OMP_THREAD_LIMIT already in the environment is respected (the benchmark
// sets a large one to measure OpenMP left on).
void HoldOpenMpToOneThread(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // exec failed: go on (slower with OCR), but say so.
  std::cerr << "foiamine: warning: could not re-execute with OMP_THREAD_LIMIT=1; OCR may be slow\n";
}

}  // namespace

extern "C" int omp_get_thread_limit(void);

int main(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "run" || std::string(argv[1]) == "__omp-thread-limit")) {
    HoldOpenMpToOneThread(argv);
  }
  // Internal: OpenMP's thread limit as libgomp read it at load (tests, bench).
  if (argc == 2 && std::string(argv[1]) == "__omp-thread-limit") {
    std::cout << omp_get_thread_limit() << "\n";
    return 0;
  }
  // Internal: the isolated Poppler text extraction (pipeline/pdf_text.h).
  if (argc == 3 && std::string(argv[1]) == "__pdf-text") {
    return foiamine::ServePdfTextRequest(argv[2], STDOUT_FILENO);
  }
  // Internal: the long-lived text extraction helper of a run (pipeline/pdf_text.h PdfTextService).
  if (argc == 2 && std::string(argv[1]) == "__pdf-text-server") {
    return foiamine::ServePdfTextRequests(STDIN_FILENO, STDOUT_FILENO);
  }
  // Internal: the page-render helper (render/render_process.h) of the OCR workers and exhibits.
  if (argc == 2 && std::string(argv[1]) == "__render-pages") {
    return foiamine::ServeRenderRequests(STDIN_FILENO, STDOUT_FILENO);
  }
  CLI::App app{"foiamine: mine public-records drops for the clauses that govern cooperation with federal\n"
               "immigration enforcement, and cite them precisely."};
  app.require_subcommand(1);
  app.set_version_flag("--version", FOIAMINE_VERSION_STRING);

  namespace cli = foiamine::cli;
  const std::string command_line = CommandLine(argc, argv);
  const std::vector<cli::Command> commands = {
      cli::AddRunCommand(app, command_line), cli::AddStatusCommand(app),  cli::AddSearchCommand(app),
      cli::AddPagesCommand(app),             cli::AddClausesCommand(app), cli::AddEvalCommand(app),
      cli::AddDivergeCommand(app),           cli::AddCiteCommand(app),    cli::AddVerifyCommand(app),
      cli::AddShowCommand(app),              cli::AddMergeCommand(app, command_line), cli::AddServeCommand(app),
      cli::AddRedactionsCommand(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : foiamine::kExitUsage;
  }
  for (const auto& command : commands) {
    if (*command.app) return command.run();
  }
  return foiamine::kExitUsage;
}
