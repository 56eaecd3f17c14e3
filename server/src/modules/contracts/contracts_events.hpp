#pragma once
// The domain events the contracts module publishes. Drafts are the studio's business: the
// events of a contract never sent go to staff only; from `sent` on, its client sees them too.
//
//   contract.created        {contractId, projectId, clientId, status, title, clientName}
//   contract.edited         (the same)
//   contract.sent           → the client is told, in the app and by mail
//   contract.signed         → the staff are told
//   contract.countersigned  → the client is told
//   contract.voided         {…, reason}
//   contract_template.removed  {} (for the staff: the services that named it as their
//                           default no longer do)
//
// Live clients see "contract.updated"; the audit module records them.

#include "core/events/events.hpp"
#include "modules/contracts/contracts_model.hpp"

namespace declic::contracts {

core::events::Event contract_event(std::string_view what, const Contract& c, const Witness& w,
                                   const std::optional<std::string>& reason = std::nullopt);

core::events::Event template_removed_event(const std::string& template_id, const Witness& w);

}  // namespace declic::contracts
