// The web interface's static files, compiled in: no file is read from disk
// to answer /static/NAME, and no CDN or network is needed at run time. The
// script is the only script (the Content-Security-Policy allows no inline
// script): copy buttons, and keyboard page turning in the viewer.
#include <map>
#include <string>

#include "serve/views.h"

namespace foiamine::serve {
namespace {

const char* kCss = R"CSS(
:root { --ink: #1b1f24; --muted: #5b6570; --line: #d8dde3; --bg: #f7f8fa; --accent: #0b5cad; --law: #0b5cad;
        --practice: #a4262c; --policy: #8a5a00; --mark: #fff2a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
header.top { display: flex; align-items: center; gap: 2em; padding: .6em 1.2em; background: #14202e; color: #fff; }
header.top a { color: #dfe8f2; text-decoration: none; margin-right: 1.2em; }
header.top a.brand { font-weight: bold; font-size: 1.15em; color: #fff; }
header.top a.active { color: #fff; border-bottom: 2px solid #7fb3ea; }
main { padding: 1em 1.5em; max-width: 1500px; margin: 0 auto; }
footer { color: var(--muted); font-size: .8em; padding: 1em 1.5em; }
h1 { font-size: 1.45em; margin: .3em 0 .6em; } h1 small { color: var(--muted); font-weight: normal; font-size: .7em; }
h2 { font-size: 1.15em; } h3 { font-size: 1em; }
a { color: var(--accent); }
code, pre, .sha { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
.note { color: var(--muted); font-size: .9em; }
.note.ocr { color: #7a4b00; background: #fff6e0; padding: .3em .6em; border-radius: 4px; }
form.search .qline { display: flex; gap: .5em; }
form.search input[type=search] { flex: 1; font-size: 1.1em; padding: .45em .6em; border: 1px solid #9aa6b2; border-radius: 4px; }
button, a.button { font-size: 1em; padding: .4em 1em; border: 1px solid var(--accent); background: var(--accent); color: #fff;
  border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
button.copy { font-size: .8em; padding: .15em .6em; background: #fff; color: var(--accent); }
button.copy.done { background: #e3f3e6; border-color: #2e7d32; color: #2e7d32; }
details.more { margin: .5em 0 1em; } details.more summary { cursor: pointer; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .5em 1.2em; margin-top: .5em; align-items: center; }
.filters label { font-size: .9em; } .filters input, .filters select { font-size: .95em; padding: .2em; }
.results { display: grid; grid-template-columns: 240px 1fr; gap: 1.5em; }
aside.facets h2 { margin-top: 0; } .facet h3 { margin: .8em 0 .2em; font-size: .9em; text-transform: uppercase; color: var(--muted); }
.facet ul { list-style: none; padding: 0; margin: 0; } .facet li { padding: .05em 0; font-size: .92em; }
.facet li.on a { font-weight: bold; } .facet li.on a::after { content: " ✕"; color: var(--muted); }
.facet .count, p.count { color: var(--muted); font-size: .85em; }
article.hit { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7em 1em; margin-bottom: .8em; }
article.hit h2.citation { font-size: 1.05em; margin: 0 0 .2em; }
.meta { color: var(--muted); font-size: .88em; }
.snippet { margin: .4em 0; }
mark.hit { background: var(--mark); padding: 0 .1em; }
mark.clause { background: #fff4c2; } mark.clause.selected { background: #ffd84d; outline: 2px solid #e0007a; }
.badge { display: inline-block; font-size: .78em; padding: .05em .5em; border-radius: 10px; border: 1px solid var(--line);
  background: #eef2f6; color: var(--ink); text-decoration: none; margin-right: .3em; }
.badge.stance-restricts { background: #e3eefb; border-color: #9cc0ea; }
.badge.stance-requires, .badge.stance-reports { background: #fbe6e6; border-color: #e6a3a6; }
.badge.stance-permits { background: #fdf1dc; border-color: #e8c27a; }
.badge.diverge { background: #a4262c; color: #fff; border-color: #a4262c; }
.badge.ocr { background: #fff3d6; border-color: #e0b65a; } .badge.ocr.low { background: #ffd9d9; border-color: #d9534f; }
ul.others { margin: .2em 0 .2em 1.2em; padding: 0; font-size: .88em; }
.hit-clause { margin-top: .3em; }
nav.pages, nav.pager { display: flex; gap: 1em; align-items: center; margin: .8em 0; flex-wrap: wrap; }
nav.pager .jump a, nav.pager .jump b { margin-right: .35em; }
.viewer { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 1.2em; align-items: start; }
figure.page-image { margin: 0; background: #fff; border: 1px solid var(--line); padding: .5em; }
figure.page-image img { width: 100%; height: auto; display: block; }
figure.page-image figcaption { font-size: .85em; color: var(--muted); padding-top: .3em; }
section.page-text pre.text { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: .8em;
  max-height: 80vh; overflow: auto; font-size: .86em; line-height: 1.5; }
.doc-clauses li { margin-bottom: .6em; } .doc-clauses li.selected { background: #fff7d1; }
blockquote { margin: .3em 0 .3em 0; padding: .4em .8em; border-left: 4px solid var(--line); background: #fff; }
b.cue-stance { color: #a4262c; } u.cue-topic { text-decoration-color: var(--accent); text-decoration-thickness: 2px; }
table { border-collapse: collapse; background: #fff; } th, td { border: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
table.identity th { width: 11em; color: var(--muted); font-weight: normal; }
textarea.cite-text { width: 100%; font: .95em "DejaVu Sans Mono", monospace; }
.clause-main { display: grid; grid-template-columns: 1fr 340px; gap: 1.2em; align-items: start; }
figure.page-thumb { margin: 0; } figure.page-thumb img { width: 100%; border: 1px solid var(--line); }
article.pair { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em; margin: .8em 0; }
article.pair.agreement { border-color: #7cb77f; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.side { padding: .2em .8em; border-top: 4px solid var(--line); }
.side.law { border-top-color: var(--law); } .side.practice { border-top-color: var(--practice); } .side.policy { border-top-color: var(--policy); }
.side h3, .side h4 { margin: .3em 0; }
.summary { font-weight: bold; } .timing { font-weight: normal; color: var(--muted); }
.pair-id { font-weight: normal; font-size: .8em; color: var(--muted); }
table.matrix th span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: normal; }
table.matrix td.cell { text-align: center; min-width: 5em; }
td.conflicts { background: #f8d7d9; } td.complies { background: #dcefdc; } td.silent { background: #fff3cd; } td.none { color: #aab; }
section.error pre { white-space: pre-wrap; background: #fff; border: 1px solid #e6a3a6; padding: .8em; }
.intro { max-width: 60em; }
@media (max-width: 900px) { .results, .viewer, .sides, .clause-main { grid-template-columns: 1fr; } }
)CSS";

const char* kJs = R"JS(
'use strict';
// Copy buttons: data-copy="TEXT", or data-copy-from="ELEMENT_ID" (its value or text).
document.addEventListener('click', function (e) {
  var b = e.target.closest('button.copy');
  if (!b) return;
  var text = b.dataset.copy;
  if (text === undefined && b.dataset.copyFrom) {
    var el = document.getElementById(b.dataset.copyFrom);
    text = el ? (el.value !== undefined ? el.value : el.textContent) : '';
  }
  var done = function () { b.classList.add('done'); b.textContent = 'Copied'; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
  } else { fallback(text); done(); }
});
function fallback(text) {
  var t = document.createElement('textarea');
  t.value = text; document.body.appendChild(t); t.select();
  try { document.execCommand('copy'); } catch (err) {}
  document.body.removeChild(t);
}
// The viewer: left/right arrow keys turn pages (not while typing).
document.addEventListener('keydown', function (e) {
  if (e.target.closest('input, textarea, select')) return;
  var id = e.key === 'ArrowLeft' ? 'prev-page' : e.key === 'ArrowRight' ? 'next-page' : null;
  var a = id && document.getElementById(id);
  if (a) a.click();
});
)JS";

const char* kFavicon =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" "
    "fill=\"#14202e\"/><path d=\"M4 3h8v2H6v2h5v2H6v4H4z\" fill=\"#fff\"/></svg>";

}  // namespace

Reply StaticAsset(const std::string& name) {
  static const std::map<std::string, std::pair<const char*, const char*>> kAssets = {
      {"app.css", {kCss, "text/css; charset=utf-8"}},
      {"app.js", {kJs, "text/javascript; charset=utf-8"}},
      {"favicon.svg", {kFavicon, "image/svg+xml"}},
  };
  auto it = kAssets.find(name);
  if (it == kAssets.end()) return HtmlError(Status::NotFound("no static file " + name));
  Reply reply;
  reply.content_type = it->second.second;
  reply.body = it->second.first;
  reply.headers = {{"Cache-Control", "public, max-age=3600"}};
  return reply;
}

}  // namespace foiamine::serve
