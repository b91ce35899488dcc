// The layout's links once its units are cut (layout.h): a structure given with the text placed over the units, list
// lead-ins linked to the items below them; and the queries that map stream bytes back to the pages they came from.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "extractors/layout.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

PagePos DocumentLayout::Locate(size_t pos) const {
  if (pieces_.empty()) return PagePos{};
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](size_t p, const Piece& piece) { return p < piece.stream_begin; });
  if (it == pieces_.begin()) return PagePos{pieces_.front().page_idx, pieces_.front().page_byte};
  const Piece& piece = *(it - 1);
  size_t offset = std::min(pos - piece.stream_begin, piece.length);
  return PagePos{piece.page_idx, piece.page_byte + offset};
}

int DocumentLayout::PrintedLine(size_t pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](size_t p, const Piece& piece) { return p < piece.stream_begin; });
  return it == pieces_.begin() ? 0 : (it - 1)->printed_line;
}

std::vector<DocumentLayout::PagePart> DocumentLayout::PartsByPage(size_t begin, size_t end) const {
  std::vector<PagePart> parts;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), begin,
                             [](size_t p, const Piece& piece) { return p < piece.stream_begin; });
  if (it != pieces_.begin()) --it;
  for (; it != pieces_.end() && it->stream_begin < end; ++it) {
    const size_t b = std::max(begin, it->stream_begin), e = std::min(end, it->stream_begin + it->length);
    if (b >= e) continue;
    const size_t page_b = it->page_byte + (b - it->stream_begin), page_e = it->page_byte + (e - it->stream_begin);
    if (parts.empty() || parts.back().page_idx != it->page_idx) {
      parts.push_back(PagePart{it->page_idx, page_b, page_e, 0, 0});
    } else {
      parts.back().byte_end = std::max(parts.back().byte_end, page_e);
    }
    if (it->printed_line > 0) {
      PagePart& p = parts.back();
      p.first_line = p.first_line == 0 ? it->printed_line : std::min(p.first_line, it->printed_line);
      p.last_line = std::max(p.last_line, it->printed_line);
    }
  }
  return parts;
}

std::map<size_t, std::vector<size_t>> DocumentLayout::ItemsOfLeadIns() const {
  std::map<size_t, std::vector<size_t>> items;
  for (size_t ui = 0; ui < units_.size(); ++ui)
    if (units_[ui].lead_in >= 0 && !units_[ui].heading) items[static_cast<size_t>(units_[ui].lead_in)].push_back(ui);
  return items;
}

bool DocumentLayout::IsDescendant(int section, int ancestor) const {
  if (section < 0) return false;
  if (ancestor < 0) return true;  // everything numbered is inside the unnumbered start
  for (int s = parents_[section]; s >= 0; s = parents_[s])
    if (s == ancestor) return true;
  return false;
}

// Given sections (a law's XML) are the structure: their nesting from their extents, each unit in the deepest that
// holds its start.
void DocumentLayout::PlaceGivenSections(const std::vector<Section>& given_sections) {
  sections_ = given_sections;
  parents_.assign(sections_.size(), -1);
  auto before = [](int pa, int ca, int pb, int cb) { return pa < pb || (pa == pb && ca <= cb); };
  for (size_t i = 0; i < sections_.size(); ++i) {
    for (size_t j = i; j-- > 0;) {
      const Section& a = sections_[j];
      const Section& b = sections_[i];
      if (a.depth < b.depth && before(a.page, a.char_start, b.page, b.char_start) &&
          before(b.page, b.char_start, a.end_page, a.end_char)) {
        parents_[i] = static_cast<int>(j);
        break;
      }
    }
  }
  for (Unit& u : units_) {
    PagePos p = Locate(u.begin);
    const int page = PageNo(p.page_idx);
    const int cp = CodePoint(p);
    u.section = -1;
    for (size_t i = 0; i < sections_.size(); ++i) {
      const Section& s = sections_[i];
      if (before(s.page, s.char_start, page, cp) && !before(s.end_page, s.end_char, page, cp) &&
          (u.section < 0 || s.depth >= sections_[u.section].depth))
        u.section = static_cast<int>(i);
    }
  }
}

void DocumentLayout::LinkLeadIns() {
  // List lead-ins: a unit ending in ':' introduces the units nested below it
  // (deeper sections, or bullets in its own section).
  std::vector<int> leads;
  for (size_t i = 0; i < units_.size(); ++i) {
    Unit& u = units_[i];
    if (u.heading) {
      leads.clear();
      continue;
    }
    while (!leads.empty()) {
      const Unit& top = units_[leads.back()];
      if (IsDescendant(u.section, top.section) || (u.bullet && u.section == top.section)) break;
      leads.pop_back();
    }
    if (u.lead_in < 0 && !leads.empty()) u.lead_in = leads.back();
    std::string_view t = Trim(std::string_view(stream_).substr(u.begin, u.end - u.begin));
    // ':' introduces a list; so does the U.S. Code's dash ("... of a State— (A) to
    // communicate ..."), which normalization turned into '-' (a hyphen at a line
    // end was joined with its word, so a trailing '-' here is a dash), or its
    // plain-text copies' "--" ("... of a State--").
    // A sentence that stops without punctuation before its nested items lost
    // its dash in copying ("... of a State" / "(A) to communicate ...").
    // (An item's closing "; or" / "; and" joins it to its sibling, not to items below it.)
    static const RE2 kJoinsSibling(R"re([;,]\s*(?:and|or)$)re");
    // A sentence that names "the following" rules and ends before the bullets that follow it leads them in as a
    // colon does, as news copies print a list ("It laid out the following policies, which it said have been in
    // place for nearly 15 years." / "- TPD Officers will not ..."); so does a checklist's "Do NOT;" (OCR's colon).
    static const RE2 kNamesTheFollowing(R"re((?i)\bthe following\b[^.:;]{0,100}\.$|^\W*(?:do\s+not|don'?t|never)\W*;$)re");
    const bool bullets_follow = i + 1 < units_.size() && units_[i + 1].bullet && !u.bullet;
    const std::string_view undashed = t.substr(0, t.size() - (t.ends_with("--") ? 2 : t.ends_with("-") ? 1 : 0));
    if (!t.empty() && (t.back() == ':' || (bullets_follow && RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), kNamesTheFollowing)) || (undashed.size() < t.size() && undashed.size() >= 1 && std::isalpha(static_cast<unsigned char>(undashed.back()))) ||
                       (std::islower(static_cast<unsigned char>(t.back())) &&
                        // (the pattern ends with "and" or "or": a unit ending otherwise needs no search)
                        !((t.ends_with("and") || t.ends_with("or")) && RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), kJoinsSibling)))))
      leads.push_back(static_cast<int>(i));
  }
}

}  // namespace foiamine::extractors::internal
