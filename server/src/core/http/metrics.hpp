#pragma once
// Prometheus counters for HTTP traffic. One RouteMetrics per route pattern (plus "static" and
// "unmatched"), so the label set stays bounded whatever paths clients send; one
// ConnectionMetrics for the connections themselves.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace declic::core::http {

// One series in Prometheus text format, with its HELP and TYPE lines.
void append_series(std::string& out, const char* name, const char* help, const char* type,
                   std::uint64_t value, const char* labels = "");

class RouteMetrics {
 public:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  void observe(int status, std::chrono::nanoseconds duration);
  // Appends this route's series in Prometheus text format.
  void render(std::string& out, const std::string& method, const std::string& route) const;

 private:
  std::array<std::atomic<std::uint64_t>, 600> by_status_{};
  std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_ns_{0};
};

// Connections held and turned away, written by the server, read by /metrics.
struct ConnectionMetrics {
  std::atomic<std::int64_t> open{0};
  std::atomic<std::uint64_t> max{0};                  // the process cap in force
  std::atomic<std::uint64_t> refused_capacity{0};     // the process cap, nothing idle to close
  std::atomic<std::uint64_t> refused_address{0};      // the per-address cap
  std::atomic<std::uint64_t> closed_for_room{0};      // idle ones closed to admit a newer one
  std::atomic<std::uint64_t> first_byte_timeouts{0};  // opened, then said nothing in time

  // Appends the series in Prometheus text format.
  void render(std::string& out) const;
};

}  // namespace declic::core::http
