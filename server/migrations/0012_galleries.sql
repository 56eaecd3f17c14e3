-- Private galleries: a project's photos, delivered to its client once published.

-- A file may now be a gallery's photo, with the renditions the server makes of it (WebP, its
-- metadata stripped): a ≈400 px thumbnail and a ≈2048 px preview.
ALTER TABLE files DROP CONSTRAINT files_purpose_check;
ALTER TABLE files
  ADD CONSTRAINT files_purpose_check CHECK (purpose IN ('attachment', 'gallery')),
  ADD COLUMN thumbnail_key text UNIQUE,
  ADD COLUMN preview_key   text UNIQUE;

CREATE TABLE galleries (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id             uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
  title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  status                 text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
  published_at           timestamptz,
  expires_at             timestamptz,
  expiry_reminded_at     timestamptz,  -- the client was told it expires within 7 days
  watermark              boolean NOT NULL DEFAULT false,
  downloads              text NOT NULL DEFAULT 'ORIGINALS'
                         CHECK (downloads IN ('NONE', 'PREVIEWS', 'ORIGINALS')),
  selection_max          int CHECK (selection_max BETWEEN 1 AND 10000),
  selection_submitted_at timestamptz,
  cover_file_id          uuid REFERENCES files (id) ON DELETE SET NULL,
  created_by             uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
CREATE INDEX galleries_project ON galleries (project_id);

-- A photo of a gallery: its file, its place, what the client thinks of it. The bytes are the
-- files module's; `crc32` (computed once, at upload) lets a zip stream without reading twice.
CREATE TABLE gallery_photos (
  file_id     uuid PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  gallery_id  uuid NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
  position    int NOT NULL,
  sha256      text NOT NULL,
  crc32       bigint NOT NULL CHECK (crc32 BETWEEN 0 AND 4294967295),
  status      text NOT NULL DEFAULT 'PROCESSING' CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
  placeholder text CHECK (length(placeholder) <= 4000),  -- a tiny data: URL for blur-up
  favorite    boolean NOT NULL DEFAULT false,
  comment     text CHECK (length(comment) BETWEEN 1 AND 1000),
  UNIQUE (gallery_id, sha256)
);
CREATE INDEX gallery_photos_order ON gallery_photos (gallery_id, position);
CREATE INDEX gallery_photos_processing ON gallery_photos (status) WHERE status = 'PROCESSING';

-- tus uploads in progress: bytes go to `<storage_key>.part` until the last one arrived.
CREATE TABLE uploads (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gallery_id    uuid NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
  owner_id      uuid REFERENCES users (id) ON DELETE SET NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  length        bigint NOT NULL CHECK (length > 0),
  upload_offset bigint NOT NULL DEFAULT 0 CHECK (upload_offset BETWEEN 0 AND length),
  storage_key   text NOT NULL UNIQUE,
  expires_at    timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_expiry ON uploads (expires_at);

-- Who downloaded what, shown to the studio ("downloaded everything on 3 June, 21:14").
CREATE TABLE gallery_downloads (
  id         bigserial PRIMARY KEY,
  gallery_id uuid NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
  user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  kind       text NOT NULL CHECK (kind IN ('ARCHIVE', 'FAVORITES', 'FILE')),
  file_name  text,
  ip         text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gallery_downloads_gallery ON gallery_downloads (gallery_id, created_at DESC);
