// A corpus source document: metadata (`@key value` lines) and a body of
// blocks in the small markup described in corpus/README.md.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace corpus {

enum class BlockKind {
  kParagraph,  // wrapped text; `>` prefixes give the indent level
  kHeading,    // `# text`: one bold line
  kTitle,      // `## text`: one centered bold line, larger
  kVerbatim,   // `| text`: one line printed exactly, never wrapped
  kCenter,     // `\center text`
  kRight,      // `\right text`
  kRule,       // `\rule`: a horizontal line
  kGap,        // a blank source line: vertical space
  kPageBreak,  // `\page`
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int indent = 0;
  std::string text;
};

struct Stamp {
  int page = 1;  // 1-based
  std::string text;
};

struct Document {
  std::filesystem::path source;      // the .src file it came from
  std::map<std::string, std::string> meta;
  std::vector<Stamp> stamps;         // `@stamp PAGE|TEXT`, repeatable
  std::vector<std::string> raw_body; // body lines as written (text mode)
  std::vector<Block> blocks;

  // The value of `@key`, or `fallback` when absent.
  std::string Get(const std::string& key, const std::string& fallback = "") const;
  double GetNumber(const std::string& key, double fallback) const;
};

// Parses one source file. Throws std::runtime_error with file:line on errors.
Document ParseDocument(const std::filesystem::path& file);

}  // namespace corpus
