// Internal to extractors: a document's kind and authority from its face,
// when no manifest gives them (identity.h uses them; jurisdiction.h's law
// forms may then make a document law).
#pragma once

#include <string>

namespace foiamine::extractors::internal {

// statute | council_record | mayors_order | jail_policy | police_order |
// correspondence | log | transcript | "" (unknown), from the first pages'
// text and the document's number ("General Order ...", "Program Statement ...").
std::string InferKind(const std::string& text, const std::string& number);

// Whether the first pages read as a hearing's or an interview's transcript: a
// caption naming a transcript, hearing, proceedings, deposition or interview,
// and two speakers or more who each take two turns or more ("CHAIR: ...").
bool IsTranscript(const std::string& head);

// Whether a document of no stronger kind describes an agency's practice
// rather than directing it: a FAQ page, a staff report to a board, prose in
// the present tense ("does not ask", "our policy requires") with at most one
// "shall" or "must".
bool DescribesPractice(const std::string& text);

// The text outside quotations: what a news story quotes someone saying ("they must get a court order," said Stanek)
// is no directive of the document's. Quote marks (straight or curly, which stories mix) toggle inside/outside and
// become a space; a blank line ends a paragraph's quotation, so one stray mark cannot blank the rest of a document.
// Bytes inside a quotation become spaces, line ends excepted: the result is as long as the text less two bytes per
// curly quote.
std::string OutsideQuotes(const std::string& text);

// law | policy | practice | "" for a kind; council testimony is practice, and
// so is a document of unknown kind that DescribesPractice. Of unknown kind
// otherwise: law or policy by how the text names its own parts ("this
// section" against "this policy", "members of the department"), else "".
std::string AuthorityOf(const std::string& kind, const std::string& text);

// The authority of a text nothing above placed (no kind, no authority, no law form): a page about a jail or a police
// agency that states no rule of it ("shall", numbered parts, a policy's header) is a record of practice; else "".
std::string AuthorityByDefault(const std::string& kind, const std::string& authority, const std::string& text);

}  // namespace foiamine::extractors::internal
