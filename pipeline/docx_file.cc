#include "pipeline/docx_file.h"

#include <pugixml.hpp>

#include <array>
#include <cstring>
#include <map>
#include <vector>

#include "pipeline/ooxml_package.h"
#include "pipeline/text_file.h"

namespace foiamine {
namespace {

// A level of a Word list: how its number is printed.
struct ListLevel {
  int start = 1;
  std::string format = "decimal";  // numFmt: decimal, lowerLetter, upperRoman, bullet, none, ...
  std::string text = "%1.";        // lvlText: "%1.", "(%2)", "%1.%2."
};
using ListLevels = std::array<ListLevel, 9>;

struct Numbering {
  std::map<std::string, ListLevels> abstract;        // abstractNumId -> levels
  std::map<std::string, std::string> num_abstract;   // numId -> abstractNumId
  std::map<std::string, std::map<int, int>> starts;  // numId -> level -> startOverride
  std::map<std::string, std::array<int, 9>> counters;
  std::map<std::string, std::array<bool, 9>> seen;
};

const char* Attr(const pugi::xml_node& n, const char* name) { return n.attribute(name).value(); }

Numbering ReadNumbering(const std::string* xml) {
  Numbering n;
  if (!xml) return n;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml->data(), xml->size())) return n;
  pugi::xml_node root = doc.child("w:numbering");
  for (pugi::xml_node a : root.children("w:abstractNum")) {
    ListLevels levels;
    for (pugi::xml_node lvl : a.children("w:lvl")) {
      int i = std::atoi(Attr(lvl, "w:ilvl"));
      if (i < 0 || i > 8) continue;
      if (auto s = lvl.child("w:start")) levels[i].start = std::atoi(Attr(s, "w:val"));
      if (auto f = lvl.child("w:numFmt")) levels[i].format = Attr(f, "w:val");
      if (auto t = lvl.child("w:lvlText")) levels[i].text = Attr(t, "w:val");
    }
    n.abstract[Attr(a, "w:abstractNumId")] = levels;
  }
  for (pugi::xml_node num : root.children("w:num")) {
    const std::string id = Attr(num, "w:numId");
    n.num_abstract[id] = Attr(num.child("w:abstractNumId"), "w:val");
    for (pugi::xml_node o : num.children("w:lvlOverride")) {
      if (auto s = o.child("w:startOverride")) n.starts[id][std::atoi(Attr(o, "w:ilvl"))] = std::atoi(Attr(s, "w:val"));
    }
  }
  return n;
}

std::string Roman(int v, bool upper) {
  static const std::pair<int, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  if (v <= 0 || v > 3999) return std::to_string(v);
  for (auto [value, digits] : kDigits) {
    while (v >= value) {
      out += digits;
      v -= value;
    }
  }
  if (upper) for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Letters(int v, bool upper) {
  if (v <= 0) return std::to_string(v);
  // Word repeats the letter past z: aa, bb, ...
  std::string out(static_cast<size_t>((v - 1) / 26 + 1), static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26));
  return out;
}

std::string FormatNumber(int v, const std::string& format) {
  if (format == "lowerLetter") return Letters(v, false);
  if (format == "upperLetter") return Letters(v, true);
  if (format == "lowerRoman") return Roman(v, false);
  if (format == "upperRoman") return Roman(v, true);
  if (format == "bullet") return "\xE2\x80\xA2";
  if (format == "none") return "";
  return std::to_string(v);  // decimal and everything else
}

