#include "modules/auth/auth_controller.hpp"

#include "core/http/json.hpp"
#include "core/util/email.hpp"

#include <boost/json.hpp>

namespace declic::auth {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using http::JsonReader;
using http::problem;
using http::Request;

namespace {
constexpr std::size_t kNameMax = 100;
constexpr int kCookieMaxAge = 30 * 24 * 3600;

}  // namespace

CookiePolicy cookie_policy(const std::string& public_url) {
  const auto scheme_end = public_url.find("://");
  const auto path = public_url.find('/', scheme_end + 3);
  const auto origin = public_url.substr(0, path);
  // __Host- cookies need https and Path=/; plain http (development) scopes it to /api/auth.
  if (public_url.starts_with("https://"))
    return {"__Host-declic_refresh", "Path=/; HttpOnly; Secure; SameSite=Strict", origin};
  return {"declic_refresh", "Path=/api/auth; HttpOnly; Secure; SameSite=Strict", origin};
}

// Printable ASCII only (user agents are ASCII): stored as text, and invalid UTF-8 from a
// client must not make its sign-in fail.
ClientInfo client_info(const Request& req) {
  std::string agent;
  for (char c : req.header("user-agent").substr(0, 300))
    if (c >= 0x20 && c < 0x7f) agent += c;
  return {req.remote_ip, std::move(agent)};
}

std::string AuthController::set_cookie(const std::string& token) const {
  return cookie_.name + "=" + token + "; " + cookie_.attributes +
         "; Max-Age=" + std::to_string(kCookieMaxAge);
}

std::string AuthController::clear_cookie() const {
  return cookie_.name + "=; " + cookie_.attributes + "; Max-Age=0";
}

std::string AuthController::read_cookie(const Request& req) const {
  std::string_view cookies = req.header("cookie");
  while (!cookies.empty()) {
    const auto end = cookies.find(';');
    auto pair = cookies.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.starts_with(cookie_.name + "="))
      return std::string(pair.substr(cookie_.name.size() + 1));
    if (end == std::string_view::npos) break;
    cookies.remove_prefix(end + 1);
  }
  return {};
}

// The cookie travels by itself; the Origin proves the page asking is ours (CSRF).
std::optional<Error> AuthController::check_origin(const Request& req) const {
  if (req.header("origin") != cookie_.origin)
    return Error::forbidden("This request must come from the Déclic web app.");
  return std::nullopt;
}

http::Response AuthController::with_session(int status, const Issued& issued) const {
  json::object body{{"user", http::profile_json(issued.user)},
                    {"accessToken", issued.access_token}};
  auto res = http::json_reply(status, body);
  res.set("Set-Cookie", set_cookie(issued.refresh_token));
  return res;
}

http::Reply AuthController::register_client(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto email = http::read_email(r);
  auto password = r.required_raw_string("password", kPasswordMin, kPasswordMax);
  auto first = r.required_string("firstName", 1, kNameMax);
  auto last = r.required_string("lastName", 1, kNameMax);
  auto phone = r.optional_string("phone", 0, 40);
  auto locale = http::read_locale(r);
  if (auto e = r.error()) co_return problem(*e);

  Registration reg{*email, *password, *first, *last, locale.value_or("fr"), std::nullopt};
  if (phone && !phone->empty()) reg.phone = phone;
  auto issued = co_await service_.register_client(reg, client_info(req));
  if (!issued) co_return problem(issued.error());
  co_return with_session(201, *issued);
}

http::Reply AuthController::login(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto email = r.required_string("email", 1, 254);
  auto password = r.required_raw_string("password", 1, 1024);
  if (auto e = r.error()) co_return problem(*e);
  auto normalized = core::normalize_email(*email);
  if (!normalized) co_return problem(Error::unauthorized("Wrong e-mail address or password."));
  auto issued = co_await service_.login(*normalized, *password, client_info(req));
  if (!issued) co_return problem(issued.error());
  co_return with_session(200, *issued);
}

http::Reply AuthController::refresh(Request& req) {
  if (auto refused = check_origin(req)) co_return problem(*refused);
  auto tokens = co_await service_.refresh(read_cookie(req), client_info(req));
  if (!tokens) {
    auto res = problem(tokens.error());
    if (tokens.error().errc == core::Errc::unauthorized) res.set("Set-Cookie", clear_cookie());
    co_return res;
  }
  auto res = http::json_reply(200, json::object{{"accessToken", tokens->access_token}});
  res.set("Set-Cookie", set_cookie(tokens->refresh_token));
  co_return res;
}

http::Reply AuthController::logout(Request& req) {
  if (auto refused = check_origin(req)) co_return problem(*refused);
  auto done = co_await service_.logout(read_cookie(req));
  if (!done) co_return problem(done.error());
  auto res = http::Response::no_content();
  res.set("Set-Cookie", clear_cookie());
  co_return res;
}

http::Reply AuthController::forgot(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto email = r.required_string("email", 1, 254);
  if (auto e = r.error()) co_return problem(*e);
  // The same 202 whether or not the address is known, even when it is malformed.
  auto done = co_await service_.forgot_password(core::normalize_email(*email).value_or(""),
                                                client_info(req));
  if (!done) co_return problem(done.error());
  co_return http::json_reply(202, json::object{{"status", "accepted"}});
}

http::Reply AuthController::reset(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto token = r.required_raw_string("token", 1, 200);
  auto password = r.required_raw_string("password", kPasswordMin, kPasswordMax);
  if (auto e = r.error()) co_return problem(*e);
  auto done = co_await service_.reset_password(*token, *password, client_info(req));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply AuthController::change_password(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto current = r.required_raw_string("currentPassword", 1, 1024);
  auto next = r.required_raw_string("newPassword", kPasswordMin, kPasswordMax);
  if (auto e = r.error()) co_return problem(*e);
  auto done = co_await service_.change_password(*req.principal, *current, *next, client_info(req));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

}  // namespace declic::auth
