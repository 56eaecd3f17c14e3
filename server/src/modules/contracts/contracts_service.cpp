#include "modules/contracts/contracts_service.hpp"

#include "core/auth/tokens.hpp"
#include "core/error/try.hpp"
#include "core/time/time.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/blocking.hpp"
#include "modules/contracts/contract_pdf.hpp"
#include "modules/contracts/contract_values.hpp"
#include "modules/contracts/contracts_events.hpp"
#include "modules/contracts/contracts_repository.hpp"

#include <array>
#include <ctime>

namespace declic::contracts {

using core::Error;
using core::Result;
using Status = ContractStatus;

namespace {

constexpr std::array<std::string_view, 4> kStatusNames{"DRAFT", "SENT", "SIGNED", "VOID"};

Error no_contract() {
  return Error::not_found("contract");
}

Error invalid_transition(const Contract& c, std::string_view action) {
  return Error::conflict(
      "invalid_transition",
      "A " + std::string(to_string(c.status)) + " contract cannot be " + std::string(action) + ".");
}

// 422 naming the placeholders a body uses that do not exist.
Result<void> known_placeholders(const std::string& body) {
  const auto unknown = unknown_placeholders(body);
  if (unknown.empty()) return {};
  std::vector<core::FieldError> errors;
  for (const auto& name : unknown)
    errors.push_back({"body", "unknown_placeholder", "{{" + name + "}}"});
  return Error::validation(std::move(errors));
}

// What the studio itself does (a draft prepared when a booking is confirmed).
Witness automatic(const core::events::Event& e) {
  return Witness{std::nullopt, "Déclic", "SYSTEM", e.ip, ""};
}

}  // namespace

std::string_view to_string(ContractStatus s) {
  return kStatusNames[static_cast<std::size_t>(s)];
}

std::optional<ContractStatus> contract_status_from(std::string_view text) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == text) return static_cast<ContractStatus>(i);
  return std::nullopt;
}

std::string document_text(const Contract& c) {
  return c.title + "\n\n" + c.body;
}

ContractsService::ContractsService(core::db::Pool& db, core::events::Bus& events,
                                   boost::asio::thread_pool& blocking, Options options,
                                   core::pdf::Seal seal)
    : db_(db),
      events_(events),
      blocking_(blocking),
      options_(std::move(options)),
      seal_(std::move(seal)),
      signer_(options_.link_secret),
      repository_(std::make_unique<ContractsRepository>()) {}
ContractsService::~ContractsService() = default;

// ---- templates -------------------------------------------------------------------------------

Async<std::vector<Template>> ContractsService::templates(const Principal& me) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->templates(db_);
}

Async<Template> ContractsService::template_(const Principal& me, const std::string& id) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->template_(db_, id);
}

Async<Template> ContractsService::add_template(const Principal& me, const std::string& name,
                                               const std::string& body) {
  if (!me.is_staff()) co_return Error::forbidden();
  DECLIC_CO_TRYV(known_placeholders(body));
  co_return co_await repository_->add_template(db_, name, body, me.id());
}

Async<Template> ContractsService::update_template(const Principal& me, const std::string& id,
                                                  const std::optional<std::string>& name,
                                                  const std::optional<std::string>& body) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (body) DECLIC_CO_TRYV(known_placeholders(*body));
  co_return co_await repository_->update_template(db_, id, name, body);
}

Async<void> ContractsService::remove_template(const Principal& me, const std::string& id,
                                              const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRYV(co_await repository_->remove_template(tx, id));
    const auto event = template_removed_event(id, w);
    co_return co_await events_.publish(tx, event);
  });
}

Async<Document> ContractsService::preview(const Principal& me, const std::string& body,
                                          const std::optional<std::string>& project_id) {
  if (!me.is_staff()) co_return Error::forbidden();
  DECLIC_CO_TRYV(known_placeholders(body));
  ProjectFacts facts;
  if (project_id) {
    DECLIC_CO_TRY(facts, co_await repository_->facts(db_, *project_id));
  } else {
    DECLIC_CO_TRY(auto studio, co_await repository_->studio_facts(db_));
    facts = sample_facts(studio);
  }
  co_return parse(fill(body, values_of(facts, core::time::now())));
}

// ---- contracts -------------------------------------------------------------------------------

