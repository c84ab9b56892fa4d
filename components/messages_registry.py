"""Strings of the artisan registry, profile and forms, in FR, NL and EN (merged into
components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


REGISTRY_MESSAGES: dict[str, dict[str, str]] = {
    # validation of an artisan's fields (db/queries/artisans.py, db/identity.py)
    "artisans.enterprise_format": _m(
        "Un numéro d'entreprise compte 10 chiffres, p. ex. 0123.456.789 ou BE0123456789.",
        "Een ondernemingsnummer telt 10 cijfers, bv. 0123.456.789 of BE0123456789.",
        "An enterprise number has 10 digits, e.g. 0123.456.789 or BE0123456789."),
    "artisans.enterprise_check_digit": _m(
        "Ce numéro d'entreprise n'existe pas : ses deux derniers chiffres (contrôle modulo 97) "
        "ne correspondent pas. Vérifiez la saisie.",
        "Dit ondernemingsnummer bestaat niet: de laatste twee cijfers (controle modulo 97) "
        "kloppen niet. Controleer de invoer.",
        "This enterprise number does not exist: its last two digits (modulo 97 check) do not "
        "match. Please check what was typed."),
    "artisans.phone_invalid": _m(
        "Numéro de téléphone non valable : 8 à 15 chiffres, p. ex. +32 470 12 34 56.",
        "Ongeldig telefoonnummer: 8 tot 15 cijfers, bv. +32 470 12 34 56.",
        "Invalid phone number: 8 to 15 digits, e.g. +32 470 12 34 56."),
    "artisans.commune_unknown": _m("Commune inconnue.", "Onbekende gemeente.",
                                   "Unknown commune."),
    "artisans.postcode_outside": _m(
        "Ce code postal n'est pas dans la Région de Bruxelles-Capitale (1000 à 1210).",
        "Deze postcode ligt niet in het Brussels Hoofdstedelijk Gewest (1000 tot 1210).",
        "This postcode is not in the Brussels-Capital Region (1000 to 1210)."),
    "artisans.postcode_commune_mismatch": _m(
        "Ce code postal appartient à une autre commune.",
        "Deze postcode hoort bij een andere gemeente.",
        "This postcode belongs to another commune."),
    "artisans.sector_unknown": _m("Secteur inconnu.", "Onbekende sector.", "Unknown sector."),
    "artisans.language_unknown": _m("Langue inconnue.", "Onbekende taal.", "Unknown language."),
    "artisans.source_unknown": _m("Origine inconnue.", "Onbekende herkomst.", "Unknown source."),
    "artisans.not_found": _m(
        "Cet·te artisan·e n'existe pas ou ses données ont été effacées.",
        "Deze ambachtsman/-vrouw bestaat niet of de gegevens zijn gewist.",
        "This artisan does not exist or their data was erased."),
    "artisans.stale_edit": _m(
        "Quelqu'un d'autre a modifié cette fiche entre-temps. Rien n'a été enregistré : "
        "rechargez la fiche pour voir ses changements, puis refaites les vôtres.",
        "Iemand anders heeft deze fiche intussen gewijzigd. Er is niets opgeslagen: laad de "
        "fiche opnieuw om die wijzigingen te zien en breng dan de uwe opnieuw aan.",
        "Someone else changed this record meanwhile. Nothing was saved: reload the record to "
        "see their changes, then make yours again."),
    "artisans.enterprise_number_taken": _m(
        "Un·e autre artisan·e a déjà ce numéro d'entreprise.",
        "Een andere ambachtsman/-vrouw heeft dit ondernemingsnummer al.",
        "Another artisan already has this enterprise number."),
    "artisans.email_taken": _m(
        "Un·e autre artisan·e a déjà cette adresse e-mail.",
        "Een andere ambachtsman/-vrouw heeft dit e-mailadres al.",
        "Another artisan already has this e-mail address."),
    "artisans.date_out_of_range": _m(
        "Date impossible : entre 2000 et aujourd'hui.",
        "Onmogelijke datum: tussen 2000 en vandaag.",
        "Impossible date: between 2000 and today."),
    "artisans.duplicates_found": _m(
        "Cet·te artisan·e semble déjà exister. Ouvrez la fiche existante, ou confirmez qu'il "
        "s'agit d'une autre personne.",
        "Deze ambachtsman/-vrouw lijkt al te bestaan. Open de bestaande fiche, of bevestig dat "
        "het om iemand anders gaat.",
        "This artisan seems to exist already. Open the existing record, or confirm that this "
        "is someone else."),
}
