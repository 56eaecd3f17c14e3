#pragma once
// Rules for contracts (contracts_model.hpp). Staff write templates and manage contracts; a
// client reads and signs their own, never a draft (any other: 404). Transitions:
//
//   DRAFT --send--> SENT --sign (the client)--> SIGNED --countersign (staff, once)
//   DRAFT | SENT | SIGNED --void (staff, with a reason)--> VOID --reissue--> a new DRAFT
//
// anything else is 409 invalid_transition. Only a DRAFT can be edited. Each step is recorded
// in the trail and published (contracts_events.hpp) in the same transaction. A confirmed
// booking whose service names a default template gets a DRAFT for its new project; a
// cancelled project voids its unsigned contract.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "core/pdf/seal.hpp"
#include "core/storage/storage.hpp"
#include "modules/contracts/contract_document.hpp"
#include "modules/contracts/contracts_model.hpp"

#include <boost/asio/thread_pool.hpp>

#include <filesystem>
#include <memory>

namespace declic::contracts {

using core::Async;
using core::auth::Principal;

class ContractsRepository;

// The text whose SHA-256 a contract carries once sent: its title, a blank line, its body.
std::string document_text(const Contract& c);

struct Options {
  std::string data_dir;    // signed PDFs are kept in its contracts/ folder
  std::string public_url;  // for the verification address printed on the audit page
  std::string link_secret;
};

// What anyone may learn of a contract from its id or from a PDF of it.
struct Verification {
  std::string id, title, status, studio_name;
  std::optional<std::string> document_sha256, pdf_sha256, signed_at, countersigned_at;
};

class ContractsService {
 public:
  ContractsService(core::db::Pool& db, core::events::Bus& events,
                   boost::asio::thread_pool& blocking, Options options, core::pdf::Seal seal);
  ~ContractsService();

  Async<std::vector<Template>> templates(const Principal& me);
  Async<Template> template_(const Principal& me, const std::string& id);
  Async<Template> add_template(const Principal& me, const std::string& name,
                               const std::string& body);
  Async<Template> update_template(const Principal& me, const std::string& id,
                                  const std::optional<std::string>& name,
                                  const std::optional<std::string>& body);
  // Services that named it as their default no longer do (contract_template.removed).
  Async<void> remove_template(const Principal& me, const std::string& id, const Witness& w);
  // A body as it would read for the project, or for made-up values without one.
  Async<Document> preview(const Principal& me, const std::string& body,
                          const std::optional<std::string>& project_id);

  Async<Contract> create(const Principal& me, const std::string& project_id,
                         const std::string& template_id, const Witness& w);
  Async<ContractPage> list(const Principal& me, ContractQuery query);
  // A client's reading is recorded in the trail.
  Async<Contract> get(const Principal& me, const std::string& id, const Witness& w);
  Async<Contract> edit(const Principal& me, const std::string& id,
                       const std::optional<std::string>& title,
                       const std::optional<std::string>& body, const Witness& w);
  Async<Contract> send(const Principal& me, const std::string& id, const Witness& w);
  Async<Contract> sign(const Principal& me, const std::string& id, const SignRequest& s,
                       const Witness& w);
  Async<Contract> countersign(const Principal& me, const std::string& id, const Witness& w);
  Async<Contract> void_(const Principal& me, const std::string& id, const std::string& reason,
                        const Witness& w);
  Async<Contract> reissue(const Principal& me, const std::string& id, const Witness& w);
  Async<std::vector<TrailEntry>> trail(const Principal& me, const std::string& id);

  // The sealed PDF of a signed contract (made the first time it is asked for after each
  // signature, then kept): for staff, the contract's client, or the holder of a valid link.
  struct Link {
    std::int64_t exp = 0;
    std::string sig;
  };
  Async<std::filesystem::path> pdf(const Principal* me, const std::string& id,
                                   const std::optional<Link>& link);
  // A short-lived link to the PDF, usable without a header (null until signed).
  std::optional<std::string> pdf_url(const Contract& c) const;
  Async<Verification> verify(const std::string& id);
  // The contract a PDF with this SHA-256 was issued for, if any.
  Async<std::optional<Verification>> verify_document(const std::string& sha256);

  // Event subscribers, in the publisher's transaction.
  Async<void> prepare_for_project(core::db::Queryable& tx, const core::events::Event& created);
  Async<void> void_for_project(core::db::Queryable& tx, const core::events::Event& changed);

 private:
  // The contract as `me` may see it: 404 for another client's or, for a client, a draft.
  Async<Contract> visible(core::db::Queryable& db, const Principal& me, const std::string& id);
  // Locks the contract, checks `allowed` of its state, applies `change`, records and
  // publishes `what`, and answers the contract as it then is.
  template <class Allowed, class Change>
  Async<Contract> transition(const Principal& me, const std::string& id, std::string_view what,
                             const Witness& w, Allowed allowed, Change change,
                             const std::optional<std::string>& reason = std::nullopt);
  Async<std::string> insert_draft(core::db::Queryable& tx, const ProjectFacts& facts,
                                  const Template& t, const Witness& w);
  Async<Contract> publish(core::db::Queryable& tx, const std::string& id, std::string_view what,
                          const Witness& w, const std::optional<std::string>& reason);

  Async<std::filesystem::path> make_pdf(const std::string& id, const std::filesystem::path& path);
  std::filesystem::path pdf_path(const Contract& c) const;

  core::db::Pool& db_;
  core::events::Bus& events_;
  boost::asio::thread_pool& blocking_;
  Options options_;
  core::pdf::Seal seal_;
  core::storage::LinkSigner signer_;
  std::unique_ptr<ContractsRepository> repository_;
};

}  // namespace declic::contracts
