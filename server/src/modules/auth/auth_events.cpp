#include "modules/auth/auth_events.hpp"

namespace declic::auth {

core::events::Event sessions_ended_event(const std::string& user_id, const std::string& reason) {
  core::events::Event e;
  e.type = "session.ended";
  e.subject_id = user_id;
  e.data["reason"] = reason;
  e.audience = {false, {user_id}};  // their own devices only
  return e;
}

}  // namespace declic::auth
