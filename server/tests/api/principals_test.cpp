// Authenticated reads served from memory — the per-process cache of live principals, and the
// pages kept until a change — with revocation and every change keeping their meaning under
// it: two server processes on one database, each remembering the session (or the page) first;
// a change made through one must end (or alter) access, or show, on the very next request
// there, and within 100 ms on the other.
#include "studio_fixture.hpp"

#include <sstream>

namespace declic::test {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kOtherServerWithin = std::chrono::milliseconds(100);

struct Session {
  std::string id, token, cookie;
};

}  // namespace

class Principals : public Studio {
 protected:
  static void SetUpTestSuite() {
    Studio::SetUpTestSuite();
    if (!setup_error.empty()) return;
    setup_error = guarded_setup([] {
      second = new ServerProcess(server_env_used);  // same database and signing key
      there = new Api(second->port());
    });
  }
  static void TearDownTestSuite() {
    delete there;
    delete second;  // before the database goes
    Studio::TearDownTestSuite();
  }

  static std::uint64_t metric(const Api& on, const std::string& name) {
    std::istringstream lines(on.get("/metrics").http.body);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with(name + " ")) return std::stoull(line.substr(name.size() + 1));
    ADD_FAILURE() << name << " missing from /metrics";
    return 0;
  }

  // Makes `on` serve `token` from its cache (once its live feed is up, a second read hits).
  static void remembered(const Api& on, const std::string& token) {
    const bool hit = eventually([&] {
      const auto before = metric(on, "declic_principal_cache_hits_total");
      EXPECT_EQ(on.get("/api/me", token).status(), 200);
      return metric(on, "declic_principal_cache_hits_total") > before;
    });
    ASSERT_TRUE(hit) << "the principal cache never served this session";
  }
  static void remembered_on_both(const std::string& token) {
    remembered(*api, token);
    remembered(*there, token);
  }

  static Session sign_in(const std::string& email, const std::string& password = kPassword) {
    auto r = api->post("/api/auth/login", {{"email", email}, {"password", password}});
    EXPECT_EQ(r.status(), 200) << r.http.body;
    return {std::string(r.obj().at("user").at("id").as_string()), r.str("accessToken"),
            refresh_cookie(r.http)};
  }

  // How long after `changed` the other server first answered as `seen` says (polled closely;
  // two seconds at most).
  template <class Seen>
  static std::chrono::milliseconds seen_there_after(Clock::time_point changed, Seen seen) {
    while (!seen() && Clock::now() - changed < std::chrono::seconds(2))
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - changed);
  }
  static std::chrono::milliseconds there_after(Clock::time_point changed, const std::string& path,
                                               const std::string& token, int status) {
    return seen_there_after(changed, [&] { return there->get(path, token).status() == status; });
  }
  static void ends_everywhere(Clock::time_point changed, const std::string& token) {
    EXPECT_EQ(api->get("/api/me", token).status(), 401);  // here: the very next request
    EXPECT_LT(there_after(changed, "/api/me", token, 401), kOtherServerWithin);
    EXPECT_EQ(there->get("/api/me", token).status(), 401);
  }

  static inline ServerProcess* second = nullptr;
  static inline Api* there = nullptr;
};

TEST_F(Principals, RepeatedReadsAreServedFromTheCacheWithTheSameAnswer) {
  const auto account = sign_up(*api, "cached@client.test", kPassword);
  const auto first = api->get("/api/me", account.token);  // read from the database
  ASSERT_EQ(first.status(), 200);
  remembered(*api, account.token);
  const auto misses = metric(*api, "declic_principal_cache_misses_total");
  const auto again = api->get("/api/me", account.token);
  EXPECT_EQ(again.http.body, first.http.body);
  EXPECT_EQ(metric(*api, "declic_principal_cache_misses_total"), misses);
  EXPECT_EQ(metric(*api, "declic_principal_cache_live"), 1u);
  // A forged or expired token never reaches the cache.
  EXPECT_EQ(api->get("/api/me", account.token + "x").status(), 401);
  EXPECT_EQ(api->get("/api/me", short_lived_token(account, -5)).status(), 401);
}

