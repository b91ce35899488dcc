#include "extractors/dc_law_xml.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <pugixml.hpp>

#include <cstring>

#include "extractors/text_fold.h"

namespace foiamine::extractors {
namespace {

// Whitespace folded, NFKC, quotes and dashes as the pipeline normalizes them.
std::string NormalizeText(const std::string& raw) {
  std::string s = raw;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status) && nfkc != nullptr) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    icu::UnicodeString n = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) {
      s.clear();
      n.toUTF8String(s);
    }
  }
  static const std::pair<const char*, const char*> kReplace[] = {
      {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},
      {"\xE2\x80\x90", "-"}, {"\xE2\x80\x91", "-"}, {"\xE2\x80\x92", "-"},  {"\xE2\x80\x93", "-"},
      {"\xE2\x80\x94", "-"}, {"\xE2\x88\x92", "-"}, {"\xC2\xAD", ""},
  };
  for (const auto& [from, to] : kReplace) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
      s.replace(pos, std::strlen(from), to);
      pos += std::strlen(to);
    }
  }
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string AllText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      out += n.value();
    } else if (n.type() == pugi::node_element) {
      out += AllText(n);
    }
  }
  return out;
}

class Layout {
 public:
  std::string text;
  std::vector<Section> sections;

  // Adds one line; returns its byte offset.
  size_t Line(const std::string& line) {
    if (!text.empty()) text += "\n";
    size_t at = text.size();
    text += line;
    return at;
  }

  void Para(const pugi::xml_node& para, const std::string& parent_path, int depth) {
    const std::string num = NormalizeText(para.child("num").child_value());
    const std::string heading = NormalizeText(AllText(para.child("heading")));
    std::string line = num;
    if (!heading.empty()) line += (line.empty() ? "" : " ") + heading;
    for (pugi::xml_node t = para.child("text"); t; t = t.next_sibling("text")) {
      std::string body = NormalizeText(AllText(t));
      if (!body.empty()) line += (line.empty() ? "" : " ") + body;
    }
    const size_t index = sections.size();
    Section s;
    s.marker = num;
    s.path = parent_path + num;
    s.heading = heading;
    s.depth = depth;
    sections.push_back(s);
    const size_t start = Line(line);
    starts_.push_back(start);
    line_ends_.push_back(text.size());
    ends_.push_back(0);
    for (pugi::xml_node child = para.child("para"); child; child = child.next_sibling("para"))
      Para(child, s.path, depth + 1);
    ends_[index] = text.size();
  }

  void Root(const pugi::xml_node& section) {
    const std::string num = NormalizeText(section.child("num").child_value());
    const std::string heading = NormalizeText(AllText(section.child("heading")));
    Section s;
    s.marker = num;
    s.path = num;
    s.heading = heading;
    sections.push_back(s);
    starts_.push_back(Line("§ " + num + "." + (heading.empty() ? "" : " " + heading)));
    line_ends_.push_back(text.size());
    ends_.push_back(0);
    for (pugi::xml_node t = section.child("text"); t; t = t.next_sibling("text")) {
      std::string note = NormalizeText(AllText(t));
      if (!note.empty()) Line(note);
    }
    for (pugi::xml_node para = section.child("para"); para; para = para.next_sibling("para")) Para(para, num, 1);
    ends_[0] = text.size();
    bool first = true;
    for (pugi::xml_node a = section.child("annotations").child("annotation"); a; a = a.next_sibling("annotation")) {
      std::string note = NormalizeText(AllText(a));
      if (note.empty()) continue;
      if (first) {
        text += "\n";
        Line("History");
        first = false;
      }
      Line(note);
    }
  }

  void Finish() {
    const std::vector<int> cp = internal::CodePointOffsets(text);
    for (size_t i = 0; i < sections.size(); ++i) {
      sections[i].page = 1;
      sections[i].end_page = 1;
      sections[i].char_start = cp[starts_[i]];
      sections[i].heading_end = cp[line_ends_[i]];
      sections[i].end_char = cp[ends_[i]];
    }
  }

 private:
  std::vector<size_t> starts_, line_ends_, ends_;
};

}  // namespace

StatusOr<DocumentInput> ParseDcCodeXml(std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) return Status::Corrupt(std::string("D.C. Code XML: ") + result.description());
  pugi::xml_node section = doc.child("section");
  if (!section || !section.child("num")) return Status::Corrupt("D.C. Code XML: no <section> with a <num>");
  Layout layout;
  layout.Root(section);
  layout.Finish();
  DocumentInput input;
  input.pages.push_back(PageText{1, layout.text});
  input.sections = std::move(layout.sections);
  DocumentMetadata& m = input.metadata;
  m.title = input.sections.front().heading;
  m.number = "D.C. Code § " + input.sections.front().marker;
  m.doc_kind = "statute";
  m.authority = "law";
  m.agency = "District";
  for (pugi::xml_node a = section.child("annotations").child("annotation"); a; a = a.next_sibling("annotation")) {
    if (std::string(a.attribute("type").value()) != "History") continue;
    std::string eff = a.attribute("eff").value();
    if (eff.size() == 10 && eff > m.effective) m.effective = eff;
  }
  return input;
}

}  // namespace foiamine::extractors
