// Notifications through the real server: every change that concerns a user becomes one (the
// bell), read one by one or all at once; mail as each user chose per kind; several unread
// messages make one mail after MESSAGE_MAIL_DELAY (3 s in the studio fixture), messages read
// before then none; a mail due while the server is killed is sent after the restart.
#include "studio_fixture.hpp"

#include <signal.h>

using namespace declic::test;
using namespace std::chrono_literals;

namespace {

class Notifications : public Studio {
 protected:
  static json::array notifications(const StudioAccount& who, const std::string& query = "") {
    auto r = api->get("/api/notifications" + query, who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    return r.status() == 200 ? r.obj().at("items").as_array() : json::array{};
  }
  static std::int64_t unread(const StudioAccount& who) {
    return api->get("/api/notifications", who.token).obj().at("unreadCount").as_int64();
  }
  // The newest notification of `type` for `who`, waiting for the after-commit work.
  static json::object notification(const StudioAccount& who, const std::string& type) {
    for (int i = 0; i < 100; ++i) {
      for (const auto& n : notifications(who))
        if (n.at("type").as_string() == type) return n.as_object();
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "no " << type << " notification";
    return {};
  }
  static std::string conversation_of(const StudioAccount& client) {
    auto r = api->post("/api/conversations", {{"clientId", client.id}}, pro.token);
    EXPECT_TRUE(r.status() == 200 || r.status() == 201) << r.http.body;
    return r.str("id");
  }
  static void post(const std::string& conversation, const StudioAccount& who,
                   const std::string& text) {
    auto r =
        api->post("/api/conversations/" + conversation + "/messages", {{"body", text}}, who.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
  }
  static std::size_t mail_count(const StudioAccount& who) {
    return mails_to(mail_dir, who.email).size();
  }
  static std::string text(const json::value& v, const char* field) {
    return std::string(v.at(field).as_string());
  }
};

}  // namespace

TEST_F(Notifications, EveryChangeThatConcernsAUserBecomesANotification) {
  // A request: the professional is told.
  const auto booking = booked(owner, at(fresh_day(), 10));
  const auto requested = notification(pro, "booking.requested");
  EXPECT_EQ(text(requested, "kind"), "bookings");
  EXPECT_EQ(text(requested, "subjectId"), booking);
  EXPECT_EQ(text(requested.at("data"), "serviceName"), "Portrait");
  EXPECT_EQ(text(requested.at("data"), "clientName"), "Zoé Client");
  EXPECT_TRUE(requested.at("readAt").is_null());
  EXPECT_TRUE(notifications(owner).empty()) << "nobody is told of their own act";

  // Confirmed: the client is told, in the app and by mail (in English, their language).
  auto confirmed = act(booking, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  EXPECT_EQ(text(notification(owner, "booking.confirmed"), "subjectId"), booking);
  EXPECT_TRUE(mailed(owner.email, "Your booking is confirmed"));

  // The project moves on: the client is told (they were told nothing before).
  const auto project = "/api/projects/" + confirmed.str("projectId");
  ASSERT_EQ(api->patch(project, {{"status", "SHOT"}}, pro.token).status(), 200);
  const auto moved = notification(owner, "project.status_changed");
  EXPECT_EQ(text(moved, "kind"), "projects");
  EXPECT_EQ(text(moved.at("data"), "from"), "CONFIRMED");
  EXPECT_EQ(text(moved.at("data"), "to"), "SHOT");
  EXPECT_TRUE(mailed(owner.email, "session done"));

  // Cancelled: one notice (the booking's, with the reason), not one per module.
  ASSERT_EQ(api->patch(project, {{"status", "CANCELLED"}, {"note", "Météo"}}, pro.token).status(),
            200);
  const auto cancelled = notification(owner, "booking.cancelled");
  EXPECT_EQ(text(cancelled.at("data"), "reason"), "Météo");
  int project_notices = 0;
  for (const auto& n : notifications(owner))
    project_notices += n.at("type").as_string() == "project.status_changed";
  EXPECT_EQ(project_notices, 1);

  // A message: the other side is told, with an excerpt.
  post(conversation_of(owner), pro, "Bonjour Zoé, voici les informations pour la séance.");
  const auto message = notification(owner, "message.created");
  EXPECT_EQ(text(message, "kind"), "messages");
  EXPECT_EQ(text(message.at("data"), "excerpt"),
            "Bonjour Zoé, voici les informations pour la séance.");
  EXPECT_EQ(notifications(other).size(), 0u);
}

TEST_F(Notifications, AreReadOneByOneOrAllAtOnceAndPageNewestFirst) {
  const auto conversation = conversation_of(owner);
  for (int i = 1; i <= 5; ++i) post(conversation, owner, "Question " + std::to_string(i));
  for (int i = 0; i < 100 && unread(pro) < 5; ++i) std::this_thread::sleep_for(100ms);
  ASSERT_EQ(unread(pro), 5);

  // Pages of two, newest first, nothing repeated or skipped.
  std::vector<std::string> ids;
  std::string query = "?limit=2";
  for (int page = 0; page < 3; ++page) {
    auto r = api->get("/api/notifications" + query, pro.token);
    ASSERT_EQ(r.status(), 200) << r.http.body;
    for (const auto& n : r.obj().at("items").as_array()) ids.push_back(text(n, "id"));
    const auto& next = r.obj().at("nextCursor");
    EXPECT_EQ(next.is_null(), page == 2);
    if (next.is_null()) break;
    query = "?limit=2&cursor=" + std::string(next.as_string());
  }
  ASSERT_EQ(ids.size(), 5u);
  const auto all = notifications(pro);
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], text(all[i], "id"));
  EXPECT_EQ(text(all[0].at("data"), "excerpt"), "Question 5");

  // One read; someone else's id changes nothing of theirs.
  ASSERT_EQ(api->post("/api/notifications/read", {{"ids", json::array{ids[0].c_str()}}}, pro.token)
                .status(),
            204);
  EXPECT_EQ(unread(pro), 4);
  EXPECT_EQ(
      api->post("/api/notifications/read", {{"ids", json::array{ids[1].c_str()}}}, admin.token)
          .status(),
      204);
  EXPECT_EQ(unread(pro), 4);
  // All.
  ASSERT_EQ(api->post("/api/notifications/read", {{"all", true}}, pro.token).status(), 204);
  EXPECT_EQ(unread(pro), 0);
  EXPECT_EQ(unread(admin), 5) << "each staff member reads their own bell";
}

TEST_F(Notifications, BadInputIsAProblemAndChangesNothing) {
  post(conversation_of(owner), owner, "Allô ?");
  for (int i = 0; i < 100 && unread(pro) < 1; ++i) std::this_thread::sleep_for(100ms);
  for (const auto* body :
       {R"({})", R"({"ids":[]})", R"({"ids":["nope"]})", R"({"all":false})", R"({"all":null})"})
    expect_problem(api->call("POST", "/api/notifications/read", body, pro.token), 422);
  for (const auto* body :
       {R"([])", R"({"ids":)", R"({"ids":"x"})", R"({"ids":[1]})", R"({"all":"yes"})"})
    expect_problem(api->call("POST", "/api/notifications/read", body, pro.token), 400);
  EXPECT_EQ(unread(pro), 1);
  for (const auto* query : {"?limit=0", "?limit=-1", "?limit=x", "?cursor=garbage"})
    expect_problem(api->get(std::string("/api/notifications") + query, pro.token), 422);
  expect_problem(api->get("/api/notifications"), 401);
  expect_problem(api->post("/api/notifications/read", {{"all", true}}), 401);
  expect_problem(api->get("/api/me/notification-preferences"), 401);
}

TEST_F(Notifications, EachUserChoosesPerKindInstantDigestOrOff) {
  auto defaults = api->get("/api/me/notification-preferences", owner.token);
  ASSERT_EQ(defaults.status(), 200) << defaults.http.body;
  EXPECT_EQ(defaults.json,
            json::parse(R"({"messages":"instant","bookings":"instant","projects":"instant"})"));
  auto changed = api->call("PUT", "/api/me/notification-preferences",
                           R"({"bookings":"off","projects":"digest"})", owner.token);
  ASSERT_EQ(changed.status(), 200) << changed.http.body;
  EXPECT_EQ(changed.json,
            json::parse(R"({"messages":"instant","bookings":"off","projects":"digest"})"));
  for (const auto* body : {R"({"sms":"off"})", R"({"bookings":"sometimes"})"})
    expect_problem(api->call("PUT", "/api/me/notification-preferences", body, owner.token), 422);
  for (const auto* body : {R"([])", R"("off")", R"({"bookings":3})"})
    expect_problem(api->call("PUT", "/api/me/notification-preferences", body, owner.token), 400);
  EXPECT_EQ(api->get("/api/me/notification-preferences", owner.token).json, changed.json);

  // Bookings off: in the bell, never mailed.
  const auto mails = mail_count(owner);
  auto confirmed = act(booked(owner, at(fresh_day(), 14)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  notification(owner, "booking.confirmed");
  // Projects as a digest: in the bell now, mailed at 08:00 studio time.
  ASSERT_EQ(
      api->patch("/api/projects/" + confirmed.str("projectId"), {{"status", "SHOT"}}, pro.token)
          .status(),
      200);
  notification(owner, "project.status_changed");
  std::this_thread::sleep_for(2s);
  EXPECT_EQ(mail_count(owner), mails);
  const auto due = psql(database->url(),
                        "SELECT to_char(j.lease_until AT TIME ZONE 'Europe/Paris', 'HH24:MI')"
                        " FROM event_jobs j JOIN events e ON e.seq = j.event_seq"
                        " WHERE e.type = 'notification.mail_due' AND e.data->>'userId' = '" +
                            owner.id + "' AND e.data->>'kind' = 'projects'");
  EXPECT_EQ(due.substr(0, 5), "08:00");
}

TEST_F(Notifications, FiveUnreadMessagesMakeOneMail) {
  const auto conversation = conversation_of(owner);
  const auto before = mail_count(owner);
  for (int i = 1; i <= 5; ++i) post(conversation, pro, "Détail numéro " + std::to_string(i));
  ASSERT_FALSE(wait_for_mail(mail_dir, owner.email, 15s).empty());
  std::this_thread::sleep_for(5s);  // past every message's delay
  const auto mails = mails_to(mail_dir, owner.email);
  ASSERT_EQ(mails.size(), before + 1);
  const auto body = decode_quoted_printable(mails.back());
  for (int i = 1; i <= 5; ++i)
    EXPECT_NE(body.find("Détail numéro " + std::to_string(i)), std::string::npos) << body;
  EXPECT_NE(body.find("http://declic.test/client/messages"), std::string::npos)
      << "a link to the thread";
}

TEST_F(Notifications, MessagesReadBeforeTheDelayAreNotMailed) {
  const auto conversation = conversation_of(other);
  const auto before = mail_count(other);
  post(conversation, pro, "Un premier mot");
  post(conversation, pro, "Et un second");
  ASSERT_EQ(api->post("/api/conversations/" + conversation + "/read", json::object{}, other.token)
                .status(),
            204);
  std::this_thread::sleep_for(6s);  // twice the delay
  EXPECT_EQ(mail_count(other), before);
  EXPECT_EQ(unread(other), 0) << "read in the thread, read in the bell";
}

// A server of its own, killed while a mail is due: the next one sends it, once.
TEST(NotificationMail, ADueMailSurvivesAKilledServer) {
  TestDatabase database;
  auto env = server_env(database.url());
  env["MESSAGE_MAIL_DELAY"] = "2";
  const auto mail_dir = env["MAIL_DIR"];
  auto server = std::make_unique<ServerProcess>(env);
  Api api(server->port());
  const auto boss = create_admin(api, database.url(), "boss@studio.test", kPassword);
  const auto client = sign_up(api, "client@example.fr", kPassword);
  auto opened = api.post("/api/conversations", {{"clientId", client.id}}, boss.token);
  ASSERT_EQ(opened.status(), 201) << opened.http.body;
  const auto path = "/api/conversations/" + opened.str("id") + "/messages";
  for (const auto* text : {"Votre galerie arrive", "Elle sera en ligne demain"})
    ASSERT_EQ(api.post(path, {{"body", text}}, boss.token).status(), 201);
  for (int i = 0; i < 100; ++i) {  // the notifications, and so the due mails, exist
    if (api.get("/api/notifications", client.token).obj().at("unreadCount").as_int64() == 2) break;
    std::this_thread::sleep_for(50ms);
  }
  server->signal(SIGKILL);
  server->wait_exit(5s);
  std::this_thread::sleep_for(3s);  // the mail falls due while no server runs
  EXPECT_TRUE(mails_to(mail_dir, client.email).empty());

  server = std::make_unique<ServerProcess>(env);
  const auto mail = decode_quoted_printable(wait_for_mail(mail_dir, client.email, 15s));
  EXPECT_NE(mail.find("Votre galerie arrive"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Elle sera en ligne demain"), std::string::npos) << mail;
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(mails_to(mail_dir, client.email).size(), 1u);
}
