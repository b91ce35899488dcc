// FOIA exemption codes printed on released pages: "(b)(6)", "(b)(7)(C)",
// "b7C", "(b)(6);(b)(7)(C)", D.C. Code § 2-534(a)(2), read OCR-tolerantly.
// Which statutes' codes are recognised is data (schemas/exemptions.yaml,
// documented at its top): another state's FOIA is an entry there.
//
//   auto schemes = LoadExemptionSchemes(yaml_text);     // the caller reads the file
//   auto codes = FindExemptionCodes(*schemes, page_text, document_text);
//
// Pure: no I/O. A loaded ExemptionSchemes is immutable and thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace foiamine::extractors {

class ExemptionSchemes {
 public:
  struct Compiled;  // exemptions.cc
  // "fnv1a64:..." of the YAML text: part of the extract stage's version.
  const std::string& hash() const;
  const Compiled& compiled() const { return *compiled_; }

 private:
  friend foiamine::StatusOr<ExemptionSchemes> LoadExemptionSchemes(std::string_view yaml);
  explicit ExemptionSchemes(std::shared_ptr<const Compiled> c) : compiled_(std::move(c)) {}
  std::shared_ptr<const Compiled> compiled_;
};

// Fails (InvalidArgument naming the scheme and field) on malformed YAML or a
// context pattern RE2 rejects.
foiamine::StatusOr<ExemptionSchemes> LoadExemptionSchemes(std::string_view yaml);

struct ExemptionCode {
  std::string code;    // canonical: "(b)(7)(C)", "§ 2-534(a)(2)"
  std::string law;     // the scheme's statute: "5 U.S.C. § 552(b)", "D.C. Code § 2-534(a)"
  std::string raw;     // as printed (or as OCR read it): "b7c", "(b) (6)"
  size_t start = 0;    // byte offsets in the page text, end exclusive
  size_t end = 0;
};

// The codes on one page, in text order. `document_text` (all pages, or as
// much as the caller has) decides each scheme's context: a code such as
// "(b)(1)" counts only in a document that speaks of FOIA (or, for D.C., of
// § 2-534), or on a page that carries redaction boxes (`redacted_page`),
// and never where it continues a citation ("§ 24-211.07(b)(1)",
// "subsection (b)(2)"). On a redacted page OCR's usual misreadings of the
// letter are read too: "(6)(6)", "(h)(6)", "(b (6)".
std::vector<ExemptionCode> FindExemptionCodes(const ExemptionSchemes& schemes, std::string_view page_text,
                                              std::string_view document_text, bool redacted_page = false);
// The same with each scheme's document context decided once per document
// (DocumentContexts): a document's pages cost one pass over its text, not one
// each.
std::vector<bool> DocumentContexts(const ExemptionSchemes& schemes, std::string_view document_text);
std::vector<ExemptionCode> FindExemptionCodes(const ExemptionSchemes& schemes, std::string_view page_text,
                                              const std::vector<bool>& document_contexts, bool redacted_page = false);

// Whether `text` (drawn visibly on a redaction box) is only a redaction's
// label: exemption codes in any scheme's form, "REDACTED", "WITHHELD",
// "EXEMPT", "PRIVACY", punctuation. Such a box is a redaction with its
// reason on it; a dark box with other visible words is a filled cell
// (a table's header row), not a redaction.
bool IsRedactionLabel(std::string_view text);

// How many codes of the well-formed printed shape "(x)(n)" -- any letter,
// a one- or two-digit paragraph, brackets ( [ { and ) ] } -- `text` holds:
// the ruler by which the OCR engine (pipeline/code_strips.h) compares two
// readings of the same print. A subpart does not count twice: "(b)(7)(C)"
// is one.
size_t CountCodeForms(std::string_view text);

}  // namespace foiamine::extractors
