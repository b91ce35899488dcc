// Internal to extractors: what the head of a police directive or manual page
// says about the document itself (identity.cc reads it for titles and numbers),
// and the two line helpers identity.cc shares with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/document_text.h"

namespace foiamine::extractors::internal {

// The text without the white space at either end.
std::string Trimmed(std::string_view s);

// The text's lines, without their '\n' (a last empty line when the text ends with one).
std::vector<std::string> SplitLines(const std::string& text);

// A policy of a manual in Lexipol's template, read from the first page: its
// number ("Policy 413", from its first section "413.1 PURPOSE AND SCOPE" under a
// header that names a manual) and its title (the lines above that section).
// Both empty when the page is not one.
struct ManualPolicy {
  std::string number;  // "Policy 413"
  std::string title;   // "Immigration Violations"; "" when none reads as one
};
ManualPolicy ManualPolicyHeader(const std::vector<PageText>& pages);

// Whether a (trimmed) line names the kind of document rather than the document:
// a directive form's caption or checkbox ("STANDARD OPERATING PROCEDURE",
// "DIVISION DIRECTIVE", "NOTICE"), or a row of field labels read together
// ("General Order Date of Issue").
bool KindCaption(const std::string& line);

}  // namespace foiamine::extractors::internal
