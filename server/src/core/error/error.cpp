#include "core/error/error.hpp"

#include <stdexcept>

namespace declic::core {

namespace {
Error make(Errc errc, std::string code, std::string detail) {
  Error e;
  e.errc = errc;
  e.code = std::move(code);
  e.detail = std::move(detail);
  return e;
}
}  // namespace

Error Error::bad_request(std::string detail, std::string code) {
  return make(Errc::bad_request, std::move(code), std::move(detail));
}
Error Error::unauthorized(std::string detail) {
  return make(Errc::unauthorized, "unauthorized", std::move(detail));
}
Error Error::forbidden(std::string detail) {
  return make(Errc::forbidden, "forbidden", std::move(detail));
}
Error Error::not_found(std::string_view what) {
  return make(Errc::not_found, "not_found", "No such " + std::string(what) + ".");
}
Error Error::method_not_allowed(std::vector<std::string> allow) {
  Error e =
      make(Errc::method_not_allowed, "method_not_allowed", "This method is not allowed here.");
  e.allow = std::move(allow);
  return e;
}
Error Error::conflict(std::string code, std::string detail) {
  return make(Errc::conflict, std::move(code), std::move(detail));
}
Error Error::gone(std::string code, std::string detail) {
  return make(Errc::gone, std::move(code), std::move(detail));
}
Error Error::payload_too_large(std::string detail) {
  return make(Errc::payload_too_large, "payload_too_large", std::move(detail));
}
Error Error::unsupported_media_type(std::string detail) {
  return make(Errc::unsupported_media_type, "unsupported_media_type", std::move(detail));
}
Error Error::precondition_failed(std::string code, std::string detail) {
  return make(Errc::precondition_failed, std::move(code), std::move(detail));
}
Error Error::checksum_mismatch() {
  return make(Errc::checksum_mismatch, "checksum_mismatch",
              "The bytes received do not match their checksum; send them again.");
}
Error Error::range_not_satisfiable() {
  return make(Errc::range_not_satisfiable, "range_not_satisfiable",
              "The requested range is outside the file.");
}
Error Error::upgrade_required() {
  return make(Errc::upgrade_required, "upgrade_required", "This address speaks WebSocket only.");
}
Error Error::validation(std::vector<FieldError> fields) {
  Error e = make(Errc::validation, "validation_failed", "Some fields are invalid.");
  e.fields = std::move(fields);
  return e;
}
Error Error::headers_too_large() {
  return make(Errc::headers_too_large, "headers_too_large", "The request headers are too large.");
}
Error Error::rate_limited(int retry_after_seconds) {
  Error e = make(Errc::rate_limited, "rate_limited", "Too many attempts. Try again later.");
  e.retry_after_seconds = retry_after_seconds;
  return e;
}
Error Error::unavailable(std::string detail, int retry_after_seconds) {
  Error e = make(Errc::unavailable, "unavailable", std::move(detail));
  e.retry_after_seconds = retry_after_seconds;
  return e;
}
Error Error::retry(std::string detail) {
  return make(Errc::retry, "concurrent_update", std::move(detail));
}
Error Error::not_implemented(std::string detail) {
  return make(Errc::not_implemented, "not_implemented", std::move(detail));
}
Error Error::internal(std::string detail) {
  return make(Errc::internal, "internal", std::move(detail));
}

void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw std::logic_error("value() on an error Result: " + e.code + ": " + e.detail);
}

}  // namespace declic::core
