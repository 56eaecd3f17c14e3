#include "modules/bookings/bookings_model.hpp"

#include <array>

namespace declic::bookings {

namespace {
constexpr std::array<std::string_view, 5> kStatusNames{"PENDING", "CONFIRMED", "DECLINED",
                                                       "CANCELLED", "EXPIRED"};
constexpr std::array<std::string_view, 5> kActionNames{"confirm", "decline", "cancel", "reschedule",
                                                       "expire"};
}  // namespace

std::string_view to_string(BookingStatus s) {
  return kStatusNames[static_cast<std::size_t>(s)];
}
std::string_view to_string(BookingAction a) {
  return kActionNames[static_cast<std::size_t>(a)];
}

std::optional<BookingStatus> booking_status_from(std::string_view text) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == text) return static_cast<BookingStatus>(i);
  return std::nullopt;
}

std::optional<BookingStatus> next_status(BookingStatus from, BookingAction action) {
  const bool pending = from == BookingStatus::pending;
  const bool live = pending || from == BookingStatus::confirmed;
  switch (action) {
    case BookingAction::confirm:
      if (pending) return BookingStatus::confirmed;
      break;
    case BookingAction::decline:
      if (pending) return BookingStatus::declined;
      break;
    case BookingAction::cancel:
      if (live) return BookingStatus::cancelled;
      break;
    case BookingAction::reschedule:
      if (live) return from;
      break;
    case BookingAction::expire:
      if (pending) return BookingStatus::expired;
      break;
  }
  return std::nullopt;
}

bool change_allowed(BookingAction action, bool by_client, bool started,
                    std::optional<projects::ProjectStatus> project) {
  using projects::ProjectStatus;
  if (action != BookingAction::cancel && action != BookingAction::reschedule) return true;
  const bool project_confirmed = !project || *project == ProjectStatus::confirmed;
  if (by_client) return !started && project_confirmed;
  if (action == BookingAction::reschedule) return project_confirmed;
  return !project || (*project != ProjectStatus::delivered && *project != ProjectStatus::closed);
}

std::vector<BookingAction> allowed_actions(const Booking& b, bool staff, Instant now) {
  constexpr std::array<BookingAction, 4> kOrder{BookingAction::confirm, BookingAction::decline,
                                                BookingAction::reschedule, BookingAction::cancel};
  const bool started = now >= b.start;
  std::vector<BookingAction> out;
  for (auto action : kOrder) {
    const bool staff_only = action == BookingAction::confirm || action == BookingAction::decline;
    if (staff_only && !staff) continue;
    if (!next_status(b.status, action)) continue;
    if (!change_allowed(action, !staff, started, b.project_status)) continue;
    out.push_back(action);
  }
  return out;
}

std::optional<Instant> next_change(const std::vector<Booking>& bookings, Instant now) {
  std::optional<Instant> first;
  for (const auto& b : bookings)
    if (b.start > now && (!first || b.start < *first)) first = b.start;
  return first;
}

}  // namespace declic::bookings
