#pragma once
// Internal to core/mail: address rules shared by enqueue(), rendering and SMTP delivery.

#include <string>
#include <string_view>

namespace declic::core::mail {

// A plain ASCII addr-spec ("local@domain") with nothing that could end an SMTP command or a
// header: no spaces, control characters, angle brackets, quotes, commas or semicolons.
bool valid_address(std::string_view address);

// The sender parsed from MailerOptions::from: "Name <addr>", "\"Name\" <addr>" or "addr".
struct Sender {
  std::string name;     // UTF-8 display name, may be empty
  std::string address;  // the addr-spec, used for MAIL FROM and the Message-ID domain
};
Sender parse_sender(std::string_view from);

}  // namespace declic::core::mail
