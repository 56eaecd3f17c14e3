#pragma once
// Configuration from environment variables, optionally seeded by a `.env` file (real
// environment variables win). Validated once at start-up: a bad value stops the program
// with one line naming the variable. README.md documents every variable and its default.

#include "core/error/error.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::app {

enum class Env { development, test, production };

struct Config {
  Env env = Env::development;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string public_url;  // default http://localhost:<port>
  std::string database_url;
  std::string data_dir = "var/data";
  // The studio's seal on signed contracts (PEM): both, or neither for one made under data_dir.
  std::string seal_cert_file, seal_key_file;
  std::string web_dir = "web/dist";
  unsigned threads = 0;             // default: hardware cores
  unsigned background_threads = 1;  // argon2id and other CPU-heavy work: cores - 1, at least 1
  unsigned gallery_workers = 1;     // photos made into renditions at once; 0: by other servers
  std::size_t page_cache_bytes = std::size_t{8} << 20;  // signed-in pages kept; 0: none
  std::size_t db_pool_size = 16;
  std::chrono::milliseconds db_acquire_timeout{2000};
  int db_pool_share_per_route = 50;  // percent of the pool one route's handlers may hold
  std::size_t body_limit = 1 << 20;
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds shutdown_timeout{20000};
  std::size_t max_connections = 10000;  // per process; lowered to fit the open-file limit
  std::size_t max_connections_per_address = 256;
  std::chrono::milliseconds first_byte_timeout{5000};  // a new connection's first request byte
  bool access_log = true;
  std::string log_level = "info";

  std::string jwt_secret;                          // HMAC key for access tokens, >= 32 bytes
  std::string jwt_secret_file = "var/jwt-secret";  // development: generated once
  std::string smtp_url;                            // empty: mails become .eml files
  bool smtp_require_tls = true;  // smtp://: STARTTLS or no delivery (never a silent downgrade)
  std::string mail_from = "Déclic <no-reply@localhost>";
  std::string mail_dir = "var/mail";
  std::string demo_password = "demo-declic-2026";  // `declic seed-demo` only
  int login_limit_per_ip = 30;                     // sign-in attempts per address per 15 min
  int register_limit_per_address = 10;             // sign-ups per address group per hour
  int register_limit_global = 300;                 // sign-ups per hour, every address together
  int booking_limit_per_user = 20;                 // booking requests per client per hour
  int booking_limit_per_address = 60;              // booking requests per address per hour
  // A sign-up or sign-in that would wait longer than this for argon2id gets 503 Retry-After.
  std::chrono::milliseconds password_queue_max_wait{2000};
  std::chrono::milliseconds housekeeping_interval{600000};
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For is believed
  // Domain events: how long an after-commit handler may run before its event is handed to
  // another attempt, and how long handled events are kept (for clients catching up).
  std::chrono::milliseconds event_handler_timeout{30000};
  int event_retention_days = 7;
  // A message still unread this long after it was posted is mailed to its recipient.
  std::chrono::seconds message_mail_delay{600};
};

// Looks a variable up; the real environment by default, a map in tests.
using Lookup = std::function<std::optional<std::string>(const std::string&)>;

// JWT_SECRET must carry about 256 random bits (QUALITY.md); an estimate leaves room for
// chance repeats in a truly random value.
inline constexpr double kMinSecretBits = 224;
// What a secret is worth to a guesser, roughly: bits per character of its alphabet (hex,
// base64, any) times the characters that are not a run or a repeat of what came before.
double estimated_secret_bits(std::string_view secret);

// Parses KEY=VALUE lines (comments, blank lines, optional quotes, `export ` prefix).
std::map<std::string, std::string> parse_dotenv(const std::string& text);

// Environment first, then the .env file's values.
Lookup environment_with_dotenv(const std::string& dotenv_path);

// Reads and validates everything; the error's detail is the one-line message.
core::Result<Config> load_config(const Lookup& lookup);

// MAX_CONNECTIONS as far as the open-file limit allows: each connection is a descriptor, and
// a reserve stays for the database pool (and its LISTEN connection) and for files being sent
// or received, logs and the listener — a tenth of the limit, at least 64. At least 1.
std::size_t connections_within(std::size_t wanted, std::uint64_t open_file_limit,
                               std::size_t db_pool_size);

// Handlers of one route that may run at once: DB_POOL_SHARE_PER_ROUTE of the pool, at least 1.
std::size_t route_concurrency(const Config& config);

// Scheme, host and port of a public URL ("https://studio.example").
std::string public_origin(const std::string& public_url);

// Without JWT_SECRET outside production: reads the generated key file, or creates it.
core::Result<void> ensure_jwt_secret(Config& config);

}  // namespace declic::app
