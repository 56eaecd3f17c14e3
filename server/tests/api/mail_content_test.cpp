// What the mails say and how they look, read back by Python's email package as a mail
// program would: a text part and an HTML part saying the same, in the recipient's language,
// dates written for people in the studio's zone (checked the day after a DST change), a
// button back to the right page, every value escaped, and the session's .ics attached when
// the client's calendar should change.
#include "core/image/image.hpp"
#include "studio_fixture.hpp"

#include <cmath>

namespace declic::test {
namespace {

class MailContent : public Studio {
 protected:
  static std::string text(const json::value& v, const char* key) {
    return v.at(key).is_string() ? std::string(v.at(key).as_string()) : std::string();
  }
  // Both parts hold `needle` (the HTML escapes what it must: give it escaped).
  static void expect_in_both(const json::object& mail, const std::string& needle,
                             const std::string& html_needle = "") {
    EXPECT_NE(text(mail, "text").find(needle), std::string::npos) << text(mail, "text");
    EXPECT_NE(text(mail, "html").find(html_needle.empty() ? needle : html_needle),
              std::string::npos)
        << text(mail, "html");
  }
};

TEST_F(MailContent, BookingMailsInBothLanguagesWithTheSessionForTheCalendar) {
  const int day = day_after_clock_change();
  ASSERT_GT(day, 0);
  struct Case {
    StudioAccount who;
    int hour;
    std::string lang, received, clock, confirmed, file_prefix;
  };
  const std::vector<Case> cases{
      {other, 9, "fr", "Demande de réservation reçue", "9\u00A0h\u00A030", "Réservation confirmée",
       "seance-"},
      {owner, 14, "en", "Booking request received", "2:30 pm", "Booking confirmed", "session-"},
  };
  std::string id;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.lang);
    id = booked(c.who, at(day, c.hour, 30));
    ASSERT_FALSE(id.empty());

    // The receipt the booking page promises: a mail, not a notification.
    auto receipt = mail_read(c.who.email, c.received);
    EXPECT_EQ(text(receipt, "contentType"), "multipart/alternative");
    expect_in_both(receipt, "Portrait");
    expect_in_both(receipt, c.clock);  // the studio's local time, after the clock change
    EXPECT_NE(text(receipt, "html").find("<html lang=\"" + c.lang + "\">"), std::string::npos);
    EXPECT_NE(text(receipt, "html").find("href=\"http://declic.test/client/bookings\""),
              std::string::npos);
    EXPECT_TRUE(receipt.at("attachments").as_array().empty());

    // Confirmed: the session as a file the client's calendar imports, at the right hour.
    ASSERT_EQ(act(id, "confirm", pro).status(), 200);
    auto confirmed = mail_read(c.who.email, c.confirmed);
    EXPECT_EQ(text(confirmed, "contentType"), "multipart/mixed");
    expect_in_both(confirmed, c.clock);
    const auto files = confirmed.at("attachments").as_array();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(text(files[0], "filename"), c.file_prefix + day_text(day) + ".ics");
    EXPECT_EQ(text(files[0], "contentType"), "text/calendar");
    auto cal = imported(text(files[0], "content"));
    ASSERT_EQ(cal.at("events").as_array().size(), 1u);
    const auto event = cal.at("events").as_array()[0];
    EXPECT_EQ(text(event, "start"),
              day_text(day) + "T" + (c.hour < 10 ? "0" : "") + std::to_string(c.hour) + ":30");
    EXPECT_EQ(text(event, "status"), "CONFIRMED");
    EXPECT_EQ(text(event, "uid"), id + "@declic");
  }

  // The owner's session, its confirmation mailed, cancelled by the studio: the same event,
  // cancelled, so calendars drop it.
  ASSERT_EQ(act(id, "cancel", pro, R"({"reason":"Studio fermé"})").status(), 200);
  auto cancelled = mail_read(owner.email, "Booking cancelled");
  expect_in_both(cancelled, "Reason: Studio fermé");
  const auto files = cancelled.at("attachments").as_array();
  ASSERT_EQ(files.size(), 1u);
  auto cal = imported(text(files[0], "content"));
  EXPECT_EQ(text(cal.at("events").as_array()[0], "status"), "CANCELLED");
  EXPECT_EQ(text(cal.at("events").as_array()[0], "uid"), id + "@declic");
}

