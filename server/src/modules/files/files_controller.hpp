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

}  // namespace declic::files
