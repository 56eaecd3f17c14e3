#include "core/mail/layout.hpp"

#include <cmath>
#include <cstdio>

namespace declic::core::mail {

namespace {

// A colour from settings goes into a style attribute: only #rgb or #rrggbb passes.
std::string safe_colour(const std::string& colour) {
  const bool hex_digits =
      colour.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
  if ((colour.size() == 4 || colour.size() == 7) && colour[0] == '#' && hex_digits) return colour;
  return "#0f766e";
}

double channel(int v) {
  const double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The colour as dark as white text on it needs (4.5:1, WCAG AA): a pale accent is darkened,
// keeping its hue. `colour` is #rrggbb (safe_colour's).
std::string readable_under_white(const std::string& colour) {
  if (colour.size() != 7) return colour;
  int rgb[3];
  for (int i = 0; i < 3; ++i) rgb[i] = std::stoi(colour.substr(1 + 2 * i, 2), nullptr, 16);
  const auto contrast = [&] {
    const double l = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    return 1.05 / (l + 0.05);
  };
  while (contrast() < 4.5)
    for (auto& c : rgb) c = c * 9 / 10;
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return out;
}

void paragraph(std::string& out, const std::string& text) {
  out += R"(<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2933;">)";
  out += html_text(text);
  out += "</p>\n";
}

// The studio's logo above its name, when it has one at an http(s) address.
std::string logo(const Look& look) {
  const auto& url = look.logo_url;
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return "";
  return R"(<img src=")" + html_text(url) +
         R"(" alt="" width="48" height="48" style="display:block;width:48px;height:48px;border:0;border-radius:8px;margin:0 0 10px;">)";
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
  const auto accent = readable_under_white(safe_colour(look.accent));
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
      logo(look) + html_text(look.studio_name) + "</td></tr>\n" +
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
