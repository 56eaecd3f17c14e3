#include "app/test_routes.hpp"

#include "core/auth/tokens.hpp"
#include "core/error/try.hpp"
#include "core/events/live_hub.hpp"
#include "core/http/files.hpp"
#include "core/http/json.hpp"
#include "core/http/static_files.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include <unistd.h>

namespace declic::app {

namespace asio = boost::asio;
namespace json = boost::json;
namespace http = core::http;
using core::Error;
using http::problem;
using http::Request;

namespace {

constexpr std::uint64_t kMaxSink = std::uint64_t(8) << 30;
constexpr std::uint64_t kMaxGenerated = std::uint64_t(8) << 30;
constexpr core::db::Statement kSleep{"test_sleep", "SELECT pg_sleep($1::float8 / 1000)"};

std::int64_t int_field(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  return v && v->is_int64() ? v->get_int64() : 0;
}

// The after-commit handler of test.* events: writes "start" and "done" lines to a log in
// DATA_DIR (what the tests read), after sleeping `sleepMs`; throws the first `throwTimes`
// attempts; fails (an error value) the first `failTimes`.
class TestRecorder {
 public:
  explicit TestRecorder(std::filesystem::path log) : log_(std::move(log)) {}

  core::Async<void> handle(core::db::Queryable&, const core::events::StoredEvent& e) {
    const auto attempt = next_attempt(e.id);
    write("start", e.id);
    if (attempt <= int_field(e.data, "throwTimes")) throw std::runtime_error("test handler threw");
    if (attempt <= int_field(e.data, "failTimes")) co_return Error::internal("test handler failed");
    if (const auto ms = int_field(e.data, "sleepMs"); ms > 0) {
      asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::milliseconds(ms));
      co_await timer.async_wait(asio::use_awaitable);
    }
    write("done", e.id);
    co_return core::Result<void>{};
  }

 private:
  int next_attempt(std::int64_t id) {
    std::lock_guard lock(mutex_);
    return ++attempts_[id];
  }
  void write(const char* what, std::int64_t id) {
    std::lock_guard lock(mutex_);
    std::ofstream(log_, std::ios::app) << what << ' ' << id << ' ' << ::getpid() << '\n';
  }

  std::filesystem::path log_;
  std::mutex mutex_;
  std::map<std::int64_t, int> attempts_;
};

// Counts a body and hashes it as it streams in.
http::Reply sink(Request&, http::BodyReader& body) {
  core::auth::Sha256 sha;
  std::uint64_t bytes = 0;
  for (;;) {
    auto chunk = co_await body.next();
    if (!chunk) co_return problem(chunk.error());
    if (chunk->empty()) break;
    bytes += chunk->size();
    sha.update(*chunk);
  }
  co_return http::json_reply(200, json::object{{"bytes", bytes}, {"sha256", sha.hex()}});
}

// `bytes` bytes of a repeating pattern (byte i is i % 251), produced as they are sent.
class Pattern final : public http::BodySource {
 public:
  explicit Pattern(std::uint64_t size) : size_(size) {}
  core::Async<std::size_t> read(std::span<char> into) override {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(into.size(), size_ - sent_));
    for (std::size_t i = 0; i < n; ++i) into[i] = static_cast<char>((sent_ + i) % 251);
    sent_ += n;
    co_return n;
  }

 private:
  std::uint64_t size_, sent_ = 0;
};

http::Reply generated(Request& req) {
  std::uint64_t bytes = 0;
  const auto text = req.query_param("bytes").value_or("");
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), bytes);
  if (ec != std::errc() || end != text.data() + text.size() || bytes > kMaxGenerated)
    co_return problem(Error::validation({{"bytes", "invalid", "A size in bytes."}}));
  co_return http::Response::streamed(200, std::make_shared<Pattern>(bytes), bytes,
                                     "application/octet-stream");
}

}  // namespace

