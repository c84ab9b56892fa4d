"""Strings of the dashboards (filters, figures, their definitions), in FR, NL and EN (merged
into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


DASHBOARD_MESSAGES: dict[str, dict[str, str]] = {
    "nav.dash_coaching": _m("Accompagnement", "Begeleiding", "Coaching"),
    # filters
    "filters.period": _m("Période", "Periode", "Period"),
    "filters.pick_this_month": _m("Ce mois-ci", "Deze maand", "This month"),
    "filters.pick_this_quarter": _m("Ce trimestre", "Dit kwartaal", "This quarter"),
    "filters.pick_this_year": _m("Cette année", "Dit jaar", "This year"),
    "filters.pick_plan": _m("Le plan 2023-2024", "Het plan 2023-2024", "The plan 2023-2024"),
    "filters.pick_custom": _m("Autres dates", "Andere data", "Custom dates"),
    "filters.days": _m("Du … au …", "Van … tot …", "From … to …"),
    "filters.span": _m("Du {first} au {last}", "Van {first} tot {last}",
                       "From {first} to {last}"),
    "filters.commune": _m("Commune", "Gemeente", "Commune"),
    "filters.all_communes": _m("Toute la Région", "Het hele Gewest", "The whole Region"),
    "filters.sector": _m("Secteur", "Sector", "Sector"),
    "filters.all_sectors": _m("Tous les secteurs", "Alle sectoren", "All sectors"),
    # figures
    "kpi.not_available": _m("n.d.", "n.b.", "n/a"),
    "kpi.delta_na": _m("n.d.", "n.b.", "n/a"),
    "kpi.points": _m("pp", "pp", "pp"),
    "kpi.compared": _m("Par rapport à la période précédente de même durée : {delta}.",
                       "Tegenover de vorige periode van dezelfde duur: {delta}.",
                       "Against the previous period of equal length: {delta}."),
    "kpi.artisans_coached": _m("Artisan·e·s accompagné·e·s", "Begeleide ambachtslui",
                               "Artisans coached"),
    "kpi.artisans_coached_help": _m(
        "Artisan·e·s différent·e·s ayant eu au moins une séance de coaching dans la période.",
        "Verschillende ambachtslui met minstens één coachingsessie in de periode.",
        "Different artisans with at least one coaching session in the period."),
    "kpi.sessions": _m("Séances", "Sessies", "Sessions"),
    "kpi.sessions_help": _m(
        "Séances de coaching tenues dans la période (une par artisan·e présent·e, aussi dans "
        "les parcours).",
        "Coachingsessies gehouden in de periode (één per aanwezige ambachtsman/-vrouw, ook in "
        "trajecten).",
        "Coaching sessions held in the period (one per artisan present, tracks included)."),
    "kpi.hours": _m("Heures", "Uren", "Hours"),
    "kpi.hours_help": _m("Durée totale des séances de la période, en heures.",
                         "Totale duur van de sessies in de periode, in uren.",
                         "Total length of the period's sessions, in hours."),
    "kpi.follow_ups_done": _m("Suivis faits", "Opvolgingen gedaan", "Follow-ups done"),
    "kpi.follow_ups_open": _m("Suivis ouverts", "Open opvolgingen", "Follow-ups open"),
    "kpi.follow_ups_due_help": _m(
        "Suivis dont l'échéance tombe dans la période, selon leur état aujourd'hui.",
        "Opvolgingen met een vervaldatum in de periode, volgens hun stand vandaag.",
        "Follow-ups due in the period, by their state today."),
    "kpi.follow_ups_overdue": _m("Suivis en retard", "Opvolgingen te laat",
                                 "Follow-ups overdue"),
    "kpi.follow_ups_overdue_help": _m(
        "Suivis ouverts dont l'échéance de la période est passée (avant aujourd'hui, heure de "
        "Bruxelles ; une échéance aujourd'hui n'est pas en retard).",
        "Open opvolgingen van de periode waarvan de vervaldatum voorbij is (vóór vandaag, "
        "Brusselse tijd; vandaag vervallen is niet te laat).",
        "Open follow-ups of the period whose due date has passed (before today, Brussels "
        "time; due today is not overdue)."),
    "kpi.done_on_time": _m("Faits à temps", "Op tijd gedaan", "Done on time"),
    "kpi.done_on_time_help": _m(
        "Parmi les suivis faits (échéance dans la période), part faite au plus tard à "
        "l'échéance.",
        "Van de gedane opvolgingen (vervaldatum in de periode), het aandeel gedaan uiterlijk "
        "op de vervaldatum.",
        "Among the follow-ups done (due in the period), the share done by their due date."),
    "kpi.median_days": _m("Jours pour clôturer (médiane)", "Dagen tot afsluiten (mediaan)",
                          "Days to close (median)"),
    "kpi.median_days_help": _m(
        "Médiane des jours entre la séance et le jour où le suivi a été fait, pour les suivis "
        "faits dans la période.",
        "Mediaan van de dagen tussen de sessie en de dag waarop de opvolging gedaan werd, voor "
        "opvolgingen gedaan in de periode.",
        "Median days from the session to the day the follow-up was done, for follow-ups done "
        "in the period."),
    "kpi.sessions_by_month": _m("Séances par mois", "Sessies per maand", "Sessions per month"),
    "kpi.sessions_summary": _m(
        "Séances de coaching sur {months} mois ; le mois le plus chargé, {month} : {value}.",
        "Coachingsessies over {months} maanden; de drukste maand, {month}: {value}.",
        "Coaching sessions over {months} months; the busiest month, {month}: {value}."),
    "kpi.no_sessions_in_period": _m(
        "Aucune séance dans cette période : le graphique est vide.",
        "Geen sessies in deze periode: de grafiek is leeg.",
        "No session in this period: the chart is empty."),
}
