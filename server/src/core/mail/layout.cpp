#include "core/mail/layout.hpp"

namespace declic::core::mail {

namespace {

// A colour from settings goes into a style attribute: only #rgb or #rrggbb passes.
std::string safe_colour(const std::string& colour) {
  const bool hex_digits =
      colour.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
  if ((colour.size() == 4 || colour.size() == 7) && colour[0] == '#' && hex_digits) return colour;
  return "#0f766e";
}

void paragraph(std::string& out, const std::string& text) {
  out += R"(<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2933;">)";
  out += html_text(text);
  out += "</p>\n";
}

}  // namespace

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (const char c = text[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "<br>\n";
        break;
      case '\n':
        out += "<br>\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string text_part(const Content& c, const Look& look) {
  std::string out = c.greeting + "\n\n";
  for (const auto& p : c.paragraphs) out += p + "\n\n";
  if (!c.action_url.empty())
    out += c.action_label + (look.lang == "en" ? ": " : " : ") + c.action_url + "\n\n";
  for (const auto& p : c.after) out += p + "\n\n";
  out += c.signature + "\n";
  return out;
}

std::string html_part(const Content& c, const Look& look) {
  const auto accent = safe_colour(look.accent);
  std::string out;
  out += "<!doctype html>\n<html lang=\"" + std::string(look.lang == "en" ? "en" : "fr") +
         "\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width\"><title>" +
         html_text(look.studio_name) + "</title></head>\n";
  out +=
      R"(<body style="margin:0;padding:0;background:#f4f5f7;">)"
      "\n"
      R"(<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">)"
      "\n"
      R"(<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid )" +
      accent +
      R"(;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;">)"
      "\n"
      R"(<tr><td style="padding:24px 28px 8px;font-size:14px;font-weight:600;letter-spacing:.02em;color:#52606d;">)" +
      html_text(look.studio_name) + "</td></tr>\n" +
      R"(<tr><td style="padding:8px 28px 12px;">)"
      "\n";
  paragraph(out, c.greeting);
  for (const auto& p : c.paragraphs) paragraph(out, p);
  if (!c.action_url.empty()) {
    out += R"(<p style="margin:8px 0 24px;"><a href=")" + html_text(c.action_url) +
           R"(" style="display:inline-block;padding:12px 22px;border-radius:6px;background:)" +
           accent + R"(;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none;">)" +
           html_text(c.action_label) + "</a></p>\n";
    // The address in words too: some mail programs block buttons.
    out +=
        R"(<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#52606d;word-break:break-all;">)" +
        html_text(c.action_url) + "</p>\n";
  }
  for (const auto& p : c.after) paragraph(out, p);
  out += R"(<p style="margin:16px 0 0;font-size:16px;line-height:1.5;color:#1f2933;">)" +
         html_text(c.signature) + "</p>\n";
  out += "</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n";
  return out;
}

MailMessage compose(std::string to, std::string subject, const Content& content, const Look& look) {
  return {
      std::move(to), std::move(subject), text_part(content, look), html_part(content, look), {}};
}

}  // namespace declic::core::mail
