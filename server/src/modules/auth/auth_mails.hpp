#pragma once
// The identity e-mails, in the recipient's language. Links come from the configured public
// URL, never from the request's Host header.

#include "core/mail/layout.hpp"
#include "core/mail/mail.hpp"

#include <string>

namespace declic::auth {

struct MailContext {
  std::string to;
  std::string first_name;
  std::string locale;       // "fr" or "en"
  core::mail::Look studio;  // its name, colour and logo
  std::string link;
};

core::mail::MailMessage invitation_mail(const MailContext& c);
core::mail::MailMessage reset_mail(const MailContext& c);

}  // namespace declic::auth
