#include "modules/contracts/contracts_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

namespace declic::contracts {

namespace db = core::db;
using core::Error;
using core::Result;

namespace {

#define TEMPLATE_COLUMNS "id, name, body, rfc3339(created_at), rfc3339(updated_at)"
constexpr db::Statement kTemplates{"contract_templates_list",
                                   "SELECT " TEMPLATE_COLUMNS
                                   " FROM contract_templates ORDER BY lower(name), id"};
constexpr db::Statement kTemplate{"contract_templates_get",
                                  "SELECT " TEMPLATE_COLUMNS
                                  " FROM contract_templates WHERE id = $1::uuid"};
constexpr db::Statement kAddTemplate{
    "contract_templates_add",
    "INSERT INTO contract_templates (name, body, created_by) VALUES ($1, $2, $3::uuid)"
    " RETURNING " TEMPLATE_COLUMNS};
constexpr db::Statement kUpdateTemplate{
    "contract_templates_update",
    "UPDATE contract_templates SET name = COALESCE($2, name), body = COALESCE($3, body),"
    " updated_at = now() WHERE id = $1::uuid RETURNING " TEMPLATE_COLUMNS};
constexpr db::Statement kRemoveTemplate{"contract_templates_remove",
                                        "DELETE FROM contract_templates WHERE id = $1::uuid"};
#undef TEMPLATE_COLUMNS

#define STUDIO_FACTS                                                     \
  "st.studio_name, st.locale, st.time_zone, st.currency, st.legal_name," \
  " st.legal_address, st.siret, st.vat_number"
constexpr db::Statement kFacts{
    "contracts_facts",
    "SELECT p.id, b.client_id, s.default_contract_template_id, u.first_name, u.last_name,"
    " u.email, u.phone, u.address, s.name, s.description, s.duration_minutes, b.price_cents,"
    " b.deposit_cents, b.currency, rfc3339(b.starts_at), " STUDIO_FACTS
    " FROM projects p JOIN bookings b ON b.id = p.booking_id JOIN users u ON u.id = b.client_id"
    " JOIN services s ON s.id = b.service_id CROSS JOIN settings st"
    " WHERE st.id AND p.id = $1::uuid"};
constexpr db::Statement kStudioFacts{"contracts_studio_facts",
                                     "SELECT " STUDIO_FACTS " FROM settings st WHERE st.id"};
#undef STUDIO_FACTS
constexpr db::Statement kProjectOfBooking{"contracts_project_of_booking",
                                          "SELECT id FROM projects WHERE booking_id = $1::uuid"};

constexpr db::Statement kInsert{
    "contracts_insert",
    "INSERT INTO contracts (project_id, template_id, title, body, version, previous_id)"
    " SELECT $1::uuid, $2::uuid, $3, $4, coalesce(max(version), 0) + 1,"
    "  (SELECT id FROM contracts WHERE project_id = $1::uuid ORDER BY version DESC LIMIT 1)"
    " FROM contracts WHERE project_id = $1::uuid RETURNING id"};

// The 33 columns decode() reads.
#define CONTRACT_COLUMNS                                                                        \
  "c.id, c.project_id, c.template_id, c.previous_id, c.version, c.title, c.body, c.status,"     \
  " c.document_sha256, c.pdf_sha256, u.id, u.first_name, u.last_name, u.email, s.id, s.name,"   \
  " b.id, rfc3339(b.starts_at), rfc3339(c.created_at), rfc3339(c.updated_at),"                  \
  " rfc3339(c.sent_at), c.signer_name, rfc3339(c.signed_at), c.signed_ip, c.signed_user_agent," \
  " c.signature_png IS NOT NULL, rfc3339(c.countersigned_at), cu.id, cu.first_name,"            \
  " cu.last_name, rfc3339(c.voided_at), c.void_reason,"                                         \
  " (extract(epoch FROM c.created_at) * 1000000)::bigint"
#define CONTRACT_FROM                                                          \
  " FROM contracts c JOIN projects p ON p.id = c.project_id"                   \
  " JOIN bookings b ON b.id = p.booking_id JOIN users u ON u.id = b.client_id" \
  " JOIN services s ON s.id = b.service_id LEFT JOIN users cu ON cu.id = c.countersigned_by"
constexpr db::Statement kFind{"contracts_find",
                              "SELECT " CONTRACT_COLUMNS CONTRACT_FROM " WHERE c.id = $1::uuid"};
constexpr db::Statement kLock{"contracts_lock", "SELECT " CONTRACT_COLUMNS CONTRACT_FROM
                                                " WHERE c.id = $1::uuid FOR UPDATE OF c"};
constexpr db::Statement kVersions{
    "contracts_versions",
    "SELECT id, version, status, rfc3339(created_at), sent_at IS NOT NULL FROM contracts"
    " WHERE project_id = $1::uuid ORDER BY version"};
// Newest first; the cursor is the last row's (created_at µs, id). A client never sees drafts.
constexpr db::Statement kList{
    "contracts_list",
    "SELECT " CONTRACT_COLUMNS CONTRACT_FROM
    " WHERE ($1::uuid IS NULL OR c.project_id = $1::uuid)"
    "   AND ($2::uuid IS NULL OR b.client_id = $2::uuid) AND (NOT $7 OR c.sent_at IS NOT NULL)"
    "   AND ($3::text IS NULL OR c.status = $3)"
    "   AND ($4::bigint IS NULL OR ((extract(epoch FROM c.created_at) * 1000000)::bigint, c.id)"
    "        < ($4::bigint, $5::uuid))"
    " ORDER BY c.created_at DESC, c.id DESC LIMIT $6"};
#undef CONTRACT_FROM
#undef CONTRACT_COLUMNS
constexpr db::Statement kUnsigned{
    "contracts_unsigned_of_project",
    "SELECT id FROM contracts WHERE project_id = $1::uuid AND status IN ('DRAFT', 'SENT')"
    " FOR UPDATE"};

constexpr db::Statement kEdit{
    "contracts_edit",
    "UPDATE contracts SET title = COALESCE($2, title), body = COALESCE($3, body),"
    " updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kSent{
    "contracts_sent",
    "UPDATE contracts SET status = 'SENT', document_sha256 = $2, sent_at = now(),"
    " updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kSigned{
    "contracts_signed",
    "UPDATE contracts SET status = 'SIGNED', signer_name = $2, signed_at = now(),"
    " signed_ip = $3, signed_user_agent = $4, signature_png = decode($5, 'base64'),"
    " updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kCountersigned{
    "contracts_countersigned",
    "UPDATE contracts SET countersigned_at = now(), countersigned_by = $2::uuid,"
    " updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kVoid{
    "contracts_void",
    "UPDATE contracts SET status = 'VOID', voided_at = now(), void_reason = $2,"
    " updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kSignaturePng{
    "contracts_signature_png",
    "SELECT encode(signature_png, 'base64') FROM contracts WHERE id = $1::uuid"
    " AND signature_png IS NOT NULL"};

constexpr db::Statement kRecord{
    "contract_events_record",
    "INSERT INTO contract_events (contract_id, type, actor_id, actor_name, actor_role, ip,"
    " user_agent, document_sha256) VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8)"};
constexpr db::Statement kTrail{
    "contract_events_trail",
    "SELECT id, type, rfc3339(at), actor_id, actor_name, actor_role, ip, user_agent,"
    " document_sha256 FROM contract_events WHERE contract_id = $1::uuid ORDER BY id"};

constexpr db::Statement kAddDocument{
    "contract_documents_add",
    "WITH issued AS (INSERT INTO contract_documents (sha256, contract_id)"
    "  VALUES ($2, $1::uuid) ON CONFLICT (sha256) DO NOTHING)"
    " UPDATE contracts SET pdf_sha256 = $2 WHERE id = $1::uuid"};
constexpr db::Statement kContractOfDocument{
    "contract_documents_find", "SELECT contract_id FROM contract_documents WHERE sha256 = $1"};

Template decode_template(const db::Row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
          r.get<std::string>(3), r.get<std::string>(4)};
}

Error no_template() {
  return Error::not_found("contract template");
}

Error no_contract() {
  return Error::not_found("contract");
}

void decode_studio(const db::Row& r, int c, ProjectFacts& f) {
  f.studio_name = r.get<std::string>(c);
  f.studio_locale = r.get<std::string>(c + 1);
  f.studio_time_zone = r.get<std::string>(c + 2);
  if (f.currency.empty()) f.currency = r.get<std::string>(c + 3);
  f.legal_name = r.get<std::optional<std::string>>(c + 4);
  f.legal_address = r.get<std::optional<std::string>>(c + 5);
  f.siret = r.get<std::optional<std::string>>(c + 6);
  f.vat_number = r.get<std::optional<std::string>>(c + 7);
}

Contract decode(const db::Row& r) {
  Contract c;
  c.id = r.get<std::string>(0);
  c.project_id = r.get<std::string>(1);
  c.template_id = r.get<std::optional<std::string>>(2);
  c.previous_id = r.get<std::optional<std::string>>(3);
  c.version = r.get<int>(4);
  c.title = r.get<std::string>(5);
  c.body = r.get<std::string>(6);
  c.status = contract_status_from(r.text(7)).value_or(ContractStatus::voided);
  c.document_sha256 = r.get<std::optional<std::string>>(8);
  c.pdf_sha256 = r.get<std::optional<std::string>>(9);
  c.client = {r.get<std::string>(10), r.get<std::string>(11), r.get<std::string>(12),
              r.get<std::string>(13)};
  c.service = {r.get<std::string>(14), r.get<std::string>(15)};
  c.booking = {r.get<std::string>(16), r.get<std::string>(17)};
  c.created_at = r.get<std::string>(18);
  c.updated_at = r.get<std::string>(19);
  c.sent_at = r.get<std::optional<std::string>>(20);
  if (!r.is_null(22))
    c.signature =
        Signature{r.get<std::string>(21), r.get<std::string>(22),         r.get<std::string>(23),
                  r.get<std::string>(24), c.document_sha256.value_or(""), r.get<bool>(25)};
  if (!r.is_null(26)) {
    c.countersignature = Countersignature{r.get<std::string>(26), {}};
    if (!r.is_null(27))
      c.countersignature->by = {r.get<std::string>(27), r.get<std::string>(28),
                                r.get<std::string>(29)};
  }
  if (!r.is_null(30)) c.voided = Voided{r.get<std::string>(30), r.get<std::string>(31)};
  c.created_us = r.get<std::int64_t>(32);
  return c;
}

Async<Contract> one(db::Queryable& db, const db::Statement& st, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_contract();
  DECLIC_CO_TRY(auto rows, co_await db.query(st, db::params(id)));
  if (rows.empty()) co_return no_contract();
  co_return decode(rows[0]);
}

}  // namespace

