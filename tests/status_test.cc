#include "base/status.h"

#include <catch2/catch.hpp>

using foiamine::Status;
using foiamine::StatusOr;

TEST_CASE("Status carries code and message", "[status]") {
  Status ok;
  CHECK(ok.ok());
  Status bad = Status::Corrupt("a.pdf: truncated");
  CHECK_FALSE(bad.ok());
  CHECK(bad.code() == Status::Code::kCorrupt);
  CHECK(bad.ToString() == "corrupt: a.pdf: truncated");
  StatusOr<int> value = 7;
  CHECK(value.ok());
  CHECK(*value == 7);
  StatusOr<int> missing = Status::NotFound("clause 9");
  CHECK_FALSE(missing.ok());
  CHECK(missing.status().message() == "clause 9");
}

TEST_CASE("a StatusOr built from an OK Status is an internal error, not a silent success", "[status]") {
  StatusOr<int> wrong = Status::Ok();
  CHECK_FALSE(wrong.ok());
  CHECK_FALSE(wrong.status().ok());
  CHECK(wrong.status().code() == Status::Code::kInternal);
}
