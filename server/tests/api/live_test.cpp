// GET /api/ws through the real server with a real WebSocket client: the token in the first
// frame (4001 without a valid one, and at its expiry unless a fresh one arrived), events
// reaching exactly the users allowed to see them, a reconnect catching up from its last event
// id in order and once, and two servers on one database delivering each other's events.
#include "studio_fixture.hpp"
#include "ws_client.hpp"

#include <map>
#include <set>

using namespace declic::test;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// A client of /api/ws whose first frame carries `token` (and `last_event_id` when given).
class Socket {
 public:
  Socket(int port, const std::string& token, std::optional<std::int64_t> last_event_id = {})
      : ws_(port, "/api/ws") {
    json::object hello{{"type", "auth"}, {"token", token}};
    if (last_event_id) hello["lastEventId"] = *last_event_id;
    ws_.send(json::serialize(hello));
  }

  std::optional<json::object> next(std::chrono::milliseconds timeout = 5s) {
    auto text = ws_.receive(timeout);
    if (!text) return std::nullopt;
    return json::parse(*text).as_object();
  }
  // The "ready" frame, which comes first.
  json::object ready() {
    auto frame = next();
    EXPECT_TRUE(frame && frame->at("type").as_string() == "ready")
        << (frame ? json::serialize(*frame) : "");
    return frame.value_or(json::object{});
  }
  // Frames until one of `type` about `key` = `value` in its data (included), or the timeout.
  std::vector<json::object> until(const std::string& type, const std::string& key,
                                  const std::string& value,
                                  std::chrono::milliseconds timeout = 5s) {
    std::vector<json::object> frames;
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      auto frame =
          next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
      if (!frame) break;
      frames.push_back(*frame);
      if (!frame->contains("data")) continue;
      const auto& data = frame->at("data").as_object();
      const auto* field = data.if_contains(key);
      if (frame->at("type").as_string() == type && field && field->is_string() &&
          field->as_string() == value)
        return frames;
    }
    ADD_FAILURE() << "no " << type << " with " << key << " = " << value;
    return frames;
  }
  // Every frame until `quiet` passes without one.
  std::vector<json::object> drain(std::chrono::milliseconds quiet = 700ms) {
    std::vector<json::object> frames;
    while (auto frame = next(quiet)) frames.push_back(*frame);
    return frames;
  }
  void send(const json::object& frame) { ws_.send(json::serialize(frame)); }
  WsClient& ws() { return ws_; }

 private:
  WsClient ws_;
};

std::vector<std::string> types_of(const std::vector<json::object>& frames) {
  std::vector<std::string> out;
  for (const auto& f : frames) out.emplace_back(f.at("type").as_string());
  return out;
}

std::int64_t last_id(const std::vector<json::object>& frames, std::int64_t otherwise) {
  return frames.empty() ? otherwise : frames.back().at("id").as_int64();
}

bool strictly_increasing(const std::vector<json::object>& frames, std::int64_t after) {
  for (const auto& f : frames) {
    if (f.at("id").as_int64() <= after) return false;
    after = f.at("id").as_int64();
  }
  return true;
}