Async<std::vector<Template>> ContractsRepository::templates(Db& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kTemplates));
  std::vector<Template> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_template(rows[i]));
  co_return out;
}

Async<Template> ContractsRepository::template_(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_template();
  DECLIC_CO_TRY(auto rows, co_await db.query(kTemplate, db::params(id)));
  if (rows.empty()) co_return no_template();
  co_return decode_template(rows[0]);
}

Async<Template> ContractsRepository::add_template(Db& db, const std::string& name,
                                                  const std::string& body, const std::string& by) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kAddTemplate, db::params(name, body, by)));
  co_return decode_template(rows[0]);
}

Async<Template> ContractsRepository::update_template(Db& db, const std::string& id,
                                                     const std::optional<std::string>& name,
                                                     const std::optional<std::string>& body) {
  if (!core::is_uuid(id)) co_return no_template();
  DECLIC_CO_TRY(auto rows, co_await db.query(kUpdateTemplate, db::params(id, name, body)));
  if (rows.empty()) co_return no_template();
  co_return decode_template(rows[0]);
}

Async<void> ContractsRepository::remove_template(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_template();
  DECLIC_CO_TRY(auto rows, co_await db.query(kRemoveTemplate, db::params(id)));
  if (rows.affected() == 0) co_return no_template();
  co_return Result<void>{};
}

