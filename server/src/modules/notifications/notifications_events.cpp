#include "modules/notifications/notifications_events.hpp"

namespace declic::notifications {

using core::events::Event;

Event created_event(const Notification& n) {
  Event e;
  e.type = "notification.created";
  e.subject_id = n.id;
  e.audience = {false, {n.user_id}};
  e.data = {{"notificationId", n.id}, {"kind", to_string(n.kind)}, {"type", n.type}};
  return e;
}

Event mail_due_event(const std::string& user_id, Kind kind,
                     std::chrono::system_clock::time_point at) {
  Event e;
  e.type = "notification.mail_due";
  e.subject_id = user_id;
  e.data = {{"userId", user_id}, {"kind", to_string(kind)}};
  e.not_before = at;
  return e;
}

}  // namespace declic::notifications
