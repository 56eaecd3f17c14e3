-- Messaging and notifications: one conversation per client with the studio, its messages
-- and their attachments (stored files), saved replies, the notifications of the bell, each
-- user's choice of mails per kind, and what was already mailed.

-- Stored files (core/storage): generated names under DATA_DIR, never a path from a user.
-- `purpose` says who owns the file (a message attachment today; gallery photos later).
CREATE TABLE files (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  storage_key text NOT NULL UNIQUE,                 -- relative path under DATA_DIR
  purpose     text NOT NULL CHECK (purpose IN ('attachment')),
  owner_id    uuid REFERENCES users (id) ON DELETE SET NULL,  -- who uploaded it
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  mime_type   text NOT NULL,
  size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
  sha256      text NOT NULL,
  width       int,
  height      int,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz,
  -- Read receipts: the last message each side has seen (the studio as one: any staff member).
  client_read_seq bigint NOT NULL DEFAULT 0,
  staff_read_seq  bigint NOT NULL DEFAULT 0
);
CREATE INDEX conversations_recent ON conversations (last_message_at DESC NULLS LAST, id);

CREATE TABLE messages (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq             bigserial UNIQUE,                  -- order within every conversation
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  author_id       uuid REFERENCES users (id) ON DELETE SET NULL,
  from_staff      boolean NOT NULL,
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  booking_id      uuid REFERENCES bookings (id) ON DELETE SET NULL,
  project_id      uuid REFERENCES projects (id) ON DELETE SET NULL,
  follow_up       boolean NOT NULL DEFAULT false,    -- staff: to answer later
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation ON messages (conversation_id, seq DESC);
CREATE INDEX messages_follow_up ON messages (conversation_id) WHERE follow_up;

CREATE TABLE message_files (
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  file_id    uuid NOT NULL UNIQUE REFERENCES files (id) ON DELETE CASCADE,
  position   smallint NOT NULL CHECK (position BETWEEN 0 AND 4),
  PRIMARY KEY (message_id, position)
);

CREATE TABLE saved_replies (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The bell: one row per user told of something. `kind` is the family a user chooses mails
-- for; `type` what happened (booking.confirmed, project.status_changed, message.created…);
-- `data` what the web app needs to write the sentence and the link.
CREATE TABLE notifications (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq        bigserial UNIQUE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('messages', 'bookings', 'projects')),
  type       text NOT NULL,
  subject_id text NOT NULL,                        -- the booking, project or conversation
  data       jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, seq DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Mails per kind: instant (the default), a daily digest, or none.
CREATE TABLE notification_preferences (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    text NOT NULL CHECK (kind IN ('messages', 'bookings', 'projects')),
  mode    text NOT NULL CHECK (mode IN ('instant', 'digest', 'off')),
  PRIMARY KEY (user_id, kind)
);

-- What was mailed already: a mail lists the user's notifications of a kind after this one.
CREATE TABLE notification_mailed (
  user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind     text NOT NULL,
  up_to    bigint NOT NULL,                        -- notifications.seq
  PRIMARY KEY (user_id, kind)
);

