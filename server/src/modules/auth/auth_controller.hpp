#pragma once
#include "core/http/http.hpp"
#include "modules/auth/auth_service.hpp"

namespace declic::auth {

struct CookiePolicy {
  std::string name;        // "__Host-declic_refresh" over https, "declic_refresh" otherwise
  std::string attributes;  // Path, HttpOnly, Secure, SameSite
  std::string origin;      // the public URL's origin: refresh and logout must come from it
};
CookiePolicy cookie_policy(const std::string& public_url);

// HTTP for /api/auth/* and POST /api/me/password.
class AuthController {
 public:
  AuthController(AuthService& service, CookiePolicy cookie)
      : service_(service), cookie_(std::move(cookie)) {}

  core::http::Reply register_client(core::http::Request& req);
  core::http::Reply login(core::http::Request& req);
  core::http::Reply refresh(core::http::Request& req);
  core::http::Reply logout(core::http::Request& req);
  core::http::Reply forgot(core::http::Request& req);
  core::http::Reply reset(core::http::Request& req);
  core::http::Reply change_password(core::http::Request& req);

 private:
  core::http::Response with_session(int status, const Issued& issued) const;
  std::string set_cookie(const std::string& token) const;
  std::string clear_cookie() const;
  std::string read_cookie(const core::http::Request& req) const;
  std::optional<core::Error> check_origin(const core::http::Request& req) const;

  AuthService& service_;
  CookiePolicy cookie_;
};

ClientInfo client_info(const core::http::Request& req);

}  // namespace declic::auth
