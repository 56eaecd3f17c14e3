#pragma once
// SQL for sessions, refresh tokens, one-time links and rate limits. It also reads `users`
// for the two questions only authentication asks: "whose password is this?" and "is this
// access token's user and session still alive?".

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"

namespace declic::auth {

using core::Async;
using Db = core::db::Queryable;

struct Credentials {
  std::string user_id;
  std::optional<std::string> password_hash;
  bool disabled = false;
};

// A user with a live session, and when that session expires (unix seconds).
struct LivePrincipal {
  core::auth::UserProfile user;
  std::int64_t session_expires_at = 0;
};

struct RotatedToken {
  std::string session_id;
  std::string user_id;
  bool replayed = false;  // the token had already been exchanged
  bool alive = false;     // session neither revoked nor expired, user not disabled
};

struct OneTimeToken {
  std::string user_id;
  std::string purpose;
  bool used = false;
  bool expired = false;
};

class AuthRepository {
 public:
  Async<std::optional<LivePrincipal>> live_principal(Db& db, const std::string& user_id,
                                                     const std::string& session_id);
  Async<std::optional<Credentials>> credentials(Db& db, const std::string& email);

  Async<std::string> create_session(Db& db, const std::string& user_id, int lifetime_days,
                                    const std::string& ip, const std::string& user_agent);
  Async<void> add_refresh_token(Db& db, const std::string& session_id,
                                const std::string& token_hash);
  // Marks the token used; tells whether it was already used and whether its session lives.
  Async<std::optional<RotatedToken>> rotate(Db& db, const std::string& token_hash);
  Async<void> revoke_session(Db& db, const std::string& session_id, const std::string& reason);
  Async<void> revoke_user_sessions(Db& db, const std::string& user_id, const std::string& reason,
                                   const std::optional<std::string>& keep_session);

  Async<void> add_one_time_token(Db& db, const std::string& user_id, const std::string& purpose,
                                 const std::string& token_hash, int lifetime_minutes);
  // Locks the token row for the rest of the transaction.
  Async<std::optional<OneTimeToken>> claim_one_time_token(Db& db, const std::string& token_hash);
  Async<void> mark_one_time_tokens_used(Db& db, const std::string& user_id);

  // Housekeeping, in batches that several servers may run at once; each returns how many
  // rows went. Sessions ended (expired or revoked) `days` ago go with their refresh tokens.
  Async<std::int64_t> purge_sessions(Db& db, int days);
  Async<std::int64_t> purge_one_time_tokens(Db& db, int days);
};

}  // namespace declic::auth
