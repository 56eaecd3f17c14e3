#include "modules/auth/auth_mails.hpp"

#include "core/mail/layout.hpp"

namespace declic::auth {

namespace mail = core::mail;

namespace {
mail::Look look_for(const MailContext& c) {
  auto look = c.studio;
  look.lang = c.locale == "en" ? "en" : "fr";
  return look;
}
}  // namespace

mail::MailMessage invitation_mail(const MailContext& c) {
  mail::Content content;
  content.signature = c.studio.studio_name;
  content.action_url = c.link;
  if (c.locale == "en") {
    content.greeting = "Hello " + c.first_name + ",";
    content.paragraphs = {c.studio.studio_name +
                              " has created your client space: book sessions, follow your "
                              "projects, sign contracts and download your photos.",
                          "Choose your password to open it (the link works once, for 7 days)."};
    content.action_label = "Choose my password";
    content.after = {"See you soon,"};
    return mail::compose(c.to, "Your client space at " + c.studio.studio_name, content,
                         look_for(c));
  }
  content.greeting = "Bonjour " + c.first_name + ",";
  content.paragraphs = {c.studio.studio_name +
                            " a créé votre espace client : vous pourrez y réserver vos séances, "
                            "suivre vos projets, signer vos contrats et télécharger vos photos.",
                        "Choisissez votre mot de passe pour y accéder (lien valable une fois, "
                        "pendant 7 jours)."};
  content.action_label = "Choisir mon mot de passe";
  content.after = {"À très bientôt,"};
  return mail::compose(c.to, "Votre espace client chez " + c.studio.studio_name, content,
                       look_for(c));
}

mail::MailMessage reset_mail(const MailContext& c) {
  mail::Content content;
  content.signature = c.studio.studio_name;
  content.action_url = c.link;
  if (c.locale == "en") {
    content.greeting = "Hello " + c.first_name + ",";
    content.paragraphs = {
        "Someone (hopefully you) asked to reset your password. Choose a new "
        "one (the link works once, for one hour)."};
    content.action_label = "Choose a new password";
    content.after = {"If it was not you, ignore this e-mail: nothing changes."};
    return mail::compose(c.to, "Reset your password — " + c.studio.studio_name, content,
                         look_for(c));
  }
  content.greeting = "Bonjour " + c.first_name + ",";
  content.paragraphs = {
      "Vous avez demandé à réinitialiser votre mot de passe. Choisissez-en un "
      "nouveau (lien valable une fois, pendant une heure)."};
  content.action_label = "Choisir un nouveau mot de passe";
  content.after = {"Si ce n'était pas vous, ignorez cet e-mail : rien ne change."};
  return mail::compose(c.to, "Réinitialisation de votre mot de passe — " + c.studio.studio_name,
                       content, look_for(c));
}

}  // namespace declic::auth
