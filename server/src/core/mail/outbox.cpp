#include "core/mail/outbox.hpp"

#include "core/auth/tokens.hpp"
#include "core/error/try.hpp"

#include "core/mail/message.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace declic::core::mail {

namespace outbox {

namespace {

constexpr db::Statement kInsert{
    "mail_outbox_insert",
    "INSERT INTO outbox (to_address, subject, body_text, body_html, attachments)"
    " VALUES ($1, $2, $3, $4, $5::jsonb)"};

// The inner SELECT takes the row locks (SKIP LOCKED: rows another worker is claiming right
// now are left to it); the UPDATE moves next_attempt_at past the lease, so no other worker
// finds them due while this one delivers.
constexpr db::Statement kClaim{
    "mail_outbox_claim",
    "UPDATE outbox o SET attempts = o.attempts + 1, "
    "next_attempt_at = now() + make_interval(secs => $3::int) "
    "FROM (SELECT id FROM outbox "
    "      WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < $1 "
    "      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) due "
    "WHERE o.id = due.id "
    "RETURNING o.id, o.attempts, o.to_address, o.subject, o.body_text, o.body_html,"
    " o.attachments::text"};

constexpr db::Statement kMarkSent{
    "mail_outbox_sent",
    // Bodies carry one-time links: not kept once delivered.
    "UPDATE outbox SET sent_at = now(), body_text = '', body_html = '', attachments = '[]'"
    " WHERE id = $1"};

constexpr db::Statement kMarkFailed{"mail_outbox_failed",
                                    "UPDATE outbox SET last_error = $2, "
                                    "next_attempt_at = now() + make_interval(secs => LEAST(3600, 5 "
                                    "* power(2, LEAST(attempts, 20)))) "
                                    "WHERE id = $1 AND sent_at IS NULL"};

constexpr db::Statement kRelease{
    "mail_outbox_release",
    "UPDATE outbox SET attempts = GREATEST(attempts - 1, 0), next_attempt_at = now() "
    "WHERE id = $1 AND sent_at IS NULL"};

constexpr db::Statement kMarkAbandoned{
    "mail_outbox_abandoned",
    "UPDATE outbox SET last_error = $2, attempts = GREATEST(attempts, $3) "
    "WHERE id = $1 AND sent_at IS NULL"};

// Attachments as stored: [{"filename", "contentType", "base64"}].
std::string attachments_json(const std::vector<Attachment>& attachments) {
  boost::json::array out;
  for (const auto& a : attachments) {
    out.push_back({{"filename", a.filename},
                   {"contentType", a.content_type},
                   {"base64", auth::base64_encode(a.bytes)}});
  }
  return boost::json::serialize(out);
}

std::vector<Attachment> attachments_from(std::string_view stored) {
  std::vector<Attachment> out;
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(stored, ec);
  if (ec || !parsed.is_array()) return out;
  for (const auto& item : parsed.as_array()) {
    const auto* o = item.if_object();
    if (!o) continue;
    const auto field = [o](const char* name) {
      const auto* v = o->if_contains(name);
      return v && v->is_string() ? std::string(v->get_string()) : std::string();
    };
    auto bytes = auth::base64_decode(field("base64"));
    if (!bytes) continue;
    out.push_back({field("filename"), field("contentType"), std::move(*bytes)});
  }
  return out;
}

}  // namespace

boost::asio::awaitable<Result<void>> insert(db::Queryable& db, const MailMessage& m) {
  co_return db::completed(co_await db.query(
      kInsert, db::params(m.to, m.subject, m.text, m.html, attachments_json(m.attachments))));
}

boost::asio::awaitable<Result<std::vector<Claimed>>> claim(db::Queryable& db, int limit,
                                                           int max_attempts,
                                                           std::chrono::seconds lease) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kClaim, db::params(max_attempts, limit,
                                                     static_cast<std::int64_t>(lease.count()))));
  std::vector<Claimed> claimed;
  claimed.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    claimed.push_back(
        {row.get<std::int64_t>(0), row.get<int>(1),
         MailMessage{row.get<std::string>(2), row.get<std::string>(3), row.get<std::string>(4),
                     row.get<std::string>(5), attachments_from(row.text(6))}});
  }
  // RETURNING follows no ORDER BY: deliver oldest first, as claimed.
  std::sort(claimed.begin(), claimed.end(),
            [](const Claimed& a, const Claimed& b) { return a.id < b.id; });
  co_return claimed;
}

boost::asio::awaitable<Result<void>> mark_sent(db::Queryable& db, std::int64_t id) {
  co_return db::completed(co_await db.query(kMarkSent, db::params(id)));
}

boost::asio::awaitable<Result<void>> mark_failed(db::Queryable& db, std::int64_t id,
                                                 std::string_view error) {
  co_return db::completed(co_await db.query(kMarkFailed, db::params(id, error)));
}

boost::asio::awaitable<Result<void>> release(db::Queryable& db, std::int64_t id) {
  co_return db::completed(co_await db.query(kRelease, db::params(id)));
}

boost::asio::awaitable<Result<void>> mark_abandoned(db::Queryable& db, std::int64_t id,
                                                    std::string_view error, int max_attempts) {
  co_return db::completed(co_await db.query(kMarkAbandoned, db::params(id, error, max_attempts)));
}

}  // namespace outbox

boost::asio::awaitable<Result<void>> enqueue(db::Queryable& db, const MailMessage& message) {
  if (!valid_address(message.to))
    co_return Error::validation({{"to", "invalid_email", "This e-mail address is not valid."}});
  co_return co_await outbox::insert(db, message);
}

namespace {
constexpr db::Statement kPurgeOld{
    "outbox_purge_old",
    "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
    " WHERE created_at < now() - make_interval(days => $1)"
    " AND (sent_at IS NOT NULL OR attempts >= $2) LIMIT 5000 FOR UPDATE SKIP LOCKED)"};
constexpr db::Statement kScrubAbandoned{
    "outbox_scrub_abandoned",
    "UPDATE outbox SET body_text = '', body_html = '', attachments = '[]'"
    " WHERE id IN (SELECT id FROM outbox"
    " WHERE sent_at IS NULL AND attempts >= $1 AND body_text <> ''"
    " AND next_attempt_at < now() - interval '1 day' LIMIT 5000 FOR UPDATE SKIP LOCKED)"};
}  // namespace

boost::asio::awaitable<Result<std::int64_t>> purge_outbox(db::Queryable& db, int keep_days,
                                                          int max_attempts) {
  DECLIC_CO_TRY(auto deleted, co_await db.query(kPurgeOld, db::params(keep_days, max_attempts)));
  DECLIC_CO_TRY(auto scrubbed, co_await db.query(kScrubAbandoned, db::params(max_attempts)));
  co_return deleted.affected() + scrubbed.affected();
}

}  // namespace declic::core::mail
