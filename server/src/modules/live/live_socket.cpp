#include "modules/live/live_socket.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json.hpp>

#include <deque>
#include <mutex>

namespace declic::live {

namespace asio = boost::asio;
namespace json = boost::json;
using core::events::LiveHub;
using core::events::Viewer;
using core::http::WebSocket;

namespace {

constexpr std::uint16_t kUnauthorized = 4001;
constexpr std::uint16_t kTryAgain = 1013;
constexpr auto kAuthTimeout = std::chrono::seconds(5);
// Beyond this many missed events the client is told to reload what it shows ("reset")
// rather than sent them all: more might not fit the socket's send queue.
constexpr int kMaxCatchUp = 1000;
// Live frames held back while catching up; beyond, the client is asked to come back.
constexpr std::size_t kMaxHeldBack = 10000;

constexpr std::int64_t kUnusableId = -1;

struct AuthFrame {
  std::string token;
  std::optional<std::int64_t> last_event_id;  // kUnusableId: sent, but not an event id
};

// {"type": "auth", "token": "…", "lastEventId"?: N ≥ 0}; nullopt without a token. A
// lastEventId that is not a natural number is no reason to refuse a good token: the server
// just cannot replay from it.
std::optional<AuthFrame> parse_auth(const std::string& text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto& o = value.get_object();
  const auto* type = o.if_contains("type");
  const auto* token = o.if_contains("token");
  if (!type || !type->is_string() || type->get_string() != "auth" || !token || !token->is_string())
    return std::nullopt;
  AuthFrame frame{std::string(token->get_string()), std::nullopt};
  if (const auto* last = o.if_contains("lastEventId"); last && !last->is_null())
    frame.last_event_id =
        last->is_int64() && last->get_int64() >= 0 ? last->get_int64() : kUnusableId;
  return frame;
}

// What the socket was sent, in id order and each once: live frames from the hub are held
// back until the catch-up is sent, then only those after it pass.
class Feed {
 public:
  explicit Feed(std::weak_ptr<WebSocket> ws) : ws_(std::move(ws)) {}

  // From the hub, on any thread.
  bool offer(std::int64_t id, const LiveHub::Frame& frame) {
    std::lock_guard lock(mutex_);
    if (live_) return send_locked(id, frame);
    if (held_back_.size() < kMaxHeldBack) {
      held_back_.emplace_back(id, frame);
      return true;
    }
    if (auto ws = ws_.lock()) ws->close(kTryAgain, "too many events: reconnect");
    return false;
  }

  // Before go_live(): the catch-up, which starts after `sent_up_to`.
  void start_after(std::int64_t sent_up_to) {
    std::lock_guard lock(mutex_);
    sent_up_to_ = sent_up_to;
  }
  void send(std::int64_t id, const LiveHub::Frame& frame) {
    std::lock_guard lock(mutex_);
    send_locked(id, frame);
  }
  void go_live() {
    std::lock_guard lock(mutex_);
    for (const auto& [id, frame] : held_back_) send_locked(id, frame);
    held_back_.clear();
    live_ = true;
  }

 private:
  bool send_locked(std::int64_t id, const LiveHub::Frame& frame) {
    if (id <= sent_up_to_) return true;
    auto ws = ws_.lock();
    if (!ws) return false;
    sent_up_to_ = id;
    return ws->send(frame);
  }

