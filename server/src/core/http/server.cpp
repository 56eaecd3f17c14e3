#include "core/http/server.hpp"

#include "core/error/error.hpp"
#include "core/http/compression.hpp"
#include "core/http/connection_limits.hpp"
#include "core/http/field_values.hpp"
#include "core/http/files.hpp"
#include "core/http/gate.hpp"
#include "core/http/websocket.hpp"
#include "core/log/log.hpp"
#include "core/util/address.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <csignal>
#include <ctime>
#include <list>
#include <mutex>
#include <random>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <sys/sendfile.h>

namespace declic::core::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kWriteTimeout = std::chrono::milliseconds(30000);
constexpr std::size_t kStreamChunk = 64 << 10;     // streamed bodies, in and out
constexpr std::uint64_t kSendfileChunk = 1 << 20;  // per sendfile(2) call
constexpr std::uint64_t kYieldEvery = 8 << 20;     // bytes sent before letting others run
// At shutdown, keep-alive connections get this long to send one more request (answered
// with Connection: close) before idle ones are closed: busy clients lose nothing.
constexpr auto kIdleGrace = std::chrono::milliseconds(200);
// A closing connection reads and drops what the client still sends, this long at most.
constexpr auto kLinger = std::chrono::seconds(1);
constexpr std::size_t kLingerBytes = 8 << 20;
// What an idle connection holds for the next request: most requests fit, and the buffer grows
// for the others. Ten thousand idle connections must not pin 4 KiB each.
constexpr std::size_t kIdleBuffer = 1024;
// A refused connection's request bytes already received are dropped, this many at most.
constexpr std::size_t kRefusalDrain = 64 << 10;
// Out of descriptors or similar: accept again after this pause instead of spinning.
constexpr auto kAcceptBreather = std::chrono::milliseconds(50);
// Refused connections are logged once per this interval at most, with a count.
constexpr auto kRefusalLogEvery = std::chrono::seconds(10);
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

// An id per request: a random per-process prefix and a counter — unique and cheap.
std::string next_request_id() {
  static const std::string prefix = [] {
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", rd());
    return std::string(buf);
  }();
  static std::atomic<std::uint64_t> counter{0};
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%012llx",
                static_cast<unsigned long long>(counter.fetch_add(1, std::memory_order_relaxed)));
  return prefix + buf;
}

// A client-supplied id is kept when it is short and plain, so traces join up across hops.
bool acceptable_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

