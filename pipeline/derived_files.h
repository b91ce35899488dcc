// Files found inside a document (an e-mail's attachments, a mailbox's
// messages), made into files of the drop so that each is planned, hashed,
// read (any supported type, OCR included) and indexed like any other.
//
// Each is written once into a private temporary folder (0700, mkdtemp,
// removed with the DerivedFiles); its drop-relative path is its container's
// path, then "/", then its own name within it ("mail.eml/attachment 2 -
// list.pdf"), with '/' and control characters in an attachment's name made
// '_' so the name stays one component. Nesting is bounded (kMaxDerivedDepth:
// an e-mail attached to an e-mail attached to ...): deeper files are refused
// with that reason.
#pragma once

#include <filesystem>
#include <string>

#include "base/status.h"
#include "pipeline/document_job.h"
#include "pipeline/drop_scan.h"

namespace foiamine {

inline constexpr int kMaxDerivedDepth = 4;

class DerivedFiles {
 public:
  DerivedFiles() = default;
  DerivedFiles(const DerivedFiles&) = delete;
  DerivedFiles& operator=(const DerivedFiles&) = delete;
  ~DerivedFiles();  // removes the folder and what is in it

  // The path `d` will have inside `parent` (also when it cannot be written).
  static DocumentPath PathOf(const DropFile& parent, const DerivedDocument& d);

  // Writes `d`, found in `parent` (whose content is `parent_sha256`), and
  // returns it as a file of the drop. kUnsupported past kMaxDerivedDepth,
  // kIoError when the temporary folder cannot take it.
  StatusOr<DropFile> Write(const DropFile& parent, const std::string& parent_sha256, const DerivedDocument& d);

 private:
  std::filesystem::path dir_;
  int count_ = 0;
};

}  // namespace foiamine
