#include "pipeline/html_file.h"

#include <gumbo.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

#include "base/utf8.h"
#include "pipeline/text_file.h"

namespace foiamine {
namespace {

struct GumboFree {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

bool IsVoid(std::string_view tag) {
  for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                             "source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option"}) {
    if (tag == v) return true;  // no end tag, or one the parser closes itself
  }
  return false;
}

// An upper bound of the element nesting the parser would build (the open
// tags not closed), from the markup alone: refused before gumbo, whose tree
// and our walk would otherwise grow with it.
int NestingEstimate(std::string_view s) {
  int depth = 0, deepest = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    bool closing = s[i + 1] == '/';
    size_t j = i + 1 + (closing ? 1 : 0);
    size_t k = j;
    while (k < s.size() && std::isalnum(static_cast<unsigned char>(s[k]))) ++k;
    if (k == j) continue;
    std::string tag(s.substr(j, k - j));
    for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (IsVoid(tag)) continue;
    size_t gt = s.find('>', k);
    if (gt != std::string_view::npos && gt > 0 && s[gt - 1] == '/') continue;
    if (tag == "script" || tag == "style") {  // raw text: skip to its end tag
      size_t end = s.find("</", gt == std::string_view::npos ? k : gt);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    depth += closing ? -1 : 1;
    if (depth < 0) depth = 0;
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_FIELDSET:
      return true;
    default: return false;
  }
}

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT:
      return true;
    default: return false;
  }
}

const char* AttrOf(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Roman(int v) {
  static const std::pair<int, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  if (v <= 0 || v > 3999) return std::to_string(v);
  std::string out;
  for (auto [value, digits] : kDigits) {
    while (v >= value) {
      out += digits;
      v -= value;
    }
  }
  return out;
}

std::string OlMarker(const std::string& type, int v) {
  if ((type == "a" || type == "A") && v >= 1) {
    std::string s(static_cast<size_t>((v - 1) / 26 + 1), static_cast<char>((type == "a" ? 'a' : 'A') + (v - 1) % 26));
    return s + ".";
  }
  if (type == "i") return Roman(v) + ".";
  if (type == "I") {
    std::string r = Roman(v);
    for (auto& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r + ".";
  }
  return std::to_string(v) + ".";
}

// Whitespace folded to single spaces, trimmed.
std::string Fold(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
      out += ' ';
    } else if (n->type == GUMBO_NODE_ELEMENT && !IsSkipped(n->v.element.tag)) {
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
    }
  }
  return Fold(out);
}

const GumboNode* FindFirst(const GumboNode* root, bool (*match)(const GumboNode*)) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (match(n)) return n;
    if (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE) continue;
    const GumboVector& c = n->v.element.children;
    for (unsigned i = c.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
  }
  return nullptr;
}

// Writes the text of `root`'s subtree: an explicit stack of (node, leaving).
class TextWriter {
 public:
  void Write(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool leaving;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const GumboNode* n = f.node;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        Text(n->v.text.text);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = n->v.element.tag;
      if (f.leaving) {
        Leave(n);
        continue;
      }
      if (IsSkipped(tag)) continue;
      Enter(n);
      stack.push_back({n, true});
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i > 0; --i) stack.push_back({static_cast<const GumboNode*>(c.data[i - 1]), false});
    }
  }

  std::string text() const {
    std::string t = out_;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    return t;
  }

 private:
  struct List {
    bool ordered = false;
    std::string type = "1";
    int next = 1;
  };

  void Text(const char* s) {
    if (pre_ > 0) {
      out_ += s;
      return;
    }
    for (const char* p = s; *p; ++p) {
      char c = *p;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
      } else {
        out_ += c;
      }
    }
  }

  void Paragraph() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (out_.empty()) return;
    if (out_.size() >= 2 && out_.compare(out_.size() - 2, 2, "\n\n") == 0) return;
    out_ += out_.back() == '\n' ? "\n" : "\n\n";
  }

  void Enter(const GumboNode* n) {
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      out_ += '\n';
      return;
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      if (!out_.empty() && out_.back() != '\n') out_ += " | ";
      return;
    }
    if (IsBlock(tag)) Paragraph();
    if (tag == GUMBO_TAG_PRE) ++pre_;
    if (tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) {
      List l;
      l.ordered = tag == GUMBO_TAG_OL;
      if (const char* t = AttrOf(n, "type")) l.type = t;
      if (const char* s = AttrOf(n, "start")) l.next = std::atoi(s);
      lists_.push_back(l);
    }
    if (tag == GUMBO_TAG_LI) {
      if (lists_.empty() || !lists_.back().ordered) {
        out_ += "\xE2\x80\xA2 ";
      } else {
        List& l = lists_.back();
        if (const char* v = AttrOf(n, "value")) l.next = std::atoi(v);
        out_ += OlMarker(l.type, l.next++) + " ";
      }
    }
  }

  void Leave(const GumboNode* n) {
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_PRE && pre_ > 0) --pre_;
    if ((tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) && !lists_.empty()) lists_.pop_back();
    if (IsBlock(tag)) Paragraph();
  }

  std::string out_;
  int pre_ = 0;
  std::vector<List> lists_;
};

}  // namespace

StatusOr<HtmlText> HtmlToText(std::string_view utf8) {
  if (utf8.size() > kMaxHtmlBytes) {
    return Status::Unsupported("HTML larger than " + std::to_string(kMaxHtmlBytes >> 20) + " MiB");
  }
  if (int depth = NestingEstimate(utf8); depth > kMaxHtmlDepth) {
    return Status::Unsupported("HTML nested deeper than " + std::to_string(kMaxHtmlDepth) + " elements (" +
                               std::to_string(depth) + ")");
  }
  std::unique_ptr<GumboOutput, GumboFree> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()));
  if (!output || !output->root) return Status::Corrupt("HTML the parser could not read");
  HtmlText out;
  if (const GumboNode* title = FindFirst(output->root, [](const GumboNode* n) {
        return n->v.element.tag == GUMBO_TAG_TITLE;
      })) {
    out.title = TextOf(title);
  }
  const GumboNode* main = FindFirst(output->root, [](const GumboNode* n) {
    const char* role = AttrOf(n, "role");
    return n->v.element.tag == GUMBO_TAG_MAIN || (role && Lower(role) == "main");
  });
  if (!main) main = FindFirst(output->root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_ARTICLE; });
  if (!main) main = FindFirst(output->root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_BODY; });
  if (!main) main = output->root;
  if (out.title.empty()) {
    if (const GumboNode* h1 = FindFirst(main, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_H1; })) {
      out.title = TextOf(h1);
    }
  }
  TextWriter writer;
  writer.Write(main);
  out.text = writer.text();
  return out;
}

StatusOr<SourceDocument> PagesFromHtml(std::string_view bytes) {
  std::string decoded;
  std::vector<std::string> warnings;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (!IsValidUtf8(bytes)) {
    decoded = DecodeWindows1252(bytes);
    bytes = decoded;
    warnings.push_back("HTML not valid UTF-8; decoded as Windows-1252");
  }
  auto html = HtmlToText(bytes);
  if (!html.ok()) return html.status();
  if (html->text.find_first_not_of(" \n\t") == std::string::npos) {
    return Status::Corrupt("HTML page with no text in its body");
  }
  SourceDocument doc = PagesFromText(html->text);
  for (auto& w : warnings) doc.warnings.push_back(w);
  doc.hints.title = html->title;
  return doc;
}

}  // namespace foiamine
