// Poppler documents are opened here and nowhere else: the text stage
// (pipeline/pdf_text.cc), the page renderer (render/page_image.h) and,
// through it, OCR, exhibits and the web server's page images.
//
// Poppler reports every oddity of a damaged PDF on stderr by default (one
// PDF wrote 136,934 lines under --quiet). OpenPdf installs, once per
// process, a message handler that never prints: messages go to the
// innermost live PopplerMessages scope, or are dropped when there is none.
#pragma once

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace foiamine {

// Collects Poppler's messages while it lives (scopes nest; the innermost
// collects). Thread-compatible: the handler is process-wide, so when two
// threads each hold a scope, a message lands in the newer one. The helper
// processes (one document at a time) attribute exactly.
class PopplerMessages {
 public:
  PopplerMessages();
  ~PopplerMessages();
  PopplerMessages(const PopplerMessages&) = delete;
  PopplerMessages& operator=(const PopplerMessages&) = delete;

  // How many messages arrived (all of them, not only those kept).
  int count() const { return count_; }
  bool empty() const { return count_ == 0; }
  // The first message, without its trailing newline ("" when none).
  std::string first() const { return kept_.empty() ? std::string() : kept_.front(); }
  // The first few distinct messages, joined by "; ".
  std::string Summary() const;

 private:
  friend void CollectPopplerMessage(const std::string& message, void*);
  PopplerMessages* outer_ = nullptr;
  int count_ = 0;
  std::vector<std::string> kept_;  // the first 50
};

// Opens the PDF at `path`. Errors: kCorrupt "Poppler cannot open it:
// damaged PDF" (or "truncated or damaged PDF (no end-of-file trailer)"),
// with Poppler's first messages when `messages` caught some; kUnsupported
// "encrypted PDF that needs a password to open". Never null when ok.
StatusOr<std::unique_ptr<poppler::document>> OpenPdf(const std::filesystem::path& path,
                                                     const PopplerMessages* messages = nullptr);

}  // namespace foiamine
