// extractors/jurisdiction: a document's jurisdiction from its text, laws of
// any jurisdiction recognised as law, actors resolved within the
// jurisdiction, and laws binding only the agencies of their jurisdiction
// (schemas/jurisdictions.yaml). Snippets are written here, not copied from
// real documents; the labelled dev set is read by path and skipped when absent.
#include <catch2/catch.hpp>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <random>

#include "extractors/extract.h"
#include "extractors/jurisdiction.h"
#include "search/diverge.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::extractors;
using foiamine::testing::JsonLines;
using foiamine::testing::Quote;
using foiamine::testing::ReadFile;
using foiamine::testing::RunFoiamine;
using foiamine::testing::ScratchDir;
using foiamine::testing::SharedEval;
using foiamine::testing::SourceDir;
using foiamine::testing::ShippedRulebookPath;
using foiamine::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

const Jurisdictions& Data() {
  static const Jurisdictions j = [] {
    auto loaded = LoadJurisdictions(ReadFile(SourceDir() / "schemas" / "jurisdictions.yaml"));
    if (!loaded.ok()) FAIL(loaded.status().message());
    return *loaded;
  }();
  return j;
}

const Rulebook& Rules() {
  static const Rulebook r = [] {
    auto loaded = LoadRulebook(ReadFile(ShippedRulebookPath()));
    if (!loaded.ok()) FAIL(loaded.status().message());
    return loaded->WithJurisdictions(Data());
  }();
  return r;
}

DocumentIdentity Identity(const std::string& text, extractors::DocumentMetadata given = {}) {
  DocumentInput input;
  input.metadata = given;
  input.pages.push_back(PageText{1, text});
  return InferIdentity(input, &Data());
}

Extraction Extract(const std::string& text) {
  DocumentInput input;
  input.pages.push_back(PageText{1, text});
  return ExtractDocument(Rules(), input);
}

}  // namespace