std::string http_date() {
  thread_local std::time_t cached_at = 0;
  thread_local char cached[40];
  const std::time_t now = std::time(nullptr);
  if (now != cached_at) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(cached, sizeof cached, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_at = now;
  }
  return cached;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Connection;
using IdleQueue = std::list<std::shared_ptr<Connection>>;

struct Connection : std::enable_shared_from_this<Connection> {
  Connection(tcp::socket socket, std::string peer, std::string group)
      : stream(std::move(socket)), peer(std::move(peer)), group(std::move(group)) {}
  beast::tcp_stream stream;  // moved into `websocket` on an upgrade
  const std::string peer;    // the TCP peer's address
  const std::string group;   // counted against the per-address cap; empty: not capped
  bool idle = true;          // waiting for the first byte of a request; touched only on its strand
  std::uint64_t answered = 0;  // requests answered; none yet: the first-byte timeout applies
  std::shared_ptr<WebSocketSession> websocket;  // once upgraded; set on its strand
  // Under the server's mutex: the idle queue it waits in (if any) and its place there.
  IdleQueue* parked_in = nullptr;
  IdleQueue::iterator parked_at;
  std::atomic<bool> closed_for_room{false};  // its place went to a newer connection
};

// Logs the first of a burst at once, then one line per interval with how many it left out:
// a flood must not flood the log too. Used on one strand.
class LogThrottle {
 public:
  explicit LogThrottle(Clock::duration every) : every_(every) {}
  // True when this occurrence should be logged; skipped() then says how many were not.
  bool allow() {
    const auto now = Clock::now();
    if (now < next_) {
      ++pending_;
      return false;
    }
    next_ = now + every_;
    skipped_ = pending_;
    pending_ = 0;
    return true;
  }
  std::uint64_t skipped() const { return skipped_; }

 private:
  Clock::duration every_;
  Clock::time_point next_{};
  std::uint64_t pending_ = 0, skipped_ = 0;
};

// Status line, date, content type, the response's headers and keep-alive: what every reply
// carries, whatever its body.
template <class Message>
void set_head(Message& out, const Response& res, bool keep_alive) {
  // Beast knows no reason phrase for tus's 460.
  if (res.status == 460) out.reason("Checksum Mismatch");
  out.set(bhttp::field::date, http_date());
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
  for (const auto& [name, value] : res.headers) out.set(name, value);
  out.keep_alive(keep_alive);
}

using Parser = bhttp::request_parser<bhttp::string_body>;

// What one request turned into, for its reply, its access-log line and its metrics.
struct Exchange {
  Request req;
  unsigned version = 11;
  bool keep_alive_asked = true;
  RouteMetrics* metrics = nullptr;
  std::string route_label = "unmatched";
  bool body_consumed = false;  // the connection can carry another request
  bool upgraded = false;       // the connection became a WebSocket, now closed
};

// Chunks of a stream-in route's body, read into one buffer as the route asks for them.
class StreamedBody final : public BodyReader {
 public:
  StreamedBody(Connection& conn, beast::flat_buffer& buffer, Parser&& head, std::size_t limit,
               std::chrono::milliseconds timeout)
      : conn_(conn), buffer_(buffer), parser_(std::move(head)), timeout_(timeout) {
    parser_.body_limit(limit);
    // Beast reads at most what the buffer has room for: the idle connection's kilobyte would
    // mean one read per kilobyte (a 70 MB photo streamed at 60 MB/s). Given back when idle.
    buffer_.reserve(kStreamChunk);
  }

  std::optional<std::uint64_t> length() const override {
    auto n = parser_.content_length();
    return n ? std::optional<std::uint64_t>(*n) : std::nullopt;
  }

  asio::awaitable<Result<std::string_view>> next() override {
    while (!parser_.is_done()) {
      parser_.get().body().data = chunk_.data();
      parser_.get().body().size = chunk_.size();
      boost::system::error_code ec;
      conn_.stream.expires_after(timeout_);
      co_await bhttp::async_read_some(conn_.stream, buffer_, parser_,
                                      asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec == bhttp::error::body_limit) co_return Error::payload_too_large();
      if (ec) co_return Error::bad_request("Malformed or incomplete request body.");
      const auto n = chunk_.size() - parser_.get().body().size;
      if (n > 0) co_return std::string_view(chunk_.data(), n);
    }
    co_return std::string_view();
  }

  bool done() const { return parser_.is_done(); }

 private:
  Connection& conn_;
  beast::flat_buffer& buffer_;
  bhttp::request_parser<bhttp::buffer_body> parser_;
  std::chrono::milliseconds timeout_;
  std::vector<char> chunk_ = std::vector<char>(kStreamChunk);
};

// Waits until `socket` can take more bytes, `timeout` at most (false then, or on error).
asio::awaitable<bool> wait_writable(tcp::socket& socket, std::chrono::milliseconds timeout) {
  struct Flags {
    bool expired = false, done = false;
  };
  auto flags = std::make_shared<Flags>();
  asio::steady_timer timer(socket.get_executor(), timeout);
  // On the connection's strand, like the wait: `done` says the socket may be gone.
  timer.async_wait([&socket, flags](boost::system::error_code ec) {
    if (ec || flags->done) return;
    flags->expired = true;
    socket.cancel();
  });
  boost::system::error_code ec;
  co_await socket.async_wait(tcp::socket::wait_write,
                             asio::redirect_error(asio::use_awaitable, ec));
  flags->done = true;
  timer.cancel();
  co_return !flags->expired && !ec;
}

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Impl> {
  Impl(asio::io_context& ioc, const Router& router, ServerOptions opts)
      : ioc(ioc),
        router(router),
        options(std::move(opts)),
        metrics(router.connection_metrics()),
        acceptor(asio::make_strand(ioc)),
        grace(acceptor.get_executor()),
        limits(options.max_connections, options.max_connections_per_address) {
    metrics.max = options.max_connections;
    make_route_gates();
  }

  asio::io_context& ioc;
  const Router& router;
  ServerOptions options;
  ConnectionMetrics& metrics;
  tcp::acceptor acceptor;
  asio::steady_timer grace;
  std::atomic<bool> draining{false};      // listener closed: replies say Connection: close
  std::atomic<bool> closing_idle{false};  // grace over: idle connections end
  mutable std::mutex mutex;
  // Under `mutex`: every connection until its socket is closed; the counts the caps apply
  // to; and the connections waiting for a request, oldest first — those that never sent one
  // apart, since they are the first closed to make room (a browser's spare connection costs
  // nothing to reopen, a visitor's keep-alive connection costs them a handshake).
  std::unordered_set<std::shared_ptr<Connection>> connections;
  ConnectionLimits limits;
  IdleQueue silent, kept_alive;
  // Per buffered route, when route_concurrency is set; built before serving, then read-only.
  std::unordered_map<const Route*, std::unique_ptr<Gate>> gates;
  // Used on the acceptor's strand only.
  LogThrottle refusals_log{kRefusalLogEvery};
  struct Refusal {
    std::string date, bytes;
  };
  std::array<Refusal, 2> refusals;  // by capacity, by address
  std::uint64_t failed_accepts = 0;

  void make_route_gates();
  asio::awaitable<void> accept_loop();
  void admit(tcp::socket socket);
  std::shared_ptr<Connection> make_room();
  void refuse(tcp::socket& socket, ConnectionLimits::Verdict why);
  const std::string& refusal(bool over_address);
  void park(Connection& conn);
  bool unpark(Connection& conn);
  void forget(const std::shared_ptr<Connection>& conn);
  asio::awaitable<void> serve(std::shared_ptr<Connection> conn);
  asio::awaitable<bool> wait_for_request(Connection& conn, beast::flat_buffer& buffer);
  asio::awaitable<void> linger_close(Connection& conn);
  asio::awaitable<bool> handle_one(Connection& conn, beast::flat_buffer& buffer);
  asio::awaitable<bool> read_head(Connection& conn, beast::flat_buffer& buffer, Parser& parser);
  Exchange to_exchange(Connection& conn, const Parser& parser) const;
  std::optional<Error> framing_problem(const Parser& parser, const Exchange& ex) const;
  asio::awaitable<Response> dispatch(Connection& conn, beast::flat_buffer& buffer, Parser& parser,
                                     Exchange& ex);
  asio::awaitable<Response> run_handler(const Route* route, Exchange& ex);
  asio::awaitable<Response> run_in_turn(const Route* route, Exchange& ex);
  asio::awaitable<Response> stream_in(Connection& conn, beast::flat_buffer& buffer, Parser& parser,
                                      std::size_t limit, const Route& route, Exchange& ex);
  asio::awaitable<Response> upgrade(Connection& conn, Parser& parser, const Route& route,
                                    Exchange& ex);
  void log_and_observe(const Exchange& ex, int status, std::uint64_t bytes,
                       Clock::duration elapsed) const;
  void decorate(Response& res, const Request& req) const;
  void add_security_headers(Response& res) const;
  void close_idle_connections();
  asio::awaitable<bool> write(Connection& conn, Response& res, const Request& req, unsigned version,
                              bool keep_alive);
  asio::awaitable<bool> write_streamed(Connection& conn, Response& res, const Request& req,
                                       unsigned version, bool keep_alive);
  asio::awaitable<bool> send_file(Connection& conn, const FileRange& range);
  asio::awaitable<bool> send_source(Connection& conn, BodySource& source, std::uint64_t length);
  asio::awaitable<void> reply_and_close(Connection& conn, const Error& error, unsigned version);
};

void Server::Impl::make_route_gates() {
  if (options.route_concurrency == 0) return;
  for (const auto& route : router.routes())
    if (route->kind() == RouteKind::buffered)
      gates.emplace(route.get(), std::make_unique<Gate>(options.route_concurrency));
}

asio::awaitable<void> Server::Impl::accept_loop() {
  auto self = shared_from_this();
  while (!draining) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(
        asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || draining) break;
      // Out of descriptors or similar: one line when it starts, then breathe, never spin.
      if (failed_accepts++ == 0)
        log::error("accept failed; retrying", {{"error", std::string_view(ec.message())}});
      asio::steady_timer t(acceptor.get_executor(), kAcceptBreather);
      co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    if (failed_accepts > 0) {
      log::info("accepting again", {{"failedAccepts", static_cast<std::int64_t>(failed_accepts)}});
      failed_accepts = 0;
    }
    admit(std::move(socket));
  }
}

