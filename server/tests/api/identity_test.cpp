// Identity through the real server: sign-up, sign-in, refresh rotation, sessions, passwords,
// invitations, the role matrix on /api/users, token forgeries and hostile input.
#include "api_client.hpp"
#include "core/auth/tokens.hpp"

#include <gtest/gtest.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <thread>

using namespace declic::test;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

const std::string kPassword = "correct horse battery";

struct Account {
  std::string id, email, token, cookie;
};

class Identity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_error = guarded_setup([] {
      database = new TestDatabase();
      auto env = server_env(database->url());
      mail_dir = env["MAIL_DIR"];
      server = new ServerProcess(env);
      api = new Api(server->port());
      admin = create_admin("boss@studio.test");
      pro = invite_and_accept(admin, "pro@studio.test", "PROFESSIONNEL");
    });
  }
  void SetUp() override { ASSERT_EQ(setup_error, "") << "the suite's set-up failed"; }
  static void TearDownTestSuite() {
    delete api;
    delete server;
    delete database;
  }

  static Account sign_up(const std::string& email) {
    auto r = api->post(
        "/api/auth/register",
        {{"email", email}, {"password", kPassword}, {"firstName", "Zoé"}, {"lastName", "Client"}});
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return {std::string(r.obj().at("user").at("id").as_string()), email, r.str("accessToken"),
            refresh_cookie(r.http)};
  }

  static Account login(const std::string& email, const std::string& password = kPassword) {
    auto r = api->post("/api/auth/login", {{"email", email}, {"password", password}});
    EXPECT_EQ(r.status(), 200) << r.http.body;
    if (r.status() != 200) return {};
    return {std::string(r.obj().at("user").at("id").as_string()), email, r.str("accessToken"),
            refresh_cookie(r.http)};
  }

  // The real command: `declic create-admin`, password on standard input.
  static Account create_admin(const std::string& email) {
    std::string command = "printf '%s\\n' '" + kPassword + "' | env -i PATH=\"$PATH\"";
    for (const auto& [k, v] : server_env(database->url())) command += " " + k + "='" + v + "'";
    command += " DECLIC_ENV_FILE=/nonexistent " + std::string(DECLIC_BIN) +
               " create-admin --email " + email + " >/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0);
    return login(email);
  }

  // Staff creates the account; the invited person follows the mailed link.
  static Account invite_and_accept(const Account& by, const std::string& email,
                                   const std::string& role) {
    auto r = api->post(
        "/api/users",
        {{"email", email}, {"firstName", "Inès"}, {"lastName", "Invitée"}, {"role", role}},
        by.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    const auto token = token_from_mail(wait_for_mail(mail_dir, email));
    EXPECT_FALSE(token.empty());
    auto accepted =
        api->post("/api/auth/password/reset", {{"token", token}, {"password", kPassword}});
    EXPECT_EQ(accepted.status(), 204) << accepted.http.body;
    return login(email);
  }

  static ApiResponse refresh(const std::string& cookie, const std::string& origin = kTestOrigin) {
    std::vector<std::string> headers{"Cookie: " + cookie};
    if (!origin.empty()) headers.push_back("Origin: " + origin);
    return api->call("POST", "/api/auth/refresh", "", "", headers);
  }

  static std::string hmac_token(const std::string& header, const std::string& payload,
                                const std::string& key = kTestJwtSecret) {
    using declic::core::auth::base64url_encode;
    const auto input = base64url_encode(header) + "." + base64url_encode(payload);
    unsigned char mac[32];
    unsigned len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
    return input + "." + base64url_encode(std::string(reinterpret_cast<char*>(mac), len));
  }

  static inline std::string setup_error;
  static inline TestDatabase* database = nullptr;
  static inline ServerProcess* server = nullptr;
  static inline Api* api = nullptr;
  static inline std::string mail_dir;
  static inline Account admin, pro;
};

}  // namespace

