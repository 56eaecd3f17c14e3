#include "api_client.hpp"

#include "core/auth/jwt.hpp"
#include "core/auth/tokens.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace declic::test {

ApiResponse Api::call(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& token, std::vector<std::string> headers) const {
  const bool typed = std::any_of(headers.begin(), headers.end(), [](const std::string& h) {
    return h.size() > 13 &&
           std::equal(h.begin(), h.begin() + 13,
                      "content-type:", [](char a, char b) { return std::tolower(a) == b; });
  });
  if (!body.empty() && !typed) headers.push_back("Content-Type: application/json");
  if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
  ApiResponse r{request(port_, method, path, body, headers), nullptr};
  boost::system::error_code ec;
  auto parsed = boost::json::parse(r.http.body, ec);
  if (!ec) r.json = std::move(parsed);
  return r;
}

std::string refresh_cookie(const HttpResponse& r) {
  const auto header = r.header("set-cookie");
  return header.substr(0, header.find(';'));
}

std::vector<std::string> mails_to(const std::string& dir, const std::string& to) {
  namespace fs = std::filesystem;
  std::vector<std::pair<fs::file_time_type, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".eml") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    auto text = ss.str();
    if (text.find("\nTo: " + to + "\r") != std::string::npos ||
        text.find("\nTo: " + to + "\n") != std::string::npos)
      found.emplace_back(entry.last_write_time(), std::move(text));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [time, text] : found) out.push_back(std::move(text));
  return out;
}

std::string wait_for_mail(const std::string& dir, const std::string& to,
                          std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  do {
    if (auto mails = mails_to(dir, to); !mails.empty()) return mails.back();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  return {};
}

std::string short_lived_token(const StudioAccount& account, int seconds) {
  const auto payload = account.token.substr(account.token.find('.') + 1);
  const auto claims =
      boost::json::parse(*core::auth::base64url_decode(payload.substr(0, payload.find('.'))));
  const auto now = std::time(nullptr);
  core::auth::JwtCodec codec(kTestJwtSecret);
  return codec.sign({account.id, std::string(claims.at("role").as_string()),
                     std::string(claims.at("sid").as_string()), now, now + seconds});
}

std::string decode_quoted_printable(const std::string& mail) {
  std::string text;
  const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < mail.size(); ++i) {
    if (mail.compare(i, 3, "=\r\n") == 0) {
      i += 2;
    } else if (mail.compare(i, 2, "=\n") == 0) {
      i += 1;
    } else if (mail[i] == '=' && i + 2 < mail.size() && hex(mail[i + 1]) && hex(mail[i + 2])) {
      text += static_cast<char>(std::stoi(mail.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      text += mail[i];
    }
  }
  return text;
}

std::string token_from_mail(const std::string& mail) {
  const auto text = decode_quoted_printable(mail);
  const auto at = text.find("token=");
  if (at == std::string::npos) return {};
  auto end = text.find_first_of("&\r\n \t", at);
  return text.substr(at + 6, end - at - 6);
}

StudioAccount login(const Api& api, const std::string& email, const std::string& password) {
  const boost::json::object body{{"email", email}, {"password", password}};
  auto r = api.post("/api/auth/login", body);
  if (r.status() != 200) throw std::runtime_error("login failed: " + r.http.body);
  return {std::string(r.obj().at("user").at("id").as_string()), email, r.str("accessToken")};
}

StudioAccount sign_up(const Api& api, const std::string& email, const std::string& password,
                      const std::string& locale) {
  const boost::json::object body{{"email", email},
                                 {"password", password},
                                 {"firstName", "Zoé"},
                                 {"lastName", "Client"},
                                 {"locale", locale}};
  auto r = api.post("/api/auth/register", body);
  if (r.status() != 201) throw std::runtime_error("sign-up failed: " + r.http.body);
  return {std::string(r.obj().at("user").at("id").as_string()), email, r.str("accessToken")};
}

StudioAccount create_admin(const Api& api, const std::string& database_url,
                           const std::string& email, const std::string& password) {
  std::string command = "printf '%s\\n' '" + password + "' | env -i PATH=\"$PATH\"";
  for (const auto& [k, v] : server_env(database_url)) command += " " + k + "='" + v + "'";
  command += " DECLIC_ENV_FILE=/nonexistent " + std::string(DECLIC_BIN) + " create-admin --email " +
             email + " >/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("create-admin failed");
  return login(api, email, password);
}

StudioAccount invite_staff(const Api& api, const std::string& mail_dir, const StudioAccount& by,
                           const std::string& email, const std::string& role,
                           const std::string& password) {
  const boost::json::object invite{
      {"email", email}, {"firstName", "Paul"}, {"lastName", "Pro"}, {"role", role}};
  auto r = api.post("/api/users", invite, by.token);
  if (r.status() != 201) throw std::runtime_error("invitation failed: " + r.http.body);
  const auto token = token_from_mail(wait_for_mail(mail_dir, email));
  const boost::json::object reset{{"token", token}, {"password", password}};
  auto accepted = api.post("/api/auth/password/reset", reset);
  if (accepted.status() != 204) throw std::runtime_error("accepting failed: " + accepted.http.body);
  return login(api, email, password);
}

}  // namespace declic::test