// Counts the new connection against the caps, making room at the process cap by closing
// the connection idle the longest; refuses it when that is not possible. A refusal costs
// only the decision (nothing is built for it): under a flood, every microsecond here delays
// the visitors queued behind it for accept.
void Server::Impl::admit(tcp::socket socket) {
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return;  // gone already
  auto peer = unmapped(endpoint.address().to_string());
  const bool proxy = std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(),
                               peer) != options.trusted_proxies.end();
  auto group = proxy ? std::string() : address_group(peer);

  using Verdict = ConnectionLimits::Verdict;
  std::shared_ptr<Connection> conn, displaced;
  Verdict verdict;
  {
    std::lock_guard lock(mutex);
    verdict = limits.check(group);
    if (verdict == Verdict::over_total && (displaced = make_room())) verdict = limits.check(group);
    if (verdict == Verdict::admit) {
      limits.add(group);
      conn = std::make_shared<Connection>(std::move(socket), std::move(peer), std::move(group));
      connections.insert(conn);
    }
    metrics.open = static_cast<std::int64_t>(limits.total());
  }
  if (displaced) {
    ++metrics.closed_for_room;
    asio::post(displaced->stream.get_executor(), [displaced] { displaced->stream.cancel(); });
  }
  if (verdict != Verdict::admit) return refuse(socket, verdict);
  conn->stream.socket().set_option(tcp::no_delay(true), ec);
  asio::co_spawn(conn->stream.get_executor(), serve(conn), asio::detached);
}

// Under `mutex`: takes the connection idle the longest out of the counts (its strand closes
// it); null when every connection is busy.
std::shared_ptr<Connection> Server::Impl::make_room() {
  auto& queue = silent.empty() ? kept_alive : silent;
  if (queue.empty()) return nullptr;
  auto oldest = std::move(queue.front());
  queue.pop_front();
  oldest->parked_in = nullptr;
  oldest->closed_for_room = true;
  limits.remove(oldest->group);
  return oldest;
}

