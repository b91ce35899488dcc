#include "typeset.h"

#include <stdexcept>

namespace corpus {
namespace {

constexpr double kLeft = 72, kRight = kPageWidth - 72;
constexpr double kBodyTop = 76, kBodyBottom = kPageHeight - 72;
constexpr double kIndentStep = 24;

struct FontOptionsDeleter {
  void operator()(cairo_font_options_t* p) const { cairo_font_options_destroy(p); }
};

// A word of a paragraph: text with optional `~` hyphenation points, or a
// redaction box `[[hidden]]` whose width is that of the hidden text.
struct Token {
  std::string text;
  bool box = false;
};

std::vector<Token> Tokenize(const std::string& text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') { ++i; continue; }
    if (text.compare(i, 2, "[[") == 0) {
      size_t end = text.find("]]", i);
      if (end == std::string::npos) throw std::runtime_error("unclosed [[ in: " + text);
      tokens.push_back({text.substr(i + 2, end - i - 2), true});
      i = end + 2;
      continue;
    }
    size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    tokens.push_back({text.substr(i, end - i), false});
    i = end;
  }
  return tokens;
}

std::string Without(std::string s, char c) {
  std::erase(s, c);
  return s;
}

std::string Substitute(std::string s, int page, int pages) {
  auto replace = [&s](const std::string& key, const std::string& value) {
    for (size_t p; (p = s.find(key)) != std::string::npos;) s.replace(p, key.size(), value);
  };
  replace("{page}", std::to_string(page));
  replace("{pages}", std::to_string(pages));
  return s;
}

}  // namespace

Typesetter::Typesetter() {
  // Our own context with hinting off: metrics then do not depend on the
  // target surface or its resolution.
  PangoFontMap* map = pango_cairo_font_map_get_default();  // not owned
  context_.reset(pango_font_map_create_context(map));
  std::unique_ptr<cairo_font_options_t, FontOptionsDeleter> options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
  pango_cairo_context_set_resolution(context_.get(), 72);  // 1 pt = 1 unit
}

LayoutPtr Typesetter::MakeLayout(const std::string& text, const std::string& font) const {
  LayoutPtr layout(pango_layout_new(context_.get()));
  FontPtr desc(pango_font_description_from_string(font.c_str()));
  pango_layout_set_font_description(layout.get(), desc.get());
  pango_layout_set_text(layout.get(), text.c_str(), -1);
  return layout;
}

double Typesetter::Width(const std::string& text, const std::string& font) const {
  LayoutPtr layout = MakeLayout(text, font);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return logical.width / static_cast<double>(PANGO_SCALE);
}

