#pragma once
// The domain events the services module publishes, for the staff. Subscribers: audit (the
// trail), and every page kept in memory that shows a service (app/modules.cpp).
//
//   service.created        {}
//   service.updated        {} (archived too)
//   service.cover_changed  {}

#include "core/auth/principal.hpp"
#include "core/events/events.hpp"

namespace declic::services {

core::events::Event service_event(std::string type, const core::auth::Principal& me,
                                  const std::string& id, const std::string& ip);

}  // namespace declic::services