// Over a cap: a 503 written only if the socket takes it at once (a fresh socket always has
// room), then closed; its request is never read, nothing waits. Bytes the client already sent
// are dropped first, so that closing sends a FIN, not a reset that could destroy the reply.
void Server::Impl::refuse(tcp::socket& socket, ConnectionLimits::Verdict why) {
  const bool address = why == ConnectionLimits::Verdict::over_address;
  ++(address ? metrics.refused_address : metrics.refused_capacity);
  if (refusals_log.allow())
    log::warn("connection refused",
              {{"reason", std::string_view(address ? "address" : "capacity")},
               {"refusedSinceLastLine", static_cast<std::int64_t>(refusals_log.skipped())}});
  const auto& reply = refusal(address);
  boost::system::error_code ec;
  socket.non_blocking(true, ec);
  if (!ec) asio::write(socket, asio::buffer(reply), ec);
  std::array<char, 4096> unread;
  for (std::size_t drained = 0; !ec && drained < kRefusalDrain;)
    drained += socket.read_some(asio::buffer(unread), ec);
  socket.close(ec);
}

// The 503's bytes, made once per second (its Date) and reason. No request id: nothing was
// asked, and nothing is logged under one.
const std::string& Server::Impl::refusal(bool over_address) {
  auto& cached = refusals[over_address ? 1 : 0];
  const auto date = http_date();
  if (cached.date == date) return cached.bytes;
  auto res = Response::problem(
      over_address
          ? Error::unavailable("Too many connections from your address. Try again later.", 5)
          : Error::unavailable("The server is at its connection limit. Try again.", 1));
  add_security_headers(res);
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), 11};
  set_head(out, res, false);
  out.body() = std::move(res.body);
  out.prepare_payload();
  std::ostringstream bytes;
  bytes << out;
  cached = {date, bytes.str()};
  return cached.bytes;
}

// On the connection's strand, around its wait for a request: while parked it may be closed
// to make room. unpark() is false when that happened (the read was, or is about to be,
// cancelled).
void Server::Impl::park(Connection& conn) {
  std::lock_guard lock(mutex);
  auto& queue = conn.answered == 0 ? silent : kept_alive;
  conn.parked_at = queue.insert(queue.end(), conn.shared_from_this());
  conn.parked_in = &queue;
}

bool Server::Impl::unpark(Connection& conn) {
  std::lock_guard lock(mutex);
  if (conn.parked_in) conn.parked_in->erase(conn.parked_at);
  conn.parked_in = nullptr;
  return !conn.closed_for_room;
}

void Server::Impl::forget(const std::shared_ptr<Connection>& conn) {
  std::lock_guard lock(mutex);
  if (conn->parked_in) conn->parked_in->erase(conn->parked_at);
  conn->parked_in = nullptr;
  if (!conn->closed_for_room) limits.remove(conn->group);
  connections.erase(conn);
  metrics.open = static_cast<std::int64_t>(limits.total());
}

asio::awaitable<void> Server::Impl::serve(std::shared_ptr<Connection> conn) {
  auto self = shared_from_this();
  try {
    beast::flat_buffer buffer;
    // Two statements on purpose: g++ 12 mis-compiles co_await inside `&&`.
    for (;;) {
      const bool request_waiting = co_await wait_for_request(*conn, buffer);
      if (!request_waiting) break;
      const bool keep_going = co_await handle_one(*conn, buffer);
      if (!keep_going) break;
      ++conn->answered;
    }
  } catch (const std::exception& e) {
    log::error("connection failed", {{"error", std::string_view(e.what())}});
  }
  if (conn->closed_for_room) {  // idle, nothing of ours in flight: no need to linger
    boost::system::error_code ec;
    conn->stream.socket().close(ec);
  } else if (!conn->websocket) {
    co_await linger_close(*conn);
  }
  forget(conn);
}

// Lingering close: after a refusal sent before the body was read (401, 413…), closing with
// unread bytes would make the kernel reset the connection and the client could lose our
// reply. So: stop sending, drain what still comes for a moment, then close.
asio::awaitable<void> Server::Impl::linger_close(Connection& conn) {
  boost::system::error_code ec;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn.stream.expires_after(kLinger);
  std::array<char, 8192> discard;
  for (std::size_t drained = 0; !ec && drained < kLingerBytes;)
    drained += co_await conn.stream.async_read_some(asio::buffer(discard),
                                                    asio::redirect_error(asio::use_awaitable, ec));
  conn.stream.socket().close(ec);
}

// The idle phase before and between requests: shutdown may cancel it (data already received
// is then served), and so may a newer connection needing its place at the process cap.
asio::awaitable<bool> Server::Impl::wait_for_request(Connection& conn, beast::flat_buffer& buffer) {
  if (buffer.size() > 0) co_return true;  // a pipelined request is already here
  conn.idle = true;
  if (closing_idle) co_return conn.stream.socket().available() > 0;
  park(conn);
  // A new connection must speak soon; keep-alive between requests may wait longer.
  const bool fresh = conn.answered == 0;
  conn.stream.expires_after(fresh ? options.first_byte_timeout : options.idle_timeout);
  boost::system::error_code ec;
  if (buffer.capacity() > kIdleBuffer) buffer.shrink_to_fit();  // empty: gives it all back
  const auto n = co_await conn.stream.async_read_some(
      buffer.prepare(kIdleBuffer), asio::redirect_error(asio::use_awaitable, ec));
  buffer.commit(n);
  conn.idle = false;
  if (!unpark(conn)) co_return false;
  if (fresh && ec == beast::error::timeout) ++metrics.first_byte_timeouts;
  if (ec == asio::error::operation_aborted)
    co_return buffer.size() > 0 || conn.stream.socket().available() > 0;
  co_return !ec && buffer.size() > 0;
}

