// Extraction throughput: MB/s of normalized text through ExtractDocument
// (layout, sections, RE2::Set candidate scan, rules, stance, actor,
// citations, identity), beside `grep -E` over the rulebook's topic anchors.
//
// Two texts, each replicated document by document to about --mb megabytes:
//  - corpus: the corpus truth texts (corpus/truth/**/*.txt, pages split at
//    '\f', normalized as the pipeline's normalize stage does): dense in
//    relevant clauses (about one per 660 bytes);
//  - drop (with --drop DIR): every PDF of a drop made by
//    bench/make_synthetic_drop, read as a run reads it (Poppler's text layer
//    through the pipeline's ExtractPdfTextInProcess, then NormalizePage;
//    pages without a text layer are left out): prose where a relevant
//    clause is rare (one sentence in ~300), as in a real production.
// Each measurement is the median of --runs runs. grep runs on the same text (one file, pages joined
// by newlines) with the anchor pattern of every rule, converted from RE2 to
// POSIX ERE (GNU extensions \b \w \s kept), case-insensitive, once with
// LC_ALL=C and once in a UTF-8 locale.
//
//   extract_bench [--mb 50] [--runs 5] [--source DIR] [--drop DIR] [--only-drop] [--keep] [--no-grep] [--grep-mb N]
//                 [--threads N]
//
// --threads N runs the documents on N threads sharing one rulebook, as a
// re-extraction of an index does (pipeline/reextract_batch.h); MB/s is then
// the wall rate of all of them, MB/CPU-s still per CPU second.
// --grep-mb N greps only the first N MB of the same text (grep's backtracking
// fallback on these patterns is slow: rates are per byte either way).
#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractors/extract.h"
#include "extractors/rulebook_compiled.h"
#include "pipeline/extract_stage.h"
#include "pipeline/normalize.h"
#include "pipeline/pdf_text.h"

namespace fs = std::filesystem;
using namespace foiamine::extractors;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// RE2 syntax -> POSIX ERE as GNU grep reads it (\b \w \W \s kept outside
// brackets; inside brackets, classes spelled out; no non-capturing groups,
// flags or lazy quantifiers).
std::string ToEre(const std::string& re) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (!in_class && re.compare(i, 3, "(?:") == 0) { out += "("; i += 2; continue; }
    if (!in_class && re.compare(i, 5, "(?-i:") == 0) { out += "("; i += 4; continue; }
    if (!in_class && re.compare(i, 4, "(?i)") == 0) { i += 3; continue; }
    if (c == '\\' && i + 1 < re.size()) {
      char n = re[++i];
      if (in_class) {
        if (n == 'w') out += "[:alnum:]_";
        else if (n == 'd') out += "0-9";
        else if (n == 's') out += "[:space:]";
        else if (n == '-') out += "-";  // (kept last by the rulebook's style)
        else out.push_back(n);
      } else {
        if (n == 'd') out += "[0-9]";
        else { out.push_back('\\'); out.push_back(n); }
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      if (i + 1 < re.size() && re[i + 1] == '^') { out.push_back('^'); ++i; }
      continue;
    }
    if (c == '?' && !out.empty() && (out.back() == '}' || out.back() == '*' || out.back() == '+' || out.back() == '?') &&
        i > 0 && re[i - 1] != '\\') {
      continue;  // lazy quantifier: same matches for a yes/no scan
    }
    out.push_back(c);
  }
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

size_t Bytes(const std::vector<DocumentInput>& docs) {
  size_t n = 0;
  for (const DocumentInput& d : docs)
    for (const PageText& p : d.pages) n += p.text.size();
  return n;
}

// The drop's PDFs as a run reads them: Poppler's words, normalized. Sorted
// by path, so the text (and its size) is the same on every machine.
std::vector<DocumentInput> ReadDrop(const fs::path& drop) {
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::recursive_directory_iterator(drop))
    if (e.is_regular_file() && e.path().extension() == ".pdf") pdfs.push_back(e.path());
  std::sort(pdfs.begin(), pdfs.end());
  std::vector<DocumentInput> docs;
  for (const auto& pdf : pdfs) {
    auto source = foiamine::ExtractPdfTextInProcess(pdf);
    if (!source.ok()) {
      std::cerr << pdf.string() << ": " << source.status().ToString() << " (left out)\n";
      continue;
    }
    DocumentInput in;
    for (const foiamine::SourcePage& page : source->pages) {
      if (page.needs_ocr) continue;  // a scanned page: OCR, not measured here
      in.pages.push_back(PageText{page.page_no, foiamine::NormalizePage(page.words).text});
    }
    if (!in.pages.empty()) docs.push_back(std::move(in));
  }
  return docs;
}

// CPU time of this process: on a shared machine the wall clock measures the
// other jobs too.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Measured {
  double mb = 0;
  size_t copies = 0, bytes = 0;
  double seconds = 0;  // median
  double cpu_seconds = 0;  // median
  size_t clauses = 0, citations = 0;
};