TEST_F(Principals, LogoutEndsTheSessionHereAtOnceAndThereWithin100ms) {
  sign_up(*api, "logout@client.test", kPassword);
  const auto s = sign_in("logout@client.test");
  remembered_on_both(s.token);
  auto out = api->call("POST", "/api/auth/logout", "", "",
                       {"Cookie: " + s.cookie, "Origin: " + std::string(kTestOrigin)});
  ASSERT_EQ(out.status(), 204);
  ends_everywhere(Clock::now(), s.token);
}

TEST_F(Principals, APasswordChangeEndsTheOtherSessionsEverywhere) {
  sign_up(*api, "password@client.test", kPassword);
  const auto kept = sign_in("password@client.test");
  const auto ended = sign_in("password@client.test");
  remembered_on_both(kept.token);
  remembered_on_both(ended.token);
  auto changed = api->post("/api/me/password",
                           {{"currentPassword", kPassword}, {"newPassword", "another secret here"}},
                           kept.token);
  ASSERT_EQ(changed.status(), 204) << changed.http.body;
  ends_everywhere(Clock::now(), ended.token);
  EXPECT_EQ(api->get("/api/me", kept.token).status(), 200);
  EXPECT_EQ(there->get("/api/me", kept.token).status(), 200);
}

TEST_F(Principals, DisablingAUserEndsTheirAccessEverywhere) {
  const auto client = sign_up(*api, "disabled@client.test", kPassword);
  remembered_on_both(client.token);
  ASSERT_EQ(api->call("DELETE", "/api/users/" + client.id, "", admin.token).status(), 204);
  ends_everywhere(Clock::now(), client.token);
}

TEST_F(Principals, ARoleChangeAppliesHereAtOnceAndThereWithin100ms) {
  const auto staff =
      invite_staff(*api, mail_dir, admin, "demoted@studio.test", "PROFESSIONNEL", kPassword);
  remembered_on_both(staff.token);
  ASSERT_EQ(api->get("/api/users", staff.token).status(), 200);
  ASSERT_EQ(there->get("/api/users", staff.token).status(), 200);
  auto demoted = api->patch("/api/users/" + staff.id, {{"role", "CLIENT"}}, admin.token);
  ASSERT_EQ(demoted.status(), 200) << demoted.http.body;
  const auto changed = Clock::now();
  EXPECT_EQ(api->get("/api/users", staff.token).status(), 403);
  EXPECT_LT(there_after(changed, "/api/users", staff.token, 403), kOtherServerWithin);
  EXPECT_EQ(there->get("/api/me", staff.token).status(), 200);  // still signed in, as a client
  EXPECT_EQ(there->get("/api/me", staff.token).str("role"), "CLIENT");
}

TEST_F(Principals, AProfileChangeShowsEverywhere) {
  const auto client = sign_up(*api, "renamed@client.test", kPassword);
  remembered_on_both(client.token);
  auto renamed = api->patch("/api/me", {{"firstName", "Apolline"}}, client.token);
  ASSERT_EQ(renamed.status(), 200) << renamed.http.body;
  const auto changed = Clock::now();
  EXPECT_EQ(api->get("/api/me", client.token).str("firstName"), "Apolline");
  EXPECT_LT(seen_there_after(
                changed,
                [&] { return there->get("/api/me", client.token).str("firstName") == "Apolline"; }),
            kOtherServerWithin);
  EXPECT_EQ(there->get("/api/me", client.token).str("firstName"), "Apolline");
  // Staff editing a client's name: the same.
  auto by_staff = api->patch("/api/users/" + client.id, {{"lastName", "Roux"}}, pro.token);
  ASSERT_EQ(by_staff.status(), 200) << by_staff.http.body;
  EXPECT_EQ(api->get("/api/me", client.token).str("lastName"), "Roux");
}

