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

// A stand-in for the pipeline's normalize stage: quotes, dashes, spaces;
// pages split at form feeds.
std::vector<PageText> PagesOf(const std::string& raw) {
  std::string s = raw;
  const std::pair<std::string, std::string> replace[] = {
      {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},
      {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}, {"\xC2\xAD", ""}, {"\xC2\xA0", " "}};
  for (const auto& [from, to] : replace)
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
  std::vector<PageText> pages;
  size_t start = 0;
  while (start <= s.size()) {
    size_t ff = s.find('\f', start);
    std::string page = s.substr(start, ff == std::string::npos ? std::string::npos : ff - start);
    std::string folded;
    for (char c : page) {
      if (c == ' ' && !folded.empty() && folded.back() == ' ') continue;
      folded.push_back(c);
    }
    if (!folded.empty() || ff != std::string::npos) pages.push_back(PageText{static_cast<int>(pages.size()) + 1, folded});
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  while (!pages.empty() && pages.back().text.find_first_not_of(" \n") == std::string::npos) pages.pop_back();
  return pages;
}

std::optional<Extraction> ExtractPdf(const std::string& relative) {
  const auto pdf = SharedEval() / "police-policies-illinois" / relative;
  auto result = RunShell("pdftotext " + foiamine::testing::Quote(pdf.string()) + " -");
  if (result.exit_code != 0) return std::nullopt;
  auto rules = LoadRulebook(ReadFile(SourceDir() / "schemas" / "rulebook.yaml"));
  REQUIRE(rules.ok());
  DocumentInput input;
  input.pages = PagesOf(result.out);
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
    WARN("../shared/eval is absent: skipping the Illinois policies");
    return;
  }
  auto x = ExtractPdf("born-digital/413-immigration-violations.pdf");
  if (!x) {
    WARN("pdftotext failed or is missing: skipping");
    return;
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

TEST_CASE("real Illinois policies: explore what is found", "[extractors][eval][.explore]") {
  if (SharedEval().empty()) return;
  for (const char* f : {"born-digital/1.18-Biased-Free-Policing.pdf", "born-digital/D210p Arrest and Detention of Foreign Nationals.pdf",
                        "born-digital/410-foreign-diplomatic-and-consular-representatives.pdf",
                        "born-digital/D417i U-Visa and T-Visa Certification Program.pdf",
                        "large/RELEASE_20200504_T124942_Lisle_PD_Policy_Manual_202006050733112249.pdf"})
    ExtractPdf(f);
}
