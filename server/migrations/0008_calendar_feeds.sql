-- A professional's private calendar feed. Its address holds a random token of which only the
-- SHA-256 is kept: the address is shown once, a new one replaces it, deleting the row
-- revokes it. A disabled account or one no longer staff serves nothing (checked on read).
CREATE TABLE calendar_feeds (
  user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