TEST_F(Identity, RegisterSignsInWithAnHttpOnlyRotatingCookie) {
  auto r = api->post("/api/auth/register", {{"email", "  Marie@Example.FR "},
                                            {"password", kPassword},
                                            {"firstName", "Marie"},
                                            {"lastName", "Curie"},
                                            {"phone", "+33 6 00 00 00 00"},
                                            {"locale", "en"}});
  ASSERT_EQ(r.status(), 201) << r.http.body;
  const auto& user = r.obj().at("user").as_object();
  EXPECT_EQ(user.at("email").as_string(), "marie@example.fr");
  EXPECT_EQ(user.at("role").as_string(), "CLIENT");
  EXPECT_EQ(user.at("locale").as_string(), "en");
  EXPECT_FALSE(user.at("createdAt").as_string().empty());
  const auto cookie = r.http.header("set-cookie");
  for (const auto* part : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth"})
    EXPECT_NE(cookie.find(part), std::string::npos) << cookie;
  auto me = api->get("/api/me", r.str("accessToken"));
  EXPECT_EQ(me.status(), 200);
  EXPECT_EQ(me.str("email"), "marie@example.fr");

  auto again = api->post("/api/auth/register", {{"email", "MARIE@example.fr"},
                                                {"password", kPassword},
                                                {"firstName", "M"},
                                                {"lastName", "C"}});
  EXPECT_EQ(again.status(), 409);
  EXPECT_EQ(again.code(), "email_taken");
}

TEST_F(Identity, RegisterRefusesBadInputWithFieldErrors) {
  auto weak = api->post(
      "/api/auth/register",
      {{"email", "weak@example.fr"}, {"password", "short"}, {"firstName", "A"}, {"lastName", "B"}});
  EXPECT_EQ(weak.status(), 422);
  EXPECT_EQ(weak.obj().at("errors").as_array()[0].at("field").as_string(), "password");
  auto bad_email = api->post(
      "/api/auth/register",
      {{"email", "not-an-email"}, {"password", kPassword}, {"firstName", "A"}, {"lastName", "B"}});
  EXPECT_EQ(bad_email.status(), 422);
  auto missing = api->post("/api/auth/register", json::object{});
  EXPECT_EQ(missing.status(), 422);
  EXPECT_EQ(missing.obj().at("errors").as_array().size(), 4u);
  auto wrong_types = api->post(
      "/api/auth/register",
      {{"email", 42}, {"password", true}, {"firstName", json::array()}, {"lastName", "B"}});
  EXPECT_EQ(wrong_types.status(), 400);
  EXPECT_EQ(wrong_types.code(), "invalid_type");
  EXPECT_EQ(api->call("POST", "/api/auth/register", "{not json").status(), 400);
  EXPECT_EQ(api->call("POST", "/api/auth/register", "[1,2]").status(), 400);
  auto no_type =
      request(server->port(), "POST", "/api/auth/register", "{}", {"Content-Type: text/plain"});
  EXPECT_EQ(no_type.status, 415);
  auto huge = api->post("/api/auth/register", {{"email", "huge@example.fr"},
                                               {"password", kPassword},
                                               {"firstName", std::string(100000, 'x')},
                                               {"lastName", "B"}});
  EXPECT_EQ(huge.status(), 422);
}

TEST_F(Identity, SqlMetacharactersAndUnicodeAreStoredLiterally) {
  const std::string nasty = "Robert'); DROP TABLE users;-- 👩‍🎤";
  auto r = api->post("/api/auth/register", {{"email", "bobby@example.fr"},
                                            {"password", kPassword},
                                            {"firstName", nasty},
                                            {"lastName", "O'Brien \"%_\\"}});
  ASSERT_EQ(r.status(), 201) << r.http.body;
  auto me = api->get("/api/me", r.str("accessToken"));
  EXPECT_EQ(me.str("firstName"), nasty);
  EXPECT_EQ(me.str("lastName"), "O'Brien \"%_\\");
  auto search = api->get("/api/users?q=%25_%5C", pro.token);  // %_\ taken literally
  ASSERT_EQ(search.status(), 200);
  EXPECT_EQ(search.obj().at("items").as_array().size(), 1u);
}

TEST_F(Identity, LoginAnswersTheSameForUnknownEmailAndWrongPassword) {
  sign_up("same@example.fr");
  auto wrong =
      api->post("/api/auth/login", {{"email", "same@example.fr"}, {"password", "nope nope nope"}});
  auto unknown = api->post("/api/auth/login",
                           {{"email", "nobody@example.fr"}, {"password", "nope nope nope"}});
  EXPECT_EQ(wrong.status(), 401);
  EXPECT_EQ(unknown.status(), 401);
  EXPECT_EQ(wrong.http.body, unknown.http.body);
}

TEST_F(Identity, RepeatedFailuresAreRateLimitedWithRetryAfter) {
  sign_up("target@example.fr");
  int status = 0;
  ApiResponse last;
  for (int i = 0; i < 7 && status != 429; ++i) {
    last = api->post("/api/auth/login", {{"email", "target@example.fr"},
                                         {"password", "guess guess " + std::to_string(i)}});
    status = last.status();
  }
  ASSERT_EQ(status, 429);
  EXPECT_EQ(last.code(), "rate_limited");
  const int retry = std::stoi(last.http.header("retry-after"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 15 * 60);
  // Even the right password waits: the limit is on the account, not on the guess.
  auto right =
      api->post("/api/auth/login", {{"email", "target@example.fr"}, {"password", kPassword}});
  EXPECT_EQ(right.status(), 429);
}

TEST_F(Identity, ConcurrentGuessesCannotSlipPastTheLimit) {
  sign_up("race@example.fr");
  std::vector<std::thread> threads;
  std::atomic<int> refused{0}, tried{0};
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&, i] {
      auto r = api->post("/api/auth/login", {{"email", "race@example.fr"},
                                             {"password", "guess number " + std::to_string(i)}});
      (r.status() == 429 ? refused : tried)++;
    });
  for (auto& t : threads) t.join();
  EXPECT_LE(tried.load(), 5);  // at most the limit reached the password check
  EXPECT_GE(refused.load(), 7);
}

