#include "extractors/exemptions.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <map>

#include "extractors/text_fold.h"

namespace foiamine::extractors {

struct ExemptionSchemes::Compiled {
  struct Scheme {
    std::string name, law, prefix, cited_as;
    char letter = 'b';
    int paragraphs = 0;
    std::map<int, std::string> subparts;  // paragraph -> allowed letters, upper case ("ABCDEF")
    bool bare = false;                    // "b6", "b7C" accepted
    std::unique_ptr<RE2> context;         // null: any document
    std::unique_ptr<RE2> parenthesised, bare_form, misread;
  };
  std::vector<Scheme> schemes;
  std::string hash;
};

const std::string& ExemptionSchemes::hash() const { return compiled_->hash; }

namespace {

std::string Letters(const std::string& spec) {  // "A-F" or "ACE"
  std::string out;
  if (spec.size() == 3 && spec[1] == '-') {
    for (char c = static_cast<char>(std::toupper(static_cast<unsigned char>(spec[0])));
         c <= std::toupper(static_cast<unsigned char>(spec[2])); ++c) {
      out += c;
    }
    return out;
  }
  for (char c : spec) {
    if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// Brackets as OCR reads them: "(b)", "[b]", "{b}", "(b}".
constexpr const char* kOpen = "[(\\[{]";
constexpr const char* kClose = "[)\\]}]";

}  // namespace

foiamine::StatusOr<ExemptionSchemes> LoadExemptionSchemes(std::string_view yaml) {
  auto compiled = std::make_shared<ExemptionSchemes::Compiled>();
  compiled->hash = internal::Fnv1a64(yaml);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root["schemes"] || !root["schemes"].IsSequence()) {
      return foiamine::Status::InvalidArgument("exemptions: no `schemes:` list");
    }
    for (const YAML::Node& node : root["schemes"]) {
      ExemptionSchemes::Compiled::Scheme s;
      s.name = node["name"].as<std::string>("");
      const std::string where = "exemptions: scheme '" + s.name + "'";
      s.law = node["law"].as<std::string>("");
      s.prefix = node["prefix"].as<std::string>("");
      s.cited_as = node["cited_as"].as<std::string>("");
      const std::string letter = node["letter"].as<std::string>("");
      if (s.name.empty() || s.law.empty() || letter.size() != 1 || !std::isalpha(static_cast<unsigned char>(letter[0]))) {
        return foiamine::Status::InvalidArgument(where + ": needs name, law and a one-letter `letter`");
      }
      s.letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter[0])));
      s.paragraphs = node["paragraphs"].as<int>(0);
      if (s.paragraphs <= 0 || s.paragraphs > 99) return foiamine::Status::InvalidArgument(where + ": `paragraphs` 1-99");
      if (node["subparts"]) {
        for (const auto& kv : node["subparts"]) s.subparts[kv.first.as<int>()] = Letters(kv.second.as<std::string>());
      }
      s.bare = node["bare_forms"].as<bool>(false);
      RE2::Options options;
      options.set_case_sensitive(false);
      options.set_log_errors(false);
      const std::string context = node["context"].as<std::string>("");
      if (!context.empty()) {
        s.context = std::make_unique<RE2>(context, options);
        if (!s.context->ok()) return foiamine::Status::InvalidArgument(where + ": context: " + s.context->error());
      }
      const std::string l(1, s.letter);
      // (b)(7)(C): letter, paragraph, optional subpart; spaces as OCR leaves them.
      s.parenthesised = std::make_unique<RE2>(std::string("(") + kOpen + " ?" + l + " ?" + kClose + " ?" + kOpen +
                                                  " ?([0-9]{1,2}) ?" + kClose + "(?: ?" + kOpen + " ?([a-z]) ?" +
                                                  kClose + ")?)",
                                              options);
      // b6, b7C, b(6): FOIA officers' shorthand.
      s.bare_form = std::make_unique<RE2>("(\\b" + l + " ?\\(?([0-9])\\)? ?([a-z])?\\b)", options);
      // The letter as OCR misreads it on a degraded scan (only on redacted
      // pages): b -> 6 or h, a -> o or d; a bracket lost after it.
      const std::string lookalike = s.letter == 'b' ? "[b6h]" : s.letter == 'a' ? "[aod]" : l;
      s.misread = std::make_unique<RE2>(std::string("(") + kOpen + " ?" + lookalike + " ?" + kClose + "? ?" + kOpen +
                                            " ?([0-9]{1,2}) ?" + kClose + "(?: ?" + kOpen + " ?([a-z]) ?" + kClose +
                                            ")?)",
                                        options);
      if (!s.parenthesised->ok() || !s.bare_form->ok() || !s.misread->ok()) {
        return foiamine::Status::Internal(where + ": pattern");
      }
      compiled->schemes.push_back(std::move(s));
    }
  } catch (const YAML::Exception& e) {
    return foiamine::Status::InvalidArgument(std::string("exemptions: ") + e.what());
  }
  return ExemptionSchemes(std::move(compiled));
}

namespace {

bool EndsWithWord(std::string_view before, std::string_view word) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) before.remove_suffix(1);
  if (before.size() < word.size()) return false;
  std::string tail(before.substr(before.size() - word.size()));
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == word;
}

