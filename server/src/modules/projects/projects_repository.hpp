#pragma once
#include "core/db/db.hpp"
#include "modules/projects/projects_model.hpp"

namespace declic::projects {

// SQL for projects and project_events. Reads join the booking, its client and service.
class ProjectsRepository {
 public:
  using Db = core::db::Queryable;
  template <class T>
  using Async = boost::asio::awaitable<core::Result<T>>;

  Async<std::string> insert(Db& tx, const std::string& booking_id);
  Async<void> add_event(Db& tx, const std::string& project_id, ProjectStatus status,
                        const std::optional<std::string>& note, const std::string& by);
  Async<std::optional<Project>> find(Db& db, const std::string& id);  // with its timeline
  Async<std::optional<std::string>> find_by_booking(Db& tx, const std::string& booking_id);
  Async<std::optional<std::string>> booking_of(Db& db, const std::string& id);
  // Status of the project, its row locked until the transaction ends.
  Async<std::optional<ProjectStatus>> lock(Db& tx, const std::string& id);
  Async<void> update(Db& tx, const std::string& id, ProjectStatus status,
                     const std::optional<std::optional<std::string>>& due_date);
  Async<ProjectPage> list(Db& db, const ProjectQuery& query);
};

}  // namespace declic::projects
