// A content digest of an index: equal digests mean the same documents,
// paths, pages and findings, however the index was produced (one run, a run
// killed and resumed, shards merged, another machine).
//
// The digest is SHA-256 (lowercase hex) over a canonical, length-framed
// serialization of, in this order:
//   documents  sha256 and metadata (type, size, page count, title, number,
//              agency, doc_kind, authority, dates, source, metadata_origin,
//              pdf_title), by sha256
//   files      per document: paths relative to their drop and in_manifest,
//              sorted (the drop's absolute location is not content)
//   pages      per document: page_no, method, text, by page_no
//   findings   sections, clauses, citations (and exemptions, if the table
//              exists): every column except row ids, document_id (replaced
//              by the document's sha256), run ids and timestamps; rows sorted;
//              then the per-page findings, redactions and exemption_codes
//              (page_id replaced by the document's sha256 and page number)
//
// Left out on purpose: row ids, run ids, timestamps (indexed_at, at, ...),
// stage versions, runs, events, failures, word boxes (derived from the same
// text-layer read as the page text) and caches.
#pragma once

#include <string>

#include "index/reader.h"
#include "base/status.h"

namespace foiamine {

// REQUIRES: `index` is open (read access is enough).
StatusOr<std::string> IndexDigest(IndexReader& index);

}  // namespace foiamine
