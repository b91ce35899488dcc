// make_synthetic_drop: a deterministic synthetic FOIA production for the
// batch benchmarks (bench/README.md).
//
//   make_synthetic_drop OUT_DIR --docs N --pages P [--seed S] [--first K]
//                       [--scanned 0.01] [--vocabulary large|small]
//
// Writes documents K .. K+N-1 as OUT_DIR/<agency>/<kind>-<i>.pdf: Letter
// pages of policy-like prose (numbered sections, "shall"/"may" sentences)
// with a few relevant clauses mixed in ("... shall notify Immigration and
// Customs Enforcement prior to release ..."), set in DejaVu Sans with
// cairo's PDF surface. About `--scanned` of the pages are "scanned": drawn
// to a 150-dpi gray raster with a little noise and placed in the PDF as an
// image, so they have no text layer and need OCR.
//
// --vocabulary large (the default) writes prose the way real records read
// to a full-text index: most sentences are drawn from a 20,000-word
// vocabulary with a Zipf distribution (the most frequent ~100 are common
// English words, the rest made-up words built from syllables), some are
// records-office sentences ("Intake officers shall verify the property
// inventory ..."), and about one sentence in 300 is a relevant clause, so a
// page in eight or so has one. A word like "detainer" is then on a few
// percent of pages, as in a real production. --vocabulary small is the
// stress case: only the ~150 template words, so every query word is on a
// third or more of all pages.
//
// Document i depends only on (seed, i): regenerating is byte-identical, and
// `--first 1000 --docs 10` adds ten new documents to a 1000-document drop.
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const char* kAgencies[] = {"DOC", "MPD", "DYRS", "DHS", "OAG", "EOM"};
const char* kKinds[] = {"policy", "general-order", "sop", "directive", "memo"};
const char* kSubjects[] = {"Records office staff", "The shift supervisor", "Intake officers", "The Department",
                           "Case managers", "The watch commander", "Facility staff", "The duty officer",
                           "Classification staff", "The reviewing official"};
const char* kVerbs[] = {"shall review", "shall document", "may request", "must verify", "shall forward",
                        "should confirm", "shall retain", "may consult", "shall record", "must complete"};
const char* kObjects[] = {"the property inventory", "the commitment order", "each release packet",
                          "the medical screening form", "the visitor log", "the classification worksheet",
                          "all incident reports", "the daily population count", "the transport manifest",
                          "the grievance file", "the court disposition", "the booking photograph"};
const char* kTails[] = {"before the end of the shift", "within 24 hours", "in the automated records system",
                        "in accordance with Section 4", "unless otherwise directed", "as soon as practicable",
                        "and notify the supervisor of any discrepancy", "using the approved form",
                        "prior to transfer", "at least once each week"};
const char* kHeadings[] = {"PURPOSE", "SCOPE", "POLICY", "DEFINITIONS", "PROCEDURES", "RESPONSIBILITIES",
                           "RECORDS", "TRAINING", "REVIEW", "DISTRIBUTION"};
// Relevant clauses, as they appear in real productions (roughly 1 page in 8).
const char* kClauses[] = {
    "Records office staff shall notify Immigration and Customs Enforcement prior to releasing an inmate who is "
    "the subject of a detainer.",
    "No officer shall inquire about the immigration status or place of birth of any person.",
    "The Department shall not hold any person beyond the time of release solely on the basis of an "
    "immigration detainer.",
    "Staff may provide the release date and address of an inmate to federal immigration authorities upon request.",
    "Agents of ICE shall not be permitted access to the booking area without a judicial warrant.",
    "The night clerk emails the discharge list to ERO before each release.",
};

// The most frequent words of English prose, most frequent first.
const char* kCommonWords[] = {
    "the", "of", "and", "to", "a", "in", "for", "is", "on", "that", "by", "this", "with", "be", "or", "are",
    "from", "at", "as", "any", "all", "not", "an", "which", "will", "such", "its", "other", "has", "may",
    "each", "been", "have", "under", "who", "their", "these", "no", "person", "section", "within", "than",
    "upon", "after", "days", "date", "shall", "office", "department", "staff", "report", "information",
    "required", "provided", "following", "district", "policy", "procedures", "records", "accordance",
    "applicable", "made", "time", "period", "including", "public", "written", "request", "notice", "must",
    "employee", "member", "director", "order", "form", "facility", "case", "court", "agency", "review",
    "responsible", "authorized", "approved", "purpose", "federal", "local", "program", "services",
    "appropriate", "designated", "copy", "file", "number", "unit", "when", "where", "there", "only", "also",
    "more", "into", "those", "between", "through", "during", "without"};

