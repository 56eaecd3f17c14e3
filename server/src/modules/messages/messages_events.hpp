#pragma once
// The domain events the messages module publishes, for the conversation's client and the
// staff (live updates); the notifications module tells the other side of a new message.
//
//   message.created  {conversationId, messageId, clientId, fromStaff}
//   message.read     {conversationId, clientId, readerIsStaff, seq}

#include "core/auth/principal.hpp"
#include "core/events/events.hpp"

namespace declic::messages {

core::events::Event created_event(const core::auth::Principal& me,
                                  const std::string& conversation_id, const std::string& client_id,
                                  const std::string& message_id, const std::string& ip);
core::events::Event read_event(const core::auth::Principal& me, const std::string& conversation_id,
                               const std::string& client_id, std::int64_t seq);

}  // namespace declic::messages
