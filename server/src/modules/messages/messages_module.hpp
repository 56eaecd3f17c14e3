#pragma once
#include "core/module.hpp"
#include "modules/messages/messages_service.hpp"

namespace declic::messages {
// /api/conversations/*, /api/messages/{id}/follow-up, /api/saved-replies.
MessagesService& install(core::ModuleContext& m, const MessagesService::Imports& imports);
}  // namespace declic::messages
