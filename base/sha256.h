// SHA-256 of files and byte strings (OpenSSL EVP), as lowercase hex.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/status.h"

namespace foiamine {

std::string Sha256Hex(std::string_view bytes);
// Streams the file; never holds it whole in memory.
StatusOr<std::string> Sha256File(const std::filesystem::path& path);

// SHA-256 of bytes given piece by piece (e.g. a ZIP entry as it inflates).
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void Update(const void* bytes, size_t size);
  // The digest of everything given so far, as lowercase hex. Call once.
  [[nodiscard]] std::string FinishHex();

 private:
  struct Context;
  Context* context_;  // owned; an EVP_MD_CTX kept out of this header
};

}  // namespace foiamine
