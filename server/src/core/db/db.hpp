#pragma once
// The database facade repositories use. Statements are prepared once per connection and
// run with `$n` text parameters; results are read as text and decoded on access.
//
//   Pool      bounded set of libpq connections driven by Asio; implements Queryable.
//   Tx        a transaction on one pooled connection; rolled back unless commit() succeeded.
//   Queryable what repositories take: either the pool (one statement, autocommit) or a Tx.

#include "core/error/error.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

struct pg_result;

namespace declic::core::db {

// A statement with a stable name, prepared on first use on each connection.
struct Statement {
  std::string_view name;
  std::string_view sql;
};

using Param = std::optional<std::string>;
using Params = std::vector<Param>;

inline Param to_param(std::string_view v) {
  return std::string(v);
}
inline Param to_param(const std::string& v) {
  return v;
}
inline Param to_param(const char* v) {
  return std::string(v);
}
inline Param to_param(bool v) {
  return std::string(v ? "t" : "f");
}
inline Param to_param(std::nullopt_t) {
  return std::nullopt;
}
template <class T>
requires std::is_arithmetic_v<T> Param to_param(T v) {
  return std::to_string(v);
}
template <class T>
Param to_param(const std::optional<T>& v) {
  return v ? to_param(*v) : std::nullopt;
}

template <class... Args>
Params params(const Args&... args) {
  return Params{to_param(args)...};
}

// A PostgreSQL array literal (`{"a","b"}`) for a `$n::text[]` or `$n::uuid[]` parameter.
std::string array_literal(const std::vector<std::string>& items);
// `%term%` for ILIKE, the term's own % _ \ taken literally.
std::string like_pattern(const std::string& term);

class Rows;

class Row {
 public:
  Row(const Rows& rows, int index) : rows_(&rows), index_(index) {}
  bool is_null(int col) const;
  std::string_view text(int col) const;

  template <class T>
  T get(int col) const;

 private:
  const Rows* rows_;
  int index_;
};

class Rows {
 public:
  Rows() = default;
  explicit Rows(pg_result* result);  // takes ownership
  int size() const;
  bool empty() const { return size() == 0; }
  Row operator[](int i) const { return Row(*this, i); }
  std::int64_t affected() const;  // rows changed by INSERT/UPDATE/DELETE
  pg_result* raw() const { return result_.get(); }

 private:
  std::shared_ptr<pg_result> result_;
};

namespace detail {
template <class T>
struct Decoder;
template <>
struct Decoder<std::string> {
  static std::string decode(std::string_view s) { return std::string(s); }
};
template <>
struct Decoder<bool> {
  static bool decode(std::string_view s) { return s == "t"; }
};
template <class T>
requires std::is_arithmetic_v<T>
struct Decoder<T> {
  static T decode(std::string_view s) {
    T v{};
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
};

template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
}  // namespace detail

template <class T>
T Row::get(int col) const {
  if constexpr (detail::is_optional<T>) {
    if (is_null(col)) return std::nullopt;
    return detail::Decoder<typename T::value_type>::decode(text(col));
  } else {
    return detail::Decoder<T>::decode(text(col));
  }
}

// For statements whose rows nobody reads (INSERT, UPDATE, DELETE): success or the error.
inline Result<void> completed(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  return {};
}

// For statements whose count is the answer (a purge's DELETE): rows changed, or the error.
inline Result<std::int64_t> affected(const Result<Rows>& rows) {
  if (!rows) return rows.error();
  return rows->affected();
}

class Queryable {
 public:
  virtual ~Queryable() = default;
  virtual boost::asio::awaitable<Result<Rows>> query(const Statement& st, Params params = {}) = 0;
  // Runs `done` once what was written through this object is committed: when the
  // transaction commits (never if it rolls back), or at once in autocommit, where every
  // statement already has. For in-memory state that mirrors the database (a cache).
  virtual void after_commit(std::function<void()> done) { done(); }
};

class Connection;
struct PoolState;

// A connection borrowed from the pool; returned on destruction.
class Lease {
 public:
  Lease(std::shared_ptr<PoolState> pool, std::unique_ptr<Connection> conn);
  Lease(Lease&&) noexcept;
  Lease& operator=(Lease&&) = delete;
  ~Lease();

  boost::asio::awaitable<Result<Rows>> query(const Statement& st, Params params = {});
  // Runs one or more statements with the simple protocol (migrations, BEGIN/COMMIT).
  boost::asio::awaitable<Result<void>> exec(std::string_view sql);
  boost::asio::awaitable<Result<std::string>> exec_tag(std::string_view sql);  // command tag

 private:
  std::shared_ptr<PoolState> pool_;  // outlives the Pool object: late returns are safe
  std::unique_ptr<Connection> conn_;
};

class Tx final : public Queryable {
 public:
  explicit Tx(Lease lease) : lease_(std::move(lease)) {}
  boost::asio::awaitable<Result<Rows>> query(const Statement& st, Params params = {}) override;
  void after_commit(std::function<void()> done) override;
  boost::asio::awaitable<Result<void>> commit();

 private:
  Lease lease_;
  std::vector<std::function<void()>> on_commit_;
};

struct PoolOptions {
  std::string conninfo;  // libpq URL or key=value string
  std::size_t max_size = 16;
  std::chrono::milliseconds acquire_timeout{2000};
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds query_timeout{30000};
};

struct PoolStats {
  std::size_t max_size, open, idle, in_use, waiters;
  std::uint64_t acquire_timeouts, connect_failures;
};

// Thread-safe. Callers run on a strand (each HTTP session does), because a freed connection
// is handed to the oldest waiter by cancelling that waiter's timer on its own executor.
// While the database is unreachable, acquisitions fail fast with Errc::unavailable and new
// connections are attempted with exponential backoff — no request hangs on a dead database.
class Pool final : public Queryable {
 public:
  Pool(boost::asio::any_io_executor executor, PoolOptions options);
  ~Pool() override;

  boost::asio::awaitable<Result<Lease>> acquire();
  boost::asio::awaitable<Result<Rows>> query(const Statement& st, Params params = {}) override;
  boost::asio::awaitable<Result<Tx>> begin();

  // Runs `work(tx)` in a transaction and commits; retries serialization failures and
  // deadlocks a few times. `work` returns awaitable<Result<T>>.
  template <class Work>
  auto transact(Work work) -> decltype(work(std::declval<Tx&>()));

  PoolStats stats() const;
  // Closes idle connections and refuses new acquisitions (shutdown).
  void close();

 private:
  std::shared_ptr<PoolState> state_;
};

template <class Work>
auto Pool::transact(Work work) -> decltype(work(std::declval<Tx&>())) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    auto tx = co_await begin();
    if (!tx) co_return tx.error();
    auto result = co_await work(*tx);
    Error error;
    if (result) {
      auto committed = co_await tx->commit();
      if (committed) co_return result;
      error = committed.error();
    } else {
      error = result.error();
    }
    if (error.errc != Errc::retry || attempt == kAttempts) co_return error;
  }
}

}  // namespace declic::core::db