// The number Word prints before a paragraph of list `num_id` at `level`.
std::string ListMarker(Numbering& n, const std::string& num_id, int level) {
  if (num_id.empty() || num_id == "0" || level < 0 || level > 8) return {};
  auto a = n.num_abstract.find(num_id);
  if (a == n.num_abstract.end()) return {};
  auto levels_it = n.abstract.find(a->second);
  if (levels_it == n.abstract.end()) return {};
  const ListLevels& levels = levels_it->second;
  auto start_of = [&](int l) {
    auto o = n.starts.find(num_id);
    if (o != n.starts.end() && o->second.count(l)) return o->second.at(l);
    return levels[l].start;
  };
  auto& counters = n.counters[num_id];
  auto& seen = n.seen[num_id];
  counters[level] = seen[level] ? counters[level] + 1 : start_of(level);
  seen[level] = true;
  for (int deeper = level + 1; deeper < 9; ++deeper) seen[deeper] = false;
  if (levels[level].format == "bullet") return "\xE2\x80\xA2";
  std::string out;
  const std::string& text = levels[level].text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      int l = text[i + 1] - '1';
      int value = l == level ? counters[l] : (seen[l] ? counters[l] : start_of(l));
      out += FormatNumber(value, levels[l].format);
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Tracked changes and comments, in document order.
struct Evidence {
  std::vector<std::string> lines;
};

std::string Revision(const pugi::xml_node& n, const char* what) {
  std::string out = std::string("[") + what;
  if (*Attr(n, "w:author")) out += " by " + std::string(Attr(n, "w:author"));
  if (*Attr(n, "w:date")) out += ", " + std::string(Attr(n, "w:date")).substr(0, 10);
  return out + "] ";
}

class BodyWriter {
 public:
  BodyWriter(Numbering& numbering, Evidence& evidence) : numbering_(numbering), evidence_(evidence) {}

  void Block(const pugi::xml_node& parent, int depth) {
    for (pugi::xml_node child : parent.children()) {
      const char* name = child.name();
      if (std::strcmp(name, "w:p") == 0) {
        Paragraph(child);
        text_ += "\n\n";
      } else if (std::strcmp(name, "w:tbl") == 0) {
        for (pugi::xml_node row : child.children("w:tr")) {
          bool first = true;
          for (pugi::xml_node cell : row.children("w:tc")) {
            if (!first) text_ += " | ";
            first = false;
            Cell(cell, depth + 1);
          }
          text_ += "\n\n";
        }
      } else if (std::strcmp(name, "w:sdt") == 0 || std::strcmp(name, "w:customXml") == 0 ||
                 std::strcmp(name, "w:ins") == 0) {
        Block(std::strcmp(name, "w:sdt") == 0 ? child.child("w:sdtContent") : child, depth + 1);
      }
    }
  }

  std::string& text() { return text_; }
  int breaks() const { return breaks_; }

 private:
  void Cell(const pugi::xml_node& cell, int depth) {
    bool first = true;
    for (pugi::xml_node p : cell.children()) {
      if (std::strcmp(p.name(), "w:p") == 0) {
        if (!first) text_ += " ";
        first = false;
        Paragraph(p);
      } else if (std::strcmp(p.name(), "w:tbl") == 0 && depth < 32) {
        std::string saved;
        saved.swap(text_);
        Block(cell, depth + 1);  // a nested table, flattened into the cell
        for (char& c : text_) if (c == '\n') c = ' ';
        saved += text_;
        text_.swap(saved);
        break;
      }
    }
  }

  void Paragraph(const pugi::xml_node& p) {
    pugi::xml_node ppr = p.child("w:pPr");
    if (ppr.child("w:pageBreakBefore")) PageBreak();
    if (pugi::xml_node num = ppr.child("w:numPr")) {
      std::string marker = ListMarker(numbering_, Attr(num.child("w:numId"), "w:val"),
                                      std::atoi(Attr(num.child("w:ilvl"), "w:val")));
      if (!marker.empty()) text_ += marker + " ";
    }
    // Walk the paragraph's runs in document order (an explicit stack: no
    // recursion on untrusted nesting).
    std::vector<std::pair<pugi::xml_node, int>> stack;  // node, 0 normal / 1 inserted / 2 deleted
    for (pugi::xml_node c = p.last_child(); c; c = c.previous_sibling()) stack.emplace_back(c, 0);
    std::string deleted, inserted;
    pugi::xml_node del_node, ins_node;
    while (!stack.empty()) {
      auto [n, mode] = stack.back();
      stack.pop_back();
      const char* name = n.name();
      if (std::strcmp(name, "w:t") == 0) {
        text_ += n.text().get();
        if (mode == 1) inserted += n.text().get();
      } else if (std::strcmp(name, "w:delText") == 0) {
        deleted += n.text().get();
      } else if (std::strcmp(name, "w:tab") == 0) {
        text_ += mode == 2 ? "" : "\t";
      } else if (std::strcmp(name, "w:br") == 0 || std::strcmp(name, "w:cr") == 0) {
        if (std::strcmp(Attr(n, "w:type"), "page") == 0) PageBreak();
        else if (mode != 2) text_ += "\n";
      } else if (std::strcmp(name, "w:lastRenderedPageBreak") == 0) {
        PageBreak();
      } else if (std::strcmp(name, "w:pPr") == 0 || std::strcmp(name, "w:rPr") == 0 ||
                 std::strcmp(name, "w:instrText") == 0) {
        continue;
      } else {
        int child_mode = mode;
        if (std::strcmp(name, "w:del") == 0 || std::strcmp(name, "w:moveFrom") == 0) {
          child_mode = 2;
          del_node = n;
        } else if (std::strcmp(name, "w:ins") == 0 || std::strcmp(name, "w:moveTo") == 0) {
          child_mode = 1;
          ins_node = n;
        }
        if (stack.size() > 100000) break;
        for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.emplace_back(c, child_mode);
      }
    }
    if (!deleted.empty()) evidence_.lines.push_back(Revision(del_node, "deleted") + deleted);
    if (!inserted.empty()) evidence_.lines.push_back(Revision(ins_node, "inserted") + inserted);
  }

  void PageBreak() {
    // A page break in an empty page (the first paragraph's, or two in a row) makes no empty page.
    const size_t last = text_.rfind('\f');
    const size_t from = last == std::string::npos ? 0 : last + 1;
    if (text_.find_first_not_of(" \t\n", from) == std::string::npos) return;
    text_ += "\f";
    ++breaks_;
  }

  Numbering& numbering_;
  Evidence& evidence_;
  std::string text_;
  int breaks_ = 0;
};

// The plain text of a part's paragraphs (headers, footers, comments).
std::string PartText(const pugi::xml_node& root) {
  std::string out;
  for (pugi::xpath_node p : root.select_nodes(".//w:p")) {
    std::string line;
    for (pugi::xpath_node t : p.node().select_nodes(".//w:t")) line += t.node().text().get();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    out += line + "\n";
  }
  return out;
}

}  // namespace

