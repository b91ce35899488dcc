#include "extractors/identity.h"

#include <re2/re2.h>

#include <memory>
#include <vector>

#include <array>
#include <cctype>
#include <cstdio>

namespace foiamine::extractors {
namespace {

const char* kMonth =
    "(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";

int MonthNumber(std::string name) {
  static const std::array<const char*, 12> kNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < kNames.size(); ++i)
    if (name.rfind(kNames[i], 0) == 0) return static_cast<int>(i) + 1;
  return 0;
}

std::string Iso(int y, int m, int d) {
  if (y < 100) y += y < 50 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// The first date at the start of `s` as ISO, "" when none.
std::string ParseDate(std::string_view s) {
  static const RE2 kMdy(std::string("^") + kMonth + R"(\.?\s+(\d{1,2}),?\s+(\d{4}))");
  static const RE2 kDmy(std::string(R"(^(\d{1,2})\s+)") + kMonth + R"(\.?,?\s+(\d{4}))");
  static const RE2 kYmd(R"(^(\d{4})[/-](\d{1,2})[/-](\d{1,2}))");
  static const RE2 kUs(R"(^(\d{1,2})/(\d{1,2})/(\d{2,4}))");
  re2::StringPiece in(s.data(), s.size());
  std::string month;
  int y = 0, m = 0, d = 0;
  if (RE2::PartialMatch(in, kMdy, &month, &d, &y)) return Iso(y, MonthNumber(month), d);
  if (RE2::PartialMatch(in, kDmy, &d, &month, &y)) return Iso(y, MonthNumber(month), d);
  if (RE2::PartialMatch(in, kYmd, &y, &m, &d)) return Iso(y, m, d);
  if (RE2::PartialMatch(in, kUs, &m, &d, &y)) return Iso(y, m, d);
  return "";
}

// A date following one of the labels, e.g. "Effective Date: March 3, 2020".
// `labels` is an alternation; the compiled pattern is built once per call site.
std::unique_ptr<RE2> DateLabel(const std::string& labels) {
  return std::make_unique<RE2>("(?i)(?:^|\\W)(?:" + labels + ")\\s*(?:date)?\\s*[:.]?\\s*(?:on\\s+)?");
}

std::string LabeledDate(const std::string& text, const RE2& re) {
  re2::StringPiece in(text);
  while (RE2::FindAndConsume(&in, re)) {
    std::string iso = ParseDate(std::string_view(in.data(), std::min<size_t>(in.size(), 40)));
    if (!iso.empty()) return iso;
  }
  return "";
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string InferNumber(const std::string& text) {
  struct P {
    const char* re;
    const char* prefix;
  };
  static const P kPatterns[] = {
      {R"((?i)Program\s+Statement\s+(?:No\.?\s*)?(\d{4}\.\d{1,3}[A-Z]?))", "Program Statement "},
      {R"(\bP\.?S\.?\s+(\d{4}\.\d{1,3}[A-Z]?))", "Program Statement "},
      {R"(\b(GO-[A-Z]{2,5}-\d+(?:\.\d+)?))", ""},
      {R"((?i)General\s+Order\s+(?:No\.?\s*)?([A-Z]{0,4}-?[A-Z]{0,4}-?\d+(?:\.\d+)*))", "General Order "},
      {R"((?i)Special\s+Order\s+(?:No\.?\s*)?(\d+-\d+|\d+))", "Special Order "},
      {R"(\b(EO-\d{2}-\d{3,4}))", ""},
      {R"(Mayor'?s\s+Order\s+(?:No\.?\s*)?(\d{4}-\d{1,4}))", "Mayor's Order "},
      {R"((?i)directive\s*(?:no\.?|#|number)?\s*:?\s*([0-9][0-9A-Z.-]*[0-9A-Z]))", "Directive "},
      {R"((?i)policy\s+(?:no\.?|number|#)\s*:?\s*([0-9][0-9A-Za-z.-]*))", "Policy "},
      {R"(D\.C\.\s+Law\s+(\d{1,2}-\d{1,4}))", "D.C. Law "},
      {R"(\bBill\s+(\d{1,2}-\d{1,4}))", "Bill "},
  };
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const P& p : kPatterns) v.push_back(std::make_unique<RE2>(p.re));
    return v;
  }();
  for (size_t i = 0; i < kCompiled.size(); ++i) {
    std::string value;
    if (RE2::PartialMatch(text, *kCompiled[i], &value)) return kPatterns[i].prefix + value;
  }
  return "";
}

std::string InferAgency(const std::string& text) {
  static const RE2 kAgency(
      R"(\b((?:[A-Z][A-Za-z.'-]*[ \t]+){1,4}(?:Police\s+Department|POLICE\s+DEPARTMENT|Sheriff'?s\s+Office|SHERIFF'?S\s+OFFICE)|(?:District\s+of\s+Columbia\s+|D\.?C\.?\s+)?Department\s+of\s+Corrections|Metropolitan\s+Police\s+Department|Council\s+of\s+the\s+District\s+of\s+Columbia|Office\s+of\s+the\s+Mayor))");
  std::string agency;
  if (RE2::PartialMatch(text, kAgency, &agency)) {
    std::string out;
    for (char c : agency) {
      if (c == '\n') c = ' ';
      if (c == ' ' && !out.empty() && out.back() == ' ') continue;
      out.push_back(c);
    }
    return out;
  }
  return "";
}

std::string InferTitle(const std::string& text) {
  static const RE2 kLabel(R"((?m)^\s*(?:SUBJECT|Subject|TITLE|Title|RE|Re)\s*:[ \t]*([^\n]*)\n?(?:\s*\n)*([^\n]*))");
  std::string same, next;
  if (RE2::PartialMatch(text, kLabel, &same, &next)) {
    std::string t = Trimmed(same.empty() ? next : same);
    if (!t.empty()) return t;
  }
  // Else the first short line that reads like a title.
  static const RE2 kSkip(R"((?i)^(?:policy|policy manual|general order|program statement|page\b.*|.*department.*|.*\d{4}.*|[0-9. -]+)$)");
  size_t pos = 0;
  int seen = 0;
  while (pos < text.size() && seen < 15) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = Trimmed(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    ++seen;
    size_t letters = 0, words = 1;
    for (char c : line) {
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
      if (c == ' ') ++words;
    }
    if (words < 2 || words > 14 || letters * 10 < line.size() * 7) continue;
    if (RE2::FullMatch(line, kSkip) || line.back() == ':' || line.find(": ") != std::string::npos) continue;
    return line;
  }
  return "";
}

std::string InferKind(const std::string& text, const std::string& number) {
  static const RE2 kJail(R"((?i)program\s+statement|department\s+of\s+corrections|\bjail\b|detention\s+facility)");
  static const RE2 kMayor(R"((?i)mayor'?s\s+order)");
  static const RE2 kStatute(R"((?i)be\s+it\s+enacted|D\.C\.\s+Code\s+§|D\.C\.\s+Law\s+\d|amendment\s+act\s+of)");
  static const RE2 kCouncil(R"((?i)council\s+of\s+the\s+district|committee\s+on|public\s+hearing|testimony)");
  static const RE2 kPolice(R"((?i)general\s+order|special\s+order|directive|police\s+department|policy\s+manual|\bGO-)");
  // Correspondence (e-mail, fax, memo): both a From: and a To: header line.
  static const RE2 kFrom(R"((?mi)^\s*from\s*:)");
  static const RE2 kTo(R"((?mi)^\s*to\s*:)");
  static const RE2 kLog(R"((?i)\blog\b|\bshift\s+report)");
  const std::string head = text.substr(0, std::min<size_t>(text.size(), 3000));
  if (RE2::PartialMatch(head, kFrom) && RE2::PartialMatch(head, kTo)) return "correspondence";
  if (RE2::PartialMatch(number, kMayor) || RE2::PartialMatch(head, kMayor)) return "mayors_order";
  if (number.rfind("Program Statement", 0) == 0) return "jail_policy";
  if (number.rfind("General Order", 0) == 0 || number.rfind("GO-", 0) == 0 || number.rfind("Directive", 0) == 0)
    return "police_order";
  // A police policy names its department in its running header; the words
  // of council records ("testimony", "committee on") can occur in its body.
  if (const std::string top = head.substr(0, std::min<size_t>(head.size(), 400));
      RE2::PartialMatch(top, kPolice) && !RE2::PartialMatch(top, kCouncil))
    return "police_order";
  if (RE2::PartialMatch(head, kStatute)) return "statute";
  if (RE2::PartialMatch(head, kCouncil)) return "council_record";
  if (RE2::PartialMatch(head, kLog)) return "log";
  if (RE2::PartialMatch(head, kJail)) return "jail_policy";
  if (RE2::PartialMatch(head, kPolice)) return "police_order";
  return "";
}

std::string AuthorityOf(const std::string& kind, const std::string& text) {
  // Testimony at a council hearing is evidence of practice, not law.
  static const RE2 kTestimony(R"((?i)\btestimony\b|\btranscript\b|\bwitness\b|\bhearing\b)");
  if (kind == "council_record" && RE2::PartialMatch(text, kTestimony)) return "practice";
  if (kind == "statute" || kind == "mayors_order" || kind == "council_record") return "law";
  if (kind == "jail_policy" || kind == "police_order") return "policy";
  if (kind == "correspondence" || kind == "log") return "practice";
  return "";
}

IdentityField Pick(const std::string& given, const std::string& inferred) {
  if (!given.empty()) return IdentityField{given, false};
  return IdentityField{inferred, !inferred.empty()};
}

}  // namespace

