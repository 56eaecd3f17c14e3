-- The pictures the studio shows visitors: its logo and each service's cover, made by the
-- server from an upload (WebP, fitted to a box, metadata stripped). Public by design: served
-- to anyone who has the id, which changes whenever the picture does.
CREATE TABLE images (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  storage_key text NOT NULL UNIQUE,
  width       int NOT NULL CHECK (width > 0),
  height      int NOT NULL CHECK (height > 0),
  size_bytes  int NOT NULL CHECK (size_bytes > 0),
  created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE settings ADD COLUMN logo_image_id uuid REFERENCES images (id) ON DELETE SET NULL;

-- What a service includes, one short line each ("20 photos retouchées", "Galerie en ligne").
ALTER TABLE services
  ADD COLUMN cover_image_id uuid REFERENCES images (id) ON DELETE SET NULL,
  ADD COLUMN included text[] NOT NULL DEFAULT '{}' CHECK (cardinality(included) <= 12);
