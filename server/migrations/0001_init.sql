-- Studio settings: exactly one row (id is always true).
CREATE TABLE settings (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  studio_name text NOT NULL CHECK (length(studio_name) BETWEEN 1 AND 200),
  time_zone   text NOT NULL DEFAULT 'Europe/Paris',
  currency    char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  locale      text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO settings (studio_name) VALUES ('Studio Déclic');
