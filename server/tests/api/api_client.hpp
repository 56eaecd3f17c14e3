#pragma once
// JSON calls against the server under test, for the identity and later API suites.

#include "test_support.hpp"

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace declic::test {

struct ApiResponse {
  HttpResponse http;
  boost::json::value json;  // null when the body is not JSON
  int status() const { return http.status; }
  const boost::json::object& obj() const { return json.as_object(); }
  std::string str(const char* field) const {
    return std::string(json.as_object().at(field).as_string());
  }
  std::string code() const { return json.is_object() && obj().contains("code") ? str("code") : ""; }
};

class Api {
 public:
  explicit Api(int port) : port_(port) {}
  // The body is sent as JSON unless `headers` give its Content-Type.
  ApiResponse call(const std::string& method, const std::string& path, const std::string& body = "",
                   const std::string& token = "", std::vector<std::string> headers = {}) const;
  ApiResponse get(const std::string& path, const std::string& token = "") const {
    return call("GET", path, "", token);
  }
  ApiResponse post(const std::string& path, const boost::json::value& body,
                   const std::string& token = "") const {
    return call("POST", path, boost::json::serialize(body), token);
  }
  ApiResponse patch(const std::string& path, const boost::json::value& body,
                    const std::string& token = "") const {
    return call("PATCH", path, boost::json::serialize(body), token);
  }

 private:
  int port_;
};

// Accounts for suites that need a studio's cast: signed in, with an access token.
struct StudioAccount {
  std::string id, email, token;
};
StudioAccount login(const Api& api, const std::string& email, const std::string& password);
StudioAccount sign_up(const Api& api, const std::string& email, const std::string& password,
                      const std::string& locale = "fr");
// `declic create-admin` (the real command) on `database_url`, then a sign-in.
StudioAccount create_admin(const Api& api, const std::string& database_url,
                           const std::string& email, const std::string& password);
// `by` invites a staff member, who follows the mailed link and chooses `password`.
StudioAccount invite_staff(const Api& api, const std::string& mail_dir, const StudioAccount& by,
                           const std::string& email, const std::string& role,
                           const std::string& password);

// "declic_refresh=<value>" from a Set-Cookie header, for sending back.
std::string refresh_cookie(const HttpResponse& r);
// The newest .eml in `dir` whose To: is `to`; empty when none within `wait`.
std::string wait_for_mail(const std::string& dir, const std::string& to,
                          std::chrono::milliseconds wait = std::chrono::seconds(10));
// A mail with its quoted-printable body decoded (soft breaks and =XX bytes).
std::string decode_quoted_printable(const std::string& mail);
// The token in a mailed link (…?token=XYZ).
std::string token_from_mail(const std::string& mail);
// Every .eml in `dir` whose To: is `to`, oldest first.
std::vector<std::string> mails_to(const std::string& dir, const std::string& to);

// A token for `account`'s own session that expires in `seconds`: signed with the test key,
// as the server would have (only its expiry differs).
std::string short_lived_token(const StudioAccount& account, int seconds);

}  // namespace declic::test
