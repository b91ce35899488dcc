// Internal to extractors: the items of a list run into one paragraph,
// "shall not: (1) hold ...; (2) provide ..." (or, numbered with periods,
// "shall: 1. Stop ... law. 2. Inquire ..."), and the same list when its
// items end in periods, as web copies of statutes print them on one line:
// "... including any of the following:(A) Inquiring into ... status.(B)
// Detaining ... request.(C) Providing ...". The layout feeds the sentences of
// one paragraph in order; each item learns the item it is nested under, so
// its lead-in (and the stance and topic the lead-in hands down) survives
// the sentence end before it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foiamine::extractors::internal {

struct RunInItem {
  size_t begin = 0;   // offset in the sentence of the marker's '(' (or of its first digit: "1.")
  size_t end = 0;     // offset just past the item's text (its closing ';' or ':' kept)
  std::string token;  // "1", "A", "iv"
  int parent = -1;    // index, among the paragraph's items so far, of the item it is nested under; -1: a top item
  bool dotted = false;  // printed "1." or "a." ("shall: 1. Stop ... 2. Inquire ..."), not "(1)"
};

struct RunInSentence {
  bool opens_list = false;  // a new list starts here: its lead-in is the sentence up to lead_end
  size_t lead_end = 0;      // just past the ':' that introduces the first item
  std::vector<RunInItem> items;  // empty: the sentence is no list item
};

class RunInList {
 public:
  // The list items of `sentence`, the next sentence of the paragraph after
  // the ones given before. `next_sentence` (the one after it, or empty)
  // tells a single item after a ':' from a parenthetical: "following:(A)
  // ... status." is a list when the next sentence starts "(B)".
  RunInSentence Next(std::string_view sentence, std::string_view next_sentence);

 private:
  struct Open {
    char style = 0;  // '1' digits, 'a' lower-case letter, 'A' upper-case letter, 'i' roman; 'd' digits printed "1.", 'l' letters printed "a." 
    std::string token;
    int parent = -1;  // paragraph item index the level's items are nested under
  };
  std::vector<Open> levels_;  // outermost first
  int items_seen_ = 0;
};

// The marker's style: '1', 'a', 'A', 'i' (roman); `after` is the token the
// same level printed last ("h" before "i" makes "i" a letter).
char RunInStyle(std::string_view token, std::string_view after = {});

// Does `token` follow `previous` in the style `style` ("B" after "A", "iv"
// after "iii", "10" after "9"; 'd', numbers printed "1.", as '1')?
bool FollowsInList(std::string_view previous, std::string_view token, char style);

}  // namespace foiamine::extractors::internal
