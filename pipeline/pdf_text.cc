#include "pipeline/pdf_text.h"

#include "pipeline/margin_numbers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-version.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "base/cancel.h"
#include "base/utf8.h"
#include "pipeline/ocr_triage.h"
#include "render/child_io.h"
#include "render/page_image.h"
#include "render/pdf_layer.h"
#include "pipeline/redactions.h"
#include "render/poppler_document.h"

namespace foiamine {
namespace {

std::string ToUtf8(const poppler::ustring& text) {
  // Most words are short runs of the Basic Multilingual Plane: encoded
  // here, without ustring::to_utf8's iconv (4% of a born-digital run's
  // time went to opening and running an iconv converter per word).
  // Surrogates (pairs, or a lone one iconv refuses) go through iconv as before.
  std::string out;
  out.reserve(text.size());
  for (const auto unit : text) {
    const unsigned u = unit;
    if (u >= 0xD800 && u < 0xE000) {
      poppler::byte_array bytes = text.to_utf8();
      return std::string(bytes.begin(), bytes.end());
    }
    if (u < 0x80) {
      out.push_back(static_cast<char>(u));
    } else if (u < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (u >> 6)));
      out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (u >> 12)));
      out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    }
  }
  return out;
}

// Decides the break after each word from the geometry of the next one:
// a new line when the next word starts left of this one's end on a lower
// baseline; a paragraph when the vertical gap exceeds 1.2 line heights.
void AssignBreaks(std::vector<SourceWord>& words) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const Box& a = *words[i].box;
    const Box& b = *words[i + 1].box;
    double height = std::max(1.0, a.y1 - a.y0);
    // Same line: the boxes overlap vertically by at least half the smaller
    // height (glyphs such as dashes have odd boxes) and b does not jump back.
    double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    double smaller = std::max(1.0, std::min(a.y1 - a.y0, b.y1 - b.y0));
    bool same_line = overlap >= smaller * 0.5 && b.x0 >= a.x0;
    if (same_line) {
      words[i].after = Break::kSpace;
    } else if (b.y0 - a.y1 > height * 1.2) {
      words[i].after = Break::kParagraph;
    } else {
      words[i].after = Break::kLine;
    }
  }
  if (!words.empty()) words.back().after = Break::kParagraph;
}

// A page's text layer is usable when it has at least a few letters or digits.
bool HasUsableText(const std::vector<SourceWord>& words) {
  size_t alnum = 0;
  for (const auto& w : words) {
    for (unsigned char c : w.text) alnum += std::isalnum(c) || c >= 0x80;
    if (alnum >= 3) return true;
  }
  return false;
}

// Fraction of the page's area that is not white (gray < 224 at 50 dpi) outside the
// word boxes: images, scanned text, drawings. None when it cannot be rendered.
std::optional<double> InkOutsideText(poppler::page& page, const std::vector<SourceWord>& words) {
  RenderLimits limits;
  limits.dpi = 50;
  limits.antialias = false;
  auto image = RenderOpenPage(page, limits);
  if (!image.ok()) return std::nullopt;
  PIX* pix = image->pix.get();
  const double kDpi = image->dpi;  // 50, unless the page is past the pixel cap even at 50 dpi
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  std::vector<unsigned char> covered(static_cast<size_t>(w) * h, 0);
  const double scale = kDpi / 72.0;
  for (const auto& word : words) {
    if (!word.box) continue;
    int x0 = std::max(0, static_cast<int>(word.box->x0 * scale) - 1);
    int y0 = std::max(0, static_cast<int>(word.box->y0 * scale) - 1);
    int x1 = std::min(w, static_cast<int>(word.box->x1 * scale) + 2);
    int y1 = std::min(h, static_cast<int>(word.box->y1 * scale) + 2);
    for (int y = y0; y < y1; ++y) std::fill(covered.begin() + y * w + x0, covered.begin() + y * w + std::max(x0, x1), 1);
  }
  const l_uint32* data = pixGetData(pix);
  size_t dark = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) dark += GET_DATA_BYTE(line, x) < 224 && !covered[static_cast<size_t>(y) * w + x];
  }
  return static_cast<double>(dark) / (static_cast<double>(w) * h);
}

