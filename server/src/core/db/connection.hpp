#pragma once
// One libpq connection in non-blocking mode, driven by Asio: the socket is watched with a
// stream_descriptor (which never owns the fd: libpq does) and re-wrapped after reconnects.
// Not thread-safe: one user at a time, which the pool guarantees.

#include "core/db/db.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

#include <string>
#include <unordered_set>

struct pg_conn;

namespace declic::core::db {

class Connection {
 public:
  static boost::asio::awaitable<Result<std::unique_ptr<Connection>>> open(
      const std::string& conninfo, std::chrono::milliseconds timeout,
      std::chrono::milliseconds query_timeout);
  ~Connection();

  boost::asio::awaitable<Result<Rows>> query(const Statement& st, const Params& params);
  boost::asio::awaitable<Result<void>> exec(std::string_view sql);
  // Like exec, returning the command tag of the last statement ("COMMIT", "ROLLBACK", …).
  boost::asio::awaitable<Result<std::string>> exec_tag(std::string_view sql);

  // NOTIFY payloads on a connection that ran LISTEN: those that arrived by `deadline`, in
  // order (empty when none did); an error once the connection broke.
  boost::asio::awaitable<Result<std::vector<std::string>>> notifications(
      std::chrono::steady_clock::time_point deadline);

  // False once a query found the connection broken: cheap, for a connection just used.
  bool usable() const;
  // Also false when the server closed it while it sat idle (one non-blocking peek): for a
  // connection taken from the idle set.
  bool healthy();
  bool in_transaction() const;

 private:
  Connection(pg_conn* conn, boost::asio::any_io_executor ex, std::chrono::milliseconds qt);
  enum class Wait { read, write };
  boost::asio::awaitable<bool> wait(Wait what, std::chrono::steady_clock::time_point deadline);
  boost::asio::awaitable<Result<void>> flush(std::chrono::steady_clock::time_point deadline);
  // Collects every result of the command just sent; the first error wins.
  boost::asio::awaitable<Result<Rows>> collect(std::chrono::steady_clock::time_point deadline);
  Error broken(std::string_view what);

  pg_conn* conn_;
  boost::asio::posix::stream_descriptor socket_;
  std::chrono::milliseconds query_timeout_;
  std::unordered_set<std::string> prepared_;
  bool broken_ = false;
};

// SQLSTATE → Error (docs/decisions.md, "Database"). `message` is kept for logs only.
Error error_from_sqlstate(std::string_view sqlstate, std::string_view message,
                          std::string_view constraint);

}  // namespace declic::core::db
