#include "modules/users/users_events.hpp"

namespace declic::users {

using core::auth::to_string;
using core::events::Event;

namespace {
// The staff and the user concerned may see it.
Event user_event(std::string type, const core::auth::Principal& me, const std::string& id,
                 const std::string& ip) {
  Event e;
  e.type = std::move(type);
  e.subject_id = id;
  e.actor_id = me.id();
  e.ip = ip;
  e.audience = {true, {id}};
  return e;
}
}  // namespace

Event created_event(const core::auth::Principal& me, const User& user, const std::string& ip) {
  auto e = user_event("user.created", me, user.profile.id, ip);
  e.data["role"] = to_string(user.profile.role);
  e.data["invited"] = !user.has_password;
  return e;
}

Event updated_event(const core::auth::Principal& me, const std::string& id) {
  const std::string no_request_ip;  // not audited
  return user_event("user.updated", me, id, no_request_ip);
}

Event role_changed_event(const core::auth::Principal& me, const std::string& id, Role from, Role to,
                         const std::string& ip) {
  auto e = user_event("user.role_changed", me, id, ip);
  e.data["from"] = to_string(from);
  e.data["to"] = to_string(to);
  return e;
}

Event access_event(const core::auth::Principal& me, const std::string& id, bool disabled,
                   const std::string& ip) {
  return user_event(disabled ? "user.disabled" : "user.enabled", me, id, ip);
}

}  // namespace declic::users