Async<Contract> ContractsService::publish(core::db::Queryable& tx, const std::string& id,
                                          std::string_view what, const Witness& w,
                                          const std::optional<std::string>& reason) {
  DECLIC_CO_TRY(auto contract, co_await repository_->find(tx, id));
  const bool hashed = what == "sent" || what == "signed" || what == "countersigned";
  const auto hash = hashed ? contract.document_sha256 : std::nullopt;
  DECLIC_CO_TRYV(co_await repository_->record(tx, id, what, w, hash));
  const auto event = contract_event(what, contract, w, reason);
  DECLIC_CO_TRYV(co_await events_.publish(tx, event));
  co_return contract;
}

Async<std::string> ContractsService::insert_draft(core::db::Queryable& tx,
                                                  const ProjectFacts& facts, const Template& t,
                                                  const Witness& w) {
  const auto body = fill(t.body, values_of(facts, core::time::now()));
  const std::optional<std::string> template_id = t.id;
  DECLIC_CO_TRY(auto id,
                co_await repository_->insert(tx, facts.project_id, template_id, t.name, body));
  DECLIC_CO_TRYV(co_await publish(tx, id, "created", w, std::nullopt));
  co_return id;
}

Async<Contract> ContractsService::create(const Principal& me, const std::string& project_id,
                                         const std::string& template_id, const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  auto t = co_await repository_->template_(db_, template_id);
  if (!t && t.error().errc == core::Errc::not_found)
    co_return Error::validation({{"templateId", "not_found", "No such template."}});
  if (!t) co_return t.error();
  auto facts = co_await repository_->facts(db_, project_id);
  if (!facts && facts.error().errc == core::Errc::not_found)
    co_return Error::validation({{"projectId", "not_found", "No such project."}});
  if (!facts) co_return facts.error();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Contract> {
    DECLIC_CO_TRY(auto id, co_await insert_draft(tx, *facts, *t, w));
    co_return co_await repository_->find(tx, id);
  });
}

Async<ContractPage> ContractsService::list(const Principal& me, ContractQuery query) {
  if (!me.is_staff()) {
    query.client_id = me.id();
    query.hide_drafts = true;
  }
  co_return co_await repository_->list(db_, query);
}

Async<Contract> ContractsService::visible(core::db::Queryable& db, const Principal& me,
                                          const std::string& id) {
  DECLIC_CO_TRY(auto contract, co_await repository_->find(db, id));
  if (me.is_staff()) co_return contract;
  // A client sees what was sent to them, never a draft (even a voided one).
  if (contract.client.id != me.id() || !contract.sent_at) co_return no_contract();
  std::erase_if(contract.versions, [](const VersionRef& v) { return !v.sent; });
  co_return contract;
}

Async<Contract> ContractsService::get(const Principal& me, const std::string& id,
                                      const Witness& w) {
  DECLIC_CO_TRY(auto contract, co_await visible(db_, me, id));
  if (!me.is_staff())
    DECLIC_CO_TRYV(co_await repository_->record(db_, id, "opened", w, contract.document_sha256));
  co_return contract;
}

Async<std::vector<TrailEntry>> ContractsService::trail(const Principal& me, const std::string& id) {
  DECLIC_CO_TRYV(co_await visible(db_, me, id));
  co_return co_await repository_->trail(db_, id);
}

template <class Allowed, class Change>
Async<Contract> ContractsService::transition(const Principal& me, const std::string& id,
                                             std::string_view what, const Witness& w,
                                             Allowed allowed, Change change,
                                             const std::optional<std::string>& reason) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Contract> {
    DECLIC_CO_TRY(auto current, co_await repository_->lock(tx, id));
    if (!me.is_staff() && current.client.id != me.id()) co_return no_contract();
    if (!allowed(current)) co_return invalid_transition(current, what);
    DECLIC_CO_TRYV(co_await change(tx, current));
    co_return co_await publish(tx, id, what, w, reason);
  });
}

Async<Contract> ContractsService::edit(const Principal& me, const std::string& id,
                                       const std::optional<std::string>& title,
                                       const std::optional<std::string>& body, const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (body) DECLIC_CO_TRYV(known_placeholders(*body));
  const auto is_draft = [](const Contract& c) { return c.status == Status::draft; };
  const auto change = [&](core::db::Queryable& tx, const Contract& c) -> Async<void> {
    std::optional<std::string> filled;
    if (body) {
      DECLIC_CO_TRY(auto facts, co_await repository_->facts(tx, c.project_id));
      filled = fill(*body, values_of(facts, core::time::now()));
    }
    co_return co_await repository_->edit(tx, id, title, filled);
  };
  co_return co_await transition(me, id, "edited", w, is_draft, change);
}

