// Drop scanning: the files of a drop, listed before anything is read.
//
// A drop is a folder (walked recursively, names in byte order; hidden files
// skipped and counted; links to folders not followed), a ZIP archive
// (pipeline/zip_drop.h: its accepted entries are the files, its refused
// entries failures), or a single file. A manifest.csv / manifest.json at the
// drop's root is read (pipeline/manifest.h) and is not itself a document.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/index.h"
#include "pipeline/manifest.h"
#include "pipeline/zip_drop.h"

namespace foiamine {

// Where a file found inside another document came from (an e-mail's
// attachment, a mailbox's message; schemas/index.sql, attachments).
struct DerivedFrom {
  std::string parent_sha256;
  int seq = 0;
  std::string name;         // the attachment's file name; empty for a message
  std::string kind;         // attachment | message
  std::string parent_date;  // the e-mail's date, ISO, for the citation; may be empty
  int depth = 1;            // 1 for a file of the drop's documents, 2 inside that, ...
};

// A regular file found in a drop.
struct DropFile {
  std::filesystem::path absolute;  // where its bytes are (for a ZIP drop: the extracted entry)
  DocumentPath path;               // drop root + relative path
  std::shared_ptr<const DerivedFrom> derived;  // set when found inside another document
};

struct DropScan {
  std::vector<DropFile> files;
  std::vector<std::pair<DocumentPath, std::string>> unreadable;  // what could not be listed or was refused, and why
  int hidden_skipped = 0;
};

// One drop, listed: its files, manifest and (for a ZIP drop) the archive
// whose extracted entries the files are; warnings about the manifest or ZIP.
struct ScannedDrop {
  DropScan scan;
  Manifest manifest;
  std::optional<ZipDrop> zip;  // must outlive the processing of scan.files
  std::vector<std::string> warnings;
};

// Lists the drop `drop` (a folder, a ZIP archive or a file, by path).
// REQUIRES: the drop exists (the runner checks, as a usage error).
ScannedDrop ScanDrop(const std::string& drop);

// The DocumentPath of `relative` under `root`: raw bytes as found, display
// form with invalid UTF-8 escaped.
DocumentPath MakeDocumentPath(const std::filesystem::path& root, const std::filesystem::path& relative);

}  // namespace foiamine
