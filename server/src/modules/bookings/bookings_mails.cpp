#include "modules/bookings/bookings_mails.hpp"

namespace declic::bookings {

namespace {

struct Words {
  const char* subject;
  const char* line;
};

Words words(MailEvent e, bool en) {
  switch (e) {
    case MailEvent::requested:
      return en ? Words{"New booking request", "A booking was requested:"}
                : Words{"Nouvelle demande de réservation", "Une réservation a été demandée :"};
    case MailEvent::confirmed:
      return en ? Words{"Booking confirmed", "Your booking is confirmed:"}
                : Words{"Réservation confirmée", "Votre réservation est confirmée :"};
    case MailEvent::declined:
      return en ? Words{"Booking declined", "Your booking request was declined:"}
                : Words{"Réservation refusée", "Votre demande de réservation a été refusée :"};
    case MailEvent::cancelled:
      return en ? Words{"Booking cancelled", "This booking is cancelled:"}
                : Words{"Réservation annulée", "Cette réservation est annulée :"};
    case MailEvent::rescheduled:
      return en ? Words{"Booking moved", "This booking has a new time:"}
                : Words{"Réservation déplacée", "Cette réservation a un nouvel horaire :"};
  }
  return {"", ""};
}

}  // namespace

core::mail::MailMessage booking_mail(const BookingMail& m) {
  const bool en = m.to.locale == "en";
  const auto w = words(m.event, en);
  std::string text = (en ? "Hello " : "Bonjour ") + m.to.first_name + ",\n\n" + w.line + "\n\n" +
                     "  " + m.service_name + "\n  " + m.when + "\n  " +
                     (en ? "Client: " : "Client : ") + m.client_name + "\n";
  if (m.reason) text += "\n" + std::string(en ? "Reason: " : "Motif : ") + *m.reason + "\n";
  text += "\n" + m.studio_name + "\n";
  return {m.to.email, std::string(w.subject) + " — " + m.studio_name, text};
}

}  // namespace declic::bookings
