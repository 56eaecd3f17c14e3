#pragma once
// Reading events back from SQL rows (internal to core/events). The columns, from `first`:
// id, type, subject_id, actor_id, data (text), to_staff, to_users (comma-separated),
// created_at (RFC 3339).

#include "core/events/events.hpp"

#include <boost/json/parse.hpp>

namespace declic::core::events {

inline std::vector<std::string> split_ids(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const auto comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

inline StoredEvent decode_event(const db::Row& r, int first) {
  StoredEvent e;
  e.id = r.get<std::int64_t>(first);
  e.type = r.get<std::string>(first + 1);
  e.subject_id = r.get<std::string>(first + 2);
  e.actor_id = r.get<std::optional<std::string>>(first + 3);
  if (auto data = boost::json::parse(r.text(first + 4)); data.is_object())
    e.data = std::move(data.as_object());
  e.audience.staff = r.get<bool>(first + 5);
  e.audience.users = split_ids(r.text(first + 6));
  e.created_at = r.get<std::string>(first + 7);
  return e;
}

}  // namespace declic::core::events