Async<ProjectFacts> ContractsRepository::facts(Db& db, const std::string& project_id) {
  if (!core::is_uuid(project_id)) co_return Error::not_found("project");
  DECLIC_CO_TRY(auto rows, co_await db.query(kFacts, db::params(project_id)));
  if (rows.empty()) co_return Error::not_found("project");
  const auto r = rows[0];
  ProjectFacts f;
  f.project_id = r.get<std::string>(0);
  f.client_id = r.get<std::string>(1);
  f.default_template_id = r.get<std::optional<std::string>>(2);
  f.client_first_name = r.get<std::string>(3);
  f.client_last_name = r.get<std::string>(4);
  f.client_email = r.get<std::string>(5);
  f.client_phone = r.get<std::optional<std::string>>(6);
  f.client_address = r.get<std::optional<std::string>>(7);
  f.service_name = r.get<std::string>(8);
  f.service_description = r.get<std::string>(9);
  f.duration_minutes = r.get<int>(10);
  f.price_cents = r.get<std::int64_t>(11);
  f.deposit_cents = r.get<std::int64_t>(12);
  f.currency = r.get<std::string>(13);
  f.booking_start = r.get<std::string>(14);
  decode_studio(r, 15, f);
  co_return f;
}

Async<ProjectFacts> ContractsRepository::studio_facts(Db& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kStudioFacts));
  if (rows.empty()) co_return Error::not_found("studio settings");
  ProjectFacts f;
  decode_studio(rows[0], 0, f);
  co_return f;
}

