#pragma once
// What each placeholder of contract_document.hpp reads for a project, written in the
// studio's language and time zone ("mercredi 9 décembre 2026 à 9 h 30", "1 250,00 €").

#include "core/time/time.hpp"
#include "modules/contracts/contract_document.hpp"
#include "modules/contracts/contracts_model.hpp"

namespace declic::contracts {

Values values_of(const ProjectFacts& facts, core::time::Instant today);

// Made-up values for a template's preview when no project is named.
ProjectFacts sample_facts(const ProjectFacts& studio);

}  // namespace declic::contracts
