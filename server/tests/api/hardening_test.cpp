// Abuse limits, bounded work and tidy data through the real server: a client cannot fill the
// calendar, sign-ups and sign-ins cannot be flooded, limits hold behind a proxy (each test
// client gets its own X-Forwarded-For, the proxy being 127.0.0.1), housekeeping removes what
// is past its time — once, even with two servers — and the smaller holes stay closed.
#include "studio_fixture.hpp"

#include <atomic>
#include <future>
#include <regex>

namespace declic::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::vector<std::string> from(const std::string& address) {
  return {"X-Forwarded-For: " + address};
}

class Hardening : public Studio {
 protected:
  static void SetUpTestSuite() {
    extra_env = {{"TRUSTED_PROXIES", "127.0.0.1"},      {"LOGIN_LIMIT_PER_IP", "10"},
                 {"REGISTER_LIMIT_PER_ADDRESS", "3"},   {"REGISTER_LIMIT_GLOBAL", "12"},
                 {"BOOKING_LIMIT_PER_USER", "5"},       {"BOOKING_LIMIT_PER_ADDRESS", "8"},
                 {"PASSWORD_QUEUE_MAX_WAIT_MS", "100"}, {"BACKGROUND_THREADS", "1"},
                 {"HOUSEKEEPING_INTERVAL_MS", "300"}};
    Studio::SetUpTestSuite();
  }

  static void settings(const json::object& patch) {
    auto r = api->call("PUT", "/api/settings", json::serialize(patch), admin.token);
    ASSERT_EQ(r.status(), 200) << r.http.body;
  }

  static ApiResponse book_from(const StudioAccount& who, const std::string& start,
                               const std::string& address) {
    return book(who, portrait, start, from(address));
  }

  static ApiResponse sign_in(const std::string& email, const std::string& password,
                             const std::string& address) {
    const json::object body{{"email", email}, {"password", password}};
    return api->call("POST", "/api/auth/login", json::serialize(body), "", from(address));
  }

  static ApiResponse register_from(const std::string& email, const std::string& address) {
    const json::object body{
        {"email", email}, {"password", kPassword}, {"firstName", "Léa"}, {"lastName", "Martin"}};
    return api->call("POST", "/api/auth/register", json::serialize(body), "", from(address));
  }

  static int retry_after(const ApiResponse& r) {
    const auto v = r.http.header("retry-after");
    return v.empty() ? -1 : std::stoi(v);
  }

  static std::string status_of(const std::string& booking_id) {
    auto r = api->get("/api/bookings/" + booking_id, admin.token);
    return r.status() == 200 ? r.str("status") : "HTTP " + std::to_string(r.status());
  }

  static std::int64_t housekept(int port, const std::string& task) {
    auto metrics = request(port, "GET", "/metrics");
    const std::regex line("declic_housekeeping_rows_total\\{task=\"" + task + "\"\\} (\\d+)");
    std::smatch m;
    return std::regex_search(metrics.body, m, line) ? std::stoll(m[1]) : -1;
  }
};

// ---- one client cannot block the calendar -------------------------------------------------

TEST_F(Hardening, AClientHoldsAtMostTheStudiosNumberOfOpenRequests) {
  settings({{"maxOpenRequestsPerClient", 2}});
  const int day = fresh_day();
  EXPECT_EQ(book_from(owner, at(day, 9), "198.51.100.1").status(), 201);
  EXPECT_EQ(book_from(owner, at(day, 10), "198.51.100.1").status(), 201);
  auto third = book_from(owner, at(day, 11), "198.51.100.1");
  expect_problem(third, 409, "too_many_open_requests");
  EXPECT_EQ(one("SELECT count(*) FROM bookings WHERE client_id = '" + owner.id + "'"), "2");

  // Staff booking for the client are not held back by it.
  const json::object for_owner{
      {"serviceId", portrait}, {"start", at(day, 12)}, {"clientId", owner.id}};
  EXPECT_EQ(api->post("/api/bookings", for_owner, pro.token).status(), 201);

  // Concurrent requests are counted one after the other: exactly the cap gets through.
  std::vector<std::future<int>> tries;
  for (int hour = 9; hour < 13; ++hour)
    tries.push_back(std::async(std::launch::async, [&, hour] {
      return book_from(other, at(day + 1, hour), "198.51.100.2").status();
    }));
  int created = 0, capped = 0;
  for (auto& t : tries) {
    const int status = t.get();
    created += status == 201;
    capped += status == 409;
  }
  EXPECT_EQ(created, 2);
  EXPECT_EQ(capped, 2);
}