Async<std::optional<std::string>> ContractsRepository::project_of_booking(
    Db& db, const std::string& booking_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kProjectOfBooking, db::params(booking_id)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

Async<std::string> ContractsRepository::insert(Db& tx, const std::string& project_id,
                                               const std::optional<std::string>& template_id,
                                               const std::string& title, const std::string& body) {
  auto rows = co_await tx.query(kInsert, db::params(project_id, template_id, title, body));
  if (!rows && rows.error().errc == core::Errc::conflict)
    co_return Error::conflict("contract_exists",
                              "This project has a contract already: void it to issue another.");
  if (!rows) co_return rows.error();
  co_return rows->operator[](0).get<std::string>(0);
}

Async<Contract> ContractsRepository::find(Db& db, const std::string& id) {
  DECLIC_CO_TRY(auto contract, co_await one(db, kFind, id));
  DECLIC_CO_TRY(auto rows, co_await db.query(kVersions, db::params(contract.project_id)));
  for (int i = 0; i < rows.size(); ++i)
    contract.versions.push_back(
        {rows[i].get<std::string>(0), rows[i].get<int>(1),
         contract_status_from(rows[i].text(2)).value_or(ContractStatus::voided),
         rows[i].get<std::string>(3), rows[i].get<bool>(4)});
  co_return contract;
}

Async<Contract> ContractsRepository::lock(Db& tx, const std::string& id) {
  co_return co_await one(tx, kLock, id);
}

Async<ContractPage> ContractsRepository::list(Db& db, const ContractQuery& q) {
  std::optional<std::int64_t> after_key;
  std::optional<std::string> after_id;
  if (q.cursor) {
    after_key = q.cursor->key;
    after_id = q.cursor->id;
  }
  std::optional<std::string> status;
  if (q.status) status = std::string(to_string(*q.status));
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kList, db::params(q.project_id, q.client_id, status, after_key,
                                                    after_id, q.limit + 1, q.hide_drafts)));
  ContractPage page;
  for (int i = 0; i < rows.size() && i < q.limit; ++i) page.items.push_back(decode(rows[i]));
  if (rows.size() > q.limit)
    page.next_cursor = core::encode_cursor(page.items.back().created_us, page.items.back().id);
  co_return page;
}

