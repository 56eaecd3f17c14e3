#pragma once
// Projects: what a confirmed booking becomes — the shoot, then editing and delivery. Staff
// move it along CONFIRMED → SHOT → EDITING → DELIVERED → CLOSED (or CANCELLED); every
// change and note goes into a timeline the client sees.

#include "core/util/cursor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::projects {

enum class ProjectStatus { confirmed, shot, editing, delivered, closed, cancelled };

std::string_view to_string(ProjectStatus s);
std::optional<ProjectStatus> project_status_from(std::string_view text);

// The regular path (projects_rules.cpp): one step forward, or CANCELLED from any open
// status. Anything else (a skip, a step back, leaving CLOSED or CANCELLED) needs an ADMIN's
// `force`.
bool transition_allowed(ProjectStatus from, ProjectStatus to);
// The statuses the regular path leads to from `from`, in flow order.
std::vector<ProjectStatus> next_statuses(ProjectStatus from);
bool is_open(ProjectStatus s);

struct TimelineEntry {
  std::string status;
  std::string at;  // RFC 3339
  std::optional<std::string> note;
  std::optional<std::string> by;  // user id; null once that user is deleted
  std::optional<std::string> by_name;
};

struct Project {
  std::string id;
  ProjectStatus status = ProjectStatus::confirmed;
  std::optional<std::string> due_date;  // YYYY-MM-DD
  std::string created_at, updated_at;
  std::int64_t created_us = 0;  // list cursor
  struct {
    std::string id, status, start, end;
  } booking;
  struct {
    std::string id, first_name, last_name, email;
  } client;
  struct {
    std::string id, name;
  } service;
  std::vector<TimelineEntry> timeline;  // oldest first; empty in lists
};

struct ProjectPatch {
  std::optional<ProjectStatus> status;
  std::optional<std::string> note;
  std::optional<std::optional<std::string>> due_date;  // null clears
  bool force = false;
};

struct ProjectQuery {
  std::optional<std::string> client_id;  // set for clients: their own only
  std::optional<ProjectStatus> status;
  int limit = 50;
  std::optional<core::Cursor> cursor;
};

struct ProjectPage {
  std::vector<Project> items;
  std::optional<std::string> next_cursor;
};

}  // namespace declic::projects
