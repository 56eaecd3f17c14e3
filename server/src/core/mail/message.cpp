// Message text: RFC 5322 headers, RFC 2047 encoded words for non-ASCII headers, RFC 2045
// quoted-printable bodies. Pure functions; nothing here does I/O.
#include "core/mail/message.hpp"
#include "core/auth/tokens.hpp"
#include "core/mail/mail.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

namespace declic::core::mail {

namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kMaxLine = 998;  // RFC 5322 2.1.1, without the CRLF

bool is_ascii_printable(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

// Header values are one line: control characters (CR and LF included) become spaces, so no
// value can start a header of its own.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

// RFC 2047 "B" encoded words, folded onto continuation lines. Each word carries at most 39
// bytes (52 base64 characters, 64 with the delimiters), cut between UTF-8 characters, so that
// even the first line ("Subject: " + word) stays under 78 characters.
std::string encoded_words(std::string_view utf8) {
  constexpr std::size_t kChunk = 39;
  std::string out;
  std::size_t at = 0;
  while (at < utf8.size()) {
    std::size_t end = std::min(at + kChunk, utf8.size());
    // Never split a character: back off while the byte at `end` is a continuation byte.
    while (end < utf8.size() && end > at + 1 &&
           (static_cast<unsigned char>(utf8[end]) & 0xc0) == 0x80)
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?";
    out += auth::base64_encode(utf8.substr(at, end - at));
    out += "?=";
    at = end;
  }
  return out;
}

// An unstructured header value (Subject): as is when it is short printable ASCII that cannot
// be mistaken for an encoded word, else encoded words.
std::string unstructured(std::string_view value, std::size_t name_length) {
  auto line = one_line(value);
  if (is_ascii_printable(line) && line.find("=?") == std::string::npos &&
      name_length + 2 + line.size() <= kMaxLine)
    return line;
  return encoded_words(line);
}

// A display name as an RFC 5322 phrase: an atom sequence, a quoted string, or encoded words.
std::string phrase(std::string_view name) {
  auto line = one_line(name);
  if (!is_ascii_printable(line) || line.find("=?") != std::string::npos) return encoded_words(line);
  if (line.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) return line;
  std::string quoted = "\"";
  for (char c : line) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string rfc5322_date(std::time_t t) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

// Unique per rendering: a retried row gets a new id, so no receiver drops it as a duplicate
// of an unrelated message that reused the outbox id (after a database reset, say).
std::string message_id(std::int64_t outbox_id, std::string_view from_address) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  const auto at = from_address.rfind('@');
  const std::string domain =
      at == std::string_view::npos ? "declic.local" : std::string(from_address.substr(at + 1));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lld.%016llx", static_cast<long long>(outbox_id),
                static_cast<unsigned long long>(random()));
  return "<" + std::string(buf) + "@" + domain + ">";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' && text[i] != '\n') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  // A final line break ends the last line; it does not start an empty one.
  if (start < text.size() || lines.empty()) lines.push_back(text.substr(start));
  return lines;
}

// RFC 2045 6.7: encoded lines of at most 76 characters, soft breaks as "=" CRLF, trailing
// white space encoded so that no relay can strip it.
void append_quoted_printable(std::string& out, std::string_view line) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    char token[3];
    std::size_t length = 1;
    if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
      token[0] = static_cast<char>(c);
    } else {
      token[0] = '=';
      token[1] = kHex[c >> 4];
      token[2] = kHex[c & 15];
      length = 3;
    }
    if (column + length > 75) {
      out += "=\r\n";
      column = 0;
    }
    out.append(token, length);
    column += length;
  }
  out += kCrlf;
}

bool needs_encoding(const std::vector<std::string_view>& lines) {
  for (auto line : lines) {
    if (line.size() > kMaxLine) return true;
    for (unsigned char c : line)
      if (c >= 0x80 || c == 0 || c == 0x7f || (c < 0x20 && c != '\t')) return true;
  }
  return false;
}

// One text part: its headers, a blank line, its lines (7bit when they allow, else
// quoted-printable). Also the whole body of a mail that is text alone.
void append_text_part(std::string& out, std::string_view content_type, std::string_view text) {
  const auto lines = split_lines(text);
  const bool encode = needs_encoding(lines);
  out.append("Content-Type: ").append(content_type).append(kCrlf);
  out.append("Content-Transfer-Encoding: ")
      .append(encode ? "quoted-printable" : "7bit")
      .append(kCrlf)
      .append(kCrlf);
  for (auto line : lines) {
    if (encode)
      append_quoted_printable(out, line);
    else
      out.append(line).append(kCrlf);
  }
}

