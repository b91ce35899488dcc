#include "pipeline/extract_stage.h"
#include <optional>
#include <mutex>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/format.h"
#include "index/citation_string.h"
#include "base/utf8.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

// A data file of schemas/: $ENV, else the source tree's schemas/FILE (a
// development build), else the installed /usr/share/foiamine/FILE.
std::string ResolveSchemaFile(const char* env_name, const char* file) {
  if (const char* env = std::getenv(env_name); env && *env) return env;
  std::error_code ec;
  fs::path source = fs::path(FOIAMINE_SOURCE_SCHEMAS_DIR) / file;
  if (fs::is_regular_file(source, ec)) return source.string();
  return (fs::path("/usr/share/foiamine") / file).string();
}

// The whole text of a data file; NotFound names it as `what` and says how to
// point at another (`hint`).
StatusOr<std::string> ReadDataFile(const std::string& path, const std::string& what, const std::string& hint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read the " + what + " " + path + " (" + hint + ")");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string ResolveRulebookPath(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  return ResolveSchemaFile("FOIAMINE_RULEBOOK", "rulebook.yaml");
}

StatusOr<extractors::Rulebook> LoadRulebookFile(const std::string& path) {
  auto text = ReadDataFile(path, "rulebook", "set --rulebook or FOIAMINE_RULEBOOK");
  if (!text.ok()) return text.status();
  // A run checks no examples (the tests do), so it does not parse them.
  auto rulebook = extractors::LoadRulebook(*text, extractors::RulebookExamples::kSkip);
  if (!rulebook.ok()) return Status::InvalidArgument(path + ": " + rulebook.status().message());
  auto jurisdictions = LoadJurisdictionsFile(ResolveJurisdictionsPath());
  if (!jurisdictions.ok()) return jurisdictions.status();
  Status exemptions;
  if (!ExemptionSchemesInUse(&exemptions)) return exemptions;
  extractors::Rulebook with_jurisdictions = rulebook->WithJurisdictions(std::move(*jurisdictions));
  const std::string verifier_path = ResolveClauseVerifierPath();
  if (verifier_path == "none") return with_jurisdictions;  // the rules alone, as verifier_train.py measures them
  auto verifier_text =
      ReadDataFile(verifier_path, "clause verifier", "set FOIAMINE_CLAUSE_VERIFIER, or to 'none' for the rules alone");
  if (!verifier_text.ok()) return verifier_text.status();
  auto verifier = extractors::ParseClauseVerifier(*verifier_text);
  if (!verifier.ok()) return Status::InvalidArgument(verifier_path + ": " + verifier.status().message());
  return with_jurisdictions.WithVerifier(std::move(*verifier));
}

std::string ResolveClauseVerifierPath() {
  return ResolveSchemaFile("FOIAMINE_CLAUSE_VERIFIER", "clause_verifier.tsv");
}

std::string ResolveJurisdictionsPath() { return ResolveSchemaFile("FOIAMINE_JURISDICTIONS", "jurisdictions.yaml"); }

StatusOr<extractors::Jurisdictions> LoadJurisdictionsFile(const std::string& path) {
  auto text = ReadDataFile(path, "jurisdictions", "set FOIAMINE_JURISDICTIONS");
  if (!text.ok()) return text.status();
  auto jurisdictions = extractors::LoadJurisdictions(*text);
  if (!jurisdictions.ok()) return Status::InvalidArgument(path + ": " + jurisdictions.status().message());
  return jurisdictions;
}

std::string ResolveExemptionsPath() { return ResolveSchemaFile("FOIAMINE_EXEMPTIONS", "exemptions.yaml"); }

const extractors::ExemptionSchemes* ExemptionSchemesInUse(Status* status) {
  static std::once_flag once;
  static std::optional<extractors::ExemptionSchemes> schemes;
  static Status load_status;
  std::call_once(once, [] {
    const std::string path = ResolveExemptionsPath();
    auto text = ReadDataFile(path, "exemption codes", "set FOIAMINE_EXEMPTIONS");
    if (!text.ok()) {
      load_status = text.status();
      return;
    }
    auto loaded = extractors::LoadExemptionSchemes(*text);
    if (!loaded.ok()) {
      load_status = Status::InvalidArgument(path + ": " + loaded.status().message());
      return;
    }
    schemes = std::move(loaded.value());
  });
  if (status) *status = load_status;
  return schemes ? &*schemes : nullptr;
}

std::string ExtractStageVersion(const extractors::Rulebook& rulebook) {
  const extractors::ExemptionSchemes* schemes = ExemptionSchemesInUse();
  return rulebook.hash() + "+" + (schemes ? schemes->hash() + "+" : std::string()) + kExtractCodeVersion;
}

std::vector<PageForExtraction> PagesForExtraction(const std::vector<SourcePage>& pages,
                                                  const std::vector<NormalizedPage>& normalized) {
  std::vector<PageForExtraction> out;
  for (size_t p = 0; p < pages.size(); ++p) {
    PageForExtraction page;
    page.page_no = pages[p].page_no;
    page.text = normalized[p].text;
    page.redacted = !pages[p].redactions.empty();
    for (size_t w = 0; w < pages[p].words.size(); ++w) {
      if (pages[p].words[w].box) page.word_boxes.emplace_back(normalized[p].word_spans[w], *pages[p].words[w].box);
    }
    out.push_back(std::move(page));
  }
  return out;
}

