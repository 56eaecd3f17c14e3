#pragma once
// Expected failures as values. Every layer returns Result<T>; only core/http turns an
// Error into an HTTP status (see problem.cpp), so services never think in status codes.

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace declic::core {

enum class Errc {
  bad_request,             // malformed syntax or JSON, wrong types
  unauthorized,            // no or invalid credentials
  forbidden,               // authenticated, not allowed
  not_found,               // unknown, or not yours
  method_not_allowed,      // path exists, method does not
  conflict,                // state conflict: duplicate, taken slot, invalid transition
  gone,                    // existed, no longer usable (used token)
  payload_too_large,       // body over the route's limit
  unsupported_media_type,  // wrong Content-Type
  range_not_satisfiable,   // a Range outside the file
  precondition_failed,     // a protocol version the server does not speak (tus)
  checksum_mismatch,       // a body that does not match its declared checksum (tus: 460)
  upgrade_required,        // a WebSocket route asked without the upgrade
  validation,              // well-formed, invalid values
  headers_too_large,       // request header section over the limit
  rate_limited,            // too many attempts
  unavailable,             // a dependency (the database) is away or saturated
  not_implemented,         // a protocol feature the server does not support
  retry,                   // serialization failure or deadlock: safe to try again
  internal,                // a bug; never carries internals to the client
};

struct FieldError {
  std::string field;
  std::string code;
  std::string message;
};

struct Error {
  Errc errc = Errc::internal;
  std::string code;    // stable machine code the web app translates, e.g. "slot_taken"
  std::string detail;  // a sentence for humans, safe to show to the caller
  std::vector<FieldError> fields;
  std::optional<int> retry_after_seconds;
  std::vector<std::string> allow;  // for method_not_allowed
  std::string constraint;          // the database constraint that failed, for repositories
  std::string cause;               // internal cause for logs; never sent to the caller

  static Error bad_request(std::string detail, std::string code = "bad_request");
  static Error unauthorized(std::string detail = "Authentication required.");
  static Error forbidden(std::string detail = "You are not allowed to do this.");
  static Error not_found(std::string_view what);
  static Error method_not_allowed(std::vector<std::string> allow);
  static Error conflict(std::string code, std::string detail);
  static Error gone(std::string code, std::string detail);
  static Error payload_too_large(std::string detail = "The request body is too large.");
  static Error unsupported_media_type(std::string detail);
  static Error range_not_satisfiable();
  static Error precondition_failed(std::string code, std::string detail);
  static Error checksum_mismatch();
  static Error upgrade_required();
  static Error validation(std::vector<FieldError> fields);
  static Error headers_too_large();
  static Error rate_limited(int retry_after_seconds);
  static Error unavailable(std::string detail, int retry_after_seconds = 1);
  static Error retry(std::string detail);
  static Error not_implemented(std::string detail);
  static Error internal(std::string detail = "An unexpected error occurred.");
};

// boost::system::result calls this on value() of an error result: a bug, so throw.
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

}  // namespace declic::core
