// Identity mails through a real SMTP server (Debian's aiosmtpd as the sink): the links in
// them work once, and a mail queued when the server is killed is sent after the restart.
#include "api_client.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace declic::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const std::string kPassword = "correct horse battery";

// aiosmtpd storing every message in a maildir.
class SmtpSink {
 public:
  explicit SmtpSink(int port)
      : port_(port), dir_(std::string(DECLIC_BUILD_DIR) + "/" + unique_name("maildir")) {
    for (const char* sub : {"/tmp", "/new", "/cur"}) fs::create_directories(dir_ + sub);
    pid_ = ::fork();
    if (pid_ == 0) {
      const auto listen = "127.0.0.1:" + std::to_string(port_);
      ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
              "aiosmtpd.handlers.Mailbox", dir_.c_str(), nullptr);
      _exit(127);
    }
    for (int i = 0; i < 200 && !can_connect(port_); ++i) std::this_thread::sleep_for(25ms);
  }
  ~SmtpSink() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    fs::remove_all(dir_);
  }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // The first message to `to`, waiting up to `wait`.
  std::string mail_to(const std::string& to, std::chrono::milliseconds wait) const {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    do {
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(dir_ + "/new", ec)) {
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        if (ss.str().find("To: " + to) != std::string::npos) return ss.str();
      }
      std::this_thread::sleep_for(50ms);
    } while (std::chrono::steady_clock::now() < deadline);
    return {};
  }

 private:
  int port_;
  std::string dir_;
  pid_t pid_ = -1;
};

std::string staff_token(const Api& api, const std::map<std::string, std::string>& env) {
  std::string command = "printf '%s\\n' '" + kPassword + "' | env -i PATH=\"$PATH\"";
  for (const auto& [k, v] : env) command += " " + k + "='" + v + "'";
  command += " DECLIC_ENV_FILE=/nonexistent " + std::string(DECLIC_BIN) +
             " create-admin --email owner@studio.test >/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0);
  auto r = api.post("/api/auth/login", {{"email", "owner@studio.test"}, {"password", kPassword}});
  return r.str("accessToken");
}

}  // namespace

TEST(MailDelivery, ResetAndInvitationMailsReachARealSmtpServerAndTheirLinksWorkOnce) {
  TestDatabase db;
  SmtpSink sink(free_port());
  auto env = server_env(db.url());
  env["SMTP_URL"] = sink.url();
  ServerProcess server(env);
  Api api(server.port());

  // Invitation: staff creates a client, the client follows the mailed link.
  const auto admin = staff_token(api, env);
  ASSERT_EQ(api.post("/api/users",
                     {{"email", "invitee@example.fr"},
                      {"firstName", "Léa"},
                      {"lastName", "Invitée"},
                      {"locale", "fr"}},
                     admin)
                .status(),
            201);
  const auto invitation = sink.mail_to("invitee@example.fr", 15s);
  ASSERT_FALSE(invitation.empty());
  const auto invite_token = token_from_mail(invitation);
  EXPECT_EQ(api.post("/api/auth/password/reset", {{"token", invite_token}, {"password", kPassword}})
                .status(),
            204);
  EXPECT_EQ(api.post("/api/auth/password/reset", {{"token", invite_token}, {"password", kPassword}})
                .status(),
            410);
  EXPECT_EQ(api.post("/api/auth/login", {{"email", "invitee@example.fr"}, {"password", kPassword}})
                .status(),
            200);

  // Reset, in English for an English-speaking user.
  ASSERT_EQ(api.post("/api/auth/register", {{"email", "reset@example.fr"},
                                            {"password", kPassword},
                                            {"firstName", "Sam"},
                                            {"lastName", "Smith"},
                                            {"locale", "en"}})
                .status(),
            201);
  EXPECT_EQ(api.post("/api/auth/password/forgot", {{"email", "reset@example.fr"}}).status(), 202);
  const auto reset = sink.mail_to("reset@example.fr", 15s);
  ASSERT_FALSE(reset.empty());
  EXPECT_NE(reset.find("Hello Sam,"), std::string::npos);  // English, as the user chose
  const auto token = token_from_mail(reset);
  EXPECT_EQ(
      api.post("/api/auth/password/reset", {{"token", token}, {"password", "brand new secret"}})
          .status(),
      204);
  EXPECT_EQ(
      api.post("/api/auth/password/reset", {{"token", token}, {"password", "brand new secret"}})
          .status(),
      410);
  EXPECT_EQ(
      api.post("/api/auth/login", {{"email", "reset@example.fr"}, {"password", "brand new secret"}})
          .status(),
      200);
}

TEST(MailDelivery, AMailQueuedBeforeAKillIsSentAfterTheRestart) {
  TestDatabase db;
  const int smtp_port = free_port();
  auto env = server_env(db.url());
  env["SMTP_URL"] = "smtp://127.0.0.1:" + std::to_string(smtp_port);  // nobody listens yet
  {
    ServerProcess first(env);
    Api api(first.port());
    const auto admin = staff_token(api, env);
    ASSERT_EQ(
        api.post("/api/users",
                 {{"email", "queued@example.fr"}, {"firstName", "Q"}, {"lastName", "Ueued"}}, admin)
            .status(),
        201);
    first.signal(SIGKILL);
    EXPECT_EQ(first.wait_exit(5s), 128 + SIGKILL);
  }
  SmtpSink sink(smtp_port);
  ServerProcess second(env);
  // A failed attempt before the kill may have scheduled the retry up to ~10 s later.
  const auto mail = sink.mail_to("queued@example.fr", 25s);
  ASSERT_FALSE(mail.empty()) << second.output();
  EXPECT_FALSE(token_from_mail(mail).empty());
}
