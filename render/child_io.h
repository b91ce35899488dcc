// Blocking pipe I/O and the sanitizer switch shared by the helper processes
// that read PDFs (pipeline/pdf_text) and render pages (render/render_process).
#pragma once

#include <cstddef>

namespace foiamine {

// AddressSanitizer reserves terabytes of address space for its shadow
// memory: under it, a child's RLIMIT_AS would kill the child before main().
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif
#else
inline constexpr bool kUnderAsan = false;
#endif

// Writes all `size` bytes, retrying on EINTR. False on any error.
bool WriteAll(int fd, const void* data, size_t size);

// Reads exactly `size` bytes, retrying on EINTR. False at end of input or on error.
bool ReadAll(int fd, void* data, size_t size);

}  // namespace foiamine
