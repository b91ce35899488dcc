// E-mail and mailboxes (pipeline/email_file.h): identity from the headers,
// quoted replies kept apart, attachments decoded, bounds.
#include <catch2/catch.hpp>

#include "pipeline/email_file.h"

using namespace foiamine;

namespace {

std::string PageText(const SourcePage& page) {
  std::string out;
  for (const auto& w : page.words) out += w.text + " ";
  return out;
}

const char* kReply =
    "From: Records Office <records@doc.example.gov>\n"
    "To: ERO Duty Officer <duty@ice.example.gov>\n"
    "Cc: Warden <warden@doc.example.gov>\n"
    "Date: Tue, 11 Jul 2023 09:14:00 -0400\n"
    "Subject: Re: Weekend release dates\n"
    "Message-ID: <abc123@doc.example.gov>\n"
    "In-Reply-To: <xyz@ice.example.gov>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "We faxed the list on Friday.\n"
    "\n"
    "On Mon, Jul 10, 2023 at 4:00 PM, ERO Duty Officer <duty@ice.example.gov> wrote:\n"
    "> Please notify ICE of the release date of each detainer case.\n"
    "> Thanks.\n"
    "--B\n"
    "Content-Type: text/plain; name=\"list.txt\"\n"
    "Content-Disposition: attachment; filename=\"list.txt\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "UmVsZWFzZSBsaXN0Cg==\n"
    "--B--\n";

}  // namespace

TEST_CASE("an e-mail's headers are its identity: Subject the title, Date the issued date", "[email]") {
  auto mail = ReadEmail(kReply);
  REQUIRE(mail.ok());
  CHECK(mail->doc.hints.title == "Re: Weekend release dates");
  CHECK(mail->doc.hints.issued == "2023-07-11");
  CHECK(mail->doc.hints.doc_kind == "correspondence");
  CHECK(mail->doc.hints.authority == "practice");
  CHECK(mail->message_id == "abc123@doc.example.gov");
  CHECK(mail->in_reply_to == "<xyz@ice.example.gov>");
  REQUIRE(!mail->doc.pages.empty());
  const std::string first = PageText(mail->doc.pages[0]);
  CHECK(first.find("From: Records Office") != std::string::npos);
  CHECK(first.find("Cc: Warden") != std::string::npos);
  CHECK(first.find("We faxed the list on Friday.") != std::string::npos);
}

TEST_CASE("quoted reply text is its own page, attributed, without '>' markers", "[email]") {
  auto mail = ReadEmail(kReply);
  REQUIRE(mail.ok());
  REQUIRE(mail->doc.pages.size() == 2);
  const std::string first = PageText(mail->doc.pages[0]), quoted = PageText(mail->doc.pages[1]);
  CHECK(first.find("notify ICE") == std::string::npos);
  CHECK(quoted.find("Quoted text") != std::string::npos);
  CHECK(quoted.find("not the sender's own words") != std::string::npos);
  CHECK(quoted.find("ERO Duty Officer <duty@ice.example.gov> wrote:") != std::string::npos);
  CHECK(quoted.find("Please notify ICE of the release date of each detainer case.") != std::string::npos);
  CHECK(quoted.find(">") == quoted.find("> wrote:"));  // only the address's bracket, no quote markers
}

TEST_CASE("an Outlook-style original message is quoted text too", "[email]") {
  SplitBody split = SplitQuoted(
      "Yes, we still do.\n\n-----Original Message-----\nFrom: Jane Roe\nSent: Monday, July 10, 2023\n"
      "Do you notify ICE?\n");
  CHECK(split.fresh == "Yes, we still do.\n\n");
  CHECK(split.quoted.find("Do you notify ICE?") != std::string::npos);
  CHECK(split.attribution == "From: Jane Roe; Sent: Monday, July 10, 2023");
}

TEST_CASE("attachments are decoded and numbered, and an HTML-only body is read as text", "[email]") {
  auto mail = ReadEmail(kReply);
  REQUIRE(mail.ok());
  REQUIRE(mail->attachments.size() == 1);
  CHECK(mail->attachments[0].seq == 1);
  CHECK(mail->attachments[0].name == "list.txt");
  CHECK(mail->attachments[0].bytes == "Release list\n");
  CHECK(PageText(mail->doc.pages[0]).find("Attachments: 1. list.txt") != std::string::npos);

  auto html = ReadEmail(
      "From: a@b.gov\nDate: Tue, 11 Jul 2023 09:14:00 +0000\nSubject: S\nMessage-ID: <1@b>\nMIME-Version: 1.0\n"
      "Content-Type: text/html\n\n<html><body><script>x()</script><p>The desk emailed ERO the list.</p></body></html>\n");
  REQUIRE(html.ok());
  const std::string text = PageText(html->doc.pages[0]);
  CHECK(text.find("The desk emailed ERO the list.") != std::string::npos);
  CHECK(text.find("x()") == std::string::npos);
  CHECK(text.find("<p>") == std::string::npos);
}

TEST_CASE("a malformed or hostile e-mail fails with its reason", "[email]") {
  auto no_parts = ReadEmail(
      "From: a@b.gov\nMessage-ID: <1@b>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n"
      "no boundary ever\n");
  REQUIRE_FALSE(no_parts.ok());
  CHECK(no_parts.status().message().find("no parts") != std::string::npos);

  std::string nested = "From: a@b.gov\nMessage-ID: <1@b>\nMIME-Version: 1.0\n";
  for (int i = 0; i < 300; ++i) nested += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" + std::to_string(i) + "\n";
  auto deep = ReadEmail(nested);
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.status().message().find("multipart/message containers") != std::string::npos);
}

TEST_CASE("a message with many attachments opens the first kMaxMailParts and says so", "[email]") {
  std::string m = "From: a@b.gov\nMessage-ID: <1@b>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n";
  m += "--B\nContent-Type: text/plain\n\nbody\n";
  for (int i = 0; i < kMaxMailParts + 50; ++i) {
    m += "--B\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"a" + std::to_string(i) + ".txt\"\n\nx\n";
  }
  m += "--B--\n";
  auto mail = ReadEmail(m);
  REQUIRE(mail.ok());
  CHECK(mail->attachments.size() == static_cast<size_t>(kMaxMailParts - 1));
  REQUIRE(!mail->doc.warnings.empty());
  CHECK(mail->doc.warnings.back().find("parts not opened") != std::string::npos);
}

TEST_CASE("a mailbox splits at its 'From ' lines", "[email][mbox]") {
  auto messages = SplitMbox(
      "From a@b Tue Jul 11 09:14:00 2023\nFrom: a@b.gov\nSubject: one\n\nFirst.\n\n"
      "From c@d Wed Jul 12 10:00:00 2023\nFrom: c@d.gov\nSubject: two\n\nSecond.\n>From the desk.\n");
  REQUIRE(messages.ok());
  REQUIRE(messages->size() == 2);
  CHECK(messages->at(0).rfind("From: a@b.gov", 0) == 0);
  CHECK(messages->at(1).find(">From the desk.") != std::string::npos);
  CHECK_FALSE(SplitMbox("no messages here\n").ok());
}
