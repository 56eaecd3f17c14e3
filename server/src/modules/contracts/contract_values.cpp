#include "modules/contracts/contract_values.hpp"

#include "core/text/human.hpp"

namespace declic::contracts {

namespace text = core::text;
namespace time = core::time;

namespace {

// "TVA non applicable, art. 293 B du CGI" unless the studio has a VAT number.
std::string vat_mention(const ProjectFacts& f, text::Lang lang) {
  if (f.vat_number)
    return (lang == text::Lang::en ? "VAT number: " : "TVA intracommunautaire : ") + *f.vat_number;
  return "TVA non applicable, art. 293 B du CGI";
}

}  // namespace

Values values_of(const ProjectFacts& f, time::Instant today) {
  const auto lang = text::lang_of(f.studio_locale);
  const auto zone = time::Zone::find(f.studio_time_zone).value_or(*time::Zone::find("UTC"));
  const auto money = [&](std::int64_t cents) { return text::money(cents, f.currency, lang); };
  Values v{
      {"client.fullName", f.client_first_name + " " + f.client_last_name},
      {"client.firstName", f.client_first_name},
      {"client.lastName", f.client_last_name},
      {"client.email", f.client_email},
      {"client.phone", f.client_phone.value_or("")},
      {"client.address", f.client_address.value_or("")},
      {"service.name", f.service_name},
      {"service.description", f.service_description},
      {"service.duration", text::duration(f.duration_minutes, lang)},
      {"price", money(f.price_cents)},
      {"deposit", money(f.deposit_cents)},
      {"balance", money(f.price_cents - f.deposit_cents)},
      {"studio.name", f.studio_name},
      {"studio.legalName", f.legal_name.value_or(f.studio_name)},
      {"studio.address", f.legal_address.value_or("")},
      {"studio.siret", f.siret.value_or("")},
      {"studio.vat", vat_mention(f, lang)},
      {"today", text::long_date(zone.local_date(today), lang)},
  };
  if (const auto start = time::parse_rfc3339_bound(f.booking_start)) {
    v["booking.start"] = text::date_time(*start, zone, lang);
    v["booking.date"] = text::long_date(zone.local_date(*start), lang);
    v["booking.time"] = text::local_clock(*start, zone, lang);
  }
  return v;
}

ProjectFacts sample_facts(const ProjectFacts& studio) {
  ProjectFacts f = studio;
  f.client_first_name = "Camille";
  f.client_last_name = "Martin";
  f.client_email = "camille.martin@example.com";
  f.client_phone = "06 12 34 56 78";
  f.client_address = "12 rue des Lilas, 69003 Lyon";
  f.service_name = "Séance portrait";
  f.service_description = "Une heure en studio, vingt photos retouchées.";
  f.duration_minutes = 90;
  f.price_cents = 25000;
  f.deposit_cents = 7500;
  if (f.currency.empty()) f.currency = "EUR";
  f.booking_start = time::format_rfc3339(time::now() + std::chrono::days(14));
  return f;
}

}  // namespace declic::contracts
