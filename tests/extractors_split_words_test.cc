// Words a bad OCR text layer splits with a space (extractors/split_words.h).
#include <catch2/catch.hpp>
#include <algorithm>

#include "extractors/extract.h"
#include "extractors/split_words.h"
#include "tests/extraction_test_helpers.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;
using foiamine::testing::Doc;
using foiamine::testing::Rules;

namespace {
// `repair` turns `in` into `want`, and every byte of the result still maps to the same letter of the original (a space
// put in maps to the letter after it), the end to its end.
void CheckRepair(const std::string& in, const std::string& want, void (*repair)(FoldedText&)) {
  INFO(in);
  FoldedText folded = FoldDiacritics(in);
  repair(folded);
  CHECK(folded.text == want);
  for (size_t i = 0; i < folded.text.size(); ++i) {
    const bool put_in = folded.text[i] == ' ' && in[folded.ToOriginal(i)] != ' ';
    CHECK(in[folded.ToOriginal(i)] == (put_in ? folded.text[i + 1] : folded.text[i]));
  }
  CHECK(folded.ToOriginal(folded.text.size()) == in.size());
}
}  // namespace

TEST_CASE("a rule's word split by a bad text layer is rejoined, its offsets kept", "[extractors][ocr]") {
  const std::pair<std::string, std::string> cases[] = {
      {"Deputies sha ll not a rrest anyone", "Deputies shall not arrest anyone"},
      {"the LEA w ill notify ICE", "the LEA will notify ICE"},
      {"imm igration offi cer functi ons", "immigration officer functions"},
      {"Participating personne l", "Participating personnel"},
      // (a 287(g) request letter's OCR: "to request participat ion in the Delegation of Authority Program")
      {"to request participat ion in the program", "to request participation in the program"},
      // both pieces are words: left apart
      {"in form and substance; not ice cold; a lien on the property", "in form and substance; not ice cold; a lien on the property"},
      // the join is no word the rules need
      {"to day at the end of the mo nth", "to day at the end of the mo nth"},
  };
  for (const auto& [in, want] : cases) CheckRepair(in, want, RepairSplitKeyWords);
}

TEST_CASE("a key word is rejoined whatever its length and case, and a join of a key word's shape that is none stays", "[extractors][ocr]") {
  // (the joins are refused first by length and first and last letter: these
  // are the shortest and longest key words, and near misses of their shapes)
  const std::pair<std::string, std::string> cases[] = {
      {"ADMINISTRATI VE detainer", "ADMINISTRATIVE detainer"},
      {"the county ja il", "the county jail"},
      {"deconflic tion and transportat ion", "deconfliction and transportation"},
      {"sh bll not", "sh bll not"},  // the shape of "shall"
      {"transpor tatiom", "transpor tatiom"},
  };
  for (const auto& [in, want] : cases) CheckRepair(in, want, RepairSplitKeyWords);
}

TEST_CASE("only a text whose modals are split counts as a split text layer", "[extractors][ocr]") {
  CHECK(HasSplitModals("The LEA wi ll provide ICE with notice."));
  CHECK(HasSplitModals("Officers sha ll not inquire."));
  CHECK_FALSE(HasSplitModals("Officers shall not inquire. He will go. Must we? A shallow ill will."));
}

TEST_CASE("a clause in an agreement whose text layer splits words is found as in a clean copy", "[extractors][ocr]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  const auto clauses_of = [&](const std::string& text) {
    DocumentInput input;
    input.pages = foiamine::testing::NormalizedPages(text);
    std::vector<std::pair<std::string, Stance>> out;
    for (const Clause& c : ExtractDocument(*rules, input).clauses) out.emplace_back(c.topic, c.stance);
    return out;
  };
  const std::string clean =
      "MEMORANDUM OF AGREEMENT\nThis agreement under Section 287(g) is between ICE and the Sheriff.\n"
      "The LEA will notify ICE of every encounter with a person who asserts a claim of U.S. citizenship.\n"
      "Participating LEA personnel shall not arrest any person for a civil immigration violation without the "
      "approval of the ICE supervisor.\n";
  const std::string split =
      "MEMORANDUM OF AGREEMENT\nThis agreement under Section 287(g) is between ICE and the Sheriff.\n"
      "The LEA wi ll notify ICE of every encounter with a person who asserts a claim of U.S. citizenship.\n"
      "Participating LEA personne l sha ll not a rrest any person for a civil imm igration violation without the "
      "approval of the ICE supervisor.\n";
  const auto want = clauses_of(clean);
  REQUIRE_FALSE(want.empty());
  CHECK(clauses_of(split) == want);
}

TEST_CASE("a word a PDF's kerning split is read whole, though no modal is split", "[extractors][ocr]") {
  // Okla. S.B. 572 (2021), its text layer as stored: "au thorized" and nothing else split.
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  const auto stances_of = [&](const std::string& text) {
    DocumentInput input;
    input.metadata.authority = "law";
    input.pages.push_back(PageText{1, text});
    std::vector<Stance> out;
    for (const Clause& c : ExtractDocument(*rules, input).clauses)
      if (c.topic == "agreements") out.push_back(c.stance);
    return out;
  };
  const std::string text = "Section 20j. A. The Attorney General is au thorized and directed to negotiate the terms of a "
                           "Memorandum of Understanding between the State and the United States Department of Homeland "
                           "Security concerning the enforcement of federal immigration laws.\n";
  const auto whole = stances_of("Section 20j. A. The Attorney General is authorized and directed to negotiate the terms "
                                "of a Memorandum of Understanding between the State and the United States Department of "
                                "Homeland Security concerning the enforcement of federal immigration laws.\n");
  REQUIRE(whole.size() == 1);
  CHECK(whole[0] != Stance::kMentions);
  CHECK(stances_of(text) == whole);
}

