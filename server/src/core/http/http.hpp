#pragma once
// The light HTTP facade modules see: a decoded request and a response to fill. Beast stays
// inside core/http (server.cpp, websocket.cpp) so controllers compile fast and never depend
// on the wire format.
//
// A route answers in one of four ways (docs/decisions.md, "HTTP: streams and upgrades"):
//   Handler        the body read whole (under the route's limit), a Response;
//   StreamHandler  the body read chunk by chunk from a BodyReader, never whole in memory;
//   a Response whose body is a file range (sent with sendfile) or a BodySource (a zip);
//   SocketHandler  after the guards ran, the connection becomes a WebSocket.

#include "core/auth/principal.hpp"
#include "core/error/error.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace declic::core::http {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names in lower case

struct Request {
  std::string method;  // upper case; HEAD is routed as GET, see `head`
  bool head = false;
  std::string target;  // as received
  std::string path;    // percent-decoded, without the query
  std::string query;   // raw, without '?'
  Headers headers;
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> params;  // path parameters from the router
  std::optional<auth::Principal> principal;                 // set by an authentication guard

  std::string_view header(std::string_view lower_name) const;
  std::string_view param(std::string_view name) const;
  // Decoded query parameter; nullopt when absent.
  std::optional<std::string> query_param(std::string_view name) const;
};

// The body of a stream-in route, read as it arrives.
class BodyReader {
 public:
  virtual ~BodyReader() = default;
  // The declared Content-Length (none for a chunked body).
  virtual std::optional<std::uint64_t> length() const = 0;
  // The next bytes, valid until the next call; empty at the end of the body. An error (400
  // for a broken or too slow body, 413 past the route's limit) ends the request.
  virtual boost::asio::awaitable<Result<std::string_view>> next() = 0;
};

// Bytes a response produces as it is sent (a zip), exactly as many as it declared.
class BodySource {
 public:
  virtual ~BodySource() = default;
  // Fills the start of `into`; 0 only once everything was produced.
  virtual boost::asio::awaitable<Result<std::size_t>> read(std::span<char> into) = 0;
};

class File;  // core/http/files.hpp

// A byte range of an open file, sent with sendfile(2).
struct FileRange {
  std::shared_ptr<const File> file;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// A WebSocket after the upgrade, owned by its connection. Thread-safe: any thread may send
// or close (the live-event fan-out does); receive() is for the route's handler.
class WebSocket {
 public:
  virtual ~WebSocket() = default;
  // The next message (text, or binary as bytes); nullopt once the socket is closed.
  virtual boost::asio::awaitable<std::optional<std::string>> receive() = 0;
  // Queues a text message; false once closed. A client that reads too slowly to keep the
  // queue bounded is disconnected rather than buffered for.
  virtual bool send(std::shared_ptr<const std::string> text) = 0;
  // Closes with `code` (1000 normal, 1001 going away, 4001 authentication…) once what is
  // queued is sent; receive() then returns nullopt.
  virtual void close(std::uint16_t code, std::string reason) = 0;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  Headers headers;
  // Instead of `body`: a file range, or bytes produced while sending (exactly `length`).
  std::optional<FileRange> file;
  std::shared_ptr<BodySource> source;
  std::uint64_t source_length = 0;

  Response& set(std::string name, std::string value);
  std::string_view header(std::string_view lower_name) const;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body, std::string content_type);
  static Response no_content();
  static Response from_file(int status, FileRange range, std::string content_type);
  static Response streamed(int status, std::shared_ptr<BodySource> source, std::uint64_t length,
                           std::string content_type);
  // Bytes the body has, whatever carries it.
  std::uint64_t body_size() const;
  // RFC 9457 application/problem+json for an expected failure.
  static Response problem(const Error& error);
};

// What a controller's route function returns.
using Reply = boost::asio::awaitable<Response>;

using Handler = std::function<Reply(Request&)>;
using StreamHandler = std::function<boost::asio::awaitable<Response>(Request&, BodyReader&)>;
// Runs for as long as it wants the socket; the socket closes when it returns.
using SocketHandler =
    std::function<boost::asio::awaitable<void>(Request&, std::shared_ptr<WebSocket>)>;

// Runs on the request headers, before the body is read: returns an Error to refuse. May
// query the database (authentication loads the user) and fill in Request::principal.
using Guard = std::function<boost::asio::awaitable<std::optional<Error>>(Request&)>;

}  // namespace declic::core::http
