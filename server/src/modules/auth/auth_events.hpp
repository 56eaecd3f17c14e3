#pragma once
// The domain events the auth module publishes. Subscribers: auth itself (every server's
// principal cache forgets the user).
//
//   session.ended  {reason}  sessions of the subject user were revoked: one (logout,
//                            refresh_reuse) or all but one (password_changed, password_reset,
//                            disabled)

#include "core/events/events.hpp"

#include <string>

namespace declic::auth {

core::events::Event sessions_ended_event(const std::string& user_id, const std::string& reason);

}  // namespace declic::auth