// ExtractDocument over every document, replicated to about `target_mb`, on
// `threads` threads sharing the one rulebook (as `run` re-extracts an index:
// pipeline/reextract_batch.h): each takes the next document copy in turn.
Measured TimeExtraction(const Rulebook& rules, const std::vector<DocumentInput>& docs, double target_mb, int runs,
                        int threads) {
  Measured m;
  m.bytes = Bytes(docs);
  m.copies = std::max<size_t>(1, static_cast<size_t>(target_mb * 1e6 / static_cast<double>(m.bytes) + 0.999));
  m.mb = static_cast<double>(m.bytes * m.copies) / 1e6;
  const size_t items = m.copies * docs.size();
  std::vector<double> s, cpu;
  for (int r = 0; r < runs; ++r) {
    std::atomic<size_t> next{0}, clauses{0}, citations{0};
    auto work = [&] {
      size_t my_clauses = 0, my_citations = 0;
      for (size_t i = next++; i < items; i = next++) {
        Extraction x = ExtractDocument(rules, docs[i % docs.size()]);
        my_clauses += x.clauses.size();
        my_citations += x.citations.size();
      }
      clauses += my_clauses;
      citations += my_citations;
    };
    const double c0 = CpuSeconds();
    auto t0 = std::chrono::steady_clock::now();
    if (threads <= 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) pool.emplace_back(work);
      for (std::thread& t : pool) t.join();
    }
    s.push_back(Seconds(t0, std::chrono::steady_clock::now()));
    cpu.push_back(CpuSeconds() - c0);
    m.clauses = clauses;
    m.citations = citations;
  }
  m.seconds = Median(s);
  m.cpu_seconds = Median(cpu);
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 50;
  int runs = 5;
  int threads = 1;
  fs::path source = FOIAMINE_SOURCE_DIR;
  bool keep = false;
  bool no_grep = false;
  fs::path drop;
  bool only_drop = false;
  double grep_mb = 0;  // 0: grep the whole text
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) target_mb = std::atof(argv[++i]);
    else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--source" && i + 1 < argc) source = argv[++i];
    else if (a == "--drop" && i + 1 < argc) drop = argv[++i];
    else if (a == "--threads" && i + 1 < argc) threads = std::clamp(std::atoi(argv[++i]), 1, 64);
    else if (a == "--only-drop") only_drop = true;
    else if (a == "--keep") keep = true;
    else if (a == "--no-grep") no_grep = true;
    else if (a == "--grep-mb" && i + 1 < argc) grep_mb = std::atof(argv[++i]);
    else {
      std::cerr << "usage: extract_bench [--mb 50] [--runs 5] [--source DIR] [--drop DIR] [--only-drop] [--keep] [--no-grep] "
                   "[--grep-mb N] [--threads N]\n";
      return 2;
    }
  }
  // As a run loads it: with the jurisdictions file attached (jurisdiction
  // inference is part of a document's identity).
  auto rules = foiamine::LoadRulebookFile((source / "schemas" / "rulebook.yaml").string());
  if (!rules.ok()) {
    std::cerr << "rulebook: " << rules.status().ToString() << "\n";
    return 1;
  }
  // One DocumentInput per truth file.
  std::vector<DocumentInput> corpus;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(source / "corpus" / "truth"))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    DocumentInput in;
    // The pages as a run indexes the text: the pipeline's own normalizer.
    for (std::string& page : foiamine::NormalizedTextPages(ReadFile(f)))
      in.pages.push_back(PageText{static_cast<int>(in.pages.size()) + 1, std::move(page)});
    corpus.push_back(std::move(in));
  }
  const size_t corpus_bytes = Bytes(corpus);
  if (corpus.empty() || corpus_bytes == 0) {
    std::cerr << "no corpus/truth texts under " << source << "\n";
    return 1;
  }
  std::vector<DocumentInput> drop_docs;
  if (!drop.empty()) {
    drop_docs = ReadDrop(drop);
    if (Bytes(drop_docs) == 0) {
      std::cerr << "no PDF text under " << drop << "\n";
      return 1;
    }
  } else if (only_drop) {
    std::cerr << "--only-drop needs --drop DIR\n";
    return 2;
  }
  if (only_drop) no_grep = true;

  Measured on_corpus, on_drop;
  if (!only_drop) on_corpus = TimeExtraction(*rules, corpus, target_mb, runs, threads);
  if (!drop_docs.empty()) on_drop = TimeExtraction(*rules, drop_docs, target_mb, runs, threads);
  const size_t copies = on_corpus.copies;
  const double mb = on_corpus.mb;

  // The same text and the rules' anchors for grep.
  size_t grep_bytes = 0;
  const fs::path dir = fs::temp_directory_path() / ("extract_bench." + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream text(dir / "text.txt", std::ios::binary);
    const size_t limit = grep_mb > 0 ? static_cast<size_t>(grep_mb * 1e6) : SIZE_MAX;
    size_t written = 0;
    for (size_t k = 0; k < copies && written < limit; ++k)
      for (const DocumentInput& doc : corpus)
        for (const PageText& p : doc.pages) {
          text << p.text << "\n";
          written += p.text.size();
        }
    grep_bytes = written;
    std::ofstream pat(dir / "anchors.ere", std::ios::binary);
    const auto& compiled = rules->compiled();
    for (const auto& rule : compiled.rules) pat << ToEre(compiled.patterns[rule.all_of[0]].source) << "\n";
  }
  auto grep = [&](const std::string& locale, std::string* count) {
    std::vector<double> s;
    for (int r = 0; r < runs; ++r) {
      const std::string cmd = "LC_ALL=" + locale + " grep -E -i -c -f '" + (dir / "anchors.ere").string() + "' '" +
                              (dir / "text.txt").string() + "' > '" + (dir / "count").string() + "' 2> '" +
                              (dir / "err").string() + "'";
      auto t0 = std::chrono::steady_clock::now();
      const int rc = std::system(cmd.c_str());
      s.push_back(Seconds(t0, std::chrono::steady_clock::now()));
      if (rc != 0 && rc != 256) {  // 1 = no line matched
        std::cerr << "grep failed (" << rc << "): " << ReadFile(dir / "err") << "\n";
        return -1.0;
      }
    }
    *count = ReadFile(dir / "count");
    while (!count->empty() && count->back() == '\n') count->pop_back();
    return Median(s);
  };
  std::string c_lines, utf8_lines;
  const double gmb = static_cast<double>(grep_bytes) / 1e6;
  const double grep_c = no_grep ? 0 : grep("C", &c_lines);
  const double grep_utf8 = no_grep ? 0 : grep("C.UTF-8", &utf8_lines);
  if (!keep) fs::remove_all(dir);

  const double ext = on_corpus.seconds;
  std::printf("rules: %zu (their anchors in one RE2::Set; %zu terms in all); %d runs, medians; %d thread%s\n",
              rules->compiled().rules.size(), rules->compiled().patterns.size(), runs, threads,
              threads == 1 ? "" : "s (CPU s: all threads')");
  {
    const auto& gate = *rules->compiled().anchor_gate;
    std::printf("anchor gate: %s, %zu atoms\n", gate.filters() ? "on" : "off (an anchor has no literal)",
                gate.atoms().size());
    if (std::getenv("EXTRACT_BENCH_ATOMS"))
      for (const auto& a : gate.atoms()) std::printf("  atom: %s\n", a.c_str());
  }
  if (!only_drop)
    std::printf("corpus text: %.1f MB (%zu documents x %zu copies, %zu bytes each pass)\n", mb, corpus.size(), copies,
                corpus_bytes);
  if (!drop_docs.empty())
    std::printf("drop text:   %.1f MB (%zu documents x %zu copies, %zu bytes each pass, from %s)\n", on_drop.mb,
                drop_docs.size(), on_drop.copies, on_drop.bytes, drop.c_str());
  std::printf("%-36s %9s %9s %12s %9s %11s\n", "", "seconds", "MB/s", "rate ratio", "CPU s", "MB/CPU-s");
  if (!only_drop)
    std::printf("%-36s %9.3f %9.2f %12s %9.3f %11.2f   (%zu clauses, %zu citations)\n", "ExtractDocument, corpus text",
                ext, mb / ext, "1.00", on_corpus.cpu_seconds, mb / on_corpus.cpu_seconds, on_corpus.clauses,
                on_corpus.citations);
  if (!drop_docs.empty())
    std::printf("%-36s %9.3f %9.2f %12s %9.3f %11.2f   (%zu clauses, %zu citations)\n", "ExtractDocument, drop text",
                on_drop.seconds, on_drop.mb / on_drop.seconds, "", on_drop.cpu_seconds, on_drop.mb / on_drop.cpu_seconds,
                on_drop.clauses, on_drop.citations);
  if (grep_c > 0)
    std::printf("%-36s %9.3f %9.2f %11.2fx   (%s matching lines)\n", "LC_ALL=C grep -E -i -f anchors", grep_c, gmb / grep_c,
                (gmb / grep_c) / (mb / ext), c_lines.c_str());
  if (grep_utf8 > 0)
    std::printf("%-36s %9.3f %9.2f %11.2fx   (%s matching lines)\n", "LC_ALL=C.UTF-8 grep -E -i -f anchors", grep_utf8,
                gmb / grep_utf8, (gmb / grep_utf8) / (mb / ext), utf8_lines.c_str());
  if (!no_grep && grep_bytes != corpus_bytes * copies)
    std::printf("(grep timed on the first %.1f MB of the same text; seconds are for that part)\n", gmb);
  if (keep) std::printf("kept: %s\n", dir.c_str());
  return 0;
}
