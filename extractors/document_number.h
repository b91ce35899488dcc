// Internal to extractors: a document's number as its text prints it
// (identity.h uses it for the document's own number and for the documents
// its reference lines name).
#pragma once

#include <string>

namespace foiamine::extractors::internal {

// A number found in text: where its value starts, the value as the identity
// shows it ("Program Statement 4020.1F") and the whole match as printed.
struct NumberMatch {
  size_t position = std::string::npos;
  std::string value, printed;
  bool bill = false;  // a bill's number from its caption (document_header.h BillNumber)
};

// The document-number patterns ("Program Statement 4020.1F", "GO-OPS-201.26",
// "General Order 05", "Mayor's Order 2021-044", ...), tried everywhere; the
// match whose number starts first wins (ties: the patterns' order), so the
// caption's own number beats a later mention. A number cited in running prose
// ("referenced here is General Order 05") is another document's and is
// skipped. {npos, "", ""} when none.
// (One RE2::Set pass over the text first says which patterns match anywhere
// in it; only those are searched.)
NumberMatch FirstNumber(const std::string& text);

// FirstNumber without the Set's pass: every pattern searched. The reference
// the tests hold FirstNumber to.
NumberMatch FirstNumberSearchingEveryPattern(const std::string& text);

}  // namespace foiamine::extractors::internal
