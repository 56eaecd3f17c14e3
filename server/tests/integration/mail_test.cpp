// The e-mail outbox against a real PostgreSQL: enqueue inside transactions, delivery to .eml
// files and to a real SMTP server (Debian's aiosmtpd, package python3-aiosmtpd, as a sink),
// retries when the server is away, and concurrent workers sharing the table.
#include "core/mail/mail.hpp"
#include "app/resources.hpp"
#include "core/db/db.hpp"
#include "core/db/migrate.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <sstream>

using namespace declic;
using namespace declic::core;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// ---- reading messages back ----------------------------------------------------------------

std::string lf(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

std::string base64_decode(std::string_view in) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    const auto v = kAlphabet.find(c);
    if (v == std::string::npos) continue;  // padding
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

// RFC 2047 "B" words in UTF-8; white space between two words is not part of the text.
std::string decode_words(const std::string& value) {
  static constexpr std::string_view kOpen = "=?UTF-8?B?", kClose = "?=";
  std::string out;
  std::size_t at = 0;
  bool previous_was_word = false;
  for (;;) {
    const auto open = value.find(kOpen, at);
    const auto close = open == std::string::npos ? open : value.find(kClose, open + kOpen.size());
    if (close == std::string::npos) break;
    const auto between = value.substr(at, open - at);
    if (!(previous_was_word && between.find_first_not_of(" \t") == std::string::npos))
      out += between;
    out += base64_decode(value.substr(open + kOpen.size(), close - open - kOpen.size()));
    at = close + kClose.size();
    previous_was_word = true;
  }
  return out + value.substr(at);
}

// The shape of a string: digits become '9', ASCII letters 'a', the rest stays.
std::string shape(std::string_view s) {
  std::string out;
  for (char c : s)
    out += std::isdigit(static_cast<unsigned char>(c))   ? '9'
           : std::isalpha(static_cast<unsigned char>(c)) ? 'a'
                                                         : c;
  return out;
}

std::string qp_decode(const std::string& in) {  // `in` with LF line ends
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '=') {
      out += in[i];
    } else if (i + 1 < in.size() && in[i + 1] == '\n') {
      ++i;  // soft line break
    } else if (i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

struct Parsed {
  std::vector<std::string> header_lines;       // as written, folded lines separate
  std::map<std::string, std::string> headers;  // lower-case names, unfolded
  std::string body;                            // decoded, LF line ends
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

Parsed parse(const std::string& raw) {
  Parsed p;
  const auto text = lf(raw);
  const auto split = text.find("\n\n");
  std::istringstream head(text.substr(0, split));
  std::string line, last_name;
  while (std::getline(head, line)) {
    p.header_lines.push_back(line);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      p.headers[last_name] += line;
      continue;
    }
    const auto colon = line.find(':');
    last_name = line.substr(0, colon);
    for (auto& c : last_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    p.headers[last_name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  const auto body = split == std::string::npos ? std::string() : text.substr(split + 2);
  p.body = p.header("content-transfer-encoding") == "quoted-printable" ? qp_decode(body) : body;
  return p;
}

// ---- an SMTP sink ---------------------------------------------------------------------------

// aiosmtpd with its Mailbox handler: every message accepted lands in MAILDIR/new before the
// server answers 250, so it can be read as soon as delivery returns.
class SmtpSink {
 public:
  SmtpSink(int port, std::string maildir) : maildir_(std::move(maildir)) {
    // Debian's interpreter: the package installs the module for it, whatever comes first in PATH.
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    const std::string log = maildir_ + ".log";
    pid_ = ::fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::execlp(python.c_str(), python.c_str(), "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
               "aiosmtpd.handlers.Mailbox", maildir_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!test::can_connect(port)) {
      int status;
      if (::waitpid(pid_, &status, WNOHANG) == pid_ ||
          std::chrono::steady_clock::now() > deadline) {
        stop();
        throw std::runtime_error("the SMTP sink did not start (is python3-aiosmtpd installed?):\n" +
                                 read_all(log));
      }
      std::this_thread::sleep_for(20ms);
    }
  }
  ~SmtpSink() { stop(); }

  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& f : files_in(fs::path(maildir_) / "new")) out.push_back(read_all(f));
    return out;
  }

 private:
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string maildir_;
  pid_t pid_ = -1;
};

// ---- the fixture ----------------------------------------------------------------------------

class Mail : public ::testing::Test {
 protected:
  void SetUp() override {
    // The real schema, as `declic migrate` builds it.
    asio::io_context ioc;
    db::Pool pool(ioc.get_executor(), pool_options());
    auto migrated = test::run(ioc, db::migrate(pool, app::embedded_migrations()));
    ASSERT_TRUE(migrated) << migrated.error().cause;
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  db::PoolOptions pool_options() {
    db::PoolOptions o;
    o.conninfo = database.url();
    o.max_size = 4;
    return o;
  }

  test::TestDatabase database;
  asio::io_context ioc;  // before the pool and the workers: destroyed after them
  db::Pool pool{ioc.get_executor(), pool_options()};
  const std::string dir = std::string(DECLIC_BUILD_DIR) + "/" + test::unique_name("mail");
  const std::string out_dir = dir + "/out";

  mail::MailerOptions file_options() {
    mail::MailerOptions o;
    o.from = "Déclic <no-reply@declic.local>";
    o.mail_dir = out_dir;
    return o;
  }
  mail::MailerOptions smtp_options(int port) {
    auto o = file_options();
    o.smtp_url = "smtp://127.0.0.1:" + std::to_string(port);
    o.require_tls = false;  // the sink offers no STARTTLS
    return o;
  }

  Result<db::Rows> q(std::string_view sql, db::Params p = {}) {
    // Ad-hoc SQL in tests: the statement is named after a hash of its text.
    static std::vector<std::unique_ptr<std::string>> keep;
    keep.push_back(std::make_unique<std::string>(sql));
    keep.push_back(
        std::make_unique<std::string>("t" + std::to_string(std::hash<std::string_view>{}(sql))));
    const db::Statement st{*keep.back(), *keep[keep.size() - 2]};
    return test::run(ioc, pool.query(st, std::move(p)));
  }
  std::string one(std::string_view sql, db::Params p = {}) {
    auto rows = q(sql, std::move(p));
    if (!rows) return "error: " + rows.error().cause;
    if (rows->empty()) return "no row";
    return (*rows)[0].is_null(0) ? "NULL" : (*rows)[0].get<std::string>(0);
  }

  void enqueue(const mail::MailMessage& m) {
    auto r = test::run(ioc, pool.transact([&](db::Tx& tx) -> asio::awaitable<Result<int>> {
      auto e = co_await mail::enqueue(tx, m);
      if (!e) co_return e.error();
      co_return 1;
    }));
    ASSERT_TRUE(r) << r.error().cause;
  }

  int deliver(mail::MailWorker& worker, int limit = 20) {
    auto r = test::run(ioc, worker.deliver_due(limit));
    EXPECT_TRUE(r) << r.error().cause;
    return r ? *r : -1;
  }
};

const mail::MailMessage kReset{
    "ana@example.fr", "Réinitialisation de votre mot de passe — Studio Déclic (lien valable 1 h)",
    "Bonjour Ana,\n\nPour choisir un nouveau mot de passe : "
    "https://declic.local/reset#secret-token-8f2c\n\nÀ bientôt,\nl’équipe Déclic\n"};
const mail::MailMessage kWelcome{"bob@example.fr", "Welcome", "Hello Bob,\nSee you soon.\n"};

// ---- enqueue ----------------------------------------------------------------------------------

TEST_F(Mail, EnqueueExistsIfAndOnlyIfItsTransactionCommitted) {
  // Dropped without commit: rolled back.
  test::run(ioc, [&]() -> asio::awaitable<bool> {
    auto tx = co_await pool.begin();
    EXPECT_TRUE(tx);
    EXPECT_TRUE(co_await mail::enqueue(*tx, kWelcome));
    co_return true;
  }());
  EXPECT_EQ(one("SELECT count(*) FROM outbox"), "0");

  // The change that causes the mail fails after the enqueue: no mail either.
  auto failed = test::run(ioc, pool.transact([&](db::Tx& tx) -> asio::awaitable<Result<int>> {
    auto e = co_await mail::enqueue(tx, kWelcome);
    if (!e) co_return e.error();
    co_return Error::conflict("taken", "The change failed.");
  }));
  EXPECT_FALSE(failed);
  EXPECT_EQ(one("SELECT count(*) FROM outbox"), "0");

  enqueue(kReset);
  auto rows =
      q("SELECT to_address, subject, body_text, attempts, sent_at IS NULL, "
        "next_attempt_at <= now() FROM outbox");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1);
  const auto row = (*rows)[0];
  EXPECT_EQ(row.get<std::string>(0), kReset.to);
  EXPECT_EQ(row.get<std::string>(1), kReset.subject);
  EXPECT_EQ(row.get<std::string>(2), kReset.text);
  EXPECT_EQ(row.get<int>(3), 0);
  EXPECT_TRUE(row.get<bool>(4));
  EXPECT_TRUE(row.get<bool>(5));
}

TEST_F(Mail, EnqueueRefusesRecipientsThatCouldInjectCommandsOrHeaders) {
  for (const std::string to : {"", "no-at-sign", "a@b.fr\r\nRCPT TO:<eve@evil.fr>", "a b@c.fr",
                               "<a@b.fr>", "a@b.fr,eve@evil.fr", "@b.fr", "a@", "é@b.fr"}) {
    auto r = test::run(ioc, mail::enqueue(pool, {to, "Hi", "Hello"}));
    ASSERT_FALSE(r) << to;
    EXPECT_EQ(r.error().errc, Errc::validation) << to;
  }
  EXPECT_EQ(one("SELECT count(*) FROM outbox"), "0");
}

// ---- rendering ----------------------------------------------------------------------------------

TEST_F(Mail, RenderedMessagesAreWellFormedWhateverTheInput) {
  const auto opts = file_options();
  // A subject cannot add a header; a long body line with trailing spaces survives intact.
  const std::string long_line = std::string(300, 'e') + std::string(200, '\xC3') + " \t ";
  std::string text;
  for (int i = 0; i < 100; ++i) text += "é";  // 200 bytes of two-byte characters
  text += "\r\n.\r\n" + long_line + "\rend";
  const mail::MailMessage m{"ana@example.fr", "Hi\r\nBcc: eve@evil.fr", text};
  const auto raw = mail::render_message(opts, m, 42);

  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n') {
      ASSERT_TRUE(i > 0 && raw[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  const auto parsed = parse(raw);
  for (const auto& line : parsed.header_lines) {
    EXPECT_LE(line.size(), 78u) << line;
    EXPECT_FALSE(line.starts_with("Bcc")) << line;
  }
  EXPECT_EQ(parsed.header("subject"), "Hi  Bcc: eve@evil.fr");
  EXPECT_EQ(parsed.header("content-transfer-encoding"), "quoted-printable");
  EXPECT_EQ(parsed.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(parsed.header("mime-version"), "1.0");
  const auto id = parsed.header("message-id");  // <outbox id>.<16 hex digits>@<from domain>
  EXPECT_TRUE(id.starts_with("<42.") && id.ends_with("@declic.local>") && id.size() == 34 &&
              id.substr(4, 16).find_first_not_of("0123456789abcdef") == std::string::npos)
      << id;
  EXPECT_EQ(shape(parsed.header("date")), "aaa, 99 aaa 9999 99:99:99 +9999")
      << parsed.header("date");
  EXPECT_EQ(decode_words(parsed.header("from")), "Déclic <no-reply@declic.local>");
  // Encoded lines stay within 76 characters; the text comes back byte for byte.
  const auto body_at = lf(raw).find("\n\n") + 2;
  std::istringstream body(lf(raw).substr(body_at));
  for (std::string line; std::getline(body, line);) EXPECT_LE(line.size(), 76u);
  EXPECT_EQ(parsed.body, lf(text.substr(0, text.size() - 4)) + "\nend\n");

  // Short ASCII stays readable as is.
  const auto plain = parse(mail::render_message(opts, kWelcome, 7));
  EXPECT_EQ(plain.header("content-transfer-encoding"), "7bit");
  EXPECT_EQ(plain.header("subject"), "Welcome");
  EXPECT_EQ(plain.body, kWelcome.text);
  // An ASCII subject that looks like an encoded word is encoded, so it reads as written.
  const auto tricky = parse(mail::render_message(opts, {"a@b.fr", "=?UTF-8?B?SGk=?=", "x"}, 8));
  EXPECT_EQ(decode_words(tricky.header("subject")), "=?UTF-8?B?SGk=?=");
}

// ---- delivery to files ----------------------------------------------------------------------

TEST_F(Mail, WithoutSmtpEachRowBecomesOneEmlFileOnce) {
  enqueue(kReset);
  enqueue(kWelcome);
  mail::MailWorker worker(ioc.get_executor(), pool, file_options());

  testing::internal::CaptureStdout();
  const int sent = deliver(worker);
  const auto log = testing::internal::GetCapturedStdout();
  EXPECT_EQ(sent, 2);
  // One line per message, and never a body: they carry secret links.
  EXPECT_NE(log.find("\"msg\":\"mail written\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"to\":\"ana@example.fr\""), std::string::npos) << log;
  EXPECT_EQ(log.find("secret-token"), std::string::npos) << log;

  const auto files = files_in(out_dir);
  ASSERT_EQ(files.size(), 2u);  // no temporary file left behind
  std::map<std::string, Parsed> by_to;
  for (const auto& f : files) {
    const auto name = f.filename().string();  // <outbox id>-<UTC timestamp>.eml
    const auto dash = name.find('-');
    EXPECT_EQ(shape(name.substr(0, dash)), std::string(dash, '9')) << name;
    EXPECT_EQ(shape(name.substr(dash + 1)), "99999999a999999.999a.aaa") << name;
    EXPECT_EQ(fs::status(f).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    const auto raw = read_all(f);
    EXPECT_EQ(lf(raw).size() + std::count(raw.begin(), raw.end(), '\n'), raw.size())
        << "CRLF line endings only";
    auto parsed = parse(raw);
    by_to[parsed.header("to")] = parsed;
  }
  ASSERT_EQ(by_to.count(kReset.to), 1u);
  ASSERT_EQ(by_to.count(kWelcome.to), 1u);
  const auto& reset = by_to[kReset.to];
  EXPECT_TRUE(reset.header("subject").starts_with("=?UTF-8?B?")) << reset.header("subject");
  EXPECT_EQ(decode_words(reset.header("subject")), kReset.subject);
  EXPECT_EQ(reset.body, kReset.text);
  EXPECT_EQ(by_to[kWelcome.to].header("subject"), kWelcome.subject);
  EXPECT_EQ(by_to[kWelcome.to].body, kWelcome.text);

  EXPECT_EQ(one("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND attempts = 1"), "2");
  EXPECT_EQ(deliver(worker), 0);
  EXPECT_EQ(files_in(out_dir).size(), 2u);
}

// ---- delivery through SMTP ------------------------------------------------------------------

TEST_F(Mail, DeliversThroughARealSmtpServer) {
  const int port = test::free_port();
  SmtpSink sink(port, dir + "/maildir");
  // A line holding a single dot would end the SMTP DATA early if it were not escaped.
  const mail::MailMessage m{"chloe@example.fr", "Votre séance est confirmée",
                            "Bonjour Chloé,\n.\nÀ très bientôt.\n"};
  enqueue(m);
  mail::MailWorker worker(ioc.get_executor(), pool, smtp_options(port));
  EXPECT_EQ(deliver(worker), 1);

  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  const auto parsed = parse(messages[0]);
  EXPECT_EQ(parsed.header("x-rcptto"), m.to);  // the envelope, as the server saw it
  EXPECT_EQ(parsed.header("x-mailfrom"), "no-reply@declic.local");
  EXPECT_EQ(parsed.header("to"), m.to);
  EXPECT_EQ(decode_words(parsed.header("subject")), m.subject);
  EXPECT_EQ(parsed.body, m.text);
  EXPECT_NE(parsed.body.find("é"), std::string::npos);
  EXPECT_EQ(one("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"), "1");
}

TEST_F(Mail, AnUnreachableServerMeansRetriesWithBackoffThenDelivery) {
  const int port = test::free_port();  // nothing listens there yet
  enqueue(kReset);
  enqueue(kWelcome);
  mail::MailWorker worker(ioc.get_executor(), pool, smtp_options(port));
  EXPECT_EQ(deliver(worker), 0);

  auto rows =
      q("SELECT sent_at IS NULL, attempts, last_error, "
        "next_attempt_at > now() + interval '5 seconds', "
        "next_attempt_at < now() + interval '15 seconds' FROM outbox ORDER BY id");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2);
  for (int i = 0; i < 2; ++i) {
    const auto row = (*rows)[i];
    EXPECT_TRUE(row.get<bool>(0));
    EXPECT_EQ(row.get<int>(1), 1);
    EXPECT_NE(row.get<std::string>(2).find("connect"), std::string::npos)
        << row.get<std::string>(2);
    EXPECT_TRUE(row.get<bool>(3));  // 5 s * 2^1
    EXPECT_TRUE(row.get<bool>(4));
  }
  EXPECT_EQ(deliver(worker), 0);  // not due yet: no new attempt
  EXPECT_EQ(one("SELECT sum(attempts) FROM outbox"), "2");

  SmtpSink sink(port, dir + "/maildir");
  ASSERT_TRUE(q("UPDATE outbox SET next_attempt_at = now()"));
  EXPECT_EQ(deliver(worker), 2);
  EXPECT_EQ(sink.messages().size(), 2u);
  EXPECT_EQ(one("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND attempts = 2"), "2");
}

TEST_F(Mail, AServerWithoutStartTlsGetsNothingWhenTlsIsRequired) {
  const int port = test::free_port();
  SmtpSink sink(port, dir + "/maildir");
  enqueue(kReset);
  auto options = smtp_options(port);
  options.require_tls = true;
  mail::MailWorker worker(ioc.get_executor(), pool, options);
  EXPECT_EQ(deliver(worker), 0);
  EXPECT_TRUE(sink.messages().empty());  // not one byte of the link in clear text
  EXPECT_EQ(one("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND last_error IS NOT NULL"),
            "1");
}

// ---- housekeeping -----------------------------------------------------------------------------

TEST_F(Mail, PurgeDeletesOldMailAndEmptiesAbandonedOnes) {
  ASSERT_TRUE(q(
      "INSERT INTO outbox (to_address, subject, body_text, created_at, sent_at, attempts,"
      " next_attempt_at) VALUES"
      " ('old@example.fr', 'sent long ago', 'link', now() - interval '40 days',"
      "  now() - interval '40 days', 1, now() - interval '40 days'),"
      " ('new@example.fr', 'sent today', 'link', now(), now(), 1, now()),"
      " ('gone@example.fr', 'abandoned', 'https://x/reset?token=secret', now() - interval '3 days',"
      "  NULL, 10, now() - interval '2 days'),"
      " ('fresh@example.fr', 'abandoned today', 'link', now(), NULL, 10, now()),"
      " ('due@example.fr', 'still trying', 'link', now() - interval '3 days', NULL, 3,"
      "  now() - interval '2 days')"));
  auto purged = test::run(ioc, mail::purge_outbox(pool, 30, 10));
  ASSERT_TRUE(purged) << purged.error().cause;
  EXPECT_EQ(*purged, 2);  // one deleted, one emptied
  EXPECT_EQ(one("SELECT string_agg(to_address, ',' ORDER BY to_address) FROM outbox"),
            "due@example.fr,fresh@example.fr,gone@example.fr,new@example.fr");
  EXPECT_EQ(one("SELECT body_text FROM outbox WHERE to_address = 'gone@example.fr'"), "");
  EXPECT_EQ(one("SELECT body_text FROM outbox WHERE to_address = 'due@example.fr'"), "link");
  auto again = test::run(ioc, mail::purge_outbox(pool, 30, 10));
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
}

// ---- claiming ---------------------------------------------------------------------------------

TEST_F(Mail, LeasesExpireAndExhaustedRowsStayPut) {
  // Claimed by a worker that then died: leased for a while, due again after.
  ASSERT_TRUE(
      q("INSERT INTO outbox (to_address, subject, body_text, attempts, next_attempt_at) "
        "VALUES ('a@example.fr', 'Leased', 'x', 1, now() + interval '10 minutes'), "
        "       ('b@example.fr', 'Exhausted', 'x', 3, now() - interval '1 minute')"));
  auto options = file_options();
  options.max_attempts = 3;
  mail::MailWorker worker(ioc.get_executor(), pool, options);
  EXPECT_EQ(deliver(worker), 0);
  ASSERT_TRUE(
      q("UPDATE outbox SET next_attempt_at = now() - interval '1 second' "
        "WHERE subject = 'Leased'"));
  EXPECT_EQ(deliver(worker), 1);
  EXPECT_EQ(one("SELECT string_agg(subject || ':' || attempts || ':' || (sent_at IS NOT NULL), ',' "
                "ORDER BY id) FROM outbox"),
            "Leased:2:true,Exhausted:3:false");
}

TEST_F(Mail, ARowLockedByAnotherWorkerIsSkippedNotWaitedFor) {
  for (int i = 0; i < 3; ++i) enqueue(kWelcome);
  mail::MailWorker worker(ioc.get_executor(), pool, file_options());
  int while_locked = -1;
  const auto start = std::chrono::steady_clock::now();
  test::run(ioc, [&]() -> asio::awaitable<bool> {
    auto tx = co_await pool.begin();
    static constexpr db::Statement lock{"mail_test_lock",
                                        "SELECT id FROM outbox WHERE id = 1 FOR UPDATE"};
    EXPECT_TRUE(co_await tx->query(lock));
    auto r = co_await worker.deliver_due();
    while_locked = r ? *r : -1;
    co_return true;
  }());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(while_locked, 2);
  EXPECT_EQ(deliver(worker), 1);  // the lock went with its transaction
  EXPECT_EQ(files_in(out_dir).size(), 3u);
}

TEST_F(Mail, ConcurrentPassesDeliverEachRowExactlyOnce) {
  for (int i = 0; i < 10; ++i) enqueue(kWelcome);
  mail::MailWorker first(ioc.get_executor(), pool, file_options());
  mail::MailWorker second(ioc.get_executor(), pool, file_options());
  int sent_first = 0, sent_second = 0;
  auto drain = [](mail::MailWorker& w, int& sent) -> asio::awaitable<void> {
    for (;;) {  // small batches, so the two passes keep meeting on the table
      auto r = co_await w.deliver_due(3);
      EXPECT_TRUE(r);
      if (!r || *r == 0) co_return;
      sent += *r;
    }
  };
  ioc.restart();
  asio::co_spawn(ioc, drain(first, sent_first), asio::detached);
  asio::co_spawn(ioc, drain(second, sent_second), asio::detached);
  std::thread other([&] { ioc.run(); });
  ioc.run();
  other.join();

  EXPECT_EQ(sent_first + sent_second, 10);
  const auto files = files_in(out_dir);
  EXPECT_EQ(files.size(), 10u);
  std::set<std::string> ids;
  for (const auto& f : files) {
    const auto name = f.filename().string();
    ids.insert(name.substr(0, name.find('-')));
  }
  EXPECT_EQ(ids.size(), 10u);
  EXPECT_EQ(one("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND attempts = 1"), "10");
}

// ---- the loop ----------------------------------------------------------------------------------

TEST_F(Mail, TheLoopDeliversWhatArrivesUntilStopped) {
  enqueue(kWelcome);
  auto options = file_options();
  options.poll_interval = 50ms;
  mail::MailWorker worker(ioc.get_executor(), pool, options);
  worker.start();
  worker.start();  // once is enough
  auto running = std::async(std::launch::async, [&] {
    ioc.restart();
    ioc.run();
  });
  auto wait_for_files = [&](std::size_t n) {
    const auto deadline = std::chrono::steady_clock::now() + 3s;
    while (files_in(out_dir).size() < n && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
    return files_in(out_dir).size();
  };
  EXPECT_EQ(wait_for_files(1), 1u);
  test::psql(
      database.url(),
      "INSERT INTO outbox (to_address, subject, body_text) VALUES ('c@example.fr', 'Later', 'x')");
  EXPECT_EQ(wait_for_files(2), 2u);

  worker.stop();
  worker.stop();
  // The loop ends, so the io_context runs out of work.
  const bool ended = running.wait_for(3s) == std::future_status::ready;
  EXPECT_TRUE(ended);
  if (!ended) {
    ioc.stop();
    running.wait();
  }
}

}  // namespace
