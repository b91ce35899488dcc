#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "extractors/citation.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors {
namespace {

struct CitationPattern {
  std::string kind;
  std::unique_ptr<RE2> re;  // group 1 = the whole citation; groups 2.. = parts
  std::function<std::string(const std::vector<std::string>&)> normalize;  // parts -> normalized
  int groups = 0;
};

std::string Collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const std::vector<CitationPattern>& Patterns() {
  static const std::vector<CitationPattern>* patterns = [] {
    auto* p = new std::vector<CitationPattern>();
    auto add = [&](std::string kind, const std::string& re, int groups,
                   std::function<std::string(const std::vector<std::string>&)> norm) {
      CitationPattern cp;
      cp.kind = std::move(kind);
      RE2::Options options;
      options.set_log_errors(false);
      cp.re = std::make_unique<RE2>(re, options);
      cp.groups = groups;
      cp.normalize = std::move(norm);
      p->push_back(std::move(cp));
    };
    const std::string subs = R"(((?:\([0-9A-Za-z]{1,4}\))*))";
    add("dc_code",
        R"((D\.?\s?C\.?\s+(?:Official\s+)?Code\s*(?:Ann\.\s*)?(?:§§?|[Ss]ec(?:tion|\.)?)?\s*(\d{1,2}[A-Z]?-\d{1,4}(?:\.\d{1,3})?[a-z]?))" + subs + ")",
        2, [](const auto& g) { return "D.C. Code § " + g[0] + g[1]; });
    add("dc_law", R"((D\.?\s?C\.?\s+Law\s+(\d{1,2}-\d{1,4})))", 1, [](const auto& g) { return "D.C. Law " + g[0]; });
    add("dc_act", R"((D\.?\s?C\.?\s+Act\s+(\d{1,2}-\d{1,4})))", 1, [](const auto& g) { return "D.C. Act " + g[0]; });
    add("dcr", R"(((\d{1,3})\s+DCR\s+(\d{1,6})))", 2, [](const auto& g) { return g[0] + " DCR " + g[1]; });
    add("mayors_order", R"((Mayor'?s\s+Order\s+(?:No\.\s*)?(\d{4}-\d{1,4})))", 1,
        [](const auto& g) { return "Mayor's Order " + g[0]; });
    // OCR: "C.ER." / "C.FR." for C.F.R.
    add("cfr",
        R"(((\d{1,2})\s*C\.?\s?(?:F\.?\s?R|E\s?R|F\s?R)\.?\s*(?:(?:§§?|[Pp]art|[Ss]ec(?:tion|\.)?)\s*)?(\d{1,4}(?:\.\d{1,4})?))" + subs + ")",
        3, [](const auto& g) { return g[0] + " C.F.R. § " + g[1] + g[2]; });
    // OCR: "US.C." for U.S.C.
    add("usc", R"(((\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:A\.?)?\s*(?:§§?\s*)?(\d{1,5}[a-z]?))" + subs + ")", 3,
        [](const auto& g) { return g[0] + " U.S.C. § " + g[1] + g[2]; });
    add("ina_287g", R"(((?:(?:INA|Section|Sec\.|§)\s*)?287\s?\(g\)))", 0, [](const auto&) { return std::string("INA § 287(g)"); });
    add("form", R"(\b((?:(?:DHS|ICE)\s+)?(?:[Ff]orm\s+)?(I-\d{3}[A-Z]?))\b)", 1, [](const auto& g) { return "Form " + g[0]; });
    add("order_number",
        R"((General\s+Order\s+(?:No\.?\s*)?([A-Z]{2,4}-[A-Z]{2,4}-\d+(?:\.\d+)?|\d+(?:\.\d+)+)))", 1,
        [](const auto& g) { return "General Order " + g[0]; });
    add("order_number", R"(\b((GO-[A-Z]{2,5}-\d+(?:\.\d+)?))\b)", 1, [](const auto& g) { return g[0]; });
    add("order_number", R"(((?:Program\s+Statement|\bP\.?S\.?)\s+(?:No\.?\s*)?(\d{4}\.\d{1,3}[A-Z]?)))", 1,
        [](const auto& g) { return "Program Statement " + g[0]; });
    add("order_number", R"(\b((EO-\d{2}-\d{3,4}))\b)", 1, [](const auto& g) { return g[0]; });
    // A bare section sign with a D.C.-shaped number ("§ 24-211.02a(c)(6)").
    add("dc_code", R"((§§?\s*(\d{1,2}[A-Z]?-\d{3,4}(?:\.\d{1,3})?[a-z]?))" + subs + ")", 2,
        [](const auto& g) { return "D.C. Code § " + g[0] + g[1]; });
    return p;
  }();
  return *patterns;
}

// Every pattern in one RE2::Set: one pass over a page says which patterns
// occur on it at all (most pages of a production cite nothing), and only
// those are run for their matches and groups.
const RE2::Set& PatternSet() {
  static const RE2::Set* set = [] {
    RE2::Options options;
    options.set_log_errors(false);
    auto* s = new RE2::Set(options, RE2::UNANCHORED);
    for (const CitationPattern& p : Patterns()) s->Add(p.re->pattern(), nullptr);
    s->Compile();
    return s;
  }();
  return *set;
}

}  // namespace

