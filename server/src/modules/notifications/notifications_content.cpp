#include "modules/notifications/notifications_content.hpp"

#include <boost/json.hpp>

namespace declic::notifications {

namespace json = boost::json;

namespace {

constexpr std::size_t kExcerpt = 140;

std::string text(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// At most `n` code points, cut at a character boundary, "…" when cut.
std::string excerpt(const std::string& s, std::size_t n) {
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == n) break;
  return i < s.size() ? s.substr(0, i) + "…" : s;
}

struct Words {
  const char* subject;
  const char* line;
};

Words booking_words(std::string_view type, bool en) {
  if (type == "booking.requested")
    return en ? Words{"New booking request", "A booking was requested:"}
              : Words{"Nouvelle demande de réservation", "Une réservation a été demandée :"};
  if (type == "booking.confirmed")
    return en ? Words{"Booking confirmed", "Your booking is confirmed:"}
              : Words{"Réservation confirmée", "Votre réservation est confirmée :"};
  if (type == "booking.declined")
    return en ? Words{"Booking declined", "Your booking request was declined:"}
              : Words{"Réservation refusée", "Votre demande de réservation a été refusée :"};
  if (type == "booking.expired")
    return en ? Words{"Booking request expired",
                      "This request was not confirmed in time; the time is free again:"}
              : Words{"Demande de réservation expirée",
                      "Cette demande n’a pas été confirmée à temps ; le créneau est de nouveau "
                      "libre :"};
  if (type == "booking.cancelled")
    return en ? Words{"Booking cancelled", "This booking is cancelled:"}
              : Words{"Réservation annulée", "Cette réservation est annulée :"};
  return en ? Words{"Booking moved", "This booking has a new time:"}
            : Words{"Réservation déplacée", "Cette réservation a un nouvel horaire :"};
}

std::string status_label(std::string_view status, bool en) {
  if (status == "CONFIRMED") return en ? "confirmed" : "confirmé";
  if (status == "SHOT") return en ? "session done" : "séance faite";
  if (status == "EDITING") return en ? "editing" : "retouches";
  if (status == "DELIVERED") return en ? "delivered" : "livré";
  if (status == "CLOSED") return en ? "closed" : "terminé";
  return en ? "cancelled" : "annulé";
}

std::string when(const Studio& studio, const std::string& rfc3339) {
  const auto t = core::time::parse_rfc3339(rfc3339);
  if (!t) return rfc3339;
  return studio.zone.format_local(*t) + " (" + std::string(studio.zone.name()) + ")";
}

std::string booking_item(const json::object& d, std::string_view type, const Studio& studio,
                         bool en) {
  std::string out = std::string(booking_words(type, en).line) + "\n\n  " + text(d, "serviceName") +
                    "\n  " + when(studio, text(d, "start")) + "\n  " +
                    (en ? "Client: " : "Client : ") + text(d, "clientName") + "\n";
  if (const auto reason = text(d, "reason"); !reason.empty())
    out += "\n" + std::string(en ? "Reason: " : "Motif : ") + reason + "\n";
  return out;
}

std::string project_item(const json::object& d, bool en) {
  const auto label = status_label(text(d, "to"), en);
  std::string out = en ? text(d, "serviceName") + ": now \"" + label + "\".\n"
                       : text(d, "serviceName") + " : étape « " + label + " ».\n";
  if (const auto note = text(d, "note"); !note.empty()) out += "  " + note + "\n";
  return out;
}

std::string message_item(const json::object& d, bool en) {
  return text(d, "authorName") + (en ? ":\n  " : " :\n  ") + text(d, "excerpt") + "\n";
}

std::string subject(Kind kind, const std::vector<Notification>& items, const json::object& first,
                    bool en) {
  const auto n = std::to_string(items.size());
  if (kind == Kind::bookings)
    return items.size() == 1 ? booking_words(items[0].type, en).subject
                             : (en ? n + " booking updates" : n + " mises à jour de réservations");
  if (kind == Kind::projects)
    return items.size() == 1 ? (en ? "Your project moved on" : "Votre projet avance")
                             : (en ? n + " project updates" : n + " nouvelles de vos projets");
  return items.size() == 1
             ? (en ? "New message from " : "Nouveau message de ") + text(first, "authorName")
             : (en ? n + " new messages" : n + " nouveaux messages");
}

// The page the mail leads to.
std::string link(Kind kind, const Recipient& to, const json::object& last) {
  if (kind == Kind::messages)
    return to.staff ? "/pro/messages/" + text(last, "conversationId") : "/client/messages";
  if (kind == Kind::projects)
    return (to.staff ? "/pro/projects/" : "/client/projects/") + text(last, "projectId");
  return to.staff ? "/pro/requests" : "/client/bookings";
}

}  // namespace

std::string booking_data(const bookings::Booking& b, const std::optional<std::string>& reason,
                         bool by_client) {
  json::object d{{"bookingId", b.id},
                 {"serviceName", b.service.name},
                 {"start", core::time::format_rfc3339(b.start)},
                 {"status", bookings::to_string(b.status)},
                 {"clientName", b.client.first_name + " " + b.client.last_name},
                 {"byClient", by_client}};
  if (reason) d["reason"] = *reason;
  return json::serialize(d);
}

std::string project_data(const projects::Project& p, const std::string& from, const std::string& to,
                         const std::optional<std::string>& note) {
  json::object d{{"projectId", p.id}, {"serviceName", p.service.name}, {"from", from}, {"to", to}};
  if (note) d["note"] = *note;
  return json::serialize(d);
}

std::string message_data(const messages::Message& m, const std::string& client_id) {
  const auto author = m.author ? m.author->first_name + " " + m.author->last_name : std::string();
  return json::serialize(json::object{{"conversationId", m.conversation_id},
                                      {"messageId", m.id},
                                      {"clientId", client_id},
                                      {"authorName", author},
                                      {"excerpt", excerpt(m.body, kExcerpt)}});
}

core::mail::MailMessage notification_mail(const Recipient& to, const Studio& studio, Kind kind,
                                          const std::vector<Notification>& items) {
  const bool en = to.locale == "en";
  std::vector<json::object> data;
  for (const auto& n : items) {
    auto parsed = json::parse(n.data_json);
    data.push_back(parsed.is_object() ? std::move(parsed.as_object()) : json::object());
  }
  std::string body = (en ? "Hello " : "Bonjour ") + to.first_name + ",\n\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) body += "\n";
    if (kind == Kind::bookings) body += booking_item(data[i], items[i].type, studio, en);
    if (kind == Kind::projects) body += project_item(data[i], en);
    if (kind == Kind::messages) body += message_item(data[i], en);
  }
  body += "\n" + std::string(en ? "See it in Déclic: " : "À retrouver dans Déclic : ") +
          studio.public_url + link(kind, to, data.back()) + "\n\n" + studio.name + "\n";
  return {to.email, subject(kind, items, data.front(), en) + " — " + studio.name, body};
}

}  // namespace declic::notifications
