#include "app/config.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/auth/tokens.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

namespace declic::app {

using core::Error;
using core::Result;

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

Error bad(const std::string& name, const std::string& expected, const std::string& got) {
  return Error::bad_request(name + " must be " + expected + " (got \"" + got + "\")", "config");
}

// An empty value means "unset" for every variable, as in most .env conventions.
std::optional<std::string> value_of(const Lookup& env, const std::string& name) {
  auto raw = env(name);
  if (raw && raw->empty()) return std::nullopt;
  return raw;
}

template <class T>
Result<T> integer(const Lookup& env, const std::string& name, T fallback, T min, T max) {
  auto raw = value_of(env, name);
  if (!raw) return fallback;
  long long v = 0;
  auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || p != raw->data() + raw->size() || v < static_cast<long long>(min) ||
      v > static_cast<long long>(max))
    return bad(name, "an integer between " + std::to_string(min) + " and " + std::to_string(max),
               *raw);
  return static_cast<T>(v);
}

Result<bool> boolean(const Lookup& env, const std::string& name, bool fallback) {
  auto raw = value_of(env, name);
  if (!raw) return fallback;
  if (*raw == "true" || *raw == "1" || *raw == "on") return true;
  if (*raw == "false" || *raw == "0" || *raw == "off") return false;
  return bad(name, "true or false", *raw);
}

std::string text(const Lookup& env, const std::string& name, std::string fallback) {
  return value_of(env, name).value_or(std::move(fallback));
}

bool is_ip_address(const std::string& s) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

bool is_url_with_scheme(const std::string& s, std::initializer_list<std::string_view> schemes) {
  for (auto scheme : schemes)
    if (s.starts_with(std::string(scheme) + "://") && s.size() > scheme.size() + 3) return true;
  return false;
}

// The SMTP host is this machine: a local relay, where STARTTLS is optional by default.
bool smtp_host_is_loopback(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return true;  // no SMTP: nothing to protect
  const auto at = url.rfind('@');
  auto host = url.substr(at == std::string::npos ? scheme + 3 : at + 1);
  host = host.substr(0, host.find_first_of(":/"));
  return host == "localhost" || host.starts_with("127.") || host == "[::1]";
}

}  // namespace

double estimated_secret_bits(std::string_view secret) {
  bool hex = true, base64 = true;
  for (unsigned char c : secret) {
    hex = hex && std::isxdigit(c);
    base64 =
        base64 && (std::isalnum(c) || c == '-' || c == '_' || c == '+' || c == '/' || c == '=');
  }
  const double per_char = hex ? 4.0 : base64 ? 6.0 : 6.5;
  // A character counts when it is not more of what came before: a step of a run ("abcd",
  // "1111") or the end of a three-character sequence already seen ("secret-secret").
  std::set<std::string_view> seen;
  int novel = 0;
  for (std::size_t i = 0; i < secret.size(); ++i) {
    const bool run = i >= 2 && secret[i] - secret[i - 1] == secret[i - 1] - secret[i - 2] &&
                     std::abs(secret[i] - secret[i - 1]) <= 1;
    const bool repeat = i >= 2 && !seen.insert(secret.substr(i - 2, 3)).second;
    novel += !run && !repeat;
  }
  return novel * per_char;
}

std::map<std::string, std::string> parse_dotenv(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto l = trim(line);
    if (l.empty() || l.front() == '#') continue;
    if (l.starts_with("export ")) l = trim(l.substr(7));
    const auto eq = l.find('=');
    if (eq == std::string::npos) continue;
    auto key = trim(l.substr(0, eq));
    auto value = trim(l.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    out[key] = value;
  }
  return out;
}

Lookup environment_with_dotenv(const std::string& dotenv_path) {
  std::map<std::string, std::string> file;
  if (std::ifstream in(dotenv_path); in) {
    std::stringstream ss;
    ss << in.rdbuf();
    file = parse_dotenv(ss.str());
  }
  return [file = std::move(file)](const std::string& name) -> std::optional<std::string> {
    if (const char* v = std::getenv(name.c_str())) return std::string(v);
    if (auto it = file.find(name); it != file.end()) return it->second;
    return std::nullopt;
  };
}