TEST_F(Identity, AnAddressThatSignedInBeforeIsNotLockedOutByGuessesFromElsewhere) {
  sign_up("owner@example.fr");
  login("owner@example.fr");  // this address is now known for the account
  // 60 failed guesses "from elsewhere" would trip the account-wide limit (50)...
  psql(database->url(),
       "INSERT INTO rate_limits VALUES ('login:account:owner@example.fr', now(), 60) "
       "ON CONFLICT (key) DO UPDATE SET hits = 60, window_start = now()");
  auto owner =
      api->post("/api/auth/login", {{"email", "owner@example.fr"}, {"password", kPassword}});
  EXPECT_EQ(owner.status(), 200) << "the owner's known address still signs in";
}

TEST_F(Identity, RefreshRotatesAndAReplayRevokesTheWholeSession) {
  auto a = sign_up("rotate@example.fr");
  auto first = refresh(a.cookie);
  ASSERT_EQ(first.status(), 200) << first.http.body;
  const auto rotated = refresh_cookie(first.http);
  EXPECT_NE(rotated, a.cookie);
  EXPECT_EQ(api->get("/api/me", first.str("accessToken")).status(), 200);

  // The old cookie comes back: a thief. Everything of that session stops.
  auto replay = refresh(a.cookie);
  EXPECT_EQ(replay.status(), 401);
  EXPECT_EQ(refresh(rotated).status(), 401);
  EXPECT_EQ(api->get("/api/me", first.str("accessToken")).status(), 401);
  EXPECT_EQ(api->get("/api/me", a.token).status(), 401);
  // Other sessions of the same user live on.
  auto other = login("rotate@example.fr");
  EXPECT_EQ(api->get("/api/me", other.token).status(), 200);
}

TEST_F(Identity, RefreshAndLogoutNeedOurOrigin) {
  auto a = sign_up("origin@example.fr");
  EXPECT_EQ(refresh(a.cookie, "").status(), 403);
  EXPECT_EQ(refresh(a.cookie, "https://evil.example").status(), 403);
  EXPECT_EQ(refresh(a.cookie).status(), 200);
  EXPECT_EQ(refresh("declic_refresh=made-up").status(), 401);
  EXPECT_EQ(api->call("POST", "/api/auth/refresh", "", "", {"Origin: " + std::string(kTestOrigin)})
                .status(),
            401);
}

