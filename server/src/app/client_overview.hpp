#pragma once
#include "app/wiring.hpp"

namespace declic::app {
// GET /api/users/{id}/overview: everything linked to a client on one page — the profile,
// their bookings (latest start first) and projects (newest first) — composed here from the
// modules' services, so none of them needs to know the others.
void install_client_overview(core::ModuleContext& m, const Modules& modules);
}  // namespace declic::app
