#pragma once
// The booking e-mails, in the recipient's language, times in the studio's time zone. Each
// change is mailed to "the other side": the professional when the client acts, the client
// when staff act. Sent after commit, from the booking events (an after-commit group whose
// transaction writes the outbox row and retires the event's job together: one mail per
// event, even when the handler is retried).

#include "core/async.hpp"
#include "core/events/events.hpp"
#include "core/mail/mail.hpp"
#include "modules/bookings/bookings_model.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

#include <string>

namespace declic::bookings {

class BookingsService;

enum class MailEvent { requested, confirmed, declined, cancelled, rescheduled };

struct BookingMail {
  MailEvent event;
  Person to;
  std::string studio_name;
  std::string when;  // "2027-03-14 09:00 (Europe/Paris)"
  std::string service_name;
  std::string client_name;
  std::optional<std::string> reason;
};

core::mail::MailMessage booking_mail(const BookingMail& m);

// The after-commit handler of the booking events.
class BookingMailer {
 public:
  BookingMailer(BookingsService& bookings, settings::SettingsService& settings,
                users::UsersService& users)
      : bookings_(bookings), settings_(settings), users_(users) {}

  core::Async<void> mail(core::db::Queryable& tx, const core::events::StoredEvent& e);

 private:
  BookingsService& bookings_;
  settings::SettingsService& settings_;
  users::UsersService& users_;
};

}  // namespace declic::bookings
