-- Hardening: booking limits the studio sets, requests that expire, counters that know when
-- they may be forgotten, and indexes for the housekeeping job's purges.

ALTER TABLE settings
  ADD COLUMN booking_horizon_months       int NOT NULL DEFAULT 18 CHECK (booking_horizon_months BETWEEN 1 AND 60),
  ADD COLUMN max_open_requests_per_client int NOT NULL DEFAULT 3 CHECK (max_open_requests_per_client BETWEEN 1 AND 20),
  ADD COLUMN request_expiry_hours         int NOT NULL DEFAULT 72 CHECK (request_expiry_hours BETWEEN 1 AND 720);

-- A request nobody answered in time: it frees its slot like a declined one.
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
  CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED', 'EXPIRED'));
CREATE INDEX bookings_pending_created ON bookings (created_at) WHERE status = 'PENDING';
CREATE INDEX bookings_open_by_client ON bookings (client_id) WHERE status = 'PENDING';

-- A counter may be deleted once its window is over (the window differs per kind of limit).
ALTER TABLE rate_limits ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '30 days';
CREATE INDEX rate_limits_expires ON rate_limits (expires_at);

CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX one_time_tokens_expires ON one_time_tokens (expires_at);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX files_created ON files (created_at);
