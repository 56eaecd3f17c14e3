#pragma once
// Internal to core/mail: handing one rendered message over. Both functions BLOCK (network,
// disk): the worker calls them on its own thread, never on the event loop.

#include "core/mail/mail.hpp"

#include <cstdint>
#include <string>

namespace declic::core::mail {

struct Delivery {
  bool ok = false;
  bool attempted = true;     // false: never handed over (the worker was being destroyed)
  bool unreachable = false;  // the server could not be reached: the rest of a batch would fail too
  std::string error;         // for last_error and logs; never holds the message or credentials
  std::string file;          // the .eml written, when delivering to files
};

// Once per process, before any other libcurl call.
void init_transport();

// SMTP (smtp:// with STARTTLS when offered — required when the URL carries credentials — or
// smtps://) through libcurl, 10 s to connect and 30 s in all.
Delivery send_smtp(const MailerOptions& options, const std::string& recipient,
                   const std::string& rendered);

// <mail_dir>/<outbox id>-<UTC timestamp>.eml (mail_dir "var/mail" when empty), mode 0600,
// written under a temporary name, synced, then renamed: a reader never sees half a file.
Delivery write_eml(const MailerOptions& options, std::int64_t outbox_id,
                   const std::string& rendered);

}  // namespace declic::core::mail
