#pragma once
// Outgoing e-mail through a transactional outbox (docs/decisions.md, "Mail").
//
// A service that sends mail calls enqueue() with the Tx of the change that causes it, so the
// mail exists if and only if the change committed. A MailWorker (one per server process)
// delivers the `outbox` table: at least once, never lost when a process dies, and several
// servers can share the table. Delivery is SMTP through libcurl, or .eml files in a folder
// when no SMTP server is configured (development).
//
// Message bodies often hold secret links (password reset, invitation): they are never logged.

#include "core/db/db.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace declic::core::mail {

namespace detail {
struct WorkerState;
}

// A file sent with a mail (a session's .ics).
struct Attachment {
  std::string filename;      // ASCII letters, digits, '.', '-' and '_' are kept; others become '_'
  std::string content_type;  // e.g. "text/calendar; charset=utf-8; method=PUBLISH"
  std::string bytes;
};

struct MailMessage {
  std::string to;       // one address, e.g. "ana@example.fr" (no display name)
  std::string subject;  // UTF-8, one line
  std::string text;     // UTF-8 plain text; any line endings
  std::string html;     // the same as HTML (core/mail/layout.hpp), or empty: text only
  std::vector<Attachment> attachments;
};

// Writes the message to the outbox on `db`. Pass the Tx of the change that causes the mail.
// A `to` that is not a plain ASCII address, or that could smuggle SMTP commands or headers
// (spaces, control characters, angle brackets), is refused with Errc::validation.
boost::asio::awaitable<Result<void>> enqueue(db::Queryable& db, const MailMessage& message);

// Housekeeping, one batch: sent mails older than `keep_days` go; a mail given up
// (`max_attempts` failed) loses its body after a day — its links must not stay readable —
// and goes after `keep_days` too. Returns the rows deleted or emptied.
boost::asio::awaitable<Result<std::int64_t>> purge_outbox(db::Queryable& db, int keep_days,
                                                          int max_attempts);

struct MailerOptions {
  // "smtp://127.0.0.1:2525", "smtps://user:pass@host:465"; empty: write .eml files instead.
  std::string smtp_url;
  // smtp:// only: deliver after STARTTLS or not at all, so nobody on the path can strip it.
  // Always so when the URL carries credentials; optional suits a relay on this machine.
  bool require_tls = true;
  // "Déclic <no-reply@declic.local>" or "no-reply@declic.local".
  std::string from;
  // Where .eml files go when smtp_url is empty; "var/mail" when empty too.
  std::string mail_dir;
  std::chrono::milliseconds poll_interval{500};
  // A row that failed this many times is no longer tried; it stays in the table, unsent.
  int max_attempts = 10;
};

// Delivers the outbox. A row is claimed with a lease (next_attempt_at pushed forward, attempts
// incremented) in one statement using FOR UPDATE SKIP LOCKED, delivered, then marked sent —
// only after delivery succeeded — or given its error and a retry time (5 s * 2^attempts,
// capped at 1 h). Rows claimed by a process that died are retried when their lease expires.
//
// All database work runs on a strand of `executor`; SMTP and file writes run on a thread the
// worker owns, never on the event loop. `pool` must outlive the worker, and the worker must
// be destroyed before the io_context of `executor`.
class MailWorker {
 public:
  MailWorker(boost::asio::any_io_executor executor, db::Pool& pool, MailerOptions options);
  ~MailWorker();  // stops the loop; waits for a delivery in flight (at most the SMTP timeout)
  MailWorker(const MailWorker&) = delete;
  MailWorker& operator=(const MailWorker&) = delete;

  void start();  // spawns the delivery loop on the worker's strand
  void stop();   // the loop ends after the current batch; thread-safe, safe to call twice

  // One pass: claims up to `limit` due rows and delivers them; returns how many were sent.
  // An error means the database could not be reached to claim rows.
  boost::asio::awaitable<Result<int>> deliver_due(int limit = 20);

 private:
  std::shared_ptr<detail::WorkerState> state_;  // shared with the loop, which may outlive a stop()
};

// The RFC 5322 text of `message` as sent (CRLF line endings): Date, From, To, Subject (RFC 2047
// encoded when not plain ASCII), Message-ID, MIME-Version, then the body: text/plain alone, or
// multipart/alternative (text, then HTML) when there is HTML, inside multipart/mixed with the
// attachments (base64) when there are any. Text parts are 7bit (ASCII with short lines) or
// quoted-printable.
std::string render_message(const MailerOptions& options, const MailMessage& message,
                           std::int64_t outbox_id);

}  // namespace declic::core::mail