// ---- A tiny binary encoding of SourceDocument for the child's pipe ------

class Writer {
 public:
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void F64(double v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void Str(const std::string& s) {
    U32(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool U32(uint32_t& v) { return Raw(&v, sizeof v); }
  bool F64(double& v) { return Raw(&v, sizeof v); }
  bool Str(std::string& s) {
    uint32_t n;
    if (!U32(n) || n > in_.size() - pos_) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }

 private:
  bool Raw(void* dst, size_t n) {
    if (in_.size() - pos_ < n) return false;
    std::memcpy(dst, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

// Message layout: u32 ok; if !ok: u32 code, str message. Else the document.
std::string Encode(const StatusOr<SourceDocument>& result) {
  Writer w;
  w.U32(result.ok() ? 1 : 0);
  if (!result.ok()) {
    w.U32(static_cast<uint32_t>(result.status().code()));
    w.Str(result.status().message());
    return std::move(w.bytes());
  }
  const SourceDocument& doc = result.value();
  w.Str(doc.pdf_title);
  w.U32(static_cast<uint32_t>(doc.warnings.size()));
  for (const auto& warning : doc.warnings) w.Str(warning);
  w.U32(static_cast<uint32_t>(doc.pages.size()));
  for (const auto& page : doc.pages) {
    w.U32(static_cast<uint32_t>(page.page_no));
    w.F64(page.width_pt.value_or(-1));
    w.F64(page.height_pt.value_or(-1));
    w.U32(static_cast<uint32_t>(page.method));
    w.U32(page.needs_ocr);
    w.Str(page.ocr_reason);
    w.F64(page.ink_outside_text.value_or(-1));
    w.U32(static_cast<uint32_t>(page.words.size()));
    for (const auto& word : page.words) {
      w.Str(word.text);
      w.F64(word.box->x0);
      w.F64(word.box->y0);
      w.F64(word.box->x1);
      w.F64(word.box->y1);
      w.U32(static_cast<uint32_t>(word.after));
    }
    w.U32(static_cast<uint32_t>(page.redactions.size()));
    for (const auto& r : page.redactions) {
      w.F64(r.box.x0);
      w.F64(r.box.y0);
      w.F64(r.box.x1);
      w.F64(r.box.y1);
      w.Str(r.source);
      w.Str(r.label);
      w.U32(static_cast<uint32_t>(r.leaked_words.size()));
      for (size_t i : r.leaked_words) w.U32(static_cast<uint32_t>(i));
    }
  }
  return std::move(w.bytes());
}

StatusOr<SourceDocument> Decode(std::string_view bytes) {
  Reader r(bytes);
  const Status truncated = Status::Internal("text extraction returned a truncated result");
  uint32_t ok;
  if (!r.U32(ok)) return truncated;
  if (!ok) {
    uint32_t code;
    std::string message;
    if (!r.U32(code) || !r.Str(message)) return truncated;
    switch (static_cast<Status::Code>(code)) {
      case Status::Code::kCorrupt: return Status::Corrupt(message);
      case Status::Code::kUnsupported: return Status::Unsupported(message);
      case Status::Code::kIoError: return Status::IoError(message);
      default: return Status::Internal(message);
    }
  }
  SourceDocument doc;
  uint32_t n_warnings, n_pages;
  if (!r.Str(doc.pdf_title) || !r.U32(n_warnings)) return truncated;
  for (uint32_t i = 0; i < n_warnings; ++i) {
    std::string warning;
    if (!r.Str(warning)) return truncated;
    doc.warnings.push_back(std::move(warning));
  }
  if (!r.U32(n_pages)) return truncated;
  for (uint32_t p = 0; p < n_pages; ++p) {
    SourcePage page;
    uint32_t page_no, method, needs_ocr, n_words;
    double width, height, ink;
    if (!r.U32(page_no) || !r.F64(width) || !r.F64(height) || !r.U32(method) || !r.U32(needs_ocr) ||
        !r.Str(page.ocr_reason) || !r.F64(ink) || !r.U32(n_words)) {
      return truncated;
    }
    if (ink >= 0) page.ink_outside_text = ink;
    page.page_no = static_cast<int>(page_no);
    if (width >= 0) page.width_pt = width;
    if (height >= 0) page.height_pt = height;
    page.method = static_cast<PageMethod>(method);
    page.needs_ocr = needs_ocr != 0;
    for (uint32_t i = 0; i < n_words; ++i) {
      SourceWord word;
      Box box;
      uint32_t after;
      if (!r.Str(word.text) || !r.F64(box.x0) || !r.F64(box.y0) || !r.F64(box.x1) || !r.F64(box.y1) ||
          !r.U32(after)) {
        return truncated;
      }
      word.box = box;
      word.after = static_cast<Break>(after);
      page.words.push_back(std::move(word));
    }
    uint32_t n_redactions;
    if (!r.U32(n_redactions)) return truncated;
    for (uint32_t k = 0; k < n_redactions; ++k) {
      RedactionBox box;
      uint32_t n_leaked;
      if (!r.F64(box.box.x0) || !r.F64(box.box.y0) || !r.F64(box.box.x1) || !r.F64(box.box.y1) ||
          !r.Str(box.source) || !r.Str(box.label) || !r.U32(n_leaked)) {
        return truncated;
      }
      for (uint32_t j = 0; j < n_leaked; ++j) {
        uint32_t index;
        if (!r.U32(index)) return truncated;
        if (index < page.words.size()) box.leaked_words.push_back(index);
      }
      page.redactions.push_back(std::move(box));
    }
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

// Closes a file descriptor on scope exit.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

// True when this process runs more than one thread (Linux /proc).
bool ProcessHasOtherThreads() {
  std::error_code ec;
  int threads = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/task", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (++threads > 1) return true;
  }
  return false;
}

}  // namespace

std::string PopplerVersion() { return poppler::version_string(); }

namespace {

// A helper's answer for one PDF: its text, or why not (an exception of
// Poppler's is an answer too, never a dead helper).
std::string AnswerFor(const std::string& path) {
  try {
    return Encode(ExtractPdfTextInProcess(path));
  } catch (const std::bad_alloc&) {
    return Encode(Status::Corrupt("Poppler ran out of memory on this PDF"));
  } catch (const std::exception& e) {
    return Encode(Status::Internal(std::string("Poppler failed: ") + e.what()));
  }
}

// Poppler's global parameters (its encoding and font tables, read from
// /usr/share/poppler) live while some poppler-cpp document does: each PDF
// served read them afresh (~4% of a helper's time). A one-page document
// held for the helper's lifetime keeps them loaded; they are tables, the
// same for every document.
std::unique_ptr<poppler::document> KeepPopplerInitialised() {
  static const std::string pdf = [] {
    const char* objects[] = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>"};
    std::string out = "%PDF-1.4\n";
    std::string xref = "xref\n0 4\n0000000000 65535 f \n";
    for (int i = 0; i < 3; ++i) {
      char entry[32];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", out.size());
      xref += entry;
      out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t start = out.size();
    return out + xref + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(start) + "\n%%EOF\n";
  }();
  PopplerMessages messages;  // none expected; none printed
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
}

}  // namespace

int ServePdfTextRequest(const std::string& path, int fd) {
  const std::string message = AnswerFor(path);
  return WriteAll(fd, message.data(), message.size()) ? 0 : 1;
}

StatusOr<SourceDocument> ExtractPdfTextInProcess(const std::filesystem::path& path) {
  PopplerMessages messages;
  auto opened = OpenPdf(path, &messages);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<poppler::document> doc = std::move(opened.value());
  SourceDocument out;
  out.pdf_title = ToUtf8(doc->get_title());
  if (!IsValidUtf8(out.pdf_title)) out.pdf_title.clear();
  const int n_pages = doc->pages();
  if (n_pages <= 0) return Status::Corrupt("PDF has no pages");
  // Poppler's core on the same file, for the one-pass text + rectangles;
  // when it cannot open what poppler-cpp could, text_list() without boxes.
  std::unique_ptr<PdfLayerReader> layer;
  if (auto opened_layer = PdfLayerReader::Open(path); opened_layer.ok() && (*opened_layer)->pages() == n_pages) {
    layer = std::move(opened_layer.value());
  } else {
    out.warnings.push_back("redaction boxes not read: Poppler's core could not open the file");
  }
  for (int i = 0; i < n_pages; ++i) {
    SourcePage page;
    page.page_no = i + 1;
    // The page through poppler-cpp, made only when needed: with the layer
    // reader, its media box comes from Poppler's core, and poppler-cpp's
    // page (which caches the document's page tree a second time) only
    // serves the ink test of pages with few words.
    std::unique_ptr<poppler::page> p;
    std::optional<PdfLayerReader::PageSize> size;
    if (layer) {
      size = layer->MediaBoxSize(i);
    } else if (p.reset(doc->create_page(i)); p) {
      const poppler::rectf rect = p->page_rect(poppler::media_box);
      size = PdfLayerReader::PageSize{rect.width(), rect.height()};
    }
    if (!size) {
      page.needs_ocr = true;
      page.ocr_reason = "Poppler could not load the page";
      out.pages.push_back(std::move(page));
      continue;
    }
    page.width_pt = size->width;
    page.height_pt = size->height;
    std::vector<DarkRectangle> rectangles;
    if (layer) {
      // One pass: the text layer (as text_list() makes it) and the page's
      // dark rectangles (render/pdf_layer.h).
      PageLayer read = layer->Read(i);
      for (auto& word : read.words) {
        if (word.text.empty()) continue;
        if (!IsValidUtf8(word.text)) word.text = EscapeInvalidUtf8(word.text);
        page.words.push_back(SourceWord{std::move(word.text), Box{word.x0, word.y0, word.x1, word.y1}, Break::kSpace, {}});
      }
      rectangles = std::move(read.rectangles);
    } else {
      std::vector<poppler::text_box> boxes = p->text_list();
      for (const auto& tb : boxes) {
        std::string text = ToUtf8(tb.text());
        if (text.empty()) continue;
        if (!IsValidUtf8(text)) text = EscapeInvalidUtf8(text);
        poppler::rectf r = tb.bbox();
        page.words.push_back(SourceWord{text, Box{r.left(), r.top(), r.right(), r.bottom()}, Break::kSpace, {}});
      }
    }
    AssignBreaks(page.words);
    AttachMarginNumbers(page.words);  // transcript line numbers given as a column of their own
    // Before OCR triage clears an unusable text layer: the words decide
    // which boxes leak text (pipeline/redactions.h).
    page.redactions = RedactionsFromRectangles(rectangles, page.words);
    if (HasUsableText(page.words)) {
      page.method = PageMethod::kText;
      // Few words: does the page carry an image (of more text)? See ocr_triage.h.
      if (page.words.size() < static_cast<size_t>(kFewWords)) {
        if (!p) p.reset(doc->create_page(i));
        // (null only if poppler-cpp cannot load a page Poppler's core just read)
        if (p) page.ink_outside_text = InkOutsideText(*p, page.words);
      }
    } else {
      page.method = PageMethod::kNone;
      page.needs_ocr = true;
      page.ocr_reason = page.words.empty() ? "no text layer" : "text layer has no letters or digits";
      page.words.clear();
      for (auto& r : page.redactions) r.leaked_words.clear();
    }
    out.pages.push_back(std::move(page));
  }
  if (!messages.empty()) out.warnings.push_back("Poppler reported: " + messages.Summary());
  return out;
}

StatusOr<SourceDocument> ExtractPdfText(const std::filesystem::path& path, const PdfTextLimits& limits) {
  int fds[2];
  // Close-on-exec: the OCR workers' page-render helpers (render_process.h)
  // are exec'd from other threads while this pipe is open, and one that
  // inherited the write end would hold it open past this child's exit: no
  // EOF here until the --pdf-timeout deadline. The exec'd child gets the
  // write end as its stdout (dup2 clears the flag).
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::Internal(std::string("pipe: ") + std::strerror(errno));
  Fd read_end{fds[0]};
  Fd write_end{fds[1]};
  // Prepared before fork: after it, the child may only make
  // async-signal-safe calls until exec.
  const std::string path_string = path.string();
  // Exec costs ~50 ms (loading the binary's libraries); a single-threaded
  // process can fork safely and skip it.
  const std::string helper = ProcessHasOtherThreads() ? limits.helper_executable : std::string();
  const char* exec_argv[] = {helper.c_str(), "__pdf-text", path_string.c_str(), nullptr};
  pid_t child = fork();
  if (child < 0) return Status::Internal(std::string("fork: ") + std::strerror(errno));
  if (child == 0) {
    close(read_end.fd);
    if (!kUnderAsan && limits.memory_limit_bytes > 0) {
      rlimit limit{limits.memory_limit_bytes, limits.memory_limit_bytes};
      setrlimit(RLIMIT_AS, &limit);
    }
    if (!helper.empty()) {
      if (dup2(write_end.fd, STDOUT_FILENO) < 0) _exit(127);
      execv(helper.c_str(), const_cast<char* const*>(exec_argv));
      _exit(127);
    }
    _exit(ServePdfTextRequest(path_string, write_end.fd));
  }
  close(write_end.fd);
  write_end.fd = -1;

  std::string received;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.timeout_seconds);
  bool timed_out = false, cancelled = false;
  char buffer[1 << 16];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    if (CancelRequested()) {  // Ctrl-C, SIGTERM: base/cancel.h
      cancelled = true;
      break;
    }
    pollfd pfd{read_end.fd, POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(std::min<int64_t>(left.count(), 100)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    ssize_t n = read(read_end.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child finished or died
    received.append(buffer, static_cast<size_t>(n));
  }
  if (timed_out || cancelled) kill(child, SIGKILL);
  int wstatus = 0;
  while (waitpid(child, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (cancelled || (WIFSIGNALED(wstatus) && (WTERMSIG(wstatus) == SIGINT || WTERMSIG(wstatus) == SIGTERM)) ||
      (CancelRequested() && received.empty())) {
    return Status::Cancelled("the run is stopping");
  }
  if (timed_out) {
    return Status::Corrupt("Poppler did not finish within " + std::to_string(limits.timeout_seconds) +
                           " s (a malformed PDF can make it loop)");
  }
  if (WIFSIGNALED(wstatus)) {
    return Status::Corrupt("Poppler crashed on this PDF (signal " + std::to_string(WTERMSIG(wstatus)) + ")");
  }
  if (received.empty()) {
    if (WEXITSTATUS(wstatus) == 127) return Status::Internal("cannot start the text extraction helper " + helper);
    return Status::Corrupt("Poppler stopped without a result (exit code " + std::to_string(WEXITSTATUS(wstatus)) +
                           ", likely out of memory)");
  }
  return Decode(received);
}


// ---------------------------------------------------------------------------
// PdfTextService: long-lived helpers, one per worker thread.

namespace {

// One helper process, used by one thread.
class PdfTextHelper {
 public:
  explicit PdfTextHelper(const PdfTextLimits& limits) : limits_(limits) {}

  StatusOr<SourceDocument> Extract(const std::filesystem::path& path) {
    if (CancelRequested()) return Status::Cancelled("the run is stopping");
    if (!helper_.running()) {
      // A whole document's answer fits the pipe more often: the helper is
      // then free for the next request before this thread reads it all.
      Status started =
          helper_.Start(limits_.helper_executable, "__pdf-text-server", limits_.memory_limit_bytes, 1 << 20);
      if (!started.ok()) return started;
    }
    const std::string& native = path.native();
    std::string request;
    const auto size = static_cast<uint32_t>(native.size());
    request.append(reinterpret_cast<const char*>(&size), sizeof size);
    request += native;
    const auto deadline = HelperClock::now() + std::chrono::seconds(limits_.timeout_seconds);
    if (!WriteAll(helper_.to_child(), request.data(), request.size())) return Failed(Wait::kEof);
    uint64_t answer_size = 0;
    if (Wait w = ReadBefore(helper_.from_child(), &answer_size, sizeof answer_size, deadline); w != Wait::kOk) {
      return Failed(w);
    }
    if (answer_size == 0 || answer_size > (uint64_t{1} << 34)) return Failed(Wait::kEof);
    std::string answer(static_cast<size_t>(answer_size), '\0');
    if (Wait w = ReadBefore(helper_.from_child(), answer.data(), answer.size(), deadline); w != Wait::kOk) {
      return Failed(w);
    }
    return Decode(answer);
  }

 private:
  // Why the helper gave no answer (ExtractPdfText's words), once it is stopped.
  Status Failed(Wait wait) {
    const auto [exited, wstatus] = helper_.Reap(wait);
    if (wait == Wait::kCancelled || CancelRequested() ||
        (exited && WIFSIGNALED(wstatus) && (WTERMSIG(wstatus) == SIGINT || WTERMSIG(wstatus) == SIGTERM))) {
      return Status::Cancelled("the run is stopping");
    }
    if (wait == Wait::kTimeout) {
      return Status::Corrupt("Poppler did not finish within " + std::to_string(limits_.timeout_seconds) +
                             " s (a malformed PDF can make it loop)");
    }
    if (exited && WIFSIGNALED(wstatus)) {
      return Status::Corrupt("Poppler crashed on this PDF (signal " + std::to_string(WTERMSIG(wstatus)) + ")");
    }
    if (exited && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127) {
      return Status::Internal("cannot start the text extraction helper " + limits_.helper_executable);
    }
    return Status::Corrupt("Poppler stopped without a result (exit code " +
                           std::to_string(exited && WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1) +
                           ", likely out of memory)");
  }

  const PdfTextLimits limits_;
  HelperProcess helper_;
};

}  // namespace

struct PdfTextService::Impl {
  PdfTextLimits limits;
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  std::deque<std::pair<std::filesystem::path, std::promise<StatusOr<SourceDocument>>>> queue;
  std::vector<std::thread> threads;

  void Work() {
    PdfTextHelper helper(limits);
    while (true) {
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait(lock, [&] { return stopping || !queue.empty(); });
      if (queue.empty()) return;  // stopping, nothing left
      auto job = std::move(queue.front());
      queue.pop_front();
      lock.unlock();
      StatusOr<SourceDocument> result = Status::Internal("unreachable");
      try {
        result = helper.Extract(job.first);
      } catch (const std::bad_alloc&) {
        result = Status::Corrupt("out of memory reading the text extraction's answer");
      }
      job.second.set_value(std::move(result));
    }
  }
};

PdfTextService::PdfTextService(PdfTextLimits limits, int processes) : impl_(std::make_unique<Impl>()) {
  impl_->limits = std::move(limits);
  if (impl_->limits.helper_executable.empty()) return;
  for (int i = 0; i < std::max(1, processes); ++i) impl_->threads.emplace_back([impl = impl_.get()] { impl->Work(); });
}

PdfTextService::~PdfTextService() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
    // Documents not started are dropped (the run is over or stopping).
    impl_->queue.clear();
  }
  impl_->wake.notify_all();
  for (auto& t : impl_->threads) t.join();
}

std::future<StatusOr<SourceDocument>> PdfTextService::Submit(const std::filesystem::path& path) {
  std::promise<StatusOr<SourceDocument>> promise;
  auto future = promise.get_future();
  if (impl_->threads.empty()) {
    promise.set_value(ExtractPdfText(path, impl_->limits));
    return future;
  }
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->queue.emplace_back(path, std::move(promise));
  }
  impl_->wake.notify_one();
  return future;
}

int ServePdfTextRequests(int in_fd, int out_fd) {
  const std::unique_ptr<poppler::document> keep = KeepPopplerInitialised();
  while (true) {
    uint32_t size = 0;
    if (!ReadAll(in_fd, &size, sizeof size)) return 0;
    if (size > (1u << 16)) return 1;
    std::string path(size, '\0');
    if (!ReadAll(in_fd, path.data(), path.size())) return 1;
    const std::string message = AnswerFor(path);
    const uint64_t n = message.size();
    if (!WriteAll(out_fd, &n, sizeof n) || !WriteAll(out_fd, message.data(), message.size())) return 1;
  }
}

}  // namespace foiamine