TEST_CASE("jurisdictions.yaml loads, and a bad pattern is refused with its jurisdiction named", "[jurisdiction]") {
  const auto codes = Data().codes();
  for (const char* code : {"DC", "US", "US-CA", "US-IL", "US-OR", "US-WA", "US-TX", "US-NY", "US-NJ", "US-CO",
                           "US-FL", "US-ID", "US-AZ", "US-GA"})
    CHECK(std::find(codes.begin(), codes.end(), code) != codes.end());
  CHECK(Data().hash().rfind("fnv1a64:", 0) == 0);
  CHECK(Data().Name("US-IL/Cook County") == "Illinois");
  auto bad = LoadJurisdictions("jurisdictions:\n  - code: US-XX\n    citations: ['(unclosed']\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("US-XX") != std::string::npos);
}

TEST_CASE("a document's jurisdiction comes from the citation form of its own heading", "[jurisdiction]") {
  struct Case {
    const char* text;
    const char* code;
  };
  const Case cases[] = {
      {"ORS 999A.100 Use of public funds.\n(1) No agency shall spend money on the thing.", "US-OR"},
      {"RCW 9.99.100  Definitions.\nThe definitions in this section apply throughout.", "US-WA"},
      {"California Penal Code Section 9999.1\n(a) Counsel shall advise the client.", "US-CA"},
      {"Cal. Gov. Code § 9999.5\n(a) A local agency shall not hold a person.", "US-CA"},
      {"Texas Code of Criminal Procedure Art. 9.999\n(a) A law enforcement agency shall comply.", "US-TX"},
      {"    (5 ILCS 999/15)\n    Sec. 15. Prohibition. (a) A law enforcement agency shall not detain.", "US-IL"},
      {"Public Act 999-0001\n\nAN ACT concerning things.\n\nBe it enacted by the People of the State of Illinois,",
       "US-IL"},
      {"Fla. Stat. § 999.104\nCooperation with federal authorities.", "US-FL"},
      {"C.R.S. 24-99-102\nDefinitions. As used in this part.", "US-CO"},
      {"D.C. Code § 99-211.07. Cooperation.\n(a) The District shall not.", "DC"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(InferJurisdiction(Data(), c.text, "") == c.code);
  }
  // The U.S. Code's own caption gives the section its number ("8 U.S.C. § 9999", extractors/document_header.h), and the
  // number, in the form federal law is cited by, places it.
  const auto code = Identity("Title 8 - ALIENS AND NATIONALITY\nCHAPTER 99 - THINGS\n§ 9999. Communication with agencies");
  CHECK(code.number.value == "8 U.S.C. § 9999");
  CHECK(code.jurisdiction.value == "US");
}

TEST_CASE("without a heading citation, text cues and agency names decide, and a place inside a state is kept",
          "[jurisdiction]") {
  CHECK(InferJurisdiction(Data(),
                          "Policy\n\nSpringfield Falls Police Department\n\n999\n\nImmigration\nMembers shall "
                          "respect the United States and Illinois constitutions. See 8 U.S.C. § 1373.",
                          "Springfield Falls Police Department") == "US-IL/Springfield Falls");
  CHECK(InferJurisdiction(Data(), "Ada Falls County Sheriff's Office\nJail Division\nState of Idaho",
                          "Ada Falls County Sheriff's Office") == "US-ID/Ada Falls County");
  CHECK(InferJurisdiction(Data(), "Release desk log, June\nIRU staff emailed ERO the list.", "DOC") == "DC");
  CHECK(InferJurisdiction(Data(), "Release desk log\nstaff faxed the list.", "") == "");
  // A federal citation in a state document does not make it federal.
  CHECK(InferJurisdiction(Data(), "Oregon\nThe sheriff follows 8 U.S.C. 1357(g) and 8 U.S.C. 1373.", "") == "US-OR");
}


TEST_CASE("an agency named after a list marker or an answer's first word is named without them", "[jurisdiction]") {
  // Written for this test: a council handout's lettered rule and an FAQ page's answer.
  CHECK(Identity("2.98.020 Enforcement\nB. The Tukwila Police Department shall not stop any person for status.\n")
            .agency.value == "Tukwila Police Department");
  CHECK(Identity("Does the department ask about status?\nNo. The Bloomington Police Department does not ask.\n")
            .agency.value == "Bloomington Police Department");
  CHECK(Identity("The St. Cloud Police Department does not ask about status.\n").agency.value ==
        "St. Cloud Police Department");
}

TEST_CASE("a county's agreement with ICE is the county's: postal codes, federal addresses and case names",
          "[jurisdiction]") {
  // Written for this test in the shape of a 287(g) memorandum: the state is
  // named only by its postal code, ICE's complaint address is in Washington,
  // D.C., and the text cites federal law and a case against another state.
  const std::string moa =
      "MEMORANDUM OF AGREEMENT\nI. PARTIES\nThis Memorandum of Agreement constitutes an agreement between U.S. "
      "Immigration and Customs Enforcement (ICE), a component of the Department of Homeland Security, and the "
      "Pine Hollow County, NC Sheriff's Office (PHCSO).\nIII. AUTHORITY\nSection 287(g) of the Immigration and "
      "Nationality Act, 8 U.S.C. 1357(g), authorizes ...\nStatements are protected, consistent with Garrity v. "
      "New Jersey, 385 U.S. 493 (1967).\nComplaints may be reported to the Joint Intake Center in Washington, "
      "D.C., or by mail: Office of Professional Responsibility, Washington, D.C. 20044.\n";
  const DocumentIdentity id = Identity(moa);
  CHECK(id.agency.value == "Pine Hollow County, NC Sheriff's Office");
  CHECK(id.jurisdiction.value == "US-NC/Pine Hollow County");
  CHECK(id.doc_kind.value == "agreement");
  // Named by an address only ("Centennial, CO 80111"), against a federal
  // party's many cues, the county's state still wins.
  CHECK(InferJurisdiction(Data(),
                          "MEMORANDUM OF AGREEMENT\nbetween U.S. Immigration and Customs Enforcement, Department of "
                          "Homeland Security, and the Aspen Ridge County Sheriffs Office, under the Immigration and "
                          "Nationality Act. Field office: 12445 E Caley Ave, Centennial, CO 80111.",
                          "Aspen Ridge County Sheriffs Office") == "US-CO/Aspen Ridge County");
  // A caption in capitals names the place as a place is written.
  CHECK(InferJurisdiction(Data(), "BARTLETT POLICE DEPARTMENT\nState of Illinois", "BARTLETT POLICE DEPARTMENT") ==
        "US-IL/Bartlett");
  // A local law names its maker: the county or city inside the state its text names.
  const DocumentIdentity ordinance = Identity(
      "AN ORDINANCE relating to immigration; amending K.C.C. 2.15.020.\nBE IT ORDAINED BY THE COUNCIL OF CEDAR "
      "COUNTY:\nSECTION 1. A county employee shall not expend any time on the civil enforcement of federal immigration "
      "law, as the State of Washington provides.\n");
  CHECK(ordinance.jurisdiction.value == "US-WA/Cedar County");
  CHECK(ordinance.authority.value == "law");
  const DocumentIdentity order = Identity(
      "EXECUTIVE ORDER NO. 3-19\nPOLICY REGARDING DETAINER REQUESTS\nNOW, THEREFORE, I, Mayor of the City of "
      "Riverton, by the powers vested in me by the Commonwealth of Pennsylvania, do hereby order:\n");
  CHECK(order.jurisdiction.value == "US-PA/Riverton");
  CHECK(order.authority.value == "law");
  // A state named only in a case name is no cue.
  CHECK(InferJurisdiction(Data(), "Garrity v. New Jersey applies to statements.", "") == "");
  // Nor one in a federal office's address, in the sentence that names the office (Dakota County, Neb.'s 287(g)
  // agreement gives ICE's legal office in Minnesota; a Dakota County is in both states, and none is named)
  CHECK(InferJurisdiction(Data(),
                          "MEMORANDUM OF AGREEMENT\nbetween U.S. Immigration and Customs Enforcement and the Dakota "
                          "County Sheriffs Office. LEA personnel shall notify the local ICE Office of the Principal "
                          "Legal Advisor (OPLA) field location at 1 Federal Drive Suite 1800, Fort Snelling, MN 55111.",
                          "Dakota County Sheriffs Office")
            .rfind("US-MN", 0) != 0);
  // A California bill naming the Department of Corrections and Rehabilitation names no D.C. agency (SB 54, 2017)
  const DocumentIdentity sb = Identity(
      "Senate Bill No. 54\nCHAPTER 495\nLEGISLATIVE COUNSEL'S DIGEST\nThe bill would require the Department of "
      "Corrections and Rehabilitation to provide a specified written consent form. The State of California ...");
  CHECK(sb.agency.value != "DOC");
  CHECK(sb.jurisdiction.value == "US-CA");
  // A city's code named with its state is the city's law, not the state's
  CHECK(InferJurisdiction(Data(),
                          "City of Saint Paul, Minnesota, Administrative Code, Chapter 44\n44.02. No city officer shall "
                          "inquire into the immigration status of any person.",
                          "", /*law=*/true) == "US-MN/Saint Paul");
  // A court's seat names no place of the document (a San Francisco release citing an Oregon ruling)
  CHECK(InferJurisdiction(Data(), "San Francisco Sheriff's Department\nIn April 2014, the U.S. District Court in "
                                  "Portland, Oregon found that county governments would be liable.", "")
            .rfind("US-OR", 0) != 0);
  // Connecticut's public acts are numbered by year, Illinois's by General Assembly
  CHECK(InferJurisdiction(Data(), "Sec. 54-65c. Vacating forfeiture of bond.\nA court shall vacate an order forfeiting a "
                                  "bail bond.\n(P.A. 11-45, S. 1; P.A. 14-184, S. 3.)", "", true) == "US-CT");
  // A county named for a state names no state: Nevada County is Californian (and Arkansan), not Nevadan
  CHECK(InferJurisdiction(Data(), "Nevada County Sheriff's Office\nTRUTH Act forum: ICE requests in 2018.",
                          "Nevada County Sheriff's Office")
            .rfind("US-NV", 0) != 0);
  CHECK(InferJurisdiction(Data(), "Nevada County Sheriff's Office\nTRUTH Act forum under the California Values Act.",
                          "Nevada County Sheriff's Office") == "US-CA/Nevada County");
}

TEST_CASE("a county only one state has places the document in that state, whatever other states it names",
          "[jurisdiction]") {
  // A jail directive that cites another state's court rulings: the county
  // (San Joaquin: California's only) decides, not the state its text names.
  CHECK(InferJurisdiction(Data(),
                          "The San Joaquin County Jail will no longer honor immigration detainers. Recent court "
                          "decisions in both Oregon and Pennsylvania prompted the change.",
                          "") == "US-CA");
  // Named in the agency's name: the place inside its state.
  CHECK(InferJurisdiction(Data(), "Washoe County Sheriff's Office\nPress release\nThe Sheriff will no longer accept "
                                  "ICE detainers.",
                          "Washoe County Sheriff's Office") == "US-NV/Washoe County");
  // A county name of many states places nothing by itself.
  CHECK(InferJurisdiction(Data(), "Jackson County Sheriff's Office\nImmigration detainers", "Jackson County Sheriff's Office") ==
        "");
  // ... in capitals too, as a resolution's title sets it, the words before the name not taken for it (written for this
  // test after Miami-Dade County's R-381-17): "THE BOARD IF SAN JOAQUIN COUNTY" is San Joaquin County
  CHECK(InferJurisdiction(Data(), "RESOLUTION DIRECTING THE MAYOR TO NOTIFY THE BOARD IF SAN JOAQUIN COUNTY IS ASKED TO "
                                  "ENTER INTO ANY AGREEMENT WITH IMMIGRATION AND CUSTOMS ENFORCEMENT",
                          "")
            .rfind("US-CA", 0) == 0);
  // ... and a real name that runs on past a word such as "of" is not cut short ("Ada Falls County" is no "Falls County")
  CHECK(InferJurisdiction(Data(), "The Ada Falls County Jail will no longer honor immigration detainers.", "") == "");
  // A list of counties (a national list of sanctuary jurisdictions) is no place.
  CHECK(InferJurisdiction(Data(),
                          "Sanctuary jurisdictions: Alameda County, Amador County, Butte County, Calaveras County, "
                          "Colusa County. Source: dhs.gov. An official website of the United States government.",
                          "") == "US");
}

TEST_CASE("the manifest's jurisdiction wins over the text", "[jurisdiction]") {
  extractors::DocumentMetadata given;
  given.jurisdiction = "US-IL/Cook County";
  auto id = Identity("RCW 9.99.100 Definitions.\nText.", given);
  CHECK(id.jurisdiction.value == "US-IL/Cook County");
  CHECK_FALSE(id.jurisdiction.inferred);
}

TEST_CASE("statutes, codes, public acts and ordinances of any jurisdiction are law without a manifest",
          "[jurisdiction]") {
  const char* laws[] = {
      "ORS 999A.829\nProhibition on agreements\n(1) A public body may not enter into an agreement with a jail.",
      "RCW 9.99.300  Definitions\n(1) \"Civil arrest\" means an arrest.",
      "California Penal Code Section 9999.3\n(a) Defense counsel shall advise.",
      "Texas Code of Criminal Procedure Art. 9.251\n(a) A law enforcement agency that has custody shall comply.",
      "Title 8 - ALIENS AND NATIONALITY\nCHAPTER 12 - IMMIGRATION AND NATIONALITY\n§ 9373. Communication",
      "Public Act 999-0019\n\nAN ACT concerning immigration.\n\nBe it enacted by the People of the State of "
      "Illinois, represented in the General Assembly:\nSection 1. Short title.",
      "    (5 ILCS 999/15)\n    Sec. 15. Prohibition. (a) A law enforcement agency shall not detain anyone.",
      // a code's name over a bare section number
      "Some State Legal Code\n\n\u00a7 999a-145-5\n\n(a) No county may have in effect any policy that limits enforcement.",
      // a compiler's effective date over a bare section number of three parts, the caption below it
      "Effective 5/7/2099\n\n99-13-10.7.\n\nRelease of inmates -- Notification to federal authorities.\n\n(1) The "
      "department shall notify the United States Department of Homeland Security before the inmate is released.",
      // a section of several parts with its caption, whose text speaks of "this article" (no news story)
      "\u00a7 99.1-309.1. Exception as to confidentiality\nA. Notwithstanding any other provision of this article, "
      "the judge shall make available to the public the name of a juvenile.",
      // a code's title that names criminal procedure over a section that names the jail
      "Somewhere Revised Statutes 999.472\nTitle XXXVII CRIMINAL PROCEDURE\n\nChapter 999\n\n999.472. Persons "
      "confined to jail, verification of lawful immigration status required. 1. Verification shall be made.",
      // a code section's history note, though the section reads plainly ("does not ... have", "does not apply")
      "Section 9311.\n\n(a) A city that does not, as of June 15, 2099, have a contract with the federal government "
      "to house minors in the custody of ICE is prohibited from entering into such a contract.\n\n(b) This section "
      "does not apply to temporary housing.\n\n(Added by Stats. 2099, Ch. 17, Sec. 6. (AB 103) Effective June 27, 2099.)",
  };
  for (const char* text : laws) {
    INFO(text);
    auto id = Identity(text);
    CHECK(id.authority.value == "law");
    CHECK(id.doc_kind.value == "statute");
  }
  // A bill or an amendment to one, by its caption (though it names the county jail, and reads as a
  // statute): law in the making, kind "bill".
  for (const char* text : {"Floor Amendment to SB 999-FN\nAmend the bill by replacing section 1 with the following:\n"
                           "I. An agency unable to detain the person shall transfer the person to the county jail.",
                           "EMERGENCY BILL\nHOUSE BILL 9999\nAN ACT relating to immigration detainers.\n(a) The sheriff "
                           "shall not hold a person as this section provides.\n(b) This section applies to every county.",
                           // the caption under the printer's lines of an amendment as filed
                           "Revision: May 1, 2099, 5:24 p.m.\nRep. Doe, Some. 31\nMay 1, 2099\n2099-1736h\n05/08\n"
                           "Floor Amendment to SB 999-FN\nAmend RSA 999-A:3 as follows:\nI. A law enforcement agency shall "
                           "transfer the individual to the county jail for retrieval by ICE.",
                           // a line-numbered print whose bill number repeats the chamber's letters ("HB0276")
                           "2099\nSTATE OF SOMEWHERE\n99LSO-0001\n4 HOUSE BILL NO. HB0999\nState agreements.\n"
                           "Sponsored by: Representative(s) Doe\nA BILL\nfor\n1 AN ACT relating to county sheriffs; requiring "
                           "each county\n2 sheriff to enter into an agreement with the jail.",
                           // Texas: the caption after the printer's line; Pennsylvania: the chamber's caption alone on its line
                           "99R12204 ADM-D By: Doe H.B. No. 9999\nA BILL TO BE ENTITLED\nAN ACT\nrelating to detainers.\n"
                           "BE IT ENACTED BY THE LEGISLATURE OF THE STATE OF SOMEWHERE:\nSECTION 1. The sheriff shall hold the person.",
                           "PRINTER'S NO. 999\nTHE GENERAL ASSEMBLY OF SOMEWHERE\nSENATE BILL\nNo.\n999\nSession of\n2099\n"
                           "AN ACT\nDirecting the State Police to enter into an agreement with ICE.",
                           // the District's: a committee print of a Council bill that amends the Code (written for the probe)
                           "COMMITTEE PRINT - DRAFT 2\n\nA BILL\n__________\nIN THE COUNCIL OF THE DISTRICT OF COLUMBIA\n"
                           "__________\nTo amend section 2 of An Act to establish a Department of Corrections.\n\nBE IT ENACTED "
                           "BY THE COUNCIL OF THE DISTRICT OF COLUMBIA, That this act may be cited as the \"Trust Amendment Act\".\n"
                           "Sec. 2. Section 24-211.07 is amended to read as follows:\n\"(a) For the purposes of this section, the "
                           "term detainer means a request.\n\"(b)(1) The Department shall not continue to detain a person on the "
                           "basis of a civil immigration detainer request. This section applies to every facility."}) {
    INFO(text);
    auto bill = Identity(text);
    CHECK(bill.doc_kind.value == "bill");
    CHECK(bill.authority.value == "law");
  }
  auto ordinance = Identity("ORDINANCE NO. 99-17\nAN ORDINANCE concerning detainers\nBE IT ORDAINED by the Board "
                            "of Commissioners of Some County, Illinois: Section 1.");
  CHECK(ordinance.doc_kind.value == "ordinance");
  // a municipal code's decimal chapter over its sections, though it names the sheriff and the jail
  auto chapter = Identity("Chapter 99.24\nIMMIGRATION ENFORCEMENT\n\nSections:\n99.24.010 Immigration enforcement.\n"
                          "A. The county sheriff and the county jail shall not engage in these activities:");
  CHECK(chapter.doc_kind.value == "ordinance");
  CHECK(chapter.authority.value == "law");
  // a city code's chapter under eCode360's history note, though its text names officials and reads as rules
  auto code = Identity("[HISTORY: Adopted by the Mayor and Council of the City of Springfield Falls 3-28-2099 by HO "
                       "2099-02. Amendments noted where applicable.]\nA.\nNo official or employee may inquire into an "
                       "individual's immigration status.\nB.\nThe Police Department shall not honor an ICE detainer.");
  CHECK(code.doc_kind.value == "ordinance");
  CHECK(code.authority.value == "law");
  CHECK(ordinance.authority.value == "law");
  auto moa = Identity("MEMORANDUM OF AGREEMENT\nThis Memorandum of Agreement constitutes an agreement under "
                      "Section 287(g) of the Immigration and Nationality Act between ICE and the Sheriff.");
  CHECK(moa.doc_kind.value == "agreement");
  CHECK(moa.authority.value == "policy");
}

TEST_CASE("a code's caption makes law of a section that reads like a page of practice, a story's headline does not",
          "[jurisdiction]") {
  // 28 C.F.R. 2.32 (shortened): two "does not" and one "shall" made it a page of practice, whose law form was not read.
  auto cfr = Identity("Code \xC2\xB7 CFR \xC2\xB7 Title 28 \xE2\x80\x94 Judicial Administration\n\n"
                      "\xC2\xA7 2.32. Parole to local or immigration detainers.\n\n(b) When the Commission wishes to parole "
                      "a prisoner subject to a detainer filed by Federal immigration officials, the Commission shall order "
                      "parole to the custody of the immigration authorities.\n(c) Temporary detention in a jail does not "
                      "constitute release on parole to such detainer. If the authorities do not take the prisoner into "
                      "custody, the prisoner is released.");
  CHECK(cfr.doc_kind.value == "statute");
  CHECK(cfr.authority.value == "law");
  // a sheriff's page headed by the bill it explains, and a story of a 287(g) agreement, stay practice
  auto page = Identity("Senate Bill 4\n\nRegardless of your status, we do not ask. The sheriff does not enforce "
                       "immigration law and does not hold people past release.");
  CHECK(page.authority.value == "practice");
  auto story = Identity("Sheriff renews 287(g) memorandum of agreement with ICE\n\nThe sheriff said the jail does not ask "
                        "about status, he said. Deputies do not patrol for ICE, a spokesman told reporters, and said so again.");
  CHECK(story.authority.value == "practice");
}

TEST_CASE("a code section whose first item forbids adopting 'a policy' is law, a police policy headed so stays policy",
          "[jurisdiction]") {
  // A code section in the form of Tex. Gov't Code ch. 752 (written for the test): the caption in capitals, then an item
  // "(1) ... a policy ...", whose "policy" among the first lines had kept a text naming a police department an agency's
  // police order.
  auto code = Identity("Sec. 999.053. LOCAL RULES ON IMMIGRATION ENFORCEMENT.\n(a) No city or college police "
                       "department may:\n(1) put in force a policy that keeps its officers from enforcing immigration "
                       "laws;");
  CHECK(code.doc_kind.value == "statute");
  CHECK(code.authority.value == "law");
  // ... as when a fax's OCR read the item's parentheses as braces
  auto faxed = Identity("Sec. 999.053. LOCAL RULES ON IMMIGRATION ENFORCEMENT.\n(a) A city or college police "
                        "department may not:\n\n{1} put in force a policy under which the city or department keeps "
                        "its officers from enforcing immigration laws.\n\n(b) A city or college police department "
                        "may not keep a peace officer of the college police department from asking about a person's "
                        "immigration status.");
  CHECK(faxed.authority.value == "law");
  // ... while a police department's policy whose heading line says so stays the department's, though its
  // section number reads as a code's
  auto order = Identity("Sec. 999.053. Immigration Enforcement\nSpringfield Falls Police Department Policy\n"
                        "(a) Officers shall not inquire about immigration status.");
  CHECK(order.authority.value == "policy");
  // ... and so does a jail's inmate handbook, whose chapters are "SECTION 12." as a code's are
  auto handbook = Identity("SPRINGFIELD FALLS DEPARTMENT OF CORRECTIONS\nINMATE HANDBOOK\nSECTION 12. VISITATION AND "
                           "LEGAL ACCESS\n1. Inmates who have immigration cases may receive legal visits.\n2. Staff shall "
                           "not hold any inmate for ICE.");
  CHECK(handbook.authority.value == "policy");
}

TEST_CASE("agency policies stay policy, correspondence and hearing transcripts stay practice", "[jurisdiction]") {
  auto policy = Identity("Policy\n\nSpringfield Falls Police Department\n\n414\n\nSpringfield Falls PD Policy "
                         "Manual\n\nImmigration Violations\n414.1 PURPOSE AND SCOPE\nSee 8 U.S.C. § 1357(g) and "
                         "5 ILCS 805/15. Members shall not inquire about immigration status.");
  CHECK(policy.authority.value == "policy");
  auto email = Identity("From: clerk@example.gov\nTo: ero@ice.dhs.gov\nSubject: list\nPer ORS 999A.820 we send the list.");
  CHECK(email.authority.value == "practice");
  auto hearing = Identity("COUNCIL OF THE DISTRICT OF COLUMBIA\nCOMMITTEE ON THE JUDICIARY\nPUBLIC HEARING\n"
                          "TESTIMONY of the Director on Bill 99-1. We heard ORS 999A.820 cited by a witness.");
  CHECK(hearing.authority.value == "practice");
  // a memo whose header a web copy ran into one line, then wrapped: still a memo, though it cites General Orders
  auto memo = Identity("MEMORANDUM To: Mayor and City Council Through: Deputy\nCity Manager From: Chief of Police "
                       "Subject: Cooperation with Federal Immigration Authorities. APD General Order 318 provides "
                       "guidance. Officers shall comply with detainer requests.");
  CHECK(memo.doc_kind.value == "correspondence");
  CHECK(memo.authority.value == "practice");
  // a news story updated after it ran is still a record of practice
  auto story = Identity("Jail emails show cooperation with ICE\nThis article has been updated to include a statement "
                        "from the sheriff.\nThe jail said it holds people for ICE.");
  CHECK(story.authority.value == "practice");
  // a mayor's news release on a new general order is no order, though the order's number is the first it names
  auto release = Identity("New Police General Order 99-2\n\nCity of Somewhere, Office of the Mayor\nFOR IMMEDIATE RELEASE\n"
                          "Police Chief Doe has signed General Order 99-2. Officers shall not inquire about immigration status.");
  CHECK(release.doc_kind.value != "police_order");
  CHECK(release.authority.value == "practice");
  // a post on an agency's news page, under its date line, tells what the agency did, though titled a policy;
  // an e-mail to a whole staff instructs them: an order in correspondence's form (Chapel Hill police, 2007, shortened)
  const std::vector<std::pair<std::string, std::string>> authority_of = {
      {"Revised Adult Detention Center Booking Policy\n\nMay 23, 2018 --\n\nOn January 22, 2018, the Sheriff "
       "terminated an agreement with ICE. Booking deputies also notify ICE when an inmate is released.",
       "practice"},
      {"From: Office of the Chief\nSent: Tuesday, March 13, 2007\nTo: All Police\nSubject: Hits from ICE\n"
       "If you get a hit from ICE, DO NOT CALL the phone number and do not confirm the hit.",
       "policy"},
      // a jail's handbook for the people it holds, its "this chapter" no code's (written for the probe)
      {"D.C. DEPARTMENT OF CORRECTIONS\nRESIDENT HANDBOOK - CENTRAL DETENTION FACILITY\n\nCHAPTER 14: IMMIGRATION MATTERS\n\n"
       "14.1 Why this chapter matters to you\nThis chapter explains what DOC staff will and will not do.\n\n14.2 Your "
       "release\na. You will not be held at the jail after your release date just because ICE has sent a detainer.",
       "policy"},
      // a story whose only directives are those it quotes someone saying (Hennepin County, 2017, shortened)
      {"Sheriff says ICE report inaccurate\n\nAt a press conference on Thursday, the Sheriff said the jail did notify "
       "ICE and the Sheriff's Office cooperated.\n\n\u201cLocal law enforcement does not enforce federal immigration "
       "law,\" said the Sheriff. \"If ICE wishes a person remain in custody, they must get a court order or they must "
       "pick that person up at the jail.\u201d\n\nThe Sheriff said the report was wrong.",
       "practice"},
      // a release whose lead tells what its agency announces (Clarke County, Ga., 2018, shortened)
      {"Sheriff's Office Changes Policy on Working with ICE\n\nThe Clarke County Sheriff\u2019s Office announces a "
       "change in practice for handling inmate detainers.\n\nThe Sheriff's Office shall no longer honor ICE "
       "requests to detain persons past their release.",
       "practice"},
      // ... or what an official did today (N.J. Attorney General, 2018, shortened)
      {"TRENTON \u2013 The Attorney General today issued a directive to all police departments limiting the "
       "assistance their officers may provide to ICE. Officers shall not ask about immigration status.",
       "practice"},
      // a sheriff's policy that tells deputies to log an arrival is no log (Philadelphia Sheriff's Office, 2025)
      {"OFFICE OF THE SHERIFF\nPolicy Regarding Immigration and Custom Enforcement (ICE)\nThe purpose of this policy is "
       "to establish clear parameters for courthouse security.\nA. Verification\n- Deputies must verify all ICE "
       "agents' official credentials.\n- Log the date and time the agent arrived at the courthouse.\nB. Procedure\n"
       "- ICE agents are NOT permitted to make arrests inside the courthouse.",
       "policy"},
      // a reporter's story on an act, which names the act as a statute would (Washington City Paper, 2019, shortened)
      {"An exceptions clause in DC Council's emergency sanctuary city bill gives ICE access to DOC facilities\n\n"
       "The DC Council unanimously passed emergency legislation earlier this month. The new bill forbids officials at "
       "the DC Department of Corrections from cooperating with ICE.\n\nA related emergency resolution cited this "
       "reporter's article that showed the Department of Corrections had logged over 40 ICE pick-ups. The bill is "
       "formally called the Sanctuary Values Emergency Amendment Act of 2019.",
       "practice"},
      // a jail's page on its practice, its lines broken inside "does not" (Pima County Sheriff, 2018, shortened)
      {"ICE in the PCADC\n\nThe Pima County Sheriff's Department does\nnot detain inmates based on ICE Detainers. The "
       "procedure is to contact ICE once judicial orders are received. The Department does\nnot engage in proactive "
       "immigration enforcement; however, it does cooperate with its federal partners.",
       "practice"},
      // a police department's written answers to a council's questions (Tukwila, 2025, shortened)
      {"Police Department. Response to questions from Council regarding Immigration Enforcement. 1. Policy Clarity "
       "o What is TPD's current policy? TPD policy 428 states that officers shall not detain anyone on an ICE "
       "administrative warrant. 2. Training o Officers are trained yearly.",
       "practice"},
  };
  for (const auto& [text, authority] : authority_of) {
    INFO(text);
    CHECK(Identity(text).authority.value == authority);
  }
  CHECK(Identity(authority_of[1].first).doc_kind.value == "police_order");
}

TEST_CASE("a state statute's clauses bind its law enforcement agencies, and DC's DOC cue does not fire there",
          "[jurisdiction]") {
  const Extraction ca = Extract(
      "Cal. Gov. Code § 9999.6\n(a) California law enforcement agencies shall not use agency moneys or personnel to "
      "inquire into an individual's immigration status.\n(b) The Department of Corrections and Rehabilitation "
      "(DOC) shall not provide release dates to immigration authorities.");
  CHECK(ca.identity.jurisdiction.value == "US-CA");
  CHECK(ca.identity.authority.value == "law");
  REQUIRE_FALSE(ca.clauses.empty());
  for (const Clause& c : ca.clauses) {
    INFO(c.text);
    CHECK(c.actor != "DOC");
    CHECK(c.actor != "District");
  }
  const Extraction dc = Extract("D.C. Code § 99-211.07\n(b) The Department of Corrections shall not provide "
                                "notice to a federal immigration authority of a person's release date.");
  CHECK(dc.identity.jurisdiction.value == "DC");
  REQUIRE_FALSE(dc.clauses.empty());
  CHECK(dc.clauses[0].actor == "DOC");
}

TEST_CASE("jurisdiction containment and who a law binds", "[jurisdiction]") {
  CHECK(JurisdictionContains("US-IL", "US-IL"));
  CHECK(JurisdictionContains("US-IL", "US-IL/Cook County"));
  CHECK_FALSE(JurisdictionContains("US-IL/Cook County", "US-IL"));
  CHECK_FALSE(JurisdictionContains("US-I", "US-IL"));
  CHECK_FALSE(JurisdictionContains("US", "US-IL"));
  CHECK_FALSE(JurisdictionContains("", ""));
  const Jurisdictions* j = &Data();
  CHECK(LawBinds(j, "US-IL", "law enforcement agency", "US-IL/Northbrook", "Northbrook Police Department"));
  CHECK(LawBinds(j, "US-IL", "law enforcement agency", "US-IL/Cook County", "Cook County Sheriff's Office"));
  CHECK_FALSE(LawBinds(j, "US-WA", "law enforcement agency", "US-ID/Ada County", "Ada County Sheriff's Office"));
  CHECK_FALSE(LawBinds(j, "US-IL", "law enforcement agency", "US-IL/Northbrook", "Northbrook Public Library"));
  CHECK(LawBinds(j, "DC", "District", "DC", "DOC"));
  CHECK(LawBinds(j, "DC", "District", "DC", "DPW"));
  CHECK(LawBinds(j, "DC", "DOC", "DC", "doc"));
  CHECK_FALSE(LawBinds(j, "DC", "DOC", "DC", "MPD"));
  // the District's "any agency" is none of the federal government's: an agreement's "ICE will: Reimburse DOC ..."
  CHECK_FALSE(LawBinds(j, "DC", "District", "DC", "ICE"));
  CHECK_FALSE(LawBinds(j, "DC", "District", "US-CA", "DOC"));
  CHECK_FALSE(LawBinds(j, "US", "federal agency", "US-IL", "Northbrook Police Department"));
  // A law on state agencies binds the state's own agencies, not a county's sheriff (C.R.S. 24-74-104)
  CHECK_FALSE(LawBinds(j, "US-CO", "state agency", "US-CO/Teller County", "Teller County Sheriff's Office"));
  CHECK(LawBinds(j, "US-CO", "state agency", "US-CO", "Colorado Department of Corrections"));
  CHECK(LawBinds(j, "US-IL", "state agency", "US-IL/Cook County", "ISP"));
  // A law placed nowhere falls back to DC's "District": it binds a District agency of DC, not one named "District"
  // in another place's documents; a law placed nowhere that names its own agency still binds that agency.
  CHECK(LawBinds(j, "", "District", "DC", "District"));
  CHECK_FALSE(LawBinds(j, "", "District", "US-CA/Humboldt County", "District"));
  CHECK(LawBinds(j, "", "Sheriff's Office", "US-CA/Humboldt County", "Sheriff's Office"));
  // A record placed nowhere whose actor is "District" (a school district, as reported) is DC's District or none: a
  // law placed elsewhere does not bind it, D.C.'s does.
  CHECK_FALSE(LawBinds(j, "US-(state unknown)", "District", "", "District"));
  CHECK_FALSE(LawBinds(j, "US-OH/Columbus", "District", "", "District"));
  CHECK(LawBinds(j, "DC", "District", "", "District"));
  CHECK(LawBinds(j, "US-OH/Columbus", "Division of Police", "", "Division of Police"));
  CHECK(LawBinds(nullptr, "", "District", "", "MPD"));  // no jurisdictions known: as before
  CHECK(DefaultLawActor(j, "US-OR") == "law enforcement agency");
  CHECK(DefaultLawActor(j, "DC") == "District");
  CHECK(DefaultLawActor(j, "") == "District");
}

namespace {

ClauseRecord Side(const std::string& id, const std::string& authority, const std::string& jurisdiction,
                  const std::string& agency, const std::string& actor, const std::string& stance) {
  ClauseRecord c;
  c.id = id;
  c.authority = authority;
  c.jurisdiction = jurisdiction;
  c.agency = agency;
  c.actor = actor;
  c.topic = "detainer_hold";
  c.stance = stance;
  c.doc_path = id + ".txt";
  c.page = 1;
  c.text = "text of " + id;
  c.citation = id;
  return c;
}

}  // namespace

TEST_CASE("no divergence pairs a law with an agency of another state", "[jurisdiction][diverge]") {
  std::vector<ClauseRecord> clauses = {
      Side("wa-law", "law", "US-WA", "", "law enforcement agency", "restricts"),
      Side("id-sheriff", "policy", "US-ID/Ada County", "Ada County Sheriff's Office", "", "requires"),
      Side("wa-sheriff", "policy", "US-WA/King County", "King County Sheriff's Office", "", "requires"),
  };
  DivergeOptions options;
  options.jurisdictions = &Data();
  auto pairs = FindDivergences(clauses, options);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].practice.id == "wa-sheriff");
  CHECK(pairs[0].law.id == "wa-law");
}

