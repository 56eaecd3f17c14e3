#pragma once
// The composition root: builds the pool, the router and the modules, runs the server.

#include "app/config.hpp"

namespace declic::app {

// `declic serve`: migrate, then serve until SIGINT/SIGTERM. Returns the exit code.
int serve(const Config& config);
// `declic migrate`: apply pending migrations and exit.
int migrate(const Config& config);

}  // namespace declic::app
