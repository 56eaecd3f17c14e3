#pragma once
// The domain events the users module publishes. Subscribers: auth (invites a user created
// without a password, ends the sessions of a disabled one, keeps its cache of signed-in users
// current), audit (records each but user.updated).
//
//   user.created       {role, invited}       a staff member created the account
//   user.updated       {}                    name, phone or language changed
//   user.role_changed  {from, to}
//   user.disabled      {}                    the account can no longer sign in
//   user.enabled       {}

#include "core/auth/principal.hpp"
#include "core/events/events.hpp"
#include "modules/users/users_model.hpp"

namespace declic::users {

core::events::Event created_event(const core::auth::Principal& me, const User& user,
                                  const std::string& ip);
core::events::Event updated_event(const core::auth::Principal& me, const std::string& id);
core::events::Event role_changed_event(const core::auth::Principal& me, const std::string& id,
                                       Role from, Role to, const std::string& ip);
core::events::Event access_event(const core::auth::Principal& me, const std::string& id,
                                 bool disabled, const std::string& ip);

}  // namespace declic::users
