#pragma once
#include "core/http/http.hpp"
#include "modules/messages/messages_json.hpp"
#include "modules/messages/messages_service.hpp"

namespace declic::messages {

// HTTP for /api/conversations/*, /api/messages/{id}/follow-up and /api/saved-replies.
class MessagesController {
 public:
  explicit MessagesController(MessagesService& service) : service_(service) {}

  core::http::Reply open(core::http::Request& req);
  core::http::Reply list(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply messages(core::http::Request& req);
  core::http::Reply post(core::http::Request& req);
  core::http::Reply read(core::http::Request& req);
  core::http::Reply attach(core::http::Request& req, core::http::BodyReader& body);
  core::http::Reply follow_up(core::http::Request& req);
  core::http::Reply saved_replies(core::http::Request& req);
  core::http::Reply add_saved_reply(core::http::Request& req);
  core::http::Reply update_saved_reply(core::http::Request& req);
  core::http::Reply remove_saved_reply(core::http::Request& req);

 private:
  LinkFor links() const;
  MessagesService& service_;
};

}  // namespace declic::messages