class Live : public Studio {
 protected:
  // The client's conversation (opened by staff), and a message posted in it by `who`.
  static std::string conversation_of(const StudioAccount& client, const Api& through = *api) {
    auto r = through.post("/api/conversations", {{"clientId", client.id}}, pro.token);
    EXPECT_TRUE(r.status() == 200 || r.status() == 201) << r.http.body;
    return r.str("id");
  }
  static std::string post(const std::string& conversation, const StudioAccount& who,
                          const std::string& text, const Api& through = *api) {
    auto r = through.post("/api/conversations/" + conversation + "/messages", {{"body", text}},
                          who.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.status() == 201 ? r.str("id") : "";
  }
  // Waits until `who` has `n` unread notifications (the after-commit work is done).
  static bool notified(const StudioAccount& who, int n) {
    for (int i = 0; i < 100; ++i) {
      auto r = api->get("/api/notifications", who.token);
      if (r.status() == 200 && r.obj().at("unreadCount").as_int64() >= n) return true;
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }
};

}  // namespace

TEST_F(Live, AMissingOrBadTokenClosesTheSocketWith4001) {
  Socket forged(server->port(), owner.token + "x");
  EXPECT_EQ(forged.next(), std::nullopt);
  EXPECT_EQ(forged.ws().close_code(), 4001);
  Socket expired(server->port(), short_lived_token(owner, -10));
  EXPECT_EQ(expired.next(), std::nullopt);
  EXPECT_EQ(expired.ws().close_code(), 4001);

  WsClient no_auth_frame(server->port(), "/api/ws");
  no_auth_frame.send(R"({"type":"hello","token":")" + owner.token + "\"}");
  EXPECT_EQ(no_auth_frame.receive(), std::nullopt);
  EXPECT_EQ(no_auth_frame.close_code(), 4001);
  WsClient not_json(server->port(), "/api/ws");
  not_json.send("{");
  EXPECT_EQ(not_json.receive(), std::nullopt);
  EXPECT_EQ(not_json.close_code(), 4001);
  // Nothing sent: closed after five seconds.
  WsClient silent(server->port(), "/api/ws");
  EXPECT_EQ(silent.receive(8s), std::nullopt);
  EXPECT_EQ(silent.close_code(), 4001);
}

TEST_F(Live, AnExpiredTokenClosesTheSocketUnlessAFreshOneArrived) {
  Socket expiring(server->port(), short_lived_token(owner, 2));
  expiring.ready();
  EXPECT_EQ(expiring.next(5s), std::nullopt);
  EXPECT_EQ(expiring.ws().close_code(), 4001);

  Socket refreshed(server->port(), short_lived_token(owner, 2));
  refreshed.ready();
  refreshed.send({{"type", "auth"}, {"token", owner.token}});
  EXPECT_EQ(refreshed.next(3500ms), std::nullopt);  // past the first token's expiry
  ASSERT_FALSE(refreshed.ws().closed());
  // Still delivering.
  const auto conversation = conversation_of(owner);
  const auto message = post(conversation, pro, "Toujours là ?");
  refreshed.until("message.created", "messageId", message);
  // Someone else's token on this socket: closed.
  refreshed.send({{"type", "auth"}, {"token", other.token}});
  EXPECT_EQ(refreshed.drain(), std::vector<json::object>{});
  EXPECT_EQ(refreshed.ws().close_code(), 4001);
}

TEST_F(Live, EventsReachExactlyTheUsersAllowedToSeeThem) {
  Socket owner_socket(server->port(), owner.token), other_socket(server->port(), other.token),
      pro_socket(server->port(), pro.token), admin_socket(server->port(), admin.token);
  for (auto* s : {&owner_socket, &other_socket, &pro_socket, &admin_socket}) s->ready();

  // The client writes: the studio's side is told (a notification for each staff member).
  auto opened = api->post("/api/conversations", json::object{}, owner.token);
  ASSERT_EQ(opened.status(), 201) << opened.http.body;
  const auto message = post(opened.str("id"), owner, "Bonjour, une question sur ma séance");
  for (auto* s : {&pro_socket, &admin_socket}) {
    auto frames = s->until("message.created", "messageId", message);
    const auto rest = s->until("notification", "type", "message.created");
    frames.insert(frames.end(), rest.begin(), rest.end());
    EXPECT_EQ(types_of(frames), (std::vector<std::string>{"message.created", "notification"}));
    EXPECT_TRUE(strictly_increasing(frames, 0));
  }
  EXPECT_EQ(types_of(owner_socket.until("message.created", "messageId", message)),
            std::vector<std::string>{"message.created"});

  // A booking request: the client and the staff see it change; the professional is told.
  const auto booking = booked(owner, at(fresh_day(), 10));
  owner_socket.until("booking.updated", "bookingId", booking);
  admin_socket.until("booking.updated", "bookingId", booking);
  pro_socket.until("booking.updated", "bookingId", booking);
  pro_socket.until("notification", "type", "booking.requested");

  // Nobody saw more than that: the other client nothing at all, the client no notification
  // of their own acts, the administrator no notice of a request made to the professional.
  EXPECT_EQ(other_socket.drain(), std::vector<json::object>{});
  EXPECT_EQ(owner_socket.drain(), std::vector<json::object>{});
  EXPECT_EQ(admin_socket.drain(), std::vector<json::object>{});
  EXPECT_EQ(pro_socket.drain(), std::vector<json::object>{});
}

