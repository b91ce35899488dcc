// Text from a drop that is shown to people: file names, ZIP entry names,
// manifest fields.
//
// A drop is untrusted: a title holding ESC ] 0 ; ... BEL retitles the
// user's terminal, ESC [ 2 J clears it, a newline in a file name splits a
// progress line. Such text is made inert once, where it enters: control
// characters (C0, DEL, C1) become visible "\xNN" escapes (a file's display
// path; its raw bytes are stored beside it), and manifest fields have their
// line breaks and tabs folded to spaces.
#pragma once

#include <string>
#include <string_view>

namespace foiamine {

// Invalid UTF-8 escaped as EscapeInvalidUtf8 does, then every control
// character (U+0000-U+001F, U+007F, U+0080-U+009F) as "\xNN".
std::string EscapeForTerminal(std::string_view bytes);

// For text from inside a document printed for people (snippets, quotes,
// titles, page text): as EscapeForTerminal, but line breaks and tabs are
// kept. The pipeline's normalizer already drops control characters from page
// text; this is the guard at the terminal, for every index a query reads
// (older files, merged shards, fields such as a PDF's own title).
std::string EscapeTextForTerminal(std::string_view text);

// For a manifest field: tab, CR and LF become a space; other control
// characters "\xNN". Valid UTF-8 in, valid UTF-8 out.
std::string CleanFieldText(std::string_view text);

}  // namespace foiamine
