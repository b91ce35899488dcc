#include "document.h"

#include <fstream>
#include <stdexcept>

namespace corpus {

std::string Document::Get(const std::string& key, const std::string& fallback) const {
  auto it = meta.find(key);
  return it == meta.end() ? fallback : it->second;
}

double Document::GetNumber(const std::string& key, double fallback) const {
  auto it = meta.find(key);
  return it == meta.end() ? fallback : std::stod(it->second);
}

namespace {

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Turns the body lines into blocks. A paragraph runs until a blank line or
// a line that starts another block.
std::vector<Block> ParseBlocks(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  Block para;
  bool in_para = false;
  auto flush = [&] {
    if (in_para) blocks.push_back(para);
    in_para = false;
  };
  for (const std::string& raw : lines) {
    std::string line = Trim(raw);
    if (line.empty()) {
      flush();
      if (blocks.empty() || blocks.back().kind != BlockKind::kGap)
        blocks.push_back({BlockKind::kGap, 0, ""});
    } else if (StartsWith(line, "## ")) {
      flush();
      blocks.push_back({BlockKind::kTitle, 0, line.substr(3)});
    } else if (StartsWith(line, "# ")) {
      flush();
      blocks.push_back({BlockKind::kHeading, 0, line.substr(2)});
    } else if (line[0] == '|') {
      flush();
      // Verbatim keeps its inner spacing: take the raw line after the bar.
      std::string text = raw.substr(raw.find('|') + 1);
      if (StartsWith(text, " ")) text = text.substr(1);
      while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
      blocks.push_back({BlockKind::kVerbatim, 0, text});
    } else if (line == "\\page") {
      flush();
      blocks.push_back({BlockKind::kPageBreak, 0, ""});
    } else if (line == "\\rule") {
      flush();
      blocks.push_back({BlockKind::kRule, 0, ""});
    } else if (StartsWith(line, "\\center ")) {
      flush();
      blocks.push_back({BlockKind::kCenter, 0, Trim(line.substr(8))});
    } else if (StartsWith(line, "\\right ")) {
      flush();
      blocks.push_back({BlockKind::kRight, 0, Trim(line.substr(7))});
    } else if (in_para) {
      para.text += " " + line;
    } else {
      int indent = 0;
      while (indent < static_cast<int>(line.size()) && line[indent] == '>') ++indent;
      para = {BlockKind::kParagraph, indent, Trim(line.substr(indent))};
      in_para = true;
    }
  }
  flush();
  return blocks;
}

}  // namespace

Document ParseDocument(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  Document doc;
  doc.source = file;
  std::string line;
  int line_no = 0;
  bool in_body = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (in_body) {
      doc.raw_body.push_back(line);
      continue;
    }
    if (line == "---") {
      in_body = true;
    } else if (StartsWith(line, "%") || Trim(line).empty()) {
      // comment or blank line in the metadata
    } else if (StartsWith(line, "@")) {
      size_t sp = line.find(' ');
      std::string key = line.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
      std::string value = sp == std::string::npos ? "" : Trim(line.substr(sp + 1));
      if (key == "stamp") {
        size_t bar = value.find('|');
        if (bar == std::string::npos)
          throw std::runtime_error(file.string() + ":" + std::to_string(line_no) +
                                   ": @stamp needs PAGE|TEXT");
        doc.stamps.push_back({std::stoi(value.substr(0, bar)), value.substr(bar + 1)});
      } else {
        doc.meta[key] = value;
      }
    } else {
      throw std::runtime_error(file.string() + ":" + std::to_string(line_no) +
                               ": expected @key value or ---");
    }
  }
  if (!in_body) throw std::runtime_error(file.string() + ": no --- before the body");
  if (doc.Get("path").empty()) throw std::runtime_error(file.string() + ": no @path");
  doc.blocks = ParseBlocks(doc.raw_body);
  return doc;
}

}  // namespace corpus
