// Internal to extractors: words a bad OCR text layer splits with a space
// ("sha ll", "w ill", "a rrest", "imm igration", "personne l"), as scanned
// agreements printed through a weak OCR engine carry them.
#pragma once

#include <string>
#include <string_view>

#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

// Does the document's text carry the telltale of such a layer: a modal split
// in two ("sha ll", "wi ll", "mu st")? One scan of the stream; a document
// without one is left alone, so a clean text pays nothing more.
bool HasSplitModals(std::string_view text);
inline constexpr std::string_view kSplitModalPattern =
    R"(\b(?i:s hall|sh all|sha ll|shal l|w ill|wi ll|wil l|m ust|mu st|mus t)\b)";

// Rejoins two letter runs separated by one space whose join is a word the
// rules need ("shall", "arrest", "detainer", "immigration", ...) when at
// least one of the two is no English word of its own: "a rrest" -> "arrest",
// "imm igration" -> "immigration" ("in form", "not ice" stay: both parts are
// words). The space is taken out of the matching copy and its map to the
// original text (`to_original`) kept in step, so offsets stay exact.
void RepairSplitKeyWords(FoldedText& folded);

// Parts a bad OCR layer's glued words that decide a clause: a modal run into the verb after it ("shallinquire",
// "mustnot", "willnotify") and, in a text set in capitals, "NO" run into its subject ("NOSTATE ENTITY OR STATE
// EMPLOYEE SHALL ..."). Only a modal or "NO" before a word of a closed list is parted ("shallow", "mayor", "maybe",
// "NOTICE" stay). A space goes into the matching copy; its map to the original is kept in step.
void RepairGluedWords(FoldedText& folded);

}  // namespace foiamine::extractors::internal