std::vector<Page> Typesetter::Layout(const Document& doc) const {
  const std::string family = doc.Get("font", "Liberation Serif");
  const double size = doc.GetNumber("size", 11);
  const std::string body_font = family + " " + std::to_string(size);
  const std::string bold_font = family + " Bold " + std::to_string(size);
  const std::string title_font = family + " Bold " + std::to_string(size + 2);
  const double leading = size * doc.GetNumber("leading", 1.35);
  const double space = Width(" ", body_font);

  std::vector<Page> pages(1);
  double y = kBodyTop;
  auto new_page = [&] {
    pages.emplace_back();
    y = kBodyTop;
  };
  auto place = [&](Line line, double height) {
    if (y + height > kBodyBottom) new_page();
    line.y = y;
    y += height;
    pages.back().lines.push_back(std::move(line));
  };
  // Builds a line from tokens: words join into runs, boxes stand alone.
  auto make_line = [&](const std::vector<Token>& tokens, const std::string& font, double x) {
    Line line;
    line.x = x;
    line.font = font;
    for (const Token& t : tokens) {
      if (t.box) {
        line.segments.push_back({"", true, Width(t.text, font)});
      } else if (!line.segments.empty() && !line.segments.back().box) {
        line.segments.back().text += " " + t.text;
      } else {
        line.segments.push_back({t.text, false, 0});
      }
    }
    for (Segment& s : line.segments) {
      if (s.box) continue;
      s.text = Without(s.text, '~');
      s.width = Width(s.text, font);
    }
    for (const Segment& s : line.segments) {
      if (!line.truth.empty()) line.truth += " ";
      line.truth += s.box ? "" : s.text;
    }
    return line;
  };
  auto line_width = [&](const Line& line) {
    double w = 0;
    for (const Segment& s : line.segments) w += s.width;
    return w + space * (line.segments.size() > 0 ? line.segments.size() - 1 : 0);
  };
  auto single = [&](const std::string& text, const std::string& font, int align) {
    Line line = make_line(Tokenize(text), font, kLeft);
    double w = line_width(line);
    if (align == 1) line.x = (kPageWidth - w) / 2;
    if (align == 2) line.x = kRight - w;
    return line;
  };

  // Greedy line breaking: a word that does not fit is hyphenated at its
  // last `~` that fits, or moves to the next line.
  auto wrap = [&](const std::string& text, const std::string& font, double x) {
    const double avail = kRight - x;
    std::vector<Token> pending = Tokenize(text);
    std::vector<Token> current;
    size_t next = 0;
    while (next < pending.size()) {
      Token word = pending[next];
      current.push_back(word);
      if (current.size() == 1 || line_width(make_line(current, font, x)) <= avail) {
        ++next;
        continue;
      }
      current.pop_back();
      if (!word.box) {
        for (size_t cut = word.text.rfind('~'); cut != std::string::npos && cut > 0;
             cut = word.text.rfind('~', cut - 1)) {
          std::vector<Token> trial = current;
          trial.push_back({word.text.substr(0, cut) + "-", false});
          if (line_width(make_line(trial, font, x)) <= avail) {
            current = trial;
            pending[next].text = word.text.substr(cut + 1);
            break;
          }
        }
      }
      place(make_line(current, font, x), leading);
      current.clear();
    }
    if (!current.empty()) place(make_line(current, font, x), leading);
  };

  for (const Block& block : doc.blocks) {
    switch (block.kind) {
      case BlockKind::kGap:
        if (y > kBodyTop) y += leading * 0.6;
        break;
      case BlockKind::kPageBreak:
        new_page();
        break;
      case BlockKind::kRule: {
        Line line;
        line.x = kLeft;
        line.rule = true;
        line.rule_width = kRight - kLeft;
        place(line, leading * 0.6);
        break;
      }
      case BlockKind::kTitle:
        place(single(block.text, title_font, 1), leading * 1.2);
        break;
      case BlockKind::kHeading:
        wrap(block.text, bold_font, kLeft);
        break;
      case BlockKind::kCenter:
        place(single(block.text, body_font, 1), leading);
        break;
      case BlockKind::kRight:
        place(single(block.text, body_font, 2), leading);
        break;
      case BlockKind::kVerbatim: {
        // Keep the spacing: text between boxes is one run, spaces and all.
        Line line;
        line.x = kLeft;
        line.font = body_font;
        size_t i = 0;
        const std::string& t = block.text;
        while (i < t.size()) {
          size_t open = t.find("[[", i);
          std::string run = t.substr(i, open == std::string::npos ? std::string::npos : open - i);
          if (!run.empty()) line.segments.push_back({run, false, 0});
          if (open == std::string::npos) break;
          size_t close = t.find("]]", open);
          if (close == std::string::npos) throw std::runtime_error("unclosed [[ in: " + t);
          // `[[!text]]`: a bad redaction, the box drawn over text it leaves in the text layer.
          const bool leak = t.compare(open + 2, 1, "!") == 0;
          const std::string hidden = t.substr(open + 2 + leak, close - open - 2 - leak);
          line.segments.push_back({leak ? hidden : "", true, Width(hidden, body_font), leak});
          i = close + 2;
        }
        for (Segment& s : line.segments) {
          if (!s.box) s.width = Width(s.text, body_font);
          line.truth += s.box ? " " : s.text;
        }
        // Verbatim runs are placed edge to edge: no extra space between.
        line.rule_width = -1;
        place(line, leading);
        break;
      }
      case BlockKind::kParagraph:
        wrap(block.text, body_font, kLeft + kIndentStep * block.indent);
        break;
    }
  }

  // Running header and footer, and scan stamps, once the page count is known.
  const int total = static_cast<int>(pages.size());
  const std::string small_font = family + " " + std::to_string(size - 2);
  for (int p = 0; p < total; ++p) {
    std::vector<Line> top;
    for (const Stamp& stamp : doc.stamps) {
      if (stamp.page != p + 1) continue;
      Line line = single(stamp.text, "Liberation Sans Bold 12", 2);
      line.x -= 8;
      line.y = 22;
      line.gray = 0.35;
      line.framed = true;
      top.push_back(line);
    }
    for (const char* key : {"header", "footer"}) {
      std::string value = doc.Get(key);
      if (value.empty()) continue;
      value = Substitute(value, p + 1, total);
      size_t bar = value.find('|');
      Line left = single(value.substr(0, bar), small_font, bar == std::string::npos ? 1 : 0);
      double y_pos = std::string(key) == "header" ? 46 : kPageHeight - 54;
      left.y = y_pos;
      if (bar != std::string::npos) {
        Line right = single(value.substr(bar + 1), small_font, 2);
        left.segments.push_back({"", false, right.x - left.x - line_width(left)});
        left.segments.back().box = false;
        for (Segment& s : right.segments) left.segments.push_back(s);
        left.truth += " " + right.truth;
        left.rule_width = -1;  // runs placed by their own widths
      }
      if (std::string(key) == "header") top.push_back(left);
      else pages[p].lines.push_back(left);
    }
    pages[p].lines.insert(pages[p].lines.begin(), top.begin(), top.end());
  }
  return pages;
}

