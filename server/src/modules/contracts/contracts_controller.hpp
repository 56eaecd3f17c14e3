#pragma once
#include "core/http/http.hpp"
#include "modules/contracts/contracts_service.hpp"

namespace declic::contracts {

// HTTP for /api/contract-templates/* and /api/contracts/*.
class ContractsController {
 public:
  explicit ContractsController(ContractsService& service) : service_(service) {}

  core::http::Reply templates(core::http::Request& req);
  core::http::Reply template_(core::http::Request& req);
  core::http::Reply add_template(core::http::Request& req);
  core::http::Reply update_template(core::http::Request& req);
  core::http::Reply remove_template(core::http::Request& req);
  core::http::Reply placeholders(core::http::Request& req);
  core::http::Reply preview(core::http::Request& req);

  core::http::Reply create(core::http::Request& req);
  core::http::Reply list(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply edit(core::http::Request& req);
  core::http::Reply send(core::http::Request& req);
  core::http::Reply sign(core::http::Request& req);
  core::http::Reply countersign(core::http::Request& req);
  core::http::Reply void_(core::http::Request& req);
  core::http::Reply reissue(core::http::Request& req);
  core::http::Reply trail(core::http::Request& req);
  core::http::Reply pdf(core::http::Request& req);
  core::http::Reply verify(core::http::Request& req);
  core::http::Reply verify_document(core::http::Request& req, core::http::BodyReader& body);

 private:
  core::http::Response contract_reply(int status, const Contract& c) const;
  ContractsService& service_;
};

}  // namespace declic::contracts