TEST_F(Hardening, ClientsBookOnlyUpToTheStudiosHorizon) {
  settings({{"bookingHorizonMonths", 1}});
  const int far = 40;  // days: past a month
  auto refused = book_from(owner, at(far, 10), "198.51.100.3");
  expect_problem(refused, 422, "validation_failed");
  EXPECT_EQ(first_error_field(refused), "start");
  EXPECT_EQ(refused.obj().at("errors").as_array().at(0).at("code").as_string(), "beyond_horizon");
  // Year 9999 is refused the same way, not stored.
  expect_problem(book_from(owner, "9999-01-04T10:00:00Z", "198.51.100.3"), 422);
  EXPECT_TRUE(slot_starts(portrait, far).empty())
      << "clients are not offered what they may not book";
  // Nor may a client move a booking there.
  auto near = book_from(owner, at(10, 10), "198.51.100.3");
  ASSERT_EQ(near.status(), 201) << near.http.body;
  const json::object later{{"start", at(far, 11)}};
  auto moved = api->post("/api/bookings/" + near.str("id") + "/reschedule", later, owner.token);
  expect_problem(moved, 422, "validation_failed");
  EXPECT_EQ(first_error_field(moved), "start");
  EXPECT_FALSE(slot_starts(portrait, 20).empty());
  // Staff may book a wedding two years ahead for their client.
  const json::object for_owner{
      {"serviceId", portrait}, {"start", at(far, 10)}, {"clientId", owner.id}};
  EXPECT_EQ(api->post("/api/bookings", for_owner, pro.token).status(), 201);
}

TEST_F(Hardening, BookingRequestsAreRateLimitedPerClientAndPerAddress) {
  const int day = fresh_day();
  // Five requests an hour for one client, whatever they answer (409 for a slot off the grid).
  for (int i = 0; i < 5; ++i)
    EXPECT_NE(book_from(owner, at(day, 9, 7), "198.51.100.4").status(), 429);
  auto limited = book_from(owner, at(day, 10), "198.51.100.5");
  expect_problem(limited, 429, "rate_limited");
  EXPECT_GT(retry_after(limited), 0);
  // Eight an hour from one address: `other` has three left there, then waits.
  for (int i = 0; i < 3; ++i)
    EXPECT_NE(book_from(other, at(day, 9, 7), "198.51.100.4").status(), 429);
  expect_problem(book_from(other, at(day, 11), "198.51.100.4"), 429, "rate_limited");
  // From elsewhere `other` books as usual; nothing was stored by the refused ones.
  EXPECT_EQ(book_from(other, at(day, 11), "198.51.100.6").status(), 201);
  EXPECT_EQ(one("SELECT count(*) FROM bookings WHERE starts_at >= now()"), "1");
}

TEST_F(Hardening, AnUnansweredRequestExpiresFreesItsTimeAndTellsBothSides) {
  settings({{"requestExpiryHours", 1}});
  const int day = fresh_day();
  const auto start = at(day, 14);
  auto first = book_from(owner, start, "198.51.100.7");
  ASSERT_EQ(first.status(), 201) << first.http.body;
  const auto id = first.str("id");
  auto fresh = book_from(other, at(day, 15), "198.51.100.8");
  ASSERT_EQ(fresh.status(), 201);
  // Nobody answered for two hours.
  one("UPDATE bookings SET created_at = now() - interval '2 hours' WHERE id = '" + id + "'");

  ASSERT_TRUE(eventually([&] { return status_of(id) == "EXPIRED"; }, 10s)) << status_of(id);
  EXPECT_EQ(status_of(fresh.str("id")), "PENDING") << "a recent request waits on";
  // The time is free again: another client books it.
  EXPECT_EQ(book_from(other, start, "198.51.100.8").status(), 201);
  auto mine = api->get("/api/bookings/" + id, owner.token);
  EXPECT_TRUE(mine.obj().at("actions").as_array().empty());
  // Told in the app (both sides) and by mail (the client, in English).
  auto bell = api->get("/api/notifications", owner.token);
  EXPECT_NE(bell.http.body.find("booking.expired"), std::string::npos) << bell.http.body;
  EXPECT_NE(api->get("/api/notifications", pro.token).http.body.find("booking.expired"),
            std::string::npos);
  // The newest mail once the worker has sent it (the request's receipt came first).
  EXPECT_TRUE(eventually(
      [&] {
        return decode_quoted_printable(wait_for_mail(mail_dir, owner.email))
                   .find("not confirmed in time") != std::string::npos;
      },
      10s));
  EXPECT_EQ(one("SELECT count(*) FROM audit_events WHERE action = 'booking.expire'"), "1");
}

