#include "modules/auth/auth_mails.hpp"

namespace declic::auth {

core::mail::MailMessage invitation_mail(const MailContext& c) {
  if (c.locale == "en")
    return {c.to, "Your client space at " + c.studio_name,
            "Hello " + c.first_name + ",\n\n" + c.studio_name +
                " has created your client space: book sessions, follow your projects, sign "
                "contracts and download your photos.\n\nChoose your password to open it "
                "(the link works once, for 7 days):\n" +
                c.link + "\n\nSee you soon,\n" + c.studio_name + "\n"};
  return {c.to, "Votre espace client chez " + c.studio_name,
          "Bonjour " + c.first_name + ",\n\n" + c.studio_name +
              " a créé votre espace client : vous pourrez y réserver vos séances, suivre vos "
              "projets, signer vos contrats et télécharger vos photos.\n\nChoisissez votre mot "
              "de passe pour y accéder (lien valable une fois, pendant 7 jours) :\n" +
              c.link + "\n\nÀ très bientôt,\n" + c.studio_name + "\n"};
}

core::mail::MailMessage reset_mail(const MailContext& c) {
  if (c.locale == "en")
    return {c.to, "Reset your password — " + c.studio_name,
            "Hello " + c.first_name +
                ",\n\nSomeone (hopefully you) asked to reset your password. Choose a new one "
                "here (the link works once, for one hour):\n" +
                c.link + "\n\nIf it was not you, ignore this e-mail: nothing changes.\n\n" +
                c.studio_name + "\n"};
  return {c.to, "Réinitialisation de votre mot de passe — " + c.studio_name,
          "Bonjour " + c.first_name +
              ",\n\nVous avez demandé à réinitialiser votre mot de passe. Choisissez-en un "
              "nouveau ici (lien valable une fois, pendant une heure) :\n" +
              c.link + "\n\nSi ce n'était pas vous, ignorez cet e-mail : rien ne change.\n\n" +
              c.studio_name + "\n"};
}

}  // namespace declic::auth
