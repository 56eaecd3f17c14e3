#pragma once
// The composition root: builds the pool, the router and the modules, runs the server.

#include "app/config.hpp"

namespace declic::app {

// `declic serve`: migrate, then serve until SIGINT/SIGTERM. Returns the exit code.
int serve(Config config);
// `declic migrate`: apply pending migrations and exit.
int migrate(const Config& config);
// `declic create-admin --email E [--first-name F --last-name L]`: password from stdin.
int create_admin(Config config, const std::string& email, const std::string& first_name,
                 const std::string& last_name, const std::string& password);
// `declic seed-demo [--activity]`: the demo accounts (never in production); prints them.
// With `--activity`, once: a dozen clients, sessions, projects and conversations.
int seed_demo(Config config, bool activity);

}  // namespace declic::app
