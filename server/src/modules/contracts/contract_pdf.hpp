#pragma once
// A contract typeset as a PDF (cairo + pango, fonts embedded): the studio's name and the page
// numbers on every page, French typography when the studio writes French (no-break spaces
// before : ; ! ?, « guillemets », curly apostrophes), the signature with the drawn one where
// it was drawn, and a last page — the audit page — listing the trail and the hashes.
// Unsealed: core/pdf/seal.hpp seals what this writes.

#include "modules/contracts/contracts_model.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace declic::contracts {

struct PdfInput {
  Contract contract;  // whole: title, body, signature, countersignature
  std::vector<TrailEntry> trail;
  std::optional<std::string> signature_png;  // bytes
  std::string studio_name, locale, time_zone;
  std::string verify_url;  // where anyone can check the document
  std::chrono::system_clock::time_point created_at;
};

std::string render_pdf(const PdfInput& in);

// French typography on a piece of text (see above).
std::string french_typography(std::string_view text);

}  // namespace declic::contracts
