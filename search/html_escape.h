// HTML escaping for every page foiamine writes (the divergence report and the
// web interface): one table, so the two cannot drift apart.
#pragma once

#include <string>
#include <string_view>

namespace foiamine {

// `text` with & < > " ' as entities: safe in element content and in quoted
// attribute values.
inline std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace foiamine
