// The formats real productions come in, end to end through the real binary
// (issue 16): e-mail with attachments, a mailbox, Word, a web page, CSV and
// .xlsx logs; each read, its clauses cited in its own terms; a malformed
// file of each format fails alone with its reason (exit 2), the rest indexed.
#include <catch2/catch.hpp>

#include <map>

#include "tests/format_fixtures.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

std::string Base64(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
    if ((i / 3) % 19 == 18) out += "\n";
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
  }
  return out + "\n";
}

void MakeFormatsDrop(const fs::path& drop, const fs::path& scratch) {
  WriteTextPdf(scratch / "procedures.pdf",
               {{"Release Coordination", "", "1. Records staff shall notify ICE of the release date of each inmate with a detainer."}});
  WriteFile(drop / "release-list.eml",
            "From: Records Office <records@doc.example.gov>\n"
            "To: ERO Duty Officer <duty@ice.example.gov>\n"
            "Date: Tue, 11 Jul 2023 09:14:00 -0400\n"
            "Subject: Weekend release dates for detainer cases\n"
            "Message-ID: <abc123@doc.example.gov>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"XX\"\n\n"
            "--XX\nContent-Type: text/plain; charset=utf-8\n\n"
            "As usual, we faxed the weekend release dates for the detainer cases to ERO on Friday.\n\n"
            "On Mon, Jul 10, 2023 at 4:00 PM, ERO Duty Officer <duty@ice.example.gov> wrote:\n"
            "> The sheriff shall not hold any person on an immigration detainer past release.\n"
            "--XX\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"procedures.pdf\"\n"
            "Content-Transfer-Encoding: base64\n\n" +
                Base64(ReadFile(scratch / "procedures.pdf")) + "--XX--\n");
  WriteFile(drop / "desk.mbox",
            "From records@doc.example.gov Wed Jul 12 08:00:00 2023\n"
            "From: Records Office <records@doc.example.gov>\nDate: Wed, 12 Jul 2023 08:00:00 -0400\n"
            "Subject: Monday list\nMessage-ID: <m1@doc.example.gov>\n\nThe night clerk emailed ERO the discharge list.\n\n"
            "From records@doc.example.gov Thu Jul 13 08:00:00 2023\n"
            "From: Records Office <records@doc.example.gov>\nDate: Thu, 13 Jul 2023 08:00:00 -0400\n"
            "Subject: Tuesday list\nMessage-ID: <m2@doc.example.gov>\n\nNothing to report today.\n");
  WriteDocx(drop / "procedures.docx",
            DocxParagraph("Release Coordination Procedures") + DocxParagraph("Procedures") +
                DocxParagraph("Records staff shall notify ICE of the anticipated release date of each inmate with a "
                              "detainer.", 1) +
                DocxParagraph("Records staff shall verify the identity of each releasing inmate.", 1),
            DocxNumbering("lowerLetter"));
  WriteFile(drop / "code.html",
            "<!DOCTYPE html><html><head><title>County Code 2.15.010 - Civil immigration detainers</title>"
            "<script>var t = \"notify ICE prior to release\";</script></head><body><nav>Home | Codes</nav>"
            "<h1>2.15.010 Civil immigration detainers</h1><ol type=\"a\">"
            "<li>The sheriff shall not notify federal immigration authorities of the release date of any person.</li>"
            "</ol></body></html>");
  WriteFile(drop / "desk-log.csv",
            "entry,date,action\n101,2023-06-12,Released to family at front lobby\n"
            "102,2023-06-12,ERO notified of release date by fax per standing practice\n");
  WriteXlsx(drop / "detainer-log.xlsx", "Log",
            {{"entry", "date", "action"}, {"7", "#45089", "Released on bond"},
             {"8", "#45090", "ERO notified of release date by phone"}});
  // One malformed file of each format, and an Outlook message.
  WriteFile(drop / "bad.eml",
            "From: a@b.gov\nMessage-ID: <1@b>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n"
            "the boundary never occurs\n");
  WriteFile(drop / "bad.mbox", "no message in this mailbox\n");
  WriteDocx(drop / "bad.docx", "<w:p><w:r><w:t>unclosed");
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  WriteFile(drop / "bad.html", "<html><body>" + deep + "deep</body></html>");
  WriteFile(drop / "bad.csv", "a,b,c\n1,\"never closed,3\n");
  WriteZipEntries(drop / "bad.xlsx", {{"xl/workbook.xml", "<workbook><sheets"}});
  WriteFile(drop / "memo.msg", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
}

std::vector<nlohmann::json> Clauses(const fs::path& db, const std::string& doc_part) {
  std::vector<nlohmann::json> out;
  for (auto& c : JsonLines(RunFoiamine("clauses --json --db " + Quote(db.string())).out)) {
    if (c["doc_path"].get<std::string>().find(doc_part) != std::string::npos) out.push_back(c);
  }
  return out;
}

const nlohmann::json* Find(const std::vector<nlohmann::json>& cs, const std::string& topic, const std::string& stance) {
  for (const auto& c : cs) {
    if (c["topic"] == topic && c["stance"] == stance) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every format is read, malformed files fail alone with their reasons", "[e2e][formats]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop", db = dir / "i.db";
  MakeFormatsDrop(drop, dir.path());
  auto run = RunFoiamine("run " + Quote(drop.string()) + " --db " + Quote(db.string()));
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);

  auto status = RunFoiamine("status --json --db " + Quote(db.string()));
  REQUIRE(status.exit_code == 0);
  std::map<std::string, std::string> reasons;
  const nlohmann::json report = nlohmann::json::parse(status.out);
  for (const auto& f : report["failures"]) reasons[f["path"]] = f["reason"];
  CHECK(reasons.size() == 7);
  CHECK(reasons["bad.eml"] == "e-mail: multipart e-mail with no parts (its boundary never occurs)");
  CHECK(reasons["bad.mbox"] == "mailbox: mailbox with no message (no line starting 'From ')");
  CHECK(reasons["bad.docx"].find("word/document.xml is not well-formed XML") != std::string::npos);
  CHECK(reasons["bad.html"].find("HTML nested deeper than 2000 elements") != std::string::npos);
  CHECK(reasons["bad.csv"] == "CSV with a quoted field opened on line 2 that never closes");
  CHECK(reasons["bad.xlsx"].find("xl/workbook.xml is not well-formed XML") != std::string::npos);
  CHECK(reasons["memo.msg"].find("Outlook .msg") != std::string::npos);
  CHECK(reasons["memo.msg"].find("not supported") != std::string::npos);

  // The rest: 6 files, the PDF attachment and the mailbox's 2 messages.
  CHECK(QueryInt(db, "SELECT count(*) FROM documents") == 9);
  CHECK(QueryText(db, "SELECT group_concat(file_type, ',') FROM (SELECT file_type FROM documents ORDER BY 1)") ==
        "csv,docx,email,email,email,html,mbox,pdf,xlsx");
}

TEST_CASE("an e-mail: Subject is the title, quoted text is apart, attachments are linked documents", "[e2e][formats]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop", db = dir / "i.db";
  MakeFormatsDrop(drop, dir.path());
  RunFoiamine("run " + Quote(drop.string()) + " --db " + Quote(db.string()));

  const auto mail = Clauses(db, "release-list.eml");
  const nlohmann::json* sent = Find(mail, "release_notification", "reports");
  REQUIRE(sent);
  CHECK((*sent)["doc_title"] == "Weekend release dates for detainer cases");
  CHECK((*sent)["authority"] == "practice");
  CHECK((*sent)["page"] == 1);
  // The quoted sender's rule is on the quoted page, never the sender's text.
  for (const auto& c : mail) {
    if (c["topic"] == "detainer_hold") CHECK(c["page"] == 2);
  }
  CHECK(QueryText(db, "SELECT issued || '|' || doc_kind FROM documents WHERE file_type='email' AND "
                      "title LIKE 'Weekend%'") == "2023-07-11|correspondence");

  // The PDF attachment: a document of its own, linked and cited through the e-mail.
  const auto attached = Clauses(db, "release-list.eml/attachment 1 - procedures.pdf");
  const nlohmann::json* rule = Find(attached, "release_notification", "requires");
  REQUIRE(rule);
  CHECK((*rule)["citation"].get<std::string>().rfind("attachment 1 to the e-mail of 2023-07-11", 0) == 0);
  CHECK(QueryText(db, "SELECT a.seq || '|' || a.name || '|' || a.kind || '|' || (p.file_type) FROM attachments a "
                      "JOIN documents p ON p.sha256 = a.parent_sha256 JOIN documents c ON c.id = a.document_id "
                      "WHERE c.file_type='pdf'") == "1|procedures.pdf|attachment|email");
  // A mailbox's messages are documents of their own, linked to it.
  CHECK(QueryInt(db, "SELECT count(*) FROM attachments WHERE kind='message'") == 2);
  const auto box = Clauses(db, "desk.mbox/message 1.eml");
  REQUIRE(Find(box, "release_notification", "reports"));
  CHECK((*Find(box, "release_notification", "reports"))["doc_title"] == "Monday list");

  // verify knows an attachment by its container.
  auto verify = RunFoiamine("verify --db " + Quote(db.string()));
  INFO(verify.out << verify.err);
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("VANISHED") == std::string::npos);
}

