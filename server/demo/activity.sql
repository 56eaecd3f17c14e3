-- A studio at work, for `declic seed-demo --activity` (what `make run` shows): a dozen
-- clients, sessions from two months back to a month ahead in every status, projects at
-- every step with dated notes, a few conversations. Dates are relative to today in the
-- studio's zone, on weekdays within the demo hours (09:00-18:00). Written straight to the
-- tables: past sessions cannot be booked through the rules, and a demo needs no mails.
-- Runs once: a studio that has bookings already is left alone.
DO $$
DECLARE
  tz        text := (SELECT time_zone FROM settings LIMIT 1);
  today     date := (now() AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date;
  pro       uuid := (SELECT id FROM users WHERE email = 'pro@demo.declic.fr');
  password  text := (SELECT password_hash FROM users WHERE email = 'client1@demo.declic.fr');
  s         record;
  b         record;
  client    uuid;
  booking   uuid;
  project   uuid;
  day       date;
  starts    timestamptz;
  conv      uuid;
  step      text;
  steps     text[] := ARRAY['SHOT', 'EDITING', 'DELIVERED', 'CLOSED'];
  i         int;
BEGIN
  IF pro IS NULL OR EXISTS (SELECT 1 FROM bookings) THEN
    RETURN;
  END IF;

  -- Clients (all with the demo password), some with notes only staff read.
  INSERT INTO users (email, password_hash, role, first_name, last_name, phone, locale, notes)
  VALUES
    ('camille.laurent@demo.declic.fr', password, 'CLIENT', 'Camille', 'Laurent', '+33 6 11 22 33 44', 'fr', 'Préfère la lumière du matin.'),
    ('hugo.moreau@demo.declic.fr', password, 'CLIENT', 'Hugo', 'Moreau', '+33 6 21 32 43 54', 'fr', NULL),
    ('lea.girard@demo.declic.fr', password, 'CLIENT', 'Léa', 'Girard', '+33 7 12 23 34 45', 'fr', 'Mariage le 14 juin, 120 invités.'),
    ('nathan.roux@demo.declic.fr', password, 'CLIENT', 'Nathan', 'Roux', NULL, 'fr', NULL),
    ('manon.fournier@demo.declic.fr', password, 'CLIENT', 'Manon', 'Fournier', '+33 6 98 87 76 65', 'fr', 'Deux enfants (4 et 7 ans).'),
    ('theo.mercier@demo.declic.fr', password, 'CLIENT', 'Théo', 'Mercier', '+33 6 45 56 67 78', 'fr', NULL),
    ('ines.blanc@demo.declic.fr', password, 'CLIENT', 'Inès', 'Blanc', '+33 7 65 54 43 32', 'fr', 'Portrait professionnel pour LinkedIn.'),
    ('louis.garnier@demo.declic.fr', password, 'CLIENT', 'Louis', 'Garnier', NULL, 'fr', NULL),
    ('sarah.chevalier@demo.declic.fr', password, 'CLIENT', 'Sarah', 'Chevalier', '+33 6 33 44 55 66', 'fr', NULL),
    ('emma.wilson@demo.declic.fr', password, 'CLIENT', 'Emma', 'Wilson', '+44 7700 900456', 'en', 'Visiting from London in the spring.')
  ON CONFLICT (email) DO NOTHING;

  -- Sessions: client, service, days from today (moved off weekends), local start, status,
  -- the project's step (past sessions move on), and what the client wrote.
  FOR b IN
    SELECT * FROM (VALUES
      ('camille.laurent@demo.declic.fr', 'Portrait en studio', -58, '10:00', 'CONFIRMED', 'CLOSED', 'Pour mon site de céramiste.'),
      ('lea.girard@demo.declic.fr',      'Reportage mariage',  -45, '09:00', 'CONFIRMED', 'DELIVERED', 'Cérémonie à 15 h, vin d''honneur au domaine.'),
      ('hugo.moreau@demo.declic.fr',     'Séance famille',     -33, '14:00', 'CONFIRMED', 'DELIVERED', NULL),
      ('client1@demo.declic.fr',         'Portrait en studio', -26, '11:00', 'CONFIRMED', 'EDITING', 'Photos pour un dossier de presse.'),
      ('manon.fournier@demo.declic.fr',  'Séance famille',     -19, '10:00', 'CONFIRMED', 'EDITING', 'Les enfants adorent les bulles de savon !'),
      ('nathan.roux@demo.declic.fr',     'Portrait en studio', -12, '16:00', 'CANCELLED', NULL, NULL),
      ('theo.mercier@demo.declic.fr',    'Portrait en studio',  -8, '09:30', 'CONFIRMED', 'SHOT', NULL),
      ('ines.blanc@demo.declic.fr',      'Portrait en studio',  -5, '14:30', 'CONFIRMED', 'SHOT', 'Tenue sombre, fond clair si possible.'),
      ('louis.garnier@demo.declic.fr',   'Séance famille',      -4, '15:00', 'DECLINED', NULL, 'Un samedi serait idéal.'),
      ('sarah.chevalier@demo.declic.fr', 'Portrait en studio',  -2, '10:00', 'EXPIRED', NULL, NULL),
      ('client2@demo.declic.fr',         'Portrait en studio',   2, '10:00', 'CONFIRMED', 'CONFIRMED', 'First time in front of a camera.'),
      ('camille.laurent@demo.declic.fr', 'Séance famille',       4, '14:00', 'CONFIRMED', 'CONFIRMED', 'Avec mes parents cette fois.'),
      ('emma.wilson@demo.declic.fr',     'Portrait en studio',   6, '11:30', 'PENDING', NULL, 'Could we do a few outdoor shots too?'),
      ('hugo.moreau@demo.declic.fr',     'Portrait en studio',   8, '16:00', 'PENDING', NULL, NULL),
      ('sarah.chevalier@demo.declic.fr', 'Séance famille',      11, '10:30', 'PENDING', NULL, 'Nous serons quatre, avec le chien.'),
      ('nathan.roux@demo.declic.fr',     'Portrait en studio',  13, '09:00', 'CANCELLED', NULL, NULL),
      ('ines.blanc@demo.declic.fr',      'Portrait en studio',  18, '15:30', 'CONFIRMED', 'CONFIRMED', 'Deuxième série, en extérieur.'),
      ('lea.girard@demo.declic.fr',      'Portrait en studio',  25, '11:00', 'PENDING', NULL, 'Portrait de couple pour les remerciements.')
    ) AS t(email, service, offset_days, local_start, status, project_status, notes)
  LOOP
    SELECT * INTO s FROM services WHERE name = b.service AND professional_id = pro;
    client := (SELECT id FROM users WHERE email = b.email);
    CONTINUE WHEN s IS NULL OR client IS NULL;
    day := today + b.offset_days;
    day := day + CASE extract(isodow FROM day) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END;
    starts := (day + b.local_start::time) AT TIME ZONE tz;
    INSERT INTO bookings (service_id, professional_id, client_id, status, starts_at, ends_at,
                          busy_start, busy_end, price_cents, deposit_cents, currency, notes,
                          status_reason, created_by, created_at, updated_at)
    VALUES (s.id, pro, client, b.status, starts, starts + make_interval(mins => s.duration_minutes),
            starts - make_interval(mins => s.buffer_before_minutes),
            starts + make_interval(mins => s.duration_minutes + s.buffer_after_minutes),
            s.price_cents, s.deposit_cents, s.currency, b.notes,
            CASE b.status WHEN 'DECLINED' THEN 'Le studio est fermé ce jour-là, désolé !'
                          WHEN 'CANCELLED' THEN 'Empêchement de dernière minute.' END,
            client,
            -- A request waiting for an answer is recent: older ones expire (housekeeping).
            CASE b.status WHEN 'PENDING' THEN now() - interval '5 hours'
                          ELSE least(starts - interval '12 days', now() - interval '4 days') END,
            now())
    RETURNING id INTO booking;
    CONTINUE WHEN b.project_status IS NULL;

    INSERT INTO projects (booking_id, status, due_date, created_at, updated_at)
    VALUES (booking, b.project_status,
            CASE WHEN b.project_status IN ('SHOT', 'EDITING') THEN day + 21 END,
            least(starts - interval '10 days', now() - interval '3 days'), now())
    RETURNING id INTO project;
    INSERT INTO project_events (project_id, status, note, at, by_user)
    VALUES (project, 'CONFIRMED', 'Séance confirmée, acompte reçu.',
            least(starts - interval '10 days', now() - interval '3 days'), pro);
    -- Each step a few days after the previous one, never in the future.
    FOR i IN 1 .. coalesce(array_position(steps, b.project_status), 0) LOOP
      step := steps[i];
      INSERT INTO project_events (project_id, status, note, at, by_user)
      VALUES (project, step,
              CASE step WHEN 'SHOT' THEN 'Séance faite, belle lumière. Tri en cours.'
                        WHEN 'EDITING' THEN 'Sélection faite : 42 photos en retouche.'
                        WHEN 'DELIVERED' THEN 'Galerie livrée, lien envoyé.'
                        ELSE 'Projet terminé, merci !' END,
              least(starts + make_interval(days => 4 * (i - 1), hours => 3), now() - interval '1 hour'),
              pro);
    END LOOP;
  END LOOP;

  -- Conversations with a few messages, some unread by the studio.
  FOR b IN
    SELECT * FROM (VALUES
      ('manon.fournier@demo.declic.fr', false, 'Bonjour ! Est-ce que nous pourrons choisir les photos ensemble ?', 3),
      ('manon.fournier@demo.declic.fr', true,  'Bonjour Manon, bien sûr : je vous envoie une sélection cette semaine.', 2),
      ('emma.wilson@demo.declic.fr',    false, 'Hello! Is there parking near the studio?', 1),
      ('camille.laurent@demo.declic.fr', false, 'Merci pour les photos, elles sont superbes !', 0)
    ) AS t(email, from_staff, body, days_ago)
  LOOP
    client := (SELECT id FROM users WHERE email = b.email);
    INSERT INTO conversations (client_id) VALUES (client)
    ON CONFLICT (client_id) DO UPDATE SET client_id = excluded.client_id
    RETURNING id INTO conv;
    INSERT INTO messages (conversation_id, author_id, from_staff, body, created_at)
    VALUES (conv, CASE WHEN b.from_staff THEN pro ELSE client END, b.from_staff, b.body,
            now() - make_interval(days => b.days_ago, hours => 2));
    UPDATE conversations
       SET last_message_at = (SELECT max(created_at) FROM messages WHERE conversation_id = conv),
           client_read_seq = (SELECT max(seq) FROM messages WHERE conversation_id = conv)
     WHERE id = conv;
  END LOOP;
END
$$;
