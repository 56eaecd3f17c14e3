-- Booking workflow: the service catalogue, each professional's working hours and blocked
-- periods, bookings (no two overlapping ones, buffers included, ever), idempotent booking
-- requests, and the projects that confirmed bookings become, with their timeline.

-- Makes `professional_id WITH =` usable in a GiST exclusion constraint (trusted extension).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The grid free slots start on, in minutes (15: 09:00, 09:15, …).
ALTER TABLE settings
  ADD COLUMN slot_step_minutes int NOT NULL DEFAULT 15
    CHECK (slot_step_minutes IN (5, 10, 15, 20, 30, 60));

CREATE TABLE services (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  professional_id       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description           text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  category              text NOT NULL DEFAULT '' CHECK (length(category) <= 100),
  duration_minutes      int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
  price_cents           bigint NOT NULL CHECK (price_cents BETWEEN 0 AND 100000000),
  currency              char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  deposit_cents         bigint NOT NULL DEFAULT 0 CHECK (deposit_cents BETWEEN 0 AND price_cents),
  buffer_before_minutes int NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 1440),
  buffer_after_minutes  int NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 1440),
  min_notice_hours      int NOT NULL DEFAULT 0 CHECK (min_notice_hours BETWEEN 0 AND 8760),
  active                boolean NOT NULL DEFAULT true,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_catalogue ON services (active, category, name);

-- The catalogue's version. Every write to services bumps it in its own transaction, so the
-- writers queue on this one row and version order is commit order: a server caching the
-- public catalogue rebuilds it exactly when the number it last saw has changed.
CREATE TABLE services_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO services_version DEFAULT VALUES;

-- Weekly working hours of a professional, in the studio time zone (wall clock): minutes
-- from local midnight, end 1440 = midnight. Several ranges a day, never overlapping (the
-- service checks it; a range is identified by its start).
CREATE TABLE working_hours (
  professional_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  weekday         smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- ISO: 1 = Monday
  start_minute    int NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute      int NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (end_minute > start_minute),
  PRIMARY KEY (professional_id, weekday, start_minute)
);

CREATE TABLE availability_blocks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  professional_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  reason          text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX availability_blocks_pro ON availability_blocks (professional_id, ends_at);

-- busy_start/busy_end = the session widened by the service's buffers at booking time: the
-- range nothing else of the same professional may touch while PENDING or CONFIRMED.
-- '[)' bounds: back-to-back bookings (one's end = the next one's start) both fit.
CREATE TABLE bookings (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id      uuid NOT NULL REFERENCES services (id) ON DELETE RESTRICT,
  professional_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  client_id       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  status          text NOT NULL DEFAULT 'PENDING'
                  CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED')),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  busy_start      timestamptz NOT NULL,
  busy_end        timestamptz NOT NULL,
  price_cents     bigint NOT NULL CHECK (price_cents >= 0),  -- copied from the service
  deposit_cents   bigint NOT NULL CHECK (deposit_cents >= 0),
  currency        char(3) NOT NULL,
  notes           text CHECK (length(notes) <= 2000),
  status_reason   text CHECK (length(status_reason) <= 1000),
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at AND busy_start <= starts_at AND busy_end >= ends_at),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
    professional_id WITH =, tstzrange(busy_start, busy_end, '[)') WITH &&)
    WHERE (status IN ('PENDING', 'CONFIRMED'))
);
CREATE INDEX bookings_client ON bookings (client_id, starts_at);
CREATE INDEX bookings_starts ON bookings (starts_at, id);

-- The first successful answer to a POST /api/bookings carrying an Idempotency-Key, replayed
-- to retries of the same request by the same user.
CREATE TABLE idempotency_keys (
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL,
  status       int NOT NULL,
  body         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE projects (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE RESTRICT,
  status     text NOT NULL DEFAULT 'CONFIRMED'
             CHECK (status IN ('CONFIRMED', 'SHOT', 'EDITING', 'DELIVERED', 'CLOSED', 'CANCELLED')),
  due_date   date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The timeline the client sees: one row per status change or note.
CREATE TABLE project_events (
  id         bigserial PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  status     text NOT NULL,
  note       text CHECK (length(note) <= 2000),
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  by_user    uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX project_events_project ON project_events (project_id, id);
