#include "modules/projects/projects_model.hpp"

#include <array>

namespace declic::projects {

namespace {
constexpr std::array<std::string_view, 6> kNames{"CONFIRMED", "SHOT",   "EDITING",
                                                 "DELIVERED", "CLOSED", "CANCELLED"};
}  // namespace

std::string_view to_string(ProjectStatus s) {
  return kNames[static_cast<std::size_t>(s)];
}

std::optional<ProjectStatus> project_status_from(std::string_view text) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == text) return static_cast<ProjectStatus>(i);
  return std::nullopt;
}

bool is_open(ProjectStatus s) {
  return s != ProjectStatus::closed && s != ProjectStatus::cancelled;
}

bool transition_allowed(ProjectStatus from, ProjectStatus to) {
  if (!is_open(from)) return false;
  if (to == ProjectStatus::cancelled) return true;
  return static_cast<int>(to) == static_cast<int>(from) + 1;
}

std::vector<ProjectStatus> next_statuses(ProjectStatus from) {
  std::vector<ProjectStatus> out;
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (transition_allowed(from, static_cast<ProjectStatus>(i)))
      out.push_back(static_cast<ProjectStatus>(i));
  return out;
}

}  // namespace declic::projects