// The request line and headers; false when the connection is done (answered if it can be).
asio::awaitable<bool> Server::Impl::read_head(Connection& conn, beast::flat_buffer& buffer,
                                              Parser& parser) {
  parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
  // No body limit while reading headers: Beast would refuse a declared Content-Length
  // before we know the route, whose own limit (uploads) may be higher. Set in dispatch.
  parser.body_limit(boost::none);
  boost::system::error_code ec;
  conn.stream.expires_after(options.read_timeout);
  co_await bhttp::async_read_header(conn.stream, buffer, parser,
                                    asio::redirect_error(asio::use_awaitable, ec));
  if (!ec) co_return true;
  if (ec == bhttp::error::header_limit) {
    co_await reply_and_close(conn, Error::headers_too_large(), 11);
  } else if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream &&
             ec != asio::error::eof && ec != asio::error::operation_aborted &&
             ec != asio::error::connection_reset) {  // else: a slow or gone client
    co_await reply_and_close(conn, Error::bad_request("Malformed HTTP request."), 11);
  }
  co_return false;
}

Exchange Server::Impl::to_exchange(Connection& conn, const Parser& parser) const {
  const auto& msg = parser.get();
  Exchange ex;
  ex.version = msg.version();
  ex.keep_alive_asked = msg.keep_alive();
  ex.metrics = &router.unmatched_metrics();
  auto& req = ex.req;
  req.method = std::string(msg.method_string());
  req.head = msg.method() == bhttp::verb::head;
  req.target = std::string(msg.target());
  const auto rid = msg["X-Request-Id"];
  req.request_id = acceptable_request_id(rid) ? std::string(rid) : next_request_id();
  for (const auto& field : msg) req.headers.emplace_back(lower(field.name_string()), field.value());
  req.remote_ip = options.trusted_proxies.empty()
                      ? conn.peer
                      : client_address(conn.peer, joined_header(req.headers, "x-forwarded-for"),
                                       options.trusted_proxies);
  return ex;
}

// The framing rules, and Beast must have understood the body's length as they do: a
// Transfer-Encoding the rules accept is one Beast reads as chunked.
std::optional<Error> Server::Impl::framing_problem(const Parser& parser, const Exchange& ex) const {
  if (auto refused = framing_error(ex.version, ex.req.headers)) return refused;
  if (parser.get().count(bhttp::field::transfer_encoding) > 0 && !parser.chunked())
    return Error::bad_request("Malformed Transfer-Encoding.");
  return std::nullopt;
}

asio::awaitable<bool> Server::Impl::handle_one(Connection& conn, beast::flat_buffer& buffer) {
  const auto started = Clock::now();
  Parser parser;
  if (!co_await read_head(conn, buffer, parser)) co_return false;
  Exchange ex = to_exchange(conn, parser);
  if (auto refused = framing_problem(parser, ex)) {
    // What follows these headers cannot be told apart from a next request: never read it.
    co_await reply_and_close(conn, *refused, 11);
    co_return false;
  }
  Response res = co_await dispatch(conn, buffer, parser, ex);
  if (ex.upgraded) {  // the WebSocket has run its course, and the connection with it
    log_and_observe(ex, 101, 0, Clock::now() - started);
    co_return false;
  }
  const bool keep_alive = ex.body_consumed && ex.keep_alive_asked && !draining && res.status != 413;
  decorate(res, ex.req);
  const auto bytes = res.body_size();  // before write moves the body
  const bool written = co_await write(conn, res, ex.req, ex.version, keep_alive);
  log_and_observe(ex, res.status, bytes, Clock::now() - started);
  co_return written&& keep_alive;
}

void Server::Impl::log_and_observe(const Exchange& ex, int status, std::uint64_t bytes,
                                   Clock::duration elapsed) const {
  ex.metrics->observe(status, elapsed);
  if (!options.access_log) return;
  const auto& req = ex.req;
  log::info("request", {{"requestId", std::string_view(req.request_id)},
                        {"method", std::string_view(req.method)},
                        {"path", std::string_view(req.path.empty() ? "-" : req.path)},
                        {"route", std::string_view(ex.route_label)},
                        {"status", std::int64_t(status)},
                        {"durationMs", std::chrono::duration<double, std::milli>(elapsed).count()},
                        {"bytes", static_cast<std::int64_t>(bytes)},
                        {"remote", std::string_view(req.remote_ip)}});
}

