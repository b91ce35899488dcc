// Real police policies nobody here wrote (../shared/eval), read at run time
// through pdftotext; skipped when ../shared is absent.
#include <catch2/catch.hpp>

#include <iostream>

#include "extractors/extract.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::RunShell;
using foiamine::testing::SharedEval;
using foiamine::testing::SourceDir;

namespace {

std::optional<Extraction> ExtractPdf(const std::string& relative) {
  const auto pdf = SharedEval() / "police-policies-illinois" / relative;
  auto result = RunShell("pdftotext " + foiamine::testing::Quote(pdf.string()) + " -");
  if (result.exit_code != 0) return std::nullopt;
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  DocumentInput input;
  input.pages = foiamine::testing::NormalizedPages(result.out);  // the pipeline's normalizer
  Extraction x = ExtractDocument(*rules, input);
  std::cout << relative << ": " << x.identity.title.value << " | " << x.identity.number.value << " | "
            << x.identity.agency.value << " | " << x.identity.doc_kind.value << "\n";
  for (const Clause& c : x.clauses)
    std::cout << "  p" << c.page << " " << c.section << " " << c.topic << "/" << StanceName(c.stance) << " "
              << c.actor << " [" << c.rule << "] " << c.text.substr(0, 110) << "\n";
  return x;
}

const Clause* Find(const Extraction& x, const std::string& topic, const std::string& section, Stance stance) {
  for (const Clause& c : x.clauses)
    if (c.topic == topic && c.section == section && c.stance == stance) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("real Lexipol immigration policy: sections and clauses", "[extractors][eval]") {
  if (SharedEval().empty()) {
    SKIP_TEST("../shared/eval is absent: skipping the Illinois policies");
  }
  auto x = ExtractPdf("born-digital/413-immigration-violations.pdf");
  if (!x) {
    SKIP_TEST("pdftotext failed or is missing: skipping");
  }
  std::vector<std::string> paths;
  for (const Section& s : x->sections) paths.push_back(s.path);
  for (const std::string& p : paths) CHECK(p.find("Violations") == std::string::npos);  // headers stay out
  CHECK(std::find(paths.begin(), paths.end(), "413.7.1") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "413.4.1(b)") != paths.end());  // continues across the page break
  CHECK(Find(*x, "detainer_hold", "413.7.1", Stance::kRestricts) != nullptr);
  CHECK(Find(*x, "release_notification", "413.7.1", Stance::kRequires) != nullptr);
  CHECK(Find(*x, "information_sharing", "413.7(a)", Stance::kPermits) != nullptr);
  CHECK(Find(*x, "status_inquiry", "413.4.2", Stance::kPermits) != nullptr);
  CHECK(Find(*x, "facility_access", "413.5", Stance::kReports) != nullptr);
  CHECK(Find(*x, "enforcement_assistance", "413.6", Stance::kPermits) != nullptr);
}
