#pragma once
// The two contract templates the demo studio ships with, as a French photographer writes
// them: a portrait session and a wedding, each with image rights, deposit and cancellation.

namespace declic::app {

inline constexpr const char* kPortraitContractName = "Contrat — séance portrait";
inline constexpr const char* kPortraitContract = R"(# Contrat de prestation photographique

Entre **{{studio.legalName}}**, {{studio.address}}, SIRET {{studio.siret}}, ci-après « le photographe »,

et **{{client.fullName}}**, demeurant {{client.address}}, joignable au {{client.phone}} et à l'adresse {{client.email}}, ci-après « le client ».

## Article 1 — Objet

Le photographe réalise pour le client la prestation **{{service.name}}** ({{service.duration}}), le {{booking.start}}, au studio ou au lieu convenu entre les parties.

{{service.description}}

## Article 2 — Prix et acompte

Le prix de la prestation est de **{{price}}** TTC. {{studio.vat}}.

- Un acompte de **{{deposit}}** est versé à la signature du présent contrat ; il confirme la réservation de la date.
- Le solde de **{{balance}}** est réglé le jour de la séance, avant la remise des photographies.

## Article 3 — Annulation et report

- Par le client, plus de 14 jours avant la séance : l'acompte est remboursé, déduction faite de 30 € de frais de dossier.
- Par le client, moins de 14 jours avant la séance : l'acompte reste acquis au photographe.
- Un report est accepté une fois, sans frais, s'il est demandé au moins 72 heures avant la séance.
- Par le photographe, en cas de force majeure (maladie, accident) : une nouvelle date est proposée ; à défaut d'accord, les sommes versées sont intégralement remboursées.

## Article 4 — Livraison

Les photographies retouchées sont livrées dans une galerie privée en ligne, en haute définition, dans un délai de trois semaines après la séance. Le photographe sélectionne et retouche les images selon son style ; les fichiers bruts (RAW) ne sont pas remis.

## Article 5 — Droit à l'image et droits d'auteur

1. Le photographe reste l'auteur des photographies et titulaire des droits d'auteur (articles L.111-1 et suivants du Code de la propriété intellectuelle).
2. Le client reçoit le droit d'utiliser les photographies à titre privé : tirages, albums, partage sur ses réseaux personnels, avec mention du photographe lorsque c'est possible.
3. Toute utilisation commerciale suppose l'accord écrit du photographe.
4. Le photographe ne publie les photographies (site, portfolio, réseaux sociaux) qu'avec l'accord du client, que celui-ci peut donner ou retirer à tout moment par simple message.

## Article 6 — Données personnelles

Les données du client servent uniquement à l'exécution de ce contrat. Elles sont conservées le temps nécessaire à la prestation et aux obligations comptables, et le client peut y accéder, les rectifier ou en demander l'effacement à tout moment.

## Article 7 — Litiges

Le présent contrat est soumis au droit français. En cas de différend, les parties recherchent d'abord une solution amiable ; le client peut recourir gratuitement à un médiateur de la consommation.

Fait le {{today}}, en deux exemplaires électroniques.
)";

inline constexpr const char* kWeddingContractName = "Contrat — reportage de mariage";
inline constexpr const char* kWeddingContract = R"(# Contrat de reportage photographique — mariage

Entre **{{studio.legalName}}**, {{studio.address}}, SIRET {{studio.siret}}, ci-après « le photographe »,

et **{{client.fullName}}**, demeurant {{client.address}}, agissant pour les deux mariés, ci-après « les mariés ».

## Article 1 — Le reportage

Le photographe couvre le mariage des mariés le {{booking.date}}, à partir de {{booking.time}}, pour une durée de {{service.duration}} : préparatifs, cérémonies, séance de couple, vin d'honneur et début de soirée, selon le déroulé remis au plus tard un mois avant la date.

{{service.description}}

## Article 2 — Prix, acompte et échéances

Le prix du reportage est de **{{price}}** TTC. {{studio.vat}}.

1. Un acompte de **{{deposit}}** est versé à la signature : il réserve la date en exclusivité, le photographe refusant dès lors toute autre demande pour ce jour.
2. Le solde de **{{balance}}** est réglé au plus tard quinze jours avant le mariage.
3. Les frais de déplacement au-delà de 50 km du studio, et l'hébergement si le reportage se termine après minuit à plus de 100 km, sont facturés à part, sur devis accepté.

## Article 3 — Annulation et report

- Par les mariés, plus de six mois avant le mariage : l'acompte est remboursé à hauteur de 50 %.
- Par les mariés, moins de six mois avant le mariage : l'acompte reste acquis au photographe ; le solde éventuellement versé est remboursé.
- Un report de date est possible une fois, selon les disponibilités du photographe ; l'acompte est alors reporté sur la nouvelle date.
- Par le photographe, en cas d'empêchement grave : il propose un photographe remplaçant de niveau équivalent, que les mariés sont libres de refuser ; toutes les sommes versées leur sont alors remboursées.

## Article 4 — Déroulé et bonne collaboration

- Les mariés informent leurs prestataires et l'officiant de la présence du photographe et obtiennent, si nécessaire, l'autorisation de photographier sur les lieux de la cérémonie.
- Un repas est prévu pour le photographe lorsque le reportage couvre le dîner.
- Le photographe n'est pas responsable des images rendues impossibles par une interdiction des lieux, la météo ou un retard important sur le déroulé.

## Article 5 — Livraison

- Une sélection de photographies est livrée sous 72 heures pour un premier partage.
- L'ensemble du reportage (au moins 400 photographies retouchées) est livré dans une galerie privée en ligne sous huit semaines, en haute définition, téléchargeable pendant un an.
- Les fichiers bruts (RAW) ne sont pas remis.

## Article 6 — Droit à l'image et droits d'auteur

1. Le photographe reste l'auteur des photographies et titulaire des droits d'auteur (articles L.111-1 et suivants du Code de la propriété intellectuelle).
2. Les mariés peuvent utiliser les photographies à titre privé et familial, les imprimer et les partager avec leurs invités et sur leurs réseaux personnels.
3. Le photographe ne publie des photographies du mariage (site, portfolio, concours, réseaux sociaux) qu'avec l'accord écrit des mariés ; les invités qui le demandent sont retirés de toute publication.
4. Toute utilisation commerciale par les mariés ou par un tiers suppose l'accord écrit du photographe.

## Article 7 — Données personnelles

Les données des mariés et de leurs invités servent uniquement à ce reportage. Les fichiers sont conservés deux ans après la livraison, puis effacés ; les mariés peuvent demander leur effacement plus tôt.

## Article 8 — Litiges

Le présent contrat est soumis au droit français. En cas de différend, les parties recherchent d'abord une solution amiable ; les mariés peuvent recourir gratuitement à un médiateur de la consommation.

Fait le {{today}}, en deux exemplaires électroniques.
)";

}  // namespace declic::app
