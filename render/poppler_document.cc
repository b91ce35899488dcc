#include "render/poppler_document.h"

#include <poppler/cpp/poppler-global.h>

#include <algorithm>
#include <fstream>
#include <mutex>

namespace foiamine {

// Poppler's message handler (a friend of PopplerMessages).
void CollectPopplerMessage(const std::string& message, void*);

namespace {
std::mutex g_messages_mutex;
PopplerMessages* g_innermost = nullptr;  // guarded by g_messages_mutex

// Whether the last 2 KB of the file hold "%%EOF" or "startxref": a PDF cut
// short in transfer has neither, and the message says so.
bool HasTrailer(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  if (size <= 0) return false;
  const std::streamoff tail = std::min<std::streamoff>(size, 2048);
  in.seekg(size - tail);
  std::string end(static_cast<size_t>(tail), '\0');
  in.read(end.data(), tail);
  return end.find("%%EOF") != std::string::npos || end.find("startxref") != std::string::npos;
}

void InstallQuietHandler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&CollectPopplerMessage, nullptr); });
}
}  // namespace

void CollectPopplerMessage(const std::string& message, void*) {
  std::lock_guard<std::mutex> lock(g_messages_mutex);
  PopplerMessages* scope = g_innermost;
  if (!scope) return;
  ++scope->count_;
  if (scope->kept_.size() >= 50) return;
  std::string clean = message.substr(0, 300);
  while (!clean.empty() && (clean.back() == '\n' || clean.back() == ' ')) clean.pop_back();
  if (clean.size() >= 4 && clean.compare(clean.size() - 4, 4, "<0a>") == 0) clean.resize(clean.size() - 4);
  scope->kept_.push_back(std::move(clean));
}

PopplerMessages::PopplerMessages() {
  InstallQuietHandler();
  std::lock_guard<std::mutex> lock(g_messages_mutex);
  outer_ = g_innermost;
  g_innermost = this;
}

PopplerMessages::~PopplerMessages() {
  std::lock_guard<std::mutex> lock(g_messages_mutex);
  // Scopes end in reverse order on one thread; across threads, unlink this
  // one wherever it sits.
  if (g_innermost == this) {
    g_innermost = outer_;
    return;
  }
  for (PopplerMessages* s = g_innermost; s; s = s->outer_) {
    if (s->outer_ == this) {
      s->outer_ = outer_;
      return;
    }
  }
}

std::string PopplerMessages::Summary() const {
  std::string out;
  std::vector<std::string> seen;
  for (const auto& m : kept_) {
    if (std::find(seen.begin(), seen.end(), m) != seen.end()) continue;
    seen.push_back(m);
    if (seen.size() > 3) break;
    if (!out.empty()) out += "; ";
    out += m;
  }
  return out;
}

StatusOr<std::unique_ptr<poppler::document>> OpenPdf(const std::filesystem::path& path,
                                                     const PopplerMessages* messages) {
  InstallQuietHandler();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  if (!doc) {
    const std::string detail = messages ? messages->Summary() : std::string();
    const std::string why = HasTrailer(path) ? "damaged PDF" : "truncated or damaged PDF (no end-of-file trailer)";
    return Status::Corrupt("Poppler cannot open it: " + why + (detail.empty() ? "" : " (" + detail + ")"));
  }
  if (doc->is_locked()) return Status::Unsupported("encrypted PDF that needs a password to open");
  return doc;
}

}  // namespace foiamine