StatusOr<SourceDocument> ReadDocx(const std::filesystem::path& path) {
  auto package = ReadOoxmlPackage(path);
  if (!package.ok()) return package.status().code() == Status::Code::kUnsupported ? Status::Unsupported("Word document: " + package.status().message())
                                                                 : Status::Corrupt("Word document: " + package.status().message());
  const std::string* body_xml = package->Find("word/document.xml");
  if (!body_xml) return Status::Corrupt("Word document without word/document.xml");
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(body_xml->data(), body_xml->size());
  if (!parsed) {
    return Status::Corrupt(std::string("Word document: word/document.xml is not well-formed XML (") +
                           parsed.description() + " at byte " + std::to_string(parsed.offset) + ")");
  }
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) return Status::Corrupt("Word document: word/document.xml has no w:document/w:body");

  Numbering numbering = ReadNumbering(package->Find("word/numbering.xml"));
  Evidence evidence;
  BodyWriter writer(numbering, evidence);
  writer.Block(body, 0);
  std::string text = writer.text();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\f')) text.pop_back();

  std::string margins;
  for (const auto& [name, xml] : package->parts) {
    const bool header = name.rfind("word/header", 0) == 0, footer = name.rfind("word/footer", 0) == 0;
    if (!header && !footer) continue;
    pugi::xml_document part;
    if (!part.load_buffer(xml.data(), xml.size())) continue;
    std::string t = PartText(part.document_element());
    if (!t.empty()) margins += std::string(header ? "Header" : "Footer") + ": " + t;
  }
  if (const std::string* comments = package->Find("word/comments.xml")) {
    pugi::xml_document part;
    if (part.load_buffer(comments->data(), comments->size())) {
      for (pugi::xml_node c : part.child("w:comments").children("w:comment")) {
        std::string t = PartText(c);
        while (!t.empty() && t.back() == '\n') t.pop_back();
        for (char& ch : t) if (ch == '\n') ch = ' ';
        if (!t.empty()) evidence.lines.push_back(Revision(c, "comment") + t);
      }
    }
  }
  SourceDocument out;
  if (!margins.empty()) text += "\fHeaders and footers of this Word document (printed on its pages):\n\n" + margins;
  if (!evidence.lines.empty()) {
    text += "\fTracked changes and comments in this Word document (revision marks, kept as evidence):\n\n";
    for (const auto& line : evidence.lines) text += line + "\n\n";
  }
  SourceDocument pages = PagesFromText(text);
  out.pages = std::move(pages.pages);
  out.warnings = std::move(pages.warnings);
  if (writer.breaks() == 0) {
    out.warnings.push_back("Word document with no recorded page breaks: its body is one pseudo-page (p. 1)");
  }
  if (const std::string* core = package->Find("docProps/core.xml")) {
    pugi::xml_document part;
    if (part.load_buffer(core->data(), core->size())) {
      std::string title = part.document_element().child("dc:title").text().get();
      if (title.find_first_not_of(" \t\r\n") != std::string::npos) out.hints.title = title;
    }
  }
  return out;
}

}  // namespace foiamine
