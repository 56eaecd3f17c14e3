// Contracts (issue "contracts"): typesetting and sealing a six-page contract PDF, the work the
// server does once per signed contract (ContractsService::make_pdf, on a blocking thread):
// render_pdf (cairo + pango) then Seal::seal (an incremental update and a CMS signature).
//
// Builds a signed contract as the database would hand it over — a French body in the
// template subset (headings, lists, bold and italic) long enough for PAGES pages in all, the
// audit page included; a drawn signature, a PNG the size a signature pad sends; a trail of 8
// events — then times ITERATIONS renders + seals on this one thread after WARMUP untimed ones.
// Prints one JSON line: wall-clock p50/p90/p99/max/mean in ms (and each half's p50), CPU time
// per document, the sealed PDF's size, its pages, and the process's RSS before the first
// render and at its peak (getrusage ru_maxrss). bench/contracts/run.sh builds and runs it.
//
// Usage: contract_pdf_bench [--iterations=200] [--warmup=10] [--pages=6] [--seal-dir=DIR]
//                           [--out=FILE (the last sealed PDF)]

#include "core/pdf/seal.hpp"
#include "modules/contracts/contract_pdf.hpp"
#include "modules/contracts/contracts_model.hpp"

#include <cairo.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numbers>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace contracts = declic::contracts;
namespace pdf = declic::core::pdf;
using Clock = std::chrono::steady_clock;

// ---- the drawn signature: what the web app's pad sends (SignaturePad.tsx): a transparent
// canvas of 560 × 160 CSS pixels at a device pixel ratio of 2, ink #1a1b1e, strokes 2.5 CSS
// pixels wide with round caps and joins, exported as PNG.

cairo_status_t append_png(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string signature_png() {
  constexpr int kWidth = 1120, kHeight = 320;
  constexpr double pi = std::numbers::pi;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0x1a / 255.0, 0x1b / 255.0, 0x1e / 255.0);
  cairo_set_line_width(cr, 5);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  // A looping cursive stroke from x0 to x1, sampled as a pointer is (every few pixels).
  const auto cursive = [cr](double x0, double x1, double base, double amp, double loops,
                            double phase, int samples) {
    for (int k = 0; k <= samples; ++k) {
      const double t = double(k) / samples, a = 2 * pi * loops * t + phase;
      const double x = x0 + (x1 - x0) * t + 26 * std::cos(a) * (0.6 + 0.4 * std::sin(3 * t));
      const double y =
          base - amp * std::sin(a) * (0.7 + 0.3 * std::cos(5 * t)) - 18 * std::sin(pi * t);
      if (k == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
  };
  cursive(90, 470, 170, 62, 6.5, 0.3, 420);   // the first name
  cursive(520, 1010, 182, 54, 8.0, 1.1, 520);  // the family name
  for (int k = 0; k <= 160; ++k) {             // the underline flourish
    const double x = 60 + 6.0 * k, y = 252 - 30 * std::sin(pi * k / 160) + 6 * std::sin(k / 9.0);
    if (k == 0)
      cairo_move_to(cr, x, y);
    else
      cairo_line_to(cr, x, y);
  }
  cairo_stroke(cr);
  std::string png;
  cairo_surface_flush(surface);
  const auto status = cairo_surface_write_to_png_stream(surface, append_png, &png);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    std::cerr << "cannot make the signature PNG: " << cairo_status_to_string(status) << "\n";
    std::exit(1);
  }
  return png;
}

// ---- the contract's text: a wedding photography contract, as a template filled with a
// project's values reads (contract_document.hpp's subset; the values already in place).

struct Article {
  const char* title;
  const char* text;
};

constexpr const char* kPreamble = R"md(## Entre les soussignés

**Atelier Lumière SARL**, au capital de 5 000 €, immatriculée au RCS de Lyon sous le numéro 852 147 963, SIRET 85214796300027, TVA intracommunautaire FR41852147963, dont le siège est situé 14 rue des Capucins, 69001 Lyon, représentée par Mme Hélène Marchand, gérante, ci-après dénommée "le Studio",

et **Camille Lefèvre**, demeurant 8 allée des Tilleuls, 69330 Meyzieu, joignable au 06 12 34 56 78 et à l'adresse camille.lefevre@example.fr, agissant tant en son nom qu'au nom de son futur conjoint, M. Julien Moreau, ci-après dénommée "le Client",

il a été convenu ce qui suit.

)md";

