// Page images and exhibits for `foiamine serve`, bounded and cached.
//
// Poppler's renderer has no time limit (a 696-byte PDF kept one render busy
// for 82 s), so every picture is drawn in a child process (fork) that is
// killed when it outlives the wall-clock limit; the child's address space is
// bounded too, and only a few children run at once. The server's own threads
// never call Poppler or cairo, so a child inherits no lock they hold. The
// drawing is the exhibit renderer's (search/cite.h: RenderPagePng,
// WriteExhibit), with its pixel bound; a PDF page is rendered at the dpi
// that makes it about kPageWidthPx wide, and never more than kMaxPagePixels.
// Finished PNGs are kept in an LRU cache bounded in bytes.
//
// Files are found only through the index: the document's SHA-256 names it,
// its `files` rows say where it was, and the file is re-hashed before it is
// drawn (a file changed since indexing is refused, as `cite` refuses it).
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "index/reader.h"

namespace foiamine::serve {

inline constexpr int kPageWidthPx = 1000;
inline constexpr double kMaxPagePixels = 12e6;

struct PageImage {
  std::shared_ptr<const std::string> png;
  bool cached = false;  // served from the cache
  double render_cpu_ms = 0;  // CPU time of the drawing child (0 when cached)
};

class PageImages {
 public:
  PageImages(size_t cache_bytes, int timeout_seconds);

  // Page `page` (1-based) of the document with this SHA-256, with the line
  // boxes of clause `clause_id` highlighted when it is given (it must be a
  // clause of that document; on a page it does not touch nothing is
  // highlighted). kNotFound: no such document, page or clause; kUnsupported:
  // a text document; kNotFound / kCorrupt: its file is gone or changed;
  // kCancelled: the render timed out, or too many renders are running.
  StatusOr<PageImage> Page(IndexReader& index, const std::string& sha256, int page, const std::string& clause_id);

  // The exhibit of `cite --exhibit` for the clause, as PNG bytes (not cached).
  StatusOr<std::string> Exhibit(IndexReader& index, const std::string& clause_id);

 private:
  std::shared_ptr<const std::string> Lookup(const std::string& key);
  void Store(const std::string& key, std::shared_ptr<const std::string> png);

  size_t cache_bytes_, used_bytes_ = 0;
  int timeout_seconds_;
  std::mutex mu_;
  std::list<std::pair<std::string, std::shared_ptr<const std::string>>> lru_;  // most recent first
  std::unordered_map<std::string, decltype(lru_)::iterator> by_key_;
  std::counting_semaphore<> renders_{2};
};

// Runs `draw` in a child process and returns what it returned, or
// kCancelled when it did not finish within `timeout_seconds` (the child is
// killed), or kInternal when the child died; `child_cpu_ms`, when given,
// receives the child's CPU time (user + system).
StatusOr<std::string> RunBounded(const std::function<StatusOr<std::string>()>& draw, int timeout_seconds,
                                 double* child_cpu_ms = nullptr);

}  // namespace foiamine::serve