TEST_CASE("a local law is placed in its locality, named or not, and an unnamed one binds no other document",
          "[jurisdiction][diverge]") {
  // Written for the test, in the shape of excerpts of county and city codes (eval/real-extra holds real ones).
  const std::string county_code =
      "Chapter 9.99\nIMMIGRATION ENFORCEMENT\n9.99.010 Immigration enforcement.\nA. Employees of the County shall not "
      "engage in these activities:\n1. Unless otherwise required by federal, state or County law, no County employee "
      "shall inquire about a person's immigration status. This chapter implements RCW 10.93.160, State of Washington.";
  CHECK(InferJurisdiction(Data(), county_code, "", /*law=*/true) == "US-WA/(unnamed county)");
  CHECK(InferJurisdiction(Data(), county_code, "", /*law=*/false) == "US-WA");  // a county's page of practice: its state
  const std::string supplement =
      "In addition to the limitations set forth by the laws of the State of California, including \"SB 54,\" the "
      "following restrictions shall apply:\n(a) No enforcement official shall detain an individual on the basis of a "
      "civil immigration detainer.";
  CHECK(InferJurisdiction(Data(), supplement, "", true) == "US-CA/(unnamed locality)");
  // a city's code speaking of its city in lower case, as its subject (Eugene City Code 2.495, shortened); a state's
  // statute on cities stays the state's
  CHECK(InferJurisdiction(Data(), "2.495 Protections for Individuals.\n(1)The city shall not use city law enforcement "
                                  "moneys for immigration enforcement, as ORS 181A.820 provides.", "", true) ==
        "US-OR/(unnamed city)");
  CHECK(InferJurisdiction(Data(), "ORS 181A.999 (1) No city shall adopt a policy that limits cooperation; a city "
                                  "may not use moneys to assist ICE.", "", true) == "US-OR");
  CHECK(InferJurisdiction(Data(), "Springfield Falls Municipal Code 2.99.060\nNothing in this chapter shall be construed "
                                  "to preclude any city police officer from cooperating. Revised Code of Washington.",
                          "", true) == "US-WA/Springfield Falls");
  CHECK_FALSE(JurisdictionContains("US-WA/(unnamed county)", "US-WA/(unnamed county)"));
  CHECK_FALSE(JurisdictionContains("US-WA/(unnamed county)", "US-WA/King County"));
  CHECK(JurisdictionContains("US-WA", "US-WA/(unnamed county)"));
  std::vector<ClauseRecord> clauses = {
      Side("county-code", "law", "US-WA/(unnamed county)", "", "law enforcement agency", "restricts"),
      Side("other-sheriff", "policy", "US-WA/King County", "King County Sheriff's Office", "", "requires"),
  };
  DivergeOptions options;
  options.jurisdictions = &Data();
  CHECK(FindDivergences(clauses, options).empty());
}