const Article kArticles[] = {
    {"Objet du contrat",
     R"md(Le présent contrat a pour objet de définir les conditions dans lesquelles le Studio réalise le reportage photographique du mariage du Client, ainsi que les droits et obligations de chacune des parties. Il est établi à partir de la prestation "Mariage — journée complète" réservée par le Client le 3 septembre 2026 sur l'espace en ligne du Studio.

La prestation comprend notamment :

- la rencontre de préparation, en visioconférence ou à l'atelier, au plus tard trois semaines avant la date du mariage ;
- la présence d'un photographe principal et d'un second photographe pendant la durée prévue à l'article 2 ;
- la sélection, le développement numérique et la retouche colorimétrique des images ;
- la livraison d'une galerie privée en ligne et des fichiers en haute définition ;
- un album de 30 pages, selon les conditions de l'article 3.

Toute prestation qui n'est pas expressément mentionnée au présent contrat fera l'objet d'un devis complémentaire, accepté par écrit par le Client avant sa réalisation.)md"},
    {"Date, lieu et déroulement",
     R"md(Le reportage aura lieu le **samedi 12 juin 2027**, de 13 h 00 à 1 h 00 le lendemain, au Domaine des Chênes, 1250 route de Crémieu, 38230 Charvieu-Chavagneux, ainsi qu'à la mairie de Meyzieu pour la cérémonie civile.

Le déroulement prévisionnel de la journée est le suivant :

1. préparatifs des mariés, de 13 h 00 à 14 h 30 ;
2. cérémonie civile à la mairie de Meyzieu, à 15 h 00 ;
3. séance de couple et photographies de groupe, de 16 h 00 à 17 h 30 ;
4. cérémonie laïque et vin d'honneur au Domaine des Chênes, de 18 h 00 à 20 h 00 ;
5. dîner, discours et ouverture du bal, jusqu'à 1 h 00.

Le Client communique au Studio, au plus tard quinze jours avant la date du mariage, le programme définitif de la journée, la liste des photographies de groupe souhaitées et les coordonnées d'une personne de référence présente sur place. Un retard imputable au Client ou à ses invités ne prolonge pas la durée de présence du photographe, sauf accord sur place et facturation au tarif horaire de l'article 4.)md"},
    {"Prestations et livrables",
     R"md(## Reportage

Le Studio réalise le reportage avec son propre matériel professionnel : deux boîtiers par photographe, des optiques lumineuses et un éclairage d'appoint. Il dispose d'un matériel de secours permettant de poursuivre le reportage en cas de panne.

## Images livrées

Le Studio livre **au moins 600 photographies** développées et retouchées, dont une sélection de 60 images bénéficiant d'une retouche approfondie (peau, lumière, éléments parasites). Les fichiers sont livrés au format JPEG, en haute définition (côté long d'au moins 6 000 pixels) et dans une version allégée pour le partage en ligne.

Les fichiers bruts ("RAW") ne sont jamais remis : ils constituent le négatif numérique de l'auteur et restent sa propriété, conformément à l'article 9.

## Album

L'album de 30 pages, au format 30 × 30 cm, est composé par le Studio à partir d'une sélection de 80 images au plus faite par le Client dans la galerie en ligne. Une maquette est soumise au Client, qui dispose de deux séries de corrections incluses dans le prix.)md"},
    {"Prix, acompte et modalités de paiement",
     R"md(Le prix de la prestation est fixé à **2 450,00 €** toutes taxes comprises. Il comprend les frais de déplacement dans un rayon de 50 kilomètres autour de Lyon.

Le paiement s'effectue comme suit :

1. un **acompte de 735,00 €**, soit 30 % du prix, versé à la signature du présent contrat ; la date n'est réservée qu'à réception de cet acompte ;
2. le **solde de 1 715,00 €**, versé au plus tard huit jours avant la date du mariage ;
3. les éventuelles prestations complémentaires, payables à la livraison.

Les paiements sont effectués par virement bancaire ou par carte sur l'espace en ligne du Studio. Tout retard de paiement entraîne de plein droit l'application de pénalités égales à trois fois le taux d'intérêt légal, ainsi que, pour un client professionnel, l'indemnité forfaitaire de 40 € prévue par l'article L. 441-10 du Code de commerce.

Les heures de présence supplémentaires demandées le jour même sont facturées 180,00 € l'heure, toute heure commencée étant due.)md"},
    {"Frais de déplacement et d'hébergement",
     R"md(Au-delà de 50 kilomètres autour de Lyon, les déplacements sont facturés 0,45 € par kilomètre parcouru, aller et retour, ainsi que les péages et le stationnement sur justificatif.

Lorsque le reportage se termine après minuit à plus de 80 kilomètres de l'atelier, le Client prend en charge l'hébergement du ou des photographes pour la nuit, dans un établissement situé à proximité du lieu de réception, ou rembourse les frais correspondants dans la limite de 120,00 € par personne.

Le Client veille à ce qu'un repas soit servi aux photographes au moment du dîner des invités, et à ce qu'ils disposent d'un lieu où entreposer leur matériel en sécurité.)md"},
    {"Annulation et report",
     R"md(## Annulation par le Client

Le Client peut annuler la prestation par écrit, sur son espace en ligne ou par courrier recommandé. L'acompte reste acquis au Studio, qui a réservé la date pour le Client et refusé d'autres demandes. En outre, selon la date de l'annulation, le Client doit :

1. plus de six mois avant la date du mariage : aucune somme en plus de l'acompte ;
2. entre six mois et deux mois avant : 50 % du solde ;
3. moins de deux mois avant : la totalité du prix.

## Report

Le Client peut demander une fois le report de la prestation à une autre date, sans frais, si le Studio est disponible à la nouvelle date. À défaut, le report est traité comme une annulation.

## Annulation par le Studio

Si le Studio se trouve dans l'impossibilité d'assurer la prestation, il en informe le Client sans délai et propose un photographe de niveau équivalent issu de son réseau. Si le Client refuse ce remplacement, le Studio lui rembourse l'intégralité des sommes versées, à l'exclusion de tout autre dédommagement.)md"},
    {"Obligations du Client",
     R"md(Le Client s'engage à :

- fournir au Studio toutes les informations utiles au bon déroulement du reportage : horaires, lieux, contacts, contraintes particulières ;
- obtenir des lieux de cérémonie et de réception les autorisations nécessaires à la prise de vues, notamment dans les édifices religieux ;
- informer ses invités de la présence des photographes et de leur droit de ne pas être photographiés ;
- veiller à ce qu'aucun autre photographe, professionnel ou amateur, ne gêne le travail du Studio pendant les moments clés ;
- régler les sommes dues aux échéances prévues à l'article 4.

Le Client reconnaît que le Studio ne peut être tenu pour responsable de l'absence d'une image due au refus d'un lieu, au comportement d'un invité ou au non-respect du programme communiqué.)md"},
    {"Obligations du Studio",
     R"md(Le Studio s'engage à :

- réaliser la prestation avec tout le soin et le professionnalisme attendus d'un photographe de mariage ;
- respecter le programme de la journée communiqué par le Client et se conformer aux règles des lieux ;
- faire preuve de discrétion pendant les cérémonies et ne pas perturber leur déroulement ;
- conserver une copie de sauvegarde des images sur deux supports distincts dès la fin du reportage ;
- livrer les images dans les délais prévus à l'article 11.

Le Studio garde l'entière liberté artistique du choix des cadrages, des lumières et du traitement des images, dans le style présenté au Client lors de la rencontre de préparation et dans son portfolio.)md"},
    {"Droits d'auteur et propriété intellectuelle",
     R"md(Les photographies réalisées sont des œuvres de l'esprit protégées par le Code de la propriété intellectuelle. Le Studio, en la personne du photographe qui les a prises, en demeure l'auteur et le seul titulaire des droits patrimoniaux, sous réserve de la cession prévue ci-dessous.

Le Studio cède au Client, pour la durée légale des droits d'auteur et pour le monde entier, le droit de reproduire et de représenter les photographies livrées **pour un usage strictement privé et familial** : tirages, albums, partage auprès de ses proches et sur ses comptes personnels de réseaux sociaux, à condition de mentionner le nom du Studio lorsque c'est possible.

Toute utilisation commerciale, publicitaire ou éditoriale, ainsi que toute modification de l'image (recadrage important, filtre, retouche), requiert l'accord écrit préalable du Studio. *Le droit moral de l'auteur est inaliénable : le nom du photographe doit être respecté et l'intégrité de l'œuvre préservée.*

Le Studio peut utiliser une sélection d'images pour sa propre communication (portfolio, site, salons professionnels), dans le respect de l'article 10.)md"},
    {"Droit à l'image",
     R"md(Le Client autorise le Studio à utiliser, pour la promotion de son activité, les images sur lesquelles il apparaît, sauf s'il coche la case prévue à cet effet dans son espace en ligne ou s'y oppose par écrit à tout moment ; l'opposition vaut pour l'avenir.

Le Studio s'engage à ne jamais diffuser d'image portant atteinte à la dignité ou à la vie privée des personnes photographiées, ni d'image d'un mineur sans l'accord de ses représentants légaux. Les invités qui le demandent sont retirés des images publiées par le Studio.

Le Client est seul responsable de l'usage qu'il fait des images sur lesquelles figurent des tiers, et s'engage à recueillir leur accord lorsqu'il les diffuse au-delà du cercle familial.)md"},
    {"Livraison, sélection et retouches",
     R"md(La galerie privée en ligne est mise à disposition du Client dans un délai de **huit semaines** après la date du mariage, et une sélection de vingt images dans un délai de dix jours. L'album est livré dans un délai de six semaines après la validation de la maquette par le Client.

Le Client dispose de quinze jours à compter de la mise en ligne de la galerie pour signaler toute réserve motivée sur le traitement des images. Passé ce délai, la livraison est réputée acceptée.

Les demandes de retouches supplémentaires au-delà de celles prévues à l'article 3 font l'objet d'un devis, à raison de 12,00 € par image.)md"},
    {"Conservation et archivage des fichiers",
     R"md(La galerie en ligne reste accessible pendant un an à compter de sa mise en ligne. Il appartient au Client de télécharger et de conserver les fichiers livrés sur ses propres supports.

Le Studio conserve une archive des images livrées pendant cinq ans, sans obligation de résultat. Pendant cette durée, le Client peut en demander une nouvelle livraison, facturée 45,00 € pour frais de traitement.)md"},
    {"Responsabilité et force majeure",
     R"md(La responsabilité du Studio, toutes causes confondues, est limitée au montant des sommes effectivement versées par le Client au titre du présent contrat. Le Studio ne saurait être tenu responsable de la qualité des images lorsque les conditions de prise de vues ont été imposées par le Client ou par les lieux : lumière insuffisante, interdiction du flash, restrictions de déplacement.

En cas de perte ou de destruction accidentelle des fichiers avant leur livraison, malgré les précautions de l'article 8, la responsabilité du Studio se limite au remboursement des sommes versées, à l'exclusion de tout préjudice moral.

Aucune des parties n'est responsable d'un manquement dû à un cas de force majeure au sens de l'article 1218 du Code civil : maladie grave ou accident du photographe, catastrophe naturelle, décision administrative interdisant le rassemblement. La partie empêchée en informe l'autre sans délai ; les sommes versées sont alors remboursées, déduction faite des prestations déjà réalisées.)md"},
    {"Données personnelles",
     R"md(Le Studio traite les données personnelles du Client (identité, coordonnées, informations sur le mariage, images) pour l'exécution du présent contrat, sur le fondement de celui-ci, et pour ses obligations comptables. Ces données sont hébergées dans l'Union européenne et ne sont transmises qu'à ses sous-traitants techniques (hébergement, paiement, laboratoire de tirage).

Les données sont conservées pendant la durée de la relation contractuelle puis archivées pendant dix ans pour les pièces comptables et cinq ans pour les images. Le Client dispose des droits suivants, qu'il exerce auprès du Studio par écrit :

- droit d'accès, de rectification et d'effacement ;
- droit à la limitation du traitement et droit d'opposition ;
- droit à la portabilité des données qu'il a fournies ;
- droit d'introduire une réclamation auprès de la CNIL.)md"},
    {"Réclamations, médiation et droit applicable",
     R"md(Toute réclamation est adressée au Studio par écrit. Le Studio s'engage à y répondre dans un délai de quinze jours.

Conformément aux articles L. 612-1 et suivants du Code de la consommation, le Client consommateur peut recourir gratuitement au médiateur de la consommation dont relève le Studio : *Médiation de la consommation — Association des Médiateurs Européens*, 11 place Dauphine, 75001 Paris, en vue de la résolution amiable du litige.

Le présent contrat est soumis au droit français. À défaut d'accord amiable, tout litige relève des juridictions compétentes dans les conditions du droit commun.)md"},
    {"Dispositions finales",
     R"md(Le présent contrat exprime l'intégralité de l'accord des parties. Il annule et remplace tout échange antérieur relatif à son objet. Toute modification fait l'objet d'une nouvelle version du contrat, soumise à la signature du Client dans son espace en ligne.

Le Client reconnaît avoir pris connaissance du présent contrat avant de le signer, avoir pu poser toutes les questions utiles et en accepter les termes sans réserve. La signature électronique du Client, recueillie avec les éléments du dossier de preuve joint, a la même valeur qu'une signature manuscrite, conformément aux articles 1366 et 1367 du Code civil.

Fait à Lyon, en un exemplaire numérique scellé, dont chaque partie peut obtenir copie à tout moment.)md"},
};
constexpr int kArticleCount = sizeof kArticles / sizeof kArticles[0];

// The preamble and the first `n` articles (cycled from the first, numbered on, when the
// studio's text is too short for the pages asked).
std::string contract_body(int n) {
  std::string body = kPreamble;
  for (int i = 0; i < n; ++i) {
    const auto& a = kArticles[i % kArticleCount];
    body += "# Article " + std::to_string(i + 1) + " — " + a.title + "\n\n" + a.text + "\n\n";
  }
  body.pop_back();
  body.pop_back();
  return body;
}

// ---- a signed and countersigned contract, its trail, as the repository returns them.

constexpr const char* kClientId = "b6a1c0f2-3d5e-4a7b-9c8d-1e2f3a4b5c6d";
constexpr const char* kStaffId = "7c2e9a10-54b3-4f1d-8e6a-0b9c8d7e6f5a";
constexpr const char* kTextSha256 = "9f2c4e1a7b3d5f608192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
constexpr const char* kBrowser =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
constexpr const char* kStaffBrowser =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36";

contracts::PdfInput contract_input(std::string body, std::string png) {
  contracts::PdfInput in;
  auto& c = in.contract;
  c.id = "3f6d2c1e-8b4a-4f0e-9a57-2c8e1d7b9a41";
  c.project_id = "a0b1c2d3-e4f5-4607-8899-aabbccddeeff";
  c.template_id = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
  c.previous_id = "0f1e2d3c-4b5a-4697-8877-665544332211";
  c.version = 2;
  c.title = "Contrat de prestation photographique — Mariage";
  c.body = std::move(body);
  c.status = contracts::ContractStatus::signed_;
  c.document_sha256 = kTextSha256;
  c.client.id = kClientId;
  c.client.first_name = "Camille";
  c.client.last_name = "Lefèvre";
  c.client.email = "camille.lefevre@example.fr";
  c.service.id = "c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b";
  c.service.name = "Mariage — journée complète";
  c.booking.id = "d4e5f607-1829-43a4-b5c6-d7e8f90a1b2c";
  c.booking.start = "2027-06-12T11:00:00.000Z";
  c.created_at = "2026-11-18T09:12:44.902Z";
  c.updated_at = "2026-11-21T08:03:51.266Z";
  c.sent_at = "2026-11-18T09:40:02.117Z";
  contracts::Signature signature;
  signature.full_name = "Camille Lefèvre";
  signature.signed_at = "2026-11-20T18:42:07.318Z";
  signature.ip = "2a01:cb14:81f:6d00:d1c4:7a2e:93b5:1f08";
  signature.user_agent = kBrowser;
  signature.document_sha256 = kTextSha256;
  signature.drawn = true;
  c.signature = signature;
  contracts::Countersignature countersignature;
  countersignature.at = "2026-11-21T08:03:51.266Z";
  countersignature.by.id = kStaffId;
  countersignature.by.first_name = "Hélène";
  countersignature.by.last_name = "Marchand";
  c.countersignature = countersignature;

  const auto event = [&in](const char* type, const char* at, bool by_client, bool with_hash) {
    contracts::TrailEntry e;
    e.id = static_cast<std::int64_t>(in.trail.size()) + 1041;
    e.type = type;
    e.at = at;
    e.actor = by_client ? contracts::TrailEntry::Actor{kClientId, "Camille Lefèvre", "CLIENT"}
                        : contracts::TrailEntry::Actor{kStaffId, "Hélène Marchand", "ADMIN"};
    e.ip = by_client ? "2a01:cb14:81f:6d00:d1c4:7a2e:93b5:1f08" : "86.245.17.102";
    e.user_agent = by_client ? kBrowser : kStaffBrowser;
    if (with_hash) e.document_sha256 = kTextSha256;
    in.trail.push_back(std::move(e));
  };
  event("created", "2026-11-18T09:12:44.902Z", false, false);
  event("edited", "2026-11-18T09:31:10.455Z", false, false);
  event("edited", "2026-11-18T09:38:27.031Z", false, false);
  event("sent", "2026-11-18T09:40:02.117Z", false, true);
  event("opened", "2026-11-18T21:15:36.780Z", true, true);
  event("opened", "2026-11-20T18:37:12.094Z", true, true);
  event("signed", "2026-11-20T18:42:07.318Z", true, true);
  event("countersigned", "2026-11-21T08:03:51.266Z", false, true);

  in.signature_png = std::move(png);
  in.studio_name = "Atelier Lumière SARL";  // the legal name, when the studio gave one
  in.locale = "fr";
  in.time_zone = "Europe/Paris";
  in.verify_url = "https://atelier-lumiere.example.fr/verifier";
  in.created_at = std::chrono::system_clock::now();
  return in;
}

// ---- measures

std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

// The pages of a PDF as cairo writes it: each page object is "/Type /Page", the page tree
// "/Type /Pages". (Count before sealing: the seal writes the last page's object again.)
int page_count(std::string_view pdf) {
  return static_cast<int>(occurrences(pdf, "/Type /Page") - occurrences(pdf, "/Type /Pages"));
}

double rss_now_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:")) return std::strtod(line.c_str() + 6, nullptr) / 1024;
  return 0;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// As the other benchmarks' helpers: the value at rank ⌊n·p⌋ of the sorted sample.
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(double(v.size()) * p))];
}

std::string fixed(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::optional<std::string> option(int argc, char** argv, std::string_view name) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--") && arg.substr(2).starts_with(name) &&
        arg.size() > name.size() + 2 && arg[name.size() + 2] == '=')
      return std::string(arg.substr(name.size() + 3));
  }
  return std::nullopt;
}

int int_option(int argc, char** argv, std::string_view name, int fallback, int min) {
  const auto text = option(argc, argv, name);
  if (!text) return fallback;
  char* end = nullptr;
  const long v = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || v < min || v > 1000000) {
    std::cerr << "--" << name << ": an integer, at least " << min << "\n";
    std::exit(2);
  }
  return static_cast<int>(v);
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!(arg.starts_with("--iterations=") || arg.starts_with("--warmup=") ||
          arg.starts_with("--pages=") || arg.starts_with("--seal-dir=") ||
          arg.starts_with("--out="))) {
      std::cerr << "usage: " << argv[0]
                << " [--iterations=200] [--warmup=10] [--pages=6] [--seal-dir=DIR] [--out=FILE]\n";
      return 2;
    }
  }
  const int iterations = int_option(argc, argv, "iterations", 200, 1);
  const int warmup = int_option(argc, argv, "warmup", 10, 0);
  const int target_pages = int_option(argc, argv, "pages", 6, 2);
  const auto out_file = option(argc, argv, "out");

  // The seal: the studio's key and certificate, made on the first run in a directory of
  // their own (RSA 2048, as the server makes them), read again afterwards.
  std::string seal_dir;
  bool temporary_dir = false;
  if (auto dir = option(argc, argv, "seal-dir")) {
    seal_dir = *dir;
  } else {
    std::string pattern = (std::filesystem::temp_directory_path() / "contract-pdf-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      std::cerr << "cannot make a temporary directory\n";
      return 1;
    }
    seal_dir = pattern;
    temporary_dir = true;
  }
  auto loaded = pdf::Seal::load_or_create(seal_dir, "Déclic — sceau du studio");
  if (!loaded) {
    std::cerr << "seal: " << loaded.error().detail << "\n";
    return 1;
  }
  const pdf::Seal& seal = *loaded;

  const std::string png = signature_png();

  // The longest contract (whole articles) that still makes `target_pages` pages in all,
  // audit page included; at most the 60,000 characters a contract's body may hold.
  int articles = 1;
  int pages = page_count(contracts::render_pdf(contract_input(contract_body(1), png)));
  if (pages > target_pages) {
    std::cerr << "even one article makes " << pages << " pages\n";
    return 1;
  }
  for (;;) {
    auto body = contract_body(articles + 1);
    if (body.size() > 60000) break;
    const int p = page_count(contracts::render_pdf(contract_input(std::move(body), png)));
    if (p > target_pages) break;
    ++articles;
    pages = p;
  }
  if (pages != target_pages)
    std::cerr << "note: " << pages << " pages, not " << target_pages << "\n";

  const contracts::PdfInput in = contract_input(contract_body(articles), png);
  const pdf::SealInfo info{in.studio_name, "Contrat signé électroniquement", in.created_at};
  const double rss_before = rss_now_mb();

  std::string last;
  std::size_t unsealed_bytes = 0;
  const auto once = [&](Clock::duration* render, Clock::duration* sealing) {
    const auto t0 = Clock::now();
    std::string document = contracts::render_pdf(in);
    const auto t1 = Clock::now();
    unsealed_bytes = document.size();
    const int p = page_count(document);  // not timed
    const auto t2 = Clock::now();
    auto sealed = seal.seal(std::move(document), info);
    const auto t3 = Clock::now();
    if (!sealed) {
      std::cerr << "seal: " << sealed.error().detail << "\n";
      std::exit(1);
    }
    if (p != pages) {
      std::cerr << "the page count changed: " << p << " instead of " << pages << "\n";
      std::exit(1);
    }
    *render = t1 - t0;
    *sealing = t3 - t2;
    last = std::move(*sealed);
  };

  Clock::duration render{}, sealing{};
  for (int i = 0; i < warmup; ++i) once(&render, &sealing);

  std::vector<double> total_ms, render_ms, seal_ms;
  total_ms.reserve(iterations);
  render_ms.reserve(iterations);
  seal_ms.reserve(iterations);
  const double cpu0 = cpu_seconds();
  for (int i = 0; i < iterations; ++i) {
    once(&render, &sealing);
    render_ms.push_back(ms(render));
    seal_ms.push_back(ms(sealing));
    total_ms.push_back(ms(render + sealing));
  }
  const double cpu_ms = (cpu_seconds() - cpu0) * 1000 / iterations;

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peak_rss = double(usage.ru_maxrss) / 1024;  // Linux: KiB

  if (out_file) {
    std::ofstream f(*out_file, std::ios::binary);
    f.write(last.data(), static_cast<std::streamsize>(last.size()));
    if (!f) std::cerr << "cannot write " << *out_file << "\n";
  }
  if (temporary_dir) {
    std::error_code ec;
    std::filesystem::remove_all(seal_dir, ec);
  }

