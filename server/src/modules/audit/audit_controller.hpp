#pragma once
#include "core/http/http.hpp"
#include "modules/audit/audit_service.hpp"

namespace declic::audit {

// HTTP for GET /api/audit.
class AuditController {
 public:
  explicit AuditController(AuditService& service) : service_(service) {}
  boost::asio::awaitable<core::http::Response> list(core::http::Request& req);

 private:
  AuditService& service_;
};

}  // namespace declic::audit