TEST_F(Identity, LogoutEndsTheSessionAtOnce) {
  auto a = sign_up("logout@example.fr");
  auto out = api->call("POST", "/api/auth/logout", "", "",
                       {"Cookie: " + a.cookie, "Origin: " + std::string(kTestOrigin)});
  EXPECT_EQ(out.status(), 204);
  EXPECT_NE(out.http.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(refresh(a.cookie).status(), 401);
  EXPECT_EQ(api->get("/api/me", a.token).status(), 401);
}

TEST_F(Identity, PatchMeChangesTheProfileButNeverRoleOrEmail) {
  auto a = sign_up("patch@example.fr");
  auto r = api->patch("/api/me",
                      {{"firstName", "Zoé-Marie"},
                       {"locale", "en"},
                       {"phone", nullptr},
                       {"role", "ADMIN"},
                       {"email", "admin@studio.test"}},
                      a.token);
  ASSERT_EQ(r.status(), 200) << r.http.body;
  EXPECT_EQ(r.str("firstName"), "Zoé-Marie");
  EXPECT_EQ(r.str("locale"), "en");
  EXPECT_EQ(r.str("role"), "CLIENT");
  EXPECT_EQ(r.str("email"), "patch@example.fr");
  EXPECT_EQ(api->get("/api/users", a.token).status(), 403);  // still a client
  EXPECT_EQ(api->patch("/api/me", {{"locale", "de"}}, a.token).status(), 422);
  EXPECT_EQ(api->patch("/api/me", {{"firstName", ""}}, a.token).status(), 422);
}

TEST_F(Identity, ChangingThePasswordEndsOtherSessions) {
  auto a = sign_up("change@example.fr");
  auto other = login("change@example.fr");
  auto wrong = api->post(
      "/api/me/password",
      {{"currentPassword", "not it at all"}, {"newPassword", "a brand new secret"}}, a.token);
  EXPECT_EQ(wrong.status(), 422);
  auto ok =
      api->post("/api/me/password",
                {{"currentPassword", kPassword}, {"newPassword", "a brand new secret"}}, a.token);
  EXPECT_EQ(ok.status(), 204) << ok.http.body;
  EXPECT_EQ(api->get("/api/me", a.token).status(), 200);      // this session stays
  EXPECT_EQ(api->get("/api/me", other.token).status(), 401);  // the other one ends
  EXPECT_EQ(refresh(other.cookie).status(), 401);
  login("change@example.fr", "a brand new secret");
}

TEST_F(Identity, ForgotPasswordIsIdenticalForKnownAndUnknownAndTheLinkWorksOnce) {
  auto a = sign_up("forgot@example.fr");
  auto known = api->post("/api/auth/password/forgot", {{"email", "forgot@example.fr"}});
  auto unknown = api->post("/api/auth/password/forgot", {{"email", "ghost@example.fr"}});
  EXPECT_EQ(known.status(), 202);
  EXPECT_EQ(unknown.status(), 202);
  EXPECT_EQ(known.http.body, unknown.http.body);

  const auto mail = wait_for_mail(mail_dir, "forgot@example.fr");
  ASSERT_FALSE(mail.empty());
  EXPECT_NE(mail.find("http://declic.test/reset-password?token="), std::string::npos)
      << "links come from PUBLIC_URL";
  const auto token = token_from_mail(mail);
  EXPECT_EQ(
      api->post("/api/auth/password/reset", {{"token", token}, {"password", "short"}}).status(),
      422);
  EXPECT_EQ(
      api->post("/api/auth/password/reset", {{"token", token}, {"password", "my new password!"}})
          .status(),
      204);
  auto again =
      api->post("/api/auth/password/reset", {{"token", token}, {"password", "another password"}});
  EXPECT_EQ(again.status(), 410);
  EXPECT_EQ(again.code(), "token_used");
  EXPECT_EQ(
      api->post("/api/auth/password/reset", {{"token", "forged"}, {"password", "another password"}})
          .status(),
      400);
  EXPECT_EQ(api->get("/api/me", a.token).status(), 401);  // a reset ends every session
  login("forgot@example.fr", "my new password!");
  EXPECT_TRUE(wait_for_mail(mail_dir, "ghost@example.fr", 300ms).empty());
}

TEST_F(Identity, ForgedAccessTokensAreRefused) {
  auto a = sign_up("forge@example.fr");
  const auto now = std::to_string(std::time(nullptr));
  const auto later = std::to_string(std::time(nullptr) + 600);
  const std::string claims =
      R"({"iss":"declic","aud":"declic","sub":")" + a.id +
      R"(","role":"ADMIN","sid":"00000000-0000-0000-0000-000000000000","iat":)" + now +
      R"(,"exp":)" + later + "}";
  using declic::core::auth::base64url_encode;
  const std::vector<std::string> forged{
      base64url_encode(R"({"alg":"none","typ":"at+jwt"})") + "." + base64url_encode(claims) + ".",
      base64url_encode(R"({"alg":"NONE","typ":"at+jwt"})") + "." + base64url_encode(claims) + ".",
      base64url_encode(R"({"alg":"nOnE"})") + "." + base64url_encode(claims) + ".",
      hmac_token(R"({"alg":"HS512","typ":"at+jwt"})", claims),
      hmac_token(R"({"alg":"HS256","typ":"JWT"})", claims),
      hmac_token(R"({"alg":"HS256","typ":"at+jwt"})", claims,
                 "another-key-another-key-another-key!!"),
      hmac_token(R"({"alg":"HS256","typ":"at+jwt"})",
                 R"({"iss":"declic","aud":"declic","sub":")" + a.id +
                     R"(","role":"CLIENT","sid":"x","iat":1,"exp":2})"),
      a.token.substr(0, a.token.size() - 2) + (a.token.back() == 'A' ? "BB" : "AA"),
      "garbage",
      "",
      "a.b",
      "a.b.c.d"};
  for (const auto& token : forged) {
    auto r = api->call("GET", "/api/me", "", "", {"Authorization: Bearer " + token});
    EXPECT_EQ(r.status(), 401) << token;
    EXPECT_EQ(r.http.header("content-type"), "application/problem+json");
  }
  // Valid signature and claims, but a session that does not exist: still 401.
  EXPECT_EQ(api->get("/api/me", hmac_token(R"({"alg":"HS256","typ":"at+jwt"})", claims)).status(),
            401);
  EXPECT_EQ(api->call("GET", "/api/me", "", "", {"Authorization: Basic abc"}).status(), 401);
  EXPECT_EQ(api->get("/api/me").status(), 401);
}

