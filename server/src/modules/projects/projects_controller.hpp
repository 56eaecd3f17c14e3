#pragma once
#include "core/http/http.hpp"
#include "core/http/page_cache.hpp"
#include "modules/projects/projects_service.hpp"

namespace declic::projects {

// HTTP for /api/projects: decode, call the service, encode.
class ProjectsController {
 public:
  ProjectsController(ProjectsService& service, core::http::PageCache& pages)
      : service_(service), pages_(pages) {}

  core::http::Reply list(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply update(core::http::Request& req);

 private:
  ProjectsService& service_;
  core::http::PageCache& pages_;  // a project read
};

}  // namespace declic::projects