TEST_CASE("a modal a bad text layer glued to its verb, and a NO glued to its subject, are parted, offsets kept",
          "[extractors][ocr]") {
  const std::pair<std::string, std::string> cases[] = {
      // (Va. Code 19.2-294.2 as its OCR layer reads: "the probation or parole officer shallinquire as to the citizenship")
      {"the officer shallinquire as to the citizenship", "the officer shall inquire as to the citizenship"},
      {"Staff mustnot notify ICE", "Staff must not notify ICE"},
      // (a scanned bill set in capitals)
      {"5. NOSTATE ENTITY OR STATE EMPLOYEE SHALL QUESTION", "5. NO STATE ENTITY OR STATE EMPLOYEE SHALL QUESTION"},
      // words that only start like a modal, or NO before a word not on the list, stay
      {"Maybe the mayor will see a shallow willow; NOTICE to NOBODY", "Maybe the mayor will see a shallow willow; NOTICE to NOBODY"},
      // (a 287(g) agreement's scanned text layer that lost spaces at its line ends)
      {"the exercise ofthe immigration enforcement authority", "the exercise of the immigration enforcement authority"},
      {"warrants ofarrest for immigration violations", "warrants of arrest for immigration violations"},
      {"pursuant to whichICE delegates", "pursuant to which ICE delegates"},
      {"participating personnelshall occur", "participating personnel shall occur"},
      {"OFTHE AGREEMENT; thisinformation", "OF THE AGREEMENT; this information"},
      // English words of the same shapes stay
      {"offer these theories to the theater; the notice of ICE; personnel shall; staffing officers", "offer these theories to the theater; the notice of ICE; personnel shall; staffing officers"},
      {"an office (ofice) in the McICE building; thereafter, thereleased", "an office (ofice) in the McICE building; thereafter, thereleased"},
  };
  for (const auto& [in, want] : cases) CheckRepair(in, want, RepairGluedWords);
  // found as in a clean copy
  const Extraction x = ExtractDocument(Rules(), Doc("A. Whenever a person is convicted of a felony, the probation "
                                                    "officer shallinquire as to the citizenship of such person.\n",
                                                    "law"));
  REQUIRE(x.clauses.size() == 1);
  CHECK(x.clauses[0].topic == "status_inquiry");
  CHECK(x.clauses[0].stance == Stance::kRequires);
  // ... and an agreement's limit on the delegated authority, "of" run into "the" (a 2025 287(g) agreement's text layer)
  const Extraction moa = ExtractDocument(
      Rules(), Doc("MEMORANDUM OF AGREEMENT\n\nI. PURPOSE\nHowever, the exercise ofthe immigration enforcement authority "
                   "delegated under this MOA to participating LEA personnel shall occur only as provided in this MOA.\n",
                   "policy"));
  REQUIRE(moa.clauses.size() == 1);
  CHECK(moa.clauses[0].topic == "enforcement_assistance");
  CHECK(moa.clauses[0].stance == Stance::kRestricts);
}

TEST_CASE("a Spanish future's final accent read as the first person's folds to the future the rules know", "[extractors][ocr]") {
  // (a jail's Spanish notice scanned at 100 dpi: "preguntar\u00E1" read "preguntar\u00E9")
  CHECK(FoldDiacritics("El personal no preguntar\u00E9 sobre su estatus").text == "El personal no preguntara sobre su estatus");
  CHECK(FoldDiacritics("no compartir\u00E9, no deber\u00E9.").text == "no compartira, no debera.");
  // not inside a word, not after another letter than "r" after a vowel: "Andr\u00E9", "caf\u00E9", "r\u00E9cord"
  CHECK(FoldDiacritics("Andr\u00E9 caf\u00E9 pr\u00E9vio carr\u00E9").text == "Andre cafe previo carre");
  const Extraction x = ExtractDocument(Rules(), Doc("El personal no preguntar\u00E9 sobre su estatus migratorio.\n", "policy"));
  CHECK(std::any_of(x.clauses.begin(), x.clauses.end(), [](const Clause& c) {
    return c.topic == "status_inquiry" && c.stance == Stance::kRestricts;
  }));
}

TEST_CASE("a not sign used as a discretionary hyphen is no break in the word", "[extractors][ocr]") {
  // (a sheriff's 2013 statement as its web page stores it: "shall not initiate any immigration sta\u00ACtus
  // investigation"; ABBYY-style text layers mark a line end's hyphen so: "immigra\u00AC tion")
  const std::string in = "officials shall not initiate any immigration sta\u00ACtus investigation; immigra\u00AC tion";
  FoldedText folded = FoldDiacritics(in);
  CHECK(folded.text == "officials shall not initiate any immigration status investigation; immigra- tion");
  const size_t t = folded.text.find("tus investigation");
  CHECK(in.substr(folded.ToOriginal(t), 3) == "tus");
  RepairSplitWords(folded);
  CHECK(folded.text == "officials shall not initiate any immigration status investigation; immigration");
  // a not sign anywhere else stays: "\u00ACA" in a formula, after a capital, before a capital
  CHECK(FoldDiacritics("p \u00ACq; A\u00ACb; a\u00ACB").text == "p \u00ACq; A\u00ACb; a\u00ACB");
  const Extraction x = ExtractDocument(Rules(), Doc("Sheriff's Office officials shall not initiate any immigration "
                                                    "sta\u00ACtus investigation into any individual in custody.\n",
                                                    "policy"));
  CHECK(std::any_of(x.clauses.begin(), x.clauses.end(), [](const Clause& c) {
    return c.topic == "status_inquiry" && c.stance == Stance::kRestricts;
  }));
}
