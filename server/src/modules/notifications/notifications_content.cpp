#include "modules/notifications/notifications_content.hpp"

#include "core/mail/layout.hpp"
#include "core/text/human.hpp"
#include "modules/calendar/calendar_service.hpp"

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

Words booking_words(std::string_view type, bool en, bool staff) {
  if (type == "booking.requested" && !staff)
    return en ? Words{"Booking request received",
                      "We have received your request; the studio will confirm the session by "
                      "e-mail:"}
              : Words{"Demande de réservation reçue",
                      "Nous avons bien reçu votre demande ; le studio vous confirmera la séance "
                      "par e-mail :"};
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

// "mercredi 9 décembre 2026 à 9 h 30", in the studio's zone (where the session happens).
std::string when(const Studio& studio, const std::string& rfc3339, bool en) {
  const auto t = core::time::parse_rfc3339(rfc3339);
  if (!t) return rfc3339;
  return core::text::date_time(*t, studio.zone, en ? core::text::Lang::en : core::text::Lang::fr);
}

// Each item is a paragraph; its lines are broken with '\n'.
std::string booking_item(const json::object& d, std::string_view type, const Studio& studio,
                         bool en, bool staff) {
  std::string out = std::string(booking_words(type, en, staff).line) + "\n" +
                    text(d, "serviceName") + "\n" + when(studio, text(d, "start"), en) + "\n" +
                    (en ? "Client: " : "Client : ") + text(d, "clientName");
  if (const auto reason = text(d, "reason"); !reason.empty())
    out += "\n" + std::string(en ? "Reason: " : "Motif : ") + reason;
  return out;
}

std::string status_item(const json::object& d, bool en) {
  const auto label = status_label(text(d, "to"), en);
  std::string out = en ? text(d, "serviceName") + ": now \"" + label + "\"."
                       : text(d, "serviceName") + " : étape « " + label + " ».";
  if (const auto note = text(d, "note"); !note.empty()) out += "\n" + note;
  return out;
}

std::string contract_item(const json::object& d, std::string_view type, bool en) {
  const auto title = text(d, "title");
  if (type == "contract.sent")
    return en ? "A contract awaits your signature: " + title + "."
              : "Un contrat attend votre signature : " + title + ".";
  if (type == "contract.signed")
    return en ? text(d, "clientName") + " signed the contract " + title + "."
              : text(d, "clientName") + " a signé le contrat « " + title + " ».";
  return en ? "The studio countersigned your contract " + title + "."
            : "Le studio a contresigné votre contrat « " + title + " ».";
}

std::string gallery_item(const json::object& d, std::string_view type, bool en) {
  const auto title = text(d, "title");
  if (type == "gallery.expiring")
    return en ? "The gallery " + title + " expires in less than 7 days: download your photos."
              : "La galerie « " + title +
                    " » expire dans moins de 7 jours : pensez à télécharger vos photos.";
  return en ? "Your photos are ready: " + title + "."
            : "Vos photos sont prêtes : « " + title + " ».";
}

std::string project_item(const json::object& d, std::string_view type, bool en) {
  if (type.starts_with("contract.")) return contract_item(d, type, en);
  if (type.starts_with("gallery.")) return gallery_item(d, type, en);
  return status_item(d, en);
}

std::string message_item(const json::object& d, bool en) {
  return text(d, "authorName") + (en ? ":\n" : " :\n") + text(d, "excerpt");
}

// The button: what the page it opens is for the reader.
std::string action_label(Kind kind, const Recipient& to, const json::object& last, bool en) {
  if (kind == Kind::messages) return en ? "Reply" : "Répondre";
  if (kind == Kind::projects && !to.staff && last.contains("contractId"))
    return en ? "Read the contract" : "Lire le contrat";
  if (kind == Kind::projects && !to.staff && last.contains("galleryId"))
    return en ? "See the photos" : "Voir les photos";
  if (kind == Kind::projects) return en ? "See the project" : "Voir le projet";
  if (to.staff) return en ? "See the requests" : "Voir les demandes";
  return en ? "See my bookings" : "Voir mes réservations";
}

std::string subject(Kind kind, const std::vector<Notification>& items, const json::object& first,
                    bool en, bool staff) {
  const auto n = std::to_string(items.size());
  if (kind == Kind::bookings)
    return items.size() == 1 ? booking_words(items[0].type, en, staff).subject
                             : (en ? n + " booking updates" : n + " mises à jour de réservations");
  if (kind == Kind::projects && items.size() == 1 && items[0].type == "contract.sent")
    return en ? "A contract to sign" : "Un contrat à signer";
  if (kind == Kind::projects && items.size() == 1 && items[0].type == "gallery.published")
    return en ? "Your photos are ready" : "Vos photos sont prêtes";
  if (kind == Kind::projects && items.size() == 1 && items[0].type == "gallery.expiring")
    return en ? "Your gallery expires soon" : "Votre galerie expire bientôt";
  if (kind == Kind::projects && items.size() == 1 && items[0].type == "contract.signed")
    return en ? "Contract signed" : "Contrat signé";
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
  if (kind == Kind::projects && !to.staff && last.contains("contractId"))
    return "/client/contracts/" + text(last, "contractId");
  if (kind == Kind::projects && !to.staff && last.contains("galleryId"))
    return "/client/galleries/" + text(last, "galleryId");
  if (kind == Kind::projects)
    return (to.staff ? "/pro/projects/" : "/client/projects/") + text(last, "projectId");
  return to.staff ? "/pro/requests" : "/client/bookings";
}

// The session's .ics for its client when a mail changes what their calendar should show: a
// confirmed booking, a new time, a cancellation (the same UID updates or removes the event).
std::optional<core::mail::Attachment> session_file(const Recipient& to, const Studio& studio,
                                                   const std::vector<Notification>& items,
                                                   const std::vector<json::object>& data) {
  if (to.staff || items.size() != 1) return std::nullopt;
  const auto& type = items[0].type;
  if (type != "booking.confirmed" && type != "booking.rescheduled" && type != "booking.cancelled")
    return std::nullopt;
  const auto& d = data[0];
  const auto start = core::time::parse_rfc3339(text(d, "start"));
  const auto end = core::time::parse_rfc3339(text(d, "end"));
  if (!start || !end) return std::nullopt;  // a notice stored before sessions had an end
  const auto project = text(d, "projectId");
  const calendar::ClientSession session{
      text(d, "bookingId"),
      text(d, "serviceName"),
      type == "booking.cancelled" ? "CANCELLED" : text(d, "status"),
      *start,
      *end,
      studio.name,
      studio.address,
      studio.public_url + (project.empty() ? "/client/bookings" : "/client/projects/" + project),
      to.locale};
  auto file = calendar::client_session_file(session, studio.zone);
  return core::mail::Attachment{std::move(file.filename),
                                "text/calendar; charset=utf-8; method=PUBLISH",
                                std::move(file.body)};
}

}  // namespace

