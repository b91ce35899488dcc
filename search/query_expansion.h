// Two ways a search reaches text its words do not spell (search/search.h):
//
//  * Expansion from the rulebook's own lexicons (schemas/rulebook.yaml): a
//    bare query word that one of a lexicon's alternatives matches (as the
//    extractor matches it: case and diacritics ignored) stands for the whole
//    lexicon, English and Spanish alike: `liberación` also finds "salida"
//    and "release", `notify` also "notificar", "comunicar", "avisar".
//    Only alternatives with a literal form become query terms (a word, a
//    phrase, or a prefix of 4+ letters: 're[l1]eas(?:e|es)' -> releas*).
//  * OCR tolerance (fuzzy): each word or phrase also matches its readings
//    with one OCR confusion (I/l/1/|, O/0, S/5, B/8, g/9, rn/m) and, for a
//    phrase, without its one-letter tokens (the OCR'd "|-247A" is indexed
//    as "247a" alone, so fuzzy I-247A finds it).
//
// Both rewrite an FTS5 query made by PrepareQuery (search/query_text.h) and
// say what they did, for the output.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace foiamine {

// lexicon name -> its alternatives as written in the rulebook (regexes).
struct QueryLexicons {
  std::map<std::string, std::vector<std::string>> alternatives;
};
StatusOr<QueryLexicons> LoadQueryLexicons(const std::string& rulebook_path);

struct RewrittenQuery {
  std::string fts;                 // the query FTS5 runs; the input when nothing changed
  std::vector<std::string> notes;  // one per rewritten term, e.g. "liberación -> release lexicon: ..."
  bool changed() const { return !notes.empty(); }
};

// The FTS5 term(s) an alternative stands for: "salida", "releas*",
// "\"puesta en libertad\""; "" when it has no literal form.
std::string LiteralForm(const std::string& alternative);

RewrittenQuery ExpandQuery(const std::string& fts, const QueryLexicons& lexicons);
RewrittenQuery FuzzyQuery(const std::string& fts);

}  // namespace foiamine