namespace {

std::optional<Box> UnionOfWords(const PageForExtraction& page, int start, int end) {
  std::optional<Box> box;
  for (const auto& [span, word_box] : page.word_boxes) {
    if (static_cast<int>(span.end) <= start || static_cast<int>(span.start) >= end) continue;
    if (span.start == span.end) continue;
    if (!box) {
      box = word_box;
    } else {
      box->x0 = std::min(box->x0, word_box.x0);
      box->y0 = std::min(box->y0, word_box.y0);
      box->x1 = std::max(box->x1, word_box.x1);
      box->y1 = std::max(box->y1, word_box.y1);
    }
  }
  return box;
}

}  // namespace

ExtractedDocument RunExtractStage(const extractors::Rulebook& rulebook, const std::string& doc_sha256,
                                  const std::string& display_path, const extractors::DocumentMetadata& known,
                                  const std::vector<PageForExtraction>& pages,
                                  const std::vector<extractors::Section>& explicit_sections) {
  extractors::DocumentInput input;
  input.metadata = known;
  input.sections = explicit_sections;
  for (const auto& page : pages) input.pages.push_back(extractors::PageText{page.page_no, page.text});
  extractors::Extraction found = extractors::ExtractDocument(rulebook, input);

  ExtractedDocument out;
  out.identity = found.identity;
  // An agency read from the text ("METROPOLITAN POLICE DEPARTMENT") is named
  // by its short name, as manifests and actors name it ("MPD"); a manifest's
  // own value is kept as given.
  // DC's short names only where DC's agencies can be (not "DOC" for
  // California's Department of Corrections and Rehabilitation).
  if (out.identity.agency.inferred) {
    std::string canonical = rulebook.CanonicalAgency(out.identity.agency.value);
    std::string lower = canonical;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!rulebook.jurisdictions() ||
        !extractors::ActorScopeOf(*rulebook.jurisdictions(), out.identity.jurisdiction.value).foreign_actors.count(lower))
      out.identity.agency.value = canonical;
  }
  out.sections = std::move(found.sections);
  out.citations = std::move(found.citations);
  out.rulebook_hash = ExtractStageVersion(rulebook);
  out.relations = extractors::FindDocumentRelations(input.pages);
  out.dates = extractors::FindDocumentDates(input);
  for (const auto& page : pages) {
    if (auto stamp = extractors::FindBatesStamp(page.text)) out.bates.push_back(PageBates{page.page_no, *stamp});
  }
  if (const extractors::ExemptionSchemes* schemes = ExemptionSchemesInUse()) {
    std::string document_text;
    for (const auto& page : pages) document_text += page.text + "\n";
    const std::vector<bool> contexts = extractors::DocumentContexts(*schemes, document_text);
    for (const auto& page : pages) {
      for (auto& code : extractors::FindExemptionCodes(*schemes, page.text, contexts, page.redacted)) {
        PageExemption e;
        e.page_no = page.page_no;
        e.char_start = static_cast<int>(CountCodePoints(std::string_view(page.text).substr(0, code.start)));
        e.char_end = static_cast<int>(CountCodePoints(std::string_view(page.text).substr(0, code.end)));
        e.box = UnionOfWords(page, e.char_start, e.char_end);
        e.code = std::move(code);
        out.exemptions.push_back(std::move(e));
      }
    }
  }
  for (auto& clause : found.clauses) {
    StoredClause stored;
    stored.id = ClauseId(doc_sha256, clause.page, clause.char_start, clause.topic);
    for (const extractors::ClausePart& part : clause.parts) {
      auto page = std::find_if(pages.begin(), pages.end(),
                               [&](const PageForExtraction& p) { return p.page_no == part.page; });
      stored.part_boxes.push_back(page != pages.end() ? UnionOfWords(*page, part.char_start, part.char_end)
                                                      : std::nullopt);
    }
    // (the box of the part on the page the clause is cited on)
    for (size_t k = 0; k < clause.parts.size() && k < stored.part_boxes.size(); ++k)
      if (clause.parts[k].page == clause.page) stored.box = stored.part_boxes[k];
    std::string bates;
    for (const PageBates& b : out.bates)
      if (b.page_no == clause.page) bates = b.stamp.number;
    CitationParts parts{out.identity.agency.value, out.identity.number.value, out.identity.title.value,
                        display_path, clause.section, clause.page, bates};
    // A transcript passage is pin-cited from the line it starts on: "Tr. 2:24-3:2". A bill's or a statute's numbered
    // lines are no transcript's: its clause is cited by its section and page.
    const bool transcript_lines = out.identity.doc_kind.value == "transcript" ||
                                  (out.identity.authority.value != "law" && out.identity.doc_kind.value != "bill");
    if (!clause.parts.empty() && clause.parts.front().first_line > 0 && transcript_lines) {
      parts.page = clause.parts.front().page;
      parts.first_line = clause.parts.front().first_line;
      parts.last_line = clause.parts.back().last_line > 0 ? clause.parts.back().last_line
                                                          : clause.parts.front().last_line;
      parts.end_page = clause.parts.back().last_line > 0 ? clause.parts.back().page : clause.page;
    }
    stored.citation = FormatCitation(parts);
    stored.clause = std::move(clause);
    out.clauses.push_back(std::move(stored));
  }
  return out;
}

std::string InferTitle(const std::vector<NormalizedPage>& pages, const std::string& pdf_title) {
  if (!pdf_title.empty() && pdf_title.size() > 3 && pdf_title.find(".doc") == std::string::npos &&
      pdf_title != "untitled" && pdf_title != "Untitled") {
    return pdf_title;
  }
  for (const auto& page : pages) {
    std::istringstream lines(page.text);
    std::string line;
    while (std::getline(lines, line)) {
      int letters = 0;
      for (unsigned char c : line) letters += std::isalpha(c) != 0;
      if (letters >= 4) return SubstrCodePoints(line, 0, 160);
    }
    if (!page.text.empty()) break;
  }
  return {};
}

}  // namespace foiamine