Async<Contract> ContractsService::send(const Principal& me, const std::string& id,
                                       const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  const auto is_draft = [](const Contract& c) { return c.status == Status::draft; };
  const auto change = [&](core::db::Queryable& tx, const Contract& c) -> Async<void> {
    const auto hash = core::auth::sha256_hex(document_text(c));
    co_return co_await repository_->mark_sent(tx, id, hash);
  };
  co_return co_await transition(me, id, "sent", w, is_draft, change);
}

Async<Contract> ContractsService::sign(const Principal& me, const std::string& id,
                                       const SignRequest& s, const Witness& w) {
  if (me.is_staff()) co_return Error::forbidden("Only the client signs their contract.");
  const auto is_sent = [](const Contract& c) { return c.status == Status::sent; };
  const auto change = [&](core::db::Queryable& tx, const Contract&) -> Async<void> {
    co_return co_await repository_->mark_signed(tx, id, s, w);
  };
  co_return co_await transition(me, id, "signed", w, is_sent, change);
}

Async<Contract> ContractsService::countersign(const Principal& me, const std::string& id,
                                              const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  const auto awaits_studio = [](const Contract& c) {
    return c.status == Status::signed_ && !c.countersignature;
  };
  const auto change = [&](core::db::Queryable& tx, const Contract&) -> Async<void> {
    co_return co_await repository_->mark_countersigned(tx, id, me.id());
  };
  co_return co_await transition(me, id, "countersigned", w, awaits_studio, change);
}

Async<Contract> ContractsService::void_(const Principal& me, const std::string& id,
                                        const std::string& reason, const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  const auto live = [](const Contract& c) { return c.status != Status::voided; };
  const auto change = [&](core::db::Queryable& tx, const Contract&) -> Async<void> {
    co_return co_await repository_->mark_void(tx, id, reason);
  };
  const std::optional<std::string> why = reason;
  co_return co_await transition(me, id, "voided", w, live, change, why);
}

Async<Contract> ContractsService::reissue(const Principal& me, const std::string& id,
                                          const Witness& w) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Contract> {
    DECLIC_CO_TRY(auto voided, co_await repository_->lock(tx, id));
    if (voided.status != Status::voided) co_return invalid_transition(voided, "reissued");
    DECLIC_CO_TRY(auto next, co_await repository_->insert(tx, voided.project_id, voided.template_id,
                                                          voided.title, voided.body));
    co_return co_await publish(tx, next, "created", w, std::nullopt);
  });
}

// ---- the signed PDF and its verification ------------------------------------------------------

namespace {

constexpr auto kPdfLinkLifetime = std::chrono::minutes(15);

std::string link_subject(const std::string& id) {
  return "contract:" + id;
}

std::optional<std::string> decode_base64(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return core::auth::base64_decode(*text, "\n\r");
}

Verification verification_of(const Contract& c, const std::string& studio_name) {
  std::optional<std::string> signed_at, countersigned_at;
  if (c.signature) signed_at = c.signature->signed_at;
  if (c.countersignature) countersigned_at = c.countersignature->at;
  return {c.id,        c.title,           std::string(to_string(c.status)),
          studio_name, c.document_sha256, c.pdf_sha256,
          signed_at,   countersigned_at};
}

}  // namespace

// One file per signature stage: the client's, then the studio's countersignature.
std::filesystem::path ContractsService::pdf_path(const Contract& c) const {
  const auto stage = c.countersignature ? "countersigned" : "signed";
  return std::filesystem::path(options_.data_dir) / "contracts" / (c.id + "." + stage + ".pdf");
}

std::optional<std::string> ContractsService::pdf_url(const Contract& c) const {
  if (!c.signature) return std::nullopt;
  const auto exp = static_cast<std::int64_t>(std::time(nullptr) + kPdfLinkLifetime.count() * 60);
  return "/api/contracts/" + c.id + "/pdf?exp=" + std::to_string(exp) +
         "&sig=" + signer_.sign(link_subject(c.id), exp);
}