TEST_CASE("a bill that restricts pairs with no agency: it binds no one until enacted", "[jurisdiction][diverge]") {
  std::vector<ClauseRecord> clauses = {
      Side("wa-bill", "law", "US-WA", "", "law enforcement agency", "restricts"),
      Side("wa-sheriff", "policy", "US-WA/King County", "King County Sheriff's Office", "", "requires"),
  };
  DivergeOptions options;
  options.jurisdictions = &Data();
  CHECK(FindDivergences(clauses, options).size() == 1);  // as a statute, it pairs
  clauses[0].doc_kind = "bill";
  CHECK(FindDivergences(clauses, options).empty());
}

TEST_CASE("one index with a Washington statute and an Idaho sheriff's policy has no pair", "[jurisdiction][e2e]") {
  ScratchDir dir;
  WriteFile(dir / "drop" / "wa-statute.txt",
            "RCW 9.99.310  Civil arrest restrictions.\n(1) A law enforcement agency shall not hold a person in "
            "custody on the basis of an immigration detainer.\n");
  WriteFile(dir / "drop" / "id-sheriff.txt",
            "Ada Falls County Sheriff's Office\nState of Idaho\nJail Policy 9.1 Detainers\n"
            "Deputies shall hold a person in custody for up to 48 hours on an immigration detainer.\n");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto clauses = RunFoiamine("clauses --json --db " + db);
  REQUIRE(clauses.exit_code == 0);
  INFO(clauses.out);
  std::set<std::string> seen;
  for (const auto& c : JsonLines(clauses.out)) {
    REQUIRE(c.contains("jurisdiction"));
    seen.insert(c["jurisdiction"].is_null() ? "" : c["jurisdiction"].get<std::string>());
  }
  CHECK(seen.count("US-WA"));
  CHECK(seen.count("US-ID/Ada Falls County"));
  auto diverge = RunFoiamine("diverge --format json --db " + db);
  REQUIRE(diverge.exit_code == 0);
  CHECK(JsonLines(diverge.out).empty());
  auto status = RunFoiamine("status --db " + db);
  CHECK(status.out.find("US-WA 1") != std::string::npos);
}