Async<std::vector<std::string>> ContractsRepository::unsigned_of_project(
    Db& tx, const std::string& project_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kUnsigned, db::params(project_id)));
  std::vector<std::string> ids;
  for (int i = 0; i < rows.size(); ++i) ids.push_back(rows[i].get<std::string>(0));
  co_return ids;
}

Async<void> ContractsRepository::edit(Db& tx, const std::string& id,
                                      const std::optional<std::string>& title,
                                      const std::optional<std::string>& body) {
  co_return db::completed(co_await tx.query(kEdit, db::params(id, title, body)));
}

Async<void> ContractsRepository::mark_sent(Db& tx, const std::string& id,
                                           const std::string& document_sha256) {
  co_return db::completed(co_await tx.query(kSent, db::params(id, document_sha256)));
}

Async<void> ContractsRepository::mark_signed(Db& tx, const std::string& id, const SignRequest& s,
                                             const Witness& w) {
  co_return db::completed(co_await tx.query(
      kSigned, db::params(id, s.full_name, w.ip, w.user_agent, s.signature_png_base64)));
}

Async<void> ContractsRepository::mark_countersigned(Db& tx, const std::string& id,
                                                    const std::string& by) {
  co_return db::completed(co_await tx.query(kCountersigned, db::params(id, by)));
}

Async<void> ContractsRepository::mark_void(Db& tx, const std::string& id,
                                           const std::string& reason) {
  co_return db::completed(co_await tx.query(kVoid, db::params(id, reason)));
}

Async<std::optional<std::string>> ContractsRepository::signature_png(Db& db,
                                                                     const std::string& id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kSignaturePng, db::params(id)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

Async<void> ContractsRepository::record(Db& tx, const std::string& contract_id,
                                        std::string_view type, const Witness& w,
                                        const std::optional<std::string>& document_sha256) {
  const auto optional = [](const std::string& s) {
    return s.empty() ? std::optional<std::string>{} : std::optional<std::string>{s};
  };
  const std::string kind(type);
  auto params =
      db::params(contract_id, kind, w.actor_id, optional(w.actor_name), optional(w.actor_role),
                 optional(w.ip), optional(w.user_agent), document_sha256);
  co_return db::completed(co_await tx.query(kRecord, std::move(params)));
}

Async<std::vector<TrailEntry>> ContractsRepository::trail(Db& db, const std::string& contract_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kTrail, db::params(contract_id)));
  std::vector<TrailEntry> out;
  for (int i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    TrailEntry e;
    e.id = r.get<std::int64_t>(0);
    e.type = r.get<std::string>(1);
    e.at = r.get<std::string>(2);
    if (!r.is_null(4))
      e.actor = TrailEntry::Actor{r.get<std::optional<std::string>>(3).value_or(""),
                                  r.get<std::string>(4),
                                  r.get<std::optional<std::string>>(5).value_or("")};
    e.ip = r.get<std::optional<std::string>>(6);
    e.user_agent = r.get<std::optional<std::string>>(7);
    e.document_sha256 = r.get<std::optional<std::string>>(8);
    out.push_back(std::move(e));
  }
  co_return out;
}

Async<void> ContractsRepository::add_document(Db& tx, const std::string& contract_id,
                                              const std::string& sha256) {
  co_return db::completed(co_await tx.query(kAddDocument, db::params(contract_id, sha256)));
}

Async<std::optional<std::string>> ContractsRepository::contract_of_document(
    Db& db, const std::string& sha256) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kContractOfDocument, db::params(sha256)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

}  // namespace declic::contracts
