#include "modules/services/services_events.hpp"

namespace declic::services {

core::events::Event service_event(std::string type, const core::auth::Principal& me,
                                  const std::string& id, const std::string& ip) {
  core::events::Event e;
  e.type = std::move(type);
  e.subject_id = id;
  e.actor_id = me.id();
  e.ip = ip;
  e.audience.staff = true;
  return e;
}

}  // namespace declic::services
