// The extract stage wired into `foiamine run`: clauses stored with section,
// page, box and citation; `clauses` and `eval`; a rulebook edit re-extracts
// without redoing the text stage; official law XML.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "index/sqlite.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

nlohmann::json FindClause(const std::vector<nlohmann::json>& clauses, const std::string& topic) {
  for (const auto& c : clauses) {
    if (c["topic"] == topic) return c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("run extracts clauses with section, page, box and citation", "[e2e][extract]") {
  ScratchDir dir;
  MakePolicyDrop(dir / "drop", "ps-4020.pdf");
  std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto listed = RunFoiamine("clauses --json --db " + db);
  REQUIRE(listed.exit_code == 0);
  auto clauses = JsonLines(listed.out);
  nlohmann::json notify = FindClause(clauses, "release_notification");
  REQUIRE_FALSE(notify.is_null());
  CHECK(notify["stance"] == "requires");
  CHECK(notify["actor"] == "DOC");
  CHECK(notify["page"] == 2);
  CHECK(notify["section"] == "9.a.(b)");
  CHECK(notify["citation"] == "DOC PS 4020.1F § 9.a.(b), p. 2");
  CHECK(notify["doc_path"] == "ps-4020.pdf");
  CHECK(notify["doc_number"] == "PS 4020.1F");
  CHECK(notify["authority"] == "policy");
  CHECK(notify["method"] == "text");
  CHECK(notify["text"].get<std::string>().find("shall notify Immigration and Customs Enforcement prior to releasing") !=
        std::string::npos);
  // Its box covers the two printed lines of the sentence (x from 72 pt, y
  // below the first lines of the page), top-left origin.
  REQUIRE(notify["bbox"].is_array());
  double x0 = notify["bbox"][0], y0 = notify["bbox"][1], x1 = notify["bbox"][2], y1 = notify["bbox"][3];
  CHECK(x0 == Approx(72).margin(2));
  CHECK(y0 > 90);
  CHECK(y1 > y0 + 15);  // two lines
  CHECK(x1 > x0 + 200);
  // char offsets slice the sentence out of the page text.
  auto pages = JsonLines(RunFoiamine("pages --json --doc ps-4020.pdf --db " + db).out);
  REQUIRE(pages.size() == 2);
  std::string page_text = pages[1]["text"];
  int start = notify["char_start"], end = notify["char_end"];
  CHECK(page_text.substr(start, end - start).rfind("(b) Records office staff shall notify", 0) == 0);

  // The human listing groups by document and shows the citation.
  auto human = RunFoiamine("clauses --topic release_notification --db " + db);
  CHECK(human.out.find("DOC PS 4020.1F § 9.a.(b), p. 2  release_notification / requires / DOC") != std::string::npos);
  // Search hits now carry the section.
  auto hits = JsonLines(RunFoiamine("search '\"notify Immigration\"' --json --db " + db).out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["section"] == "9.a.(b)");
  CHECK(hits[0]["citation"] == "DOC PS 4020.1F § 9.a.(b), p. 2");
}

TEST_CASE("a rulebook edit re-extracts every document and redoes nothing else", "[e2e][extract]") {
  ScratchDir dir;
  MakePolicyDrop(dir / "drop", "ps-4020.pdf");
  std::string rules = ReadFile(ShippedRulebookPath());
  WriteFile(dir / "rulebook.yaml", rules);
  std::string args = "run " + Quote((dir / "drop").string()) + " --rulebook " + Quote((dir / "rulebook.yaml").string()) +
                     " --db " + Quote((dir / "i.db").string());
  REQUIRE(RunFoiamine(args).exit_code == 0);
  auto unchanged = RunFoiamine(args);
  CHECK(unchanged.out.find("re-extracted") == std::string::npos);
  // An analyst's edit (here a comment) changes the rulebook's hash.
  WriteFile(dir / "rulebook.yaml", rules + "\n# reviewed by the analysts\n");
  auto edited = RunFoiamine(args);
  INFO(edited.out << edited.err);
  REQUIRE(edited.exit_code == 0);
  CHECK(edited.out.find("re-extracted    1 (rulebook changed; text and OCR reused)") != std::string::npos);
  CHECK(edited.out.find("new documents   0") != std::string::npos);
  auto db = Database::Open((dir / "i.db").string(), Database::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto stmt = db->Prepare("SELECT count(*), (SELECT count(*) FROM pages), (SELECT count(*) FROM stage_versions "
                          "WHERE stage='extract') FROM clauses WHERE topic='release_notification'");
  REQUIRE(stmt.ok());
  REQUIRE(stmt->Step());
  CHECK(stmt->Int(0) == 1);  // replaced, not duplicated
  CHECK(stmt->Int(1) == 2);
  CHECK(stmt->Int(2) == 1);

  // A broken rulebook is a usage error that changes nothing.
  WriteFile(dir / "rulebook.yaml", "topics: [unclosed\n");
  auto broken = RunFoiamine(args);
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("rulebook.yaml") != std::string::npos);

  // The same on a fresh index, where the text helpers read the drop's first
  // PDFs while the rulebook compiles (pipeline/run_start.h): the rulebook's
  // error, and no index, no lock file.
  MakePolicyDrop(dir / "drop", "ps-4021.pdf");
  const std::string fresh = "run " + Quote((dir / "drop").string()) + " --rulebook " +
                            Quote((dir / "rulebook.yaml").string()) + " --db " + Quote((dir / "new.db").string());
  auto broken_fresh = RunFoiamine(fresh);
  CHECK(broken_fresh.exit_code == 1);
  CHECK(broken_fresh.err == broken.err);
  CHECK_FALSE(fs::exists(dir / "new.db"));
  for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().filename().string().rfind("new.db", 0) != 0);
}

TEST_CASE("eval scores clauses against labels", "[e2e][extract][eval]") {
  ScratchDir dir;
  MakePolicyDrop(dir / "drop", "ps-4020.pdf");
  std::string db = Quote((dir / "i.db").string());
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db).exit_code == 0);
  WriteFile(dir / "labels" / "clauses.jsonl",
            R"j({"doc_path": "ps-4020.pdf", "page": 2, "section": "9.a.(b)", "topic": "release_notification", "stance": "requires", "actor": "DOC", "quote": "shall notify Immigration and Customs Enforcement prior to releasing"})j"
            "\n"
            R"j({"doc_path": "ps-4020.pdf", "page": 1, "section": "1.", "topic": "counsel_access", "stance": "requires", "actor": "DOC", "quote": "property is returned"})j"
            "\n");
  auto eval = RunFoiamine("eval --verbose --labels " + Quote((dir / "labels").string()) + " --db " + db);
  INFO(eval.out << eval.err);
  REQUIRE(eval.exit_code == 0);
  CHECK(eval.out.find("missed:     ps-4020.pdf p.1 counsel_access requires: property is returned") != std::string::npos);
  // One of two labels found.
  CHECK(eval.out.find("0.50") != std::string::npos);
  auto missing = RunFoiamine("eval --labels " + Quote((dir / "nowhere").string()) + " --db " + db);
  CHECK(missing.exit_code == 1);
}

