#include "core/http/router.hpp"

#include <algorithm>

namespace declic::core::http {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

Route::Route(std::string method, std::string pattern, AnyHandler handler)
    : method_(std::move(method)), pattern_(std::move(pattern)), handler_(std::move(handler)) {
  for (auto s : split_path(pattern_)) segments_.emplace_back(s);
}

Route& Route::guard(Guard g) {
  guards_.push_back(std::move(g));
  return *this;
}

Route& Route::body_limit(std::size_t bytes) {
  body_limit_ = bytes;
  return *this;
}

bool Route::matches(const std::vector<std::string_view>& segments,
                    std::vector<std::pair<std::string, std::string>>& params) const {
  if (segments.size() != segments_.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& pattern = segments_[i];
    if (pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}')
      params.emplace_back(pattern.substr(1, pattern.size() - 2), segments[i]);
    else if (pattern != segments[i])
      return false;
  }
  return true;
}

Route& Router::add(std::string method, std::string pattern, Route::AnyHandler handler) {
  routes_.push_back(
      std::make_unique<Route>(std::move(method), std::move(pattern), std::move(handler)));
  return *routes_.back();
}

Match Router::match(std::string_view method, std::string_view path) const {
  const auto segments = split_path(path);
  const std::string_view wanted = method == "HEAD" ? "GET" : method;
  Match result;
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& route : routes_) {
    if (!route->matches(segments, params)) continue;
    if (route->method() == wanted) {
      result.route = route.get();
      result.params = std::move(params);
      result.allow.clear();
      return result;
    }
    if (std::find(result.allow.begin(), result.allow.end(), route->method()) == result.allow.end())
      result.allow.push_back(route->method());
    if (route->method() == "GET") result.allow.push_back("HEAD");
  }
  return result;
}

}  // namespace declic::core::http
