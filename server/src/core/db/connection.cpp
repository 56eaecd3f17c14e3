#include "core/db/connection.hpp"

#include "core/error/try.hpp"

#include "core/log/log.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <libpq-fe.h>
#include <sys/socket.h>

#include <cerrno>

namespace declic::core::db {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

// ---- Rows -------------------------------------------------------------------------------

Rows::Rows(pg_result* result) : result_(result, PQclear) {}
int Rows::size() const {
  return result_ ? PQntuples(result_.get()) : 0;
}
std::int64_t Rows::affected() const {
  if (!result_) return 0;
  const char* n = PQcmdTuples(result_.get());
  return n && *n ? std::stoll(n) : 0;
}
bool Row::is_null(int col) const {
  return PQgetisnull(rows_->raw(), index_, col) != 0;
}
std::string_view Row::text(int col) const {
  return {PQgetvalue(rows_->raw(), index_, col),
          static_cast<std::size_t>(PQgetlength(rows_->raw(), index_, col))};
}

std::string array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string like_pattern(const std::string& term) {
  std::string out = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// ---- SQLSTATE mapping --------------------------------------------------------------------

Error error_from_sqlstate(std::string_view state, std::string_view message,
                          std::string_view constraint) {
  Error e;
  if (state == "23505") {
    e = Error::conflict("duplicate", "This already exists.");
  } else if (state == "23P01") {
    e = Error::conflict("overlap", "This overlaps with something that already exists.");
  } else if (state == "23503") {
    // The constraint's name stays in e.constraint, for repositories and logs: a reply never
    // names the schema's insides.
    e = Error::validation({});
    e.code = "invalid_reference";
    e.detail = "A value refers to something that does not exist.";
  } else if (state == "23514" || state == "23502" || state.starts_with("22")) {
    e = Error::validation({});
    e.code = "invalid_value";
    e.detail = "A value is not valid.";
  } else if (state == "40001" || state == "40P01") {
    e = Error::retry("A concurrent change got in the way. Try again.");
  } else if (state.starts_with("08") || state.starts_with("57P") || state == "57014" ||
             state == "53300") {
    e = Error::unavailable("The database is unavailable.");
  } else {
    e = Error::internal();
    e.cause = std::string(message);
    return e;
  }
  e.constraint = std::string(constraint);
  e.cause = std::string(message);
  return e;
}

// ---- Connection --------------------------------------------------------------------------

Connection::Connection(pg_conn* conn, asio::any_io_executor ex, std::chrono::milliseconds qt)
    : conn_(conn), socket_(ex), query_timeout_(qt) {}

Connection::~Connection() {
  if (socket_.is_open()) socket_.release();  // libpq owns the fd
  PQfinish(conn_);
}

bool Connection::in_transaction() const {
  return PQtransactionStatus(conn_) != PQTRANS_IDLE;
}

bool Connection::usable() const {
  return !broken_ && PQstatus(conn_) == CONNECTION_OK;
}

bool Connection::healthy() {
  if (!usable()) return false;
  // An idle connection has nothing to read. Bytes or EOF here mean the server ended the
  // session (restart, pg_terminate_backend): discard it rather than fail the next query.
  if (in_transaction()) return true;
  char byte;
  const auto n = ::recv(PQsocket(conn_), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) broken_ = true;
  return !broken_;
}

Error Connection::broken(std::string_view what) {
  broken_ = true;
  auto e = Error::unavailable("The database is unavailable.");
  e.cause = std::string(what) + ": " + PQerrorMessage(conn_);
  return e;
}

// Waits until the socket is ready or the deadline passes (false). The timer cancels the
// wait from the same executor, so no locking is needed.
asio::awaitable<bool> Connection::wait(Wait what, Clock::time_point deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor, deadline);
  struct Flags {
    bool expired = false, done = false;
  };
  auto flags = std::make_shared<Flags>();
  // Runs on this coroutine's executor (a strand), so `done` tells it `this` may be gone.
  timer.async_wait([this, flags](boost::system::error_code ec) {
    if (ec || flags->done) return;
    flags->expired = true;
    socket_.cancel();
  });
  boost::system::error_code ec;
  co_await socket_.async_wait(what == Wait::read ? asio::posix::descriptor_base::wait_read
                                                 : asio::posix::descriptor_base::wait_write,
                              asio::redirect_error(asio::use_awaitable, ec));
  flags->done = true;
  timer.cancel();
  co_return !flags->expired && !ec;
}

asio::awaitable<Result<std::unique_ptr<Connection>>> Connection::open(
    const std::string& conninfo, std::chrono::milliseconds timeout,
    std::chrono::milliseconds query_timeout) {
  const char* keys[] = {"dbname", "application_name", "options", nullptr};
  const char* values[] = {conninfo.c_str(), "declic", "-c TimeZone=UTC", nullptr};
  pg_conn* raw = PQconnectStartParams(keys, values, 1);
  if (!raw) co_return Error::unavailable("The database is unavailable.");
  std::unique_ptr<Connection> conn(
      new Connection(raw, co_await asio::this_coro::executor, query_timeout));
  if (PQstatus(raw) == CONNECTION_BAD) co_return conn->broken("connect");

  const auto deadline = Clock::now() + timeout;
  auto poll = PGRES_POLLING_WRITING;
  int fd = -1;
  while (poll != PGRES_POLLING_OK) {
    if (poll == PGRES_POLLING_FAILED) co_return conn->broken("connect");
    if (PQsocket(raw) != fd) {  // libpq may switch sockets while trying hosts
      if (conn->socket_.is_open()) conn->socket_.release();
      fd = PQsocket(raw);
      conn->socket_.assign(fd);
    }
    if (!co_await conn->wait(poll == PGRES_POLLING_READING ? Wait::read : Wait::write, deadline))
      co_return conn->broken("connect timeout");
    poll = PQconnectPoll(raw);
  }
  if (PQsocket(raw) != fd) {
    if (conn->socket_.is_open()) conn->socket_.release();
    conn->socket_.assign(PQsocket(raw));
  }
  if (PQsetnonblocking(raw, 1) != 0) co_return conn->broken("nonblocking");
  // NOTICEs ("already exists, skipping") are not ours to print on stderr.
  PQsetNoticeProcessor(
      raw, [](void*, const char*) {}, nullptr);
  co_return conn;
}

asio::awaitable<Result<void>> Connection::flush(Clock::time_point deadline) {
  for (;;) {
    const int r = PQflush(conn_);
    if (r == 0) co_return Result<void>{};
    if (r < 0) co_return broken("send");
    // The server may be waiting for us to read before it accepts more.
    if (!co_await wait(Wait::write, deadline)) co_return broken("send timeout");
    if (!PQconsumeInput(conn_)) co_return broken("receive");
  }
}

asio::awaitable<Result<Rows>> Connection::collect(Clock::time_point deadline) {
  std::optional<Error> first_error;
  Rows last;
  for (;;) {
    while (PQisBusy(conn_)) {
      if (!co_await wait(Wait::read, deadline)) co_return broken("query timeout");
      if (!PQconsumeInput(conn_)) co_return broken("receive");
    }
    PGresult* res = PQgetResult(conn_);
    if (!res) break;
    const auto status = PQresultStatus(res);
    if (status == PGRES_FATAL_ERROR && !first_error) {
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      const char* constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
      first_error = error_from_sqlstate(state ? state : "", PQresultErrorMessage(res),
                                        constraint ? constraint : "");
      PQclear(res);
    } else if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) {
      PQclear(res);
    } else {
      last = Rows(res);
    }
  }
  if (PQstatus(conn_) != CONNECTION_OK) broken_ = true;
  if (first_error) co_return *first_error;
  co_return last;
}

