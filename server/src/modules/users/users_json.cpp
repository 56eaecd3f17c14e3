#include "modules/users/users_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::users {

boost::json::value user_json(const User& u, bool staff_view) {
  auto o = core::http::profile_json(u.profile).as_object();
  if (staff_view) {
    o["notes"] = core::http::nullable(u.notes);
    o["disabled"] = u.disabled;
    o["invitationPending"] = !u.has_password;
  }
  return o;
}

}  // namespace declic::users
