#pragma once
#include "core/http/http.hpp"
#include "modules/users/users_service.hpp"

namespace declic::users {

// HTTP for /api/me and /api/users: decode, call the service, encode.
class UsersController {
 public:
  explicit UsersController(UsersService& service) : service_(service) {}

  core::http::Reply me(core::http::Request& req);
  core::http::Reply update_me(core::http::Request& req);
  core::http::Reply list(core::http::Request& req);
  core::http::Reply create(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply update(core::http::Request& req);
  core::http::Reply remove(core::http::Request& req);

 private:
  UsersService& service_;
};

}  // namespace declic::users
