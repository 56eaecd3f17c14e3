-- The studio's public page: a presentation, how to reach it, where sessions happen, and the
-- colour the web app takes. All optional; the page shows what is given.
ALTER TABLE settings
  ADD COLUMN presentation  text CHECK (length(presentation) <= 2000),
  ADD COLUMN contact_email text CHECK (length(contact_email) <= 254),
  ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 40),
  ADD COLUMN address       text CHECK (length(address) <= 300),
  ADD COLUMN accent_color  text CHECK (accent_color ~ '^#[0-9a-f]{6}$');
