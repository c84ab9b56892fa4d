"""Strings of the community growth dashboard (its figures and their definitions), in FR, NL
and EN (merged into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


DASH_COMMUNITY_MESSAGES: dict[str, dict[str, str]] = {
    "nav.dash_community": _m("Communauté", "Gemeenschap", "Community"),
    "community.members": _m("Membres à ce jour", "Leden tot nu toe", "Members to date"),
    "community.members_help": _m(
        "Artisan·e·s ayant participé (présent·e, sans rendez-vous compris) à au moins une "
        "rencontre de la communauté, jusqu'à la fin de la période (au plus tard aujourd'hui).",
        "Ambachtslui die aan minstens één bijeenkomst van de gemeenschap deelnamen (aanwezig, "
        "ook zonder inschrijving), tot het einde van de periode (uiterlijk vandaag).",
        "Artisans who attended (present, walk-ins included) at least one community event, up "
        "to the end of the period (today at the latest)."),
    "community.new_members": _m("Nouveaux membres", "Nieuwe leden", "New members"),
    "community.new_members_help": _m(
        "Membres dont la première rencontre de la communauté a eu lieu dans la période.",
        "Leden van wie de eerste bijeenkomst van de gemeenschap in de periode viel.",
        "Members whose first community event was in the period."),
    "community.active_members": _m("Membres présent·e·s", "Aanwezige leden",
                                   "Members attending"),
    "community.active_members_help": _m(
        "Artisan·e·s différent·e·s présent·e·s à au moins une rencontre de la période.",
        "Verschillende ambachtslui aanwezig op minstens één bijeenkomst van de periode.",
        "Different artisans present at one or more community events of the period."),
    "community.returning_members": _m("Membres revenu·e·s", "Terugkerende leden",
                                      "Returning members"),
    "community.returning_members_help": _m(
        "Membres présent·e·s dans la période qui étaient déjà venu·e·s avant elle (membres "
        "présent·e·s moins nouveaux membres).",
        "Leden aanwezig in de periode die er al eerder waren (aanwezige leden min nieuwe "
        "leden).",
        "Members attending in the period who had attended before it (members attending minus "
        "new members)."),
    "community.events_held": _m("Rencontres tenues", "Gehouden bijeenkomsten", "Events held"),
    "community.events_held_help": _m(
        "Rencontres de la communauté de la période, jusqu'à aujourd'hui ; toutes, quels que "
        "soient la commune et le secteur choisis (elles sont ouvertes à tou·te·s).",
        "Bijeenkomsten van de gemeenschap in de periode, tot vandaag; alle, ongeacht de "
        "gekozen gemeente en sector (ze staan open voor iedereen).",
        "Community events of the period, up to today; all of them, whatever the commune and "
        "sector chosen (they are open to everyone)."),
    "community.attendances": _m("Présences", "Aanwezigheden", "Attendances"),
    "community.attendances_help": _m(
        "Présences aux rencontres de la période (une par personne et par rencontre, sans "
        "rendez-vous compris).",
        "Aanwezigheden op de bijeenkomsten van de periode (één per persoon en bijeenkomst, ook "
        "zonder inschrijving).",
        "Attendances at the period's community events (one per person and event, walk-ins "
        "included)."),
    "community.walk_ins": _m("Sans inscription", "Zonder inschrijving", "Walk-ins"),
    "community.walk_ins_help": _m(
        "Présences de personnes venues sans s'être inscrites.",
        "Aanwezigheden van mensen die kwamen zonder zich in te schrijven.",
        "Attendances of people who came without registering."),
    "community.registrations": _m("Inscriptions", "Inschrijvingen", "Registrations"),
    "community.registrations_help": _m(
        "Inscriptions faites à l'avance et non annulées (présent·e·s, absent·e·s et encore "
        "attendu·e·s) ; les annulations et les personnes sans inscription n'y sont pas.",
        "Vooraf gemaakte, niet geannuleerde inschrijvingen (aanwezig, afwezig en nog "
        "verwacht); annuleringen en mensen zonder inschrijving tellen niet mee.",
        "Registrations made beforehand and not cancelled (present, no-show and still "
        "expected); cancellations and walk-ins are left out."),
    "community.no_shows": _m("Absent·e·s", "Niet opgedaagd", "No-shows"),
    "community.no_shows_help": _m(
        "Inscriptions marquées absentes aux rencontres de la période.",
        "Inschrijvingen gemarkeerd als niet opgedaagd op de bijeenkomsten van de periode.",
        "Registrations marked as no-shows at the period's community events."),
    "community.cancelled": _m("Annulations", "Annuleringen", "Cancellations"),
    "community.cancelled_help": _m(
        "Inscriptions annulées aux rencontres de la période (hors du taux d'absence).",
        "Geannuleerde inschrijvingen voor de bijeenkomsten van de periode (niet in het "
        "afwezigheidspercentage).",
        "Cancelled registrations for the period's community events (not in the no-show "
        "rate)."),
    "community.repeat_rate": _m("Taux de retour", "Terugkeerpercentage", "Repeat rate"),
    "community.repeat_rate_help": _m(
        "Part des membres présent·e·s dans la période qui sont venu·e·s à 2 rencontres ou "
        "plus de la période.",
        "Aandeel van de aanwezige leden van de periode dat op 2 of meer bijeenkomsten van de "
        "periode kwam.",
        "Share of the members attending in the period who came to 2 or more of its community "
        "events."),
    "community.no_show_rate": _m("Taux d'absence", "Afwezigheidspercentage", "No-show rate"),
    "community.no_show_rate_help": _m(
        "Absent·e·s / inscriptions non annulées, aux rencontres de la période (les personnes "
        "sans inscription n'y comptent pas).",
        "Niet opgedaagd / niet geannuleerde inschrijvingen, op de bijeenkomsten van de "
        "periode (mensen zonder inschrijving tellen niet mee).",
        "No-shows / registrations not cancelled, at the period's community events (walk-ins "
        "do not count)."),
    "community.growth_title": _m("Membres à ce jour, par mois", "Leden tot nu toe, per maand",
                                 "Members to date, by month"),
    "community.growth_caption": _m(
        "Membres cumulés à la fin de chaque mois (heure de Bruxelles) ; barres : nouveaux "
        "membres du mois.",
        "Cumulatief aantal leden op het einde van elke maand (Brusselse tijd); staven: nieuwe "
        "leden van de maand.",
        "Cumulative members at the end of each month (Brussels time); bars: the month's new "
        "members."),
    "community.no_members": _m(
        "Aucun membre jusqu'à la fin de cette période : le graphique est vide.",
        "Geen leden tot het einde van deze periode: de grafiek is leeg.",
        "No member up to the end of this period: the chart is empty."),
    "community.per_event_title": _m("Nouveaux et revenus, par rencontre",
                                    "Nieuw en terugkerend, per bijeenkomst",
                                    "New and returning, per event"),
    "community.per_month_title": _m("Nouveaux et revenus, par mois",
                                    "Nieuw en terugkerend, per maand",
                                    "New and returning, per month"),
    "community.per_event_caption": _m(
        "Présent·e·s à chaque rencontre : nouveaux (leur première rencontre) et revenus.",
        "Aanwezigen op elke bijeenkomst: nieuw (hun eerste bijeenkomst) en terugkerend.",
        "Attendees of each event: new (their first community event) and returning."),
    "community.new": _m("Nouveaux", "Nieuw", "New"),
    "community.returning": _m("Revenus", "Terugkerend", "Returning"),
    "community.event": _m("Rencontre", "Bijeenkomst", "Event"),
    "community.event_day": _m("Date", "Datum", "Date"),
    "community.attended": _m("Présent·e·s", "Aanwezig", "Attended"),
    "community.new_returning_summary": _m(
        "{count} barres ; la plus haute, {top} : {new} nouveaux et {returning} revenus.",
        "{count} staven; de hoogste, {top}: {new} nieuw en {returning} terugkerend.",
        "{count} bars; the highest, {top}: {new} new and {returning} returning."),
    "community.no_events": _m(
        "Aucune rencontre de la communauté tenue dans cette période : le graphique est vide.",
        "Geen bijeenkomst van de gemeenschap gehouden in deze periode: de grafiek is leeg.",
        "No community event held in this period: the chart is empty."),
    "community.by_commune": _m("Membres par commune", "Leden per gemeente",
                               "Members by commune"),
    "community.by_sector": _m("Membres par secteur", "Leden per sector", "Members by sector"),
    "community.breakdown_caption": _m(
        "Membres à ce jour à la fin de la période, selon la commune et le secteur de leur "
        "atelier ; sans commune ou secteur connu : hors graphique.",
        "Leden tot nu toe op het einde van de periode, volgens de gemeente en sector van hun "
        "atelier; zonder gekende gemeente of sector: niet in de grafiek.",
        "Members to date at the end of the period, by the commune and sector of their "
        "workshop; those without a known commune or sector are not charted."),
}
