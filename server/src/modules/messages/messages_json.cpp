#include "modules/messages/messages_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::messages {

namespace json = boost::json;

json::value message_json(const Message& m, const core::auth::Principal& viewer,
                         const LinkFor& link) {
  json::array attachments;
  for (const auto& a : m.attachments)
    attachments.push_back({{"id", a.id},
                           {"name", a.name},
                           {"mimeType", a.mime_type},
                           {"sizeBytes", a.size_bytes},
                           {"url", link(a.id)}});
  json::value author = nullptr;
  if (m.author)
    author = {{"id", m.author->id},
              {"firstName", m.author->first_name},
              {"lastName", m.author->last_name}};
  json::value booking = nullptr;
  if (m.booking)
    booking = {{"id", m.booking->id},
               {"start", m.booking->start},
               {"status", m.booking->status},
               {"serviceName", m.booking->service_name}};
  json::value project = nullptr;
  if (m.project)
    project = {{"id", m.project->id},
               {"status", m.project->status},
               {"serviceName", m.project->service_name}};
  return json::object{{"id", m.id},
                      {"seq", m.seq},
                      {"conversationId", m.conversation_id},
                      {"body", m.body},
                      {"fromStaff", m.from_staff},
                      {"author", std::move(author)},
                      {"createdAt", m.created_at},
                      {"booking", std::move(booking)},
                      {"project", std::move(project)},
                      {"attachments", std::move(attachments)},
                      {"followUp", viewer.is_staff() && m.follow_up}};
}

json::value conversation_json(const Conversation& c, const core::auth::Principal& viewer,
                              const LinkFor& link) {
  json::value last = nullptr;
  if (c.last_message) last = message_json(*c.last_message, viewer, link);
  return json::object{{"id", c.id},
                      {"client",
                       {{"id", c.client.id},
                        {"firstName", c.client.first_name},
                        {"lastName", c.client.last_name},
                        {"email", c.client.email}}},
                      {"lastMessage", std::move(last)},
                      {"lastMessageAt", core::http::nullable(c.last_message_at)},
                      {"unreadCount", c.unread_count},
                      {"clientReadSeq", c.client_read_seq},
                      {"studioReadSeq", c.studio_read_seq},
                      {"followUpCount", viewer.is_staff() ? c.follow_up_count : 0}};
}

json::value attachment_json(const files::StoredFile& f) {
  return {{"id", f.id}, {"name", f.name}, {"mimeType", f.mime_type}, {"sizeBytes", f.size_bytes}};
}

json::value saved_reply_json(const SavedReply& r) {
  return {{"id", r.id},
          {"title", r.title},
          {"body", r.body},
          {"createdAt", r.created_at},
          {"updatedAt", r.updated_at}};
}

}  // namespace declic::messages
