"""Strings of the events' and the door's write functions (db/queries/events.py, event_series.py,
registrations.py, checkin.py) in FR, NL and EN, merged into components.messages.MESSAGES."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


EVENTS_MESSAGES: dict[str, dict[str, str]] = {
    # an event's fields
    "events.kind_unknown": _m("Type d'événement inconnu.", "Onbekend soort evenement.",
                              "Unknown kind of event."),
    "events.action_unknown": _m("Action du plan inconnue.", "Onbekende actie van het plan.",
                                "Unknown plan action."),
    "events.date_out_of_range": _m(
        "La date doit se situer entre le 1er janvier 2000 et le 31 décembre 2100.",
        "De datum moet tussen 1 januari 2000 en 31 december 2100 liggen.",
        "The date must lie between 1 January 2000 and 31 December 2100."),
    "events.commune_unknown": _m("Commune inconnue.", "Onbekende gemeente.",
                                 "Unknown commune."),
    "events.capacity_invalid": _m(
        "La capacité est un nombre entier de 1 à 100 000, ou vide s'il n'y a pas de limite.",
        "De capaciteit is een geheel getal van 1 tot 100.000, of leeg als er geen limiet is.",
        "The capacity is a whole number from 1 to 100,000, or empty when there is no limit."),
    "events.not_found": _m("Cet événement n'existe pas (ou plus).",
                           "Dit evenement bestaat niet (meer).",
                           "This event does not exist (any more)."),
    "events.stale_edit": _m(
        "Quelqu'un a modifié cet événement entre-temps. Rechargez-le pour voir ses "
        "modifications, puis refaites les vôtres.",
        "Iemand heeft dit evenement intussen gewijzigd. Laad het opnieuw om die wijzigingen "
        "te zien en breng de uwe daarna opnieuw aan.",
        "Someone changed this event in the meantime. Reload it to see their changes, then make "
        "yours again."),
    "events.capacity_below_registered": _m(
        "La capacité ne peut pas être inférieure au nombre de personnes déjà inscrites ou "
        "présentes.",
        "De capaciteit kan niet lager zijn dan het aantal mensen dat al ingeschreven of "
        "aanwezig is.",
        "The capacity cannot be lower than the number of people already registered or "
        "attending."),
    # a series
    "events.series_rule_unknown": _m("Choisissez une règle de répétition.",
                                     "Kies een herhalingsregel.",
                                     "Choose how the series repeats."),
    "events.series_weekday_invalid": _m("Choisissez un jour de la semaine.",
                                        "Kies een dag van de week.",
                                        "Choose a day of the week."),
    "events.series_nth_invalid": _m(
        "Choisissez la semaine du mois : 1re, 2e, 3e, 4e ou dernière.",
        "Kies de week van de maand: 1e, 2e, 3e, 4e of laatste.",
        "Choose the week of the month: 1st, 2nd, 3rd, 4th or last."),
    "events.series_end_before_start": _m(
        "La dernière date ne peut pas précéder la première.",
        "De laatste datum mag niet vóór de eerste liggen.",
        "The last date cannot come before the first."),
    "events.series_too_long": _m(
        "Une série compte au plus 60 événements : rapprochez la dernière date.",
        "Een reeks telt hoogstens 60 evenementen: kies een vroegere laatste datum.",
        "A series has at most 60 events: choose an earlier last date."),
    "events.series_empty": _m(
        "Aucune date ne tombe dans cette période selon cette règle.",
        "Volgens deze regel valt er geen enkele datum in deze periode.",
        "No date falls within this period under this rule."),
    "events.series_no_future": _m(
        "Cette série n'a plus d'événement à venir.",
        "Deze reeks heeft geen komende evenementen meer.",
        "This series has no upcoming event left."),
    # registrations
    "events.registration_past": _m(
        "Cet événement est passé : on ne peut plus s'y inscrire. Enregistrez plutôt la "
        "présence.",
        "Dit evenement is voorbij: inschrijven kan niet meer. Registreer eerder de aanwezigheid.",
        "This event is over: registering is no longer possible. Record the attendance "
        "instead."),
    "events.capacity_full": _m(
        "Il n'y a plus assez de places pour ces inscriptions (capacité atteinte).",
        "Er zijn niet genoeg plaatsen meer voor deze inschrijvingen (capaciteit bereikt).",
        "There are not enough seats left for these registrations (capacity reached)."),
    "events.not_registered": _m(
        "Cette personne n'a pas d'inscription en cours à cet événement.",
        "Deze persoon heeft geen lopende inschrijving voor dit evenement.",
        "This person has no open registration for this event."),
    "events.too_many_at_once": _m(
        "Trop de personnes à la fois : inscrivez-en au plus 2 000 par opération.",
        "Te veel mensen tegelijk: schrijf er hoogstens 2.000 per keer in.",
        "Too many people at once: register at most 2,000 at a time."),
    "events.not_started": _m(
        "Cet événement n'a pas encore commencé : les absents se marquent à partir de son jour.",
        "Dit evenement is nog niet begonnen: afwezigen markeren kan vanaf de dag zelf.",
        "This event has not started yet: no-shows can be marked from its day on."),
    # the door
    "checkin.event_not_started": _m(
        "Cet événement a lieu un autre jour : l'accueil s'ouvre le jour même.",
        "Dit evenement vindt op een andere dag plaats: inchecken kan pas op de dag zelf.",
        "This event takes place on another day: check-in opens on the day itself."),
    "events.held_cannot_move": _m(
        "Cet événement a eu lieu (présences ou absences enregistrées) : il ne peut pas être "
        "déplacé dans le futur.",
        "Dit evenement heeft plaatsgevonden (aan- of afwezigheden geregistreerd): het kan niet "
        "naar de toekomst verplaatst worden.",
        "This event has taken place (attendance or no-shows recorded): it cannot be moved "
        "into the future."),
    "checkin.event_over": _m(
        "Cet événement est passé : l'accueil à la porte ne vaut que le jour même. Ajoutez les "
        "présences par la liste, dans « Après l'événement ».",
        "Dit evenement is voorbij: het onthaal aan de deur geldt alleen op de dag zelf. Voeg "
        "de aanwezigen toe via de lijst, onder 'Na het evenement'.",
        "This event is over: the door check-in is for the day itself. Add attendance through "
        "the list, under 'After the event'."),
}