TEST_F(Hardening, TwoServersExpireEachRequestOnce) {
  settings({{"requestExpiryHours", 1}});
  ServerProcess second(server_env_used);
  const int day = fresh_day();
  std::vector<std::string> ids;
  for (int hour = 9; hour < 17; ++hour) {
    const json::object body{
        {"serviceId", portrait}, {"start", at(day, hour)}, {"clientId", owner.id}};
    auto r = api->post("/api/bookings", body, pro.token);
    ASSERT_EQ(r.status(), 201) << r.http.body;
    ids.push_back(r.str("id"));
  }
  one("UPDATE bookings SET created_at = now() - interval '2 hours'");
  ASSERT_TRUE(eventually(
      [&] { return one("SELECT count(*) FROM bookings WHERE status = 'EXPIRED'") == "8"; }, 10s));
  std::this_thread::sleep_for(1s);  // both servers had time for another pass
  EXPECT_EQ(one("SELECT count(*) FROM events WHERE type = 'booking.expired'"), "8");
  EXPECT_EQ(one("SELECT count(DISTINCT subject_id) FROM notifications"
                " WHERE type = 'booking.expired' AND user_id = '" +
                owner.id + "'"),
            "8");
  EXPECT_EQ(one("SELECT count(*) FROM notifications WHERE type = 'booking.expired'"), "16");
  EXPECT_EQ(
      housekept(server->port(), "expired_requests") + housekept(second.port(), "expired_requests"),
      8);
}

// ---- sign-up and sign-in cannot be flooded --------------------------------------------------

TEST_F(Hardening, SignUpsAreLimitedPerAddressAndOverall) {
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(register_from("a" + std::to_string(i) + "@client.test", "203.0.113.10").status(),
              201);
  auto limited = register_from("a3@client.test", "203.0.113.10");
  expect_problem(limited, 429, "rate_limited");
  EXPECT_GT(retry_after(limited), 0);
  // An address already taken is counted the same: it cannot be used to guess who is a client.
  expect_problem(register_from("owner@client.test", "203.0.113.10"), 429, "rate_limited");
  // The fixture signed up two, these three: seven more fill the hour for everyone.
  for (int i = 0; i < 7; ++i)
    EXPECT_EQ(register_from("b" + std::to_string(i) + "@client.test",
                            "203.0.113." + std::to_string(20 + i))
                  .status(),
              201);
  expect_problem(register_from("c@client.test", "203.0.113.99"), 429, "rate_limited");
  EXPECT_EQ(one("SELECT count(*) FROM users WHERE email LIKE 'a3@%' OR email LIKE 'c@%'"), "0");
}

