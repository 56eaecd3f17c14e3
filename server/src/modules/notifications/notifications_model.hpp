#pragma once
// Notifications: what a user is told in the app (the bell) and, as they choose per kind, by
// mail — at once, in a daily digest, or not at all. A notification's `data` is what the web
// app needs to write its sentence and link, as JSON text.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::notifications {

enum class Kind { messages, bookings, projects };
enum class MailMode { instant, digest, off };

inline constexpr std::array<Kind, 3> kKinds{Kind::messages, Kind::bookings, Kind::projects};

std::string_view to_string(Kind k);
std::optional<Kind> kind_from(std::string_view text);
std::string_view to_string(MailMode m);
std::optional<MailMode> mail_mode_from(std::string_view text);

struct Notification {
  std::string id;
  std::int64_t seq = 0;
  std::string user_id;
  Kind kind = Kind::bookings;
  std::string type;  // booking.confirmed, project.status_changed, message.created…
  std::string subject_id;
  std::string data_json;
  std::string created_at;
  std::optional<std::string> read_at;
};

struct NotificationPage {
  std::vector<Notification> items;
  std::optional<std::string> next_cursor;
  std::int64_t unread_count = 0;
};

struct Preferences {
  MailMode messages = MailMode::instant, bookings = MailMode::instant, projects = MailMode::instant;
  MailMode& of(Kind k) {
    return k == Kind::messages ? messages : k == Kind::bookings ? bookings : projects;
  }
  MailMode of(Kind k) const { return const_cast<Preferences&>(*this).of(k); }
};

}  // namespace declic::notifications