// A redaction box of `line` starting at `x`, as Draw() fills it: the height
// of the line's font ("Xg"), inset 5% at top and bottom.
std::array<double, 4> Typesetter::BoxOf(const Line& line, double x, const Segment& s) const {
  LayoutPtr probe = MakeLayout("Xg", line.font);
  PangoRectangle r;
  pango_layout_get_extents(probe.get(), nullptr, &r);
  const double height = r.height / static_cast<double>(PANGO_SCALE);
  return {x, line.y + height * 0.05, x + s.width, line.y + height * 0.95};
}

std::vector<std::array<double, 4>> Typesetter::RedactionBoxes(const Page& page) const {
  std::vector<std::array<double, 4>> out;
  for (const Line& line : page.lines) {
    if (line.rule) continue;
    const double gap = line.rule_width < 0 ? 0 : Width(" ", line.font);
    double x = line.x;
    for (const Segment& s : line.segments) {
      if (s.box) out.push_back(BoxOf(line, x, s));
      x += s.width + gap;
    }
  }
  return out;
}

std::vector<std::string> Typesetter::LeakedTexts(const Page& page) {
  std::vector<std::string> out;
  for (const Line& line : page.lines) {
    for (const Segment& s : line.segments) {
      if (s.box && s.leak) out.push_back(s.text);
    }
  }
  return out;
}

void Typesetter::Draw(cairo_t* cr, const Page& page) const {
  for (const Line& line : page.lines) {
    cairo_set_source_rgb(cr, line.gray, line.gray, line.gray);
    if (line.rule) {
      cairo_set_line_width(cr, 0.8);
      cairo_move_to(cr, line.x, line.y + 4);
      cairo_line_to(cr, line.x + line.rule_width, line.y + 4);
      cairo_stroke(cr);
      continue;
    }
    // Word runs are separated by one space unless the line is verbatim
    // (rule_width < 0 marks runs that carry their own spacing).
    const double gap = line.rule_width < 0 ? 0 : Width(" ", line.font);
    double x = line.x;
    double height = 0;
    for (const Segment& s : line.segments) {
      if (s.box) {
        if (s.leak) {
          LayoutPtr under = MakeLayout(s.text, line.font);
          cairo_move_to(cr, x, line.y);
          pango_cairo_show_layout(cr, under.get());
        }
        LayoutPtr probe = MakeLayout("Xg", line.font);
        PangoRectangle r;
        pango_layout_get_extents(probe.get(), nullptr, &r);
        height = r.height / static_cast<double>(PANGO_SCALE);
        cairo_rectangle(cr, x, line.y + height * 0.05, s.width, height * 0.9);
        cairo_fill(cr);
      } else if (!s.text.empty()) {
        LayoutPtr layout = MakeLayout(s.text, line.font);
        cairo_move_to(cr, x, line.y);
        pango_cairo_show_layout(cr, layout.get());
        PangoRectangle r;
        pango_layout_get_extents(layout.get(), nullptr, &r);
        height = r.height / static_cast<double>(PANGO_SCALE);
      }
      x += s.width + gap;
    }
    if (line.framed) {
      cairo_set_line_width(cr, 1.6);
      cairo_rectangle(cr, line.x - 5, line.y - 3, x - gap - line.x + 10, height + 6);
      cairo_stroke(cr);
    }
  }
}

std::string Typesetter::PageText(const Page& page) {
  std::string text;
  for (const Line& line : page.lines) {
    if (line.rule) continue;
    if (!text.empty()) text += "\n";
    text += line.truth;
  }
  return text;
}

}  // namespace corpus