TEST_F(Hardening, AFullHashingQueueAnswers503WhileSignedInRequestsStayFast) {
  std::atomic<bool> flooding{true};
  std::vector<std::future<ApiResponse>> guesses;
  for (int i = 0; i < 40; ++i)
    guesses.push_back(std::async(std::launch::async, [i] {
      return sign_in("nobody" + std::to_string(i) + "@client.test", "wrong password!",
                     "203.0.113." + std::to_string(100 + i));
    }));
  std::vector<double> me_ms;
  auto me = std::async(std::launch::async, [&] {
    while (flooding) {
      const auto t0 = Clock::now();
      EXPECT_EQ(api->get("/api/me", owner.token).status(), 200);
      me_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      std::this_thread::sleep_for(10ms);
    }
  });
  int busy = 0, refused = 0;
  for (auto& g : guesses) {
    const auto r = g.get();
    refused += r.status() == 401;
    if (r.status() != 503) continue;
    if (busy++ > 0) continue;
    expect_problem(r, 503, "busy");  // what a refused one looks like
    EXPECT_GT(retry_after(r), 0);
  }
  flooding = false;
  me.get();
  EXPECT_GT(busy, 0) << "the queue never filled";
  EXPECT_GT(refused, 0) << "nothing was checked at all";
  EXPECT_EQ(busy + refused, 40);
  ASSERT_FALSE(me_ms.empty());
  std::sort(me_ms.begin(), me_ms.end());
  // Hashing on the event loop would hold every request behind 40 argon2id runs (seconds under
  // ASan); off the loop, a signed-in request waits at most for CPU shared with the hashing
  // threads, which the machine running the tests decides, hence the margin at the tail.
  EXPECT_LT(me_ms[me_ms.size() / 2], 50.0) << "median of /api/me during the flood";
  EXPECT_LT(me_ms.back(), 300.0) << "slowest /api/me during the flood";
  auto next = sign_in("nobody@client.test", "wrong password!", "203.0.113.200");
  EXPECT_EQ(next.status(), 401) << "the queue drains: the next guess is checked";
}

// ---- limits behind a proxy --------------------------------------------------------------------

TEST_F(Hardening, BehindAProxyOneVisitorsFailuresDoNotLockOutAnother) {
  for (int i = 0; i < 12; ++i)
    sign_in("who" + std::to_string(i) + "@x.test", "nope nope nope", "203.0.113.7");
  expect_problem(sign_in("who@x.test", "nope nope nope", "203.0.113.7"), 429, "rate_limited");
  EXPECT_EQ(sign_in(pro.email, kPassword, "203.0.113.8").status(), 200);
  // Without a trusted proxy in between, a client cannot pick its address: the header is
  // believed only from 127.0.0.1, and the rightmost untrusted entry counts.
  EXPECT_EQ(sign_in(pro.email, kPassword, "203.0.113.7, 203.0.113.9").status(), 200);
  expect_problem(sign_in(pro.email, kPassword, "203.0.113.9, 203.0.113.7"), 429);
}

TEST_F(Hardening, SuccessfulSignInsDoNotCountAgainstTheAddress) {
  for (int i = 0; i < 15; ++i)
    ASSERT_EQ(sign_in(owner.email, kPassword, "203.0.113.30").status(), 200) << i;
  // A studio's ten colleagues behind one address still get their own mistakes.
  EXPECT_EQ(sign_in(owner.email, "not my password", "203.0.113.30").status(), 401);
}

TEST_F(Hardening, AnIpv6Slash64CountsAsOneAddress) {
  for (int i = 0; i < 10; ++i)
    sign_in("v6" + std::to_string(i) + "@x.test", "nope nope nope",
            "2001:db8:1:2::" + std::to_string(i + 1));
  expect_problem(sign_in("v6@x.test", "nope nope nope", "2001:db8:1:2:ffff::1"), 429);
  EXPECT_EQ(sign_in("v6@x.test", "nope nope nope", "2001:db8:1:3::1").status(), 401);
}

TEST_F(Hardening, PastTheAccountCeilingTheOwnerStillSignsInFromANewAddress) {
  // 51 wrong guesses at the professional's account, from 51 addresses.
  for (int i = 0; i < 51; ++i)
    EXPECT_EQ(sign_in(pro.email, "guess " + std::to_string(i) + " !!!",
                      "198.18.0." + std::to_string(i + 1))
                  .status(),
              401);
  // Slowed, not locked: an address gets one try a minute…
  EXPECT_EQ(sign_in(pro.email, "guess again !!!", "198.18.1.1").status(), 401);
  expect_problem(sign_in(pro.email, "and again !!!", "198.18.1.1"), 429, "rate_limited");
  // …so the owner, at a café they never used before, is in.
  EXPECT_EQ(sign_in(pro.email, kPassword, "198.18.2.1").status(), 200);
}

// ---- passwords and links ------------------------------------------------------------------

TEST_F(Hardening, ResetMailsAreCappedPerAccountWhateverTheAddress) {
  const auto before = mails_to(mail_dir, other.email).size();
  for (int i = 0; i < 9; ++i) {
    const json::object body{{"email", other.email}};
    auto r = api->call("POST", "/api/auth/password/forgot", json::serialize(body), "",
                       from("198.51.100." + std::to_string(40 + i)));
    EXPECT_EQ(r.status(), 202) << r.http.body;  // the same answer every time
  }
  std::this_thread::sleep_for(3s);  // the mails are written after the answer
  EXPECT_EQ(mails_to(mail_dir, other.email).size() - before, 5u);
}