#ifdef DECLIC_JEMALLOC
  const char* allocator = "jemalloc";
#else
  const char* allocator = "glibc";
#endif
  std::cout << "{\"iterations\": " << iterations << ", \"warmup\": " << warmup
            << ", \"p50\": " << fixed(percentile(total_ms, 0.50))
            << ", \"p90\": " << fixed(percentile(total_ms, 0.90))
            << ", \"p99\": " << fixed(percentile(total_ms, 0.99))
            << ", \"max\": " << fixed(*std::max_element(total_ms.begin(), total_ms.end()))
            << ", \"mean\": "
            << fixed(std::accumulate(total_ms.begin(), total_ms.end(), 0.0) / iterations)
            << ", \"render_p50\": " << fixed(percentile(render_ms, 0.50))
            << ", \"seal_p50\": " << fixed(percentile(seal_ms, 0.50))
            << ", \"cpu_ms\": " << fixed(cpu_ms) << ", \"pages\": " << pages
            << ", \"pdf_bytes\": " << last.size() << ", \"unsealed_bytes\": " << unsealed_bytes
            << ", \"body_chars\": " << in.contract.body.size() << ", \"articles\": " << articles
            << ", \"trail\": " << in.trail.size() << ", \"signature_png_bytes\": " << png.size()
            << ", \"rss_before\": " << fixed(rss_before) << ", \"peak_rss\": " << fixed(peak_rss)
            << ", \"allocator\": \"" << allocator << "\"}" << std::endl;
  return 0;
}
