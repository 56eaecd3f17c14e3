#include "modules/users/users_controller.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::users {

namespace json = boost::json;
using core::Error;
using core::http::JsonReader;
using core::http::Request;
namespace http = core::http;

json::value profile_json(const UserProfile& p) {
  json::object o{{"id", p.id},
                 {"email", p.email},
                 {"role", core::auth::to_string(p.role)},
                 {"firstName", p.first_name},
                 {"lastName", p.last_name},
                 {"locale", p.locale},
                 {"createdAt", p.created_at}};
  o["phone"] = p.phone ? json::value(*p.phone) : json::value(nullptr);
  return o;
}

json::value user_json(const User& u, bool staff_view) {
  auto o = profile_json(u.profile).as_object();
  if (staff_view) {
    o["notes"] = u.notes ? json::value(*u.notes) : json::value(nullptr);
    o["disabled"] = u.disabled;
    o["invitationPending"] = !u.has_password;
  }
  return o;
}

namespace {

constexpr std::size_t kNameMax = 100, kPhoneMax = 40, kNotesMax = 10000;

http::Response problem(const Error& e) { return http::Response::problem(e); }

std::optional<Role> read_role(JsonReader& r, bool required) {
  auto role = required ? r.required_string("role", 1, 20) : r.optional_string("role", 1, 20);
  if (!role) return std::nullopt;
  auto parsed = core::auth::role_from(*role);
  if (!parsed) r.invalid("role", "invalid", "Choose CLIENT, PROFESSIONNEL or ADMIN.");
  return parsed;
}

// A nullable text field: absent → leave; null or "" → clear; text → set.
std::optional<std::optional<std::string>> read_nullable(JsonReader& r, const char* field,
                                                       std::size_t max) {
  if (!r.has(field)) return std::nullopt;
  if (r.is_null(field)) return std::optional<std::string>{};
  auto v = r.optional_string(field, 0, max);
  if (!v) return std::nullopt;
  if (v->empty()) return std::optional<std::string>{};
  return v;
}

http::Response page_json(const UserPage& page) {
  json::array items;
  for (const auto& u : page.items) items.push_back(user_json(u, true));
  return http::json_reply(200, http::list_body(std::move(items), page.next_cursor));
}

}  // namespace

std::optional<std::string> read_email(JsonReader& r) {
  auto email = r.required_string("email", 1, 254);
  if (!email) return std::nullopt;
  auto normalized = normalize_email(*email);
  if (!normalized) r.invalid("email", "invalid", "Enter a valid e-mail address.");
  return normalized;
}

std::optional<std::string> read_locale(JsonReader& r) {
  auto locale = r.optional_string("locale", 2, 2);
  if (locale && *locale != "fr" && *locale != "en") {
    r.invalid("locale", "invalid", "Choose fr or en.");
    return std::nullopt;
  }
  return locale;
}

UsersController::Response UsersController::me(Request& req) {
  co_return http::json_reply(200, profile_json(req.principal->user));
}

UsersController::Response UsersController::update_me(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  // `role` and `email` are not the caller's to change here: they are ignored.
  JsonReader r(*body);
  ProfilePatch patch;
  patch.first_name = r.optional_string("firstName", 1, kNameMax);
  patch.last_name = r.optional_string("lastName", 1, kNameMax);
  patch.phone = read_nullable(r, "phone", kPhoneMax);
  patch.locale = read_locale(r);
  if (auto e = r.error()) co_return problem(*e);
  auto updated = co_await service_.update_me(*req.principal, patch);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, profile_json(*updated));
}

UsersController::Response UsersController::list(Request& req) {
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
  if (auto limit = http::read_limit(req, 200, errors)) query.limit = *limit;  // capped
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  if (auto cursor = req.query_param("cursor"); cursor && !cursor->empty()) query.cursor = *cursor;
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  co_return page_json(*page);
}

UsersController::Response UsersController::create(Request& req) {
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

UsersController::Response UsersController::get(Request& req) {
  auto user = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!user) co_return problem(user.error());
  co_return http::json_reply(200, user_json(*user, req.principal->is_staff()));
}

UsersController::Response UsersController::update(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  UserPatch patch;
  patch.first_name = r.optional_string("firstName", 1, kNameMax);
  patch.last_name = r.optional_string("lastName", 1, kNameMax);
  patch.phone = read_nullable(r, "phone", kPhoneMax);
  patch.notes = read_nullable(r, "notes", kNotesMax);
  patch.locale = read_locale(r);
  patch.role = read_role(r, false);
  patch.disabled = r.optional_bool("disabled");
  if (auto e = r.error()) co_return problem(*e);
  auto user = co_await service_.update(*req.principal, std::string(req.param("id")), patch,
                                       req.remote_ip);
  if (!user) co_return problem(user.error());
  co_return http::json_reply(200, user_json(*user, true));
}

UsersController::Response UsersController::remove(Request& req) {
  auto done = co_await service_.disable(*req.principal, std::string(req.param("id")),
                                        req.remote_ip);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

// Everything linked to a client on one page: the profile, then each other module's part
// (bookings, projects; contracts and galleries as their modules land).
UsersController::Response UsersController::overview(Request& req) {
  auto user = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!user) co_return problem(user.error());
  json::object body{{"user", user_json(*user, req.principal->is_staff())}};
  for (auto* part : service_.overview_parts()) {
    auto text = co_await part->overview(*req.principal, user->profile.id);
    if (!text) co_return problem(text.error());
    body[part->field()] = json::parse(*text);
  }
  co_return http::json_reply(200, body);
}

}  // namespace declic::users
