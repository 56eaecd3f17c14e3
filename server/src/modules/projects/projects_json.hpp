#pragma once
#include "core/auth/principal.hpp"
#include "modules/projects/projects_model.hpp"

#include <boost/json/value.hpp>

namespace declic::projects {

// A project as `viewer` sees it: `nextStatuses` lists where they may move it (staff: the
// regular path; a client: nowhere), so the web app never keeps its own copy of the rules.
boost::json::value project_json(const Project& p, const core::auth::Principal& viewer);

}  // namespace declic::projects