Async<std::filesystem::path> ContractsService::pdf(const Principal* me, const std::string& id,
                                                   const std::optional<Link>& link) {
  Contract contract;
  if (link) {
    if (!signer_.valid(link_subject(id), link->exp, link->sig, std::time(nullptr)))
      co_return Error::forbidden("This link is not valid or has expired.");
    DECLIC_CO_TRY(contract, co_await repository_->find(db_, id));
  } else if (me) {
    DECLIC_CO_TRY(contract, co_await visible(db_, *me, id));
  } else {
    co_return Error::unauthorized();
  }
  if (!contract.signature)
    co_return Error::conflict("not_signed", "The PDF is made once the client has signed.");
  const auto path = pdf_path(contract);
  if (std::filesystem::exists(path)) co_return path;
  co_return co_await make_pdf(id, path);
}

Async<std::filesystem::path> ContractsService::make_pdf(const std::string& id,
                                                        const std::filesystem::path& path) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<std::filesystem::path> {
    // One maker at a time per contract; whoever comes second finds the file made.
    DECLIC_CO_TRY(auto contract, co_await repository_->lock(tx, id));
    if (std::filesystem::exists(path)) co_return path;
    PdfInput in;
    in.contract = std::move(contract);
    DECLIC_CO_TRY(in.trail, co_await repository_->trail(tx, id));
    DECLIC_CO_TRY(auto png, co_await repository_->signature_png(tx, id));
    in.signature_png = decode_base64(png);
    DECLIC_CO_TRY(auto studio, co_await repository_->studio_facts(tx));
    in.studio_name = studio.legal_name.value_or(studio.studio_name);
    in.locale = studio.studio_locale;
    in.time_zone = studio.studio_time_zone;
    in.verify_url = options_.public_url + "/verify";
    in.created_at = std::chrono::system_clock::now();
    const core::pdf::SealInfo info{in.studio_name, "Contrat signé électroniquement", in.created_at};
    const auto typeset_and_seal = [this, &in, &info] { return seal_.seal(render_pdf(in), info); };
    auto sealed = co_await core::run_blocking(blocking_, typeset_and_seal);
    if (!sealed) co_return sealed.error();
    if (!core::write_file_atomically(path, *sealed))
      co_return Error::internal("The contract's PDF could not be written.");
    DECLIC_CO_TRYV(co_await repository_->add_document(tx, id, core::auth::sha256_hex(*sealed)));
    co_return path;
  });
}

Async<Verification> ContractsService::verify(const std::string& id) {
  DECLIC_CO_TRY(auto contract, co_await repository_->find(db_, id));
  if (!contract.sent_at) co_return no_contract();  // never issued
  DECLIC_CO_TRY(auto studio, co_await repository_->studio_facts(db_));
  co_return verification_of(contract, studio.studio_name);
}

Async<std::optional<Verification>> ContractsService::verify_document(const std::string& sha256) {
  DECLIC_CO_TRY(auto id, co_await repository_->contract_of_document(db_, sha256));
  if (!id) co_return std::optional<Verification>{};
  DECLIC_CO_TRY(auto found, co_await verify(*id));
  co_return std::optional<Verification>{std::move(found)};
}

// ---- reactions -------------------------------------------------------------------------------

Async<void> ContractsService::prepare_for_project(core::db::Queryable& tx,
                                                  const core::events::Event& created) {
  DECLIC_CO_TRY(auto facts, co_await repository_->facts(tx, created.subject_id));
  if (!facts.default_template_id) co_return Result<void>{};
  DECLIC_CO_TRY(auto t, co_await repository_->template_(tx, *facts.default_template_id));
  const auto witness = automatic(created);
  DECLIC_CO_TRYV(co_await insert_draft(tx, facts, t, witness));
  co_return Result<void>{};
}

Async<void> ContractsService::void_for_project(core::db::Queryable& tx,
                                               const core::events::Event& changed) {
  if (core::events::text_of(changed.data, "to") != "CANCELLED") co_return Result<void>{};
  DECLIC_CO_TRY(auto ids, co_await repository_->unsigned_of_project(tx, changed.subject_id));
  const std::string reason = "Réservation annulée";
  const std::optional<std::string> why = reason;
  const auto witness = automatic(changed);
  for (const auto& id : ids) {
    DECLIC_CO_TRYV(co_await repository_->mark_void(tx, id, reason));
    DECLIC_CO_TRYV(co_await publish(tx, id, "voided", witness, why));
  }
  co_return Result<void>{};
}

}  // namespace declic::contracts
