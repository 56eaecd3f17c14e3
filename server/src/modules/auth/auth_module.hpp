#pragma once
#include "core/module.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

namespace declic::auth {

struct Imports {
  users::UsersService& users;
  audit::AuditService& audit;
  settings::SettingsService& settings;
};

// /api/auth/* and POST /api/me/password; installs the bearer-token check every guard uses,
// and the in-transaction subscribers that invite new accounts (user.created) and end a
// disabled user's sessions (user.disabled).
AuthService& install(core::ModuleContext& m, const Imports& imports, const std::string& jwt_secret,
                     AuthOptions options);

}  // namespace declic::auth
