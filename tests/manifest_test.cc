#include "pipeline/manifest.h"

#include <catch2/catch.hpp>

#include "tests/test_support.h"

using namespace foiamine;

TEST_CASE("manifest.csv: header row, quoted fields, unknown columns", "[manifest]") {
  auto m = ParseManifestCsv(
      "path,title,agency,doc_kind,authority,number,issued,effective,source,notes\r\n"
      "policies/ps-4020.pdf,\"Release, Discharge and \"\"Detainers\"\"\",DOC,jail_policy,policy,PS 4020.1F,"
      "2019-03-01,2019-04-01,FOIA-2025-0117,ignored\r\n"
      "./law/24-211.07.pdf,Limits on detainers,Council,statute,law,D.C. Code § 24-211.07,,2020-12-23,,\n");
  REQUIRE(m.ok());
  REQUIRE(m->entries.size() == 2);
  const ManifestEntry* ps = m->Find("policies/ps-4020.pdf");
  REQUIRE(ps != nullptr);
  CHECK(ps->title == "Release, Discharge and \"Detainers\"");
  CHECK(ps->number == "PS 4020.1F");
  CHECK(ps->authority == "policy");
  CHECK(ps->source == "FOIA-2025-0117");
  const ManifestEntry* law = m->Find("law/24-211.07.pdf");  // "./" dropped
  REQUIRE(law != nullptr);
  CHECK(law->number == "D.C. Code § 24-211.07");
  CHECK(m->warnings.empty());
}

TEST_CASE("manifest problems are warnings or errors a person can act on", "[manifest]") {
  auto m = ParseManifestCsv("path,authority,issued\na.pdf,binding,03/01/2019\n");
  REQUIRE(m.ok());
  REQUIRE(m->warnings.size() == 2);
  CHECK(m->warnings[0] == "a.pdf: unknown authority 'binding' (law, policy or practice)");
  CHECK(m->warnings[1] == "a.pdf: date '03/01/2019' is not an ISO date (YYYY-MM-DD)");

  auto no_path = ParseManifestCsv("file,title\na.pdf,x\n");
  REQUIRE_FALSE(no_path.ok());
  CHECK(no_path.status().message() == "header row has no 'path' column");

  auto open_quote = ParseManifestCsv("path,title\na.pdf,\"never closed\n");
  CHECK_FALSE(open_quote.ok());
}

TEST_CASE("manifest.json: an array of objects", "[manifest]") {
  auto m = ParseManifestJson(R"([{"path": "orders/go-201.pdf", "title": "Immigration", "agency": "MPD",
                                   "doc_kind": "police_order", "authority": "policy", "issued": "2025-08-14"}])");
  REQUIRE(m.ok());
  REQUIRE(m->Find("orders/go-201.pdf") != nullptr);
  CHECK(m->Find("orders/go-201.pdf")->agency == "MPD");
  CHECK_FALSE(ParseManifestJson("{\"path\": \"x\"}").ok());
  CHECK_FALSE(ParseManifestJson("[{\"path\": ").ok());
}

TEST_CASE("LoadManifest finds the file in a drop, refuses two", "[manifest]") {
  testing::ScratchDir drop;
  auto none = LoadManifest(drop.path());
  REQUIRE(none.ok());
  CHECK(none->entries.empty());
  testing::WriteFile(drop / "manifest.csv", "path,title\na.pdf,A\n");
  auto csv = LoadManifest(drop.path());
  REQUIRE(csv.ok());
  CHECK(csv->file_name == "manifest.csv");
  testing::WriteFile(drop / "manifest.json", "[]");
  CHECK_FALSE(LoadManifest(drop.path()).ok());
}
