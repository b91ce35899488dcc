#include "extractors/document_phrases.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "extractors/cross_reference.h"
#include "extractors/cue_scan.h"
#include "extractors/split_words.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

// The Set's patterns, in this order (each module owns its pattern's source).
enum Phrase { kDhsDefined, kHumanServices, kHomelandSecurity, kSplitModal, kOcrMisreading, kLiftsDuty, kStateHomeland, kGluedWord, kPhraseCount };

std::unique_ptr<RE2::Set> CompilePhrases() {
  auto set = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
  const std::string sources[kPhraseCount] = {
      std::string(kDhsDefinedAsHumanServicesPattern), std::string(kHumanServicesPattern),
      std::string(kHomelandSecurityPattern),          std::string(kSplitModalPattern),
      WithoutWordBoundaries(kOcrModalMisreadingPattern), WithoutWordBoundaries(kLiftsDutyPattern),
      WithoutWordBoundaries(kStateHomelandSecurityPattern), WithoutWordBoundaries(kGluedWordPattern)};
  for (const std::string& source : sources)
    if (set->Add(source, nullptr) < 0) return nullptr;
  if (!set->Compile()) return nullptr;
  return set;
}

}  // namespace

std::string WithoutWordBoundaries(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\\' && i + 1 < source.size()) {
      if (source[i + 1] != 'b') out += source.substr(i, 2);  // an escape, kept whole ("\\b" is a backslash and a 'b')
      ++i;
      continue;
    }
    out += source[i];
  }
  return out;
}

DocumentPhrases FindDocumentPhrases(std::string_view text) {
  static const std::unique_ptr<RE2::Set> kPhrases = CompilePhrases();
  std::vector<int> found;
  RE2::Set::ErrorInfo error;
  if (!kPhrases || (!kPhrases->Match(re2::StringPiece(text.data(), text.size()), &found, &error) &&
                    error.kind != RE2::Set::kNoError)) {
    // No Set, or its DFA ran out of memory: no proof of absence, so each check answers for itself.
    return DocumentPhrases{DhsMeansHumanServices(text), HasSplitModals(text), true, true, true, true};
  }
  auto holds = [&](Phrase p) { return std::find(found.begin(), found.end(), p) != found.end(); };
  DocumentPhrases phrases;
  // As DhsMeansHumanServices decides it.
  phrases.dhs_means_human_services = holds(kDhsDefined) || (holds(kHumanServices) && !holds(kHomelandSecurity));
  phrases.split_modals = holds(kSplitModal);
  phrases.may_hold_ocr_misreading = holds(kOcrMisreading);
  phrases.may_lift_duty = holds(kLiftsDuty);
  phrases.may_name_state_homeland_security = holds(kStateHomeland);
  phrases.may_hold_glued_word = holds(kGluedWord);
  return phrases;
}

}  // namespace foiamine::extractors::internal