TEST_F(MailContent, ValuesAreTextInBothPartsNeverMarkup) {
  auto renamed = api->call("PATCH", "/api/me",
                           R"({"firstName":"Zoé <b>&</b>","lastName":"\"Quote's\""})", other.token);
  ASSERT_EQ(renamed.status(), 200) << renamed.http.body;
  ASSERT_FALSE(booked(other, at(fresh_day(), 11)).empty());
  auto request = mail_read(pro.email, "Nouvelle demande de réservation");
  expect_in_both(request, "Zoé <b>&</b> \"Quote's\"",
                 "Zoé &lt;b&gt;&amp;&lt;/b&gt; &quot;Quote&#39;s&quot;");
  EXPECT_EQ(text(request, "html").find("<b>&</b>"), std::string::npos);
  EXPECT_NE(text(request, "html").find("href=\"http://declic.test/pro/requests\""),
            std::string::npos);
  EXPECT_NE(text(request, "text").find("Voir les demandes : http://declic.test/pro/requests"),
            std::string::npos)
      << text(request, "text");
}

TEST_F(MailContent, AccountMailsCarryTheirLinkInBothParts) {
  for (const auto* who : {&owner, &other}) {
    const bool en = who == &owner;
    SCOPED_TRACE(who->email);
    auto asked = api->post("/api/auth/password/forgot", {{"email", who->email}});
    ASSERT_EQ(asked.status(), 202) << asked.http.body;
    auto reset = mail_read(who->email, en ? "Reset your password" : "Réinitialisation");
    const auto link_at = text(reset, "text").find("http://declic.test/reset-password?token=");
    ASSERT_NE(link_at, std::string::npos) << text(reset, "text");
    const auto link =
        text(reset, "text").substr(link_at, text(reset, "text").find('\n', link_at) - link_at);
    EXPECT_NE(text(reset, "html").find("href=\"" + link + "\""), std::string::npos)
        << text(reset, "html");
    expect_in_both(reset, en ? "Choose a new password" : "Choisir un nouveau mot de passe");
    EXPECT_NE(text(reset, "html").find(std::string("<html lang=\"") + (en ? "en" : "fr") + "\">"),
              std::string::npos);
  }
}

// The studio's logo above its name, and its colour on the button, darkened until white text
// on it reads at 4.5:1 (a pale peach would not).
TEST_F(MailContent, MailsWearTheStudiosLogoAndColour) {
  auto logo = declic::core::image::demo_picture({128, 128}, 0x0f766e, 0x134e4a, "AD");
  ASSERT_TRUE(logo);
  auto saved =
      api->call("PUT", "/api/settings/logo", logo->webp, admin.token, {"Content-Type: image/webp"});
  ASSERT_EQ(saved.status(), 200) << saved.http.body;
  const auto logo_url = "http://declic.test" + saved.str("logoUrl");
  auto coloured = api->call("PUT", "/api/settings", R"({"accentColor":"#f5d0a9"})", admin.token);
  ASSERT_EQ(coloured.status(), 200) << coloured.http.body;

  const auto reader = sign_up(*api, "looks@client.test", kPassword, "en");
  ASSERT_EQ(api->post("/api/auth/password/forgot", {{"email", reader.email}}).status(), 202);
  auto reset = mail_read(reader.email, "Reset your password");
  const auto html = text(reset, "html");
  EXPECT_NE(html.find("<img src=\"" + logo_url + "\" alt=\"\""), std::string::npos) << html;
  EXPECT_EQ(text(reset, "text").find(logo_url), std::string::npos);
  EXPECT_EQ(html.find("#f5d0a9"), std::string::npos) << "the pale colour behind white text";
  const auto button = html.find("border-radius:6px;background:#");
  ASSERT_NE(button, std::string::npos) << html;
  const auto colour = html.substr(button + 29, 7);  // "#rrggbb"
  int rgb[3];
  for (int i = 0; i < 3; ++i) rgb[i] = std::stoi(colour.substr(1 + 2 * i, 2), nullptr, 16);
  EXPECT_GT(rgb[0], rgb[2]) << colour << ": still the peach's hue";
  const auto lin = [](int v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double luminance = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
  EXPECT_GE(1.05 / (luminance + 0.05), 4.5) << colour;

  EXPECT_EQ(api->call("DELETE", "/api/settings/logo", "", admin.token).status(), 200);
  EXPECT_EQ(api->call("PUT", "/api/settings", R"({"accentColor":null})", admin.token).status(),
            200);
}

}  // namespace
}  // namespace declic::test
