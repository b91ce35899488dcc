// OCR triage: which pages of a document Tesseract must read, and why.
//
// A pure decision over what the text stage found on a page (its words and
// how much ink the page carries outside them); no I/O. The reason is stored
// with the page (pages.ocr_reason) so a person can see why a page was OCR'd.
#pragma once

#include <string>
#include <vector>

#include "pipeline/page.h"

namespace foiamine {

struct OcrDecision {
  bool needs_ocr = false;
  std::string reason;  // empty when !needs_ocr
};

// Thresholds, named so tests and readers can see them.
inline constexpr int kFewWords = 40;                 // "too little text" below this many words...
inline constexpr double kImageInkFraction = 0.015;   // ...when ink outside them covers > 1.5% of the page
inline constexpr int kMinWordsForGarbageTest = 12;   // a text layer this long can be judged...
inline constexpr double kMaxNonWordFraction = 0.4;   // ...and is garbage when > 40% of it are non-words
inline constexpr int kMinSplitModals = 2;            // a layer splitting "shall", "will" this often is read again
inline constexpr int kMinMisreadWords = 3;           // ... and one running words together ("ofthe") or misreading
                                                     // modals ("wil") this often

// Decides for one page of a PDF or image. Pages the text stage already
// marked (no text layer, image file) keep their reason. `force` (--force-ocr)
// sends every page to OCR.
OcrDecision TriagePage(const SourcePage& page, bool force);

// True when `word` does not look like a word, number or code of printed
// text: replacement or private-use characters, control bytes, symbol runs,
// long letter strings without a vowel. Exposed for tests.
bool IsNonWord(const std::string& word);

// How many adjacent word pairs of a text layer join into a modal ("sha" +
// "ll", "w" + "ill"): the mark of an OCR layer that splits words. Exposed
// for tests.
size_t CountSplitModals(const std::vector<SourceWord>& words);

// How many words of a text layer are two short words run together ("inthe",
// "ofthe", "ofany") or a modal misread ("wil", "shal", "sha11"): the marks of
// a poor OCR layer. Exposed for tests.
size_t CountMisreadWords(const std::vector<SourceWord>& words);

}  // namespace foiamine
