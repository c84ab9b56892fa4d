"""Strings of the label journey, in FR, NL and EN with the law's own terms: "artisan certifié",
"erkenning als ambachtsman/ambachtsvrouw" (merged into components.messages.MESSAGES)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


LABEL_MESSAGES: dict[str, dict[str, str]] = {
    # the states of db.vocab.LABEL_STATES
    "label_state.not_informed": _m("Pas encore informé·e", "Nog niet geïnformeerd",
                                   "Not yet informed"),
    "label_state.informed": _m("Informé·e", "Geïnformeerd", "Informed"),
    "label_state.interested": _m("Intéressé·e", "Geïnteresseerd", "Interested"),
    "label_state.file_in_preparation": _m("Dossier en préparation", "Dossier in voorbereiding",
                                          "File in preparation"),
    "label_state.submitted": _m("Demande introduite", "Aanvraag ingediend",
                                "Application submitted"),
    "label_state.certified": _m("Certifié·e (artisan certifié)", "Erkend (ambachtsman/-vrouw)",
                                "Certified (certified artisan)"),
    "label_state.refused": _m("Refusé·e", "Geweigerd", "Refused"),
    "label_state.expired": _m("Label expiré", "Verlopen", "Expired"),
    # validation of a new step (db/queries/label.py record_label_step)
    "label.state_unknown": _m("Étape inconnue du parcours du label.",
                              "Onbekende stap in het erkenningstraject.",
                              "Unknown step of the label journey."),
    "label.transition_invalid": _m(
        "Cette étape ne peut pas suivre la dernière étape enregistrée. Le parcours : informé·e, "
        "intéressé·e, dossier en préparation, demande introduite, puis certifié·e ou refusé·e. "
        "Après un refus ou une expiration vient une nouvelle demande ; un label certifié est "
        "renouvelé par une nouvelle demande ou expire (d'office après 6 ans).",
        "Deze stap kan niet volgen op de laatst geregistreerde stap. Het traject: "
        "geïnformeerd, geïnteresseerd, dossier in voorbereiding, aanvraag ingediend, dan "
        "erkend of geweigerd. Na een weigering of verval volgt een nieuwe aanvraag; een "
        "erkenning wordt hernieuwd met een nieuwe aanvraag of verloopt (vanzelf na 6 jaar).",
        "This step cannot follow the latest recorded step. The journey: informed, interested, "
        "file in preparation, application submitted, then certified or refused. A refusal or "
        "an expiry is followed by a new application; a label is renewed by a new application "
        "or expires (by itself after 6 years)."),
    "label.date_in_future": _m("Cette date est dans le futur.", "Deze datum ligt in de toekomst.",
                               "This date is in the future."),
    "label.date_out_of_range": _m(
        "Date impossible : le label existe depuis la loi du 19 mars 2014 et la Commission des "
        "artisans reçoit les demandes depuis le 1er juin 2016.",
        "Onmogelijke datum: de erkenning bestaat sinds de wet van 19 maart 2014 en de "
        "Ambachtencommissie behandelt aanvragen sinds 1 juni 2016.",
        "Impossible date: the label exists since the law of 19 March 2014 and the Commission "
        "Artisans has taken applications since 1 June 2016."),
    "label.date_before_latest": _m(
        "Cette date précède la dernière étape enregistrée : les étapes s'inscrivent dans "
        "l'ordre où elles ont eu lieu.",
        "Deze datum ligt vóór de laatst geregistreerde stap: stappen worden geregistreerd in "
        "de volgorde waarin ze plaatsvonden.",
        "This date is before the latest recorded step: steps are recorded in the order they "
        "happened."),
    "label.date_invalid": _m("Date invalide : indiquez un jour (sans heure).",
                             "Ongeldige datum: geef een dag op (zonder uur).",
                             "Invalid date: give a day (without a time)."),
    "label.note_invalid": _m("La note doit être du texte.", "De notitie moet tekst zijn.",
                             "The note must be text."),
    "label.step_exists": _m("Cette étape est déjà enregistrée à cette date.",
                            "Deze stap is op deze datum al geregistreerd.",
                            "This step is already recorded on this date."),
}
