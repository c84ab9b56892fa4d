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
    "errors.database": _m("Base de données indisponible : {detail}",
                          "Databank niet beschikbaar: {detail}",
                          "Database unavailable: {detail}"),
    "errors.permission_denied": _m("Votre rôle ne permet pas cette action.",
                                   "Uw rol laat deze actie niet toe.",
                                   "Your role does not allow this action."),
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
    "users.username_invalid": _m("Lettres, chiffres, point ou tiret bas uniquement.",
                                 "Alleen letters, cijfers, punt of underscore.",
                                 "Letters, digits, dot or underscore only."),
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
    "overview.certified": _m("Certifiés aujourd'hui", "Gecertificeerd vandaag",
                             "Certified today"),
    "overview.certified_help": _m(
        "Label « artisan certifié » obtenu il y a moins de 6 ans et non expiré.",
        "Label 'gecertificeerde ambachtsman' minder dan 6 jaar geleden behaald en niet "
        "vervallen.",
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
}