Result<Config> load_config(const Lookup& env) {
  Config c;
  const auto app_env = text(env, "APP_ENV", "development");
  if (app_env == "development")
    c.env = Env::development;
  else if (app_env == "test")
    c.env = Env::test;
  else if (app_env == "production")
    c.env = Env::production;
  else
    return bad("APP_ENV", "development, test or production", app_env);

  c.host = text(env, "HOST", c.host);
  if (!is_ip_address(c.host))
    return bad("HOST", "an IP address such as 127.0.0.1 or 0.0.0.0", c.host);
  auto port = integer<std::uint16_t>(env, "PORT", 8080, 0, 65535);
  if (!port) return port.error();
  c.port = *port;

  c.public_url = text(env, "PUBLIC_URL", "http://localhost:" + std::to_string(c.port));
  if (!is_url_with_scheme(c.public_url, {"http", "https"}))
    return bad("PUBLIC_URL", "an http:// or https:// URL", c.public_url);
  while (c.public_url.ends_with('/')) c.public_url.pop_back();

  c.database_url = text(env, "DATABASE_URL", "");
  if (c.database_url.empty())
    return Error::bad_request("DATABASE_URL is required (a postgresql:// URL)", "config");
  if (!is_url_with_scheme(c.database_url, {"postgresql", "postgres"}) &&
      c.database_url.find('=') == std::string::npos)
    return bad("DATABASE_URL", "a postgresql:// URL or libpq key=value string", "…");

  c.data_dir = text(env, "DATA_DIR", c.data_dir);
  c.seal_cert_file = text(env, "SEAL_CERT_FILE", "");
  c.seal_key_file = text(env, "SEAL_KEY_FILE", "");
  if (c.seal_cert_file.empty() != c.seal_key_file.empty())
    return bad("SEAL_CERT_FILE", "set with SEAL_KEY_FILE (both or neither)", c.seal_cert_file);
  c.web_dir = text(env, "WEB_DIR", c.web_dir);

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  auto threads = integer<unsigned>(env, "THREADS", cores, 1, 256);
  if (!threads) return threads.error();
  c.threads = *threads;
  auto background = integer<unsigned>(env, "BACKGROUND_THREADS", std::max(1u, cores - 1), 1, 256);
  if (!background) return background.error();
  c.background_threads = *background;
  auto gallery_workers = integer<unsigned>(env, "GALLERY_WORKERS", *background, 0, 256);
  if (!gallery_workers) return gallery_workers.error();
  c.gallery_workers = *gallery_workers;

  auto page_cache = integer<std::size_t>(env, "PAGE_CACHE_MB", 8, 0, 1024);
  if (!page_cache) return page_cache.error();
  c.page_cache_bytes = *page_cache << 20;

  auto pool = integer<std::size_t>(env, "DB_POOL_SIZE", 16, 1, 1000);
  if (!pool) return pool.error();
  c.db_pool_size = *pool;
  auto acquire = integer<int>(env, "DB_ACQUIRE_TIMEOUT_MS", 2000, 1, 600000);
  if (!acquire) return acquire.error();
  c.db_acquire_timeout = std::chrono::milliseconds(*acquire);
  auto share = integer<int>(env, "DB_POOL_SHARE_PER_ROUTE", 50, 1, 100);
  if (!share) return share.error();
  c.db_pool_share_per_route = *share;

  auto body = integer<std::size_t>(env, "BODY_LIMIT_BYTES", 1 << 20, 1024, std::size_t(1) << 30);
  if (!body) return body.error();
  c.body_limit = *body;
  auto read = integer<int>(env, "READ_TIMEOUT_MS", 10000, 10, 3600000);
  if (!read) return read.error();
  c.read_timeout = std::chrono::milliseconds(*read);
  auto shutdown = integer<int>(env, "SHUTDOWN_TIMEOUT_MS", 20000, 0, 3600000);
  if (!shutdown) return shutdown.error();
  c.shutdown_timeout = std::chrono::milliseconds(*shutdown);
  auto max_connections = integer<std::size_t>(env, "MAX_CONNECTIONS", 10000, 1, 1000000);
  if (!max_connections) return max_connections.error();
  c.max_connections = *max_connections;
  auto per_address = integer<std::size_t>(env, "MAX_CONNECTIONS_PER_ADDRESS", 256, 1, 1000000);
  if (!per_address) return per_address.error();
  c.max_connections_per_address = *per_address;
  auto first_byte = integer<int>(env, "FIRST_BYTE_TIMEOUT_MS", 5000, 10, 3600000);
  if (!first_byte) return first_byte.error();
  c.first_byte_timeout = std::chrono::milliseconds(*first_byte);

  auto access = boolean(env, "ACCESS_LOG", true);
  if (!access) return access.error();
  c.access_log = *access;
  c.jwt_secret = text(env, "JWT_SECRET", "");
  if (c.jwt_secret.empty() && c.env == Env::production)
    return Error::bad_request(
        "JWT_SECRET is required in production (at least 32 random characters)", "config");
  if (!c.jwt_secret.empty() && estimated_secret_bits(c.jwt_secret) < kMinSecretBits)
    return bad("JWT_SECRET",
               "about 256 random bits, e.g. the output of `openssl rand -hex 32` (a phrase, a "
               "repeated word or a short value is guessable)",
               "(" + std::to_string(c.jwt_secret.size()) + " characters)");
  c.smtp_url = text(env, "SMTP_URL", "");
  if (!c.smtp_url.empty() && !is_url_with_scheme(c.smtp_url, {"smtp", "smtps"}))
    return bad("SMTP_URL", "an smtp:// or smtps:// URL", "…");
  const auto starttls =
      text(env, "SMTP_STARTTLS", smtp_host_is_loopback(c.smtp_url) ? "optional" : "required");
  if (starttls != "required" && starttls != "optional")
    return bad("SMTP_STARTTLS", "required or optional", starttls);
  c.smtp_require_tls = starttls == "required";
  c.mail_from = text(env, "MAIL_FROM", c.mail_from);
  c.mail_dir = text(env, "MAIL_DIR", c.mail_dir);
  c.demo_password = text(env, "DEMO_PASSWORD", c.demo_password);
  if (c.demo_password.size() < 10) return bad("DEMO_PASSWORD", "at least 10 characters", "…");

  const std::string proxies = text(env, "TRUSTED_PROXIES", "");
  for (std::string_view rest = proxies; !rest.empty();) {
    const auto comma = rest.find(',');
    const auto ip = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (ip.empty()) continue;
    if (!is_ip_address(ip))
      return bad("TRUSTED_PROXIES", "a comma-separated list of IP addresses", ip);
    c.trusted_proxies.push_back(ip);
  }

  auto login_limit = integer<int>(env, "LOGIN_LIMIT_PER_IP", 30, 1, 100000000);
  if (!login_limit) return login_limit.error();
  c.login_limit_per_ip = *login_limit;
  for (auto [name, field, fallback] :
       {std::tuple{"REGISTER_LIMIT_PER_ADDRESS", &Config::register_limit_per_address, 10},
        std::tuple{"REGISTER_LIMIT_GLOBAL", &Config::register_limit_global, 300},
        std::tuple{"BOOKING_LIMIT_PER_USER", &Config::booking_limit_per_user, 20},
        std::tuple{"BOOKING_LIMIT_PER_ADDRESS", &Config::booking_limit_per_address, 60}}) {
    auto limit = integer<int>(env, name, fallback, 1, 100000000);
    if (!limit) return limit.error();
    c.*field = *limit;
  }
  auto hash_wait = integer<int>(env, "PASSWORD_QUEUE_MAX_WAIT_MS", 2000, 1, 600000);
  if (!hash_wait) return hash_wait.error();
  c.password_queue_max_wait = std::chrono::milliseconds(*hash_wait);
  auto housekeeping = integer<int>(env, "HOUSEKEEPING_INTERVAL_MS", 600000, 100, 86400000);
  if (!housekeeping) return housekeeping.error();
  c.housekeeping_interval = std::chrono::milliseconds(*housekeeping);

  auto handler_timeout = integer<int>(env, "EVENT_HANDLER_TIMEOUT_MS", 30000, 100, 3600000);
  if (!handler_timeout) return handler_timeout.error();
  c.event_handler_timeout = std::chrono::milliseconds(*handler_timeout);
  auto retention = integer<int>(env, "EVENT_RETENTION_DAYS", 7, 1, 3650);
  if (!retention) return retention.error();
  c.event_retention_days = *retention;
  auto mail_delay = integer<int>(env, "MESSAGE_MAIL_DELAY", 600, 1, 86400);
  if (!mail_delay) return mail_delay.error();
  c.message_mail_delay = std::chrono::seconds(*mail_delay);

  c.log_level = text(env, "LOG_LEVEL", "info");
  if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" &&
      c.log_level != "error")
    return bad("LOG_LEVEL", "debug, info, warn or error", c.log_level);
  return c;
}

