#include "modules/galleries/galleries_module.hpp"

#include "modules/galleries/galleries_controller.hpp"
#include "modules/galleries/uploads_controller.hpp"

namespace declic::galleries {

namespace {

void subscribe(core::events::Bus& events, GalleriesService& service) {
  events.on("file.downloaded", [&service](core::db::Queryable& tx, const core::events::Event& e) {
    return service.on_file_downloaded(tx, e);
  });
  events.expose("gallery.published", "gallery.published");
  events.expose("gallery.*", "gallery.updated");
}

void route_galleries(core::ModuleContext& m, GalleriesController& c) {
  const auto& g = m.guards;
  auto& r = m.router;
  r.post("/api/projects/{id}/galleries", c, &GalleriesController::create).guard(g.staff);
  r.get("/api/galleries", c, &GalleriesController::list).guard(g.signed_in);
  r.get("/api/galleries/usage", c, &GalleriesController::usage).guard(g.staff);
  r.get("/api/galleries/{id}", c, &GalleriesController::get).guard(g.signed_in);
  r.patch("/api/galleries/{id}", c, &GalleriesController::update).guard(g.staff);
  r.del("/api/galleries/{id}", c, &GalleriesController::remove).guard(g.staff);
  r.post("/api/galleries/{id}/publish", c, &GalleriesController::publish).guard(g.staff);
  r.put("/api/galleries/{id}/order", c, &GalleriesController::reorder).guard(g.staff);
  r.get("/api/galleries/{id}/files", c, &GalleriesController::photos).guard(g.signed_in);
  r.post("/api/galleries/{id}/selection", c, &GalleriesController::submit).guard(g.signed_in);
  r.get("/api/galleries/{id}/selection", c, &GalleriesController::selection).guard(g.staff);
  r.post("/api/galleries/{id}/selection/reopen", c, &GalleriesController::reopen).guard(g.staff);
  r.get("/api/galleries/{id}/downloads", c, &GalleriesController::downloads).guard(g.staff);
  // A signed link: whoever holds it, for as long as it lives.
  r.get("/api/galleries/{id}/archive", c, &GalleriesController::archive);
  r.post("/api/galleries/{id}/shares", c, &GalleriesController::create_share).guard(g.staff);
  r.get("/api/galleries/{id}/shares", c, &GalleriesController::shares).guard(g.staff);
  r.del("/api/galleries/{id}/shares/{shareId}", c, &GalleriesController::revoke_share)
      .guard(g.staff);
  // Guests: the link's token, then the PIN.
  r.post("/api/shares/{token}/unlock", c, &GalleriesController::unlock_share);
  r.get("/api/shares/{token}", c, &GalleriesController::shared);
  r.del("/api/files/{id}", c, &GalleriesController::remove_photo).guard(g.staff);
  r.put("/api/files/{id}/favorite", c, &GalleriesController::favorite).guard(g.signed_in);
  r.del("/api/files/{id}/favorite", c, &GalleriesController::favorite).guard(g.signed_in);
  r.put("/api/files/{id}/comment", c, &GalleriesController::comment).guard(g.signed_in);
}

void route_uploads(core::ModuleContext& m, UploadsController& c, std::int64_t max_size) {
  using core::http::BodyReader;
  using core::http::Request;
  const auto& g = m.guards;
  auto& r = m.router;
  r.add("OPTIONS", "/api/uploads", [&c](Request& req) { return c.options(req); });
  r.stream("POST", "/api/uploads",
           [&c](Request& req, BodyReader& body) { return c.create(req, body); })
      .guard(g.staff)
      .body_limit(static_cast<std::size_t>(max_size));
  r.get("/api/uploads/{id}", [&c](Request& req) { return c.head(req); }).guard(g.staff);
  r.stream("PATCH", "/api/uploads/{id}",
           [&c](Request& req, BodyReader& body) { return c.append(req, body); })
      .guard(g.staff)
      .body_limit(static_cast<std::size_t>(max_size));
  r.del("/api/uploads/{id}", [&c](Request& req) { return c.terminate(req); }).guard(g.staff);
}

}  // namespace

GalleriesService& install(core::ModuleContext& m, const GalleriesService::Imports& imports,
                          Options options) {
  const auto max_size = options.max_file_bytes;
  auto& service = m.own(
      std::make_unique<GalleriesService>(m.db, m.events, m.executor, imports, std::move(options)));
  auto& uploads =
      m.own(std::make_unique<UploadsService>(m.db, service, imports.files.store(), m.blocking));
  subscribe(m.events, service);
  m.housekeeping.add("expired_uploads", [&uploads] { return uploads.purge_expired(); });
  m.housekeeping.add("gallery_expiry_reminders", [&service] { return service.remind_expiring(); });
  route_galleries(m, m.own(std::make_unique<GalleriesController>(service, m.blocking)));
  route_uploads(m, m.own(std::make_unique<UploadsController>(uploads, max_size)), max_size);
  m.background.push_back({[&service] { service.start(); }, [&service] { service.stop(); }});
  return service;
}

}  // namespace declic::galleries
