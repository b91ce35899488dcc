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
  } catch (const std::exception& e) {
    std::cerr << "foiamine-corpus-gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
