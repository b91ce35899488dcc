// Symbolic links in a folder drop.
//
// A drop is what the user handed over; a link inside it that leads out
// (to ~/.ssh/id_rsa, /etc/passwd, another case's files) must not pull that
// file into the index and its search results. A link to a file is followed
// only when the file it resolves to (all links resolved) lies under the
// drop's own resolved root; any other link is recorded as a failure with
// kLinkLeavesDrop and not read. Links to directories are never followed.
#pragma once

#include <filesystem>

namespace foiamine {

inline constexpr const char* kLinkLeavesDrop =
    "a symbolic link to a file outside the drop: not followed (copy the file into the drop to index it)";

// True when `link` resolves to a path under `root` (both resolved). False
// when either cannot be resolved (a dangling link).
bool LinkStaysInside(const std::filesystem::path& root, const std::filesystem::path& link);

}  // namespace foiamine
