"""Strings of the KPI targets screen (targets, progress, pace projection), in FR, NL and EN
(merged into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


TARGETS_MESSAGES: dict[str, dict[str, str]] = {
    "nav.targets": _m("Objectifs", "Doelstellingen", "Targets"),
    # indicators, with the definition each one uses
    "indicator.community_members": _m("Membres de la communauté", "Leden van de gemeenschap",
                                      "Community members"),
    "indicator.certified_artisans": _m("Artisan·e·s certifié·e·s", "Erkende ambachtslui",
                                       "Certified artisans"),
    "indicator.campaign_impressions": _m("Impressions de la campagne", "Campagne-impressies",
                                         "Campaign impressions"),
    "indicator.artisans_coached": _m("Artisan·e·s accompagné·e·s", "Begeleide ambachtslui",
                                     "Artisans coached"),
    "indicator.coaching_sessions": _m("Séances de coaching", "Coachingsessies",
                                      "Coaching sessions"),
    "targets.def.community_members": _m(
        "Cumulé : artisan·e·s ayant assisté à au moins un événement de la communauté, à ce "
        "jour. L'objectif est la valeur due à la fin de la période.",
        "Cumulatief: ambachtslui die minstens één gemeenschapsevenement bijwoonden, tot op "
        "vandaag. De doelstelling is de waarde op het einde van de periode.",
        "Cumulative: artisans who attended at least one community event, to date. The target "
        "is the value due at the end of the period."),
    "targets.def.certified_artisans": _m(
        "Cumulé : label obtenu il y a moins de 6 ans et non expiré, ce jour-là. L'objectif "
        "est la valeur due à la fin de la période.",
        "Cumulatief: erkenning minder dan 6 jaar geleden verkregen en niet vervallen, op die "
        "dag. De doelstelling is de waarde op het einde van de periode.",
        "Cumulative: label granted less than 6 years before and not expired, on that day. "
        "The target is the value due at the end of the period."),
    "targets.def.campaign_impressions": _m(
        "Sur la période : impressions de tous les canaux, des chiffres dont la période se "
        "termine dans celle de l'objectif.",
        "Over de periode: impressies van alle kanalen, van de cijfers waarvan de periode "
        "eindigt binnen die van de doelstelling.",
        "Over the period: impressions on every channel, of the figures whose period ends "
        "within the target's."),
    "targets.def.artisans_coached": _m(
        "Sur la période : artisan·e·s différent·e·s ayant eu au moins une séance de coaching.",
        "Over de periode: verschillende ambachtslui met minstens één coachingsessie.",
        "Over the period: unique artisans with at least one coaching session."),
    "targets.def.coaching_sessions": _m(
        "Sur la période : séances individuelles et de parcours tenues.",
        "Over de periode: gehouden individuele en trajectsessies.",
        "Over the period: individual and track sessions held."),
    # the screen
    "targets.title": _m("Objectifs et rythme", "Doelstellingen en tempo", "Targets and pace"),
    "targets.intro": _m(
        "Le rythme actuel prolonge en ligne droite ce qui a été atteint depuis le début de la "
        "période jusqu'à aujourd'hui ({day}).",
        "Het huidige tempo trekt wat sinds het begin van de periode tot vandaag ({day}) "
        "bereikt werd in een rechte lijn door.",
        "The current pace extends in a straight line what was reached from the start of the "
        "period to today ({day})."),
    "targets.current_title": _m("Périodes en cours", "Lopende periodes", "Current periods"),
    "targets.no_current": _m("Aucun objectif ne couvre aujourd'hui.",
                             "Geen enkele doelstelling omvat vandaag.",
                             "No target covers today."),
    "targets.all_title": _m("Tous les objectifs", "Alle doelstellingen", "All targets"),
    "targets.none": _m("Aucun objectif pour l'instant : fixez-en un ci-dessous.",
                       "Nog geen doelstellingen: stel er hieronder een in.",
                       "No targets yet: set one below."),
    "targets.of_target": _m("sur un objectif de {target}", "van een doelstelling van {target}",
                            "of a target of {target}"),
    "targets.share": _m("{pct} %", "{pct} %", "{pct}%"),
    "targets.reached": _m("{share} atteint", "{share} bereikt", "{share} reached"),
    "targets.pace": _m("Au rythme actuel : {n} au {day}", "Aan het huidige tempo: {n} op {day}",
                       "At the current pace: {n} by {day}"),
    "targets.pace_first_day": _m("Premier jour de la période : pas encore de rythme.",
                                 "Eerste dag van de periode: nog geen tempo.",
                                 "First day of the period: no pace yet."),
    "targets.period": _m("{start} – {end}", "{start} – {end}", "{start} – {end}"),
    "targets.col_indicator": _m("Indicateur", "Indicator", "Indicator"),
    "targets.col_period": _m("Période", "Periode", "Period"),
    "targets.col_status": _m("État", "Status", "Status"),
    "targets.col_target": _m("Objectif", "Doelstelling", "Target"),
    "targets.col_value": _m("Valeur", "Waarde", "Value"),
    "targets.col_share": _m("Atteint", "Bereikt", "Reached"),
    "targets.col_projection": _m("Au rythme actuel", "Aan het huidige tempo",
                                 "At the current pace"),
    "targets.value_help": _m(
        "Valeur aujourd'hui, ou à la fin de la période une fois celle-ci terminée.",
        "Waarde vandaag, of op het einde van de periode zodra die voorbij is.",
        "Value today, or at the end of the period once it is over."),
    "targets.projection_help": _m(
        "Valeur attendue à la fin de la période au rythme actuel ; la valeur réelle une fois "
        "la période terminée ; vide avant son début et le premier jour.",
        "Verwachte waarde op het einde van de periode aan het huidige tempo; de werkelijke "
        "waarde zodra de periode voorbij is; leeg vóór het begin en op de eerste dag.",
        "Value expected at the end of the period at the current pace; the actual value once "
        "the period is over; empty before it starts and on its first day."),
    "target_status.upcoming": _m("À venir", "Gepland", "Upcoming"),
    "target_status.running": _m("En cours", "Lopend", "Running"),
    "target_status.ended": _m("Terminée", "Afgelopen", "Ended"),
    # set a target
    "targets.tab_set": _m("Fixer un objectif", "Doelstelling instellen", "Set a target"),
    "targets.tab_edit": _m("Modifier ou supprimer", "Wijzigen of verwijderen",
                           "Change or delete"),
    "targets.indicator": _m("Indicateur", "Indicator", "Indicator"),
    "targets.quick_pick": _m("Période", "Periode", "Period"),
    "targets.pick_plan": _m("Plan 2023-2024", "Plan 2023-2024", "Plan 2023-2024"),
    "targets.pick_custom": _m("Autre période", "Andere periode", "Custom"),
    "targets.period_start": _m("Du", "Van", "From"),
    "targets.period_end": _m("Au (inclus)", "Tot en met", "To (included)"),
    "targets.value": _m("Objectif", "Doelstelling", "Target"),
    "targets.current_target": _m("Objectif actuel de cette période : {value}.",
                                 "Huidige doelstelling voor deze periode: {value}.",
                                 "Current target for this period: {value}."),
    "targets.no_target_yet": _m(
        "Pas encore d'objectif pour cette période : l'enregistrer en crée un.",
        "Nog geen doelstelling voor deze periode: opslaan maakt er een aan.",
        "No target for this period yet: saving creates one."),
    "targets.save": _m("Enregistrer l'objectif", "Doelstelling opslaan", "Save the target"),
    "targets.saved": _m("Objectif enregistré.", "Doelstelling opgeslagen.", "Target saved."),
    "targets.pick_target": _m("Objectif", "Doelstelling", "Target"),
    "targets.pick_target_hint": _m("Choisissez un objectif", "Kies een doelstelling",
                                   "Choose a target"),
    "targets.new_value": _m("Nouvelle valeur", "Nieuwe waarde", "New value"),
    "targets.save_change": _m("Enregistrer la modification", "Wijziging opslaan",
                              "Save the change"),
    "targets.delete": _m("Supprimer cet objectif", "Deze doelstelling verwijderen",
                         "Delete this target"),
    "targets.deleted": _m("Objectif supprimé.", "Doelstelling verwijderd.", "Target deleted."),
    # refusals
    "targets.indicator_unknown": _m("Indicateur inconnu.", "Onbekende indicator.",
                                    "Unknown indicator."),
    "targets.date_invalid": _m("Date invalide.", "Ongeldige datum.", "Invalid date."),
    "targets.date_out_of_range": _m("Choisissez une date entre 2000 et 2100.",
                                    "Kies een datum tussen 2000 en 2100.",
                                    "Choose a date between 2000 and 2100."),
    "targets.end_before_start": _m("La fin précède le début.", "Het einde ligt vóór het begin.",
                                   "The end is before the start."),
    "targets.period_too_long": _m("Une période dure au plus 5 ans.",
                                  "Een periode duurt hoogstens 5 jaar.",
                                  "A period lasts 5 years at most."),
    "targets.period_overlaps": _m(
        "Cette période chevauche un autre objectif du même indicateur.",
        "Deze periode overlapt met een andere doelstelling van dezelfde indicator.",
        "This period overlaps another target of the same indicator."),
    "targets.value_invalid": _m("Entrez un nombre.", "Geef een getal in.", "Enter a number."),
    "targets.value_negative": _m("L'objectif ne peut pas être négatif.",
                                 "De doelstelling kan niet negatief zijn.",
                                 "The target cannot be negative."),
    "targets.value_too_large": _m("Cet objectif est trop grand.",
                                  "Deze doelstelling is te groot.", "This target is too large."),
    "targets.value_whole": _m("Entrez un nombre entier.", "Geef een geheel getal in.",
                              "Enter a whole number."),
    "targets.changed_meanwhile": _m(
        "Cet objectif a changé depuis l'affichage du formulaire. Rien n'a été enregistré : "
        "vérifiez la valeur affichée maintenant et recommencez.",
        "Deze doelstelling is gewijzigd sinds het formulier werd getoond. Er is niets "
        "opgeslagen: controleer de waarde die nu getoond wordt en probeer opnieuw.",
        "This target changed since the form was shown. Nothing was saved: check the value "
        "shown now and try again."),
    "targets.not_found": _m("Cet objectif n'existe pas.", "Deze doelstelling bestaat niet.",
                            "This target does not exist."),
    # the targets drawn on the dashboards' charts (staff and up, the whole Region)
    "chart.target": _m("Objectif", "Doel", "Target"),
    "chart.target_summary": _m("Objectif : {value} du {start} au {end}.",
                               "Doel: {value} van {start} tot {end}.",
                               "Target: {value} from {start} to {end}."),
    "chart.progress_summary": _m(
        "Depuis le {start} : {value} fin {month}, pour un objectif de {target} au {end}.",
        "Sinds {start}: {value} eind {month}, voor een doel van {target} op {end}.",
        "Since {start}: {value} by the end of {month}, against a target of {target} by {end}."),
    "chart.progress_caption": _m(
        "Compté depuis le premier jour de chaque objectif jusqu'à la fin de chaque mois, selon "
        "les définitions de la page Objectifs ; la ligne pointillée est l'objectif.",
        "Geteld vanaf de eerste dag van elk doel tot het einde van elke maand, volgens de "
        "definities van de pagina Doelstellingen; de stippellijn is het doel.",
        "Counted from each target's first day to each month end, by the definitions of the "
        "Targets page; the dashed line is the target."),
    "chart.sessions_since_start": _m("Séances depuis le début de l'objectif",
                                     "Sessies sinds het begin van het doel",
                                     "Sessions since the target's start"),
    "chart.artisans_since_start": _m("Artisan·e·s accompagné·e·s depuis le début de l'objectif",
                                     "Begeleide ambachtslui sinds het begin van het doel",
                                     "Artisans coached since the target's start"),
    "chart.impressions_since_start": _m("Impressions depuis le début de l'objectif",
                                        "Vertoningen sinds het begin van het doel",
                                        "Impressions since the target's start"),
    "coaching_kpi.artisans_progress": _m("Artisan·e·s accompagné·e·s face à l'objectif",
                                         "Begeleide ambachtslui tegenover het doel",
                                         "Artisans coached against the target"),
    "campaign_kpi.impressions_progress": _m("Impressions face à l'objectif",
                                            "Vertoningen tegenover het doel",
                                            "Impressions against the target"),
}
