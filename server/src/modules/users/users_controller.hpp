#pragma once
#include "core/http/http.hpp"
#include "core/http/json.hpp"
#include "modules/users/users_service.hpp"

namespace declic::users {

// Readers for a person's details, shared by every controller that takes them (users, auth).
// Required `email`, normalised; an error on the reader when missing or not an address.
std::optional<std::string> read_email(core::http::JsonReader& r);
// Optional `locale`: "fr" or "en".
std::optional<std::string> read_locale(core::http::JsonReader& r);

// HTTP for /api/me and /api/users: decode, call the service, encode.
class UsersController {
 public:
  explicit UsersController(UsersService& service) : service_(service) {}

  using Response = boost::asio::awaitable<core::http::Response>;
  Response me(core::http::Request& req);
  Response update_me(core::http::Request& req);
  Response list(core::http::Request& req);
  Response create(core::http::Request& req);
  Response get(core::http::Request& req);
  Response update(core::http::Request& req);
  Response remove(core::http::Request& req);
  Response overview(core::http::Request& req);

 private:
  UsersService& service_;
};

}  // namespace declic::users
