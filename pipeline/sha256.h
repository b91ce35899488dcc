// SHA-256 of files and byte strings (OpenSSL EVP), as lowercase hex.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace foiamine {

std::string Sha256Hex(std::string_view bytes);
// Streams the file; never holds it whole in memory.
StatusOr<std::string> Sha256File(const std::filesystem::path& path);

}  // namespace foiamine
