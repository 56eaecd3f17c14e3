#include "modules/audit/audit_module.hpp"

#include "modules/audit/audit_controller.hpp"

#include <boost/json.hpp>

#include <array>

namespace declic::audit {

namespace {

struct Audited {
  std::string_view type, action;
};

// The domain events the trail records, under the action names it has always used; the
// event's data is the record's detail.
constexpr std::array<Audited, 23> kAudited{{
    {"booking.requested", "booking.created"},
    {"booking.confirmed", "booking.confirm"},
    {"booking.declined", "booking.decline"},
    {"booking.cancelled", "booking.cancel"},
    {"booking.rescheduled", "booking.reschedule"},
    {"booking.expired", "booking.expire"},
    {"project.status_changed", "project.status_changed"},
    {"service.created", "service.created"},
    {"service.updated", "service.updated"},
    {"service.cover_changed", "service.cover_changed"},
    {"user.created", "user.created"},
    {"user.role_changed", "user.role_changed"},
    {"user.disabled", "user.disabled"},
    {"user.enabled", "user.enabled"},
    {"contract.created", "contract.created"},
    {"contract.edited", "contract.edited"},
    {"contract.sent", "contract.sent"},
    {"contract.signed", "contract.signed"},
    {"contract.countersigned", "contract.countersigned"},
    {"contract.voided", "contract.voided"},
    {"gallery.published", "gallery.published"},
    {"gallery.deleted", "gallery.deleted"},
    {"file.downloaded", "file.downloaded"},
}};

std::string action_for(const core::events::Event& e, std::string_view action) {
  return core::events::flag_of(e.data, "forced") ? "project.status_forced" : std::string(action);
}

}  // namespace

AuditService& install(core::ModuleContext& m) {
  auto& service = m.own(std::make_unique<AuditService>(m.db));
  for (const auto& audited : kAudited)
    m.events.on(std::string(audited.type),
                [&service, action = audited.action](
                    core::db::Queryable& tx, const core::events::Event& e) -> core::Async<void> {
                  const auto detail = boost::json::serialize(e.data);
                  const auto name = action_for(e, action);
                  co_return co_await service.record(tx, e.actor_id, name, e.subject_id, e.ip,
                                                    detail);
                });
  auto& c = m.own(std::make_unique<AuditController>(service));
  m.router.get("/api/audit", c, &AuditController::list).guard(m.guards.admin);
  return service;
}

}  // namespace declic::audit
