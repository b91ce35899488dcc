// One pass over a document for its rare phrases (extractors/document_phrases.h).
#include <catch2/catch.hpp>

#include <string>

#include "extractors/cross_reference.h"
#include "extractors/cue_scan.h"
#include "extractors/document_phrases.h"
#include "extractors/split_words.h"
#include "extractors/text_fold.h"

using namespace foiamine::extractors::internal;

TEST_CASE("the document pass answers as the checks it stands for", "[extractors]") {
  const std::string texts[] = {
      "Intake officers shall verify the property inventory.",
      "The Department of Human Services (\"DHS\") shall assist.",
      "The Department of Human Services and the Department of Homeland Security.",
      "human servicesDHS",
      "Officers sha ll not inquire.",
      "A shallow ill will.",
      "El Departamento de Servicios Humanos (DHS, por sus siglas en ingles) ofrece ayuda.",
  };
  for (const std::string& text : texts) {
    const DocumentPhrases phrases = FindDocumentPhrases(text);
    CHECK(phrases.dhs_means_human_services == DhsMeansHumanServices(text));
    CHECK(phrases.split_modals == HasSplitModals(text));
  }
}

TEST_CASE("DHS defined as Human Services in Spanish is no immigration agency", "[extractors]") {
  // (a police flyer in Spanish, written for the probe: its "DHS" food and housing help was read as Homeland Security's)
  CHECK(DhsMeansHumanServices("El Departamento de Servicios Humanos (DHS, por sus siglas en ingles) ofrece ayuda de "
                              "alimentos. El DHS del Distrito no es parte del Departamento de Seguridad Nacional."));
  CHECK_FALSE(DhsMeansHumanServices("El Departamento de Seguridad Nacional (DHS) y los Servicios Humanos."));
}

TEST_CASE("a piece cut from a document without a misreading or a lifted duty needs no check", "[extractors]") {
  const DocumentPhrases clean = FindDocumentPhrases("Intake officers shall verify the property inventory.");
  CHECK_FALSE(clean.may_hold_ocr_misreading);
  CHECK_FALSE(clean.may_lift_duty);
  // A unit cut mid-word: "rnust" is a misreading in the unit ("\brnust") but
  // not in the document ("cornust"); the document pass still reports it.
  const DocumentPhrases cut = FindDocumentPhrases("cornust be done. Staff need notify no one.");
  CHECK(cut.may_hold_ocr_misreading);
  std::string unit = "rnust be done.";
  RepairOcrModals(unit);
  CHECK(unit == " must be done.");
  CHECK(FindDocumentPhrases("exemptions from the duties under subsection (a)").may_lift_duty);
}

TEST_CASE("dropping word boundaries keeps every other escape", "[extractors]") {
  CHECK(WithoutWordBoundaries(R"(\bshall\b)") == "shall");
  CHECK(WithoutWordBoundaries(R"((?i)\bexempt\w*\b)") == R"((?i)exempt\w*)");
  CHECK(WithoutWordBoundaries(R"(a\\b\(\b)") == R"(a\\b\()");
}

TEST_CASE("a state's homeland security agency is masked for matching, the federal department is not", "[extractors]") {
  std::string alabama = "a quarterly report to the Alabama Department of Homeland Security summarizing";
  const size_t size = alabama.size();
  MaskStateHomelandSecurity(alabama);
  CHECK(alabama == "a quarterly report to the Alabama Department of Homeland_Security summarizing");
  CHECK(alabama.size() == size);
  std::string two = "the Ohio Homeland Security office and the State Office of Homeland Security";
  MaskStateHomelandSecurity(two);
  CHECK(two == "the Ohio Homeland_Security office and the State Office of Homeland_Security");
  std::string federal = "the United States Department of Homeland Security (DHS) and the Department of Homeland Security";
  const std::string unchanged = federal;
  MaskStateHomelandSecurity(federal);
  CHECK(federal == unchanged);
  CHECK(FindDocumentPhrases("reported to the Alabama Department of Homeland Security.").may_name_state_homeland_security);
  CHECK_FALSE(FindDocumentPhrases("reported to the U.S. Department of Homeland Security.").may_name_state_homeland_security);
}

TEST_CASE("a document without a glued modal or NO needs no parting of its units, one with one does", "[extractors]") {
  CHECK_FALSE(FindDocumentPhrases("Officers shall not inquire. A shallow mayor will notify.").may_hold_glued_word);
  const DocumentPhrases glued = FindDocumentPhrases("Officers shallinquire about nothing. NOSTATE ENTITY SHALL ACT.");
  CHECK(glued.may_hold_glued_word);
  // a unit cut from it is parted as before
  FoldedText unit = FoldDiacritics("Officers shallinquire about nothing.");
  RepairGluedWords(unit);
  CHECK(unit.text == "Officers shall inquire about nothing.");
}
