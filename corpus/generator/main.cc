// foiamine-corpus-gen: regenerates the sample drop and its ground truth.
//
//   foiamine-corpus-gen SOURCES_DIR DROP_DIR TRUTH_DIR
//
// Every SOURCES_DIR/*.src becomes DROP_DIR/<@path>; its printed text goes to
// TRUTH_DIR/<@path>.txt (pages separated by '\f'); documents with
// `@in_manifest yes` are listed in DROP_DIR/manifest.csv. `@mode text`
// copies the body as is; `docx` / `xlsx` write it as a Word document (a
// line "#a TEXT" a lettered list item) or a one-sheet workbook (`@sheet`,
// the body comma-separated rows): generator/office.h.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include <leptonica/allheaders.h>

#include "document.h"
#include "office.h"
#include "typeset.h"
#include "writers.h"

namespace fs = std::filesystem;

namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return text;
}

// The exemption codes printed on a page, in order: "(b)(6)", "(b)(7)(C)".
std::vector<std::string> CodesOf(const std::string& text) {
  std::vector<std::string> codes;
  for (size_t at = text.find("(b)("); at != std::string::npos; at = text.find("(b)(", at + 1)) {
    size_t end = text.find(')', at + 4);
    if (end == std::string::npos) break;
    std::string code = text.substr(at, end + 1 - at);
    if (text.compare(end + 1, 1, "(") == 0 && text.size() > end + 3 && text[end + 3] == ')') {
      code += text.substr(end + 1, 3);
    }
    codes.push_back(code);
  }
  return codes;
}

// One line of truth/redactions.jsonl per page with a redaction box: the
// boxes as the page in the drop shows them (points, top-left origin), the
// codes printed on the page, and the texts left under bad-redaction boxes
// (`[[!text]]`, born-digital pages). A
// scan's page is the layout turned as the scanner fed it: upside down
// (@upside_down) and skewed about its centre (writers.cc Degrade: Leptonica
// turns clockwise for a positive angle); each box is the bounding box of its
// turned corners.
std::string RedactionTruth(const corpus::Typesetter& ts, const corpus::Document& doc,
                           const std::vector<corpus::Page>& pages) {
  const std::string mode = doc.Get("mode", "digital");
  const bool scan = mode == "scan" || mode == "image";
  const double skew = doc.GetNumber("skew", 0.6);
  const int upside_down = static_cast<int>(doc.GetNumber("upside_down", 0));
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto boxes = ts.RedactionBoxes(pages[i]);
    if (boxes.empty()) continue;
    const double degrees = !scan ? 0 : mode == "image" ? skew : (i % 2 == 0) ? skew : -skew * 0.7;
    const double a = degrees * 3.14159265358979323846 / 180.0;
    const double cx = corpus::kPageWidth / 2, cy = corpus::kPageHeight / 2;
    std::string list;
    for (auto b : boxes) {
      if (scan && static_cast<int>(i) + 1 == upside_down) {
        b = {corpus::kPageWidth - b[2], corpus::kPageHeight - b[3], corpus::kPageWidth - b[0], corpus::kPageHeight - b[1]};
      }
      double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
      for (double x : {b[0], b[2]}) {
        for (double y : {b[1], b[3]}) {
          const double tx = cx + (x - cx) * std::cos(a) - (y - cy) * std::sin(a);
          const double ty = cy + (x - cx) * std::sin(a) + (y - cy) * std::cos(a);
          x0 = std::min(x0, tx), y0 = std::min(y0, ty), x1 = std::max(x1, tx), y1 = std::max(y1, ty);
        }
      }
      char box[128];
      std::snprintf(box, sizeof box, "[%.1f,%.1f,%.1f,%.1f]", x0, y0, x1, y1);
      list += (list.empty() ? "" : ",") + std::string(box);
    }
    std::string codes;
    for (const std::string& c : CodesOf(corpus::Typesetter::PageText(pages[i]))) {
      codes += (codes.empty() ? "\"" : ",\"") + c + "\"";
    }
    // Bad redactions: the text a box was drawn over, still in the text layer
    // of a born-digital page (a scan has no text layer to leak).
    std::string bad;
    for (const std::string& t : corpus::Typesetter::LeakedTexts(pages[i])) {
      if (!scan) bad += (bad.empty() ? "\"" : ",\"") + t + "\"";
    }
    out += "{\"doc_path\": \"" + doc.Get("path") + "\", \"page\": " + std::to_string(i + 1) + ", \"boxes\": [" +
           list + "], \"codes\": [" + codes + "], \"bad\": [" + bad + "]}\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: foiamine-corpus-gen SOURCES_DIR DROP_DIR TRUTH_DIR\n";
    return 1;
  }
  const fs::path sources = argv[1], drop = argv[2], truth = argv[3];
  try {
    setMsgSeverity(L_SEVERITY_WARNING);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(sources))
      if (entry.path().extension() == ".src") files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    corpus::Typesetter ts;
    const std::vector<std::string> columns = {"path", "title", "agency", "doc_kind", "authority",
                                              "number", "issued", "effective", "source"};
    std::string redactions;  // truth/redactions.jsonl
    std::string manifest = "path,title,agency,doc_kind,authority,number,issued,effective,source\n";
    for (const fs::path& file : files) {
      corpus::Document doc = corpus::ParseDocument(file);
      const fs::path out = drop / doc.Get("path");
      fs::create_directories(out.parent_path());
      const std::string mode = doc.Get("mode", "digital");
      std::string text;
      if (mode == "text") {
        text = Join(doc.raw_body);
        WriteFile(out, text);
      } else if (mode == "docx") {
        text = corpus::WriteDocx(doc.raw_body, doc.Get("title"), out);
      } else if (mode == "xlsx") {
        text = corpus::WriteXlsx(doc.raw_body, doc.Get("sheet", "Sheet1"), doc.Get("title"), out);
      } else {
        std::vector<corpus::Page> pages = ts.Layout(doc);
        if (mode == "digital") corpus::WriteDigitalPdf(ts, doc, pages, out);
        else if (mode == "scan" || mode == "image") corpus::WriteScan(ts, doc, pages, out);
        else throw std::runtime_error(file.string() + ": unknown @mode " + mode);
        for (size_t i = 0; i < pages.size(); ++i)
          text += (i ? "\f" : "") + corpus::Typesetter::PageText(pages[i]) + "\n";
        redactions += RedactionTruth(ts, doc, pages);
      }
      WriteFile(truth / (doc.Get("path") + ".txt"), text);
      if (doc.Get("in_manifest") == "yes") {
        for (size_t c = 0; c < columns.size(); ++c)
          manifest += (c ? "," : "") + CsvField(doc.Get(columns[c]));
        manifest += "\n";
      }
      std::cout << doc.Get("path") << "\n";
    }
    WriteFile(drop / "manifest.csv", manifest);
    WriteFile(truth / "redactions.jsonl", redactions);
  } catch (const std::exception& e) {
    std::cerr << "foiamine-corpus-gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
