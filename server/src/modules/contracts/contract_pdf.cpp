#include "modules/contracts/contract_pdf.hpp"

#include "core/text/human.hpp"
#include "modules/contracts/contract_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>

namespace declic::contracts {

namespace text = core::text;
namespace dtime = core::time;

namespace {

constexpr double kPageWidth = 595.276, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 62, kTop = 78, kBottom = 78;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kIndent = 18;
constexpr const char* kSerif = "DejaVu Serif";
constexpr const char* kSans = "DejaVu Sans";
constexpr const char* kMono = "DejaVu Sans Mono";

constexpr std::string_view kNbsp = "\u00A0", kThin = "\u202F";

struct LayoutFree {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutFree>;
using Draw = std::function<void(cairo_t*)>;

struct Style {
  const char* family = kSerif;
  double size = 10.5;
  bool bold = false;
  double grey = 0.1;
};

// Lays text out line by line over as many pages as it takes; draws once the page count is
// known (the footer says "page n / N").
class Typesetter {
 public:
  Typesetter(cairo_t* cr, const std::string& language) : cr_(cr) {
    language_ = pango_language_from_string(language.c_str());
    pages_.emplace_back();
  }

  // A block of text; `runs` carry bold and italic.
  void text(const Runs& runs, const Style& style, double x = 0, double width = kWidth) {
    place(make_layout(runs, style, width), style.grey, x);
  }
  void line(const std::string& s, const Style& style, double x = 0) { text({{s}}, style, x); }

  // A list item: its marker beside the first line.
  void item(const std::string& marker, const Runs& runs, const Style& style) {
    keep(line_height(style) * 2);
    auto mark = make_layout({{marker}}, style, kIndent);
    const double y = y_;
    draw([l = mark.get(), y, grey = style.grey](cairo_t* cr) {
      cairo_set_source_rgb(cr, grey, grey, grey);
      cairo_move_to(cr, kMargin, y);
      pango_cairo_show_layout(cr, l);
    });
    layouts_.push_back(std::move(mark));
    text(runs, style, kIndent, kWidth - kIndent);
  }

  void space(double points) { y_ += points; }
  // Starts a new page unless `points` still fit on this one.
  void keep(double points) {
    if (y_ + points > kPageHeight - kBottom) new_page();
  }
  void new_page() {
    pages_.emplace_back();
    y_ = kTop;
  }
  void image(cairo_surface_t* png, double max_w, double max_h) {
    const double w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    if (w <= 0 || h <= 0) return;
    const double scale = std::min({max_w / w, max_h / h, 1.0});
    keep(h * scale + 6);
    const double y = y_;
    cairo_surface_reference(png);
    draw([png, y, scale](cairo_t* cr) {
      cairo_save(cr);
      cairo_translate(cr, kMargin, y);
      cairo_scale(cr, scale, scale);
      cairo_set_source_surface(cr, png, 0, 0);
      cairo_paint(cr);
      cairo_restore(cr);
    });
    surfaces_.push_back(png);
    y_ += h * scale + 6;
  }

  // Draws every page with its header and footer.
  void finish(const std::string& header, const std::string& footer_prefix, bool en) {
    const auto total = pages_.size();
    for (std::size_t i = 0; i < total; ++i) {
      for (const auto& d : pages_[i]) d(cr_);
      const Style small{kSans, 8, false, 0.45};
      auto head = make_layout({{header}}, small, kWidth);
      draw_at(head.get(), kMargin, 40, small.grey);
      const auto page =
          (en ? "Page " : "Page ") + std::to_string(i + 1) + " / " + std::to_string(total);
      auto foot = make_layout({{footer_prefix + " — " + page}}, small, kWidth);
      pango_layout_set_alignment(foot.get(), PANGO_ALIGN_CENTER);
      draw_at(foot.get(), kMargin, kPageHeight - 48, small.grey);
      cairo_show_page(cr_);
    }
    for (auto* s : surfaces_) cairo_surface_destroy(s);
    surfaces_.clear();
  }

