#pragma once
#include "core/http/http.hpp"
#include "modules/files/files_service.hpp"

namespace declic::files {

// HTTP for GET /api/files/{id}/content: a file's bytes for whoever holds a valid link.
class FilesController {
 public:
  explicit FilesController(FilesService& service) : service_(service) {}
  core::http::Reply content(core::http::Request& req);

 private:
  FilesService& service_;
};

// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback, and the
// name itself percent-encoded.
std::string content_disposition(std::string_view name);

}  // namespace declic::files
