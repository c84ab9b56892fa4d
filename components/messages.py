"""Every user-facing string, keyed `<area>.<thing>`, in French, Dutch and English."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # app shell
    "app.title": _m("Plan artisanat – tableau de bord", "Ambachtsplan – dashboard",
                    "Artisans plan – dashboard"),
    "app.subtitle": _m("hub.brussels · plan de soutien aux artisan·e·s bruxellois·es",
                       "hub.brussels · steunplan voor Brusselse ambachtslui",
                       "hub.brussels · support plan for Brussels artisans"),
    "sidebar.language": _m("Langue", "Taal", "Language"),
    "nav.overview": _m("Vue d'ensemble", "Overzicht", "Overview"),
    "nav.section.dashboards": _m("Tableaux de bord", "Dashboards", "Dashboards"),
    # errors
    "errors.permission_denied": _m("Votre rôle ne permet pas cette action.",
                                   "Uw rol laat deze actie niet toe.",
                                   "Your role does not allow this action."),
    "errors.session_ended": _m(
        "Votre session a pris fin (déconnexion ou mot de passe changé). Reconnectez-vous.",
        "Uw sessie is beëindigd (afgemeld of wachtwoord gewijzigd). Meld u opnieuw aan.",
        "Your session has ended (logged out or password changed). Please log in again."),
    # -- errors and validation (finding 7, 8) --
    "errors.title": _m("Indisponible", "Niet beschikbaar", "Unavailable"),
    "errors.unexpected": _m(
        "Une erreur inattendue s'est produite. Si elle se répète, transmettez cette référence "
        "à l'administrateur·rice : {ref}",
        "Er is een onverwachte fout opgetreden. Als ze zich herhaalt, geef deze referentie door "
        "aan de beheerder: {ref}",
        "Something unexpected went wrong. If it happens again, give the administrator this "
        "reference: {ref}"),
    "errors.database_unavailable": _m(
        "La base de données est indisponible pour le moment. Réessayez plus tard. "
        "Référence : {ref}",
        "De databank is momenteel niet beschikbaar. Probeer het later opnieuw. "
        "Referentie: {ref}",
        "The database is unavailable at the moment. Please try again later. Reference: {ref}"),
    "errors.write_conflict": _m(
        "Une autre modification était en cours au même moment : rien n'a été enregistré. "
        "Réessayez.",
        "Er was op hetzelfde moment een andere wijziging bezig: er is niets opgeslagen. "
        "Probeer opnieuw.",
        "Another change was being saved at the same moment: nothing was saved. Please try "
        "again."),
    "form.too_long": _m("Ce texte est trop long.", "Deze tekst is te lang.",
                        "This text is too long."),
    "form.control_characters": _m(
        "Caractères invisibles ou de contrôle (retour à la ligne, tabulation…) non admis.",
        "Onzichtbare tekens of stuurtekens (regeleinde, tab…) zijn niet toegestaan.",
        "Invisible or control characters (line break, tab…) are not allowed."),
    "form.email_invalid": _m("Adresse e-mail invalide (par ex. nom@exemple.be).",
                             "Ongeldig e-mailadres (bv. naam@voorbeeld.be).",
                             "Invalid e-mail address (e.g. name@example.be)."),
    # -- privacy (finding 6) --
    "privacy.small_cell": _m("< 5", "< 5", "< 5"),
    "privacy.unknown_cell": _m("non communiqué", "niet meegedeeld", "not disclosed"),
    "privacy.withheld": _m(
        "Répartition masquée pour protéger la vie privée : même arrondis, certains chiffres "
        "pourraient se déduire du total.",
        "Verdeling verborgen om de privacy te beschermen: zelfs afgerond zouden sommige "
        "cijfers uit het totaal af te leiden zijn.",
        "Breakdown withheld to protect privacy: even rounded, some figures could be worked "
        "out from the total."),
    "privacy.partner_note": _m(
        "Chiffres agrégés uniquement, arrondis au multiple de 5 le plus proche ; de 1 à 4, "
        "ils s'affichent « < 5 ». Les nouveaux membres d'un mois sont l'écart entre deux "
        "totaux arrondis.",
        "Alleen geaggregeerde cijfers, afgerond op het dichtstbijzijnde veelvoud van 5; van "
        "1 tot 4 staat er '< 5'. De nieuwe leden van een maand zijn het verschil tussen twee "
        "afgeronde totalen.",
        "Aggregate figures only, rounded to the nearest multiple of 5; from 1 to 4 they show "
        "as \"< 5\". New members in a month are the difference between two rounded totals."),
    "form.not_saved": _m("Rien n'a été enregistré : {reason}", "Er is niets opgeslagen: {reason}",
                         "Nothing was saved: {reason}"),
    "form.invalid_value": _m("Valeur non valable pour ce champ.",
                             "Ongeldige waarde voor dit veld.",
                             "Not a valid value for this field."),
    "form.required": _m("Ce champ est obligatoire.", "Dit veld is verplicht.",
                        "This field is required."),
    "password.too_short": _m("Le mot de passe doit compter au moins 10 caractères.",
                             "Het wachtwoord moet minstens 10 tekens tellen.",
                             "The password must be at least 10 characters long."),
    "password.too_long": _m("Le mot de passe dépasse 72 octets (limite de bcrypt) : "
                            "raccourcissez-le.",
                            "Het wachtwoord is langer dan 72 bytes (grens van bcrypt): "
                            "maak het korter.",
                            "The password is longer than 72 bytes (bcrypt's limit): "
                            "shorten it."),
    "users.username_invalid": _m(
        "De 2 à 40 caractères : lettres minuscules sans accent, chiffres, point ou tiret bas.",
        "2 tot 40 tekens: kleine letters zonder accenten, cijfers, punt of underscore.",
        "2 to 40 characters: lower-case ASCII letters, digits, dot or underscore."),
    "users.username_taken": _m("Ce nom d'utilisateur existe déjà.",
                               "Deze gebruikersnaam bestaat al.",
                               "This username already exists."),
    "users.role_invalid": _m("Rôle inconnu.", "Onbekende rol.", "Unknown role."),
    # overview
    "overview.title": _m("Vue d'ensemble du plan", "Overzicht van het plan", "Plan overview"),
    "overview.as_of": _m("Situation au {day}", "Stand op {day}", "As of {day}"),
    "overview.members": _m("Membres de la communauté", "Leden van de gemeenschap",
                           "Community members"),
    "overview.members_help": _m(
        "Artisan·e·s ayant assisté à au moins un événement de la communauté, depuis le "
        "1er janvier 2023.",
        "Ambachtslui die minstens één gemeenschapsevenement bijwoonden, sinds "
        "1 januari 2023.",
        "Artisans who attended at least one community event since 1 January 2023."),
    "overview.certified": _m("Certifiés aujourd'hui", "Erkende ambachtslui vandaag",
                             "Certified today"),
    "overview.certified_help": _m(
        "Label « artisan certifié » obtenu il y a moins de 6 ans et non expiré.",
        "Erkenning als ambachtsman/-vrouw (erkende ambachtslui) minder dan 6 jaar geleden "
        "verkregen en niet vervallen.",
        "'Artisan certifié' label granted less than 6 years ago and not expired."),
    "overview.impressions": _m("Impressions campagne", "Campagnevertoningen",
                               "Campaign impressions"),
    "overview.impressions_help": _m(
        "Nombre de fois où la campagne a été vue, tous canaux et périodes confondus.",
        "Aantal keren dat de campagne werd getoond, alle kanalen en periodes samen.",
        "Times the campaign was shown, all channels and periods together."),
    "overview.sessions": _m("Séances de coaching en {year}", "Coachingsessies in {year}",
                            "Coaching sessions in {year}"),
    "overview.sessions_help": _m("Séances individuelles et de parcours tenues depuis le "
                                 "1er janvier.",
                                 "Individuele en trajectsessies sinds 1 januari.",
                                 "Individual and track sessions held since 1 January."),
    "overview.follow_ups_open": _m("Suivis ouverts", "Open opvolgingen", "Open follow-ups"),
    "overview.follow_ups_overdue": _m("Suivis en retard", "Achterstallige opvolgingen",
                                      "Overdue follow-ups"),
    "overview.follow_ups_overdue_help": _m(
        "Suivis ouverts dont l'échéance est dépassée.",
        "Open opvolgingen waarvan de vervaldatum voorbij is.",
        "Open follow-ups whose due date has passed."),
    "overview.growth_title": _m("Croissance de la communauté", "Groei van de gemeenschap",
                                "Community growth"),
    "overview.growth_caption": _m(
        "Membres cumulés à la fin de chaque mois (membres uniques, première participation).",
        "Cumulatief aantal leden op het einde van elke maand (unieke leden, eerste deelname).",
        "Cumulative members at the end of each month (unique members, first attendance)."),
    "overview.no_data": _m("Aucune donnée pour l'instant.", "Nog geen gegevens.",
                           "No data yet."),
    "chart.month": _m("Mois", "Maand", "Month"),
    "chart.members": _m("Membres", "Leden", "Members"),
    "chart.new_members": _m("Nouveaux membres", "Nieuwe leden", "New members"),
    "overview.by_commune": _m("Membres par commune", "Leden per gemeente",
                              "Members by commune"),
    "overview.by_sector": _m("Certifiés par secteur", "Erkende ambachtslui per sector",
                             "Certified by sector"),
    "chart.artisans": _m("Artisans", "Ambachtslui", "Artisans"),
    "chart.commune": _m("Commune", "Gemeente", "Commune"),
    "chart.sector": _m("Secteur", "Sector", "Sector"),
    # login and roles
    "login.title": _m("Connexion", "Aanmelden", "Log in"),
    "login.username": _m("Nom d'utilisateur", "Gebruikersnaam", "Username"),
    "login.password": _m("Mot de passe", "Wachtwoord", "Password"),
    "login.submit": _m("Se connecter", "Aanmelden", "Log in"),
    "login.missing": _m("Saisissez votre nom d'utilisateur et votre mot de passe.",
                        "Vul uw gebruikersnaam en wachtwoord in.",
                        "Enter your username and password."),
    "login.wrong": _m("Nom d'utilisateur ou mot de passe incorrect.",
                      "Gebruikersnaam of wachtwoord onjuist.",
                      "Wrong username or password."),
    "login.throttled": _m(
        "Trop d'essais pour ce nom d'utilisateur : réessayez après {time}. Depuis un navigateur "
        "où vous vous êtes déjà connecté·e, vous pouvez réessayer tout de suite.",
        "Te veel pogingen voor deze gebruikersnaam: probeer opnieuw na {time}. Vanuit een "
        "browser waarin u al eerder aangemeld was, kunt u meteen opnieuw proberen.",
        "Too many attempts for this username: try again after {time}. From a browser you "
        "logged in with before, you can try again right away."),
    "auth.logout": _m("Se déconnecter", "Afmelden", "Log out"),
    "role.admin": _m("Administrateur·rice", "Beheerder", "Administrator"),
    "role.manager": _m("Gestionnaire de programme", "Programmamanager", "Programme manager"),
    "role.staff": _m("Conseiller·ère", "Adviseur", "Adviser"),
    "role.partner": _m("Partenaire", "Partner", "Partner"),
    "nav.users": _m("Utilisateurs", "Gebruikers", "Users"),
    "nav.audit": _m("Journal d'audit", "Auditlogboek", "Audit log"),
    "nav.account": _m("Mon compte", "Mijn account", "My account"),
    "nav.section.admin": _m("Administration", "Beheer", "Administration"),
    "nav.section.account": _m("Compte", "Account", "Account"),
    # my account
    "account.title": _m("Mon compte", "Mijn account", "My account"),
    "account.username": _m("Nom d'utilisateur", "Gebruikersnaam", "Username"),
    "account.role": _m("Rôle", "Rol", "Role"),
    "account.change_password": _m("Changer mon mot de passe", "Mijn wachtwoord wijzigen",
                                  "Change my password"),
    "account.current": _m("Mot de passe actuel", "Huidig wachtwoord", "Current password"),
    "account.new": _m("Nouveau mot de passe", "Nieuw wachtwoord", "New password"),
    "account.confirm": _m("Confirmer le nouveau mot de passe", "Bevestig het nieuwe wachtwoord",
                          "Confirm the new password"),
    "account.save": _m("Changer le mot de passe", "Wachtwoord wijzigen", "Change password"),
    "account.saved": _m("Mot de passe changé.", "Wachtwoord gewijzigd.", "Password changed."),
    "account.current_wrong": _m("Le mot de passe actuel est incorrect.",
                                "Het huidige wachtwoord is onjuist.",
                                "The current password is wrong."),
    "account.throttled": _m(
        "Trop d'essais avec un mauvais mot de passe actuel : réessayez dans 15 minutes.",
        "Te veel pogingen met een verkeerd huidig wachtwoord: probeer over 15 minuten opnieuw.",
        "Too many attempts with a wrong current password: try again in 15 minutes."),
    "account.confirm_mismatch": _m("Les deux mots de passe ne correspondent pas.",
                                   "De twee wachtwoorden komen niet overeen.",
                                   "The two passwords do not match."),
    "password.rules": _m("Au moins 10 caractères, au plus 72 octets.",
                         "Minstens 10 tekens, hoogstens 72 bytes.",
                         "At least 10 characters, at most 72 bytes."),
    # users (admin)
    "users.title": _m("Utilisateurs et rôles", "Gebruikers en rollen", "Users and roles"),
    "users.tab_list": _m("Liste", "Lijst", "List"),
    "users.tab_new": _m("Nouvel utilisateur", "Nieuwe gebruiker", "New user"),
    "users.tab_edit": _m("Modifier un utilisateur", "Gebruiker wijzigen", "Edit a user"),
    "users.username": _m("Nom d'utilisateur", "Gebruikersnaam", "Username"),
    "users.display_name": _m("Nom affiché", "Weergavenaam", "Display name"),
    "users.email": _m("E-mail", "E-mail", "E-mail"),
    "users.role": _m("Rôle", "Rol", "Role"),
    "users.active": _m("Actif", "Actief", "Active"),
    "users.locked_until": _m("Bloqué jusqu'à", "Geblokkeerd tot", "Locked until"),
    "users.password": _m("Mot de passe", "Wachtwoord", "Password"),
    "users.create": _m("Créer l'utilisateur", "Gebruiker aanmaken", "Create user"),
    "users.created": _m("Utilisateur créé.", "Gebruiker aangemaakt.", "User created."),
    "users.pick": _m("Utilisateur", "Gebruiker", "User"),
    "users.save": _m("Enregistrer", "Opslaan", "Save"),
    "users.saved": _m("Modifications enregistrées.", "Wijzigingen opgeslagen.",
                      "Changes saved."),
    "users.new_password": _m("Nouveau mot de passe", "Nieuw wachtwoord", "New password"),
    "users.reset": _m("Réinitialiser le mot de passe", "Wachtwoord opnieuw instellen",
                      "Reset password"),
    "users.password_reset": _m("Mot de passe réinitialisé ; le compte est débloqué.",
                               "Wachtwoord opnieuw ingesteld; de account is gedeblokkeerd.",
                               "Password reset; the account is unlocked."),
    "users.not_found": _m("Utilisateur introuvable.", "Gebruiker niet gevonden.",
                          "User not found."),
    "users.last_admin": _m("Il faut garder au moins un administrateur actif.",
                           "Er moet minstens één actieve beheerder blijven.",
                           "At least one active administrator must remain."),
    # audit
    "audit.title": _m("Journal d'audit", "Auditlogboek", "Audit log"),
    "audit.caption": _m("Chaque création, modification et suppression, avec les valeurs avant "
                        "et après. En lecture seule.",
                        "Elke aanmaak, wijziging en verwijdering, met de waarden ervoor en "
                        "erna. Alleen-lezen.",
                        "Every create, update and delete, with the values before and after. "
                        "Read-only."),
    "audit.user": _m("Utilisateur", "Gebruiker", "User"),
    "audit.entity": _m("Entité", "Entiteit", "Entity"),
    "audit.all": _m("Tous", "Alle", "All"),
    "audit.days": _m("Période", "Periode", "Period"),
    "audit.export": _m("Exporter en CSV", "Exporteren als CSV", "Export to CSV"),
    "audit.empty": _m("Aucune entrée pour ces filtres.", "Geen items voor deze filters.",
                      "No entries for these filters."),
    "audit.count": _m("{shown} entrées affichées sur {total}.", "{shown} van {total} items "
                      "getoond.", "{shown} of {total} entries shown."),
    "audit.at": _m("Moment", "Tijdstip", "At"),
    "audit.action": _m("Action", "Actie", "Action"),
    "audit.entity_id": _m("Identifiant", "Id", "Id"),
    "audit.before": _m("Avant", "Voor", "Before"),
    "audit.after": _m("Après", "Na", "After"),
    # production settings
    "settings.key_missing": _m(
        "Démarrage refusé : APP_ENV=production mais aucune clé de cookie (AUTH_COOKIE_KEY ou "
        "[auth] cookie_key dans .streamlit/secrets.toml).",
        "Start geweigerd: APP_ENV=production maar geen cookiesleutel (AUTH_COOKIE_KEY of "
        "[auth] cookie_key in .streamlit/secrets.toml).",
        "Refusing to start: APP_ENV=production but no cookie key (AUTH_COOKIE_KEY or "
        "[auth] cookie_key in .streamlit/secrets.toml)."),
    "settings.key_weak": _m(
        "Démarrage refusé : la clé de cookie doit être aléatoire, au moins 32 octets en "
        "base64 ou en hexadécimal (python -c \"import secrets; "
        "print(secrets.token_urlsafe(48))\"), jamais la valeur d'exemple.",
        "Start geweigerd: de cookiesleutel moet willekeurig zijn, minstens 32 bytes in base64 of "
        "hexadecimaal (python -c \"import secrets; print(secrets.token_urlsafe(48))\"), nooit de "
        "voorbeeldwaarde.",
        "Refusing to start: the cookie key must be random, at least 32 bytes in base64 or hex "
        "(python -c \"import secrets; print(secrets.token_urlsafe(48))\"), never the example "
        "value."),
    "settings.bcrypt_weak": _m(
        "Démarrage refusé : BCRYPT_ROUNDS doit valoir au moins 12 en production.",
        "Start geweigerd: BCRYPT_ROUNDS moet in productie minstens 12 zijn.",
        "Refusing to start: BCRYPT_ROUNDS must be at least 12 in production."),
    "settings.demo_password": _m(
        "Démarrage refusé : un utilisateur de démonstration a encore son mot de passe de "
        "démonstration. Changez-le ou désactivez-le.",
        "Start geweigerd: een demogebruiker heeft nog zijn demowachtwoord. Wijzig het of "
        "deactiveer de gebruiker.",
        "Refusing to start: a demo user still has its demo password. Change it or deactivate "
        "the user."),
}

from components.messages_a11y import A11Y_MESSAGES  # noqa: E402

MESSAGES.update(A11Y_MESSAGES)

from components.messages_registry import REGISTRY_MESSAGES  # noqa: E402

MESSAGES.update(REGISTRY_MESSAGES)

from components.messages_profile import PROFILE_MESSAGES  # noqa: E402

MESSAGES.update(PROFILE_MESSAGES)

from components.messages_import import IMPORT_MESSAGES  # noqa: E402
from components.messages_label import LABEL_MESSAGES  # noqa: E402

MESSAGES.update(LABEL_MESSAGES)
MESSAGES.update(IMPORT_MESSAGES)

from components.messages_events_ui import EVENTS_UI_MESSAGES  # noqa: E402

MESSAGES.update(EVENTS_UI_MESSAGES)

from components.messages_attendance import ATTENDANCE_MESSAGES  # noqa: E402

MESSAGES.update(ATTENDANCE_MESSAGES)

from components.messages_events import EVENTS_MESSAGES  # noqa: E402

MESSAGES.update(EVENTS_MESSAGES)

from components.messages_coaching import COACHING_MESSAGES  # noqa: E402

MESSAGES.update(COACHING_MESSAGES)

from components.messages_dashboards import DASHBOARD_MESSAGES  # noqa: E402

MESSAGES.update(DASHBOARD_MESSAGES)

from components.messages_targets import TARGETS_MESSAGES  # noqa: E402

MESSAGES.update(TARGETS_MESSAGES)

from components.messages_campaign import CAMPAIGN_MESSAGES  # noqa: E402

MESSAGES.update(CAMPAIGN_MESSAGES)

from components.messages_dash_community import DASH_COMMUNITY_MESSAGES  # noqa: E402

MESSAGES.update(DASH_COMMUNITY_MESSAGES)

from components.messages_dash_label import DASH_LABEL_MESSAGES  # noqa: E402

MESSAGES.update(DASH_LABEL_MESSAGES)

from components.messages_exports import EXPORT_MESSAGES  # noqa: E402

MESSAGES.update(EXPORT_MESSAGES)

from components.messages_dash_campaign import DASH_CAMPAIGN_MESSAGES  # noqa: E402

MESSAGES.update(DASH_CAMPAIGN_MESSAGES)

from components.messages_partner import PARTNER_MESSAGES  # noqa: E402

MESSAGES.update(PARTNER_MESSAGES)
