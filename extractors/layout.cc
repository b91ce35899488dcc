#include "extractors/layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "base/utf8.h"
#include "extractors/line_text.h"
#include "extractors/lost_bullets.h"
#include "extractors/marker_shapes.h"
#include "extractors/numbering.h"
#include "extractors/page_lines.h"
#include "extractors/captions.h"
#include "extractors/caps_sentence.h"
#include "extractors/mail_quotes.h"
#include "extractors/run_in_list.h"
#include "extractors/sentences.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

// "(c) U.S. Customs and Border Protection (CBP)" then "An officer shall
// verify ...": after a one-line item that only names something (a few
// words, no closing punctuation, ending in a name or an acronym), a line that
// starts a sentence is the paragraph after the list, not more of the item.
bool ParagraphAfterNamingItem(std::string_view item_rest, std::string_view line) {
  static const RE2 kSentenceStart(R"(^[A-Z][a-z]*\s+[a-z])");
  item_rest = Trim(item_rest);
  if (item_rest.empty() || CountWords(item_rest, 10) > 10) return false;
  const char last = item_rest.back();
  const size_t word = item_rest.find_last_of(' ');
  const char last_word_start = item_rest[word == std::string_view::npos ? 0 : word + 1];
  if (last != ')' && !std::isupper(static_cast<unsigned char>(last_word_start))) return false;
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kSentenceStart);
}

// A marker, then at most six words with no modal, negation, form of "be", "have" or "do" and no past participle, and a
// point: "3. Access to the facility.", "7. 287(g).", "B. Detainers." (not "2. ICE notified.", "4. Staff will not assist.",
// nor a checklist's step that opens on the verb it commands: "5. Notify ICE. Record the call.").
bool IsRunInCaptionSentence(std::string_view sentence) {
  static const RE2 kCaption(R"re(^\(?[0-9A-Za-z]{1,4}[.)]\s+[A-Z0-9][\w'&/()-]*(?: [\w'&/()-]+){0,5}\.$)re");
  static const RE2 kVerb(
      R"re((?i)\b(?:shall|must|may|will|would|should|can|cannot|could|not|no|never|is|are|was|were|be|been|has|have|had|do|does|did)\b|[a-z]{2,}ed\b)re");
  static const RE2 kCommand(
      R"re(^\(?[0-9A-Za-z]{1,4}[.)]\s+(?i:notify|call|contact|give|provide|send|fax|e-?mail|hold|release|transport|escort|record|log|enter|check|verify|deny|refer|route|forward|ask|inform|tell|keep|place|admit|allow|permit|report|advise|deliver|hand|serve|issue|lodge|file|run|query|confirm|review|obtain|request|honor|decline|refuse|accept|detain|arrest|share|disclose|post|print|scan|attach|complete|sign|document|photograph|fingerprint|interview|question)\b)re");
  const re2::StringPiece text(sentence.data(), sentence.size());
  return RE2::FullMatch(text, kCaption) && !RE2::PartialMatch(text, kVerb) && !RE2::PartialMatch(text, kCommand);
}

// "What happened. At approximately ...", "Purpose. This memorandum ...": a caption of one to five words closed by a
// period, then the part's first sentence.
bool OpensWithRunInCaption(std::string_view rest) {
  static const RE2 kRunInCaption(R"re(^[A-Z][\w'&/-]*(?: [\w'&/-]+){0,4}\. +["(A-Z])re");
  return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), kRunInCaption);
}

}  // namespace

void DocumentLayout::Append(std::string_view text, int page_idx, size_t page_byte, int printed_line) {
  if (text.empty()) return;
  pieces_.push_back(Piece{stream_.size(), text.size(), page_idx, page_byte, printed_line});
  stream_.append(text);
}

void DocumentLayout::AppendJoin(char c) { stream_.push_back(c); }

