#pragma once
#include "core/http/http.hpp"
#include "modules/projects/projects_service.hpp"

namespace declic::projects {

// HTTP for /api/projects: decode, call the service, encode.
class ProjectsController {
 public:
  explicit ProjectsController(ProjectsService& service) : service_(service) {}

  core::http::Reply list(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply update(core::http::Request& req);

 private:
  ProjectsService& service_;
};

}  // namespace declic::projects