// Syllables of the made-up words (none of them spells a word the benchmark
// queries: detainer, inventory, release, notify, immigration, ...).
const char* kSyllables[] = {"ba", "ko", "ri", "ten", "vo", "lu", "mar", "sen", "pi", "dor", "qua", "fel",
                            "gri", "zu", "hal", "nem", "tro", "wix", "sar", "blo", "cun", "dre", "ep", "ost"};

// A Zipf-Mandelbrot vocabulary: word r is drawn with weight 1/(r + 2.7).
class Vocabulary {
 public:
  explicit Vocabulary(size_t size) {
    for (const char* w : kCommonWords) words_.emplace_back(w);
    for (size_t r = 0; words_.size() < size; ++r) {
      std::string word;
      size_t n = r;
      do {  // a base-24 numeral in syllables: distinct for distinct r
        word += kSyllables[n % 24];
        n /= 24;
      } while (n > 0);
      if (word.size() < 5) word += kSyllables[(r * 7) % 24];
      words_.push_back(word);
    }
    double total = 0;
    for (size_t r = 0; r < words_.size(); ++r) {
      total += 1.0 / (static_cast<double>(r) + 2.7);
      cumulative_.push_back(total);
    }
    for (double& c : cumulative_) c /= total;
  }
  // `unit` uniform in [0, 1).
  const std::string& Draw(double unit) const {
    size_t r = static_cast<size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), unit) - cumulative_.begin());
    return words_[std::min(r, words_.size() - 1)];
  }

 private:
  std::vector<std::string> words_;
  std::vector<double> cumulative_;
};

class Rng {
 public:
  Rng(uint64_t seed, uint64_t doc) : gen_(seed * 1000003ULL + doc * 7919ULL + 17) {}
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(gen_); }
  double Unit() { return std::uniform_real_distribution<double>(0, 1)(gen_); }
  template <size_t N>
  const char* Of(const char* (&items)[N]) { return items[Pick(N)]; }

 private:
  std::mt19937_64 gen_;
};

// Wraps a paragraph to lines of at most `width` characters.
void Wrap(const std::string& text, size_t width, std::vector<std::string>& lines) {
  std::string line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
}

// One sentence of prose: a relevant clause, a records-office sentence, or
// (large vocabulary only) a sentence of vocabulary words.
std::string Sentence(Rng& rng, const Vocabulary* vocabulary) {
  const double clause_rate = vocabulary ? 0.003 : 0.03;
  if (rng.Unit() < clause_rate) return rng.Of(kClauses);
  if (!vocabulary || rng.Unit() < 0.04) {
    return std::string(rng.Of(kSubjects)) + " " + rng.Of(kVerbs) + " " + rng.Of(kObjects) + " " + rng.Of(kTails) +
           ".";
  }
  std::string text;
  const size_t words = 8 + rng.Pick(11);
  for (size_t i = 0; i < words; ++i) {
    std::string word = vocabulary->Draw(rng.Unit());
    if (i == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    text += (i ? " " : "") + word;
  }
  return text + ".";
}

std::vector<std::string> PageLines(Rng& rng, const Vocabulary* vocabulary, int doc, int page, int pages,
                                   const std::string& title) {
  std::vector<std::string> lines;
  if (page == 1) {
    lines.push_back(title);
    lines.push_back("Effective Date: 20" + std::to_string(10 + rng.Pick(15)) + "-0" + std::to_string(1 + rng.Pick(9)) +
                    "-1" + std::to_string(rng.Pick(10)));
    lines.push_back("");
  }
  int section = (page - 1) * 2 + 1;
  while (lines.size() < 44) {
    lines.push_back(std::to_string(section) + ". " + rng.Of(kHeadings));
    int paragraphs = 2 + static_cast<int>(rng.Pick(2));
    for (int p = 0; p < paragraphs && lines.size() < 44; ++p) {
      std::string text = std::string(1, static_cast<char>('a' + p)) + ". ";
      int sentences = 3 + static_cast<int>(rng.Pick(3));
      for (int s = 0; s < sentences; ++s) text += Sentence(rng, vocabulary) + " ";
      Wrap(text, 92, lines);
    }
    ++section;
  }
  lines.resize(44);
  lines.push_back("");
  lines.push_back("Document " + std::to_string(doc) + " - Page " + std::to_string(page) + " of " +
                  std::to_string(pages));
  return lines;
}

void DrawLines(cairo_t* cr, const std::vector<std::string>& lines, double scale) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 9.5 * scale);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = 54 * scale;
  for (const auto& line : lines) {
    cairo_move_to(cr, 54 * scale, y);
    cairo_show_text(cr, line.c_str());
    y += 14.5 * scale;
  }
}

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

