#pragma once
// Prometheus counters for HTTP traffic. One RouteMetrics per route pattern (plus "static" and
// "unmatched"), so the label set stays bounded whatever paths clients send.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace declic::core::http {

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

}  // namespace declic::core::http
