#include "modules/contracts/contracts_module.hpp"

#include "modules/contracts/contracts_controller.hpp"

#include <filesystem>
#include <stdexcept>

namespace declic::contracts {

namespace {
void subscribe(core::events::Bus& events, ContractsService& service) {
  using core::events::Event;
  events.on("project.created", [&service](core::db::Queryable& tx, const Event& e) {
    return service.prepare_for_project(tx, e);
  });
  events.on("project.status_changed", [&service](core::db::Queryable& tx, const Event& e) {
    return service.void_for_project(tx, e);
  });
  events.expose("contract.*", "contract.updated");
}
}  // namespace

ContractsService& install(core::ModuleContext& m, ModuleOptions options) {
  const auto seal_dir = (std::filesystem::path(options.service.data_dir) / "seal").string();
  auto seal = core::pdf::Seal::load_or_create(seal_dir, "Déclic — sceau du studio",
                                              options.seal_cert_file, options.seal_key_file);
  if (!seal) throw std::runtime_error(seal.error().detail);
  auto& service = m.own(std::make_unique<ContractsService>(
      m.db, m.events, m.blocking, std::move(options.service), std::move(*seal)));
  subscribe(m.events, service);
  auto& c = m.own(std::make_unique<ContractsController>(service));
  const auto& g = m.guards;
  auto& router = m.router;
  router.get("/api/contract-templates", c, &ContractsController::templates).guard(g.staff);
  router.post("/api/contract-templates", c, &ContractsController::add_template).guard(g.staff);
  router.get("/api/contract-templates/placeholders", c, &ContractsController::placeholders)
      .guard(g.staff);
  router.post("/api/contract-templates/preview", c, &ContractsController::preview).guard(g.staff);
  router.get("/api/contract-templates/{id}", c, &ContractsController::template_).guard(g.staff);
  router.patch("/api/contract-templates/{id}", c, &ContractsController::update_template)
      .guard(g.staff);
  router.del("/api/contract-templates/{id}", c, &ContractsController::remove_template)
      .guard(g.staff);

  // Signed in: a client reaches their own contracts only; the service answers 404.
  router.post("/api/contracts", c, &ContractsController::create).guard(g.staff);
  router.get("/api/contracts", c, &ContractsController::list).guard(g.signed_in);
  router.get("/api/contracts/{id}", c, &ContractsController::get).guard(g.signed_in);
  router.patch("/api/contracts/{id}", c, &ContractsController::edit).guard(g.staff);
  router.post("/api/contracts/{id}/send", c, &ContractsController::send).guard(g.staff);
  router.post("/api/contracts/{id}/sign", c, &ContractsController::sign).guard(g.signed_in);
  router.post("/api/contracts/{id}/countersign", c, &ContractsController::countersign)
      .guard(g.staff);
  router.post("/api/contracts/{id}/void", c, &ContractsController::void_).guard(g.staff);
  router.post("/api/contracts/{id}/reissue", c, &ContractsController::reissue).guard(g.staff);
  router.get("/api/contracts/{id}/trail", c, &ContractsController::trail).guard(g.signed_in);
  // A signed link, staff or the contract's client; anyone may check a document.
  router.get("/api/contracts/{id}/pdf", c, &ContractsController::pdf).guard(g.optional_sign_in);
  router.get("/api/contracts/{id}/verify", c, &ContractsController::verify);
  router
      .stream("POST", "/api/contracts/verify",
              [&c](core::http::Request& req, core::http::BodyReader& body) {
                return c.verify_document(req, body);
              })
      .body_limit(kMaxVerifiedPdf);
  return service;
}

}  // namespace declic::contracts
