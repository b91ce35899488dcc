#include "extractors/text_fold.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdint>
#include <cstdio>

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/utf8.h"

namespace foiamine::extractors::internal {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<int> CodePointOffsets(std::string_view text) {
  std::vector<int> cp(text.size() + 1, 0);
  int count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool continuation = (c & 0xC0) == 0x80;
    if (!continuation) {
      cp[i] = count++;
    } else {
      cp[i] = count > 0 ? count - 1 : 0;
    }
  }
  cp[text.size()] = count;
  return cp;
}

namespace {

// Appends the folded form of code point c to out.
void AppendFolded(UChar32 c, const icu::Normalizer2& nfd, std::string& out) {
  icu::UnicodeString decomposed;
  UErrorCode status = U_ZERO_ERROR;
  nfd.normalize(icu::UnicodeString(c), decomposed, status);
  if (U_FAILURE(status)) decomposed = icu::UnicodeString(c);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    if (u_charType(d) != U_NON_SPACING_MARK) kept.append(d);
    i += U16_LENGTH(d);
  }
  if (kept.isEmpty()) return;  // a lone combining mark
  std::string utf8;
  kept.toUTF8String(utf8);
  out += utf8;
}

}  // namespace

FoldedText FoldDiacritics(std::string_view text) {
  FoldedText folded;
  if (IsAscii(text)) {
    folded.text.assign(text);
    return folded;
  }
  folded.text.reserve(text.size());
  folded.to_original.reserve(text.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    if (bytes[i] < 0x80) {
      folded.text.push_back(static_cast<char>(bytes[i]));
      folded.to_original.push_back(static_cast<size_t>(i));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const size_t before = folded.text.size();
    // The "not sign" some OCR engines' and web pages' text uses for a discretionary hyphen ("sta\u00ACtus",
    // "de\u00ACtainer"; at a line end "immigra\u00AC tion"): inside a lower-case word it goes, before a space it
    // is the hyphen RepairSplitWords joins across.
    const bool after_lower = before > 0 && folded.text.back() >= 'a' && folded.text.back() <= 'z';
    if (c == 0xAC && after_lower && i < length && bytes[i] >= 'a' && bytes[i] <= 'z') continue;
    if (c == 0xAC && after_lower && i < length && (bytes[i] == ' ' || bytes[i] == '\n')) {
      folded.text.push_back('-');
      folded.to_original.push_back(static_cast<size_t>(start));
      continue;
    }
    // A Spanish future's "-á" read as "-é" by an English-only OCR ("El personal no preguntaré sobre su estatus", a
    // 100-dpi scan of a jail's notice): after "ar", "er", "ir" at a word's end it folds to "a", the third person the
    // rules know; a first person ("no compartiré") is a future all the same.
    const bool word_ends = i >= length || (bytes[i] < 0x80 && !std::isalpha(bytes[i]));
    if (c == 0xE9 && word_ends && before >= 2 && folded.text[before - 1] == 'r' &&
        std::string_view("aei").find(folded.text[before - 2]) != std::string_view::npos) {
      folded.text.push_back('a');
      folded.to_original.push_back(static_cast<size_t>(start));
      continue;
    }
    if (c < 0 || U_FAILURE(status) || nfd == nullptr) {
      folded.text.append(text.substr(start, i - start));
    } else {
      AppendFolded(c, *nfd, folded.text);
    }
    for (size_t k = before; k < folded.text.size(); ++k) folded.to_original.push_back(static_cast<size_t>(start));
  }
  folded.to_original.push_back(text.size());
  return folded;
}

std::string FoldString(std::string_view text) { return FoldDiacritics(text).text; }

int CodePointsBefore(std::string_view text, size_t bytes) {
  int n = 0;
  for (size_t i = 0; i < bytes && i < text.size(); ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

std::string Fnv1a64(std::string_view text) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016" PRIx64, h);
  return buf;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int CountLowercaseWords(std::string_view text) {
  int words = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    const size_t start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    if (i - start >= 3 && std::islower(static_cast<unsigned char>(text[start]))) ++words;
  }
  return words;
}

void MaskStateHomelandSecurity(std::string& text) {
  static const RE2 kStateAgency("(" + std::string(kStateHomelandSecurityPattern) + ")");
  re2::StringPiece in(text), agency;
  while (RE2::FindAndConsume(&in, kStateAgency, &agency)) {
    // the space of its closing "homeland security" (17 bytes: "homeland" and "security" are ASCII)
    const size_t space = static_cast<size_t>(agency.data() - text.data()) + agency.size() - std::string_view(" security").size();
    text[space] = '_';
  }
}

void LowerAcronym(std::string& text, std::string_view acronym) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = text.find(acronym); at != std::string::npos; at = text.find(acronym, at + acronym.size())) {
    const bool starts = at == 0 || !is_word(text[at - 1]);
    const bool ends = at + acronym.size() == text.size() || !is_word(text[at + acronym.size()]);
    if (starts && ends)
      for (size_t k = at; k < at + acronym.size(); ++k) text[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
  }
}

namespace {
void RepairPointsForSpaces(std::string& text);
}  // namespace

void RepairOcrModals(std::string& text) {
  // Each pattern matches only a misreading (the confused letters are matched
  // case-sensitively: 'l' and 'I' differ), and its repair is as long as what
  // it replaces, so offsets into the text stay valid.
  static const struct {
    RE2 re;
    const char* repair;
  } kRepairs[] = {
      // ("shail", "shali" too: an "l" read as an "i", a bold or faxed face's commonest misreading of "shall")
      {RE2(R"(\b((?i:sha|wi))(?:[I1|i][lI1|]|l[I1|i])\b)"), "\\1ll"},
      {RE2(R"(\b((?i:sho|wo|co)u)[I1|]((?i:d))\b)"), "\\1l\\2"},
      {RE2(R"(\b((?i:n))0((?i:t))\b)"), "\\1o\\2"},
      // "rn" read for "m": one letter fewer, so a space in front keeps the length
      {RE2(R"(\brnust\b)"), " must"},
      {RE2(R"(\brnay\b)"), " may"},
      // the words most rules need: "lmmigration", "detalner", "re1ease", "stalus"
      {RE2(R"(\b[l1|](mmigra))"), "I\\1"},
      {RE2(R"(\b((?i:sta))[l1|I]((?i:us))\b)"), "\\1t\\2"},
      // ... and the agency's initials, a bilevel scan's commonest misreading of them: "JCE", "[CE", "LCE", "IGE"
      {RE2(R"((^|[^A-Za-z0-9])(?:[JL\[|1l]CE|IGE)\b)"), "\\1ICE"},
      // ... and a modal's "l" read as a bracket: "shal] not", "wil]"
      {RE2(R"(\b((?i:sha|wi))[l\]]\])"), "\\1ll"},
      // ... and the "not" after a modal read as "net" ("The Department shall net transfer a person", a bilevel scan)
      {RE2(R"(\b(shall|may|must|will|should|can|cannot|do|does|did) net\b)"), "\\1 not"},
      // ... and more of a bilevel scan's readings (a Mayor's order at 100 dpi): a modal's "ll" as "i]" or "l!" ("shai]
      // not", "shal! not"), "Uniess", "ummigration", "personne!", "immigration Jaw"
      {RE2(R"(\b((?i:sha|wi))[li\]!][\]!])"), "\\1ll"},
      {RE2(R"(\b([Uu])ni(ess)\b)"), "\\1nl\\2"},
      {RE2(R"(\bu(mmigra))"), "i\\1"},
      {RE2(R"(\b([pP]ersonne)[!\]|])"), "\\1l"},
      {RE2(R"(\b((?i:immigration|federal|state|civil)) Jaw(s?)\b)"), "\\1 law\\2"},
      {RE2(R"(\b((?i:deta))[l1|]((?i:ners?))\b)"), "\\1i\\2"},
      {RE2(R"(\b((?i:re))[1|I]((?i:eas)))"), "\\1l\\2"},
      // a speck read as an underscore at a word's edge, a table's rule or a column's shadow ("FED-IMM _I-247A rec'd",
      // "FED-USMS_ USPC warrant", a records office's log scanned for a probe); not inside a word ("john_doe@", "a_b")
      {RE2(R"((^|\s)_([A-Za-z0-9]))"), "\\1 \\2"},
      {RE2(R"(([A-Za-z0-9.,;])_(\s|$))"), "\\1 \\2"},
      // "m" read as "nn" inside "form": "perfonn", "infonnation", "perfonned" (no English word holds "fonn")
      {RE2(R"(([fF])onn)"), "\\1orm"},
      // "l" read as "1" between lower-case letters or ending "-al"/"-il": "un1ess", "faci1ities", "judicia1", "crimina1"
      // (not "1st", "I-131" or "24-211.07": a letter on each side, or the adjective's ending after three letters)
      {RE2(R"(([a-z])1([a-z]))"), "\\1l\\2"},
      {RE2(R"(\b([a-z]{3,}[ai])1\b)"), "\\1l"},
      // "m" read as "rn" in the words most rules need (one letter more, so a space in front keeps the length):
      // "imrnigration", "irnmigration", "inrnate", "Departrnent"
      {RE2(R"(\b([iI])(?:rnm|mrn)(igra))"), " \\1mm\\2"},
      {RE2(R"(\b([iI])rnrn(igra))"), "  \\1mm\\2"},
      {RE2(R"(\b([iI])nrn(ates?)\b)"), " \\1nm\\2"},
      {RE2(R"(\b([dD])epartrn(ent))"), " \\1epartm\\2"},
      // ... and in the nouns and verbs of sharing and complying: "inforrnation", "forrn", "perforrn", "cornply",
      // "cornpliance", "custorns", "rnember", "Mernbers" (never an English word's own spelling)
      {RE2(R"(\b([iI]nfo|[fF]o|[pP]erfo)rrn)"), " \\1rm"},
      {RE2(R"(\b([cC])orn(pl[iy]))"), " \\1om\\2"},
      {RE2(R"(\b([cC]usto)rn(s?)\b)"), " \\1m\\2"},
      {RE2(R"(\brn(embers?)\b)"), " m\\1"},
      {RE2(R"(\b([mM]e)rn(bers?)\b)"), " \\1m\\2"},
      // "l" read as a capital "I" inside a lower-case word or ending "-al"/"-il": "faciIity", "reIease", "judiciaI",
      // "civiI" (a capital between two lower-case letters is no English spelling; "McIntyre" is matched, in this
      // matching copy only, as "Mclntyre")
      {RE2(R"(([a-z])I([a-z]))"), "\\1l\\2"},
      {RE2(R"(\b([a-z]{3,}[ai])I\b)"), "\\1l"},
      // a speck read as a point between two words of one sentence ("Inmate ... will. be released tomorrow", a faxed
      // e-mail): no sentence ends before a lower-case word, so the point goes (and an abbreviation's, "etc. and", with it)
      {RE2(R"(\b([a-z]{2,})\. ([a-z]))"), " \\1 \\2"},
      // Spanish "-ción" read by an English-only OCR as "-cién" ("la fecha de su liberacién", "el Servicio de
      // Inmigracién"; folded "-cien"), which no English word ends with; not "recién" (two letters before it)
      {RE2(R"(\b([A-Za-z]{3,}c)ien\b)"), "\\1ion"},
      // an item's parenthesis read as a brace ("{2} adopt a policy ...", "(c} share ..."): the rules' item patterns
      // read "(2)"
      {RE2(R"(^(\W*)\{(\w{1,4})[)}])"), "\\1(\\2)"},
      {RE2(R"(^(\W*)\((\w{1,4})\})"), "\\1(\\2)"},
  };
  // Most text has none of these: one scan decides.
  static const RE2 kAny(kOcrModalMisreadingPattern);
  if (!RE2::PartialMatch(text, kAny)) return;
  for (const auto& r : kRepairs) {
    std::string repaired = text;
    if (RE2::GlobalReplace(&repaired, r.re, r.repair) > 0 && repaired.size() == text.size()) text = std::move(repaired);
  }
  RepairPointsForSpaces(text);
}

namespace {
void RepairPointsForSpaces(std::string& text) {
  // A speck read as a point in the space between two words ("We.do not provide ICE with release dates", "is NOT treated
  // as.a hold", a 100-dpi scan): a point between a word and a lower-case word, no space on either side, is a space. Not
  // in an address ("www.ice.gov", "records@doc.dc.gov", "dc.gov/page"), nor in an abbreviation ("e.g.", "i.e."): the
  // word before has two letters or more, and the token holds no '@', '/' or "www".
  static constexpr std::string_view kDomains[] = {"gov", "com", "org", "net", "edu", "us", "mil", "info", "io",
                                                  "html", "htm", "pdf", "doc", "docx", "aspx", "php"};
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (size_t dot = text.find('.'); dot != std::string::npos; dot = text.find('.', dot + 1)) {
    if (dot < 2 || dot + 1 >= text.size() || !is_lower(text[dot - 1]) || !is_lower(text[dot + 1])) continue;
    size_t left = dot;
    while (left > 0 && is_letter(text[left - 1])) --left;
    size_t right = dot + 1;
    while (right < text.size() && is_lower(text[right])) ++right;
    if (dot - left < 2 || (right < text.size() && (is_letter(text[right]) || text[right] == '.'))) continue;
    // the whole token, between spaces: no address
    size_t token_begin = left, token_end = right;
    while (token_begin > 0 && text[token_begin - 1] != ' ' && text[token_begin - 1] != '\n') --token_begin;
    while (token_end < text.size() && text[token_end] != ' ' && text[token_end] != '\n') ++token_end;
    const std::string_view token(text.data() + token_begin, token_end - token_begin);
    if (token.find('@') != std::string_view::npos || token.find('/') != std::string_view::npos ||
        AsciiLower(token).find("www") != std::string::npos)
      continue;
    const std::string after = AsciiLower(std::string_view(text.data() + dot + 1, right - dot - 1));
    if (std::find(std::begin(kDomains), std::end(kDomains), after) != std::end(kDomains)) continue;
    // (the word before is no single lower-case letter of an abbreviation's pair: "e.g", "i.e" fail the two letters)
    text[dot] = ' ';
  }
}
}  // namespace

void RepairSplitWords(FoldedText& folded) {
  std::string& text = folded.text;
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::vector<size_t> cuts;  // where a "- " between the pieces of a word starts
  for (size_t dash = text.find("- "); dash != std::string::npos; dash = text.find("- ", dash + 2)) {
    // at least two letters before the hyphen, the start of a word
    size_t start = dash;
    while (start > 0 && is_letter(text[start - 1])) --start;
    // In capitals (a bill's new matter: "IMMI- GRATION", "PARTIC- IPATE") both pieces are
    // capitals and the first is no acronym of three letters ("ICE- RELATED" stays).
    const bool capitals = dash - start >= 4 && is_upper(text[dash - 1]) && dash + 2 < text.size() && is_upper(text[dash + 2]);
    if (!capitals && (dash - start < 2 || !is_lower(text[dash - 1]))) continue;  // "ICE- related" stays
    size_t second = dash + 2, end = second;
    while (end < text.size() && is_letter(text[end])) ++end;
    if (end - second < 2 || !(capitals ? is_upper(text[second]) : is_lower(text[second]))) continue;
    const std::string next = AsciiLower(std::string_view(text.data() + second, end - second));
    if (next == "and" || next == "or" || next == "to" || next == "nor") continue;
    cuts.push_back(dash);
    dash = end - 2;
  }
  // Taking "- " out (not padding it) lets a rule's "in immigration enforcement" meet one space.
  EraseFromFolded(folded, cuts, 2);
}

namespace {
// An ASCII text folds to itself and carries no map (identity): before an edit changes its length, write the identity
// out.
void MapFoldedToItself(FoldedText& folded) {
  if (!folded.to_original.empty()) return;
  folded.to_original.reserve(folded.text.size() + 1);
  for (size_t k = 0; k <= folded.text.size(); ++k) folded.to_original.push_back(k);
}
}  // namespace

void EraseFromFolded(FoldedText& folded, const std::vector<size_t>& starts, size_t width) {
  if (starts.empty()) return;
  std::string& text = folded.text;
  MapFoldedToItself(folded);
  std::string out;
  std::vector<size_t> map;
  out.reserve(text.size());
  map.reserve(folded.to_original.size());
  size_t next = 0;
  for (size_t k = 0; k < text.size(); ++k) {
    if (next < starts.size() && starts[next] == k) {
      k += width - 1;
      ++next;
      continue;
    }
    out.push_back(text[k]);
    map.push_back(folded.to_original[k]);
  }
  map.push_back(folded.to_original[text.size()]);
  text = std::move(out);
  folded.to_original = std::move(map);
}

void InsertSpacesIntoFolded(FoldedText& folded, const std::vector<size_t>& positions) {
  if (positions.empty()) return;
  std::string& text = folded.text;
  MapFoldedToItself(folded);
  std::string out;
  std::vector<size_t> map;
  out.reserve(text.size() + positions.size());
  map.reserve(folded.to_original.size() + positions.size());
  size_t next = 0;
  for (size_t k = 0; k < text.size(); ++k) {
    if (next < positions.size() && positions[next] == k) {
      out.push_back(' ');
      map.push_back(folded.to_original[k]);
      ++next;
    }
    out.push_back(text[k]);
    map.push_back(folded.to_original[k]);
  }
  map.push_back(folded.to_original[text.size()]);
  text = std::move(out);
  folded.to_original = std::move(map);
}

}  // namespace foiamine::extractors::internal