// Whether the match continues a citation: "24-211.07(b)(1)", "§ (b)",
// "subsection (b)(2)" -- unless the statute is the scheme's own ("552(b)(6)").
bool ContinuesCitation(std::string_view text, size_t start, const std::string& cited_as) {
  std::string_view before = text.substr(0, start);
  if (!cited_as.empty() && EndsWithWord(before, cited_as)) return false;
  if (start > 0) {
    const unsigned char c = static_cast<unsigned char>(text[start - 1]);
    if (std::isalnum(c) || c == ')' || c == '.' || c == '-' || c == ']') return true;
  }
  for (const char* word : {"section", "subsection", "sec.", "paragraph", "para.", "subparagraph", "clause", "\xc2\xa7",
                           "article", "part", "rule"}) {
    if (EndsWithWord(before, word)) return true;
  }
  return false;
}

struct Found {
  size_t start, end;
  std::string code, law, raw;
};

}  // namespace

std::vector<bool> DocumentContexts(const ExemptionSchemes& schemes, std::string_view document_text) {
  std::vector<bool> out;
  for (const auto& s : schemes.compiled().schemes) out.push_back(!s.context || RE2::PartialMatch(document_text, *s.context));
  return out;
}

std::vector<ExemptionCode> FindExemptionCodes(const ExemptionSchemes& schemes, std::string_view page_text,
                                              std::string_view document_text, bool redacted_page) {
  return FindExemptionCodes(schemes, page_text, DocumentContexts(schemes, document_text), redacted_page);
}

std::vector<ExemptionCode> FindExemptionCodes(const ExemptionSchemes& schemes, std::string_view page_text,
                                              const std::vector<bool>& document_contexts, bool redacted_page) {
  std::vector<Found> found;
  for (size_t k = 0; k < schemes.compiled().schemes.size(); ++k) {
    const auto& s = schemes.compiled().schemes[k];
    const bool context = k < document_contexts.size() && document_contexts[k];
    if (!redacted_page && !context) continue;
    auto take = [&](const RE2& re, bool parenthesised) {
      re2::StringPiece text(page_text.data(), page_text.size());
      re2::StringPiece groups[4];  // whole, outer group, paragraph, subpart
      size_t pos = 0;
      while (pos < page_text.size() && re.Match(text, pos, page_text.size(), RE2::UNANCHORED, groups, 4)) {
        const re2::StringPiece whole = groups[1], number = groups[2], sub = groups[3];
        const size_t start = static_cast<size_t>(whole.data() - page_text.data());
        size_t end = start + whole.size();
        pos = std::max(end, start + 1);
        if (parenthesised && ContinuesCitation(page_text, start, s.cited_as)) continue;
        const int n = std::stoi(std::string(number));
        if (n < 1 || n > s.paragraphs) continue;
        std::string code = s.prefix + "(" + std::string(1, s.letter) + ")(" + std::to_string(n) + ")";
        if (!sub.empty()) {
          const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
          auto allowed = s.subparts.find(n);
          if (allowed != s.subparts.end() && allowed->second.find(letter) != std::string::npos) {
            code += std::string("(") + letter + ")";
          } else {
            // Not a subpart ("(b)(6) (b)(7)": the next code's letter): the
            // code ends at its paragraph, and the search goes on from there.
            end = static_cast<size_t>(number.data() - page_text.data()) + number.size();
            while (end < page_text.size() && (page_text[end] == ' ' || page_text[end] == ')' || page_text[end] == ']' ||
                                              page_text[end] == '}')) {
              if (page_text[end] != ' ') {
                ++end;
                break;
              }
              ++end;
            }
            pos = end;
          }
        }
        found.push_back(Found{start, end, std::move(code), s.law, std::string(page_text.substr(start, end - start))});
      }
    };
    take(*s.parenthesised, true);
    if (redacted_page) take(*s.misread, true);
    if (s.bare) take(*s.bare_form, false);
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.start < b.start; });
  std::vector<ExemptionCode> out;
  for (auto& f : found) {
    if (!out.empty() && f.start < out.back().end) continue;  // overlapping readings: the first wins
    out.push_back(ExemptionCode{std::move(f.code), std::move(f.law), std::move(f.raw), f.start, f.end});
  }
  return out;
}

bool IsRedactionLabel(std::string_view text) {
  static const RE2 kCode(std::string("(?i)") + kOpen + "? ?[a-z] ?" + kClose + "? ?" + kOpen + "? ?[0-9]{1,2} ?" +
                         kClose + "?(?: ?" + kOpen + " ?[a-z] ?" + kClose + ")?");
  static const RE2 kWords(
      "(?i)redact(ed|ion)?|withheld|exempt(ion)?s?|privacy|pii|foia|ex\\.? ?[0-9]\\b|d\\.? ?c\\.? code|2-534|552|"
      "u\\.? ?s\\.? ?c\\.?|\xc2\xa7");
  std::string rest(text);
  RE2::GlobalReplace(&rest, kWords, " ");
  RE2::GlobalReplace(&rest, kCode, " ");
  for (unsigned char c : rest) {
    if (std::isalnum(c) || c >= 0x80) return false;
  }
  return true;
}

size_t CountCodeForms(std::string_view text) {
  static const RE2 kForm(std::string("(?i)") + kOpen + " ?[a-z] ?" + kClose + " ?" + kOpen + " ?[0-9]{1,2} ?" + kClose);
  re2::StringPiece rest(text.data(), text.size());
  size_t n = 0;
  while (RE2::FindAndConsume(&rest, kForm)) ++n;
  return n;
}

}  // namespace foiamine::extractors