TEST_CASE("official D.C. Code XML is indexed as law with exact subsection citations", "[e2e][extract][shared]") {
  fs::path eval = SharedEval();
  if (eval.empty()) {
    SKIP_TEST("../shared/eval is absent: skipping the D.C. Code XML test");
  }
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  fs::copy_file(eval / "dc-law-xml-codified" / "code-sections" / "24-211.07.xml", dir / "drop" / "24-211.07.xml");
  std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto clauses = JsonLines(RunFoiamine("clauses --json --authority law --db " + db).out);
  REQUIRE_FALSE(clauses.empty());
  bool hold = false;
  for (const auto& c : clauses) {
    if (c["section"] == "24-211.07(a)(1)" && c["topic"] == "detainer_hold" && c["stance"] == "restricts") {
      hold = true;
      CHECK(c["citation"] == "D.C. Code § 24-211.07(a)(1), p. 1");
      CHECK(c["bbox"].is_null());
    }
  }
  CHECK(hold);
}

namespace {

// Sets an environment variable for one test (the foiamine it runs inherits
// it) and restores the old value after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("run applies the clause verifier it is given, says so in each rule, and re-extracts for a new one",
          "[e2e][extract][verifier]") {
  ScratchDir dir;
  MakePolicyDrop(dir / "drop", "ps-4020.pdf");
  const std::string db = Quote((dir / "i.db").string());
  const std::string run = "run " + Quote((dir / "drop").string()) + " --db " + db;
  auto binding = [&] {
    int n = 0, revised = 0;
    for (const auto& c : JsonLines(RunFoiamine("clauses --json --db " + db).out)) {
      n += c["stance"] != "mentions";
      revised += c["rule"].get<std::string>().find("@verifier(") != std::string::npos;
    }
    return std::pair{n, revised};
  };
  {
    ScopedEnv rules_alone("FOIAMINE_CLAUSE_VERIFIER", "none");
    REQUIRE(RunFoiamine(run).exit_code == 0);
  }
  const auto [rules_binding, rules_revised] = binding();
  REQUIRE(rules_binding > 0);
  CHECK(rules_revised == 0);

  // A model that calls every clause `none`: every binding clause becomes a mention.
  WriteFile(dir / "none.tsv",
            "version\t1\nclasses\tnone\tpermits\treports\trequires\trestricts\n"
            "thresholds\tdemote=0.6\tchange=0.5\tpromote=0.6\nbias\t10\t-10\t-10\t-10\t-10\n");
  {
    ScopedEnv model("FOIAMINE_CLAUSE_VERIFIER", (dir / "none.tsv").string());
    auto again = RunFoiamine(run);
    INFO(again.out << again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("re-extracted    1 (rulebook changed; text and OCR reused)") != std::string::npos);
  }
  const auto [model_binding, model_revised] = binding();
  CHECK(model_binding == 0);
  CHECK(model_revised == rules_binding);
  auto notify = JsonLines(RunFoiamine("clauses --json --topic release_notification --db " + db).out);
  REQUIRE_FALSE(notify.empty());
  CHECK(notify[0]["rule"].get<std::string>().find("@verifier(requires->mentions)") != std::string::npos);

  // A missing or malformed model is a usage error that names the file.
  {
    ScopedEnv missing("FOIAMINE_CLAUSE_VERIFIER", (dir / "absent.tsv").string());
    auto failed = RunFoiamine(run);
    CHECK(failed.exit_code == 1);
    CHECK(failed.err.find("absent.tsv") != std::string::npos);
  }
  WriteFile(dir / "bad.tsv", "version\t1\nclasses\tnone\n");
  {
    ScopedEnv bad("FOIAMINE_CLAUSE_VERIFIER", (dir / "bad.tsv").string());
    auto failed = RunFoiamine(run);
    CHECK(failed.exit_code == 1);
    CHECK(failed.err.find("bad.tsv: line 2") != std::string::npos);
  }
  CHECK(binding().first == 0);  // the failed runs changed nothing
}
