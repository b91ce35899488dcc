// Internal to extractors: list items whose bullets the text lost. A scanned
// 287(g) agreement's OCR layer often drops the round bullets of its
// delegated powers, leaving
//   Participating LEA personnel are delegated only those authorities listed below:
//   The power and authority to interrogate any person ...;
//   The power and authority to serve and execute warrants of arrest ...;
//   The power and authority to issue immigration detainers ...
// With no marker the items run on into their lead-in as one sentence, whose
// stance is then the lead-in's and whose every topic is one clause's. Read
// with their bullets, each item is a clause of its own under the lead-in.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace foiamine::extractors::internal {

// For each of a document's body lines (trimmed, in reading order, page
// furniture left out): does it open an item whose bullet was lost? Such
// items form a run in which
// - the first follows a line that ends with ':' (the lead-in),
// - each starts with a capital and with the same three words as the first
//   ("The power and authority ..."), on a line that opens no marked item
//   (`has_marker`) and follows a sentence's or item's end ('.', ';', ':'),
// - each but the last is closed by a line ending with ';' ("; and", "; or")
//   before the next begins: the punctuation of a list, not of paragraphs,
// - and there are at least two.
// The run ends at the first line after a sentence's end that starts with a
// capital and opens neither a marked item nor one of the run (a heading, the
// next paragraph). Lines between the items (their wrapped text, sub-items
// with markers of their own) belong to the items above them.
// `has_marker(i)`: does line i open with a marker (a number, a letter, a bullet)? Asked only of lines that could
// open an item.
std::vector<bool> LostBulletItems(const std::vector<std::string_view>& lines, const std::function<bool(size_t)>& has_marker);

}  // namespace foiamine::extractors::internal
