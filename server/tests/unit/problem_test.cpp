#include "core/http/problem.hpp"
#include "core/db/connection.hpp"
#include "core/http/http.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

using namespace declic::core;
using http::Response;

namespace {
boost::json::object body_of(const Response& r) {
  return boost::json::parse(r.body).as_object();
}
}  // namespace

TEST(Problem, EveryErrcMapsToItsStatus) {
  EXPECT_EQ(http::status_of(Errc::bad_request), 400);
  EXPECT_EQ(http::status_of(Errc::unauthorized), 401);
  EXPECT_EQ(http::status_of(Errc::forbidden), 403);
  EXPECT_EQ(http::status_of(Errc::not_found), 404);
  EXPECT_EQ(http::status_of(Errc::method_not_allowed), 405);
  EXPECT_EQ(http::status_of(Errc::conflict), 409);
  EXPECT_EQ(http::status_of(Errc::retry), 409);
  EXPECT_EQ(http::status_of(Errc::gone), 410);
  EXPECT_EQ(http::status_of(Errc::payload_too_large), 413);
  EXPECT_EQ(http::status_of(Errc::unsupported_media_type), 415);
  EXPECT_EQ(http::status_of(Errc::validation), 422);
  EXPECT_EQ(http::status_of(Errc::rate_limited), 429);
  EXPECT_EQ(http::status_of(Errc::headers_too_large), 431);
  EXPECT_EQ(http::status_of(Errc::unavailable), 503);
  EXPECT_EQ(http::status_of(Errc::not_implemented), 501);
  EXPECT_EQ(http::status_of(Errc::internal), 500);
}

TEST(Problem, BodyIsRfc9457WithStableCode) {
  auto r = Response::problem(Error::conflict("slot_taken", "This slot was just booked."));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.content_type, "application/problem+json");
  auto b = body_of(r);
  EXPECT_EQ(b.at("type").as_string(), "/problems/slot_taken");
  EXPECT_EQ(b.at("title").as_string(), "Conflict");
  EXPECT_EQ(b.at("status").as_int64(), 409);
  EXPECT_EQ(b.at("detail").as_string(), "This slot was just booked.");
  EXPECT_EQ(b.at("code").as_string(), "slot_taken");
  EXPECT_FALSE(b.contains("errors"));
}

TEST(Problem, ValidationListsFieldErrors) {
  auto r = Response::problem(Error::validation(
      {{"email", "invalid", "Not an e-mail address."}, {"password", "too_short", "At least 10."}}));
  EXPECT_EQ(r.status, 422);
  const auto body = body_of(r);
  const auto& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field").as_string(), "email");
  EXPECT_EQ(errors[0].at("code").as_string(), "invalid");
  EXPECT_EQ(errors[1].at("message").as_string(), "At least 10.");
}

TEST(Problem, InternalErrorsNeverLeakTheirCause) {
  auto e = Error::internal("secret detail");
  e.cause = "ERROR: relation \"users\" does not exist";
  auto r = Response::problem(e);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  EXPECT_EQ(r.body.find("relation"), std::string::npos);
  EXPECT_EQ(body_of(r).at("code").as_string(), "internal");
}

TEST(Problem, RetryAfterAndAllowHeaders) {
  auto limited = Response::problem(Error::rate_limited(30));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("retry-after"), "30");
  auto wrong = Response::problem(Error::method_not_allowed({"GET", "HEAD"}));
  EXPECT_EQ(wrong.header("allow"), "GET, HEAD");
}

TEST(SqlState, MapsToDomainErrors) {
  EXPECT_EQ(db::error_from_sqlstate("23505", "dup", "users_email_key").errc, Errc::conflict);
  EXPECT_EQ(db::error_from_sqlstate("23505", "dup", "users_email_key").constraint,
            "users_email_key");
  EXPECT_EQ(db::error_from_sqlstate("23P01", "overlap", "no_overlap").errc, Errc::conflict);
  EXPECT_EQ(db::error_from_sqlstate("23503", "fk", "fk_x").errc, Errc::validation);
  EXPECT_EQ(db::error_from_sqlstate("23514", "check", "c").errc, Errc::validation);
  EXPECT_EQ(db::error_from_sqlstate("22P02", "bad uuid", "").errc, Errc::validation);
  EXPECT_EQ(db::error_from_sqlstate("40001", "serialization", "").errc, Errc::retry);
  EXPECT_EQ(db::error_from_sqlstate("40P01", "deadlock", "").errc, Errc::retry);
  EXPECT_EQ(db::error_from_sqlstate("57P01", "admin shutdown", "").errc, Errc::unavailable);
  EXPECT_EQ(db::error_from_sqlstate("08006", "connection failure", "").errc, Errc::unavailable);
  const auto other = db::error_from_sqlstate("42P01", "no such table", "");
  EXPECT_EQ(other.errc, Errc::internal);
  EXPECT_EQ(other.cause, "no such table");
}

// A reply never names the schema's insides: the constraint stays for repositories and logs.
TEST(SqlState, AValidationReplyNeverNamesTheConstraint) {
  for (const char* state : {"23503", "23514", "23502", "22001"}) {
    const auto e = db::error_from_sqlstate(state, "violates bookings_status_reason_check",
                                           "bookings_status_reason_check");
    EXPECT_EQ(e.errc, Errc::validation);
    EXPECT_EQ(e.constraint, "bookings_status_reason_check");
    const auto reply = http::Response::problem(e);
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.body.find("bookings_status_reason_check"), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find("violates"), std::string::npos) << reply.body;
  }
}
