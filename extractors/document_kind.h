// Internal to extractors: a document's kind and authority from its face,
// when no manifest gives them (identity.h uses them; jurisdiction.h's law
// forms may then make a document law).
#pragma once

#include <string>

namespace foiamine::extractors::internal {

// statute | council_record | mayors_order | jail_policy | police_order |
// correspondence | log | "" (unknown), from the first pages' text and the
// document's number ("General Order ...", "Program Statement ...").
std::string InferKind(const std::string& text, const std::string& number);

// law | policy | practice | "" for a kind; council testimony is practice.
std::string AuthorityOf(const std::string& kind, const std::string& text);

}  // namespace foiamine::extractors::internal