// The pages kept in memory (core/http/page_cache.hpp): the staff and client bookings lists, a
// project, the staff catalogue.
class Pages : public Principals {
 protected:
  // Makes `on` answer `path` for `token` from memory: a second read is a hit, with the same
  // bytes as the first.
  static void kept(const Api& on, const std::string& path, const std::string& token) {
    const bool hit = eventually([&] {
      const auto before = metric(on, "declic_page_cache_hits_total");
      const auto first = on.get(path, token);
      EXPECT_EQ(first.status(), 200) << path << ": " << first.http.body;
      const auto again = on.get(path, token);
      EXPECT_EQ(again.http.body, first.http.body) << path;
      return metric(on, "declic_page_cache_hits_total") > before;
    });
    ASSERT_TRUE(hit) << path << " was never answered from memory";
  }
  static void kept_on_both(const std::string& path, const std::string& token,
                           const std::string& not_yet) {
    kept(*api, path, token);
    kept(*there, path, token);
    ASSERT_EQ(api->get(path, token).http.body.find(not_yet), std::string::npos) << path;
  }
  static bool shows(const Api& on, const std::string& path, const std::string& token,
                    const std::string& text) {
    return on.get(path, token).http.body.find(text) != std::string::npos;
  }
  // Once a change through `api` is answered: `path` shows `text` (or no longer does) there on
  // the very next request, and on the other server within 100 ms.
  static void shows_everywhere(Clock::time_point changed, const std::string& path,
                               const std::string& token, const std::string& text,
                               bool shown = true) {
    EXPECT_EQ(shows(*api, path, token, text), shown) << path << " here: " << text;
    EXPECT_LT(seen_there_after(changed, [&] { return shows(*there, path, token, text) == shown; }),
              kOtherServerWithin)
        << path << " there: " << text;
  }
};

TEST_F(Pages, AKeptPageIsTheSameBytesAndNoWayAroundRevocation) {
  const auto client = sign_up(*api, "kept@client.test", kPassword);
  const auto booking = booked(client, at(fresh_day(), 10));
  const auto project = std::string(act(booking, "confirm", pro).obj().at("projectId").as_string());
  for (const auto& path : {std::string("/api/bookings"), "/api/projects/" + project})
    kept_on_both(path, client.token, "no such text");
  kept_on_both("/api/services?includeArchived=true", pro.token, "no such text");
  const auto misses = metric(*api, "declic_page_cache_misses_total");
  EXPECT_EQ(api->get("/api/projects/" + project, client.token).status(), 200);
  EXPECT_EQ(metric(*api, "declic_page_cache_misses_total"), misses);
  // Another viewer never gets a page kept for someone else.
  expect_problem(api->get("/api/projects/" + project, other.token), 404);

  ASSERT_EQ(api->call("DELETE", "/api/users/" + client.id, "", admin.token).status(), 204);
  const auto changed = Clock::now();
  EXPECT_EQ(api->get("/api/bookings", client.token).status(), 401);
  EXPECT_LT(there_after(changed, "/api/bookings", client.token, 401), kOtherServerWithin);
  EXPECT_EQ(there->get("/api/projects/" + project, client.token).status(), 401);
}

