#pragma once
#include "core/module.hpp"
#include "modules/notifications/notifications_service.hpp"

namespace declic::notifications {

// /api/notifications*, /api/me/notification-preferences; turns the booking, project and
// message events into notifications and their mails.
NotificationsService& install(core::ModuleContext& m, const NotificationsService::Imports& imports,
                              Options options);

}  // namespace declic::notifications
