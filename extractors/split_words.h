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
// "NOTICE" stay). Also the joins a layer that lost its line ends or its spaces makes around a rule's words (scanned
// 287(g) agreements): "of", "the" or "this" run into the word after it ("the exercise ofthe immigration
// enforcement authority", "warrants ofarrest", "thisinformation"), a word run into the agency's acronym ("pursuant
// to whichICE delegates") and the actor run into its modal ("participating personnelshall"). No English word has
// these shapes ("offer", "these", "theory", "notice", "personnel" stay). A space goes into the matching copy; its
// map to the original is kept in step.
void RepairGluedWords(FoldedText& folded);
// Its pattern, for the document's one pass over its rare phrases (DocumentPhrases::may_hold_glued_word).
inline constexpr std::string_view kGluedWordPattern =
    R"re(\b((?i:shall|must|will|should|may|cannot))((?i:not|be|have|inquire|notify|provide|hold|detain|release|honou?r|)re"
    R"re(comply|share|ask|allow|permit|ensure|report|verify|cooperate|assist|transfer|transport|arrest|contact|enter|)re"
    R"re(maintain|take|make|also|only|immediately|promptly|request|refuse|decline|use|give|send|disclose|collect|)re"
    R"re(respond|participate|question|investigate|detain))\b|\b(NO)(STATE|PERSON|OFFICER|AGENCY|EMPLOYEE|MEMBER|CITY|COUNTY|)re"
    R"re(DEPARTMENT|LAW|PUBLIC|ENTITY|OFFICIAL|MUNICIPAL|LOCAL|POLICE|PEACE|PROBATION|SCHOOL|CORRECTIONAL|SHERIFF|)re"
    R"re(INFORMATION|RESOURCES|FUNDS)\b|\b((?i:of|the|this))((?i:the|immigration|enforcement|release|removal|arrests?|)re"
    R"re(aliens?|participating|agreements?|information|transportation|prisoners?|inmates?|citizenship|custody|)re"
    R"re(detainers?|detention|deportation|federal|status|warrants?|officers?|personnel|authority|homeland))\b|)re"
    R"re(\b([a-z]{2,})(ICE|DHS|CBP)\b|\b(?:(?i:personnel|officers?|agency|agencies|department|sheriff|employees?|)re"
    R"re(members?|deputies|staff|inmates?|detainees?))((?i:shall|must|will|may|should))\b)re";

}  // namespace foiamine::extractors::internal