TEST_CASE("the labelled real dev set: authority and jurisdiction of each document", "[jurisdiction][real]") {
  const fs::path set = SharedEval() / "immigration-real-dev";
  if (SharedEval().empty() || !fs::exists(set / "labels" / "documents.jsonl")) {
    SKIP_TEST("../shared/eval/immigration-real-dev is absent: skipped");
  }
  // Born-digital PDFs and text only (the scanned one would need OCR here).
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  for (const auto& entry : fs::directory_iterator(set / "docs")) {
    const std::string name = entry.path().filename().string();
    if (name.find("scanned") == std::string::npos) fs::copy_file(entry.path(), dir / "drop" / name);
  }
  const std::string db = (dir / "d.db").string();
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  int docs = 0, authority_ok = 0, jurisdiction_ok = 0;
  for (const auto& label : JsonLines(ReadFile(set / "labels" / "documents.jsonl"))) {
    const std::string path = label["doc_path"];
    if (path.find("scanned") != std::string::npos) continue;
    ++docs;
    const std::string where = " FROM documents d JOIN files f ON f.document_id=d.id WHERE f.path='" + path + "'";
    const std::string authority = foiamine::testing::QueryText(db, "SELECT coalesce(d.authority,'')" + where);
    const std::string code = foiamine::testing::QueryText(db, "SELECT coalesce(d.jurisdiction,'')" + where);
    const std::string expected = label["jurisdiction"];
    const std::string name = Data().Name(code);
    const bool same_place = !name.empty() && expected.rfind(name, 0) == 0;
    std::cout << path << ": authority " << authority << " (label " << label["authority"].get<std::string>()
              << "), jurisdiction " << code << " (label " << expected << ")\n";
    authority_ok += authority == label["authority"].get<std::string>();
    jurisdiction_ok += same_place;
  }
  std::cout << "dev set: authority " << authority_ok << "/" << docs << ", jurisdiction " << jurisdiction_ok << "/"
            << docs << "\n";
  CHECK(authority_ok >= docs - 1);
  CHECK(jurisdiction_ok >= docs - 1);
}

