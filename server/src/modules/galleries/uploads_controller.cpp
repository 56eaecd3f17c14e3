#include "modules/galleries/uploads_controller.hpp"

#include "core/auth/tokens.hpp"
#include "core/http/field_values.hpp"
#include "core/http/json.hpp"

namespace declic::galleries {

namespace http = core::http;
using core::Error;
using http::Request;

namespace {

constexpr std::string_view kVersion = "1.0.0";
constexpr std::string_view kChunkType = "application/offset+octet-stream";

std::optional<std::int64_t> non_negative(std::string_view text) {
  const auto v = http::parse_integer(text);
  return v && *v >= 0 ? v : std::nullopt;
}

// Every tus reply says which version it speaks, and is never cached.
http::Response tus(http::Response res) {
  res.set("Tus-Resumable", std::string(kVersion));
  res.set("Cache-Control", "no-store");
  return res;
}

http::Response tus_problem(const Error& e) {
  return tus(http::Response::problem(e));
}

std::optional<Error> wrong_version(const Request& req) {
  if (req.header("tus-resumable") == kVersion) return std::nullopt;
  return Error::precondition_failed("tus_version", "This server speaks tus 1.0.0.");
}

// 412 says which versions the server does speak.
http::Response version_refused(const Error& e) {
  auto res = tus_problem(e);
  res.set("Tus-Version", std::string(kVersion));
  return res;
}

// `Upload-Metadata`: comma-separated `key base64value` pairs.
std::optional<std::string> metadata(std::string_view header, std::string_view key) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto pair = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto space = pair.find(' ');
    if (pair.substr(0, space) != key) continue;
    if (space == std::string_view::npos) return std::string();
    return core::auth::base64_decode(pair.substr(space + 1));
  }
  return std::nullopt;
}

// `Upload-Checksum: sha1 <base64>` → the raw digest; 400 for any other algorithm or a
// malformed value.
core::Result<std::optional<std::string>> checksum(std::string_view header) {
  if (header.empty()) return std::optional<std::string>{};
  const auto space = header.find(' ');
  if (space == std::string_view::npos || header.substr(0, space) != "sha1")
    return Error::bad_request("Only sha1 checksums are supported.", "checksum_algorithm");
  auto digest = core::auth::base64_decode(header.substr(space + 1));
  if (!digest || digest->size() != 20)
    return Error::bad_request("Upload-Checksum is not a sha1 digest.", "checksum_invalid");
  return std::optional<std::string>(std::move(*digest));
}

http::Response position(int status, const Appended& a) {
  auto res = http::Response::no_content();
  res.status = status;
  res.set("Upload-Offset", std::to_string(a.offset));
  res.set("Upload-Length", std::to_string(a.length));
  if (a.file_id) res.set("Declic-File-Id", *a.file_id);
  if (a.duplicate) res.set("Declic-Duplicate", "true");
  return res;
}

}  // namespace

http::Reply UploadsController::options(Request&) {
  auto res = http::Response::no_content();
  res.set("Tus-Version", std::string(kVersion));
  res.set("Tus-Extension", "creation,creation-with-upload,termination,expiration,checksum");
  res.set("Tus-Checksum-Algorithm", "sha1");
  res.set("Tus-Max-Size", std::to_string(max_size_));
  co_return tus(std::move(res));
}

http::Reply UploadsController::create(Request& req, http::BodyReader& body) {
  if (auto e = wrong_version(req)) co_return version_refused(*e);
  const auto length = non_negative(req.header("upload-length"));
  if (!length)
    co_return tus_problem(Error::bad_request("Upload-Length is required.", "upload_length"));
  const auto meta = req.header("upload-metadata");
  const auto gallery = metadata(meta, "galleryId");
  const auto name = metadata(meta, "filename");
  if (!gallery || !name || name->empty())
    co_return tus_problem(Error::bad_request(
        "Upload-Metadata needs galleryId and filename, base64-encoded.", "upload_metadata"));
  auto upload = co_await service_.create(*req.principal, *gallery, *name, *length);
  if (!upload) co_return tus_problem(upload.error());
  const auto id = upload->id;
  auto res = http::Response::no_content();
  if (req.header("content-type") == kChunkType) {
    // creation-with-upload: the first bytes came along.
    res = co_await write(req, body, id, 0, 201);
  } else {
    res.status = 201;
    res.set("Upload-Offset", "0");
    res = tus(std::move(res));
  }
  res.set("Location", "/api/uploads/" + id);
  res.set("Upload-Expires", upload->expires_at);
  co_return res;
}

http::Reply UploadsController::head(Request& req) {
  if (auto e = wrong_version(req)) co_return version_refused(*e);
  auto at = co_await service_.status(*req.principal, std::string(req.param("id")));
  if (!at) co_return tus_problem(at.error());
  co_return tus(position(200, *at));
}

http::Reply UploadsController::append(Request& req, http::BodyReader& body) {
  if (auto e = wrong_version(req)) co_return version_refused(*e);
  if (req.header("content-type") != kChunkType)
    co_return tus_problem(
        Error::unsupported_media_type("Send the bytes as application/offset+octet-stream."));
  const auto offset = non_negative(req.header("upload-offset"));
  if (!offset)
    co_return tus_problem(Error::bad_request("Upload-Offset is required.", "upload_offset"));
  co_return co_await write(req, body, std::string(req.param("id")), *offset, 204);
}

http::Reply UploadsController::write(Request& req, http::BodyReader& body, const std::string& id,
                                     std::int64_t offset, int status) {
  auto sha1 = checksum(req.header("upload-checksum"));
  if (!sha1) co_return tus_problem(sha1.error());
  auto writer = co_await service_.begin(id, offset, sha1->has_value());
  if (!writer) co_return tus_problem(writer.error());
  const auto announced = body.length();
  if (announced && offset + static_cast<std::int64_t>(*announced) > writer->upload().length)
    co_return tus_problem(Error::payload_too_large("More bytes than the upload's length."));
  std::optional<Error> failed;
  for (;;) {
    auto chunk = co_await body.next();
    if (!chunk) {
      failed = chunk.error();
      break;
    }
    if (chunk->empty()) break;
    if (auto written = writer->write(*chunk); !written) {
      failed = written.error();
      break;
    }
    if (!writer->plausible()) break;  // finish() refuses it without reading the rest
  }
  auto at = co_await service_.finish(*req.principal, std::move(*writer), !failed, *sha1);
  if (!at)
    co_return tus_problem(failed && at.error().code == "incomplete_body" ? *failed : at.error());
  if (failed) co_return tus_problem(*failed);
  co_return tus(position(status, *at));
}

http::Reply UploadsController::terminate(Request& req) {
  if (auto e = wrong_version(req)) co_return version_refused(*e);
  auto done = co_await service_.terminate(std::string(req.param("id")));
  if (!done) co_return tus_problem(done.error());
  co_return tus(http::Response::no_content());
}

}  // namespace declic::galleries
