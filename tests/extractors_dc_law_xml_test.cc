#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>

#include "extractors/dc_law_xml.h"
#include "extractors/extract.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::SharedEval;
using foiamine::testing::SourceDir;

namespace {

const Clause* Find(const std::vector<Clause>& clauses, const std::string& topic, const std::string& section) {
  for (const Clause& c : clauses)
    if (c.topic == topic && c.section == section) return &c;
  return nullptr;
}

// Code point substring of a page's text.
std::string Slice(const std::string& text, int start, int end) {
  std::u32string dummy;
  size_t b = 0, cp = 0, s = std::string::npos, e = text.size();
  for (; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
    if (static_cast<int>(cp) == start) s = b;
    if (static_cast<int>(cp) == end) {
      e = b;
      break;
    }
    ++cp;
  }
  return s == std::string::npos ? std::string() : text.substr(s, e - s);
}

}  // namespace

TEST_CASE("a synthetic D.C. Code section keeps its <num> hierarchy", "[extractors][dc_law_xml]") {
  const std::string xml = R"(<?xml version="1.0"?>
<section xmlns="https://code.dccouncil.us/schemas/dc-library">
  <num>1-101.01</num>
  <heading>Test section.</heading>
  <para><num>(a)</num><text>The District shall not:</text>
    <para><num>(1)</num><text>Notify a federal immigration agency of a person’s release date;</text></para>
    <para><num>(2)</num><text>Do something else.</text></para>
  </para>
  <para><num>(b)</num><text>See <cite path="x">§ 2-202.02</cite>.</text></para>
  <annotations><annotation type="History" eff="2020-01-02">Jan. 2, 2020, D.C. Law 23-1, 66 DCR 1</annotation></annotations>
</section>)";
  auto doc = ParseDcCodeXml(xml);
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 1);
  const std::string& text = doc->pages[0].text;
  CHECK(text.rfind("§ 1-101.01. Test section.\n(a) The District shall not:\n(1) Notify", 0) == 0);
  CHECK(text.find("person's release") != std::string::npos);  // curly quote normalized
  std::vector<std::string> paths;
  for (const Section& s : doc->sections) paths.push_back(s.path);
  CHECK(paths == std::vector<std::string>{"1-101.01", "1-101.01(a)", "1-101.01(a)(1)", "1-101.01(a)(2)", "1-101.01(b)"});
  CHECK(Slice(text, doc->sections[2].char_start, doc->sections[2].char_start + 3) == "(1)");
  CHECK(doc->metadata.authority == "law");
  CHECK(doc->metadata.number == "D.C. Code § 1-101.01");
  CHECK(doc->metadata.effective == "2020-01-02");
  CHECK_FALSE(ParseDcCodeXml("<section><oops></section>").ok());
  CHECK_FALSE(ParseDcCodeXml("<other/>").ok());
}

TEST_CASE("the real D.C. Code § 24-211.07 yields cited District clauses", "[extractors][dc_law_xml][eval]") {
  if (SharedEval().empty()) {
    SKIP_TEST("../shared/eval is absent: skipping the real D.C. Code test");
  }
  const auto path = SharedEval() / "dc-law-xml-codified" / "code-sections" / "24-211.07.xml";
  auto doc = ParseDcCodeXml(ReadFile(path));
  REQUIRE(doc.ok());
  CHECK(doc->metadata.title == "Prohibition on cooperation with federal immigration agencies.");
  CHECK(doc->metadata.effective == "2021-05-15");
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  Extraction x = ExtractDocument(*rules, *doc);
  for (const Clause& c : x.clauses)
    std::cout << "  24-211.07: " << c.section << " " << c.topic << "/" << StanceName(c.stance) << " " << c.actor
              << " [" << c.rule << "] " << c.text.substr(0, 90) << "\n";
  const Clause* hold = Find(x.clauses, "detainer_hold", "24-211.07(a)(1)");
  REQUIRE(hold != nullptr);
  CHECK(hold->stance == Stance::kRestricts);
  CHECK(hold->actor == "District");
  CHECK(Slice(doc->pages[0].text, hold->char_start, hold->char_end) == hold->text);
  const Clause* release_info = Find(x.clauses, "information_sharing", "24-211.07(a)(4)(B)");
  REQUIRE(release_info != nullptr);
  CHECK(release_info->stance == Stance::kRestricts);
  const Clause* status = Find(x.clauses, "status_inquiry", "24-211.07(b)");
  REQUIRE(status != nullptr);
  CHECK(status->stance == Stance::kRestricts);
  const Clause* access = Find(x.clauses, "facility_access", "24-211.07(a)(2)");
  REQUIRE(access != nullptr);
  CHECK(access->stance == Stance::kRestricts);
  // Citations from the text and the history notes.
  auto has = [&](const std::string& normalized) {
    return std::any_of(x.citations.begin(), x.citations.end(), [&](const Citation& c) { return c.normalized == normalized; });
  };
  CHECK(has("28 U.S.C. § 631"));
  CHECK(has("D.C. Code § 24-211.02a(c)(6)"));
  CHECK(has("D.C. Law 19-194"));
  CHECK(has("D.C. Act 23-131"));
}