TEST_CASE("a code's caption makes law, and one state's citation form does not claim another's code", "[jurisdiction]") {
  // Colorado cites "Section 24-76.6-102, C.R.S."; the bare form is Tennessee's too.
  const Extraction tn = Extract("Tennessee Code § 9-99-105\nCurrent through Acts 2023-2024\n"
                                "Section 9-99-105 - Authority to communicate\n(a) All law enforcement agencies "
                                "shall communicate with the appropriate federal official regarding immigration status.");
  CHECK(tn.identity.jurisdiction.value == "US-TN");
  CHECK(tn.identity.doc_kind.value == "statute");
  CHECK(tn.identity.authority.value == "law");
  CHECK(tn.identity.title.value != "(1) Be entered into in accordance with federal law;");
  // A municipal code section with no state named: law, of a state not known (not the District's, whose
  // actor an unplaced law would fall back to); one that names its county: that county, state not known.
  const Extraction city = Extract("9-173-020 Immigration enforcement prohibited.\n(a) No agent or agency shall "
                                  "participate in civil immigration enforcement operations, unless required to "
                                  "disclose information as addressed in Section 9-173-030(a).");
  CHECK(city.identity.doc_kind.value == "statute");
  CHECK(city.identity.authority.value == "law");
  CHECK(city.identity.jurisdiction.value == "US-(state unknown)");
  const Extraction county = Extract("Humboldt County Code, Section 9121-5\n\nNo department, agency, officer, or "
                                    "employee of the County shall use any County funds or resources to assist in the "
                                    "enforcement of Federal immigration law.");
  CHECK(county.identity.jurisdiction.value == "US-(state unknown)/Humboldt County");
  // A text that speaks of the District is D.C.'s, never "state unknown".
  const Extraction district = Extract("Sec. 2. (a) No District agency shall use District resources to assist in the "
                                      "enforcement of civil immigration law.");
  CHECK(district.identity.jurisdiction.value == "DC");
  const Extraction iowa = Extract("99A.1 Definitions. 1. \"Immigration detainer request\" means a written federal "
                                  "government request to a local entity to maintain temporary custody of an alien.");
  CHECK(iowa.identity.doc_kind.value == "statute");
  // A state's code section that names "the Department of Corrections" but a state prison and the Legislature:
  // law (it cites its own subdivision), and not the District's (Cal. Penal Code 5025, shortened).
  const Extraction state = Extract("Section 9025.\n\n(a) Upon the effective date of the amendments to this section made at "
                                   "the First Extraordinary Session of the Legislature, the Department of Corrections shall "
                                   "identify inmates serving terms in state prison who are undocumented felons.\n\n(b) The "
                                   "procedures implemented pursuant to subdivision (a) shall include the place of birth.");
  CHECK(state.identity.authority.value == "law");
  CHECK(state.identity.jurisdiction.value != "DC");
  // ... nor is a county's story that names its jail's "Department of Corrections" (NHPR on Rockingham County, 2025)
  const Extraction county_jail = Extract("Rockingham County Jail could soon serve as a detention site for individuals in "
                                         "Immigration and Customs Enforcement custody. Department of Corrections "
                                         "Superintendent Jason Henry, the county's point of contact with ICE, said "
                                         "implementation could be several months out. County commissioners voted 2-1 in "
                                         "April to authorize Henry to submit a proposal.");
  CHECK(county_jail.identity.jurisdiction.value != "DC");
  // (the District's own jail, named so, stays the District's)
  const Extraction dc_jail = Extract("The D.C. Jail will not hold anyone for ICE. Department of Corrections staff "
                                     "release people at their release time.");
  CHECK(dc_jail.identity.jurisdiction.value == "DC");
  // A policy's numbered heading without a closing period is no law.
  const Extraction policy = Extract("428.1 Purpose and Scope\nThis policy provides guidance to members.");
  CHECK(policy.identity.authority.value != "law");
}

