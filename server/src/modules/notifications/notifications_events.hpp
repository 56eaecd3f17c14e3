#pragma once
// The events the notifications module publishes:
//
//   notification.created    {notificationId, kind, type}  for its user, live (the bell)
//   notification.mail_due   {userId, kind}                for no one: a mail to consider, not
//                                                         before its time (group
//                                                         "notifications.mail")

#include "core/events/events.hpp"
#include "modules/notifications/notifications_model.hpp"

#include <chrono>

namespace declic::notifications {

core::events::Event created_event(const Notification& n);
core::events::Event mail_due_event(const std::string& user_id, Kind kind,
                                   std::chrono::system_clock::time_point at);

}  // namespace declic::notifications
