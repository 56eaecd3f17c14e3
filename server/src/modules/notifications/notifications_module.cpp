#include "modules/notifications/notifications_module.hpp"

#include "modules/notifications/notifications_controller.hpp"

namespace declic::notifications {

namespace {

void subscribe(core::events::Bus& events, NotificationsService& service) {
  using core::events::Event;
  using core::events::StoredEvent;
  const auto notify = [&service](core::db::Queryable& tx, const StoredEvent& e) {
    return service.notify(tx, e);
  };
  for (const auto* type :
       {"booking.*", "project.status_changed", "message.created", "contract.sent",
        "contract.signed", "contract.countersigned", "gallery.published", "gallery.expiring"})
    events.after_commit("notifications", type, notify);
  // Read in the conversation: read in the bell, in the same transaction.
  events.on("message.read", [&service](core::db::Queryable& tx, const Event& e) {
    return service.conversation_read(tx, e);
  });
  events.after_commit(
      "notifications.mail", "notification.mail_due",
      [&service](core::db::Queryable& tx, const StoredEvent& e) { return service.mail(tx, e); });
  events.expose("notification.created", "notification");
}

}  // namespace

NotificationsService& install(core::ModuleContext& m, const NotificationsService::Imports& imports,
                              Options options) {
  auto& service =
      m.own(std::make_unique<NotificationsService>(m.db, m.events, imports, std::move(options)));
  subscribe(m.events, service);

  auto& c = m.own(std::make_unique<NotificationsController>(service));
  const auto& signed_in = m.guards.signed_in;
  m.router.get("/api/notifications", c, &NotificationsController::list).guard(signed_in);
  m.router.post("/api/notifications/read", c, &NotificationsController::read).guard(signed_in);
  m.router.get("/api/me/notification-preferences", c, &NotificationsController::preferences)
      .guard(signed_in);
  m.router.put("/api/me/notification-preferences", c, &NotificationsController::set_preferences)
      .guard(signed_in);
  return service;
}

}  // namespace declic::notifications
