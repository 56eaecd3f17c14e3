#include "app/config.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

using namespace declic::app;

namespace {
Lookup from(std::map<std::string, std::string> vars) {
  return [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    return it == vars.end() ? std::nullopt : std::optional(it->second);
  };
}
const std::string kDb = "postgresql://localhost/declic";
}  // namespace

TEST(Config, DefaultsWithOnlyADatabase) {
  auto c = load_config(from({{"DATABASE_URL", kDb}}));
  ASSERT_TRUE(c) << c.error().detail;
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->public_url, "http://localhost:8080");
  EXPECT_EQ(c->body_limit, 1u << 20);
  EXPECT_EQ(c->data_dir, "var/data");
  EXPECT_EQ(c->web_dir, "web/dist");
  EXPECT_EQ(c->page_cache_bytes, 8u << 20);
  EXPECT_GE(c->threads, 1u);
  EXPECT_EQ(c->env, Env::development);
}

TEST(Config, GalleryWorkersFollowBackgroundThreadsAndMayBeNone) {
  auto c = load_config(from({{"DATABASE_URL", kDb}, {"BACKGROUND_THREADS", "3"}}));
  ASSERT_TRUE(c) << c.error().detail;
  EXPECT_EQ(c->gallery_workers, 3u);
  c = load_config(from({{"DATABASE_URL", kDb}, {"GALLERY_WORKERS", "0"}}));
  ASSERT_TRUE(c) << c.error().detail;
  EXPECT_EQ(c->gallery_workers, 0u);
}

TEST(Config, MissingDatabaseUrlIsNamed) {
  auto c = load_config(from({}));
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().detail.find("DATABASE_URL"), std::string::npos);
}

TEST(Config, BadValuesNameTheVariable) {
  struct Case {
    std::string name, value;
  };
  for (const auto& [name, value] : std::vector<Case>{{"PORT", "80a"},
                                                     {"PORT", "70000"},
                                                     {"PORT", "-1"},
                                                     {"THREADS", "0"},
                                                     {"GALLERY_WORKERS", "-1"},
                                                     {"DB_POOL_SIZE", "many"},
                                                     {"PAGE_CACHE_MB", "2048"},
                                                     {"ACCESS_LOG", "maybe"},
                                                     {"APP_ENV", "staging"},
                                                     {"PUBLIC_URL", "localhost:8080"},
                                                     {"LOG_LEVEL", "loud"},
                                                     {"READ_TIMEOUT_MS", "1e3"},
                                                     {"DATABASE_URL", "mysql://x"},
                                                     {"HOST", "localhost"},
                                                     {"TRUSTED_PROXIES", "10.0.0.1, nginx"},
                                                     {"MAX_CONNECTIONS", "0"},
                                                     {"MAX_CONNECTIONS_PER_ADDRESS", "lots"},
                                                     {"FIRST_BYTE_TIMEOUT_MS", "5"},
                                                     {"DB_POOL_SHARE_PER_ROUTE", "0"},
                                                     {"DB_POOL_SHARE_PER_ROUTE", "101"}}) {
    auto vars = std::map<std::string, std::string>{{"DATABASE_URL", kDb}};
    vars[name] = value;
    auto c = load_config(from(vars));
    ASSERT_FALSE(c) << name << "=" << value;
    EXPECT_EQ(c.error().detail.find('\n'), std::string::npos);
    EXPECT_EQ(c.error().detail.rfind(name, 0), 0u) << c.error().detail;
  }
}

TEST(Config, HonoursPortPublicUrlAndDataDir) {
  auto c = load_config(from({{"DATABASE_URL", kDb},
                             {"PORT", "9090"},
                             {"PUBLIC_URL", "https://studio.example.fr/"},
                             {"DATA_DIR", "/srv/files"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->port, 9090);
  EXPECT_EQ(c->public_url, "https://studio.example.fr");
  EXPECT_EQ(c->data_dir, "/srv/files");
}

TEST(Config, EmptyValuesMeanUnset) {
  auto c =
      load_config(from({{"DATABASE_URL", kDb}, {"PORT", ""}, {"ACCESS_LOG", ""}, {"HOST", ""}}));
  ASSERT_TRUE(c) << c.error().detail;
  EXPECT_EQ(c->port, 8080);
  EXPECT_TRUE(c->access_log);
  EXPECT_EQ(c->host, "127.0.0.1");
}

TEST(DotEnv, ParsesCommentsQuotesAndExport) {
  auto vars = parse_dotenv(
      "# comment\n\nPORT=9000\nexport HOST=0.0.0.0\nPUBLIC_URL=\"https://a.b\"\n"
      "NAME='x y'\nbroken line\n  SPACED = v  \r\n");
  EXPECT_EQ(vars["PORT"], "9000");
  EXPECT_EQ(vars["HOST"], "0.0.0.0");
  EXPECT_EQ(vars["PUBLIC_URL"], "https://a.b");
  EXPECT_EQ(vars["NAME"], "x y");
  EXPECT_EQ(vars["SPACED"], "v");
  EXPECT_FALSE(vars.contains("broken line"));
}

TEST(Config, ProductionNeedsALongJwtSecret) {
  auto missing = load_config(from({{"DATABASE_URL", kDb}, {"APP_ENV", "production"}}));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().detail.rfind("JWT_SECRET", 0), 0u);
  auto short_one = load_config(from({{"DATABASE_URL", kDb}, {"JWT_SECRET", "too-short"}}));
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().detail.rfind("JWT_SECRET", 0), 0u);
  EXPECT_EQ(short_one.error().detail.find("too-short"), std::string::npos) << "never echo it";
  const std::string random = "d6fd431522c1689d6c89b7d90094aa773cb970d300f5b37872a810933bd16f6c";
  auto ok =
      load_config(from({{"DATABASE_URL", kDb}, {"APP_ENV", "production"}, {"JWT_SECRET", random}}));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->jwt_secret, random);
}

