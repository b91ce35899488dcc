#include "pipeline/email_file.h"

#include <gmime/gmime.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <sstream>

#include "pipeline/html_file.h"
#include "pipeline/text_file.h"

namespace foiamine {
namespace {

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFree>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int CountContainers(std::string_view bytes) {
  const std::string lower = Lower(bytes.substr(0, std::min<size_t>(bytes.size(), size_t{256} << 20)));
  int n = 0;
  for (const char* what : {"multipart/", "message/rfc822"}) {
    for (size_t pos = lower.find(what); pos != std::string::npos; pos = lower.find(what, pos + 1)) ++n;
  }
  return n;
}

std::string Addresses(InternetAddressList* list) {
  if (!list || internet_address_list_length(list) == 0) return {};
  GString_ s(internet_address_list_to_string(list, nullptr, FALSE));
  return s ? std::string(s.get()) : std::string();
}

std::string Header(GMimeObject* o, const char* name) {
  const char* v = g_mime_object_get_header(o, name);
  if (!v) return {};
  std::string out(v);
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

std::string StreamBytes(GMimeStream* stream) {
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  return array ? std::string(reinterpret_cast<const char*>(array->data), array->len) : std::string();
}

struct Walk {
  std::string plain, html;
  std::vector<MailAttachment> attachments;
  int parts = 0, skipped = 0;
};

void OnPart(GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
  Walk& w = *static_cast<Walk*>(data);
  if (GMIME_IS_MULTIPART(part)) return;
  if (++w.parts > kMaxMailParts) {
    ++w.skipped;
    return;
  }
  if (GMIME_IS_MESSAGE_PART(part)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
    if (!inner) return;
    GPtr<GMimeStream> mem(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, mem.get());
    MailAttachment a;
    a.seq = static_cast<int>(w.attachments.size()) + 1;
    const char* subject = g_mime_message_get_subject(inner);
    a.name = "message " + std::to_string(a.seq) + ".eml";
    if (subject && *subject) a.name = std::string(subject) + ".eml";
    a.content_type = "message/rfc822";
    a.bytes = StreamBytes(mem.get());
    w.attachments.push_back(std::move(a));
    return;
  }
  if (!GMIME_IS_PART(part)) return;
  GMimePart* p = GMIME_PART(part);
  GMimeContentType* type = g_mime_object_get_content_type(part);
  const char* filename = g_mime_part_get_filename(p);
  const bool attachment = g_mime_part_is_attachment(p) || (filename && *filename);
  if (!attachment && GMIME_IS_TEXT_PART(part)) {
    const bool plain = g_mime_content_type_is_type(type, "text", "plain");
    const bool html = g_mime_content_type_is_type(type, "text", "html");
    if ((plain && w.plain.empty()) || (html && w.html.empty())) {
      GString_ text(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
      if (text) (plain ? w.plain : w.html) = text.get();
      return;
    }
  }
  if (!attachment) return;  // an inline part with no name (a logo, a calendar stub): not a document
  GMimeDataWrapper* content = g_mime_part_get_content(p);
  if (!content) return;
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  MailAttachment a;
  a.seq = static_cast<int>(w.attachments.size()) + 1;
  a.name = filename && *filename ? filename : "part " + std::to_string(a.seq);
  GString_ mime(g_mime_content_type_get_mime_type(type));
  a.content_type = mime ? mime.get() : "";
  a.bytes = StreamBytes(mem.get());
  w.attachments.push_back(std::move(a));
}

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

SplitBody SplitQuoted(std::string_view body) {
  std::vector<std::string> lines;
  {
    std::string line;
    std::istringstream in{std::string(body)};
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
  }
  SplitBody out;
  // Where an Outlook-style original or a forwarded message starts, the rest is quoted.
  size_t cut = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = TrimView(lines[i]);
    const bool original = t.find("Original Message") != std::string_view::npos && t.rfind("--", 0) == 0;
    const bool forwarded = t.find("Forwarded message") != std::string_view::npos;
    const bool outlook = StartsWithCi(t, "from:") && i + 1 < lines.size() &&
                         (StartsWithCi(TrimView(lines[i + 1]), "sent:") || StartsWithCi(TrimView(lines[i + 1]), "date:"));
    const bool rule = t.size() >= 20 && t.find_first_not_of('_') == std::string_view::npos && i + 1 < lines.size() &&
                      StartsWithCi(TrimView(lines[i + 1]), "from:");
    if (original || forwarded || outlook || rule) {
      cut = i;
      size_t from = outlook ? i : i + 1;
      if (rule) from = i + 1;
      std::string attribution;
      for (size_t k = from; k < lines.size() && k < from + 6; ++k) {
        std::string_view h = TrimView(lines[k]);
        if (StartsWithCi(h, "from:") || StartsWithCi(h, "sent:") || StartsWithCi(h, "date:")) {
          attribution += (attribution.empty() ? "" : "; ") + std::string(h);
        }
      }
      out.attribution = attribution;
      break;
    }
  }
  // Before the cut: "> " lines are quoted, with the "On ... wrote:" line
  // (which may wrap onto two lines) that introduces them.
  std::vector<bool> quoted(lines.size(), false);
  for (size_t i = 0; i < cut; ++i) {
    if (!lines[i].empty() && lines[i][0] == '>') quoted[i] = true;
  }
  for (size_t i = 0; i < cut; ++i) {
    std::string_view t = TrimView(lines[i]);
    if (t.size() >= 6 && t.substr(t.size() - 6) == "wrote:") {
      size_t start = i;
      if (!StartsWithCi(t, "on ") && i > 0 && StartsWithCi(TrimView(lines[i - 1]), "on ")) start = i - 1;
      // Only when quoted lines follow (blank lines between allowed).
      size_t k = i + 1;
      while (k < cut && TrimView(lines[k]).empty()) ++k;
      if (k < cut && quoted[k]) {
        for (size_t j = start; j <= i; ++j) quoted[j] = true;
        if (out.attribution.empty()) {
          for (size_t j = start; j <= i; ++j) out.attribution += (j > start ? " " : "") + std::string(TrimView(lines[j]));
        }
      }
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i >= cut || quoted[i]) {
      std::string_view l = lines[i];
      while (!l.empty() && (l.front() == '>' || (l.front() == ' ' && l.size() > 1 && l[1] == '>'))) {
        l.remove_prefix(1);
        if (!l.empty() && l.front() == ' ') l.remove_prefix(1);
      }
      out.quoted += std::string(l) + "\n";
    } else {
      out.fresh += lines[i] + "\n";
    }
  }
  return out;
}

StatusOr<MailMessage> ReadEmail(std::string_view bytes) {
  InitGMime();
  if (int n = CountContainers(bytes); n > kMaxMailNesting) {
    return Status::Unsupported("e-mail with " + std::to_string(n) + " multipart/message containers (more than " +
                               std::to_string(kMaxMailNesting) + ")");
  }
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return Status::Corrupt("not a readable e-mail message (GMime found no message)");
  GMimeObject* body = g_mime_message_get_mime_part(message.get());
  if (!body) return Status::Corrupt("e-mail message with no body");
  if (GMIME_IS_MULTIPART(body) && g_mime_multipart_get_count(GMIME_MULTIPART(body)) == 0) {
    return Status::Corrupt("multipart e-mail with no parts (its boundary never occurs)");
  }
  Walk walk;
  g_mime_message_foreach(message.get(), OnPart, &walk);

  MailMessage out;
  GMimeObject* o = GMIME_OBJECT(message.get());
  const char* subject = g_mime_message_get_subject(message.get());
  out.from = Addresses(g_mime_message_get_from(message.get()));
  const std::string to = Addresses(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO));
  const std::string cc = Addresses(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_CC));
  const char* id = g_mime_message_get_message_id(message.get());
  out.message_id = id ? id : "";
  out.in_reply_to = Header(o, "In-Reply-To");
  std::string date_header = Header(o, "Date");
  if (GDateTime* date = g_mime_message_get_date(message.get())) {
    GString_ iso(g_date_time_format(date, "%Y-%m-%d"));
    if (iso) out.date = iso.get();
  }