 private:
  Layout make_layout(const Runs& runs, const Style& style, double width) {
    Layout layout(pango_cairo_create_layout(cr_));
    pango_context_set_language(pango_layout_get_context(layout.get()), language_);
    auto* font = pango_font_description_new();
    pango_font_description_set_family(font, style.family);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(layout.get(), static_cast<int>(style.size * 0.25 * PANGO_SCALE));
    std::string all;
    auto* attrs = pango_attr_list_new();
    for (const auto& r : runs) {
      const auto start = static_cast<guint>(all.size());
      // Control characters (from any value: a name, a user agent) are not printed.
      for (const char c : r.text)
        if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\n') all += c;
      const auto end = static_cast<guint>(all.size());
      const auto add = [&](PangoAttribute* a) {
        a->start_index = start;
        a->end_index = end;
        pango_attr_list_insert(attrs, a);
      };
      if (r.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
      if (r.italic) add(pango_attr_style_new(PANGO_STYLE_ITALIC));
    }
    pango_layout_set_text(layout.get(), all.c_str(), static_cast<int>(all.size()));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
    return layout;
  }

  double line_height(const Style& style) const { return style.size * 1.45; }

  // Each line of `layout` where it falls, breaking pages between lines.
  void place(Layout layout, double grey, double x) {
    PangoLayoutIter* it = pango_layout_get_iter(layout.get());
    int line_index = 0;
    do {
      int top = 0, bottom = 0;
      pango_layout_iter_get_line_yrange(it, &top, &bottom);
      const double height = double(bottom - top) / PANGO_SCALE;
      const double baseline = double(pango_layout_iter_get_baseline(it) - top) / PANGO_SCALE;
      keep(height);
      const double y = y_ + baseline;
      draw([l = pango_layout_get_line_readonly(layout.get(), line_index), x, y, grey](cairo_t* cr) {
        cairo_set_source_rgb(cr, grey, grey, grey);
        cairo_move_to(cr, kMargin + x, y);
        pango_cairo_show_layout_line(cr, l);
      });
      y_ += height;
      ++line_index;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    layouts_.push_back(std::move(layout));
  }

  void draw(Draw d) { pages_.back().push_back(std::move(d)); }

  void draw_at(PangoLayout* l, double x, double y, double grey) {
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  cairo_t* cr_;
  PangoLanguage* language_;
  double y_ = kTop;
  std::vector<std::vector<Draw>> pages_;
  std::vector<Layout> layouts_;
  std::vector<cairo_surface_t*> surfaces_;
};

cairo_status_t append_bytes(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct PngReader {
  const std::string* bytes;
  std::size_t at = 0;
};

cairo_status_t read_bytes(void* in, unsigned char* data, unsigned int length) {
  auto* r = static_cast<PngReader*>(in);
  if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes->data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

struct Words {
  bool en;
  const char* operator()(const char* fr, const char* english) const { return en ? english : fr; }
};

const char* event_label(const std::string& type, const Words& w) {
  if (type == "created") return w("Création", "Created");
  if (type == "edited") return w("Modification", "Edited");
  if (type == "sent") return w("Envoi au client", "Sent to the client");
  if (type == "opened") return w("Ouverture par le client", "Opened by the client");
  if (type == "signed") return w("Signature du client", "Signed by the client");
  if (type == "countersigned") return w("Contresignature du studio", "Countersigned by the studio");
  return w("Annulation", "Voided");
}

class ContractPdf {
 public:
  ContractPdf(const PdfInput& in, cairo_t* cr)
      : in_(in),
        en_(text::lang_of(in.locale) == text::Lang::en),
        w_{en_},
        zone_(dtime::Zone::find(in.time_zone).value_or(*dtime::Zone::find("UTC"))),
        t_(cr, en_ ? "en" : "fr") {}

  void write() {
    title();
    body();
    signatures();
    audit_page();
    t_.finish(in_.studio_name + "  ·  " + typo(in_.contract.title),
              std::string(w_("Réf. ", "Ref. ")) + in_.contract.id.substr(0, 8), en_);
  }

 private:
  std::string typo(const std::string& s) const { return en_ ? s : french_typography(s); }
  Runs typo(Runs runs) const {
    for (auto& r : runs) r.text = typo(r.text);
    return runs;
  }
  std::string when(const std::string& rfc3339) const {
    const auto t = dtime::parse_rfc3339_bound(rfc3339);  // the database writes milliseconds
    return t ? text::date_time(*t, zone_, en_ ? text::Lang::en : text::Lang::fr) : rfc3339;
  }

  void title() {
    t_.line(typo(in_.contract.title), {kSans, 18, true});
    t_.space(4);
    const auto version = std::string(w_("Version ", "Version ")) +
                         std::to_string(in_.contract.version) + "  ·  " + in_.studio_name;
    t_.line(version, {kSans, 9, false, 0.4});
    t_.space(14);
  }

  void body() {
    const Style body;
    for (const auto& block : parse(in_.contract.body)) {
      switch (block.kind) {
        case Block::Kind::heading: {
          const Style heading{kSans, block.level == 1 ? 14.0 : 11.5, true};
          t_.space(block.level == 1 ? 10 : 6);
          t_.keep(heading.size * 1.5 + body.size * 4.5);  // never alone at a page's foot
          t_.text(typo(block.runs), heading);
          t_.space(4);
          break;
        }
        case Block::Kind::paragraph:
          t_.text(typo(block.runs), body);
          t_.space(7);
          break;
        case Block::Kind::bullets:
        case Block::Kind::numbers: {
          int n = 0;
          for (const auto& item : block.items) {
            const auto marker =
                block.kind == Block::Kind::bullets ? std::string("•") : std::to_string(++n) + ".";
            t_.item(marker, typo(item), body);
            t_.space(2);
          }
          t_.space(5);
          break;
        }
      }
    }
  }

  void signatures() {
    const auto& c = in_.contract;
    t_.space(12);
    t_.keep(160);
    t_.line(w_("Signatures", "Signatures"), {kSans, 12, true});
    t_.space(6);
    if (!c.signature) {
      t_.line(w_("Non signé.", "Not signed."), {});
      return;
    }
    const auto& s = *c.signature;
    t_.text(typo(Runs{{w_("Signé électroniquement par ", "Signed electronically by ")},
                      {s.full_name, true},
                      {std::string(w_(", le ", ", on ")) + when(s.signed_at) + " (" + s.signed_at +
                       ")."}}),
            {});
    t_.space(4);
    if (in_.signature_png) {
      PngReader reader{&*in_.signature_png};
      auto* png = cairo_image_surface_create_from_png_stream(read_bytes, &reader);
      if (cairo_surface_status(png) == CAIRO_STATUS_SUCCESS) t_.image(png, 200, 80);
      cairo_surface_destroy(png);
    }
    if (c.countersignature) {
      const auto& by = c.countersignature->by;
      t_.text(typo(Runs{{w_("Contresigné pour le studio par ", "Countersigned for the studio by ")},
                        {by.first_name + " " + by.last_name, true},
                        {std::string(w_(", le ", ", on ")) + when(c.countersignature->at) + "."}}),
              {});
    }
    t_.space(6);
    t_.line(w_("Empreinte SHA-256 du document signé :", "SHA-256 of the signed document:"),
            {kSans, 8.5, false, 0.35});
    t_.line(s.document_sha256, {kMono, 8, false, 0.2});
  }

  void audit_page() {
    const auto& c = in_.contract;
    t_.new_page();
    t_.line(w_("Dossier de preuve", "Audit trail"), {kSans, 16, true});
    t_.space(8);
    const Style small{kSerif, 9};
    const Style mono{kMono, 8, false, 0.2};
    t_.line(typo(std::string(w_("Document : ", "Document: ")) + c.title + " — version " +
                 std::to_string(c.version)),
            small);
    t_.line(typo(std::string(w_("Référence : ", "Reference: ")) + c.id), small);
    t_.line(typo(std::string(w_("Client : ", "Client: ")) + c.client.first_name + " " +
                 c.client.last_name + " <" + c.client.email + ">"),
            small);
    t_.space(4);
    t_.line(
        w_("Empreinte SHA-256 du texte envoyé et signé :", "SHA-256 of the text sent and signed:"),
        small);
    t_.line(c.document_sha256.value_or("—"), mono);
    t_.space(10);
    t_.line(w_("Événements", "Events"), {kSans, 11, true});
    t_.space(4);
    for (const auto& e : in_.trail) {
      t_.keep(48);
      t_.text(Runs{{std::string(event_label(e.type, w_)), true},
                   {" — " + when(e.at) + " (" + e.at + ")"}},
              small);
      std::string who =
          e.actor ? e.actor->name + (e.actor->role.empty() ? "" : " (" + e.actor->role + ")")
                  : std::string("—");
      std::string detail = typo(std::string(w_("Par : ", "By: ")) + who);
      if (e.ip) detail += typo(std::string(w_(" · adresse IP : ", " · IP address: ")) + *e.ip);
      t_.line(detail, {kSerif, 8.5, false, 0.3}, kIndent);
      if (e.user_agent) t_.line(*e.user_agent, {kMono, 7, false, 0.4}, kIndent);
      if (e.document_sha256) t_.line(*e.document_sha256, {kMono, 7, false, 0.4}, kIndent);
      t_.space(5);
    }
    t_.space(10);
    t_.text(typo(Runs{{w_("Ce document est scellé par une signature numérique du studio : toute "
                          "modification, même d’un seul octet, l’invalide. Pour vérifier qu’un "
                          "exemplaire est authentique : ",
                          "This document is sealed with the studio's digital signature: any "
                          "change, even of a single byte, invalidates it. To check that a copy "
                          "is genuine: ")},
                      {in_.verify_url, false, true}}),
            {kSerif, 8.5, false, 0.3});
  }

  const PdfInput& in_;
  bool en_;
  Words w_;
  dtime::Zone zone_;
  Typesetter t_;
};

std::string pdf_date(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool is_space(std::string_view s, std::size_t at) {
  return at >= s.size() || s[at] == ' ' || s[at] == '\n';
}

}  // namespace

std::string french_typography(std::string_view s) {
  std::string out;
  bool quote_open = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      if (!quote_open) {
        out += "«";
        out += kNbsp;
        if (i + 1 < s.size() && s[i + 1] == ' ') ++i;
      } else {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += kNbsp;
        out += "»";
      }
      quote_open = !quote_open;
    } else if (c == '\'') {
      out += "’";
    } else if ((c == ':' || c == ';' || c == '!' || c == '?') && is_space(s, i + 1) &&
               !out.empty()) {
      const bool after_space = out.back() == ' ';
      const bool after_digit = out.back() >= '0' && out.back() <= '9';
      if (after_space) out.pop_back();
      if (after_space || !after_digit) out += c == ':' ? kNbsp : kThin;
      out += c;
    } else {
      out += c;
    }
  }
  // Guillemets typed by hand hold their words with no-break spaces too.
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"« ", "«\u00A0"}, {" »", "\u00A0»"}})
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at))
      out.replace(at, from.size(), to);
  return out;
}

std::string render_pdf(const PdfInput& in) {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_bytes, &out, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, in.contract.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, in.studio_name.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Déclic");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                 pdf_date(in.created_at).c_str());
  cairo_t* cr = cairo_create(surface);
  ContractPdf(in, cr).write();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace declic::contracts
