#pragma once
// How many connections are open, in all and per address group, against the server's two
// caps. Pure bookkeeping; the server calls it under its connections mutex.

#include <cstddef>
#include <string>
#include <unordered_map>

namespace declic::core::http {

class ConnectionLimits {
 public:
  enum class Verdict { admit, over_total, over_address };

  ConnectionLimits(std::size_t max_total, std::size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  // Whether one more connection from `group` fits. The address cap is checked first: a
  // client over its own share must not make room by closing someone else's connection.
  // An empty group is not capped per address (a trusted proxy: its visitors share it).
  Verdict check(const std::string& group) const;
  void add(const std::string& group);
  void remove(const std::string& group);

  std::size_t total() const { return total_; }
  std::size_t count(const std::string& group) const;
  std::size_t max_total() const { return max_total_; }

 private:
  std::size_t max_total_;
  std::size_t max_per_address_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> per_group_;  // only groups with connections
};

}  // namespace declic::core::http