// "=_" starts every boundary: neither quoted-printable ("=" is always "=XX" or a soft break)
// nor base64 can produce it, so no part's content can end the part early.
std::string boundary(std::string_view kind) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(random()),
                static_cast<unsigned long long>(random()));
  return "=_" + std::string(kind) + "_" + buf;
}

// What people read: the text, or the text and its HTML as alternatives.
void append_readable(std::string& out, const MailMessage& m) {
  constexpr std::string_view kText = "text/plain; charset=utf-8";
  if (m.html.empty()) {
    append_text_part(out, kText, m.text);
    return;
  }
  const auto alternative = boundary("alt");
  out.append("Content-Type: multipart/alternative; boundary=\"")
      .append(alternative)
      .append("\"")
      .append(kCrlf)
      .append(kCrlf);
  out.append("--").append(alternative).append(kCrlf);
  append_text_part(out, kText, m.text);
  out.append("--").append(alternative).append(kCrlf);
  append_text_part(out, "text/html; charset=utf-8", m.html);
  out.append("--").append(alternative).append("--").append(kCrlf);
}

// A name any mail program shows and saves as is: no quoting, no encoding needed.
std::string safe_filename(std::string_view name) {
  std::string out;
  for (unsigned char c : name.substr(0, 100))
    out += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                   c == '-' || c == '_'
               ? static_cast<char>(c)
               : '_';
  return out.empty() ? "attachment" : out;
}

void append_attachment(std::string& out, const Attachment& a) {
  const auto name = safe_filename(a.filename);
  out.append("Content-Type: ")
      .append(one_line(a.content_type))
      .append("; name=\"")
      .append(name)
      .append("\"")
      .append(kCrlf);
  out.append("Content-Disposition: attachment; filename=\"")
      .append(name)
      .append("\"")
      .append(kCrlf);
  out.append("Content-Transfer-Encoding: base64").append(kCrlf).append(kCrlf);
  const auto encoded = auth::base64_encode(a.bytes);
  for (std::size_t at = 0; at < encoded.size(); at += 76) out.append(encoded, at, 76).append(kCrlf);
}

}  // namespace

bool valid_address(std::string_view address) {
  if (address.size() < 3 || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at > 64 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos)
    return false;
  for (unsigned char c : address)
    if (c <= 0x20 || c >= 0x7f ||
        std::string_view("<>()[],;:\\\"").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  return true;
}

Sender parse_sender(std::string_view from) {
  const auto open = from.rfind('<');
  const auto close = from.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return {"", trim(from)};
  Sender s{trim(from.substr(0, open)), trim(from.substr(open + 1, close - open - 1))};
  if (s.name.size() >= 2 && s.name.front() == '"' && s.name.back() == '"')
    s.name = s.name.substr(1, s.name.size() - 2);
  return s;
}

std::string render_message(const MailerOptions& options, const MailMessage& message,
                           std::int64_t outbox_id) {
  const auto sender = parse_sender(options.from);
  std::string out;
  out.reserve(1024 + (message.text.size() + message.html.size()) * 3 / 2);
  auto header = [&](std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append(kCrlf);
  };
  header("Date", rfc5322_date(std::time(nullptr)));
  header("From", sender.name.empty() ? one_line(sender.address)
                                     : phrase(sender.name) + " <" + one_line(sender.address) + ">");
  header("To", one_line(message.to));
  header("Subject", unstructured(message.subject, 7));
  header("Message-ID", message_id(outbox_id, sender.address));
  header("MIME-Version", "1.0");
  if (message.attachments.empty()) {
    append_readable(out, message);
    return out;
  }
  const auto mixed = boundary("mixed");
  header("Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
  out += kCrlf;
  out.append("--").append(mixed).append(kCrlf);
  append_readable(out, message);
  for (const auto& a : message.attachments) {
    out.append("--").append(mixed).append(kCrlf);
    append_attachment(out, a);
  }
  out.append("--").append(mixed).append("--").append(kCrlf);
  return out;
}

}  // namespace declic::core::mail
