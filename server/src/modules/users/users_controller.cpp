#include "modules/users/users_controller.hpp"

#include "core/http/json.hpp"
#include "modules/users/users_json.hpp"

#include <boost/json.hpp>

namespace declic::users {

namespace json = boost::json;
using core::Error;
using core::http::JsonReader;
using core::http::problem;
using core::http::read_email;
using core::http::read_locale;
using core::http::Request;
namespace http = core::http;

namespace {

constexpr std::size_t kNameMax = 100, kPhoneMax = 40, kNotesMax = 10000, kAddressMax = 300;

std::optional<Role> read_role(JsonReader& r, bool required) {
  auto role = required ? r.required_string("role", 1, 20) : r.optional_string("role", 1, 20);
  if (!role) return std::nullopt;
  auto parsed = core::auth::role_from(*role);
  if (!parsed) r.invalid("role", "invalid", "Choose CLIENT, PROFESSIONNEL or ADMIN.");
  return parsed;
}

}  // namespace

http::Reply UsersController::me(Request& req) {
  co_return http::json_reply(200, http::profile_json(req.principal->user));
}

http::Reply UsersController::update_me(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  // `role` and `email` are not the caller's to change here: they are ignored.
  JsonReader r(*body);
  ProfilePatch patch;
  patch.first_name = r.optional_string("firstName", 1, kNameMax);
  patch.last_name = r.optional_string("lastName", 1, kNameMax);
  patch.phone = r.nullable_string("phone", kPhoneMax);
  patch.address = r.nullable_string("address", kAddressMax);
  patch.locale = read_locale(r);
  if (auto e = r.error()) co_return problem(*e);
  auto updated = co_await service_.update_me(*req.principal, patch);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, http::profile_json(*updated));
}

http::Reply UsersController::list(Request& req) {
  UserQuery query;
  if (auto role = req.query_param("role"); role && !role->empty()) {
    query.role = core::auth::role_from(*role);
    if (!query.role) co_return problem(Error::validation({{"role", "invalid", "Unknown role."}}));
  }
  if (auto q = req.query_param("q")) {
    if (http::utf8_length(*q) > 200)
      co_return problem(Error::validation({{"q", "too_long", "At most 200 characters."}}));
    query.search = *q;
  }
  std::vector<core::FieldError> errors;
  auto page_query = http::read_list_query(req, 200, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  query.limit = page_query.limit.value_or(query.limit);
  query.cursor = std::move(page_query.cursor);
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  co_return http::list_reply(*page, [](const User& u) { return user_json(u, true); });
}

http::Reply UsersController::create(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  NewUser user;
  auto email = read_email(r);
  auto first = r.required_string("firstName", 1, kNameMax);
  auto last = r.required_string("lastName", 1, kNameMax);
  auto phone = r.optional_string("phone", 0, kPhoneMax);
  auto locale = read_locale(r);
  auto role = read_role(r, false);
  if (auto e = r.error()) co_return problem(*e);
  user.email = *email;
  user.first_name = *first;
  user.last_name = *last;
  if (phone && !phone->empty()) user.phone = phone;
  user.locale = locale.value_or("fr");
  user.role = role.value_or(Role::client);
  auto created = co_await service_.create(*req.principal, user, req.remote_ip);
  if (!created) co_return problem(created.error());
  co_return http::json_reply(201, user_json(*created, true));
}

http::Reply UsersController::get(Request& req) {
  auto user = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!user) co_return problem(user.error());
  co_return http::json_reply(200, user_json(*user, req.principal->is_staff()));
}

http::Reply UsersController::update(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  UserPatch patch;
  patch.first_name = r.optional_string("firstName", 1, kNameMax);
  patch.last_name = r.optional_string("lastName", 1, kNameMax);
  patch.phone = r.nullable_string("phone", kPhoneMax);
  patch.notes = r.nullable_string("notes", kNotesMax);
  patch.address = r.nullable_string("address", kAddressMax);
  patch.locale = read_locale(r);
  patch.role = read_role(r, false);
  patch.disabled = r.optional_bool("disabled");
  if (auto e = r.error()) co_return problem(*e);
  auto user =
      co_await service_.update(*req.principal, std::string(req.param("id")), patch, req.remote_ip);
  if (!user) co_return problem(user.error());
  co_return http::json_reply(200, user_json(*user, true));
}

http::Reply UsersController::remove(Request& req) {
  auto done =
      co_await service_.disable(*req.principal, std::string(req.param("id")), req.remote_ip);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

}  // namespace declic::users
