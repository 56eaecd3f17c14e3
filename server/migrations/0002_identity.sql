-- Identity: users and roles, sessions with rotating refresh tokens, one-time links
-- (password reset, invitation), the mail outbox, the audit trail and rate limits.

-- Times in API replies: RFC 3339 in UTC with milliseconds.
CREATE FUNCTION rfc3339(t timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  password_hash text,  -- NULL until an invited user sets a password
  role          text NOT NULL CHECK (role IN ('CLIENT', 'PROFESSIONNEL', 'ADMIN')),
  first_name    text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name     text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  phone         text CHECK (length(phone) <= 40),
  locale        text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  notes         text CHECK (length(notes) <= 10000),  -- staff-only notes on a client
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_email_key UNIQUE (email)
);
CREATE INDEX users_role ON users (role, last_name, first_name);

-- A session is a refresh-token family: rotating a token keeps the session; replaying a
-- rotated token revokes the whole session. Access tokens carry the session id, so a
-- revoked session stops working at once.
CREATE TABLE sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,  -- absolute lifetime, not extended by rotation
  revoked_at  timestamptz,
  revoke_reason text,
  ip          text,
  user_agent  text
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_tokens (
  token_hash  text PRIMARY KEY,  -- SHA-256 of the opaque token; the token itself is never stored
  session_id  uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  rotated_at  timestamptz  -- set when exchanged; a second use is a replay
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE one_time_tokens (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('reset', 'invite')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id);

CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  body_text       text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  last_error      text
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL;

CREATE TABLE audit_events (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  action    text NOT NULL,
  target_id uuid,
  ip        text,
  detail    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_at ON audit_events (at DESC);
CREATE INDEX audit_events_actor ON audit_events (actor_id, at DESC);

-- Fixed-window counters shared by every server (login and reset limits). UNLOGGED: they
-- are written on every sign-in and need no crash safety, so they cost no WAL flush.
CREATE UNLOGGED TABLE rate_limits (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         int NOT NULL
);