asio::awaitable<Response> Server::Impl::dispatch(Connection& conn, beast::flat_buffer& buffer,
                                                 Parser& parser, Exchange& ex) {
  auto& req = ex.req;
  auto url = boost::urls::parse_origin_form(req.target);
  if (!url) co_return Response::problem(Error::bad_request("Malformed request target."));
  req.path = url->path();
  req.query = url->encoded_query();

  auto match = router.match(req.method, req.path);
  const bool api = req.path == "/api" || req.path.starts_with("/api/");
  const bool fallback = !match.route && match.allow.empty() && !api &&
                        (req.method == "GET" || req.head) && router.fallback();
  if (match.route) {
    ex.metrics = &match.route->metrics();
    ex.route_label = match.route->pattern();
    req.params = std::move(match.params);
    for (const auto& guard : match.route->guards())
      if (auto refused = co_await guard(req)) co_return Response::problem(*refused);
    if (match.route->kind() == RouteKind::upgrade)
      co_return co_await upgrade(conn, parser, *match.route, ex);
  } else if (fallback) {
    ex.metrics = &router.static_metrics();
    ex.route_label = "static";
  }

  // Refuse a declared oversize body before reading it.
  const auto limit =
      match.route && match.route->max_body() ? *match.route->max_body() : options.body_limit;
  if (auto length = parser.content_length(); length && *length > limit)
    co_return Response::problem(Error::payload_too_large());
  if (parser.get()[bhttp::field::expect] == "100-continue" && !parser.is_done()) {
    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, parser.get().version()};
    boost::system::error_code ec;
    co_await bhttp::async_write(conn.stream, cont, asio::redirect_error(asio::use_awaitable, ec));
  }
  if (match.route && match.route->kind() == RouteKind::stream_in)
    co_return co_await stream_in(conn, buffer, parser, limit, *match.route, ex);

  parser.body_limit(limit);
  boost::system::error_code ec;
  conn.stream.expires_after(options.read_timeout);
  co_await bhttp::async_read(conn.stream, buffer, parser,
                             asio::redirect_error(asio::use_awaitable, ec));
  if (ec == bhttp::error::body_limit) co_return Response::problem(Error::payload_too_large());
  if (ec) co_return Response::problem(Error::bad_request("Malformed or incomplete request body."));
  ex.body_consumed = true;
  req.body = std::move(parser.get().body());

  if (!match.route && !fallback) {
    if (!match.allow.empty()) co_return Response::problem(Error::method_not_allowed(match.allow));
    co_return Response::problem(Error::not_found("resource"));
  }
  co_return co_await run_in_turn(match.route, ex);
}

// At most `route_concurrency` handlers of one route run at once; the others wait their turn,
// `route_wait` at most. Each holds at most one database connection at a time, so one kind
// of request can never take the whole pool (docs/decisions.md). Guards and the body read
// are outside: a slow client must not hold a place.
asio::awaitable<Response> Server::Impl::run_in_turn(const Route* route, Exchange& ex) {
  const auto gate = route ? gates.find(route) : gates.end();
  if (gate == gates.end()) co_return co_await run_handler(route, ex);
  const bool entered = co_await gate->second->enter(options.route_wait);
  if (!entered)
    co_return Response::problem(
        Error::unavailable("Too many requests of this kind at the moment. Try again.", 1));
  const GatePass pass(*gate->second);
  co_return co_await run_handler(route, ex);
}

// Bugs are logged with the request id and answered 500, never with their details.
asio::awaitable<Response> Server::Impl::run_handler(const Route* route, Exchange& ex) {
  const Handler& handler = route ? route->handler() : router.fallback();
  try {
    co_return co_await handler(ex.req);
  } catch (const std::exception& e) {
    log::error("unhandled exception", {{"requestId", std::string_view(ex.req.request_id)},
                                       {"error", std::string_view(e.what())}});
  }
  co_return Response::problem(Error::internal());
}

asio::awaitable<Response> Server::Impl::stream_in(Connection& conn, beast::flat_buffer& buffer,
                                                  Parser& parser, std::size_t limit,
                                                  const Route& route, Exchange& ex) {
  StreamedBody body(conn, buffer, std::move(parser), limit, options.read_timeout);
  Response res = Response::problem(Error::internal());
  try {
    res = co_await route.stream_handler()(ex.req, body);
  } catch (const std::exception& e) {
    log::error("unhandled exception", {{"requestId", std::string_view(ex.req.request_id)},
                                       {"error", std::string_view(e.what())}});
  }
  ex.body_consumed = body.done();  // a body left unread ends the connection
  co_return res;
}

asio::awaitable<Response> Server::Impl::upgrade(Connection& conn, Parser& parser,
                                                const Route& route, Exchange& ex) {
  if (!websocket::is_upgrade(parser.get())) {
    auto refused = Response::problem(Error::upgrade_required());
    refused.set("Upgrade", "websocket");
    co_return refused;
  }
  const auto origin = ex.req.header("origin");
  if (!options.public_origin.empty() && !origin.empty() && origin != options.public_origin)
    co_return Response::problem(Error::forbidden("This page may not open this socket."));
  auto socket = std::make_shared<WebSocketSession>(std::move(conn.stream), options.websocket);
  conn.websocket = socket;
  ex.upgraded = true;
  if (!co_await socket->accept(parser.get())) co_return Response{};
  try {
    co_await route.socket_handler()(ex.req, socket);
  } catch (const std::exception& e) {
    log::error("unhandled exception", {{"requestId", std::string_view(ex.req.request_id)},
                                       {"error", std::string_view(e.what())}});
  }
  co_await socket->finish();
  co_return Response{};
}