std::vector<Citation> FindCitations(const std::vector<PageText>& pages) {
  std::vector<Citation> out;
  const auto& patterns = Patterns();
  for (const PageText& page : pages) {
    struct Found {
      size_t start, end;
      size_t priority;
      Citation c;
    };
    std::vector<Found> found;
    const std::string& text = page.text;
    std::vector<int> present;
    RE2::Set::ErrorInfo error;
    if (!PatternSet().Match(text, &present, &error)) {
      if (error.kind == RE2::Set::kNoError) continue;  // no citation on this page
      present.clear();  // the Set failed (out of memory): run every pattern
      for (size_t pi = 0; pi < patterns.size(); ++pi) present.push_back(static_cast<int>(pi));
    }
    std::sort(present.begin(), present.end());
    for (int present_index : present) {
      const size_t pi = static_cast<size_t>(present_index);
      const CitationPattern& p = patterns[pi];
      const int n = 1 + p.groups;
      std::vector<re2::StringPiece> groups(n + 1);
      re2::StringPiece input(text);
      size_t pos = 0;
      while (pos < text.size() && p.re->Match(input, pos, text.size(), RE2::UNANCHORED, groups.data(), n + 1)) {
        const re2::StringPiece whole = groups[1];
        size_t start = static_cast<size_t>(whole.data() - text.data());
        size_t end = start + whole.size();
        pos = std::max(end, static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size());
        if (end <= start) {
          ++pos;
          continue;
        }
        std::vector<std::string> parts;
        for (int g = 2; g <= n; ++g) parts.push_back(Collapse(std::string(groups[g])));
        Citation c;
        c.kind = p.kind;
        c.normalized = p.normalize(parts);
        c.raw = Collapse(std::string(whole));
        c.page = page.page_no;
        found.push_back(Found{start, end, pi, c});
      }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
      if (a.priority != b.priority) return a.priority < b.priority;
      return a.start < b.start;
    });
    std::vector<Found> kept;
    for (auto& f : found) {
      bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Found& k) { return f.start < k.end && k.start < f.end; });
      if (!overlaps) kept.push_back(f);
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end(), [](const Found& a, const Found& b) { return a.start < b.start; });
    std::vector<int> cp = internal::CodePointOffsets(text);
    for (auto& f : kept) {
      f.c.char_start = cp[f.start];
      f.c.char_end = cp[f.end];
      out.push_back(std::move(f.c));
    }
  }
  return out;
}

}  // namespace foiamine::extractors