TEST_F(Identity, UsersRoleMatrix) {
  auto client = sign_up("matrix-a@example.fr");
  auto other = sign_up("matrix-b@example.fr");
  const auto path = "/api/users/" + client.id;

  // List: staff only.
  EXPECT_EQ(api->get("/api/users").status(), 401);
  EXPECT_EQ(api->get("/api/users", client.token).status(), 403);
  EXPECT_EQ(api->get("/api/users?role=CLIENT", pro.token).status(), 200);
  EXPECT_EQ(api->get("/api/users", admin.token).status(), 200);
  EXPECT_EQ(api->get("/api/users?role=KING", admin.token).status(), 422);

  // One user: the owner and staff; another client gets 404, as for an unknown id.
  EXPECT_EQ(api->get(path).status(), 401);
  EXPECT_EQ(api->get(path, client.token).status(), 200);
  EXPECT_EQ(api->get(path, other.token).status(), 404);
  EXPECT_EQ(api->get(path, pro.token).status(), 200);
  EXPECT_EQ(api->get(path, admin.token).status(), 200);
  EXPECT_EQ(api->get("/api/users/not-a-uuid", admin.token).status(), 404);
  EXPECT_EQ(api->get("/api/users/00000000-0000-0000-0000-000000000000", admin.token).status(), 404);
  EXPECT_EQ(api->get(path + "/overview", other.token).status(), 404);
  EXPECT_EQ(api->get(path + "/overview", pro.token).status(), 200);

  // Edit: staff edit clients; only ADMIN changes roles; clients use /api/me.
  EXPECT_EQ(api->patch(path, {{"notes", "Prefers mornings"}}, other.token).status(), 404);
  EXPECT_EQ(api->patch(path, {{"notes", "Mine"}}, client.token).status(), 403);
  auto noted = api->patch(path, {{"notes", "Prefers mornings"}}, pro.token);
  EXPECT_EQ(noted.status(), 200);
  EXPECT_EQ(noted.str("notes"), "Prefers mornings");
  EXPECT_EQ(api->patch(path, {{"role", "ADMIN"}}, pro.token).status(), 403);
  EXPECT_EQ(api->patch("/api/users/" + admin.id, {{"firstName", "X"}}, pro.token).status(), 403);
  EXPECT_EQ(api->patch("/api/users/" + admin.id, {{"role", "CLIENT"}}, admin.token).status(), 409);

  // Create: staff invite clients; only ADMIN creates staff.
  EXPECT_EQ(
      api->post("/api/users", {{"email", "new1@example.fr"}, {"firstName", "N"}, {"lastName", "C"}})
          .status(),
      401);
  EXPECT_EQ(
      api->post("/api/users", {{"email", "new1@example.fr"}, {"firstName", "N"}, {"lastName", "C"}},
                client.token)
          .status(),
      403);
  EXPECT_EQ(api->post("/api/users",
                      {{"email", "new2@example.fr"},
                       {"firstName", "N"},
                       {"lastName", "C"},
                       {"role", "PROFESSIONNEL"}},
                      pro.token)
                .status(),
            403);
  auto created =
      api->post("/api/users", {{"email", "new3@example.fr"}, {"firstName", "N"}, {"lastName", "C"}},
                pro.token);
  EXPECT_EQ(created.status(), 201);
  EXPECT_TRUE(created.obj().at("invitationPending").as_bool());
  EXPECT_EQ(
      api->post("/api/users", {{"email", "NEW3@example.fr"}, {"firstName", "N"}, {"lastName", "C"}},
                admin.token)
          .status(),
      409);

  // Disable: ADMIN only; the disabled user's sessions end at once.
  EXPECT_EQ(api->call("DELETE", path, "", other.token).status(), 404);
  EXPECT_EQ(api->call("DELETE", path, "", pro.token).status(), 403);
  EXPECT_EQ(api->call("DELETE", path, "", admin.token).status(), 204);
  EXPECT_EQ(api->get("/api/me", client.token).status(), 401);
  EXPECT_EQ(refresh(client.cookie).status(), 401);
  EXPECT_EQ(
      api->post("/api/auth/login", {{"email", client.email}, {"password", kPassword}}).status(),
      401);
  EXPECT_EQ(api->call("DELETE", "/api/users/" + admin.id, "", admin.token).status(), 409);
}