// Length is not entropy: long values a person types, or a pattern, are refused.
TEST(Config, AJwtSecretMustCarryAbout256RandomBits) {
  for (const std::string weak :
       {std::string(64, 'k'), std::string("correct-horse-battery-staple-correct-horse-battery"),
        std::string("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
        std::string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        std::string("secretsecretsecretsecretsecretsecretsecretsecret"),
        std::string("d6fd431522c1689d6c89b7d90094aa77")}) {  // 128 bits: too few
    auto refused = load_config(from({{"DATABASE_URL", kDb}, {"JWT_SECRET", weak}}));
    ASSERT_FALSE(refused) << weak;
    EXPECT_EQ(refused.error().detail.rfind("JWT_SECRET", 0), 0u);
  }
  // What the tools print: 32 random bytes in hex or base64.
  for (const std::string strong :
       {std::string("87d0dd2dc745189ddd10c6eb211f0ce9a9cfb3580c1965edac46869c2d3836af"),
        std::string("q0Vh8Qm5yJ2cXo9wLrT4uZ1nB7eKd3sFgA6iPjM0tYw="),
        std::string("Hk7-pQ2_zW9xLm4vNc8bTr1yDs6aFg3jUe5oIq0wEZ")}) {
    EXPECT_GE(declic::app::estimated_secret_bits(strong), declic::app::kMinSecretBits) << strong;
    EXPECT_TRUE(load_config(from({{"DATABASE_URL", kDb}, {"JWT_SECRET", strong}}))) << strong;
  }
}

TEST(Config, SmtpStartTlsIsRequiredUnlessTheRelayIsLocal) {
  auto remote =
      load_config(from({{"DATABASE_URL", kDb}, {"SMTP_URL", "smtp://mail.example.fr:587"}}));
  ASSERT_TRUE(remote);
  EXPECT_TRUE(remote->smtp_require_tls);
  auto local = load_config(from({{"DATABASE_URL", kDb}, {"SMTP_URL", "smtp://127.0.0.1:2525"}}));
  ASSERT_TRUE(local);
  EXPECT_FALSE(local->smtp_require_tls);
  auto forced = load_config(from({{"DATABASE_URL", kDb},
                                  {"SMTP_URL", "smtp://127.0.0.1:2525"},
                                  {"SMTP_STARTTLS", "required"}}));
  ASSERT_TRUE(forced);
  EXPECT_TRUE(forced->smtp_require_tls);
  EXPECT_FALSE(load_config(from({{"DATABASE_URL", kDb}, {"SMTP_STARTTLS", "maybe"}})));
}

TEST(Config, DevelopmentGeneratesTheJwtSecretOnceAndKeepsIt) {
  auto c = load_config(from({{"DATABASE_URL", kDb}}));
  ASSERT_TRUE(c);
  const auto dir =
      std::filesystem::temp_directory_path() / ("declic-secret-" + std::to_string(getpid()));
  c->jwt_secret_file = (dir / "var" / "jwt-secret").string();
  ASSERT_TRUE(ensure_jwt_secret(*c));
  const auto first = c->jwt_secret;
  EXPECT_GE(first.size(), 32u);
  auto again = load_config(from({{"DATABASE_URL", kDb}}));
  again->jwt_secret_file = c->jwt_secret_file;
  ASSERT_TRUE(ensure_jwt_secret(*again));
  EXPECT_EQ(again->jwt_secret, first);
  EXPECT_EQ(std::filesystem::status(c->jwt_secret_file).permissions() &
                std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  std::filesystem::remove_all(dir);
}

TEST(Config, ConnectionLimitsAndTheirDefaults) {
  auto defaults = load_config(from({{"DATABASE_URL", kDb}}));
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->max_connections, 10000u);
  EXPECT_EQ(defaults->max_connections_per_address, 256u);
  EXPECT_EQ(defaults->first_byte_timeout, std::chrono::milliseconds(5000));
  EXPECT_EQ(route_concurrency(*defaults), 8u);  // half of 16

  auto set = load_config(from({{"DATABASE_URL", kDb},
                               {"MAX_CONNECTIONS", "2500"},
                               {"MAX_CONNECTIONS_PER_ADDRESS", "1000"},
                               {"FIRST_BYTE_TIMEOUT_MS", "300"},
                               {"DB_POOL_SIZE", "3"},
                               {"DB_POOL_SHARE_PER_ROUTE", "10"}}));
  ASSERT_TRUE(set) << set.error().detail;
  EXPECT_EQ(set->max_connections, 2500u);
  EXPECT_EQ(set->max_connections_per_address, 1000u);
  EXPECT_EQ(set->first_byte_timeout, std::chrono::milliseconds(300));
  EXPECT_EQ(route_concurrency(*set), 1u);  // a share never rounds down to nothing
}

TEST(Config, ConnectionsFitTheOpenFileLimit) {
  // Plenty of descriptors: the setting stands.
  EXPECT_EQ(connections_within(10000, 1048576, 16), 10000u);
  // 1,024 descriptors: the pool, its LISTEN connection and 102 (a tenth) stay free.
  EXPECT_EQ(connections_within(10000, 1024, 16), 1024u - 17 - 102);
  // The reserve is at least 64.
  EXPECT_EQ(connections_within(10000, 256, 16), 256u - 17 - 64);
  // Absurdly low limits still admit one.
  EXPECT_EQ(connections_within(10000, 50, 16), 1u);
}
