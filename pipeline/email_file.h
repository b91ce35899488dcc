// E-mail (.eml) and mailboxes (.mbox): the text stage of a message (GMime).
//
// A message is one document of the authority "practice" and the kind
// "correspondence", titled by its Subject and dated (issued) by its Date
// header, in the sender's own time zone. Its pages:
//   * p. 1, the message as its sender wrote it: a header block (From, To,
//     Cc, Date, Subject, Message-ID, In-Reply-To, the attachments' names)
//     and the new text of the body (text/plain; else text/html read as
//     pipeline/html_file.h reads a page);
//   * p. 2, when the body quotes earlier mail, the quoted text, kept apart:
//     "> " lines, the "On ..., X wrote:" line before them, and everything
//     after an "-----Original Message-----" / "From: ... Sent: ..." /
//     "Forwarded message" separator. The page is headed as quoted text and
//     names the quoted author and date where the attribution line gives
//     them, so a clause found there is read as the quoted author's, not as
//     the sender's ("> " markers are removed, so sentences stay whole).
// Attachments (parts with a file name or an attachment disposition, and
// attached messages) are returned with their decoded bytes, numbered from 1
// in the order they occur; the runner indexes each as a document of its own
// (any supported type, OCR included) linked to the message
// (schemas/index.sql, attachments) and cited as "attachment N to the e-mail
// of DATE".
// Bounded: at most kMaxMailParts MIME parts (the rest are not opened, said
// in a warning) and kMaxMailNesting multipart/message containers (refused
// before parsing: GMime's parser recurses into them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pipeline/page.h"

namespace foiamine {

inline constexpr int kMaxMailParts = 1000;
inline constexpr int kMaxMailNesting = 200;

struct MailAttachment {
  int seq = 0;               // 1-based, in the order the parts occur
  std::string name;          // its file name, or "part N" / "message N.eml"
  std::string content_type;  // "application/pdf"
  std::string bytes;         // decoded (base64 / quoted-printable undone)
};

struct MailMessage {
  SourceDocument doc;  // pages and hints (title = Subject, issued = Date)
  std::string message_id, in_reply_to, from, date;  // date: ISO "2023-07-11", empty when none
  std::vector<MailAttachment> attachments;
};

// Parses one message. kCorrupt when GMime cannot read it or it has no
// content at all (e.g. a multipart whose boundary never occurs).
StatusOr<MailMessage> ReadEmail(std::string_view bytes);

// The messages of a Unix mailbox, each as its own bytes (the "From " line
// removed). kCorrupt when it holds none.
StatusOr<std::vector<std::string>> SplitMbox(std::string_view bytes);

// The body text split into the sender's new text and the quoted text (with
// "> " markers removed); `attribution` is the "On ..., X wrote:" line or the
// "From:/Sent:" header of the quoted message, when there is one.
struct SplitBody {
  std::string fresh, quoted, attribution;
};
SplitBody SplitQuoted(std::string_view body);

}  // namespace foiamine
