-- Domain events (core/events): what changed, stored in the transaction of the change.
--
-- `seq` is the insertion number, used inside the server only. `id` is the public number a
-- client catches up from: given at COMMIT by a deferred trigger that takes the one counter
-- row's lock, so ids become visible in increasing order with no gaps — a reader that has
-- seen id N has seen every event up to N, and missed nothing when it asks for "after N".
-- The lock is held only from that trigger to the end of the commit.

CREATE TABLE event_counter (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_id  bigint NOT NULL DEFAULT 0
);
INSERT INTO event_counter DEFAULT VALUES;

CREATE TABLE events (
  seq        bigserial PRIMARY KEY,
  id         bigint UNIQUE,                 -- set at commit; never NULL once visible
  type       text NOT NULL CHECK (type ~ '^[a-z_]+(\.[a-z_]+)+$'),
  subject_id text NOT NULL,                 -- what it is about: the booking's id, …
  actor_id   uuid,                          -- who caused it (no FK: events outlive users)
  data       jsonb NOT NULL DEFAULT '{}',
  -- Who may see it live and when catching up: every staff member, and/or these users.
  to_staff   boolean NOT NULL DEFAULT false,
  to_users   uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_created ON events (created_at);

CREATE FUNCTION events_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_id bigint;
BEGIN
  UPDATE event_counter SET last_id = last_id + 1 RETURNING last_id INTO next_id;
  UPDATE events SET id = next_id WHERE seq = NEW.seq;
  PERFORM pg_notify('declic_events', next_id::text);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER events_number AFTER INSERT ON events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_number();

-- One row per (event, after-commit subscriber group) still to handle. A worker claims a due
-- row by moving `lease_until` forward and counting the attempt (FOR UPDATE SKIP LOCKED, so
-- workers of every server share the table), runs the handler in a transaction that deletes
-- the row only if its claim still holds (`attempts` unchanged), and on failure pushes
-- `lease_until` back by an exponential backoff. A row that failed `max` times keeps its
-- `failed_at` and last error for an operator.
CREATE TABLE event_jobs (
  id          bigserial PRIMARY KEY,
  event_seq   bigint NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
  handler     text NOT NULL,
  attempts    int NOT NULL DEFAULT 0,
  lease_until timestamptz NOT NULL DEFAULT now(),
  last_error  text,
  failed_at   timestamptz,
  UNIQUE (event_seq, handler)
);
CREATE INDEX event_jobs_due ON event_jobs (lease_until) WHERE failed_at IS NULL;

-- Idempotency keys become a core facility (bookings today, payments later): the key names
-- the resource the first request created, which a retry reads back in its current state.
ALTER TABLE idempotency_keys
  ADD COLUMN scope text NOT NULL DEFAULT 'booking.create',
  ADD COLUMN resource_id text;
UPDATE idempotency_keys SET resource_id = body::jsonb ->> 'id' WHERE status = 201;
DELETE FROM idempotency_keys WHERE resource_id IS NULL;
ALTER TABLE idempotency_keys
  DROP COLUMN status,
  DROP COLUMN body,
  ALTER COLUMN scope DROP DEFAULT,
  ALTER COLUMN resource_id SET NOT NULL,
  DROP CONSTRAINT idempotency_keys_pkey,
  ADD PRIMARY KEY (user_id, scope, key);
