#include "modules/bookings/bookings_mails.hpp"

#include "core/error/try.hpp"
#include "modules/bookings/bookings_service.hpp"

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

namespace {

std::optional<MailEvent> mail_event(std::string_view type) {
  if (type == "booking.requested") return MailEvent::requested;
  if (type == "booking.confirmed") return MailEvent::confirmed;
  if (type == "booking.declined") return MailEvent::declined;
  if (type == "booking.cancelled") return MailEvent::cancelled;
  if (type == "booking.rescheduled") return MailEvent::rescheduled;
  return std::nullopt;
}

}  // namespace

core::Async<void> BookingMailer::mail(core::db::Queryable& tx, const core::events::StoredEvent& e) {
  const auto event = mail_event(e.type);
  if (!event) co_return core::Result<void>{};
  DECLIC_CO_TRY(auto booking, co_await bookings_.find(tx, e.subject_id));
  DECLIC_CO_TRY(auto studio, co_await settings_.settings(tx));
  const auto zone = core::time::Zone::find(studio.profile.time_zone);
  if (!zone) co_return core::Error::internal("The studio time zone is not in the tz database.");
  BookingMail mail{*event,
                   booking.client,
                   studio.profile.name,
                   zone->format_local(booking.start) + " (" + std::string(zone->name()) + ")",
                   booking.service.name,
                   booking.client.first_name + " " + booking.client.last_name,
                   core::events::text_of(e.data, "reason")};
  if (core::events::flag_of(e.data, "byClient")) {  // the client acted: tell the professional
    DECLIC_CO_TRY(auto pro, co_await users_.find(tx, booking.professional_id));
    if (!pro) co_return core::Result<void>{};
    const auto& p = pro->profile;
    mail.to = Person{p.id, p.first_name, p.last_name, p.email, p.locale};
  }
  const auto message = booking_mail(mail);
  DECLIC_CO_TRYV(co_await core::mail::enqueue(tx, message));
  co_return core::Result<void>{};
}

}  // namespace declic::bookings