TEST_CASE("with no jurisdiction on either side a law binds only the agencies DC names", "[jurisdiction]") {
  const Jurisdictions* j = &Data();
  CHECK(LawBinds(j, "", "District", "", "DOC"));
  CHECK(LawBinds(j, "", "District", "", "MPD"));
  CHECK(LawBinds(j, "", "District", "", "District"));
  // An unplaced county ordinance and an unplaced county's jail order.
  CHECK_FALSE(LawBinds(j, "", "District", "", "The Sutter County Sheriff's Office"));
  CHECK(LawBinds(j, "", "Sutter County Sheriff's Office", "", "Sutter County Sheriff's Office"));  // A local law of a state not known binds no D.C. agency, placed or not.
  CHECK_FALSE(LawBinds(j, "US-(state unknown)/Humboldt County", DefaultLawActor(j, "US-(state unknown)/Humboldt County"), "", "MPD"));
  CHECK_FALSE(LawBinds(j, "US-(state unknown)", DefaultLawActor(j, "US-(state unknown)"), "DC", "MPD"));
}

TEST_CASE("a sentence's last word 'resolved.' on a line of its own makes no resolution", "[jurisdiction]") {
  // Salt Lake County Jail's ICE page as OCR wraps it (shortened).
  const DocumentIdentity page = Identity(
      "The Salt Lake County Jail's Policy and Practice Regarding Immigration and Customs Enforcement (ICE)\n"
      "The information below is provided in order to aid public understanding regarding how this policy\n"
      "operates in practice.\nThe Salt Lake County Jail interacts with ICE by:\n"
      "1. accepting properly documented ICE detainer requests; and\n"
      "2. releasing individuals subject to ICE detainer to federal custody once criminal charges are\n\nresolved.\n");
  CHECK(page.authority.value == "practice");
  CHECK(page.doc_kind.value != "council_record");
  // ... while a resolving clause still makes one.
  const DocumentIdentity resolution = Identity("WHEREAS, the City values its residents;\nNOW, THEREFORE, BE IT RESOLVED, That "
                                               "the City shall not enter into any agreement under 8 U.S.C. 1357(g).\n");
  CHECK(resolution.authority.value == "law");
}

TEST_CASE("a FAQ page about a 287(g) agreement stays a record of practice, not an agreement", "[jurisdiction]") {
  const DocumentIdentity faq = Identity(
      "Frequently Asked Questions\nWhat is the 287(g) Program?\n"
      "The County entered into a Memorandum of Agreement with ICE under Section 287(g) of the Immigration and "
      "Nationality Act.\nDoes the Sheriff hold people on ICE detainers?\n"
      "The jail does not hold anyone past release on a detainer.\n");
  CHECK(faq.authority.value == "practice");
  CHECK(faq.doc_kind.value != "agreement");
  // A 287(g) steering committee's slides tell of the agreement signed (Harford County's, 2018, shortened).
  const DocumentIdentity slides = Identity(
      "Harford County Sheriff's Office 287(g) Program\n287(g) Steering Committee Mission Statement Improve program "
      "oversight and direction.\nHarford County 287(g) Program Implementation Date Memorandum of Agreement signed on "
      "October 26, 2016 and is available at www.ICE.gov.\nThe program has a full time I.C.E. Program Manager.\n");
  CHECK(slides.authority.value == "practice");
  CHECK(slides.doc_kind.value != "agreement");
  // A sheriff's page that names the office and states no rule of it tells what it does (York County's 287(g) page,
  // shortened); the same page with a numbered procedure under "shall" is the office's policy.
  const DocumentIdentity page = Identity(
      "Detention Center Classification\nIn 2008 the York County Sheriff's Office and the U.S. Department of Homeland "
      "Security entered into an agreement under Section 287(g). Officers screen every inmate booked into the jail.\n");
  CHECK(page.authority.value == "practice");
  const DocumentIdentity policy = Identity(
      "York County Sheriff's Office\nDetention Center Classification\n1. Officers shall screen every inmate booked "
      "into the jail.\n2. Officers shall notify ICE of a foreign-born inmate.\n");
  CHECK(policy.authority.value == "policy");
  // An addendum to a 287(g) memorandum is an agreement, though it states no rule (Galveston County's, 2019).
  const DocumentIdentity addendum = Identity(
      "ADDENDUM TO EXTEND MEMORANDUM OF AGREEMENT U.S. Immigration and Customs Enforcement (ICE) and the Galveston "
      "County Sheriffs Office, hereby agree to extend the Memorandum of Agreement (MOA) that was effective on June 30, "
      "2017.\n");
  CHECK(addendum.doc_kind.value == "agreement");
}

TEST_CASE("law forms read in the whole head are recognised as by running each in order", "[jurisdiction]") {
  // The data's forms that read the whole head, each under a kind of its own, and no jurisdiction (so no heading
  // citation): RecognizeLaw's Set pass must name the first form, in file order, that PartialMatch finds.
  const YAML::Node data = YAML::Load(ReadFile(SourceDir() / "schemas" / "jurisdictions.yaml"));
  std::vector<std::string> patterns;
  for (const auto& f : data["law_forms"])
    if (!f["first_lines"] && !f["at_start"]) patterns.push_back(f["pattern"].as<std::string>());
  REQUIRE(patterns.size() >= 3);
  YAML::Emitter yaml;
  yaml << YAML::BeginMap << YAML::Key << "law_forms" << YAML::Value << YAML::BeginSeq;
  for (size_t i = 0; i < patterns.size(); ++i)
    yaml << YAML::BeginMap << YAML::Key << "pattern" << YAML::Value << patterns[i] << YAML::Key << "doc_kind"
         << YAML::Value << "form" + std::to_string(i) << YAML::EndMap;
  yaml << YAML::EndSeq << YAML::Key << "jurisdictions" << YAML::Value << YAML::BeginSeq << YAML::BeginMap
       << YAML::Key << "code" << YAML::Value << "US-XX" << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
  auto loaded = LoadJurisdictions(yaml.c_str());
  REQUIRE(loaded.ok());
  RE2::Options options;  // as jurisdiction.cc compiles the data's patterns
  options.set_case_sensitive(false);
  std::vector<std::unique_ptr<RE2>> each;
  for (const std::string& p : patterns) each.push_back(std::make_unique<RE2>(p, options));
  auto require_in_order = [&](const std::string& text) {
    std::string expected;
    for (size_t i = 0; i < each.size() && expected.empty(); ++i)
      if (RE2::PartialMatch(text, *each[i])) expected = "form" + std::to_string(i);
    INFO('"' << text << '"');
    REQUIRE(RecognizeLaw(*loaded, text).doc_kind == expected);
    return !expected.empty();
  };
  const std::vector<std::string> pieces = {"be it enacted", "BE IT ORDAINED", "be it further resolved", "be it",
                                           "this memorandum of agreement constitutes", "memorandum of understanding",
                                           "287(g)", "intergovernmental service agreement", "the", "County", "\n",
                                           "shall", "."};
  std::mt19937 random(43);
  std::uniform_int_distribution<int> pick(0, static_cast<int>(pieces.size()) - 1), count(1, 8);
  int recognised = 0;
  for (int t = 0; t < 5000; ++t) {
    std::string text;
    for (int k = count(random); k > 0; --k) text += pieces[static_cast<size_t>(pick(random))] + " ";
    recognised += require_in_order(text) ? 1 : 0;
  }
  CHECK(recognised > 1000);
  for (const auto& e : fs::recursive_directory_iterator(SourceDir() / "corpus" / "truth"))
    if (e.is_regular_file() && e.path().extension() == ".txt") require_in_order(ReadFile(e.path()));
}