  std::string text_body = walk.plain;
  if (text_body.empty() && !walk.html.empty()) {
    auto html = HtmlToText(walk.html);
    if (html.ok()) text_body = html->text;
    else out.doc.warnings.push_back("the HTML body could not be read: " + html.status().message());
  }
  for (char& c : text_body) {
    if (c == '\f') c = '\n';  // a form feed in a body would start a page of its own
  }
  SplitBody split = SplitQuoted(text_body);

  std::string page1;
  auto line = [&](const char* name, const std::string& value) {
    if (!value.empty()) page1 += std::string(name) + ": " + value + "\n";
  };
  line("From", out.from);
  line("To", to);
  line("Cc", cc);
  line("Date", date_header);
  line("Subject", subject ? subject : "");
  line("Message-ID", out.message_id.empty() ? "" : "<" + out.message_id + ">");
  line("In-Reply-To", out.in_reply_to);
  out.attachments = std::move(walk.attachments);
  if (!out.attachments.empty()) {
    std::string names;
    for (const auto& a : out.attachments) {
      names += (names.empty() ? "" : "; ") + std::to_string(a.seq) + ". " + a.name;
    }
    line("Attachments", names);
  }
  page1 += "\n" + split.fresh;
  std::string text = page1;
  if (TrimView(split.quoted).size() > 0) {
    text += "\fQuoted text (earlier mail quoted in this message, not the sender's own words";
    if (!split.attribution.empty()) text += "; " + split.attribution;
    text += "):\n\n" + split.quoted;
  }
  for (char& c : text) {
    if (c == '\0') c = ' ';
  }
  out.doc = [&] {
    SourceDocument d = PagesFromText(text);
    for (auto& w : out.doc.warnings) d.warnings.push_back(w);
    return d;
  }();
  if (walk.skipped > 0) {
    out.doc.warnings.push_back("e-mail with more than " + std::to_string(kMaxMailParts) + " parts: " +
                               std::to_string(walk.skipped) + " parts not opened");
  }
  out.doc.hints.title = subject ? std::string(TrimView(subject)) : "";
  out.doc.hints.doc_kind = "correspondence";
  out.doc.hints.authority = "practice";
  out.doc.hints.issued = out.date;
  return out;
}

StatusOr<std::vector<std::string>> SplitMbox(std::string_view bytes) {
  // Messages start at a line beginning "From " at the start of the file or
  // after a blank line (mboxrd / mboxo: "From " in bodies is quoted ">From ").
  std::vector<std::string> out;
  size_t start = std::string_view::npos;
  size_t pos = 0;
  auto finish = [&](size_t end) {
    if (start == std::string_view::npos) return;
    size_t body = bytes.find('\n', start);
    if (body == std::string_view::npos || body >= end) return;
    out.emplace_back(bytes.substr(body + 1, end - body - 1));
  };
  while (pos < bytes.size()) {
    const bool at_line_start = pos == 0 || bytes[pos - 1] == '\n';
    const bool after_blank = pos == 0 || (pos >= 2 && bytes[pos - 2] == '\n') ||
                             (pos >= 3 && bytes[pos - 2] == '\r' && bytes[pos - 3] == '\n');
    if (at_line_start && after_blank && bytes.compare(pos, 5, "From ") == 0) {
      finish(pos);
      start = pos;
      if (out.size() > 1'000'000) return Status::Unsupported("mailbox with more than 1,000,000 messages");
    }
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  finish(bytes.size());
  if (out.empty()) return Status::Corrupt("mailbox with no message (no line starting 'From ')");
  return out;
}

}  // namespace foiamine