DocumentIdentity InferIdentity(const DocumentInput& input, const Jurisdictions* jurisdictions) {
  const DocumentMetadata& m = input.metadata;
  std::string head;
  for (size_t i = 0; i < input.pages.size() && i < 2; ++i) head += input.pages[i].text + "\n";
  const std::string first = input.pages.empty() ? std::string() : input.pages[0].text;
  DocumentIdentity id;
  const std::string number = m.number.empty() ? InferNumber(head) : m.number;
  id.number = Pick(m.number, number);
  id.title = Pick(m.title, InferTitle(first));
  id.agency = Pick(m.agency, InferAgency(head));
  std::string kind = m.doc_kind.empty() ? InferKind(head, number) : m.doc_kind;
  std::string authority = AuthorityOf(kind, head);
  if (jurisdictions && m.doc_kind.empty()) ApplyLawForm(*jurisdictions, head, kind, authority);  // any jurisdiction's laws
  id.doc_kind = Pick(m.doc_kind, kind);
  id.authority = Pick(m.authority, authority);
  id.jurisdiction = Pick(m.jurisdiction, jurisdictions ? InferJurisdiction(*jurisdictions, head, id.agency.value) : "");
  static const auto kIssued = DateLabel("issued|issue|date issued|date of issue|signed|adoption|adopted|approved");
  static const auto kEffective = DateLabel("effective|eff\\.?|date effective|in effect");
  static const auto kReview = DateLabel("review|next review|reviewed|revised|revision|rev\\.?");
  id.issued = Pick(m.issued, LabeledDate(head, *kIssued));
  id.effective = Pick(m.effective, LabeledDate(head, *kEffective));
  id.review = Pick("", LabeledDate(head, *kReview));
  return id;
}

}  // namespace foiamine::extractors
