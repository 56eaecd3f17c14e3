#pragma once
// The light HTTP facade modules see: a decoded request and a response to fill. Beast stays
// inside core/http/server.cpp so controllers compile fast and never depend on the wire format.

#include "core/auth/principal.hpp"
#include "core/error/error.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace declic::core::http {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names in lower case

struct Request {
  std::string method;  // upper case; HEAD is routed as GET, see `head`
  bool head = false;
  std::string target;  // as received
  std::string path;    // percent-decoded, without the query
  std::string query;   // raw, without '?'
  Headers headers;
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> params;  // path parameters from the router
  std::optional<auth::Principal> principal;                 // set by an authentication guard

  std::string_view header(std::string_view lower_name) const;
  std::string_view param(std::string_view name) const;
  // Decoded query parameter; nullopt when absent.
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  Headers headers;

  Response& set(std::string name, std::string value);
  std::string_view header(std::string_view lower_name) const;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body, std::string content_type);
  static Response no_content();
  // RFC 9457 application/problem+json for an expected failure.
  static Response problem(const Error& error);
};

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;

// Runs on the request headers, before the body is read: returns an Error to refuse. May
// query the database (authentication loads the user) and fill in Request::principal.
using Guard = std::function<boost::asio::awaitable<std::optional<Error>>(Request&)>;

}  // namespace declic::core::http
