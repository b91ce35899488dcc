#include "pipeline/drop_links.h"

#include <algorithm>

namespace foiamine {
namespace fs = std::filesystem;

bool LinkStaysInside(const fs::path& root, const fs::path& link) {
  std::error_code ec;
  const fs::path real_root = fs::canonical(root, ec);
  if (ec) return false;
  const fs::path target = fs::canonical(link, ec);
  if (ec) return false;
  // Component-wise prefix: /drop2/x is not under /drop.
  auto r = real_root.begin(), t = target.begin();
  for (; r != real_root.end(); ++r, ++t) {
    if (t == target.end() || *r != *t) return false;
  }
  return t != target.end();
}

}  // namespace foiamine
