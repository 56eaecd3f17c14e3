#pragma once
#include "core/http/http.hpp"
#include "modules/notifications/notifications_service.hpp"

namespace declic::notifications {

// HTTP for /api/notifications* and /api/me/notification-preferences.
class NotificationsController {
 public:
  explicit NotificationsController(NotificationsService& service) : service_(service) {}

  core::http::Reply list(core::http::Request& req);
  core::http::Reply read(core::http::Request& req);
  core::http::Reply preferences(core::http::Request& req);
  core::http::Reply set_preferences(core::http::Request& req);

 private:
  NotificationsService& service_;
};

}  // namespace declic::notifications
