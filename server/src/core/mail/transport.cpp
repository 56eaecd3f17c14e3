#include "core/mail/transport.hpp"

#include "core/mail/message.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>

namespace declic::core::mail {

namespace {

struct Reader {
  const std::string* data;
  std::size_t at = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* reader = static_cast<Reader*>(user);
  const auto n = std::min(size * count, reader->data->size() - reader->at);
  std::copy_n(reader->data->data() + reader->at, n, buffer);
  reader->at += n;
  return n;
}

// "smtp://user:pass@host:587": a userinfo part in the authority.
bool has_credentials(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  auto authority = url.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  return authority.find('@') != std::string_view::npos;
}

// Failures of the server or of our configuration rather than of one message.
bool server_failure(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_LOGIN_DENIED:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return true;
    default:
      return false;
  }
}

std::string file_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

bool write_all(int fd, const std::string& data) {
  std::size_t at = 0;
  while (at < data.size()) {
    const auto n = ::write(fd, data.data() + at, data.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

void init_transport() {
  // curl_global_init is not thread-safe itself; a function-local static is initialised once.
  static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)initialised;  // on failure curl_easy_init returns null, reported per message
}

Delivery send_smtp(const MailerOptions& options, const std::string& recipient,
                   const std::string& rendered) {
  Delivery d;
  if (!valid_address(recipient)) {  // never let a recipient write SMTP commands of its own
    d.error = "invalid recipient address";
    return d;
  }
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, ("<" + recipient + ">").c_str()), curl_slist_free_all);
  if (!curl || !recipients) {
    d.error = "smtp: libcurl initialisation failed";
    return d;
  }
  const auto sender = parse_sender(options.from);
  const std::string mail_from = "<" + sender.address + ">";
  Reader reader{&rendered};
  char detail[CURL_ERROR_SIZE] = "";
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, options.smtp_url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(h, CURLOPT_READDATA, &reader);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(rendered.size()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  if (options.smtp_url.starts_with("smtp://")) {
    // STARTTLS or nothing when asked for, and never a password in clear text.
    const bool tls = options.require_tls || has_credentials(options.smtp_url);
    curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  }
  const CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) {
    d.ok = true;
    return d;
  }
  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  d.unreachable = server_failure(rc);
  d.error = std::string("smtp: ") + curl_easy_strerror(rc);
  if (detail[0] != '\0') d.error += std::string(": ") + detail;
  if (reply != 0) d.error += " (reply " + std::to_string(reply) + ")";
  return d;
}

Delivery write_eml(const MailerOptions& options, std::int64_t outbox_id,
                   const std::string& rendered) {
  namespace fs = std::filesystem;
  Delivery d;
  const fs::path dir = options.mail_dir.empty() ? fs::path("var/mail") : fs::path(options.mail_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    d.error = "mail_dir: " + ec.message();
    return d;
  }
  const auto name = std::to_string(outbox_id) + "-" + file_timestamp() + ".eml";
  const auto final_path = dir / name;
  const auto temp_path = dir / ("." + name + ".tmp");  // not *.eml: readers skip it
  // 0600: messages carry secret links.
  const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    d.error = "mail_dir: " + std::string(std::strerror(errno));
    return d;
  }
  const bool written = write_all(fd, rendered) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!written || ::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    d.error = "mail_dir: " + std::string(std::strerror(written ? errno : saved_errno));
    ::unlink(temp_path.c_str());
    return d;
  }
  d.ok = true;
  d.file = final_path.string();
  return d;
}

}  // namespace declic::core::mail
