// Internal to extractors: one pass over a document's text that says which of
// a few rare phrases it holds, for the checks that would otherwise each read
// the whole document (DHS as Human Services, split modals) or every unit of
// it (RepairOcrModals' misreadings, FindProvisionReference's lifted duties).
//
// On realistic prose none of them occurs, and what RE2 costs there is bytes
// scanned, not calls: one RE2::Set pass answers what six passes did.
#pragma once

#include <string>
#include <string_view>

namespace foiamine::extractors::internal {

struct DocumentPhrases {
  // Exactly DhsMeansHumanServices(text) and HasSplitModals(text).
  bool dhs_means_human_services = false;
  bool split_modals = false;
  // False only when no piece cut from the text (a unit: its ends need not be
  // word boundaries in the document) holds a misreading RepairOcrModals
  // repairs, or a lifted duty FindProvisionReference needs. A piece changed
  // since (folded, repaired) is not covered: its checks run as before.
  bool may_hold_ocr_misreading = true;
  bool may_lift_duty = true;
  // ... or a state's homeland security agency MaskStateHomelandSecurity masks.
  bool may_name_state_homeland_security = true;
  // ... or a glued word RepairGluedWords parts ("shallinquire", "NOSTATE").
  bool may_hold_glued_word = true;
};

DocumentPhrases FindDocumentPhrases(std::string_view text);

// `source` (an RE2 pattern) with its word-boundary assertions (\b) dropped:
// it matches in a text wherever the original matches in a piece of it, and
// maybe elsewhere.
std::string WithoutWordBoundaries(std::string_view source);

}  // namespace foiamine::extractors::internal
