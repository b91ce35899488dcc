// Official D.C. Code XML (the D.C. Council's "dc-library" schema, as in
// DCCouncil/law-xml-codified: <section><num/><heading/><para><num/><text/>...)
// turned into a document of authority `law` with its <num> hierarchy as
// explicit sections.
#pragma once

#include <string_view>

#include "extractors/document_text.h"
#include "base/status.h"

namespace foiamine::extractors {

// Lays the section out as printed, on one page:
//   § 24-211.07. Prohibition on cooperation with federal immigration agencies.
//   (a) Absent a judicial warrant ... shall not:
//   (1) Hold an individual ...
// (one line per <num> + its <text>; a top-level <text> note after the
// heading; history annotations, if any, after a blank line under "History").
// `sections` holds one Section per <section>/<para> with paths like
// "24-211.07", "24-211.07(a)", "24-211.07(a)(4)(B)" and exact spans.
// metadata: title = heading, number = "D.C. Code § <num>", doc_kind =
// statute, authority = law, agency = District, effective = the latest
// History annotation's eff date (when present).
// Fails (Corrupt) when the XML does not parse or has no <section>/<num>.
foiamine::StatusOr<DocumentInput> ParseDcCodeXml(std::string_view xml);

}  // namespace foiamine::extractors
