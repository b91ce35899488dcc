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

// A document's number and title as a known form prints them at its head.
struct HeadingIdentity {
  std::string number;  // "Policy 413", "8 U.S.C. § 1357"
  std::string title;   // "Immigration Violations"; "" when none reads as one
};

// A policy of a manual in Lexipol's template, read from the first page: its
// number ("Policy 413", from its first section "413.1 PURPOSE AND SCOPE" under a
// header that names a manual) and its title (the lines above that section).
// Both empty when the page is not one.
HeadingIdentity ManualPolicyHeader(const std::vector<PageText>& pages);

// A section of the United States Code as the Office of the Law Revision Counsel prints it (uscode.house.gov, and
// copies of it): the title's caption line "TITLE 8-ALIENS AND NATIONALITY" (a dash, as normalization makes an em
// dash) above the section's "§1357. Powers of immigration officers and employees". Its number is "8 U.S.C. § 1357"
// and its title the section's heading. Both empty unless the caption names one of the Code's titles that bear on
// immigration enforcement (5, 6, 8, 18, 31, 34, 42) by its own name: a state code's "TITLE 5 - CRIMINAL
// PROCEDURE" is none. Cornell LII's one-line caption ("8 U.S. Code § 1357 - Powers of immigration officers and
// employees") names the Code itself.
HeadingIdentity UsCodeSectionHeader(const std::vector<PageText>& pages);

// The first of the two above that reads the document's first page (a number and title a known form prints).
HeadingIdentity PrintedIdentity(const std::vector<PageText>& pages);

// Whether a (trimmed) line names the kind of document rather than the document:
// a directive form's caption or checkbox ("STANDARD OPERATING PROCEDURE",
// "DIVISION DIRECTIVE", "NOTICE"), or a row of field labels read together
// ("General Order Date of Issue").
bool KindCaption(const std::string& line);

// A bill's headline as a legislature's site prints it, on a line of its own near the top: "SB 5818 - Facilitating
// the transfer of certain individuals in the custody of the department of corrections." (the title, without its
// period); "" when there is none.
std::string BillHeadline(const std::string& first_page);

// An act's title after its enacting formula in the first page's top 40 lines: Maryland's "AN ACT concerning" /
// "Public Safety – Immigration Enforcement – Immigration Enforcement" / "Agreements" (the lines up to a blank line or
// "FOR the purpose", their margin numbers cut) -> "Public Safety – Immigration Enforcement – Immigration Enforcement
// Agreements"; "AN ACT relating to immigration and customs laws; amending ..." (Texas, Oklahoma, Hawaii's "A BILL FOR
// AN ACT RELATING TO IMMIGRATION.") -> "Relating to immigration and customs laws"; "" when there is none.
std::string ActTitle(const std::string& first_page);

// A bill's number as its first page prints it in its caption, in a citation's form: "HOUSE BILL 495" (a line of its
// own, or followed only by a page number or "A BILL FOR AN ACT ...") -> "H.B. 495"; "SENATE BILL No. 76" -> "S.B.
// 76"; "HOUSE BILL NO. HB0276" -> "H.B. 276"; "House File 479" -> "H.F. 479"; "By: Dean H.B. No. 2280" -> "H.B.
// 2280"; "H.R. 2056" alone on its line -> "H.R. 2056"; a site's headline "SB 5818 - Facilitating ..." -> "S.B. 5818"
// and its "Bill ID: S987" -> "S. 987"; a Wisconsin bill's drafting locators ("AB484,3,5" opening three lines or
// more) -> "A.B. 484". Only the top of the page is read (its first 15 lines), and a line that goes on in prose
// ("House Bill 2 requires ...", a story about a bill) names another document: "" then.
std::string BillNumber(const std::string& first_page);

}  // namespace foiamine::extractors::internal
