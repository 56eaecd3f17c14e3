-- Digital contracts: templates written by staff, contracts rendered from them for a project,
-- signed online by the project's client and countersigned by staff, and an evidence trail
-- that nobody can change. What a contract names that earlier data lacked: the client's
-- postal address and the studio's legal details.

ALTER TABLE users ADD COLUMN address text CHECK (length(address) <= 300);

ALTER TABLE settings
  ADD COLUMN legal_name    text CHECK (length(legal_name) <= 200),
  ADD COLUMN legal_address text CHECK (length(legal_address) <= 300),
  ADD COLUMN siret         text CHECK (siret ~ '^[0-9]{14}$'),
  -- NULL: the studio is not registered for VAT ("TVA non applicable, art. 293 B du CGI").
  ADD COLUMN vat_number    text CHECK (length(vat_number) BETWEEN 4 AND 20);

CREATE TABLE contract_templates (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE services ADD COLUMN default_contract_template_id uuid
  REFERENCES contract_templates (id) ON DELETE SET NULL;

-- A contract is one version of the agreement for a project. Its body is the template
-- rendered with the project's values; it is frozen when sent, and `document_sha256` is the
-- hash of exactly that text, the text the client reads and signs. A voided contract may be
-- re-issued: the new version names the one it replaces.
CREATE TABLE contracts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id      uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
  template_id     uuid REFERENCES contract_templates (id) ON DELETE SET NULL,
  previous_id     uuid UNIQUE REFERENCES contracts (id) ON DELETE RESTRICT,
  version         int NOT NULL DEFAULT 1 CHECK (version >= 1),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 60000),
  status          text NOT NULL DEFAULT 'DRAFT'
                  CHECK (status IN ('DRAFT', 'SENT', 'SIGNED', 'VOID')),
  document_sha256 text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
  sent_at         timestamptz,
  signer_name     text CHECK (length(signer_name) BETWEEN 2 AND 200),
  signed_at       timestamptz,
  signed_ip       text,
  signed_user_agent text,
  signature_png   bytea CHECK (length(signature_png) <= 300000),
  countersigned_at timestamptz,
  countersigned_by uuid REFERENCES users (id) ON DELETE SET NULL,
  voided_at       timestamptz,
  void_reason     text CHECK (length(void_reason) BETWEEN 1 AND 500),
  pdf_sha256      text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('DRAFT', 'VOID') OR document_sha256 IS NOT NULL),
  CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL) OR status = 'VOID'),
  CHECK ((status = 'VOID') = (voided_at IS NOT NULL))
);
CREATE INDEX contracts_project ON contracts (project_id, version DESC);
CREATE INDEX contracts_recent ON contracts (created_at DESC, id DESC);
-- At most one live (not void) contract per project.
CREATE UNIQUE INDEX contracts_one_live ON contracts (project_id) WHERE status <> 'VOID';

-- Every PDF the studio issued for a contract, by hash: what the verification answers from.
CREATE TABLE contract_documents (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The evidence trail: append-only. The actor is copied (name, role) rather than referenced,
-- so that no later change elsewhere can rewrite a row through a foreign key.
CREATE TABLE contract_events (
  id              bigserial PRIMARY KEY,
  contract_id     uuid NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,
  type            text NOT NULL CHECK (type IN
                  ('created', 'edited', 'sent', 'opened', 'signed', 'countersigned', 'voided')),
  at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id        uuid,
  actor_name      text,
  actor_role      text,
  ip              text,
  user_agent      text CHECK (length(user_agent) <= 500),
  document_sha256 text,
  detail          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX contract_events_contract ON contract_events (contract_id, id);

-- Refused for every role, the table's owner included: a trigger, not only a privilege.
CREATE FUNCTION contract_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'contract_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER contract_events_no_update BEFORE UPDATE OR DELETE ON contract_events
  FOR EACH ROW EXECUTE FUNCTION contract_events_append_only();
CREATE TRIGGER contract_events_no_truncate BEFORE TRUNCATE ON contract_events
  FOR EACH STATEMENT EXECUTE FUNCTION contract_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON contract_events FROM PUBLIC, CURRENT_USER;