// State code sections as code sites print them (the real-extra set's copies of N.D., Neb., W. Va. and R.I. sections):
// a long caption, one set close to its number, one glued to its first sentence, one under the code's title lines.
TEST_CASE("a code section's caption makes law however a site sets it", "[jurisdiction]") {
  for (const std::string& text : {
           std::string("44-04-05. Certified copies of papers on alien convicted of felony - Request by United States "
                       "immigration officer.\nUpon the official request of the United States immigration officer ..., the "
                       "clerk of such court shall furnish ...\n"),
           std::string("43-411.Detainers for apprehension and detention; authorized; detention; limitations.\n\nThe chief "
                       "executive officer ... shall have the authority ... to issue detainers ...\n"),
           std::string("55-3-1. Issuance of summons.If any forcible or unlawful entry be made upon any land, the party "
                       "so turned out of possession may ...\n"),
           std::string("Title 12\nCriminal Procedure\n\nChapter 7\n\nR.I. Gen. Laws \u00A7 12-7-12\n\n\u00A7 12-7-12. Release "
                       "of arrested person by officer.\n\n(a) The officer in charge of any police station shall ...\n")}) {
    INFO(text);
    const DocumentIdentity id = Identity(text);
    CHECK(id.authority.value == "law");
    CHECK(id.doc_kind.value == "statute");
  }
  // a 287(g) agreement whose text layer lost its spaces is still an agreement
  const DocumentIdentity moa = Identity("MEMORANDUM OF AGREEMENTThis Memorandum ofAgreement (MOA) constitutes an agreement "
                                        "between U. S. Immigrationand Customs Enforcement (ICE), a component of the Department "
                                        "ofHomeland Security (DHS),and the New Mexico Corrections Department ...\n");
  CHECK(moa.doc_kind.value == "agreement");
  CHECK(moa.authority.value == "policy");
  // a policy's numbered heading without a period is none
  CHECK(Identity("4.1 Purpose and Scope\nThis policy provides guidance to members.\n").authority.value != "law");
}

// The U.S. Code as uscode.house.gov prints a section, and as Cornell's LII does: federal law, whichever title.
TEST_CASE("a section of the U.S. Code is federal law by its title's caption or LII's citation line", "[jurisdiction]") {
  const DocumentIdentity welfare = Identity("Title 42- THE PUBLIC HEALTH AND WELFARE\nCHAPTER 7- SOCIAL SECURITY\n"
                                            "\u00A7 611a. State required to provide certain information\nEach State to "
                                            "which a grant is made under section 603 of this title shall, at least 4 times "
                                            "annually ..., furnish the Immigration and Naturalization Service with the name "
                                            "and address of ...\n");
  CHECK(welfare.jurisdiction.value == "US");
  CHECK(welfare.authority.value == "law");
  CHECK(welfare.number.value == "42 U.S.C. \u00A7 611a");
  const DocumentIdentity lii = Identity("8 U.S. Code \u00A7 1373 - Communication between government agencies and the "
                                        "Immigration and Naturalization Service\n(a) ...\n");
  CHECK(lii.jurisdiction.value == "US");
  CHECK(lii.number.value == "8 U.S.C. \u00A7 1373");
}

// A whole Lexipol manual as an agency produces it (the Lisle PD Policy Manual, 632 pages, in
// ../shared/eval/police-policies-illinois/large): its first pages, a chief's preface, a code of ethics and a mission
// statement under the running header, state no rule and name no state; its policies do, hundreds of pages on.
TEST_CASE("a whole policy manual is its agency's policy, placed by the pages after its preface", "[jurisdiction]") {
  const std::string header = "Village of Lisle Police Department\nLisle PD Policy Manual\n\n";
  DocumentInput input;
  input.pages.push_back(PageText{1, header + "CHIEF'S PREFACE\nAccepted Policy Manual for revisions on March 04, 2013.\n"
                                             "Copyright Lexipol, LLC 2020/05/04, All Rights Reserved.\n"});
  input.pages.push_back(PageText{2, header + "LAW ENFORCEMENT CODE OF ETHICS\nAs a Law Enforcement Officer, my fundamental "
                                             "duty is to serve mankind; to safeguard lives and property.\n"});
  input.pages.push_back(PageText{3, header + "MISSION STATEMENT\nThe members of the Lisle Police Department are committed "
                                             "to providing high quality, professional police services.\n"});
  input.pages.push_back(PageText{4, header + "415.7.1 IMMIGRATION DETAINERS\nNotification to the federal authority issuing "
                                             "the detainer should be made prior to the release (5 ILCS 805/15).\n"});
  const DocumentIdentity manual = InferIdentity(input, &Data());
  CHECK(manual.doc_kind.value == "police_order");
  CHECK(manual.authority.value == "policy");
  CHECK(manual.agency.value == "Lisle Police Department");
  CHECK(manual.jurisdiction.value == "US-IL/Lisle");
  // the first pages alone place it nowhere (the rest of a long document is read only when they do not)
  input.pages.pop_back();
  CHECK(InferIdentity(input, &Data()).jurisdiction.value.empty());
  // an order's caption on a line of its own under the agency's name makes an order, whatever its subject (press
  // releases: Rockford PD General Order 1.09 was read as a news release)
  const DocumentIdentity order = Identity("ROCKFORD POLICE DEPARTMENT\nGENERAL ORDER\nNUMBER: 1.09\nTITLE: NEWS MEDIA "
                                          "RELATIONS\nTOPICS / REFERENCE: PRESS CONFERENCE, PRESS RELEASE\nPOLICY:\nIt is "
                                          "the policy of the Rockford Police Department to extend full cooperation to members "
                                          "of the news media.\n");
  CHECK(order.doc_kind.value == "police_order");
  CHECK(order.authority.value == "policy");
  // a story that mentions a department's policy manual is no manual
  const DocumentIdentity story = Identity("Council questions police over ICE calls\nThe Lisle Police Department said on "
                                          "Monday that its policy manual had not changed. Officers said the chief ...\n");
  CHECK(story.authority.value != "policy");
}

TEST_CASE("a 287(g) agreement is placed by its local party's name with a postal state", "[jurisdiction]") {
  // The form's running header names the local party with its state's postal code (written for the test in that
  // form): the state and county laws that bind that party are the ones its practice is read against.
  const std::string agreement =
      "MEMORANDUM OF AGREEMENT\n\nThis Memorandum of Agreement (MOA) constitutes an agreement between United States "
      "Immigration and Customs Enforcement (ICE), a component of the Department of Homeland Security (DHS), and the "
      "Example County Sheriff's Office (LEA), pursuant to which ICE delegates to nominated, trained, and certified "
      "officers of the LEA the authority to perform certain functions of an immigration officer.\n\n"
      "Example County Sheriff's Office, NV\n";
  CHECK(Identity(agreement).jurisdiction.value == "US-NV/Example County");
  // With a town between: "..., Springfield, NV".
  CHECK(Identity(agreement.substr(0, agreement.rfind("Example")) + "Example County Sheriff's Office, Springfield, NV\n")
            .jurisdiction.value == "US-NV/Example County");
  // A lower-case "in" after an agency's name is a preposition, not Indiana.
  CHECK(Identity(agreement.substr(0, agreement.rfind("Example")) + "The Example County Sheriff's Office, in turn, will "
                                                                    "train its officers.\n")
            .jurisdiction.value.rfind("US-IN", 0) != 0);
}
