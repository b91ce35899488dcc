// What the text and OCR stages produce for a document before normalization:
// pages of words in reading order, each with its box and the kind of break
// that follows it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace foiamine {

// A rectangle in PDF points, origin at the top-left of the page.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// What separates a word from the next one on the page.
enum class Break : unsigned char {
  kSpace = 0,      // same line
  kLine = 1,       // the next word starts a new printed line
  kParagraph = 2,  // a new line after a large vertical gap (or a blank line)
};

struct SourceWord {
  std::string text;              // UTF-8 as the text layer / OCR / file gave it
  std::optional<Box> box;        // none for plain-text inputs
  Break after = Break::kSpace;
  std::optional<double> confidence;  // OCR word confidence 0-100
};

// A redaction box on a page (schemas/index.sql, redactions): a filled dark
// rectangle drawn in a born-digital PDF, or a solid dark region of a scanned
// page's image.
struct RedactionBox {
  Box box;
  std::string source;  // "vector" (drawn in the PDF) | "image" (found on the page image)
  std::string label;   // text drawn visibly on the box ("(b)(6)"), vector boxes only
  // Text-layer words (indices into SourcePage::words) that lie under the box
  // and are hidden by it yet still extractable: a bad redaction. Empty
  // when the box hides nothing, or its words are placeholders ("XXXX").
  std::vector<size_t> leaked_words;
};

enum class PageMethod { kText, kOcr, kNone };
const char* PageMethodName(PageMethod method);

struct SourcePage {
  int page_no = 0;  // 1-based
  std::optional<double> width_pt, height_pt;
  PageMethod method = PageMethod::kNone;
  bool needs_ocr = false;
  std::string ocr_reason;  // why OCR is needed ("no text layer", "image file")
  std::optional<double> ocr_confidence;
  std::vector<SourceWord> words;
  // Fraction of the page covered by dark pixels outside the text layer's
  // word boxes (rendered at low resolution): a page with little text and
  // much of this carries an image, likely of more text. Measured by the
  // text stage for PDF pages with few words only; none otherwise.
  std::optional<double> ink_outside_text;
  // Redaction boxes: drawn ones from the text stage, image ones from OCR.
  std::vector<RedactionBox> redactions;
};

// What a format says of the document itself, used where a manifest says
// nothing: an e-mail's Subject and Date, a web page's <title>, a log's kind.
// Empty = the format says nothing (the extractors infer it from the text).
struct FormatHints {
  std::string title, doc_kind, authority, issued, number;
};

// A section the format names itself (a spreadsheet row: "sheet Log, row
// 214"), found after normalization: it starts where `label` begins a line of
// page `page_no`'s normalized text and ends where the next anchor starts (or
// its page ends). When a document has any, they are its sections as given
// (no section numbering is inferred from its text).
struct SectionAnchor {
  int page_no = 0;
  std::string label;  // the text the section's line starts with, as written
  std::string path;   // its section path, e.g. "sheet Log, row 214", "row 3"
};

struct SourceDocument {
  std::vector<SourcePage> pages;
  std::string pdf_title;  // PDF Info /Title, if any
  std::vector<std::string> warnings;  // recoverable problems (e.g. Poppler repaired the xref)
  FormatHints hints;
  std::vector<SectionAnchor> anchors;
};

}  // namespace foiamine
