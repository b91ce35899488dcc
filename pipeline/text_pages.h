// Pages of a plain-text file, bounded in size.
//
// A text file's pages are its form-feed-separated sheets. A sheet longer
// than kMaxTextPageBytes (a multi-MB e-mail dump, a log with no form feed)
// is split into several pages, because every per-page operation downstream
// (FTS5 snippet() and highlight(), clause extraction) grows with the page
// and some of it quadratically: one 5 MB page made one search take 64 s.
//
// The scheme (deterministic, so a citation "p. N" of a text file names the
// same bytes on every run over the same file):
//   * a sheet of at most kMaxTextPageBytes bytes is one page, as before;
//   * a longer sheet is cut, from its start, into pages of at most
//     kMaxTextPageBytes: each page ends at the last paragraph break (a blank
//     line, i.e. "\n" then only spaces/tabs then "\n") in the second half of
//     the window; failing that at the last line break in the second half;
//     failing that at the last space or tab; failing that (one 64 KiB word)
//     at the last UTF-8 character boundary of the window. The break's
//     whitespace stays with the page it ends.
// Pages then number consecutively through the file (sheet 1 may become
// pages 1-3, sheet 2 page 4). Files with no sheet over the bound (every
// labeled text in the corpus and eval sets) paginate exactly as before.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace foiamine {

inline constexpr size_t kMaxTextPageBytes = size_t{64} << 10;

// Splits one form-feed sheet (LF line ends) into pages of at most
// `max_bytes` bytes each, by the scheme above. The pieces are consecutive
// and together are exactly `sheet`; an empty sheet is one empty page.
// REQUIRES: max_bytes >= 8.
std::vector<std::string_view> SplitTextSheet(std::string_view sheet, size_t max_bytes = kMaxTextPageBytes);

}  // namespace foiamine
