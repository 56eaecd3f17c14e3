#include "modules/messages/messages_events.hpp"

namespace declic::messages {

using core::events::Event;

namespace {
Event conversation_event(std::string type, const core::auth::Principal& me,
                         const std::string& conversation_id, const std::string& client_id) {
  Event e;
  e.type = std::move(type);
  e.subject_id = conversation_id;
  e.actor_id = me.id();
  e.audience = {true, {client_id}};
  e.data = {{"conversationId", conversation_id}, {"clientId", client_id}};
  return e;
}
}  // namespace

Event created_event(const core::auth::Principal& me, const std::string& conversation_id,
                    const std::string& client_id, const std::string& message_id,
                    const std::string& ip) {
  auto e = conversation_event("message.created", me, conversation_id, client_id);
  e.ip = ip;
  e.data["messageId"] = message_id;
  e.data["fromStaff"] = me.is_staff();
  return e;
}

Event read_event(const core::auth::Principal& me, const std::string& conversation_id,
                 const std::string& client_id, std::int64_t seq) {
  auto e = conversation_event("message.read", me, conversation_id, client_id);
  e.data["readerIsStaff"] = me.is_staff();
  e.data["seq"] = seq;
  return e;
}

}  // namespace declic::messages