  std::mutex mutex_;
  std::weak_ptr<WebSocket> ws_;
  std::int64_t sent_up_to_ = 0;
  bool live_ = false;
  std::deque<std::pair<std::int64_t, LiveHub::Frame>> held_back_;
};

// Closes the socket with 4001 at `at` unless moved again.
void close_at(asio::steady_timer& timer, const std::weak_ptr<WebSocket>& weak,
              std::chrono::steady_clock::time_point at, const char* reason) {
  timer.expires_at(at);
  timer.async_wait([weak, reason](boost::system::error_code ec) {
    if (auto ws = weak.lock(); ws && !ec) ws->close(kUnauthorized, reason);
  });
}

std::chrono::steady_clock::time_point expiry_of(const core::auth::Principal& p) {
  const auto left =
      std::chrono::system_clock::from_time_t(p.token_expires_at) - std::chrono::system_clock::now();
  return std::chrono::steady_clock::now() +
         std::chrono::duration_cast<std::chrono::steady_clock::duration>(left);
}

asio::awaitable<core::Result<core::auth::Principal>> authenticate(
    const LiveContext& ctx, const std::optional<AuthFrame>& frame) {
  if (!frame) co_return core::Error::unauthorized();
  co_return co_await ctx.authenticate(frame->token);
}

// Subscribes `feed` for `viewer`, then sends "ready" and what was missed after `last_seen`
// (when given): then nothing committed meanwhile is lost. Too much missed, some of it
// purged already, or the database unavailable: "reset": true, and the client reloads what it
// shows.
asio::awaitable<void> start(const LiveContext& ctx, WebSocket& ws, const Viewer& viewer,
                            std::optional<std::int64_t> last_seen, Feed& feed) {
  const auto newest = co_await ctx.bus.last_id(ctx.db);
  std::vector<core::events::StoredEvent> missed;
  // A last id from the future (another database, a restored backup) is a reset too.
  bool reset = !newest || (last_seen && (*last_seen == kUnusableId || *last_seen > *newest));
  if (!reset && last_seen) {
    auto events = co_await ctx.bus.since(ctx.db, *last_seen, viewer, kMaxCatchUp + 1);
    const auto kept = co_await ctx.bus.kept_after(ctx.db, *last_seen);  // none purged since
    reset = !events || events->size() > kMaxCatchUp || !kept || !*kept;
    if (!reset) missed = std::move(*events);
  }
  const auto up_to = newest ? *newest : 0;
  feed.start_after(last_seen && !reset ? *last_seen : up_to);
  json::object ready{{"type", "ready"}, {"lastEventId", up_to}};
  if (reset) ready["reset"] = true;
  ws.send(std::make_shared<const std::string>(json::serialize(ready)));
  for (const auto& e : missed)
    if (const auto type = ctx.bus.public_type(e.type))
      feed.send(e.id, std::make_shared<const std::string>(LiveHub::frame(e, *type)));
  feed.go_live();
}

}  // namespace

asio::awaitable<void> serve(const LiveContext& ctx, std::shared_ptr<WebSocket> ws) {
  const std::weak_ptr<WebSocket> weak = ws;
  asio::steady_timer deadline(co_await asio::this_coro::executor);
  close_at(deadline, weak, std::chrono::steady_clock::now() + kAuthTimeout,
           "authentication required");
  const auto first = co_await ws->receive();
  const auto hello = first ? parse_auth(*first) : std::nullopt;
  const auto me = co_await authenticate(ctx, hello);
  if (!me) {
    deadline.cancel();
    ws->close(kUnauthorized, "authentication required");
    co_return;
  }
  close_at(deadline, weak, expiry_of(*me), "token expired");

  const Viewer viewer{me->id(), me->is_staff()};
  auto feed = std::make_shared<Feed>(weak);
  const auto subscription = ctx.hub.add(
      viewer, "*", [feed](std::int64_t id, const LiveHub::Frame& f) { return feed->offer(id, f); });
  co_await start(ctx, *ws, viewer, hello->last_event_id, *feed);

  // Later frames: a fresh token for the same user moves the expiry; others are ignored.
  while (const auto text = co_await ws->receive()) {
    const auto again = parse_auth(*text);
    if (!again) continue;
    const auto fresh = co_await authenticate(ctx, again);
    if (!fresh || fresh->id() != me->id()) {
      ws->close(kUnauthorized, "invalid token");
      break;
    }
    close_at(deadline, weak, expiry_of(*fresh), "token expired");
  }
  deadline.cancel();
  ctx.hub.remove(subscription);
}

}  // namespace declic::live