TEST_F(Hardening, ChangingThePasswordCancelsResetLinks) {
  const json::object forgot{{"email", owner.email}};
  ASSERT_EQ(api->post("/api/auth/password/forgot", forgot).status(), 202);
  const auto link = token_from_mail(wait_for_mail(mail_dir, owner.email));
  ASSERT_FALSE(link.empty());
  const json::object change{{"currentPassword", kPassword},
                            {"newPassword", "a brand new password"}};
  ASSERT_EQ(api->post("/api/me/password", change, owner.token).status(), 204);
  const json::object reset{{"token", link}, {"password", "the attacker's choice"}};
  expect_problem(api->post("/api/auth/password/reset", reset), 410, "token_used");
  EXPECT_EQ(sign_in(owner.email, "a brand new password", "203.0.113.50").status(), 200);
}

TEST_F(Hardening, ADisabledAccountCannotBeReopenedByAResetLink) {
  const json::object forgot{{"email", other.email}};
  ASSERT_EQ(api->post("/api/auth/password/forgot", forgot).status(), 202);
  const auto link = token_from_mail(wait_for_mail(mail_dir, other.email));
  ASSERT_FALSE(link.empty());
  const auto hash = one("SELECT password_hash FROM users WHERE id = '" + other.id + "'");
  ASSERT_EQ(api->patch("/api/users/" + other.id, {{"disabled", true}}, admin.token).status(), 200);
  const json::object reset{{"token", link}, {"password", "taking it back now"}};
  expect_problem(api->post("/api/auth/password/reset", reset), 400, "invalid_token");
  EXPECT_EQ(one("SELECT password_hash FROM users WHERE id = '" + other.id + "'"), hash);
}

TEST_F(Hardening, SignUpTakesOnlyAddressesAMailerDelivers) {
  for (const std::string bad : std::vector<std::string>{
           "a@b", "a@[192.0.2.1]", "x@192.0.2.1", "é@exemple.fr", "a..b@exemple.fr",
           "a.@exemple.fr", "a@exem_ple.fr", "\"a b\"@exemple.fr", "a@-exemple.fr", "a@exemple.f",
           "a(b)@exemple.fr", std::string(65, 'a') + "@exemple.fr"}) {
    auto r = register_from(bad, "203.0.113.60");
    expect_problem(r, 422, "validation_failed");
    EXPECT_EQ(first_error_field(r), "email") << bad;
    if (r.status() == 429) break;
  }
  EXPECT_EQ(register_from("ana.o'neil+photos@studio-lumiere.fr", "203.0.113.61").status(), 201);
}

// ---- a disabled professional's services ------------------------------------------------------

TEST_F(Hardening, ADisabledProfessionalsServicesStopBeingBookable) {
  const int day = fresh_day();
  ASSERT_EQ(api->patch("/api/users/" + pro.id, {{"disabled", true}}, admin.token).status(), 200);
  EXPECT_EQ(api->get("/api/services").http.body.find(portrait), std::string::npos);
  EXPECT_EQ(api->get("/api/services/" + portrait).status(), 404);
  EXPECT_EQ(api->get("/api/services/" + portrait + "/slots?from=" + day_text(day) +
                     "&to=" + day_text(day))
                .status(),
            404);
  auto refused = book_from(owner, at(day, 10), "198.51.100.70");
  expect_problem(refused, 422, "validation_failed");
  EXPECT_EQ(first_error_field(refused), "serviceId");
  // Enabled again, back in the catalogue (the cached copy moved on too).
  ASSERT_EQ(api->patch("/api/users/" + pro.id, {{"disabled", false}}, admin.token).status(), 200);
  EXPECT_NE(api->get("/api/services").http.body.find(portrait), std::string::npos);
  EXPECT_EQ(book_from(owner, at(day, 10), "198.51.100.70").status(), 201);
}

// ---- smaller holes ----------------------------------------------------------------------------

