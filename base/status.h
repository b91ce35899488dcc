// Status: the error path of foiamine, after LevelDB's.
//
// A Status is either OK or carries a code and a message a person can act on
// ("corpus/a.pdf: truncated PDF (no trailer)"). Functions that can fail
// return a Status (or a StatusOr<T>) instead of throwing across module
// boundaries.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace foiamine {

// [[nodiscard]]: a Status returned and dropped is a compile warning. Where
// dropping one is right, say why next to a `(void)` or IgnoreError().
class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,   // the caller's input is malformed (bad query, bad flag)
    kNotFound,          // a named file, document or clause does not exist
    kCorrupt,           // an input file is damaged or not what it claims to be
    kUnsupported,       // a valid input foiamine cannot handle (yet)
    kIoError,           // reading or writing failed
    kInternal,          // a library failed in an unexpected way
    kCancelled,         // the run was asked to stop (Ctrl-C, SIGTERM) before this finished
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(Code::kCancelled, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: <message>" style, for logs.
  std::string ToString() const;
  // The same code, the message preceded by `prefix` (e.g. "file.pdf: ").
  // An OK Status stays OK.
  Status WithPrefix(const std::string& prefix) const { return ok() ? *this : Status(code_, prefix + message_); }

  // Drops this Status on purpose (a best-effort cleanup whose failure
  // changes nothing). The call is the justification's anchor: write why.
  void IgnoreError() const {}

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // An OK `status` here is a bug in the caller; it becomes kInternal, so
  // that ok() and status() never disagree (before, !ok() with an OK status
  // let a caller return "success" without a value).
  StatusOr(Status status)  // NOLINT
      : status_(status.ok() ? Status::Internal("StatusOr constructed from an OK Status, without a value")
                            : std::move(status)) {}

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace foiamine
