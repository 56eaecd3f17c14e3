#pragma once
// What a notification says: the `data` the web app writes its sentence from, and the mail
// that lists one user's notifications of one kind, in their language, times in the studio's
// zone, with a link back to the right page.

#include "core/mail/layout.hpp"
#include "core/mail/mail.hpp"
#include "core/time/time.hpp"
#include "modules/bookings/bookings_model.hpp"
#include "modules/messages/messages_model.hpp"
#include "modules/notifications/notifications_model.hpp"
#include "modules/projects/projects_model.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace declic::notifications {

std::string booking_data(const bookings::Booking& b, const std::optional<std::string>& reason,
                         bool by_client);
std::string project_data(const projects::Project& p, const std::string& from, const std::string& to,
                         const std::optional<std::string>& note);
std::string message_data(const messages::Message& m, const std::string& client_id);
// From a contract event's data: {contractId, projectId, title, serviceName, clientName}.
std::string contract_data(const boost::json::object& event_data);
std::string gallery_data(const boost::json::object& event_data);

struct Recipient {
  std::string email, first_name, locale;
  bool staff = false;
};

struct Studio {
  std::string name;
  core::time::Zone zone;
  std::string public_url;
  std::string address;    // where sessions happen, when the studio gave it
  core::mail::Look look;  // its colour and logo; the language is each recipient's
};

// One mail for `items` (one kind, oldest first, at least one).
core::mail::MailMessage notification_mail(const Recipient& to, const Studio& studio, Kind kind,
                                          const std::vector<Notification>& items);

}  // namespace declic::notifications
