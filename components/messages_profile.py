"""Strings of the artisan profile (details, timeline, label step, consent, erasure), in FR, NL
and EN (merged into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


PROFILE_MESSAGES: dict[str, dict[str, str]] = {
    "profile.back": _m("Retour au registre", "Terug naar het register", "Back to the registry"),
    "profile.label": _m("Label", "Erkenning", "Label"),
    "profile.since": _m("depuis le {day}", "sinds {day}", "since {day}"),
    "profile.expires": _m("Label expire le", "Erkenning vervalt op", "Label expires on"),
    "profile.consent": _m("Consentement", "Toestemming", "Consent"),
    "profile.consent_contact": _m("être contacté·e", "gecontacteerd worden", "to be contacted"),
    "profile.consent_newsletter": _m("recevoir la newsletter", "de nieuwsbrief ontvangen",
                                     "to receive the newsletter"),
    "profile.consent_none": _m("aucun", "geen", "none"),
    "profile.consent_on": _m("Réponses données le", "Antwoorden gegeven op",
                             "Answers given on"),
    "profile.consent_save": _m("Enregistrer le consentement", "Toestemming opslaan",
                               "Save consent"),
    "profile.consent_saved": _m("Consentement enregistré.", "Toestemming opgeslagen.",
                                "Consent saved."),
    "profile.tab_timeline": _m("Parcours", "Traject", "Timeline"),
    "profile.tab_label": _m("Label", "Erkenning", "Label"),
    "profile.tab_edit": _m("Modifier", "Wijzigen", "Edit"),
    "profile.tab_consent": _m("Consentement", "Toestemming", "Consent"),
    "profile.tab_erase": _m("Effacer", "Wissen", "Erase"),
    "profile.timeline_empty": _m("Aucun contact avec le plan pour l'instant.",
                                 "Nog geen contact met het plan.",
                                 "No touchpoint with the plan yet."),
    "profile.col_when": _m("Date", "Datum", "Date"),
    "profile.col_action": _m("Action du plan", "Actie van het plan", "Plan action"),
    "profile.col_what": _m("Quoi", "Wat", "What"),
    "profile.col_title": _m("Intitulé", "Omschrijving", "Title"),
    "profile.col_detail": _m("Détail", "Detail", "Detail"),
    "profile.due": _m("{status}, échéance le {day}", "{status}, uiterlijk {day}",
                      "{status}, due {day}"),
    "profile.minutes": _m("{n} min", "{n} min", "{n} min"),
    "timeline.joined": _m("Arrivée dans le registre", "Opgenomen in het register",
                          "Joined the registry"),
    "timeline.event": _m("Événement", "Evenement", "Event"),
    "timeline.coaching_session": _m("Séance de coaching", "Coachingsessie", "Coaching session"),
    "timeline.follow_up": _m("Suivi", "Opvolging", "Follow-up"),
    "timeline.label_step": _m("Étape du label", "Stap naar erkenning", "Label step"),
    "action.community": _m("Communauté", "Gemeenschap", "Community"),
    "action.campaign": _m("Campagne", "Campagne", "Campaign"),
    "action.coaching": _m("Coaching", "Coaching", "Coaching"),
    "action.label": _m("Label", "Erkenning", "Label"),
    "attendance.registered": _m("inscrit·e", "ingeschreven", "registered"),
    "attendance.attended": _m("présent·e", "aanwezig", "attended"),
    "attendance.no_show": _m("absent·e", "niet opgedaagd", "no-show"),
    "attendance.cancelled": _m("annulé", "geannuleerd", "cancelled"),
    "follow_up.open": _m("à faire", "open", "open"),
    "follow_up.done": _m("fait", "gedaan", "done"),
    "follow_up.cancelled": _m("annulé", "geannuleerd", "cancelled"),
    "format.on_site": _m("à l'atelier", "in het atelier", "at the workshop"),
    "format.office": _m("au bureau", "op kantoor", "at the office"),
    "format.online": _m("en ligne", "online", "online"),
    "format.phone": _m("par téléphone", "telefonisch", "by phone"),
    "profile.label_none": _m("Aucune étape du label enregistrée.",
                             "Nog geen stap naar erkenning geregistreerd.",
                             "No label step recorded yet."),
    "profile.step_col_day": _m("Date", "Datum", "Date"),
    "profile.step_col_state": _m("Étape", "Stap", "Step"),
    "profile.step_col_note": _m("Note", "Notitie", "Note"),
    "profile.step_state": _m("Nouvelle étape", "Nieuwe stap", "New step"),
    "profile.step_day": _m("Date de l'étape", "Datum van de stap", "Date of the step"),
    "profile.step_note": _m("Note (facultative)", "Notitie (facultatief)", "Note (optional)"),
    "profile.step_record": _m("Enregistrer l'étape", "Stap opslaan", "Record the step"),
    "profile.step_recorded": _m("Étape enregistrée.", "Stap opgeslagen.", "Step recorded."),
    "profile.erase_explain": _m(
        "Effacer sur demande (RGPD) : le nom, l'e-mail, le téléphone, le numéro d'entreprise et "
        "toutes les notes de cette personne sont supprimés partout, aussi dans le journal "
        "d'audit. Les faits anonymes (commune, secteur, présences, séances, étapes du label) "
        "restent, donc les chiffres ne changent pas. C'est définitif.",
        "Wissen op verzoek (AVG): naam, e-mail, telefoon, ondernemingsnummer en alle notities "
        "van deze persoon worden overal verwijderd, ook in het auditlogboek. De anonieme feiten "
        "(gemeente, sector, aanwezigheden, sessies, stappen naar erkenning) blijven, dus de "
        "cijfers veranderen niet. Dit is definitief.",
        "Erase on request (GDPR): this person's name, e-mail, phone, enterprise number and "
        "every note are removed everywhere, also in the audit log. The anonymous facts "
        "(commune, sector, attendances, sessions, label steps) stay, so the figures do not "
        "change. This cannot be undone."),
    "profile.erase_confirm": _m("Je confirme : effacer les données personnelles",
                                "Ik bevestig: de persoonsgegevens wissen",
                                "I confirm: erase the personal data"),
    "profile.erase": _m("Effacer définitivement", "Definitief wissen", "Erase for good"),
    "profile.erase_unconfirmed": _m("Cochez d'abord la confirmation.",
                                    "Vink eerst de bevestiging aan.",
                                    "Tick the confirmation first."),
}
