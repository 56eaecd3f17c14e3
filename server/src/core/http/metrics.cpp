#include "core/http/metrics.hpp"

#include <algorithm>

namespace declic::core::http {

void RouteMetrics::observe(int status, std::chrono::nanoseconds duration) {
  if (status >= 100 && status < 600) by_status_[status].fetch_add(1, std::memory_order_relaxed);
  const double seconds = std::chrono::duration<double>(duration).count();
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_ns_.fetch_add(static_cast<std::uint64_t>(duration.count()), std::memory_order_relaxed);
}

void RouteMetrics::render(std::string& out, const std::string& method,
                          const std::string& route) const {
  const std::string labels = "method=\"" + method + "\",route=\"" + route + "\"";
  for (int status = 100; status < 600; ++status)
    if (auto n = by_status_[status].load(std::memory_order_relaxed))
      out += "declic_http_requests_total{" + labels + ",status=\"" + std::to_string(status) +
             "\"} " + std::to_string(n) + "\n";
  const auto count = count_.load(std::memory_order_relaxed);
  if (count == 0) return;
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    char le[32];
    std::snprintf(le, sizeof le, "%g", kBuckets[i]);
    out += "declic_http_request_duration_seconds_bucket{" + labels + ",le=\"" + le + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  out += "declic_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
         std::to_string(count) + "\n";
  char sum[48];
  std::snprintf(sum, sizeof sum, "%.6f", sum_ns_.load(std::memory_order_relaxed) / 1e9);
  out += "declic_http_request_duration_seconds_sum{" + labels + "} " + sum + "\n";
  out +=
      "declic_http_request_duration_seconds_count{" + labels + "} " + std::to_string(count) + "\n";
}

void append_series(std::string& out, const char* name, const char* help, const char* type,
                   std::uint64_t value, const char* labels) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
         name + labels + " " + std::to_string(value) + "\n";
}

void ConnectionMetrics::render(std::string& out) const {
  auto series = [&out](const char* name, const char* help, const char* type, const char* labels,
                       std::uint64_t v) { append_series(out, name, help, type, v, labels); };
  const auto open_now = open.load(std::memory_order_relaxed);
  series("declic_http_connections_open", "Client connections open.", "gauge", "",
         static_cast<std::uint64_t>(std::max<std::int64_t>(open_now, 0)));
  series("declic_http_connections_max", "Client connections allowed (MAX_CONNECTIONS).", "gauge",
         "", max.load(std::memory_order_relaxed));
  out +=
      "# HELP declic_http_connections_refused_total Connections answered 503 and closed.\n"
      "# TYPE declic_http_connections_refused_total counter\n";
  out += "declic_http_connections_refused_total{reason=\"capacity\"} " +
         std::to_string(refused_capacity.load(std::memory_order_relaxed)) + "\n";
  out += "declic_http_connections_refused_total{reason=\"address\"} " +
         std::to_string(refused_address.load(std::memory_order_relaxed)) + "\n";
  series("declic_http_connections_closed_for_room_total",
         "Idle connections closed to admit a new one at the process cap.", "counter", "",
         closed_for_room.load(std::memory_order_relaxed));
  series("declic_http_first_byte_timeouts_total",
         "New connections closed for sending nothing in time.", "counter", "",
         first_byte_timeouts.load(std::memory_order_relaxed));
}

}  // namespace declic::core::http
