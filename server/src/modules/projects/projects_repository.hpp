#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/projects/projects_model.hpp"

namespace declic::projects {

using core::Async;

// A project's status under its row lock, with its booking's (for the rules that need it).
struct LockedProject {
  ProjectStatus status;
  bool booking_live = false;  // PENDING or CONFIRMED
  std::string booking_id, client_id;
};

// SQL for projects and project_events. Reads join the booking, its client and service.
class ProjectsRepository {
 public:
  using Db = core::db::Queryable;

  Async<std::string> insert(Db& tx, const std::string& booking_id);
  Async<void> add_event(Db& tx, const std::string& project_id, ProjectStatus status,
                        const std::optional<std::string>& note,
                        const std::optional<std::string>& by);
  Async<Project> get(Db& db, const std::string& id);  // with its timeline; 404 inside
  Async<std::optional<std::string>> find_by_booking(Db& tx, const std::string& booking_id);
  Async<std::string> booking_of(Db& db, const std::string& id);  // 404 inside
  // The project's row locked until the transaction ends; 404 inside.
  Async<LockedProject> lock(Db& tx, const std::string& id);
  Async<void> update(Db& tx, const std::string& id, ProjectStatus status,
                     const std::optional<std::optional<std::string>>& due_date);
  Async<ProjectPage> list(Db& db, const ProjectQuery& query);
};

}  // namespace declic::projects
