-- A gallery shared with people who have no account (wedding guests): a link and a PIN,
-- view-only or with downloads, with an expiry of its own, revocable. The token in the link is
-- worthless without the PIN; five wrong PINs lock the link for a quarter of an hour.
CREATE TABLE gallery_shares (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gallery_id      uuid NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
  token           text NOT NULL UNIQUE,
  pin_hash        text NOT NULL,
  downloads       boolean NOT NULL DEFAULT false,
  expires_at      timestamptz,
  revoked_at      timestamptz,
  failed_attempts int NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gallery_shares_gallery ON gallery_shares (gallery_id, created_at DESC);
