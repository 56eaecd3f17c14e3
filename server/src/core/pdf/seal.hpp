#pragma once
// The studio's seal on the PDFs it issues: a PDF digital signature (adbe.pkcs7.detached,
// CMS with SHA-256) appended to the document as an incremental update, so that any PDF
// reader, or Poppler's `pdfsig`, reports the document as signed and unmodified since.
//
// The certificate is the studio's own: given in configuration (PEM files), or generated on
// first start (RSA 2048, self-signed, ten years) and kept in a directory of DATA_DIR. A
// reader that does not know that certificate still checks the document's integrity with it.

#include "core/error/error.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace declic::core::pdf {

struct SealInfo {
  std::string name;    // who seals: the studio
  std::string reason;  // "Contrat signé électroniquement"
  std::chrono::system_clock::time_point at;
};

class Seal {
 public:
  // The key and certificate in `cert_file` and `key_file` when both are given; otherwise those
  // of `dir` (key.pem, cert.pem), made for `subject` the first time.
  static Result<Seal> load_or_create(const std::string& dir, const std::string& subject,
                                     const std::string& cert_file = "",
                                     const std::string& key_file = "");
  ~Seal();
  Seal(Seal&&) noexcept;
  Seal& operator=(Seal&&) noexcept;

  // `pdf` as written by cairo (one classic cross-reference table), sealed.
  Result<std::string> seal(std::string pdf, const SealInfo& info) const;

 private:
  struct Keys;
  explicit Seal(std::unique_ptr<Keys> keys);
  std::unique_ptr<Keys> keys_;
};

}  // namespace declic::core::pdf
