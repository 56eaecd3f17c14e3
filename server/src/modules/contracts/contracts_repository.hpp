#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/contracts/contracts_model.hpp"

namespace declic::contracts {

using core::Async;

// SQL for contract templates, contracts, their issued PDFs and the evidence trail. Reads of a
// contract join its project's booking, client and service.
class ContractsRepository {
 public:
  using Db = core::db::Queryable;

  Async<std::vector<Template>> templates(Db& db);
  Async<Template> template_(Db& db, const std::string& id);  // 404
  Async<Template> add_template(Db& db, const std::string& name, const std::string& body,
                               const std::string& by);
  Async<Template> update_template(Db& db, const std::string& id,
                                  const std::optional<std::string>& name,
                                  const std::optional<std::string>& body);  // 404
  Async<void> remove_template(Db& db, const std::string& id);               // 404

  // What the placeholders of the project's contract read (404 when no such project).
  Async<ProjectFacts> facts(Db& db, const std::string& project_id);
  // The studio's part of the facts alone (previews without a project).
  Async<ProjectFacts> studio_facts(Db& db);
  // The project of a booking, if it has one.
  Async<std::optional<std::string>> project_of_booking(Db& db, const std::string& booking_id);

  // A new DRAFT for the project, the next version after the project's latest contract (which
  // it replaces); 409 contract_exists while the project has a contract that is not VOID.
  Async<std::string> insert(Db& tx, const std::string& project_id,
                            const std::optional<std::string>& template_id, const std::string& title,
                            const std::string& body);
  Async<Contract> find(Db& db, const std::string& id);  // 404; with its versions
  // The contract's row locked until `tx` ends, as it is then (404).
  Async<Contract> lock(Db& tx, const std::string& id);
  Async<ContractPage> list(Db& db, const ContractQuery& q);
  // The contracts of a project that are not VOID and not signed (a cancelled booking's).
  Async<std::vector<std::string>> unsigned_of_project(Db& tx, const std::string& project_id);

  Async<void> edit(Db& tx, const std::string& id, const std::optional<std::string>& title,
                   const std::optional<std::string>& body);
  Async<void> mark_sent(Db& tx, const std::string& id, const std::string& document_sha256);
  Async<void> mark_signed(Db& tx, const std::string& id, const SignRequest& s, const Witness& w);
  Async<void> mark_countersigned(Db& tx, const std::string& id, const std::string& by);
  Async<void> mark_void(Db& tx, const std::string& id, const std::string& reason);
  // The drawn signature of a signed contract, if any (PNG bytes).
  Async<std::optional<std::string>> signature_png(Db& db, const std::string& id);

  Async<void> record(Db& tx, const std::string& contract_id, std::string_view type,
                     const Witness& w, const std::optional<std::string>& document_sha256);
  Async<std::vector<TrailEntry>> trail(Db& db, const std::string& contract_id);

  // A PDF issued for the contract: its hash is what verification finds.
  Async<void> add_document(Db& tx, const std::string& contract_id, const std::string& sha256);
  // The contract that issued a PDF with this hash, if any.
  Async<std::optional<std::string>> contract_of_document(Db& db, const std::string& sha256);
};

}  // namespace declic::contracts