void Server::Impl::decorate(Response& res, const Request& req) const {
  res.set("X-Request-Id", req.request_id);
  compress(res, req.header("accept-encoding"));
  add_security_headers(res);
}

void Server::Impl::add_security_headers(Response& res) const {
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Content-Security-Policy", kContentSecurityPolicy);
  if (options.hsts) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // Private data must not linger in shared caches; static files set their own policy.
  if (res.header("cache-control").empty()) res.set("Cache-Control", "no-store");
}

asio::awaitable<bool> Server::Impl::write(Connection& conn, Response& res, const Request& req,
                                          unsigned version, bool keep_alive) {
  if (res.file || res.source)
    co_return co_await write_streamed(conn, res, req, version, keep_alive);
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  set_head(out, res, keep_alive);
  if (req.head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  boost::system::error_code ec;
  conn.stream.expires_after(kWriteTimeout);
  bhttp::response_serializer<bhttp::string_body> sr{out};
  if (req.head) sr.split(true);
  if (req.head)
    co_await bhttp::async_write_header(conn.stream, sr,
                                       asio::redirect_error(asio::use_awaitable, ec));
  else
    co_await bhttp::async_write(conn.stream, sr, asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

// The header through Beast, then the body ourselves: Beast's file_body reads and writes in
// 4 KiB steps, sendfile(2) lets the kernel copy (docs/decisions.md).
asio::awaitable<bool> Server::Impl::write_streamed(Connection& conn, Response& res,
                                                   const Request& req, unsigned version,
                                                   bool keep_alive) {
  bhttp::response<bhttp::empty_body> out{static_cast<bhttp::status>(res.status), version};
  set_head(out, res, keep_alive);
  out.content_length(res.body_size());
  bhttp::response_serializer<bhttp::empty_body> sr{out};
  boost::system::error_code ec;
  conn.stream.expires_after(kWriteTimeout);
  co_await bhttp::async_write_header(conn.stream, sr,
                                     asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return false;
  if (req.head) co_return true;
  if (res.file) co_return co_await send_file(conn, *res.file);
  co_return co_await send_source(conn, *res.source, res.source_length);
}

asio::awaitable<bool> Server::Impl::send_file(Connection& conn, const FileRange& range) {
  auto& socket = conn.stream.socket();
  boost::system::error_code ec;
  socket.native_non_blocking(true, ec);
  if (ec) co_return false;
  auto offset = static_cast<off_t>(range.offset);
  std::uint64_t left = range.length, since_yield = 0;
  while (left > 0) {
    const auto n =
        ::sendfile(socket.native_handle(), range.file->fd(), &offset,
                   static_cast<std::size_t>(std::min<std::uint64_t>(left, kSendfileChunk)));
    if (n > 0) {
      left -= static_cast<std::uint64_t>(n);
      // A fast reader must not keep this thread from every other connection.
      if ((since_yield += static_cast<std::uint64_t>(n)) >= kYieldEvery) {
        since_yield = 0;
        co_await asio::post(conn.stream.get_executor(), asio::use_awaitable);
      }
      continue;
    }
    if (n == 0) co_return false;  // the file is shorter than announced
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) co_return false;
    if (!co_await wait_writable(socket, kWriteTimeout)) co_return false;
  }
  co_return true;
}

// Exactly `length` bytes from `source`, or the connection is cut (the client then sees a
// short body, never a wrong one).
asio::awaitable<bool> Server::Impl::send_source(Connection& conn, BodySource& source,
                                                std::uint64_t length) {
  std::vector<char> chunk(kStreamChunk);
  std::uint64_t sent = 0;
  for (;;) {
    auto n = co_await source.read(std::span<char>(chunk));
    if (!n) {
      log::error("response body failed",
                 {{"error", std::string_view(n.error().cause.empty() ? n.error().detail
                                                                     : n.error().cause)}});
      co_return false;
    }
    if (*n == 0) break;
    if (sent + *n > length) co_return false;
    boost::system::error_code ec;
    conn.stream.expires_after(kWriteTimeout);
    co_await asio::async_write(conn.stream, asio::buffer(chunk.data(), *n),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return false;
    sent += *n;
  }
  co_return sent == length;
}

asio::awaitable<void> Server::Impl::reply_and_close(Connection& conn, const Error& error,
                                                    unsigned version) {
  Request req;
  req.request_id = next_request_id();
  auto res = Response::problem(error);
  decorate(res, req);
  co_await write(conn, res, req, version, false);
  router.unmatched_metrics().observe(res.status, std::chrono::nanoseconds(0));
  if (options.access_log)
    log::info("request", {{"requestId", std::string_view(req.request_id)},
                          {"status", std::int64_t(res.status)},
                          {"error", std::string_view(error.code)}});
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted) {
  auto is_trusted = [&](std::string_view ip) {
    return std::find(trusted.begin(), trusted.end(), ip) != trusted.end();
  };
  if (!is_trusted(peer)) return peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    auto hop = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    while (!hop.empty() && hop.front() == ' ') hop.remove_prefix(1);
    while (!hop.empty() && hop.back() == ' ') hop.remove_suffix(1);
    boost::system::error_code ec;
    asio::ip::make_address(std::string(hop), ec);
    if (ec) break;  // garbage: stop believing the header here
    if (!is_trusted(hop)) return std::string(hop);
  }
  return peer;
}

std::string joined_header(const Headers& headers, std::string_view lower_name) {
  std::string joined;
  for (const auto& [name, value] : headers)
    if (name == lower_name) joined += (joined.empty() ? "" : ", ") + value;
  return joined;
}

namespace {

// The framing headers of a request, lines of one field taken together.
struct Framing {
  std::vector<std::string_view> hosts;
  std::vector<std::string_view> codings;  // Transfer-Encoding, every line's list in order
  bool transfer_encoding = false;
  bool content_length = false;
};

Framing framing_of(const Headers& headers) {
  Framing f;
  for (const auto& [name, value] : headers) {
    if (name == "transfer-encoding") {
      f.transfer_encoding = true;
      split_list(value, f.codings);
    } else if (name == "content-length") {
      f.content_length = true;
    } else if (name == "host") {
      f.hosts.push_back(value);
    }
  }
  return f;
}

// RFC 9112 §3.2: exactly one Host in HTTP/1.1 (possibly empty), never two or a list.
std::optional<Error> host_error(unsigned version, const Framing& f) {
  if (f.hosts.size() > 1 || (f.hosts.size() == 1 && f.hosts[0].find(',') != std::string_view::npos))
    return Error::bad_request("A request has one Host header with one host.");
  if (f.hosts.empty() && version >= 11)
    return Error::bad_request("HTTP/1.1 requires a Host header.");
  return std::nullopt;
}

// RFC 9112 §6.1, §6.3: the body's length must be unambiguous, so chunked comes last and
// once, alone with no Content-Length, and never in HTTP/1.0.
std::optional<Error> transfer_coding_error(unsigned version, const Framing& f) {
  if (!f.transfer_encoding) return std::nullopt;
  if (version < 11) return Error::bad_request("Transfer-Encoding is not allowed in HTTP/1.0.");
  if (f.content_length)
    return Error::bad_request("Transfer-Encoding and Content-Length may not come together.");
  if (f.codings.empty() || !iequals(f.codings.back(), "chunked"))
    return Error::bad_request("The last transfer coding must be chunked.");
  for (std::size_t i = 0; i + 1 < f.codings.size(); ++i)
    if (iequals(f.codings[i], "chunked"))
      return Error::bad_request("The chunked transfer coding may be applied once only.");
  if (f.codings.size() > 1)  // well framed, but we cannot undo the other codings
    return Error::not_implemented("Only the chunked transfer coding is supported.");
  return std::nullopt;
}

}  // namespace

std::optional<Error> framing_error(unsigned version, const Headers& headers) {
  const auto framing = framing_of(headers);
  if (auto error = host_error(version, framing)) return error;
  return transfer_coding_error(version, framing);
}

// ---- Server ------------------------------------------------------------------------------

Server::Server(asio::io_context& ioc, const Router& router, ServerOptions options)
    : impl_(std::make_shared<Impl>(ioc, router, std::move(options))) {}

Server::~Server() = default;

std::uint16_t Server::start() {
  // sendfile(2) has no MSG_NOSIGNAL: a client gone mid-download would otherwise end the
  // process with SIGPIPE instead of failing that one write with EPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  auto& acc = impl_->acceptor;
  const tcp::endpoint endpoint(asio::ip::make_address(impl_->options.host), impl_->options.port);
  acc.open(endpoint.protocol());
  acc.set_option(tcp::acceptor::reuse_address(true));
  acc.bind(endpoint);
  acc.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(acc.get_executor(), impl_->accept_loop(), asio::detached);
  return acc.local_endpoint().port();
}

void Server::Impl::close_idle_connections() {
  closing_idle = true;
  std::lock_guard lock(mutex);
  for (const auto& conn : connections)
    asio::post(conn->stream.get_executor(), [conn] {
      if (conn->websocket)
        conn->websocket->close(1001, "server shutting down");
      else if (conn->idle)
        conn->stream.cancel();
    });
}

// Order matters: the listener closes before any reply says "Connection: close", so a
// client reconnecting is refused at once instead of being reset from the accept backlog.
void Server::begin_shutdown() {
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] {
    boost::system::error_code ec;
    impl->acceptor.close(ec);
    impl->draining = true;
    impl->grace.expires_after(kIdleGrace);
    impl->grace.async_wait([impl](boost::system::error_code ec) {
      if (!ec) impl->close_idle_connections();
    });
  });
}

std::size_t Server::open_connections() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connections.size();
}

void Server::force_close() {
  std::lock_guard lock(impl_->mutex);
  for (const auto& conn : impl_->connections)
    asio::post(conn->stream.get_executor(), [conn] {
      if (conn->websocket) return conn->websocket->force_close();
      boost::system::error_code ec;
      conn->stream.socket().close(ec);
    });
}

}  // namespace declic::core::http
