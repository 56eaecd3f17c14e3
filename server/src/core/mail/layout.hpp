#pragma once
// What every mail of the studio looks like. A mail is written once, as Content; its text part
// and its HTML part are both made from it, so they never say different things. The HTML is a
// single centred column with inline styles (what mail programs keep), the studio's name at
// the top, and the link as a button; every value is escaped.

#include "core/mail/mail.hpp"

#include <string>
#include <vector>

namespace declic::core::mail {

struct Content {
  std::string greeting;                 // "Bonjour Zoé,"
  std::vector<std::string> paragraphs;  // plain text; '\n' breaks a line
  std::string action_label;             // the button ("Voir ma réservation"), with its URL
  std::string action_url;
  std::vector<std::string> after;  // paragraphs below the button
  std::string signature;           // last line: the studio's name
};

struct Look {
  std::string studio_name;
  std::string lang = "fr";         // the recipient's: "fr" or "en"
  std::string accent = "#0f766e";  // the button and the top rule (darkened for white text)
  std::string logo_url;            // absolute, above the studio's name; empty: none
};

std::string text_part(const Content& content, const Look& look);
std::string html_part(const Content& content, const Look& look);

// The mail to `to`: both parts, no attachment.
MailMessage compose(std::string to, std::string subject, const Content& content, const Look& look);

// Text as HTML: & < > " ' escaped, line breaks as <br>.
std::string html_text(std::string_view text);

}  // namespace declic::core::mail
