// Routing and the HTTP plumbing of `foiamine serve` (cpp-httplib); the views
// themselves are in serve/*_view.cc and serve/api.cc.
#include "serve/server.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "serve/views.h"

namespace foiamine {

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return false;
}

namespace serve {

namespace {
std::atomic<uint64_t> next_context_id{1};
}  // namespace

Context::Context(const ServeOptions& options)
    : options_(options), images_(options.image_cache_bytes, options.render_timeout_seconds), id_(next_context_id++) {}

StatusOr<IndexReader*> Context::Index() {
  // One read-only connection per worker thread and server (SQLite
  // connections are not shared between threads).
  thread_local std::map<uint64_t, std::unique_ptr<IndexReader>> readers;
  auto& reader = readers[id_];
  if (!reader) {
    auto opened = IndexReader::Open(options_.db_path);
    if (!opened.ok()) return opened.status();
    reader = std::make_unique<IndexReader>(std::move(*opened));
  }
  return reader.get();
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument: return 400;
    case Status::Code::kNotFound: return 404;
    case Status::Code::kUnsupported: return 415;
    case Status::Code::kCorrupt: return 409;
    case Status::Code::kCancelled: return 503;
    default: return 500;
  }
}

}  // namespace serve

namespace {

using serve::Params;
using serve::Reply;

// Every reply: no inline script or style, nothing from elsewhere, no framing.
const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

Params ParamsOf(const httplib::Request& req) {
  Params params;
  for (const auto& [k, v] : req.params) params[k] = v;
  return params;
}

void Send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  for (const auto& [k, v] : reply.headers) res.set_header(k, v);
  res.set_content(reply.body, reply.content_type);
}

}  // namespace

Status Serve(const ServeOptions& options, const std::function<void(const std::string& url)>& on_listening) {
  // The index must open before anything is bound: a wrong --db is a usage error.
  {
    auto probe = IndexReader::Open(options.db_path);
    if (!probe.ok()) return probe.status();
  }
  auto ctx = std::make_shared<serve::Context>(options);
  httplib::Server server;
  const int threads = options.threads > 0 ? options.threads
                                          : std::max(4, static_cast<int>(std::thread::hardware_concurrency()));
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
  server.set_payload_max_length(64 * 1024);

  // Every view, timed: Server-Timing carries the server's time (bench/serve_latency.py reads it).
  auto html = [ctx](auto view) {
    return [ctx, view](const httplib::Request& req, httplib::Response& res) {
      const auto start = std::chrono::steady_clock::now();
      Reply reply = view(*ctx, req);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      reply.headers.emplace_back("Server-Timing", "app;dur=" + std::to_string(ms));
      Send(res, reply);
    };
  };
  server.Get("/", html([](serve::Context& c, const httplib::Request& r) { return SearchView(c, ParamsOf(r)); }));
  server.Get("/search", html([](serve::Context& c, const httplib::Request& r) { return SearchView(c, ParamsOf(r)); }));
  server.Get(R"(/doc/([0-9a-fA-F]{64})(?:/([0-9]{1,6}))?)",
             html([](serve::Context& c, const httplib::Request& r) {
               const int page = r.matches[2].length() ? std::stoi(r.matches[2].str()) : 1;
               return DocumentView(c, r.matches[1].str(), page, ParamsOf(r));
             }));
  server.Get(R"(/page/([0-9a-fA-F]{64})/([0-9]{1,6})\.png)", html([](serve::Context& c, const httplib::Request& r) {
               return PageImage(c, r.matches[1].str(), std::stoi(r.matches[2].str()), ParamsOf(r));
             }));
  server.Get(R"(/clause/([0-9a-fA-F]{4,16}))",
             html([](serve::Context& c, const httplib::Request& r) { return ClauseView(c, r.matches[1].str()); }));
  server.Get(R"(/clause/([0-9a-fA-F]{4,16})/exhibit\.png)", html([](serve::Context& c, const httplib::Request& r) {
               return ExhibitDownload(c, r.matches[1].str());
             }));
  server.Get("/diverge", html([](serve::Context& c, const httplib::Request& r) { return DivergeView(c, ParamsOf(r)); }));
  server.Get(R"(/diverge/report\.(html|csv|json))", html([](serve::Context& c, const httplib::Request& r) {
               return DivergeReport(c, r.matches[1].str(), ParamsOf(r));
             }));
  server.Get("/status", html([](serve::Context& c, const httplib::Request&) { return StatusView(c); }));
  server.Get("/api/search", html([](serve::Context& c, const httplib::Request& r) { return ApiSearch(c, ParamsOf(r)); }));
  server.Get("/api/clauses", html([](serve::Context& c, const httplib::Request& r) { return ApiClauses(c, ParamsOf(r)); }));
  server.Get("/api/divergences",
             html([](serve::Context& c, const httplib::Request& r) { return ApiDivergences(c, ParamsOf(r)); }));
  server.Get("/api/status", html([](serve::Context& c, const httplib::Request&) { return ApiStatus(c); }));
  server.Get(R"(/static/([A-Za-z0-9_-]+\.(?:css|js|svg)))",
             [](const httplib::Request& r, httplib::Response& res) { Send(res, serve::StaticAsset(r.matches[1].str())); });
  // Anything else (a path outside the contract, a traversal): 404, as JSON
  // under /api/, else as a page. A handler's own 4xx/5xx body is kept.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const Status missing = Status::NotFound("nothing here: " + req.path);
    Reply reply = req.path.rfind("/api/", 0) == 0 ? serve::JsonError(missing) : serve::HtmlError(missing);
    reply.status = res.status;
    Send(res, reply);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unexpected error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    Send(res, serve::HtmlError(Status::Internal(what)));
  });

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return Status::IoError("cannot bind " + options.host + " to any port");
  } else if (!server.bind_to_port(options.host, port)) {
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(port) +
                           " (in use? give another --port)");
  }
  // SIGINT/SIGTERM are taken by one thread (sigwait), never by a handler: it
  // stops the server, however early the signal comes (stop() does nothing
  // until the server runs, so it is repeated until it takes). Every other
  // thread, the workers included, has them blocked.
  signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  std::atomic<bool> finished{false};
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    while (!finished) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  const std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  on_listening("http://" + shown_host + ":" + std::to_string(port) + "/");
  const bool ok = server.listen_after_bind();
  finished = true;
  pthread_kill(stopper.native_handle(), SIGTERM);  // wakes it when no signal came
  stopper.join();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  if (!ok) return Status::IoError("the server stopped on an error");
  return Status::Ok();
}

}  // namespace foiamine
