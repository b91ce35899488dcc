// Internal to extractors: a block of text cut into sentences (ICU's
// sentence breaks), with the breaks that end no sentence merged back: after
// an abbreviation ("Cal. Gov. Code", "No. 5"), before a lower-case word, after
// a bare list marker, inside a number ("287.S(a)"), between a question and
// its yes-or-no answer, and after the "1." of a list run in after a colon.
#pragma once

#include <unicode/brkiter.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foiamine::extractors::internal {

class SentenceSplitter {
 public:
  SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // The sentences of `block` as byte ranges [begin, end) relative to it (the
  // whole block, one range, if ICU could not be set up).
  std::vector<std::pair<size_t, size_t>> Split(std::string_view block);

 private:
  // ICU's breaks in `block` (byte offsets, from 0).
  void IcuBreaks(std::string_view block, std::vector<size_t>* bounds);
  std::unique_ptr<icu::BreakIterator> breaker_;
};

// ICU's sentence breaks (en_US, no abbreviation filter) in an ASCII `block`,
// found without ICU: UAX #29's rules SB3-SB11 over the classes ICU's data
// gives ASCII bytes, in one pass. Byte offsets as ICU reports them: 0, every
// break, and the block's end (just 0 for an empty block). False, `breaks`
// untouched, for a block with a byte >= 0x80 (or of a class these rules do
// not model): ICU decides those. A test holds it to ICU on every string of
// up to six bytes over one byte of each class, random longer ones and the
// corpus.
bool AsciiSentenceBreaks(std::string_view block, std::vector<size_t>* breaks);

// Does `s` end with an abbreviation ("Cal. Gov.", "No.", "U.S.C.", "J."), after which a period ends no sentence?
// As AbbreviationPattern, which it runs only on the word before the period that holds a digit or a period.
bool EndsWithAbbreviation(std::string_view s);
const std::string& AbbreviationPattern();

// Is `next` a yes-or-no answer to the question `prev` ends with ("? No.",
// "?" / "Answer: Yes, the TCSO ...")? A question answered is one statement.
bool AnswersQuestion(std::string_view prev, std::string_view next);

// Does `next` only say what the sentence before it includes ("This includes
// sharing information with ICE, complying with detainer requests ...")?
bool ElaboratesPrevious(std::string_view next);

}  // namespace foiamine::extractors::internal
