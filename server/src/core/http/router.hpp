#pragma once
// Maps (method, path) to a route. Patterns are literal segments and `{name}` parameters,
// e.g. "/api/bookings/{id}/confirm". HEAD is served by the GET route. Each route owns its
// guards, its request body limit, its metrics and its kind: a buffered body, a streamed
// body, or a WebSocket upgrade (http.hpp).

#include "core/http/http.hpp"
#include "core/http/metrics.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace declic::core::http {

enum class RouteKind { buffered, stream_in, upgrade };

class Route {
 public:
  using AnyHandler = std::variant<Handler, StreamHandler, SocketHandler>;
  Route(std::string method, std::string pattern, AnyHandler handler);

  Route& guard(Guard g);
  Route& body_limit(std::size_t bytes);

  const std::string& method() const { return method_; }
  const std::string& pattern() const { return pattern_; }
  RouteKind kind() const { return static_cast<RouteKind>(handler_.index()); }
  const Handler& handler() const { return std::get<Handler>(handler_); }
  const StreamHandler& stream_handler() const { return std::get<StreamHandler>(handler_); }
  const SocketHandler& socket_handler() const { return std::get<SocketHandler>(handler_); }
  const std::vector<Guard>& guards() const { return guards_; }
  std::optional<std::size_t> max_body() const { return body_limit_; }
  RouteMetrics& metrics() const { return *metrics_; }

  // Fills `params` and returns true when `segments` fit the pattern.
  bool matches(const std::vector<std::string_view>& segments,
               std::vector<std::pair<std::string, std::string>>& params) const;

 private:
  std::string method_;
  std::string pattern_;
  std::vector<std::string> segments_;  // "{name}" marks a parameter
  AnyHandler handler_;
  std::vector<Guard> guards_;
  std::optional<std::size_t> body_limit_;
  std::unique_ptr<RouteMetrics> metrics_ = std::make_unique<RouteMetrics>();
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allow;  // methods the path accepts, when the method did not match
};

class Router {
 public:
  Route& add(std::string method, std::string pattern, Route::AnyHandler handler);
  Route& get(std::string pattern, Handler h) {
    return add("GET", std::move(pattern), std::move(h));
  }
  Route& post(std::string pattern, Handler h) {
    return add("POST", std::move(pattern), std::move(h));
  }
  Route& put(std::string pattern, Handler h) {
    return add("PUT", std::move(pattern), std::move(h));
  }
  Route& patch(std::string pattern, Handler h) {
    return add("PATCH", std::move(pattern), std::move(h));
  }
  Route& del(std::string pattern, Handler h) {
    return add("DELETE", std::move(pattern), std::move(h));
  }
  // The body arrives chunk by chunk (uploads); body_limit() is the route's ceiling.
  Route& stream(std::string method, std::string pattern, StreamHandler h) {
    return add(std::move(method), std::move(pattern), std::move(h));
  }
  // GET with `Upgrade: websocket`; the guards run before the handshake.
  Route& websocket(std::string pattern, SocketHandler h) {
    return add("GET", std::move(pattern), std::move(h));
  }

  // Routes bound to a controller's member function:
  //   router.post("/api/bookings", controller, &BookingsController::create)
  template <class C>
  using Member = boost::asio::awaitable<Response> (C::*)(Request&);
  template <class C>
  Route& get(std::string pattern, C& c, Member<C> m) {
    return add("GET", std::move(pattern), bind(c, m));
  }
  template <class C>
  Route& post(std::string pattern, C& c, Member<C> m) {
    return add("POST", std::move(pattern), bind(c, m));
  }
  template <class C>
  Route& put(std::string pattern, C& c, Member<C> m) {
    return add("PUT", std::move(pattern), bind(c, m));
  }
  template <class C>
  Route& patch(std::string pattern, C& c, Member<C> m) {
    return add("PATCH", std::move(pattern), bind(c, m));
  }
  template <class C>
  Route& del(std::string pattern, C& c, Member<C> m) {
    return add("DELETE", std::move(pattern), bind(c, m));
  }

  // Serves GET/HEAD outside /api/ that no route matched (the web app build).
  void set_fallback(Handler h) { fallback_ = std::move(h); }
  const Handler& fallback() const { return fallback_; }

  Match match(std::string_view method, std::string_view path) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

  // Metrics of requests no route took: static files and unknown paths.
  RouteMetrics& static_metrics() const { return *static_metrics_; }
  RouteMetrics& unmatched_metrics() const { return *unmatched_metrics_; }
  // Connections the server holds and refuses (filled by the server, shown by /metrics).
  ConnectionMetrics& connection_metrics() const { return *connection_metrics_; }

 private:
  template <class C>
  static Handler bind(C& c, Member<C> m) {
    return [&c, m](Request& r) { return (c.*m)(r); };
  }

  std::vector<std::unique_ptr<Route>> routes_;
  Handler fallback_;
  std::unique_ptr<RouteMetrics> static_metrics_ = std::make_unique<RouteMetrics>();
  std::unique_ptr<RouteMetrics> unmatched_metrics_ = std::make_unique<RouteMetrics>();
  std::unique_ptr<ConnectionMetrics> connection_metrics_ = std::make_unique<ConnectionMetrics>();
};

std::vector<std::string_view> split_path(std::string_view path);

}  // namespace declic::core::http
