// Helpers shared by the tests: scratch directories, running the real binary,
// locating ../shared/eval.
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace foiamine::testing {

// A fresh empty directory under the system temp dir, removed on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the built `foiamine` binary with `args` (a shell-quoted argument string).
CommandResult RunFoiamine(const std::string& args);
// Runs any shell command, capturing stdout and stderr.
CommandResult RunShell(const std::string& command);

// Shell-quotes one argument.
std::string Quote(const std::string& arg);

// The repository root and ../shared/eval; SharedEval() is empty when absent.
std::filesystem::path SourceDir();
std::filesystem::path SharedEval();

void WriteFile(const std::filesystem::path& path, const std::string& bytes);
// Parses JSON Lines output (blank lines skipped).
std::vector<nlohmann::json> JsonLines(const std::string& text);
std::string ReadFile(const std::filesystem::path& path);

}  // namespace foiamine::testing

namespace foiamine::testing {

// Writes a born-digital PDF (cairo, Letter size, 11 pt DejaVu Sans / the
// default sans font) with one page per element of `pages`; each page's
// lines are drawn top to bottom. Also sets the PDF's title metadata.
void WriteTextPdf(const std::filesystem::path& path, const std::vector<std::vector<std::string>>& pages,
                  const std::string& title = "");

}  // namespace foiamine::testing
