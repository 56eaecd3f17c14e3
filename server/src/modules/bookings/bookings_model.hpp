#pragma once
// Bookings: a client's request for a service at a free slot. PENDING until staff confirm
// (its project is then created) or decline it; the client or staff may cancel it, or move
// it to another free slot, while it is PENDING or CONFIRMED and the session's progress
// allows it (change_allowed). Prices are copied from the service when booked, so later
// catalogue changes never alter a booking.

#include "core/time/time.hpp"
#include "core/util/cursor.hpp"
#include "modules/projects/projects_model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::bookings {

using core::time::Instant;

// EXPIRED: a request nobody answered within the studio's delay (housekeeping sets it).
enum class BookingStatus { pending, confirmed, declined, cancelled, expired };
// `expire` is the system's, never offered to a user.
enum class BookingAction { confirm, decline, cancel, reschedule, expire };

std::string_view to_string(BookingStatus s);
std::optional<BookingStatus> booking_status_from(std::string_view text);
std::string_view to_string(BookingAction a);

struct Person {
  std::string id, first_name, last_name, email, locale;
};

struct Booking {
  std::string id;
  BookingStatus status = BookingStatus::pending;
  Instant start, end;
  struct {
    std::string id, name;
    int duration_minutes = 0;
  } service;
  Person client;
  std::string professional_id;
  std::int64_t price_cents = 0, deposit_cents = 0;
  std::string currency;
  std::optional<std::string> notes, status_reason, project_id;
  std::optional<projects::ProjectStatus> project_status;
  std::string created_at, updated_at;
};

// ---- the rules (bookings_rules.cpp, unit-tested) ---------------------------------------

// The status after `action`, or nullopt when the action is not allowed from `from`
// (a reschedule keeps the status).
std::optional<BookingStatus> next_status(BookingStatus from, BookingAction action);

// Who may still cancel or move a live booking. A client: only before its start, and only
// while its project (if any) is CONFIRMED. Staff: cancel unless the project is DELIVERED or
// CLOSED; move only while the project (if any) is CONFIRMED. Other actions: always true
// (next_status decides).
bool change_allowed(BookingAction action, bool by_client, bool started,
                    std::optional<projects::ProjectStatus> project);

// Every action the caller may take on `b` at `now`, in the order confirm, decline,
// reschedule, cancel: what the API answers as the booking's `actions`.
std::vector<BookingAction> allowed_actions(const Booking& b, bool staff, Instant now);
// The first moment after `now` when allowed_actions may answer otherwise for one of
// `bookings` (a session starts); nullopt: not before something else changes.
std::optional<Instant> next_change(const std::vector<Booking>& bookings, Instant now);

// ---- requests and queries ----------------------------------------------------------------

struct NewBooking {
  std::string service_id;
  Instant start;
  std::optional<std::string> notes;
  std::optional<std::string> client_id;  // staff booking for a client
};

// A booking moved: a new start, and a new end when staff change its length.
struct Move {
  Instant start;
  std::optional<Instant> end;
};

struct BookingQuery {
  std::optional<Instant> from, to;  // start times in [from, to)
  // Local dates in the studio zone, both included; the service turns them into from/to.
  std::optional<core::time::Date> from_date, to_date;
  std::optional<BookingStatus> status;
  std::optional<std::string> client_id;  // set for clients: their own only
  bool newest_first = false;             // by start, latest first (overviews)
  int limit = 100;
  std::optional<core::Cursor> cursor;
};

struct BookingPage {
  std::vector<Booking> items;
  std::optional<std::string> next_cursor;
};

}  // namespace declic::bookings
