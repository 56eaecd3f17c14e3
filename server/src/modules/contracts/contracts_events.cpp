#include "modules/contracts/contracts_events.hpp"

namespace declic::contracts {

core::events::Event contract_event(std::string_view what, const Contract& c, const Witness& w,
                                   const std::optional<std::string>& reason) {
  core::events::Event e;
  e.type = "contract." + std::string(what);
  e.subject_id = c.id;
  e.actor_id = w.actor_id;
  e.ip = w.ip;
  // Never sent: still the studio's draft, even when it is voided.
  const bool draft = !c.sent_at;
  e.audience = {true, draft ? std::vector<std::string>{} : std::vector<std::string>{c.client.id}};
  e.data = {{"contractId", c.id},
            {"projectId", c.project_id},
            {"clientId", c.client.id},
            {"status", to_string(c.status)},
            {"title", c.title},
            {"serviceName", c.service.name},
            {"clientName", c.client.first_name + " " + c.client.last_name}};
  if (reason) e.data["reason"] = *reason;
  return e;
}

core::events::Event template_removed_event(const std::string& template_id, const Witness& w) {
  core::events::Event e;
  e.type = "contract_template.removed";
  e.subject_id = template_id;
  e.actor_id = w.actor_id;
  e.ip = w.ip;
  e.audience.staff = true;
  return e;
}

}  // namespace declic::contracts