TEST_F(Pages, EveryChangeShowsHereAtOnceAndThereWithin100ms) {
  const int day = fresh_day();
  const auto client = sign_up(*api, "changes@client.test", kPassword);
  const auto service = create_service("Headshot", 30, 0, 0);
  auto r = book(client, service, at(day, 11));
  ASSERT_EQ(r.status(), 201) << r.http.body;
  const auto booking = r.str("id");
  const auto staff_list = "/api/bookings?from=" + day_text(day) + "&to=" + day_text(day);
  const std::string client_list = "/api/bookings", catalogue = "/api/services?includeArchived=true";

  // A booking confirmed: both lists; its project appears.
  kept_on_both(staff_list, pro.token, "\"CONFIRMED\"");
  kept_on_both(client_list, client.token, "\"CONFIRMED\"");
  auto confirmed = act(booking, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  auto changed = Clock::now();
  shows_everywhere(changed, staff_list, pro.token, "\"CONFIRMED\"");
  shows_everywhere(changed, client_list, client.token, "\"CONFIRMED\"");
  const auto project = "/api/projects/" + std::string(confirmed.obj().at("projectId").as_string());

  // The service renamed: the lists that show it and the catalogue.
  kept_on_both(staff_list, pro.token, "Studio headshot");
  kept_on_both(catalogue, pro.token, "Studio headshot");
  kept_on_both(project, client.token, "Studio headshot");
  auto renamed = api->patch("/api/services/" + service, {{"name", "Studio headshot"}}, pro.token);
  ASSERT_EQ(renamed.status(), 200) << renamed.http.body;
  changed = Clock::now();
  shows_everywhere(changed, staff_list, pro.token, "Studio headshot");
  shows_everywhere(changed, catalogue, pro.token, "Studio headshot");
  shows_everywhere(changed, project, client.token, "Studio headshot");

  // The client renamed themselves: the staff's list and the project.
  kept_on_both(staff_list, pro.token, "Zélie");
  kept_on_both(project, pro.token, "Zélie");
  auto profile = api->patch("/api/me", {{"firstName", "Zélie"}}, client.token);
  ASSERT_EQ(profile.status(), 200) << profile.http.body;
  changed = Clock::now();
  shows_everywhere(changed, staff_list, pro.token, "Zélie");
  shows_everywhere(changed, project, pro.token, "Zélie");

  // The project's due date alone, then a note, then its status.
  kept_on_both(project, client.token, "2031-05-04");
  ASSERT_EQ(api->patch(project, {{"dueDate", "2031-05-04"}}, pro.token).status(), 200);
  shows_everywhere(Clock::now(), project, client.token, "2031-05-04");
  kept_on_both(project, client.token, "Sélection envoyée");
  ASSERT_EQ(api->patch(project, {{"note", "Sélection envoyée"}}, pro.token).status(), 200);
  shows_everywhere(Clock::now(), project, client.token, "Sélection envoyée");
  // Once shot, the client may no longer move or cancel: their list's actions say so.
  kept_on_both(client_list, client.token, "\"actions\":[]");
  kept_on_both(project, client.token, "\"status\":\"SHOT\"");
  ASSERT_EQ(api->patch(project, {{"status", "SHOT"}}, pro.token).status(), 200);
  changed = Clock::now();
  shows_everywhere(changed, project, client.token, "\"status\":\"SHOT\"");
  shows_everywhere(changed, client_list, client.token, "\"actions\":[]");

  // A contract template removed: the service that named it as its default no longer does.
  auto terms =
      api->post("/api/contract-templates",
                {{"name", "Headshot terms"}, {"body", "Terms of the session."}}, pro.token);
  ASSERT_EQ(terms.status(), 201) << terms.http.body;
  const auto terms_id = terms.str("id");
  ASSERT_EQ(
      api->patch("/api/services/" + service, {{"defaultContractTemplateId", terms_id}}, pro.token)
          .status(),
      200);
  kept_on_both(catalogue, pro.token, "no such text");
  ASSERT_TRUE(shows(*api, catalogue, pro.token, terms_id));
  ASSERT_EQ(api->call("DELETE", "/api/contract-templates/" + terms_id, "", pro.token).status(),
            204);
  shows_everywhere(Clock::now(), catalogue, pro.token, terms_id, false);

  // The service archived: the staff catalogue shows it inactive.
  kept_on_both(catalogue, pro.token, "\"active\":false");
  ASSERT_EQ(api->call("DELETE", "/api/services/" + service, "", pro.token).status(), 204);
  shows_everywhere(Clock::now(), catalogue, pro.token, "\"active\":false");
}

}  // namespace declic::test