// A scanned page: the text drawn at 150 dpi in gray with speckle noise,
// painted onto the PDF page as an image (no text layer).
void DrawScannedPage(cairo_t* pdf, const std::vector<std::string>& lines, Rng& rng) {
  const double scale = 150.0 / 72.0;
  const int w = static_cast<int>(612 * scale), h = static_cast<int>(792 * scale);
  std::unique_ptr<cairo_surface_t, SurfaceFree> image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  {
    std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(image.get()));
    cairo_set_source_rgb(cr.get(), 0.97, 0.97, 0.95);
    cairo_paint(cr.get());
    cairo_rotate(cr.get(), (rng.Unit() - 0.5) * 0.01);  // slight skew
    DrawLines(cr.get(), lines, scale);
  }
  cairo_surface_flush(image.get());
  unsigned char* data = cairo_image_surface_get_data(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  for (int i = 0; i < w * h / 400; ++i) {  // speckle
    int x = static_cast<int>(rng.Pick(w)), y = static_cast<int>(rng.Pick(h));
    uint32_t* px = reinterpret_cast<uint32_t*>(data + y * stride) + x;
    *px = 0x00606060;
  }
  cairo_surface_mark_dirty(image.get());
  cairo_save(pdf);
  cairo_scale(pdf, 1 / scale, 1 / scale);
  cairo_set_source_surface(pdf, image.get(), 0, 0);
  cairo_paint(pdf);
  cairo_restore(pdf);
}

int Usage() {
  std::cerr << "usage: make_synthetic_drop OUT_DIR --docs N --pages P [--seed S] [--first K] [--scanned F]\n"
               "                          [--vocabulary large|small]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  fs::path out = argv[1];
  long docs = 0, pages = 0, seed = 1, first = 0;
  double scanned = 0.01;
  std::string vocabulary_size = "large";
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--docs") docs = std::atol(argv[i + 1]);
    else if (flag == "--pages") pages = std::atol(argv[i + 1]);
    else if (flag == "--seed") seed = std::atol(argv[i + 1]);
    else if (flag == "--first") first = std::atol(argv[i + 1]);
    else if (flag == "--scanned") scanned = std::atof(argv[i + 1]);
    else if (flag == "--vocabulary") vocabulary_size = argv[i + 1];
    else return Usage();
  }
  if (docs <= 0 || pages <= 0 || (vocabulary_size != "large" && vocabulary_size != "small")) return Usage();
  std::optional<Vocabulary> large;
  if (vocabulary_size == "large") large.emplace(20000);
  const Vocabulary* vocabulary = large ? &*large : nullptr;
  long scanned_pages = 0;
  // manifest.csv: authority and doc_kind for the filtered search benchmark.
  // Appended to when adding documents (--first) to an existing drop.
  fs::create_directories(out);
  const bool new_manifest = !fs::exists(out / "manifest.csv");
  std::unique_ptr<FILE, int (*)(FILE*)> manifest(std::fopen((out / "manifest.csv").c_str(), "a"), std::fclose);
  if (!manifest) {
    std::cerr << "make_synthetic_drop: cannot write " << (out / "manifest.csv") << "\n";
    return 1;
  }
  if (new_manifest) std::fputs("path,title,agency,doc_kind,authority,number,issued,effective,source\n", manifest.get());
  for (long d = first; d < first + docs; ++d) {
    Rng rng(static_cast<uint64_t>(seed), static_cast<uint64_t>(d));
    const char* agency = rng.Of(kAgencies);
    const char* kind = rng.Of(kKinds);
    char name[64];
    std::snprintf(name, sizeof name, "%s-%06ld.pdf", kind, d);
    fs::path path = out / agency / name;
    fs::create_directories(path.parent_path());
    std::string title = std::string(agency) + " " + kind + " " + std::to_string(d) + ": " + rng.Of(kHeadings) +
                        " of " + rng.Of(kObjects);
    const bool practice = std::string(kind) == "memo";
    std::fprintf(manifest.get(), "%s/%s,%s,%s,%s,%s,%s-%ld,2020-01-01,,SYN-%ld\n", agency, name, title.c_str(), agency,
                 practice ? "correspondence" : "jail_policy", practice ? "practice" : "policy", kind, d, seed);
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(cairo_pdf_surface_create(path.c_str(), 612, 792));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "foiamine make_synthetic_drop");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, "2024-01-01T00:00:00Z");
    std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
    for (long p = 1; p <= pages; ++p) {
      auto lines = PageLines(rng, vocabulary, static_cast<int>(d), static_cast<int>(p), static_cast<int>(pages), title);
      if (rng.Unit() < scanned) {
        DrawScannedPage(cr.get(), lines, rng);
        ++scanned_pages;
      } else {
        DrawLines(cr.get(), lines, 1.0);
      }
      cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      std::cerr << "make_synthetic_drop: cannot write " << path << "\n";
      return 1;
    }
  }
  std::cout << "make_synthetic_drop: " << docs << " documents, " << docs * pages << " pages (" << scanned_pages
            << " scanned) in " << out.string() << "\n";
  return 0;
}
