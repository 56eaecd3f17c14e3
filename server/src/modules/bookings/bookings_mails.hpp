#pragma once
// The booking e-mails, in the recipient's language, times in the studio's time zone. Each
// change is mailed to "the other side": the professional when the client acts, the client
// when staff act.

#include "core/mail/mail.hpp"
#include "modules/bookings/bookings_model.hpp"

#include <string>

namespace declic::bookings {

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

}  // namespace declic::bookings