TEST_F(Identity, RoleChangesApplyImmediately) {
  auto user = invite_and_accept(admin, "promoted@studio.test", "CLIENT");
  EXPECT_EQ(api->get("/api/users", user.token).status(), 403);
  EXPECT_EQ(api->patch("/api/users/" + user.id, {{"role", "PROFESSIONNEL"}}, admin.token).status(),
            200);
  EXPECT_EQ(api->get("/api/users", user.token).status(), 200);  // same token, new role
}

TEST_F(Identity, NoResponseCarriesASecret) {
  auto a = sign_up("secret@example.fr");
  for (const auto& r : {api->get("/api/me", a.token), api->get("/api/users", admin.token),
                        api->get("/api/users/" + a.id, pro.token)}) {
    EXPECT_EQ(r.http.body.find("argon2"), std::string::npos);
    EXPECT_EQ(r.http.body.find("password"), std::string::npos);
    EXPECT_EQ(r.http.body.find("hash"), std::string::npos);
  }
  EXPECT_EQ(server->output().find(a.token), std::string::npos) << "tokens never in logs";
}

TEST_F(Identity, UserListPagesWithACursor) {
  for (int i = 0; i < 3; ++i) sign_up("page" + std::to_string(i) + "@example.fr");
  auto first = api->get("/api/users?q=page&limit=2", admin.token);
  ASSERT_EQ(first.status(), 200);
  EXPECT_EQ(first.obj().at("items").as_array().size(), 2u);
  const auto cursor = first.str("nextCursor");
  auto second = api->get("/api/users?q=page&limit=2&cursor=" + cursor, admin.token);
  ASSERT_EQ(second.status(), 200);
  EXPECT_EQ(second.obj().at("items").as_array().size(), 1u);
  EXPECT_TRUE(second.obj().at("nextCursor").is_null());
  EXPECT_EQ(api->get("/api/users?cursor=bogus", admin.token).status(), 422);
  EXPECT_EQ(api->get("/api/users?limit=-1", admin.token).status(), 422);
}

