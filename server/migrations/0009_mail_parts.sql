-- Mails as people expect them: an HTML part beside the text, and files (a session's .ics).
-- Both are emptied once sent, like the text: bodies hold one-time links.
ALTER TABLE outbox
  ADD COLUMN body_html   text  NOT NULL DEFAULT '',
  ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