TEST_CASE("Word numbering, HTML lists and spreadsheet rows give the sections clauses are cited by", "[e2e][formats]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop", db = dir / "i.db";
  MakeFormatsDrop(drop, dir.path());
  RunFoiamine("run " + Quote(drop.string()) + " --db " + Quote(db.string()));

  const nlohmann::json* docx = nullptr;
  const auto word = Clauses(db, "procedures.docx");
  docx = Find(word, "release_notification", "requires");
  REQUIRE(docx);
  CHECK((*docx)["section"] == "a.");

  const auto web = Clauses(db, "code.html");
  const nlohmann::json* html = Find(web, "release_notification", "restricts");
  REQUIRE(html);
  CHECK((*html)["doc_title"] == "County Code 2.15.010 - Civil immigration detainers");
  CHECK((*html)["text"].get<std::string>().find("var t") == std::string::npos);
  for (const auto& c : web) CHECK(c["text"].get<std::string>().find("prior to release") == std::string::npos);

  const auto csv = Clauses(db, "desk-log.csv");
  const nlohmann::json* row = Find(csv, "release_notification", "reports");
  REQUIRE(row);
  CHECK((*row)["section"] == "row 3");
  CHECK((*row)["citation"].get<std::string>().find(", row 3, p. 1") != std::string::npos);

  const auto xlsx = Clauses(db, "detainer-log.xlsx");
  const nlohmann::json* sheet_row = Find(xlsx, "release_notification", "reports");
  REQUIRE(sheet_row);
  CHECK((*sheet_row)["section"] == "sheet Log, row 3");
  CHECK((*sheet_row)["citation"].get<std::string>().find(", sheet Log, row 3, p. 1") != std::string::npos);
  CHECK(QueryText(db, "SELECT issued || '|' || authority FROM documents WHERE file_type='xlsx'") ==
        "2023-06-13|practice");
}

TEST_CASE("a .docx given as a drop of its own is a document, not a ZIP drop", "[e2e][formats]") {
  ScratchDir dir;
  WriteDocx(dir / "one.docx", DocxParagraph("Staff shall notify ICE of the release date of each inmate.", 1),
            DocxNumbering("decimal"));
  auto run = RunFoiamine("run " + Quote((dir / "one.docx").string()) + " --db " + Quote((dir / "i.db").string()));
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(QueryText(dir / "i.db", "SELECT file_type FROM documents") == "docx");
}
