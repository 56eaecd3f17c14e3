#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

namespace declic::auth {

struct AuthModule {
  AuthService& service;
  const core::auth::Guards& guards;
};

// Wires /api/auth/* and POST /api/me/password; returns the guards other modules use.
AuthModule register_module(core::http::Router& router, app::AppContext& ctx,
                           users::UsersService& users, audit::AuditService& audit,
                           settings::SettingsService& settings);

}  // namespace declic::auth