std::string booking_data(const bookings::Booking& b, const std::optional<std::string>& reason,
                         bool by_client) {
  json::object d{{"bookingId", b.id},
                 {"serviceName", b.service.name},
                 {"start", core::time::format_rfc3339(b.start)},
                 {"end", core::time::format_rfc3339(b.end)},
                 {"status", bookings::to_string(b.status)},
                 {"clientName", b.client.first_name + " " + b.client.last_name},
                 {"byClient", by_client}};
  if (reason) d["reason"] = *reason;
  if (b.project_id) d["projectId"] = *b.project_id;
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

std::string contract_data(const json::object& e) {
  return json::serialize(json::object{{"contractId", text(e, "contractId")},
                                      {"projectId", text(e, "projectId")},
                                      {"title", text(e, "title")},
                                      {"serviceName", text(e, "serviceName")},
                                      {"clientName", text(e, "clientName")}});
}

std::string gallery_data(const json::object& e) {
  return json::serialize(json::object{{"galleryId", text(e, "galleryId")},
                                      {"projectId", text(e, "projectId")},
                                      {"title", text(e, "title")}});
}

core::mail::MailMessage notification_mail(const Recipient& to, const Studio& studio, Kind kind,
                                          const std::vector<Notification>& items) {
  const bool en = to.locale == "en";
  std::vector<json::object> data;
  for (const auto& n : items) {
    auto parsed = json::parse(n.data_json);
    data.push_back(parsed.is_object() ? std::move(parsed.as_object()) : json::object());
  }
  core::mail::Content content;
  content.greeting = (en ? "Hello " : "Bonjour ") + to.first_name + ",";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (kind == Kind::bookings)
      content.paragraphs.push_back(booking_item(data[i], items[i].type, studio, en, to.staff));
    if (kind == Kind::projects)
      content.paragraphs.push_back(project_item(data[i], items[i].type, en));
    if (kind == Kind::messages) content.paragraphs.push_back(message_item(data[i], en));
  }
  content.action_label = action_label(kind, to, data.back(), en);
  content.action_url = studio.public_url + link(kind, to, data.back());
  content.signature = studio.name;
  auto look = studio.look;
  look.lang = en ? "en" : "fr";
  auto mail = core::mail::compose(
      to.email, subject(kind, items, data.front(), en, to.staff) + " — " + studio.name, content,
      look);
  if (auto ics = session_file(to, studio, items, data)) mail.attachments.push_back(std::move(*ics));
  return mail;
}

}  // namespace declic::notifications
