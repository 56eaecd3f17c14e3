// declic — the Déclic server and its operations commands.
#include "app/app.hpp"
#include "app/config.hpp"
#include "core/util/leak_suppressions.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#ifdef DECLIC_JEMALLOC
// jemalloc reads its settings from this symbol at start: a background thread hands memory
// unused for a second back to the system, even while the server sits idle after a burst.
extern "C" const char* malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif

namespace {

constexpr const char* kUsage =
    "usage: declic <command>\n"
    "  serve          migrate the database, then serve HTTP until SIGINT/SIGTERM\n"
    "  migrate        apply pending database migrations and exit\n"
    "  create-admin   --email E [--first-name F] [--last-name L]; password from stdin\n"
    "  seed-demo      create the demo accounts (never in production);\n"
    "                 --activity adds clients, sessions, projects and messages\n"
    "Configuration comes from environment variables and an optional .env file\n"
    "(DECLIC_ENV_FILE, default ./.env); see README.md.\n";

std::string option(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 2; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  return fallback;
}

// Standard input when it is piped; otherwise asks twice without echo.
std::string read_password() {
  std::string password;
  if (!isatty(STDIN_FILENO)) {
    std::getline(std::cin, password);
    return password;
  }
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string again;
  std::fputs("Password: ", stderr);
  std::getline(std::cin, password);
  std::fputs("\nAgain: ", stderr);
  std::getline(std::cin, again);
  std::fputs("\n", stderr);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  return password == again ? password : std::string();
}

}  // namespace

DECLIC_LEAK_SUPPRESSIONS

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  if (command != "serve" && command != "migrate" && command != "create-admin" &&
      command != "seed-demo") {
    std::fprintf(stderr, "declic: unknown command '%s'\n%s", command.c_str(), kUsage);
    return 2;
  }
  const char* env_file = std::getenv("DECLIC_ENV_FILE");
  auto config =
      declic::app::load_config(declic::app::environment_with_dotenv(env_file ? env_file : ".env"));
  if (!config) {
    std::fprintf(stderr, "declic: configuration error: %s\n", config.error().detail.c_str());
    return 2;
  }
  if (command == "serve") return declic::app::serve(std::move(*config));
  if (command == "migrate") return declic::app::migrate(*config);
  if (command == "seed-demo")
    return declic::app::seed_demo(std::move(*config),
                                  argc > 2 && std::strcmp(argv[2], "--activity") == 0);

  const auto email = option(argc, argv, "--email", "");
  if (email.empty()) {
    std::fprintf(stderr, "declic: create-admin needs --email\n");
    return 2;
  }
  const auto password = read_password();
  std::fflush(stdout);
  return declic::app::create_admin(std::move(*config), email,
                                   option(argc, argv, "--first-name", "Admin"),
                                   option(argc, argv, "--last-name", "Déclic"), password);
}