void install_test_routes(core::ModuleContext& m, const Config& config) {
  const std::filesystem::path data_dir(config.data_dir);
  auto& hub = m.own(std::make_unique<core::events::LiveHub>());
  m.events.on_live([&hub](const auto& e) { hub.publish(*e, e->type); });
  auto& recorder = m.own(std::make_unique<TestRecorder>(data_dir / "test-events.log"));
  m.events.after_commit("test.record", "test.*",
                        [&recorder](core::db::Queryable& tx, const core::events::StoredEvent& e) {
                          return recorder.handle(tx, e);
                        });

  // Echoes what it receives; forwards the live test.* events the caller may see; closes with
  // 4001 when the caller's access token expires.
  m.router
      .websocket(
          "/api/test/echo",
          [&hub](Request& req, std::shared_ptr<http::WebSocket> ws) -> asio::awaitable<void> {
            const auto& me = *req.principal;
            const core::events::Viewer viewer{me.id(), me.is_staff()};
            const std::weak_ptr<http::WebSocket> weak = ws;
            const auto subscription =
                hub.add(viewer, "test.*", [weak](std::int64_t, const auto& frame) {
                  auto socket = weak.lock();
                  return socket && socket->send(frame);
                });
            asio::steady_timer expiry(co_await asio::this_coro::executor,
                                      std::chrono::system_clock::from_time_t(me.token_expires_at) -
                                          std::chrono::system_clock::now());
            expiry.async_wait([weak](boost::system::error_code ec) {
              if (auto socket = weak.lock(); socket && !ec) socket->close(4001, "token expired");
            });
            while (auto text = co_await ws->receive())
              ws->send(std::make_shared<const std::string>(std::move(*text)));
            expiry.cancel();
            hub.remove(subscription);
          })
      .guard(m.guards.signed_in);

  // {type: "test.<word>", data?}: published for the caller (and the staff).
  m.router
      .post("/api/test/events",
            [&m](Request& req) -> http::Reply {
              auto body = http::parse_object(req);
              if (!body) co_return problem(body.error());
              http::JsonReader r(*body);
              auto type = r.required_string("type", 6, 60);
              if (auto e = r.error()) co_return problem(*e);
              if (!type->starts_with("test."))
                co_return problem(Error::validation({{"type", "invalid", "test.<word>"}}));
              core::events::Event event;
              event.type = *type;
              event.subject_id = req.principal->id();
              event.actor_id = req.principal->id();
              event.ip = req.remote_ip;
              event.audience = {true, {req.principal->id()}};
              if (const auto* data = body->if_contains("data"); data && data->is_object())
                event.data = data->get_object();
              auto published = co_await m.db.transact([&](core::db::Tx& tx) -> core::Async<void> {
                co_return co_await m.events.publish(tx, event);
              });
              if (!published) co_return problem(published.error());
              co_return http::Response::no_content();
            })
      .guard(m.guards.signed_in);

  // Holds a pooled database connection for ?ms= milliseconds (a slow query).
  m.router.get("/api/test/slow", [&m](Request& req) -> http::Reply {
    const auto ms = req.query_param("ms").value_or("100");
    auto slept = co_await m.db.query(kSleep, core::db::params(ms));
    if (!slept) co_return problem(slept.error());
    co_return http::json_reply(200, json::object{{"sleptMs", ms}});
  });

  m.router.stream("PUT", "/api/test/sink", sink).body_limit(kMaxSink);
  m.router.get("/api/test/generated", generated);
  m.router.get("/api/test/files/{name}", [data_dir](Request& req) -> http::Reply {
    const std::string name(req.param("name"));
    if (!http::is_safe_relative_path(name)) co_return problem(Error::not_found("file"));
    auto file = http::File::open(data_dir / "test-files" / name);
    if (!file) co_return problem(Error::not_found("file"));
    http::FileReply reply;
    reply.content_type = "application/octet-stream";
    co_return http::file_response(req, std::move(file), reply);
  });
}

}  // namespace declic::app
