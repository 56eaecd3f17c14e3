// declic — the Déclic server. Subcommands: serve, migrate (more come with later modules).
#include "app/app.hpp"
#include "app/config.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {
constexpr const char* kUsage =
    "usage: declic <command>\n"
    "  serve     migrate the database, then serve HTTP until SIGINT/SIGTERM\n"
    "  migrate   apply pending database migrations and exit\n"
    "Configuration comes from environment variables and an optional .env file\n"
    "(DECLIC_ENV_FILE, default ./.env); see README.md.\n";
}

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  if (command != "serve" && command != "migrate") {
    std::fprintf(stderr, "declic: unknown command '%s'\n%s", command.c_str(), kUsage);
    return 2;
  }
  const char* env_file = std::getenv("DECLIC_ENV_FILE");
  auto config = declic::app::load_config(
      declic::app::environment_with_dotenv(env_file ? env_file : ".env"));
  if (!config) {
    std::fprintf(stderr, "declic: configuration error: %s\n", config.error().detail.c_str());
    return 2;
  }
  return command == "serve" ? declic::app::serve(*config) : declic::app::migrate(*config);
}
