// Web pages (.html, .htm): the text stage of an HTML document (gumbo, the
// HTML5 parsing algorithm, so saved pages parse as browsers parse them).
//
// The main text only: when the page marks it (<main>, role="main", else the
// first <article>) that, else <body>; never <script>, <style>, <noscript>,
// <template>, <nav>, <aside>, <footer>, forms' controls, nor the <head>.
// Block elements (p, div, headings, list items, table rows, ...) end a
// paragraph; table cells are separated by " | ". An ordered list item starts
// with its number as a browser prints it (type="a"/"A"/"i"/"I"/"1", start=,
// value=): "a.", "3.", "iv." — so the section finder sees "a." as on paper;
// an unordered item with "•". Text is NFC-agnostic UTF-8 (a page not in
// UTF-8 is read as Windows-1252 with a warning); pages are split by size
// only (pipeline/text_pages.h).
// The title (hints.title) is the page's <title>, else its first <h1>, as
// plain text: whitespace folded, never markup.
// Bounded: pages over kMaxHtmlBytes are refused, and so is markup nested
// deeper than kMaxHtmlDepth elements (checked before parsing).
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "pipeline/page.h"

namespace foiamine {

inline constexpr size_t kMaxHtmlBytes = size_t{64} << 20;
inline constexpr int kMaxHtmlDepth = 2000;

StatusOr<SourceDocument> PagesFromHtml(std::string_view bytes);

// The main text of an HTML fragment or page, as PagesFromHtml reads it
// (also used for an e-mail's text/html body). Empty title when it has none.
struct HtmlText {
  std::string title;
  std::string text;  // paragraphs separated by blank lines
};
StatusOr<HtmlText> HtmlToText(std::string_view utf8);

}  // namespace foiamine