TEST_F(Hardening, ANulInsideAStringIsRefusedNotCut) {
  auto r = api->call("PATCH", "/api/me", R"({"firstName":"Ana\u0000<script>"})", owner.token);
  expect_problem(r, 422, "validation_failed");
  EXPECT_EQ(first_error_field(r), "firstName");
  EXPECT_EQ(api->get("/api/me", owner.token).obj().at("firstName").as_string(), "Zoé");
  EXPECT_EQ(one("SELECT count(*) FROM users WHERE first_name LIKE 'Ana%'"), "0");
}

// ---- housekeeping ---------------------------------------------------------------------------

TEST_F(Hardening, HousekeepingRemovesWhatIsPastItsTimeOnceWithTwoServers) {
  ServerProcess second(server_env_used);
  // Old rows of every kind, each beside a live one of its kind.
  for (int i = 0; i < 3; ++i) sign_in(owner.email, kPassword, "203.0.113.70");
  one("UPDATE sessions SET expires_at = now() - interval '40 days' WHERE id IN (SELECT id FROM"
      " sessions WHERE user_id = '" +
      owner.id + "' ORDER BY created_at DESC LIMIT 3)");
  one("INSERT INTO one_time_tokens (token_hash, user_id, purpose, expires_at, used_at) VALUES"
      " ('old1', '" +
      other.id +
      "', 'reset', now() - interval '10 days', NULL),"
      " ('old2', '" +
      other.id +
      "', 'reset', now() + interval '1 hour', now() - interval '9 days'),"
      " ('live', '" +
      other.id + "', 'reset', now() + interval '1 hour', NULL)");
  one("INSERT INTO rate_limits (key, window_start, hits, expires_at) VALUES"
      " ('old:a', now() - interval '2 days', 1, now() - interval '1 day'),"
      " ('old:b', now() - interval '2 days', 1, now() - interval '1 day'),"
      " ('live:c', now(), 1, now() + interval '1 hour')");
  one("INSERT INTO outbox (to_address, subject, body_text, created_at, sent_at) VALUES"
      " ('old@x.test', 'old', 'b', now() - interval '40 days', now() - interval '40 days'),"
      " ('new@x.test', 'new', 'b', now(), now())");
  one("INSERT INTO idempotency_keys (user_id, scope, key, request_hash, resource_id, created_at)"
      " VALUES ('" +
      owner.id +
      "', 'booking.create', 'old-key', 'h', 'r', now() - interval '8 days'),"
      " ('" +
      owner.id + "', 'booking.create', 'new-key', 'h', 'r', now())");

  EXPECT_TRUE(eventually(
      [&] {
        return one("SELECT count(*) FROM rate_limits WHERE key LIKE 'old:%'") == "0" &&
               one("SELECT count(*) FROM one_time_tokens WHERE token_hash LIKE 'old%'") == "0" &&
               one("SELECT count(*) FROM sessions WHERE expires_at < now() - interval '30 days'") ==
                   "0" &&
               one("SELECT count(*) FROM outbox WHERE to_address = 'old@x.test'") == "0" &&
               one("SELECT count(*) FROM idempotency_keys WHERE key = 'old-key'") == "0";
      },
      10s));
  // Live rows stay; the fixture's own sessions still work.
  EXPECT_EQ(one("SELECT count(*) FROM rate_limits WHERE key = 'live:c'"), "1");
  EXPECT_EQ(one("SELECT count(*) FROM one_time_tokens WHERE token_hash = 'live'"), "1");
  EXPECT_EQ(one("SELECT count(*) FROM outbox WHERE to_address = 'new@x.test'"), "1");
  EXPECT_EQ(one("SELECT count(*) FROM idempotency_keys WHERE key = 'new-key'"), "1");
  EXPECT_EQ(api->get("/api/me", owner.token).status(), 200);
  // Two servers at it, each row counted once between them.
  auto both = [&](const std::string& task) {
    return housekept(server->port(), task) + housekept(second.port(), task);
  };
  EXPECT_EQ(both("sessions"), 3);
  EXPECT_EQ(both("one_time_tokens"), 2);
  EXPECT_EQ(both("idempotency_keys"), 1);
  EXPECT_EQ(both("outbox"), 1);
  EXPECT_GE(both("rate_counters"), 2);  // the test's sign-ins leave short-lived ones too
}

}  // namespace
}  // namespace declic::test