DocumentLayout::DocumentLayout(const std::vector<PageText>& pages, const std::vector<Section>& given_sections) {
  const int n = static_cast<int>(pages.size());
  cp_.resize(n);
  page_nos_.resize(n);
  page_body_end_.assign(n, 0);
  for (int p = 0; p < n; ++p) {
    page_nos_[p] = pages[p].page_no;
    const std::string& page_text = pages[p].text;
    if (!IsAscii(page_text))
      cp_[p] = CodePointOffsets(page_text);
  }
  std::vector<Line> lines = CutLines(pages);
  CutMailQuoteMarks(lines, pages);
  MarkHeadersFooters(lines, pages);
  MarkInPageFurniture(lines, pages);
  MarkPageMarkers(lines, pages);
  MarkTranscriptLines(lines, pages);
  CutRowInitials(lines, pages);
  CutRedlines(lines, pages);
  std::vector<size_t> body;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].ignored) body.push_back(i);
  for (size_t i : body) page_body_end_[lines[i].page_idx] = std::max(page_body_end_[lines[i].page_idx], lines[i].end);
  const std::vector<size_t> wrap_widths = WrapWidths(lines, pages);
  const std::vector<bool> paragraph_per_line = ParagraphPerLine(lines, pages, wrap_widths);

  const bool infer_sections = given_sections.empty();
  std::vector<Level> stack;
  std::vector<size_t> section_begin, section_end;  // stream bytes
  std::vector<size_t> section_line_end;
  std::vector<bool> run_in;  // items of a run-in list ("shall not: (1) ...; (2) ..."), ends known
  int current_section = -1;
  // ICU's sentence iterator is costly to build: one per thread, reused.
  thread_local SentenceSplitter splitter;

  auto line_text = [&](size_t li) {
    const Line& l = lines[li];
    return std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin);
  };

  // Block being built.
  size_t block_begin = 0;
  bool block_open = false;
  bool block_bullet = false;
  bool block_log_row = false;  // the block is one dated row of a log
  int block_section = -1;
  // Sections opened inside the block at a stream offset, where a first item runs into a wrapped caption's last line
  // (after_caption: lines in any case without a period before it, Hawaii's, Missouri's): later units are theirs.
  struct InnerSection { size_t at; int section; bool after_caption; };
  std::vector<InnerSection> block_inner_sections;
  // A section opened inside a paragraph, `marker` under `parent` (-1: at the top), its marker at stream byte `begin`:
  // a run-in list's item (its end known, `end`) or a subsection run in after a sentence's end (end 0: the next
  // section at its depth ends it). Returns its index.
  auto add_inline_section = [&](std::string marker, int parent, size_t begin, size_t end, bool list_item) {
    Section sec;
    sec.path = parent >= 0 ? JoinedPath(sections_[parent].path, marker) : marker;
    sec.depth = parent >= 0 ? sections_[parent].depth + 1 : 0;
    sec.marker = std::move(marker);
    section_line_end.push_back(begin + sec.marker.size());
    sections_.push_back(std::move(sec));
    parents_.push_back(parent);
    section_begin.push_back(begin);
    section_end.push_back(end);
    run_in.push_back(list_item);
    return static_cast<int>(sections_.size()) - 1;
  };
  // A subsection run into its paragraph after a sentence's end, as a web copy of a statute prints it on one line
  // ("... under the Immigration and Nationality Act, as amended. (2) Except as provided ...", Fla. Stat. 811.103):
  // the sentence opening with the next marker of `section` or of one above it opens that marker's section (and a
  // first item right after it, "(3)(a)"), and the block's units from `at` on are its. Returns the unit's section.
  auto open_run_in_subsections = [&](std::string_view text, int section, size_t at) {
    const std::vector<ParenMarker> markers = LeadingParenMarkers(text);
    if (markers.empty()) return section;
    int sibling = -1;
    for (int s = section; s >= 0 && sibling < 0; s = parents_[s]) {
      const std::optional<ParenMarker> m = ReadParenMarker(sections_[s].marker);
      if (m && m->kind == markers[0].kind && m->value + 1 == markers[0].value) sibling = s;
    }
    if (sibling < 0) return section;
    int parent = parents_[sibling];
    size_t offset = 0;
    for (size_t k = 0; k < markers.size() && (k == 0 || markers[k].value == 1); ++k) {
      parent = add_inline_section(std::string(markers[k].text), parent, at + offset, 0, false);
      offset += markers[k].text.size();
    }
    block_inner_sections.push_back({at, parent, false});
    return parent;
  };
  int paragraphs = 0;
  auto flush = [&]() {
    if (!block_open) return;
    block_open = false;
    const int paragraph = paragraphs++;
    const size_t block_end = stream_.size();
    std::string_view block = std::string_view(stream_).substr(block_begin, block_end - block_begin);
    bool first = true;
    // A log's row is one record: "Inmate #123456 released. ICE notified by phone at 0740 per detainer request." tells
    // one release and its notice (a row long enough to be prose is split as prose).
    constexpr size_t kLongestLogRow = 600;
    const std::vector<std::pair<size_t, size_t>> spans = block_log_row && block.size() <= kLongestLogRow
                                                             ? std::vector<std::pair<size_t, size_t>>{{0, block.size()}}
                                                             : splitter.Split(block);
    // Run-in lists ("... shall not: (1) hold ...; (2) provide ..."), also across the
    // sentence ends a one-line copy of a statute leaves between items.
    RunInList run_in_list;
    int list_lead = -1;                            // the unit whose ':' opened the open list
    std::vector<int> item_unit, item_section, list_parent;  // per item of the paragraph
    for (size_t si = 0; si < spans.size(); ++si) {
      auto [s, e] = spans[si];
      std::string_view sentence = block.substr(s, e - s);
      size_t lead = 0;
      while (lead < sentence.size() && sentence[lead] == ' ') ++lead;
      size_t trail = sentence.size();
      while (trail > lead && sentence[trail - 1] == ' ') --trail;
      if (trail <= lead) continue;
      Unit unit;
      unit.begin = block_begin + s + lead;
      unit.end = block_begin + s + trail;
      unit.section = block_section;
      unit.paragraph = paragraph;
      // (a sentence that opens with the wrapped caption and runs into the first subsection is that subsection's:
      // "DETENTION OF CERTAIN PERSONS SUBJECT TO / IMMIGRATION DETAINER. (a) A local law enforcement agency ..." is
      // "Art. 2.253(a)" (Tex. S.B. 527); "license, ... limited purpose / instruction permits.  (a)  ..." "286-104.5(a)")
      for (const InnerSection& in : block_inner_sections)
        if (unit.begin >= in.at || (in.at < unit.end && (in.after_caption ||
                                                          AllCapsText(std::string_view(stream_).substr(unit.begin, in.at - unit.begin)))))
          unit.section = in.section;
      // A numbered paragraph's run-in caption, its own sentence before the paragraph's text ("3. Access to the facility.
      // Your officers have taken custody ...", a sheriff's letter written for a probe), is the paragraph's title: it
      // tells no act and binds no one.
      if (si == 0 && spans.size() > 1 && IsRunInCaptionSentence(std::string_view(stream_).substr(unit.begin, unit.end - unit.begin)))
        unit.heading = true;
      unit.bullet = first && block_bullet;
      unit.in_bullet_item = !first && block_bullet;
      first = false;
      std::string_view text = std::string_view(stream_).substr(unit.begin, unit.end - unit.begin);
      if (infer_sections && si > 0) unit.section = open_run_in_subsections(text, unit.section, unit.begin);
      const std::string_view next_sentence =
          si + 1 < spans.size() ? block.substr(spans[si + 1].first, spans[si + 1].second - spans[si + 1].first) : std::string_view();
      const RunInSentence list = run_in_list.Next(text, next_sentence);
      if (list.items.empty()) {
        // "This includes sharing information with ICE, complying with detainer requests ..." names the parts of
        // the sentence before it, which leads it in as a list's lead-in does (its stance and topic words):
        // "The bill would stop city agencies from working with ICE ...", "Officers shall not assist ICE. This
        // includes transporting detainees ...".
        if (si > 0 && !units_.empty() && units_.back().begin >= block_begin && ElaboratesPrevious(text))
          unit.lead_in = static_cast<int>(units_.size()) - 1;
        units_.push_back(unit);
        continue;
      }
      if (list.opens_list) {
        Unit lead_in = unit;
        lead_in.end = unit.begin + list.lead_end;  // through the ':'
        list_lead = static_cast<int>(units_.size());
        units_.push_back(lead_in);
      }
      for (const RunInItem& found : list.items) {
        const int parent_section = found.parent < 0 ? unit.section : item_section[found.parent];
        Unit item;
        item.begin = unit.begin + found.begin;
        item.end = unit.begin + found.end;
        item.lead_in = found.parent < 0 ? list_lead : item_unit[found.parent];
        item.section = parent_section;
        if (infer_sections) {
          item.section = add_inline_section(found.dotted ? found.token + "." : "(" + found.token + ")", parent_section,
                                            item.begin, item.end, true);
          // an item's section holds the items nested in it
          for (int up = found.parent; up >= 0; up = list_parent[up])
            section_end[item_section[up]] = std::max(section_end[item_section[up]], item.end);
        }
        item_unit.push_back(static_cast<int>(units_.size()));
        item_section.push_back(item.section);
        list_parent.push_back(found.parent);
        units_.push_back(item);
      }
    }
  };

  // Which body lines open with a date (a log's rows), each line tested once.
  std::vector<bool> dated(body.size());
  std::vector<std::string_view> body_text(body.size());
  for (size_t bi = 0; bi < body.size(); ++bi) dated[bi] = StartsWithDate(body_text[bi] = line_text(body[bi])) || IsPipeTableRow(body_text[bi]);
  // Items of a list whose bullets the text lost (lost_bullets.h): each opens with a bullet none printed.
  const std::vector<bool> lost_bullet = LostBulletItems(body_text, [&](size_t bi) { return ParseMarker(body_text[bi], {}).has_value(); });

  bool prev_was_heading = false;
  bool prev_bare_marker = false;
  bool list_closed = false;  // a paragraph closed the innermost list since the last marker
  // Top-level items whose text opens with a caption run into it ("2. What happened. At approximately 0540 hours ...",
  // "3. Review. Our review found ..."): a memorandum's parts, each running on over paragraphs to the next marker.
  std::set<int> captioned_parts;
  std::string_view prev_item_rest;  // text of the previous line when it opened a list item
  bool prev_item_paren = false;     // ... an item marked "(c)"
  std::string ilcs_act, ilcs_section;  // from a "(5 ILCS 805/15)" line, for the "Sec. 15." below it
  std::string_view prev_text;
  bool prev_wrapped = false;  // the line before ran on past the margin (EndsByWrap)
  bool caption_wraps = false;  // the line before opened a code section whose caption in capitals goes on below
  bool unclosed_caption_wraps = false;  // ... or whose caption, in any case, has not reached its period yet
  int unclosed_caption_section = -1;     // ... that section
  std::string unclosed_caption;          // ... and its caption's lines so far
  for (size_t bi = 0; bi < body.size(); ++bi) {
    const size_t li = body[bi];
    const Line& line = lines[li];
    std::string_view text = line_text(li);
    const bool next_upper = bi + 1 < body.size() && StartsUpper(line_text(body[bi + 1]));
    const char prev_last = prev_text.empty() ? '.' : LastCharPastSpeck(prev_text);
    const bool strong = line.blank_before || prev_was_heading || prev_last == '.' || prev_last == ':' ||
                        EndsListItem(prev_text) || prev_bare_marker || prev_text.empty();
    // The first marker below this line, for a damaged first item ("l." then "2.").
    auto next_marker = [&]() -> std::optional<Marker> {
      constexpr size_t kLookahead = 40;
      for (size_t bj = bi + 1; bj < body.size() && bj <= bi + kLookahead; ++bj) {
        std::optional<Marker> m = LookAheadMarker(line_text(body[bj]), stack);
        if (m && !m->bullet) return m;
      }
      return std::nullopt;
    };
    std::optional<Marker> marker = PlaceMarker(text, stack, strong, prev_last == ':', next_upper, next_marker);
    // "... 8 C.F.R. §§" / "241.2(b)(2), 287.5(e)(3), on designated aliens": a number after a citation's
    // lead word carries the citation on; it numbers no section.
    if (marker && !line.blank_before && EndsWithCitationLead(prev_text)) marker.reset();
    if (marker && !line.blank_before && ContinuesRunInLine(*marker, stack, prev_text, text)) marker.reset();
    // "... A JUDGE APPOINTED PURSUANT TO" / "ARTICLE III OF THE UNITED STATES CONSTITUTION": a
    // sentence cut after a joining word goes on; its next line opens no article or section.
    // (so it does past a blank line OCR put inside the sentence: "... described in Section 1357(a)(3) of" / "" /
    // "Title 8 of the United States Code.")
    if (marker && marker->style.rfind("word:", 0) == 0 && EndsWithJoiningWord(prev_text)) marker.reset();
    // "An act to amend Sections 7282 and 7282.5 of, and to add" / "Chapter 17.25 (commencing with Section 7284) to
    // Division 7": a line that ran on past the margin mid-sentence carries on into the next; it opens no chapter.
    if (marker && !strong && prev_wrapped && marker->style.rfind("word:", 0) == 0) marker.reset();
    // "ATTACHMENT 2" atop the whole text names the document (an attachment to a council packet), no part of it.
    if (marker && IsAppendedPart(marker->style) && stream_.empty()) marker.reset();
    if (!marker && lost_bullet[bi]) marker = Marker{.style = "bullet", .bullet = true};
    std::string_view rest = marker ? Trim(text.substr(marker->length)) : text;
    // A word marker leads a heading ("Part IV - Custody", "Article 3"), but a
    // closed section number may run into its text: "Sec. 2. Chapter 2 of
    // Title 24 ... is amended ...", "Sec. 1. 20 V.S.A. chapter 151A is added", "Art. 2.253. DETENTION OF CERTAIN PERSONS".
    // "Section 4 of the Act ..." is prose.
    if (marker && marker->style.rfind("word:", 0) == 0 && !rest.empty() &&
        !IsHeadingText(rest, marker->style, true, next_upper) && rest.front() != '-' && rest.front() != ':' &&
        !((marker->style == "word:section" || marker->style == "word:article") && marker->closed && (StartsUpper(rest) || StartsWithCodeTitle(rest)))) {
      marker.reset();
      rest = text;
    }
    // "(12)(a) ...", "7284.6. (a) California ...": a second marker run in after the first opens the first item below it; so
    // does a code section's "1." ("67.307. 1. As used ...") and a section word's "A." ("Section 20j. A.  The ...", Okla.).
    std::optional<Marker> inner;
    size_t inner_at = 0;
    const bool code_section = marker && (marker->style == "sec" || marker->style == "dec");
    const bool lettered = marker && marker->style == "word:section" && marker->closed && rest.starts_with("A. ");
    if (marker && !marker->bullet && !rest.empty() && (rest.front() == '(' || (code_section && rest.front() == '1') || lettered)) {
      inner = ParseMarker(rest, stack);
      if (inner && inner->value == 1 && (inner->style.front() == '(' || (code_section && inner->style == "1.") || (lettered && inner->style == "A."))) {
        inner_at = static_cast<size_t>(rest.data() - text.data());
        rest = Trim(rest.substr(inner->length));
      } else {
        inner.reset();
      }
    }
    // "Sec. 493.015. IDENTIFICATION OF DEPORTABLE ALIENS. (a) In this section, ...", "544.472. Persons confined
    // ... required. —1. If ...": a code section's caption, then its first subsection run in (FindCaptionThenFirst):
    // the caption heads the section.
    std::string_view caption;
    const bool captioned = marker && (code_section || marker->style == "word:section" || marker->style == "word:article");
    // ... and so after a caption wrapped onto the next line: "Art. 2.245.  IDENTIFICATION AND DETENTION OF CERTAIN
    // FOREIGN" / "NATIONALS.  (a)  The sheriff ..." (Tex. H.B. 3020): the "(a)" run into the caption's last line.
    // ... or a Missouri caption of thirty words, wrapped over lines in any case, its "—1." run into its last:
    // "650.475. Prohibiting ... with" / ... / "rights of public employees. —1. Notwithstanding ...".
    const bool in_unclosed_caption = !marker && unclosed_caption_wraps;
    std::string_view unclosed_caption_end;  // the wrapped caption's last words, where its "—1." was found
    if ((captioned && !inner) || (!marker && caption_wraps) || in_unclosed_caption) {
      const std::string_view after_marker = marker ? rest : text;
      std::optional<CaptionThenFirst> found = FindCaptionThenFirst(after_marker, stack, !marker && !in_unclosed_caption);
      if (!found && in_unclosed_caption) found = FindFirstInWrappedCaption(text, stack);
      if (found && in_unclosed_caption) unclosed_caption_end = found->caption;
      if (found) {
        if (marker) caption = found->caption;
        inner = found->first;
        inner_at = static_cast<size_t>(after_marker.data() - text.data()) + found->first_at;
        rest = Trim(after_marker.substr(found->first_at + inner->length));
      }
    }
    // ... and a caption in capitals whose section's text runs in after its period, no first item (FindCaptionThenText):
    // the rest of the line opens the section's text, no heading of its own.
    bool caption_then_text = false;
    if (const auto found = captioned && !inner && caption.empty() ? FindCaptionThenText(rest) : std::nullopt) {
      caption = *found;
      caption_then_text = true;
    }
    caption_wraps = captioned && !inner && caption.empty() && !rest.empty() && AllCapsText(rest) && rest.back() != '.';
    // (a caption with no period yet goes on below, as long as no line of it closes without its "—1.")
    unclosed_caption_wraps = ((captioned && !inner && caption.empty()) || in_unclosed_caption) && !inner && !rest.empty() &&
                         rest.find('.') == std::string_view::npos;
    // "(5 ILCS 805/15)" above "Sec. 15.": the section is cited "805/15".
    if (marker && marker->style == "word:section" && !ilcs_act.empty() && marker->part == ilcs_section)
      marker->part = ilcs_act + "/" + marker->part;
    if (!marker) ReadIlcsCitation(text, ilcs_act, ilcs_section);
    else ilcs_act.clear();
    const Marker* last_marker = inner ? &*inner : marker ? &*marker : nullptr;
    const Field field = marker ? Field::kNone : FieldLine(text);
    // A line that wrapped at the margin runs on: a capitalized item's first
    // line is not its heading (a heading in capitals is, wrapped or not).
    const bool wrapped = bi + 1 < body.size() && EndsByWrap(line, lines[body[bi + 1]], pages, wrap_widths);
    // A bill's new matter set in capitals runs on from a line of capitals that
    // stopped mid-sentence ("NO POLICE OFFICER ... SHALL BE" / "SUBJECT TO THE
    // DIRECTION ..."): that line is its text, not a heading.
    // So does an item in capitals under such a lead-in ("... REGARDING:" / "(I) THE DATE, TIME, ...").
    const bool rest_in_capitals = AllCapsText(rest);
    const bool caps_body_before = rest_in_capitals && !prev_was_heading && !prev_text.empty() && AllCapsText(prev_text);
    // A line of capitals that stops on a joining word ("UPON A CONVICTION ... THE COURT IN WHICH THE") is the
    // first line of a sentence in capitals, even right under a heading: no heading stops there.
    // So is a numbered item's long first line in capitals that wraps on ("1. IN ANY INSTANCE IN WHICH
    // IMMIGRATION AUTHORITIES ARE PERMITTED" / "ACCESS TO ..."): a heading is short or ends.
    // Text whose justified spacing was collapsed no longer reaches its margin, so the wrap is not seen: a long
    // numbered line in capitals over another long line in capitals, stopping on a word, runs on all the same.
    const auto long_caps_line_below = [&]() {
      if (bi + 1 >= body.size()) return false;
      const std::string_view below = line_text(body[bi + 1]);
      // (stopping on a word, or inside one at a hyphen: "... INCLUDING BUT NOT LIMIT-" / "ED TO TIME SPENT ...")
      const bool stops_in_word = std::isalpha(static_cast<unsigned char>(rest.back())) ||
                                 (rest.back() == '-' && rest.size() >= 2 && std::isalpha(static_cast<unsigned char>(rest[rest.size() - 2])));
      return CountWords(rest) >= 8 && CountWords(below) >= 6 && AllCapsText(below) && !ParseMarker(below, stack) && stops_in_word;
    };
    // A bill's item in capitals too, however short its first line, when that line stops on a joining word or holds a
    // modal ("(C) (1) A PERSON MAY NOT MAKE AN IMMIGRATION ARREST IN" / "VIOLATION OF ..."), or when the line below
    // only ends it ("(II) TRANSFER AN INDIVIDUAL TO FEDERAL IMMIGRATION" / "AUTHORITIES."): no heading does either.
    // (an item after its sibling's "; AND" or its lead-in's ':' is that list's next item, however it ends: "(2) TRANSFER
    // THE ..." under "... IMMIGRATION AUTHORITIES:", Md. H.B. 725; "(C) A CIVIL IMMIGRATION DETAINER." after "(B) ...; OR")
    static const RE2 kItemBefore(R"re((?:;(?:\s*(?:AND|OR))?|:)\s*$)re");
    const bool item_after_sibling_or_lead_in = caps_body_before && RE2::PartialMatch(prev_text, kItemBefore);
    const auto item_runs_on_in_capitals = [&]() {
      static const RE2 kModal(R"((?:^|\s)(?:SHALL|MUST|MAY|WILL)\s)");
      if (EndsWithJoiningWord(rest) || RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), kModal)) return true;
      if (item_after_sibling_or_lead_in) return true;
      if (bi + 1 >= body.size()) return false;
      const std::string_view below = Trim(line_text(body[bi + 1]));
      return !below.empty() && CountWords(below) <= 3 && (below.back() == '.' || below.back() == ';') &&
             AllCapsText(below) && !ParseMarker(below, stack);
    };
    // A line of capitals that wraps into a sentence with a modal opens that sentence (OpensModalSentenceInCapitals).
    const auto wrapped_line_below = [&](size_t i) -> std::optional<std::string_view> {
      const size_t at = bi + 1 + i;
      if (at >= body.size() || (i > 0 && !EndsByWrap(lines[body[at - 1]], lines[body[at]], pages, wrap_widths))) return std::nullopt;
      return Trim(line_text(body[at]));
    };
    // (the line below may open on the number a citation's word left at this one's end: "... AN AGREEMENT UNDER SECTION"
    // / "287(G) OF THE IMMIGRATION AND NATIONALITY ACT, ...", a police teletype in capitals written for a probe)
    const std::string_view next_line = bi + 1 < body.size() ? Trim(line_text(body[bi + 1])) : std::string_view();
    const bool next_cites_on = !next_line.empty() && !rest.empty() && EndsWithCitationLead(rest) &&
                               std::isdigit(static_cast<unsigned char>(next_line.front()));
    const bool opens_sentence_in_capitals =
        (next_upper || next_cites_on) && rest_in_capitals &&
        ((!marker && (EndsWithJoiningWord(rest) || (wrapped && OpensModalSentenceInCapitals(rest, wrapped_line_below)))) ||
         (marker && !marker->bullet && IsListStyle(marker->style) && rest.back() != '.' && rest.back() != ':' &&
          ((rest.size() >= 50 && (wrapped || long_caps_line_below())) || item_runs_on_in_capitals())));
    const bool runs_on_in_capitals =
        opens_sentence_in_capitals ||
        (caps_body_before &&
         ((!marker && (std::isalnum(static_cast<unsigned char>(prev_last)) || prev_last == ',' || prev_last == '-')) ||
          (marker && !marker->bullet && IsListStyle(marker->style) && item_after_sibling_or_lead_in)));
    // (nor is a line that carries a citation on: "... charging documents (INA §" / "239, 8 C.F.R. § 239.1; INA")
    const bool cites_on = !line.blank_before && EndsWithCitationLead(prev_text);
    // The text after a caption and its run-in first item is that item's, never a heading, however short its first line
    // in capitals: "§ 319-F. LIMITATION ON USE OF CERTAIN FACILITIES. 1. NO STATE OR LOCAL" / "LAW ENFORCEMENT AGENCY,
    // ... SHALL PROVIDE ..." (N.Y. S. 257, 2023: a bill's new matter is set in capitals); the caption heads the section.
    const bool after_caption = (inner && (!caption.empty() || !unclosed_caption_end.empty())) || caption_then_text;
    const bool heading = field == Field::kHeader ||
                         (!runs_on_in_capitals && !cites_on && !after_caption &&
                          IsHeadingText(rest, last_marker ? last_marker->style : std::string(), marker.has_value(),
                                        next_upper) &&
                          (!wrapped || rest_in_capitals));
    const bool bare_marker = marker && rest.empty();

    // A blank line inside a sentence (OCR paragraphs, a page break) does not end it: "... shall notify" / "the ICE
    // field office ..." is one sentence; nor does it start a paragraph below ("... non-conviction" / "information:").
    // OCR sets such blank lines between the lines of one paragraph too: "... 8 U.S.C. §" / "" /
    // "1357(g)(10), communicate ..."; "... regarding the" / "" / "United States ...".
    // A question's answer on a line of its own, even as a field: "Does the TCSO enforce federal immigration
    // laws?" / "" / "Answer: No, the TCSO only enforces Wyoming State Statutes ...".
    const bool answers_question = !marker && !heading && prev_last == '?' && AnswersQuestion(prev_text, text);
    const bool continues_sentence =
        !marker && !prev_text.empty() && !text.empty() && !heading &&
        (((std::isalnum(static_cast<unsigned char>(prev_last)) || prev_last == ',' || prev_last == '-') &&
          (std::islower(static_cast<unsigned char>(text.front())) || std::isdigit(static_cast<unsigned char>(text.front())) ||
           // ... or a parenthesis opened on a lower-case word: "ICE delegates to nominated," / "" / "(hereinafter" (a
           // 287(g) agreement's scan); a list item's "(a)" is a marker, no text
           (text.size() > 1 && text.front() == '(' && std::islower(static_cast<unsigned char>(text[1]))))) ||
         EndsWithJoiningWord(prev_text) || EndsWithCitationLead(prev_text) || answers_question ||
         // a word split at a hyphen, in capitals too: "... INCLUDING BUT NOT LIMIT-" / "" / "ED TO TIME SPENT ..."
         (prev_last == '-' && prev_text.size() >= 2 && std::isalpha(static_cast<unsigned char>(prev_text[prev_text.size() - 2])) &&
          std::isalpha(static_cast<unsigned char>(text.front()))));
    // Only "(c)" items: a "1. PURPOSE" or "1. Purpose" heading is followed by its own text.
    const bool after_naming_item = !marker && prev_item_paren && !prev_wrapped && !AllCapsText(prev_item_rest) &&
                                   ParagraphAfterNamingItem(prev_item_rest, text);
    // A log's or a table's rows, each opening with a date ("03/02/2020 311-204 ICE Released to ICE agents ...") or
    // printed with pipes ("25-005 | 02/10/2025 | ..."), are records of their own, not one sentence run over the rows.
    // (a row's text may wrap onto lines of its own, so the next row's date is a few lines off: "03/02  0912  FED-IMM
    // I-247A rec'd by fax ... Filed" / "in inst. file, not entered on Holds screen." / "03/02  1530 ...", a records
    // office's daily log written for a probe)
    // (a table printed with pipes keeps its rows adjacent: its sentences run over rows, a bill's line-numbered text)
    const size_t row_lines = IsPipeTableRow(text) ? 1 : 3;
    const auto dated_near = [&] {
      for (size_t d = 1; d <= row_lines; ++d)
        if ((bi >= d && dated[bi - d]) || (bi + d < body.size() && dated[bi + d])) return true;
      return false;
    };
    const bool log_row = !marker && dated[bi] && dated_near();
    // A scan's OCR sets a blank line between a row's first line and its wrapped text ("03/06 1044 FED-IMM ICE ERO caller
    // asked release date for #405-117." / "" / "Caller told DOC does not provide; ref. to OGC." / "" / "03/08 ..."): a
    // line between two dated rows, dated itself not, is the row's text still.
    const bool continues_row = !marker && !dated[bi] && !heading && line.blank_before && bi > 0 && dated[bi - 1] &&
                               !IsPipeTableRow(text) && bi + 1 < body.size() && dated[bi + 1];
    const bool headline_above = paragraph_per_line[line.page_idx] && !continues_sentence && !prev_text.empty() &&
                                std::isalnum(static_cast<unsigned char>(prev_last)) && bi > 0 &&
                                lines[body[bi - 1]].page_idx == line.page_idx;
    const bool new_block = !block_open || marker.has_value() || heading || prev_was_heading || log_row || headline_above ||
                           (field != Field::kNone && !answers_question) ||
                           (line.blank_before && !prev_bare_marker && !continues_sentence && !continues_row) || after_naming_item;
    if (new_block) {
      flush();
      if (!stream_.empty()) AppendJoin('\n');
    } else {
      AppendJoin(' ');
    }

    // A paragraph after a list (unnumbered, after a blank line) belongs to
    // the list's parent, not to its last item; a line that carries on an
    // unfinished sentence (continues_sentence) does not start a paragraph,
    // whatever blank line a scan put before it.
    // The text under an item's own heading ("(a) In general", a blank line, then its text) is the item's.
    const bool under_item_title =
        prev_was_heading || (!prev_item_rest.empty() && std::isalnum(static_cast<unsigned char>(prev_last)));
    const bool paragraph =
        (line.blank_before && !prev_bare_marker && !under_item_title && !continues_sentence && !continues_row) || after_naming_item;
    // One paragraph closes one list; the paragraphs after it stay in the
    // parent ("2. ... is a list of peace officers:" then a name per line).
    // (An item with a title of its own, "H. LIABILITY AND RESPONSIBILITY", is a part: its text runs on over paragraphs
    // to the next marker, and "I. CIVIL RIGHTS STANDARDS" after them is its sibling, not a roman part.)
    // (A title in capitals: an item that names a thing, "(c) U.S. Customs and Border Protection (CBP)", is no part.)
    const bool titled_item = !stack.empty() && stack.back().section >= 0 && infer_sections &&
                             (AllCapsText(sections_[stack.back().section].heading) ||
                              captioned_parts.count(stack.back().section) > 0);
    if (!marker && !heading && paragraph && !list_closed && !titled_item && !stack.empty() && IsListStyle(stack.back().style)) {
      list_closed = true;
      // The item ends here, not at the next marker: the section table agrees with the clauses that cite it.
      const int item = stack.back().section;
      if (infer_sections && item >= 0 && section_end[item] == 0) section_end[item] = stream_.size() - 1;
      stack.pop_back();
      current_section = stack.empty() ? -1 : stack.back().section;
    }
    // Section bookkeeping (the numbering stack is kept even when the
    // structure is given, to validate markers).
    auto open_section = [&](const Marker& m, size_t at, std::string_view heading_text) {
      // A marker of an open numbering replaces its level (LevelFor), unless it starts a lead-in's own list.
      const size_t level = LevelFor(stack, m, prev_last == ':');
      const bool opens_numbering = level == stack.size();
      stack.resize(level);
      // A numbered item that carries on no open sequence and does not start one ("2. Detainer Requests." where the
      // stored copy begins at item 1's "(a)") is no child of a parenthesized item, whose own list would start at 1:
      // it closes the parenthesized items open.
      if (opens_numbering && m.style == "1." && m.value > 1) {
        while (!stack.empty() && stack.back().style.front() == '(') stack.pop_back();
      }
      // A division ("Sec. 4.", "§ 24-211.08", "Part V") closes the list items
      // open before it instead of nesting under the last one.
      if (IsSectionNumber(m.style) || m.style.rfind("word:", 0) == 0) {
        while (!stack.empty() && IsListStyle(stack.back().style)) stack.pop_back();
      }
      // An appendix (exhibit, attachment, annex) follows the whole body: it closes every part open ("APPENDIX A"
      // after an agreement's "VIII." is "Appendix A", not "VIII. Appendix A").
      if (IsAppendedPart(m.style)) stack.clear();
      stack.push_back(Level{m.style, m.part.empty() ? m.printed : m.part, m.value, -1});
      if (!infer_sections) return;
      Section s;
      s.marker = m.printed;
      s.path = BuildPath(stack);
      s.heading = std::string(heading_text);
      s.depth = static_cast<int>(stack.size()) - 1;
      sections_.push_back(s);
      parents_.push_back(stack.size() >= 2 ? stack[stack.size() - 2].section : -1);
      stack.back().section = static_cast<int>(sections_.size()) - 1;
      current_section = stack.back().section;
      section_begin.push_back(stream_.size() + at);
      section_end.push_back(0);
      section_line_end.push_back(stream_.size() + text.size());
      run_in.push_back(false);
    };
    if (marker && !marker->bullet) {
      list_closed = false;
      const std::string_view heading_text = heading ? rest : std::string_view();
      open_section(*marker, 0, !caption.empty() ? caption : inner ? std::string_view() : heading_text);
      if (infer_sections && stack.size() == 1 && current_section >= 0 && OpensWithRunInCaption(rest))
        captioned_parts.insert(current_section);
      if (inner) open_section(*inner, inner_at, caption.empty() ? heading_text : std::string_view());
    } else if (inner) {  // a first subsection run into a wrapped caption's last line
      list_closed = false;
      open_section(*inner, inner_at, std::string_view());
      if (!new_block) block_inner_sections.push_back({section_begin.back(), current_section, in_unclosed_caption});
    }
    // The wrapped caption, its lines joined, heads its section as a caption on one line does.
    if (unclosed_caption_wraps && marker) {
      unclosed_caption_section = current_section;
      unclosed_caption = std::string(rest);
    } else if (in_unclosed_caption) {
      unclosed_caption.append(" ").append(unclosed_caption_end.empty() ? text : unclosed_caption_end);
      if (!unclosed_caption_end.empty() && unclosed_caption_section >= 0 && sections_[unclosed_caption_section].heading.empty())
        sections_[unclosed_caption_section].heading = unclosed_caption;
    }
    if (new_block) {
      block_begin = stream_.size();
      block_open = true;
      block_bullet = marker && marker->bullet;
      block_log_row = log_row;
      block_section = current_section;
      block_inner_sections.clear();
    }
    Append(text, line.page_idx, line.begin, line.printed_line);
    if (heading) {
      // A heading is a unit of its own; the body that follows starts a block.
      block_open = false;
      Unit unit;
      unit.begin = block_begin;
      unit.end = stream_.size();
      unit.heading = true;
      unit.section = current_section;
      units_.push_back(unit);
    }
    prev_was_heading = heading;
    prev_bare_marker = bare_marker;
    prev_item_rest = marker && !marker->bullet && IsListStyle(last_marker->style) ? rest : std::string_view();
    prev_item_paren = !prev_item_rest.empty() && last_marker->style.front() == '(';
    prev_text = text;
    prev_wrapped = wrapped;
  }
  flush();

  if (infer_sections) {
    // Section ends: the next section at the same or a shallower depth.
    for (size_t i = 0; i < sections_.size(); ++i) {
      if (section_end[i] != 0) continue;  // run-in items and list items a paragraph ended
      size_t end = stream_.size();
      for (size_t j = i + 1; j < sections_.size(); ++j) {
        if (sections_[j].depth <= sections_[i].depth && !run_in[j]) {
          end = section_begin[j] > 0 ? section_begin[j] - 1 : 0;
          break;
        }
      }
      section_end[i] = end;
    }
    for (size_t i = 0; i < sections_.size(); ++i) {
      PagePos start = Locate(section_begin[i]);
      PagePos line_end = Locate(std::max(section_begin[i], section_line_end[i]));
      size_t last = section_end[i] > section_begin[i] ? section_end[i] - 1 : section_begin[i];
      PagePos end = Locate(last);
      Section& s = sections_[i];
      s.page = PageNo(start.page_idx);
      s.char_start = CodePoint(start);
      s.heading_end = line_end.page_idx == start.page_idx ? CodePoint(line_end) : s.char_start;
      s.end_page = PageNo(end.page_idx);
      s.end_char = stream_.empty() ? 0 : CodePoint(PagePos{end.page_idx, std::min(end.byte + 1, pages[end.page_idx].text.size())});
    }
  } else {
    PlaceGivenSections(given_sections);
  }

  LinkLeadIns();
}

}  // namespace foiamine::extractors::internal
