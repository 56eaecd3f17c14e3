#include "modules/messages/messages_module.hpp"

#include "modules/messages/messages_controller.hpp"

namespace declic::messages {

MessagesService& install(core::ModuleContext& m, const MessagesService::Imports& imports) {
  auto& service = m.own(std::make_unique<MessagesService>(m.db, m.events, imports));
  m.events.expose("message.created", "message.created");
  m.events.expose("message.read", "message.read");

  auto& c = m.own(std::make_unique<MessagesController>(service));
  const auto& g = m.guards;
  auto& router = m.router;
  // Signed in: a client reaches their own conversation only; the service answers 404.
  router.post("/api/conversations", c, &MessagesController::open).guard(g.signed_in);
  router.get("/api/conversations", c, &MessagesController::list).guard(g.signed_in);
  router.get("/api/conversations/{id}", c, &MessagesController::get).guard(g.signed_in);
  router.get("/api/conversations/{id}/messages", c, &MessagesController::messages)
      .guard(g.signed_in);
  router.post("/api/conversations/{id}/messages", c, &MessagesController::post).guard(g.signed_in);
  router.post("/api/conversations/{id}/read", c, &MessagesController::read).guard(g.signed_in);
  router
      .stream("POST", "/api/conversations/{id}/attachments",
              [&c](core::http::Request& req, core::http::BodyReader& body) {
                return c.attach(req, body);
              })
      .guard(g.signed_in)
      .body_limit(kMaxAttachmentBytes);
  router.put("/api/messages/{id}/follow-up", c, &MessagesController::follow_up).guard(g.staff);
  router.del("/api/messages/{id}/follow-up", c, &MessagesController::follow_up).guard(g.staff);
  router.get("/api/saved-replies", c, &MessagesController::saved_replies).guard(g.staff);
  router.post("/api/saved-replies", c, &MessagesController::add_saved_reply).guard(g.staff);
  router.patch("/api/saved-replies/{id}", c, &MessagesController::update_saved_reply)
      .guard(g.staff);
  router.del("/api/saved-replies/{id}", c, &MessagesController::remove_saved_reply).guard(g.staff);
  return service;
}

}  // namespace declic::messages
