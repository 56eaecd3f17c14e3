#pragma once
#include "core/http/http.hpp"
#include "modules/projects/projects_service.hpp"
#include "modules/users/users_service.hpp"

namespace declic::projects {

// HTTP for /api/projects: decode, call the service, encode.
class ProjectsController {
 public:
  explicit ProjectsController(ProjectsService& service) : service_(service) {}

  using Response = boost::asio::awaitable<core::http::Response>;
  Response list(core::http::Request& req);
  Response get(core::http::Request& req);
  Response update(core::http::Request& req);

 private:
  ProjectsService& service_;
};

// The client's projects (newest first, the first 50) in GET /api/users/{id}/overview.
class ProjectsOverview final : public users::OverviewPart {
 public:
  explicit ProjectsOverview(ProjectsService& service) : service_(service) {}
  std::string_view field() const override { return "projects"; }
  Async<std::string> overview(const Principal& me, const std::string& user_id) override;

 private:
  ProjectsService& service_;
};

}  // namespace declic::projects
