#pragma once
#include "app/config.hpp"
#include "core/module.hpp"

namespace declic::app {
// Routes for the test suites and benchmarks only (APP_ENV=test), under /api/test/: a
// WebSocket echo that also forwards live `test.*` events, publishing a test event (whose
// after-commit handler can be told to fail, throw or take its time), a streamed request
// body, a file served with sendfile, a generated response body, and a slow query.
void install_test_routes(core::ModuleContext& m, const Config& config);
}  // namespace declic::app