TEST_F(Identity, HostileInputOnEveryRouteNeverGivesA5xx) {
  auto victim = sign_up("hostile@example.fr");
  struct Route {
    std::string method, path, token;
  };
  const std::vector<Route> routes{{"POST", "/api/auth/register", ""},
                                  {"POST", "/api/auth/login", ""},
                                  {"POST", "/api/auth/password/forgot", ""},
                                  {"POST", "/api/auth/password/reset", ""},
                                  {"PATCH", "/api/me", victim.token},
                                  {"POST", "/api/me/password", victim.token},
                                  {"POST", "/api/users", admin.token},
                                  {"PATCH", "/api/users/" + victim.id, admin.token},
                                  {"PATCH", "/api/users/not-a-uuid", admin.token}};
  const std::string big(100 * 1024, 'A');
  const std::vector<std::string> bodies{
      "{",
      "null",
      "[]",
      "\"text\"",
      "42",
      R"({"email": {"$gt": ""}})",
      R"({"email": 1e999, "password": -1, "firstName": [], "lastName": {}, "role": 7, "disabled": "yes"})",
      R"({"email": "x@y.fr", "password": ")" + big + R"(", "firstName": ")" + big + R"("})",
      R"({"email": "' OR 1=1 --@x.fr", "password": "'; DROP TABLE users; --", "token": "' OR ''='"})",
      R"({"firstName": "\u0000\ud800", "lastName": "\u202e\u0007", "locale": "fr\u0000"})",
      R"({"currentPassword": null, "newPassword": null, "token": null, "notes": 12})"};
  for (const auto& route : routes)
    for (const auto& body : bodies) {
      // Some of these are acceptable values for some routes (then stored literally);
      // none may break the server, and every refusal is a problem+json.
      auto r = api->call(route.method, route.path, body, route.token);
      EXPECT_LT(r.status(), 500) << route.method << " " << route.path << " " << body.substr(0, 80)
                                 << " → " << r.http.body;
      if (r.status() >= 400)
        EXPECT_EQ(r.http.header("content-type"), "application/problem+json") << route.path;
    }
  EXPECT_EQ(api->get("/api/me", victim.token).status(), 200);  // the account is intact
  EXPECT_EQ(api->get("/healthz").status(), 200);
}

TEST_F(Identity, SignedInRoutesRefuseAnonymousCallers) {
  EXPECT_EQ(api->get("/api/me").status(), 401);
  EXPECT_EQ(api->patch("/api/me", {{"firstName", "X"}}).status(), 401);
  EXPECT_EQ(
      api->post("/api/me/password", {{"currentPassword", "a"}, {"newPassword", "bbbbbbbbbbbb"}})
          .status(),
      401);
  EXPECT_EQ(api->get("/api/users/" + admin.id + "/overview").status(), 401);
  EXPECT_EQ(api->call("DELETE", "/api/users/" + admin.id).status(), 401);
}

TEST_F(Identity, TheAuditTrailRecordsSignInsRoleChangesDisablingAndResets) {
  auto user = sign_up("audited@example.fr");
  api->post("/api/auth/login", {{"email", "audited@example.fr"}, {"password", "wrong password!"}});
  login("audited@example.fr");
  api->patch("/api/users/" + user.id, {{"role", "PROFESSIONNEL"}}, admin.token);
  api->call("DELETE", "/api/users/" + user.id, "", admin.token);
  const auto actions = psql(database->url(),
                            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_events "
                            "WHERE target_id = '" +
                                user.id + "'");
  for (const auto* action :
       {"auth.registered", "auth.login_failed", "auth.login", "user.role_changed", "user.disabled"})
    EXPECT_NE(actions.find(action), std::string::npos) << action << " in " << actions;
  const auto detail =
      psql(database->url(),
           "SELECT detail::text FROM audit_events WHERE action = 'user.role_changed' "
           "AND target_id = '" +
               user.id + "'");
  EXPECT_NE(detail.find("PROFESSIONNEL"), std::string::npos);
  EXPECT_EQ(psql(database->url(),
                 "SELECT count(*) FROM audit_events WHERE detail::text LIKE '%" + kPassword + "%'"),
            "0\n");  // no secret in the trail
}

TEST_F(Identity, AWeakerStoredHashIsUpgradedAtSignIn) {
  auto user = sign_up("rehash@example.fr");
  // As if hashed years ago with lighter parameters: argon2id, 8 MiB, one pass.
  char weaker[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weaker, kPassword.data(), kPassword.size(), 1, 8u << 20,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  const auto where = " WHERE id = '" + user.id + "'";
  psql(database->url(), "UPDATE users SET password_hash = '" + std::string(weaker) + "'" + where);
  login("rehash@example.fr");
  const auto stored = psql(database->url(), "SELECT password_hash FROM users" + where);
  EXPECT_NE(stored.find("$argon2id$v=19$m=19456,t=2"), std::string::npos) << stored;
  login("rehash@example.fr");  // and the upgraded hash verifies
}
