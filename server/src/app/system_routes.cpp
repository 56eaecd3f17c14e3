#include "app/system_routes.hpp"

#include "app/resources.hpp"
#include "core/http/static_files.hpp"

#include <fstream>

#include <unistd.h>

namespace declic::app {

using core::Error;
using core::http::Request;
using core::http::Response;
namespace asio = boost::asio;

namespace {
constexpr core::db::Statement kPing{"system_ping", "SELECT 1"};

long resident_memory_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * sysconf(_SC_PAGESIZE);
}

std::string render_metrics(const core::http::Router& router, const core::db::Pool& pool,
                           const core::ModuleContext& m) {
  std::string out;
  out.reserve(8192);
  out += "# HELP declic_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE declic_http_requests_total counter\n";
  out +=
      "# HELP declic_http_request_duration_seconds Time to answer, headers read to reply "
      "written.\n";
  out += "# TYPE declic_http_request_duration_seconds histogram\n";
  for (const auto& route : router.routes())
    route->metrics().render(out, route->method(), route->pattern());
  router.static_metrics().render(out, "GET", "static");
  router.unmatched_metrics().render(out, "ANY", "unmatched");
  router.connection_metrics().render(out);

  const auto s = pool.stats();
  auto gauge = [&out](const char* name, const char* help, std::uint64_t v, const char* type) {
    core::http::append_series(out, name, help, type, v);
  };
  gauge("declic_db_pool_max", "Maximum database connections.", s.max_size, "gauge");
  gauge("declic_db_pool_open", "Open database connections.", s.open, "gauge");
  gauge("declic_db_pool_in_use", "Database connections lent out.", s.in_use, "gauge");
  gauge("declic_db_pool_idle", "Idle database connections.", s.idle, "gauge");
  gauge("declic_db_pool_waiters", "Requests waiting for a connection.", s.waiters, "gauge");
  gauge("declic_db_pool_acquire_timeouts_total", "Waits for a connection that timed out.",
        s.acquire_timeouts, "counter");
  gauge("declic_db_connect_failures_total", "Failed attempts to open a connection.",
        s.connect_failures, "counter");
  gauge("process_resident_memory_bytes", "Resident memory of the server.",
        static_cast<std::uint64_t>(resident_memory_bytes()), "gauge");
  m.housekeeping.render(out);
  for (const auto& render : m.metrics) render(out);
  return out;
}
}  // namespace

void install_system_routes(core::ModuleContext& m, const Config& config) {
  auto& router = m.router;
  auto& pool = m.db;
  auto& web = m.own(std::make_unique<core::http::StaticFiles>(config.web_dir));

  router.get("/healthz", [](Request&) -> asio::awaitable<Response> {
    co_return Response::json(200, R"({"status":"ok"})");
  });

  router.get("/readyz", [&pool](Request&) -> asio::awaitable<Response> {
    auto ping = co_await pool.query(kPing);
    if (!ping) co_return Response::problem(Error::unavailable("The database is unavailable."));
    co_return Response::json(200, R"({"status":"ready"})");
  });

  router.get("/metrics", [&router, &pool, &m](Request&) -> asio::awaitable<Response> {
    co_return Response::text(200, render_metrics(router, pool, m), "text/plain; version=0.0.4");
  });

  router.get("/api/openapi.yaml", [](Request&) -> asio::awaitable<Response> {
    auto res = Response::text(200, std::string(openapi_yaml()), "application/yaml");
    res.set("Cache-Control", "no-cache");
    co_return res;
  });

  // The Swagger UI page and its assets, copied from swagger-ui-dist by the web build.
  auto docs = [&web](std::string_view file) {
    if (auto res = web.file("api-docs/" + std::string(file))) return std::move(*res);
    return Response::problem(Error::not_found("API documentation page (build the web app)"));
  };
  router.get("/api/docs",
             [docs](Request&) -> asio::awaitable<Response> { co_return docs("index.html"); });
  router.get("/api/docs/{file}", [docs](Request& req) -> asio::awaitable<Response> {
    co_return docs(req.param("file"));
  });

  router.set_fallback(
      [&web](Request& req) -> asio::awaitable<Response> { co_return web.serve(req); });
}

}  // namespace declic::app
