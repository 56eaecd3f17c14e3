#pragma once
#include "core/auth/principal.hpp"
#include "modules/contracts/contract_document.hpp"
#include "modules/contracts/contracts_model.hpp"

#include <boost/json/value.hpp>

#include <functional>

namespace declic::contracts {

boost::json::value template_json(const Template& t);
// [{type: "heading", level, runs} | {type: "paragraph", runs} | {type: "bullets"|"numbers",
// items: [runs]}], runs: [{text, bold?, italic?}].
boost::json::value blocks_json(const Document& doc);
// A contract; `whole` adds its body, blocks and versions (lists leave them out). `pdf_url` is
// the signed link to its PDF, null while DRAFT.
boost::json::value contract_json(const Contract& c, bool whole,
                                 const std::optional<std::string>& pdf_url);
boost::json::value trail_json(const std::vector<TrailEntry>& trail);

}  // namespace declic::contracts
