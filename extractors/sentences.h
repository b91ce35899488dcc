// Internal to extractors: a block of text cut into sentences (ICU's
// sentence breaks), with the breaks that end no sentence merged back: after
// an abbreviation ("Cal. Gov. Code", "No. 5"), before a lower-case word, after
// a bare list marker, inside a number ("287.S(a)"), between a question and
// its yes-or-no answer, and after the "1." of a list run in after a colon.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <memory>
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
  // The block as UTF-16, reused (its buffer kept); the breaker reads it in
  // place, so it is declared first and outlives the breaker.
  icu::UnicodeString text_;
  std::unique_ptr<icu::BreakIterator> breaker_;
};

// Is `next` a yes-or-no answer to the question `prev` ends with ("? No.",
// "?" / "Answer: Yes, the TCSO ...")? A question answered is one statement.
bool AnswersQuestion(std::string_view prev, std::string_view next);

// Does `next` only say what the sentence before it includes ("This includes
// sharing information with ICE, complying with detainer requests ...")?
bool ElaboratesPrevious(std::string_view next);

}  // namespace foiamine::extractors::internal