TEST_F(Live, AReconnectGetsWhatItMissedInOrderAndOnce) {
  const auto conversation = conversation_of(owner);
  Socket first(server->port(), owner.token);
  const auto ready = first.ready();
  const auto one = post(conversation, pro, "Première");
  auto seen = first.until("message.created", "messageId", one);
  auto more = first.until("notification", "type", "message.created");
  seen.insert(seen.end(), more.begin(), more.end());
  const auto last_seen = last_id(seen, ready.at("lastEventId").as_int64());
  first.ws().close();

  // Missed while away: three messages and their notifications; not another client's booking.
  std::vector<std::string> missed;
  for (const auto* text : {"Deuxième", "Troisième", "Quatrième"})
    missed.push_back(post(conversation, pro, text));
  booked(other, at(fresh_day(), 11));
  ASSERT_TRUE(notified(owner, 4));

  Socket again(server->port(), owner.token, last_seen);
  EXPECT_GE(again.ready().at("lastEventId").as_int64(), last_seen);
  auto frames = again.until("notification", "type", "message.created");
  for (auto extra = again.drain(); const auto& f : extra) frames.push_back(f);
  std::vector<std::string> messages;
  int notifications = 0;
  for (const auto& f : frames) {
    if (f.at("type").as_string() == "message.created")
      messages.emplace_back(f.at("data").at("messageId").as_string());
    notifications += f.at("type").as_string() == "notification";
  }
  EXPECT_EQ(messages, missed);
  EXPECT_EQ(notifications, 3);
  EXPECT_EQ(frames.size(), 6u) << "nothing else, nothing twice";
  EXPECT_TRUE(strictly_increasing(frames, last_seen));

  // Then live, once.
  const auto five = post(conversation, pro, "Cinquième");
  auto live = again.until("message.created", "messageId", five);
  EXPECT_EQ(live.size(), 1u);
  EXPECT_TRUE(strictly_increasing(live, last_id(frames, last_seen)));
}

TEST_F(Live, AnIdTheServerCannotReplayFromAsksTheClientToReload) {
  Socket from_the_future(server->port(), owner.token, 1'000'000'000);
  const auto ready = from_the_future.ready();
  EXPECT_TRUE(ready.at("reset").as_bool());
  // Live events still flow.
  const auto conversation = conversation_of(owner);
  const auto message = post(conversation, pro, "Après la remise à zéro");
  from_the_future.until("message.created", "messageId", message);
  // Not an id at all: the token is still good, the server just cannot replay from it.
  WsClient garbled(server->port(), "/api/ws");
  garbled.send(R"({"type":"auth","token":")" + owner.token + R"(","lastEventId":"abc"})");
  auto garbled_ready = garbled.receive();
  ASSERT_TRUE(garbled_ready);
  EXPECT_TRUE(json::parse(*garbled_ready).at("reset").as_bool()) << *garbled_ready;
  // A known id: no reset.
  Socket known(server->port(), owner.token, ready.at("lastEventId").as_int64());
  EXPECT_FALSE(known.ready().contains("reset"));
}

TEST_F(Live, TwoServersOnOneDatabaseDeliverEachOthersEvents) {
  auto env = server_env(database->url());
  ServerProcess second(env);
  const Api b(second.port());
  Socket owner_on_b(second.port(), owner.token);
  Socket pro_on_a(server->port(), pro.token);
  owner_on_b.ready();
  pro_on_a.ready();

  const auto conversation = conversation_of(owner);
  const auto sent = Clock::now();
  const auto message = post(conversation, pro, "Vos photos sont prêtes");  // through A
  owner_on_b.until("message.created", "messageId", message);
  const auto took = Clock::now() - sent;
  EXPECT_LT(took, 1s) << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                      << " ms";
  // The notification, made by whichever server took the job, reaches B's socket too.
  owner_on_b.until("notification", "type", "message.created");

  // And the other way round: the client answers through B, the staff socket on A sees it.
  const auto answer = post(conversation, owner, "Merci !", b);
  pro_on_a.until("message.created", "messageId", answer);
  pro_on_a.until("notification", "type", "message.created");
}