std::size_t connections_within(std::size_t wanted, std::uint64_t open_file_limit,
                               std::size_t db_pool_size) {
  const std::uint64_t reserve =
      db_pool_size + 1 + std::max<std::uint64_t>(64, open_file_limit / 10);
  if (open_file_limit <= reserve) return 1;
  return static_cast<std::size_t>(std::clamp<std::uint64_t>(open_file_limit - reserve, 1, wanted));
}

std::size_t route_concurrency(const Config& c) {
  return std::max<std::size_t>(
      1, c.db_pool_size * static_cast<std::size_t>(c.db_pool_share_per_route) / 100);
}

std::string public_origin(const std::string& public_url) {
  const auto scheme_end = public_url.find("://");
  if (scheme_end == std::string::npos) return public_url;
  return public_url.substr(0, public_url.find('/', scheme_end + 3));
}

Result<void> ensure_jwt_secret(Config& c) {
  if (!c.jwt_secret.empty()) return Result<void>{};
  namespace fs = std::filesystem;
  if (std::ifstream in(c.jwt_secret_file); in) {
    std::getline(in, c.jwt_secret);
    if (c.jwt_secret.size() >= 32) return Result<void>{};
  }
  std::error_code ec;
  fs::create_directories(fs::path(c.jwt_secret_file).parent_path(), ec);
  c.jwt_secret = core::auth::random_token();
  // Created private (0600) and whole before it gets its name.
  const auto tmp = c.jwt_secret_file + ".tmp";
  ::unlink(tmp.c_str());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  const std::string line = c.jwt_secret + "\n";
  const bool written = fd >= 0 &&
                       ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!written) return bad("JWT_SECRET", "set, or the file " + c.jwt_secret_file + " writable", "");
  fs::rename(tmp, c.jwt_secret_file, ec);
  if (ec) return bad("JWT_SECRET", "set, or the file " + c.jwt_secret_file + " writable", "");
  return Result<void>{};
}

}  // namespace declic::app
