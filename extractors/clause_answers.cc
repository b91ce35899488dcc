// Questions answered with a bare "No.": in a hearing's transcript or an interview the answer says what the agency does
// only through the question it answers ("COUNCILMEMBER: Does the Department notify ICE before it releases someone who
// has a detainer?" / "DEPUTY DIRECTOR: We do not."). The question is matched as the clause, and the answer is quoted
// with it, so a reader sees both.
#include <re2/re2.h>

#include "extractors/clause_matcher_impl.h"

namespace foiamine::extractors::internal::matching {

int Matcher::BareAnswerTo(size_t q) {
  const auto& units = layout_.units();
  const size_t a = q + 1;
  // (a turn as short as "DEPUTY DIRECTOR: No." may have been read as a header's field line: it still answers)
  if (a >= units.size()) return -1;
  // A turn of its own, its speaker named ("DEPUTY DIRECTOR:", "A."), and nothing said but the answer: "No.", "No, we
  // do not.", "We don't.", "Yes, they do.", "Not any more." (an answer that goes on says what it means itself).
  static const RE2 kBareAnswer(
      R"re((?i)^\W*(?:[a-z][\w .'-]{0,40}?[:.]\s+)(?:(?:no|yes|correct|never|none|not any ?more|no longer)\b[,.!]?\s*)?)re"
      R"re((?:(?:we|i|they|he|she|it|staff|the (?:department|jail|office|sheriff|county|city|agency))\s+)re"
      R"re((?:do|does|did|have|has|had|will|would|can|could|are|is|was|were)(?:\s+not|n'?t)?(?:\s+any ?(?:more|longer))?)?)re"
      R"re(\s*[.!]?\s*$)re");
  static const RE2 kSaysSomething(R"((?i)\b(?:no|yes|correct|never|none|more|longer|do|does|did|have|has|had|will|would|can|could|are|is|was|were|n't)\b)");
  const std::string& answer = Folded(a).folded.text;
  if (answer.size() > 80 || !RE2::FullMatch(answer, kBareAnswer)) return -1;
  // (past the speaker's label, a word of answer: "DIRECTOR:" alone is no answer)
  const size_t label_end = answer.find_first_of(":.");
  if (label_end == std::string::npos || !RE2::PartialMatch(answer.substr(label_end + 1), kSaysSomething)) return -1;
  return static_cast<int>(a);
}

void Matcher::AsAnswered(Candidate& c, size_t answer) {
  // What the answer tells is done (or is not): a report, whatever the question's modal ("Will you hold him?" / "No.").
  c.stance = Stance::kReports;
  c.cue.reset();
  c.inherited = false;
  // The question's "you" is the answering speaker's agency.
  if (c.actor.empty()) c.actor = SpeakerActor(layout_.units()[answer].end - 1);
  if (c.actor.empty()) c.actor = default_actor_;
}

}  // namespace foiamine::extractors::internal::matching
