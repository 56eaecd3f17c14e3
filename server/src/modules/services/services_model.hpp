#pragma once
// The service catalogue: what a client can book, for how long, at what price. A service
// belongs to one professional, whose working hours and bookings decide its free slots.
// Archived services (active = false) stay for the bookings that refer to them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace declic::services {

struct Service {
  std::string id;
  std::string professional_id;
  std::string name, description, category;
  int duration_minutes = 60;
  std::int64_t price_cents = 0;
  std::string currency;
  std::int64_t deposit_cents = 0;
  int buffer_before_minutes = 0, buffer_after_minutes = 0;
  int min_notice_hours = 0;
  bool active = true;
  bool professional_active = true;  // a disabled professional's services are not bookable
  std::optional<std::string> default_contract_template_id;  // a booking's draft contract
  std::vector<std::string> included;                        // what the price includes, a line each
  std::optional<std::string> cover_image_id;
  std::string created_at, updated_at;
};

// POST (required fields checked by the controller) and PATCH: absent fields stay.
struct ServicePatch {
  std::optional<std::string> professional_id, name, description, category, currency;
  std::optional<int> duration_minutes, buffer_before_minutes, buffer_after_minutes,
      min_notice_hours;
  std::optional<std::int64_t> price_cents, deposit_cents;
  std::optional<bool> active;
  std::optional<std::optional<std::string>> default_contract_template_id;  // null clears
  std::optional<std::vector<std::string>> included;
};

}  // namespace declic::services
