#include "base/cancel.h"

#include <atomic>

namespace foiamine {
namespace {
std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
}  // namespace

void RequestCancel() { g_cancel.store(true); }
bool CancelRequested() { return g_cancel.load(); }
void ClearCancel() { g_cancel.store(false); }

}  // namespace foiamine