asio::awaitable<Result<Rows>> Connection::query(const Statement& st, const Params& params) {
  if (broken_) co_return broken("query on a broken connection");
  const auto deadline = Clock::now() + query_timeout_;
  const std::string name(st.name);
  if (!prepared_.contains(name)) {
    const std::string sql(st.sql);
    if (!PQsendPrepare(conn_, name.c_str(), sql.c_str(), 0, nullptr)) co_return broken("prepare");
    DECLIC_CO_TRYV(co_await flush(deadline));
    DECLIC_CO_TRYV(co_await collect(deadline));
    prepared_.insert(name);
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  if (!PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(),
                           nullptr, nullptr, 0))
    co_return broken("send");
  DECLIC_CO_TRYV(co_await flush(deadline));
  co_return co_await collect(deadline);
}

asio::awaitable<Result<std::string>> Connection::exec_tag(std::string_view sql) {
  if (broken_) co_return broken("exec on a broken connection");
  const auto deadline = Clock::now() + query_timeout_;
  if (!PQsendQuery(conn_, std::string(sql).c_str())) co_return broken("send");
  DECLIC_CO_TRYV(co_await flush(deadline));
  DECLIC_CO_TRY(auto r, co_await collect(deadline));
  co_return std::string(r.raw() ? PQcmdStatus(r.raw()) : "");
}

asio::awaitable<Result<std::vector<std::string>>> Connection::notifications(
    Clock::time_point deadline) {
  std::vector<std::string> payloads;
  for (;;) {
    if (!PQconsumeInput(conn_)) co_return broken("receive");
    while (PGnotify* n = PQnotifies(conn_)) {
      payloads.emplace_back(n->extra);
      PQfreemem(n);
    }
    if (!payloads.empty() || Clock::now() >= deadline) co_return payloads;
    if (!co_await wait(Wait::read, deadline)) {
      if (broken_ || PQstatus(conn_) != CONNECTION_OK) co_return broken("receive");
      if (Clock::now() >= deadline) co_return payloads;
    }
  }
}

asio::awaitable<Result<void>> Connection::exec(std::string_view sql) {
  DECLIC_CO_TRYV(co_await exec_tag(sql));
  co_return Result<void>{};
}

}  // namespace declic::core::db
