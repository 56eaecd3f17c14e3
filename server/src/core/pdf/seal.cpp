#include "core/pdf/seal.hpp"

#include "core/util/atomic_file.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

namespace declic::core::pdf {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kSignatureBytes = 8192;  // room for the CMS blob, hex-encoded twice that
constexpr int kByteRangeWidth = 10;            // digits each ByteRange number may take

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CmsFree {
  void operator()(CMS_ContentInfo* c) const { CMS_ContentInfo_free(c); }
};
using Bio = std::unique_ptr<BIO, BioFree>;
using Cert = std::unique_ptr<X509, X509Free>;
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;

Error failure(std::string what) {
  auto e = Error::internal();
  e.detail = "PDF seal: " + std::move(what);
  return e;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Key read_key(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

Cert read_cert(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return Cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const auto n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

bool add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

// A self-signed certificate for document signing, valid ten years.
Cert make_certificate(EVP_PKEY* key, const std::string& subject) {
  Cert cert(X509_new());
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_set_version(cert.get(), 2);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto cn = subject.substr(0, 64);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  if (!add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation") ||
      X509_sign(cert.get(), key, EVP_sha256()) == 0)
    return nullptr;
  return cert;
}

// ---- the incremental update --------------------------------------------------------------

struct Trailer {
  long size = 0, root = 0, info = 0, xref = 0;
  std::map<long, long> offsets;  // object number → byte offset
};

long number_after(std::string_view text, std::string_view key) {
  const auto at = text.find(key);
  if (at == std::string_view::npos) return -1;
  auto p = at + key.size();
  while (p < text.size() && text[p] == ' ') ++p;
  long value = -1;
  std::from_chars(text.data() + p, text.data() + text.size(), value);
  return value;
}

std::optional<Trailer> read_trailer(const std::string& pdf) {
  Trailer t;
  const auto startxref = pdf.rfind("startxref");
  if (startxref == std::string::npos) return std::nullopt;
  t.xref = number_after(std::string_view(pdf).substr(startxref), "startxref\n");
  if (t.xref <= 0 || static_cast<std::size_t>(t.xref) >= pdf.size() ||
      pdf.compare(t.xref, 5, "xref\n") != 0)
    return std::nullopt;  // not a classic cross-reference table
  std::istringstream xref(pdf.substr(t.xref + 5));
  long first = 0, count = 0;
  xref >> first >> count;
  for (long i = 0; i < count; ++i) {
    long offset = 0, generation = 0;
    char kind = 0;
    xref >> offset >> generation >> kind;
    if (kind == 'n') t.offsets[first + i] = offset;
  }
  const auto trailer = std::string_view(pdf).substr(pdf.find("trailer", t.xref));
  t.size = number_after(trailer, "/Size");
  t.root = number_after(trailer, "/Root");
  t.info = number_after(trailer, "/Info");
  if (t.size <= 0 || t.root <= 0) return std::nullopt;
  return t;
}

// The dictionary of object `n` ("<< … >>"), as written.
std::optional<std::string> object_dict(const std::string& pdf, const Trailer& t, long n) {
  const auto at = t.offsets.find(n);
  if (at == t.offsets.end()) return std::nullopt;
  const auto open = pdf.find("<<", static_cast<std::size_t>(at->second));
  const auto end = pdf.find("endobj", static_cast<std::size_t>(at->second));
  if (open == std::string::npos || end == std::string::npos || open > end) return std::nullopt;
  const auto close = pdf.rfind(">>", end);
  if (close == std::string::npos || close < open) return std::nullopt;
  return pdf.substr(open, close + 2 - open);
}

// `dict` with `entries` added before its closing ">>".
std::string with_entries(const std::string& dict, const std::string& entries) {
  return dict.substr(0, dict.size() - 2) + entries + "\n>>";
}

// The last page's object number, from the page tree's /Kids.
long last_page(const std::string& pdf, const Trailer& t, const std::string& catalog) {
  const auto pages = object_dict(pdf, t, number_after(catalog, "/Pages"));
  if (!pages) return -1;
  const auto kids = pages->find("/Kids");
  const auto end = pages->find(']', kids);
  if (kids == std::string::npos || end == std::string::npos) return -1;
  std::istringstream list(pages->substr(kids + 5, end - kids - 5));
  char bracket = 0;
  list >> bracket;
  long n = -1, generation = 0, last = -1;
  char r = 0;
  while (list >> n >> generation >> r) last = n;
  return last;
}

// A PDF text string: UTF-16BE with a byte-order mark, hex-encoded (any name survives).
std::string text_string(std::string_view utf8) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "<FEFF";
  const auto unit = [&](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 0xF];
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    int len = 1;
    if (c >= 0xF0)
      cp = c & 0x07, len = 4;
    else if (c >= 0xE0)
      cp = c & 0x0F, len = 3;
    else if (c >= 0xC0)
      cp = c & 0x1F, len = 2;
    for (int k = 1; k < len && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out + ">";
}

std::string pdf_date(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &tm);
  return std::string("(") + buf + ")";
}

std::string padded(long value) {
  auto s = std::to_string(value);
  return s + std::string(kByteRangeWidth - s.size(), ' ');
}

}  // namespace

struct Seal::Keys {
  Key key;
  Cert cert;
};

Seal::Seal(std::unique_ptr<Keys> keys) : keys_(std::move(keys)) {}
Seal::~Seal() = default;
Seal::Seal(Seal&&) noexcept = default;
Seal& Seal::operator=(Seal&&) noexcept = default;

Result<Seal> Seal::load_or_create(const std::string& dir, const std::string& subject,
                                  const std::string& cert_file, const std::string& key_file) {
  const bool given = !cert_file.empty() && !key_file.empty();
  const fs::path key_path = given ? fs::path(key_file) : fs::path(dir) / "key.pem";
  const fs::path cert_path = given ? fs::path(cert_file) : fs::path(dir) / "cert.pem";
  auto keys = std::make_unique<Keys>();
  const auto key_pem = read_file(key_path);
  const auto cert_pem = read_file(cert_path);
  if (key_pem && cert_pem) {
    keys->key = read_key(*key_pem);
    keys->cert = read_cert(*cert_pem);
    if (!keys->key || !keys->cert) return failure("cannot read " + cert_path.string());
    if (X509_check_private_key(keys->cert.get(), keys->key.get()) != 1)
      return failure("the certificate does not match the key");
    return Seal(std::move(keys));
  }
  if (given) return failure("cannot read " + cert_path.string() + " or " + key_path.string());
  keys->key = Key(EVP_RSA_gen(2048));
  if (!keys->key) return failure("cannot generate a key");
  keys->cert = make_certificate(keys->key.get(), subject);
  if (!keys->cert) return failure("cannot make a certificate");
  Bio key_out(BIO_new(BIO_s_mem())), cert_out(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(key_out.get(), keys->key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  PEM_write_bio_X509(cert_out.get(), keys->cert.get());
  if (!core::write_file_atomically(key_path, bio_text(key_out.get()), 0600) ||
      !core::write_file_atomically(cert_path, bio_text(cert_out.get()), 0644))
    return failure("cannot write under " + dir);
  return Seal(std::move(keys));
}

Result<std::string> Seal::seal(std::string pdf, const SealInfo& info) const {
  const auto trailer = read_trailer(pdf);
  if (!trailer) return failure("not a PDF with a classic cross-reference table");
  const auto catalog = object_dict(pdf, *trailer, trailer->root);
  if (!catalog) return failure("no catalog");
  const long page = last_page(pdf, *trailer, *catalog);
  const auto page_dict = object_dict(pdf, *trailer, page);
  if (!page_dict || page_dict->find("/Annots") != std::string::npos)
    return failure("no page to hold the seal");

  const long sig = trailer->size, field = sig + 1;
  const auto ref = [](long n) { return std::to_string(n) + " 0 R"; };
  std::map<long, std::string> objects;
  objects[sig] =
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached\n"
      "   /ByteRange [0 " +
      padded(0) + " " + padded(0) + " " + padded(0) +
      "]\n"
      "   /Contents <" +
      std::string(kSignatureBytes * 2, '0') +
      ">\n"
      "   /M " +
      pdf_date(info.at) + " /Name " + text_string(info.name) + " /Reason " +
      text_string(info.reason) + "\n>>";
  objects[field] =
      "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /Rect [0 0 0 0]\n"
      "   /T " +
      text_string("Sceau") + " /V " + ref(sig) + " /P " + ref(page) + "\n>>";
  objects[trailer->root] =
      with_entries(*catalog, "   /AcroForm << /Fields [" + ref(field) + "] /SigFlags 3 >>");
  objects[page] = with_entries(*page_dict, "   /Annots [" + ref(field) + "]");

  if (pdf.back() != '\n') pdf += '\n';
  std::map<long, long> offsets;
  for (const auto& [n, dict] : objects) {
    offsets[n] = static_cast<long>(pdf.size());
    pdf += std::to_string(n) + " 0 obj\n" + dict + "\nendobj\n";
  }
  const long xref = static_cast<long>(pdf.size());
  pdf += "xref\n0 1\n0000000000 65535 f \n";
  for (const auto& [n, offset] : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%ld 1\n%010ld 00000 n \n", n, offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(field + 1) + " /Root " + ref(trailer->root) +
         (trailer->info > 0 ? " /Info " + ref(trailer->info) : std::string()) + " /Prev " +
         std::to_string(trailer->xref) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";

  // The signed ranges: everything but the hex string of /Contents.
  const auto contents = pdf.find("/Contents <", static_cast<std::size_t>(offsets[sig])) + 10;
  const auto after = contents + kSignatureBytes * 2 + 2;
  const auto range_at = pdf.find("/ByteRange [0 ", static_cast<std::size_t>(offsets[sig])) + 14;
  const std::string ranges = padded(static_cast<long>(contents)) + " " +
                             padded(static_cast<long>(after)) + " " +
                             padded(static_cast<long>(pdf.size() - after));
  pdf.replace(range_at, ranges.size(), ranges);

  Bio data(BIO_new(BIO_s_mem()));
  BIO_write(data.get(), pdf.data(), static_cast<int>(contents));
  BIO_write(data.get(), pdf.data() + after, static_cast<int>(pdf.size() - after));
  std::unique_ptr<CMS_ContentInfo, CmsFree> cms(
      CMS_sign(keys_->cert.get(), keys_->key.get(), nullptr, data.get(),
               CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP));
  if (!cms) return failure("CMS signing failed");
  Bio der(BIO_new(BIO_s_mem()));
  if (i2d_CMS_bio(der.get(), cms.get()) != 1) return failure("CMS encoding failed");
  const auto blob = bio_text(der.get());
  if (blob.size() > kSignatureBytes) return failure("signature too large");
  static const char* hex = "0123456789abcdef";
  for (std::size_t i = 0; i < blob.size(); ++i) {
    const auto b = static_cast<unsigned char>(blob[i]);
    pdf[contents + 1 + 2 * i] = hex[b >> 4];
    pdf[contents + 2 + 2 * i] = hex[b & 0xF];
  }
  return pdf;
}

}  // namespace declic::core::pdf
