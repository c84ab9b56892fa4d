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
    # navigation
    "nav.section.registry": _m("Registre", "Register", "Registry"),
    "nav.registry": _m("Artisan·e·s", "Ambachtslui", "Artisans"),
    "nav.artisan_new": _m("Nouvel·le artisan·e", "Nieuwe ambachtsman/-vrouw", "New artisan"),
    "nav.artisan": _m("Fiche artisan·e", "Fiche ambachtsman/-vrouw", "Artisan profile"),
    # the record's fields
    "artisans.first_name": _m("Prénom", "Voornaam", "First name"),
    "artisans.last_name": _m("Nom", "Achternaam", "Last name"),
    "artisans.business_name": _m("Nom commercial", "Handelsnaam", "Business name"),
    "artisans.email": _m("E-mail", "E-mail", "E-mail"),
    "artisans.phone": _m("Téléphone", "Telefoon", "Phone"),
    "artisans.enterprise_number": _m("Numéro d'entreprise (BCE)", "Ondernemingsnummer (KBO)",
                                     "Enterprise number (CBE)"),
    "artisans.enterprise_help": _m(
        "Tapé comme vous voulez : 0123.456.789, BE0123456789 ou 10 chiffres.",
        "Typ het zoals u wilt: 0123.456.789, BE0123456789 of 10 cijfers.",
        "Type it any way: 0123.456.789, BE0123456789 or 10 digits."),
    "artisans.postcode": _m("Code postal", "Postcode", "Postcode"),
    "artisans.commune": _m("Commune", "Gemeente", "Commune"),
    "artisans.commune_auto": _m("D'après le code postal", "Volgens de postcode",
                                "From the postcode"),
    "artisans.commune_help": _m(
        "Un code postal bruxellois remplit la commune ; choisissez-la seulement sans code "
        "postal.",
        "Een Brusselse postcode vult de gemeente in; kies ze alleen zonder postcode.",
        "A Brussels postcode fills in the commune; choose it only when there is no postcode."),
    "artisans.sector": _m("Secteur", "Sector", "Sector"),
    "artisans.no_sector": _m("Pas encore connu", "Nog niet bekend", "Not known yet"),
    "artisans.language": _m("Langue de contact", "Contacttaal", "Contact language"),
    "artisans.source": _m("Venu·e par", "Gekomen via", "Came through"),
    "artisans.notes": _m("Notes", "Notities", "Notes"),
    "artisans.notes_help": _m(
        "Données personnelles : jamais montrées aux partenaires, effacées sur demande.",
        "Persoonsgegevens: nooit getoond aan partners, gewist op verzoek.",
        "Personal data: never shown to partners, erased on request."),
    "source.event": _m("Un événement", "Een evenement", "An event"),
    "source.campaign": _m("La campagne", "De campagne", "The campaign"),
    "source.referral": _m("Une recommandation", "Een doorverwijzing", "A referral"),
    "source.registry_import": _m("Import du registre", "Import van het register",
                                 "Registry import"),
    "source.other": _m("Autre", "Andere", "Other"),
    # new artisan
    "artisans.new_title": _m("Nouvel·le artisan·e", "Nieuwe ambachtsman/-vrouw", "New artisan"),
    "artisans.new_caption": _m(
        "Avant d'enregistrer, nous cherchons si la personne existe déjà (même numéro "
        "d'entreprise, même e-mail, ou même nom dans la même commune).",
        "Voor het opslaan kijken we of de persoon al bestaat (zelfde ondernemingsnummer, "
        "zelfde e-mail, of zelfde naam in dezelfde gemeente).",
        "Before saving, we look whether the person exists already (same enterprise number, "
        "same e-mail, or same name in the same commune)."),
    "artisans.create": _m("Enregistrer", "Opslaan", "Save"),
    "artisans.created": _m("Artisan·e enregistré·e.", "Ambachtsman/-vrouw opgeslagen.",
                           "Artisan saved."),
    "artisans.allow_duplicate": _m(
        "C'est une autre personne (même nom, même commune) : enregistrer quand même",
        "Het is iemand anders (zelfde naam, zelfde gemeente): toch opslaan",
        "This is someone else (same name, same commune): save anyway"),
    "artisans.duplicates_title": _m("Fiches existantes", "Bestaande fiches", "Existing records"),
    "duplicate.enterprise_number": _m("même numéro d'entreprise", "zelfde ondernemingsnummer",
                                      "same enterprise number"),
    "duplicate.email": _m("même e-mail", "zelfde e-mail", "same e-mail"),
    "duplicate.name_commune": _m("même nom, même commune", "zelfde naam, zelfde gemeente",
                                 "same name, same commune"),
    "artisans.save": _m("Enregistrer les modifications", "Wijzigingen opslaan", "Save changes"),
    "artisans.saved": _m("Modifications enregistrées.", "Wijzigingen opgeslagen.",
                         "Changes saved."),
    "artisans.reload": _m("Recharger la fiche", "Fiche opnieuw laden", "Reload the record"),
    "artisans.erased": _m(
        "Données personnelles effacées. Les chiffres anonymes restent.",
        "Persoonsgegevens gewist. De anonieme cijfers blijven.",
        "Personal data erased. The anonymous figures remain."),
    # registry
    "registry.title": _m("Registre des artisan·e·s", "Register van ambachtslui",
                         "Artisan registry"),
    "registry.search": _m("Rechercher", "Zoeken", "Search"),
    "registry.search_hint": _m("Nom, commerce, e-mail ou numéro d'entreprise",
                               "Naam, zaak, e-mail of ondernemingsnummer",
                               "Name, business, e-mail or enterprise number"),
    "registry.any": _m("Toutes", "Alle", "Any"),
    "registry.label_state": _m("Label", "Erkenning", "Label"),
    "registry.sort": _m("Trier par", "Sorteren op", "Sort by"),
    "registry.sort_name": _m("Nom", "Naam", "Name"),
    "registry.sort_business": _m("Nom commercial", "Handelsnaam", "Business name"),
    "registry.sort_commune": _m("Commune", "Gemeente", "Commune"),
    "registry.sort_created": _m("Date d'inscription", "Datum van inschrijving",
                                "Date registered"),
    "registry.sort_label": _m("État du label", "Stand van de erkenning", "Label state"),
    "registry.descending": _m("Ordre décroissant", "Aflopend", "Descending"),
    "registry.count": _m("Résultats : {count}", "Resultaten: {count}", "Results: {count}"),
    "registry.none": _m("Aucun·e artisan·e ne correspond à cette recherche.",
                        "Geen ambachtslui voor deze zoekopdracht.",
                        "No artisan matches this search."),
    "registry.page": _m("Page (sur {pages})", "Pagina (van {pages})", "Page (of {pages})"),
    "registry.open": _m("Ouvrir la fiche de", "Fiche openen van", "Open the profile of"),
    "registry.open_link": _m("Ouvrir la fiche", "Fiche openen", "Open profile"),
    "registry.export": _m("Exporter cette liste", "Deze lijst exporteren", "Export this list"),
    "registry.export_caption": _m(
        "Toutes les fiches trouvées (pas seulement cette page), au {day}. Données personnelles : "
        "à garder dans les outils de hub.brussels.",
        "Alle gevonden fiches (niet alleen deze pagina), op {day}. Persoonsgegevens: houd ze "
        "in de tools van hub.brussels.",
        "Every record found (not only this page), as of {day}. Personal data: keep it within "
        "hub.brussels' tools."),
    "registry.export_csv": _m("CSV", "CSV", "CSV"),
    "registry.export_xlsx": _m("Excel", "Excel", "Excel"),
    "registry.col_name": _m("Nom", "Naam", "Name"),
    "registry.col_business": _m("Commerce", "Zaak", "Business"),
    "registry.col_commune": _m("Commune", "Gemeente", "Commune"),
    "registry.col_sector": _m("Secteur", "Sector", "Sector"),
    "registry.col_label": _m("Label", "Erkenning", "Label"),
    "registry.col_expires": _m("Expire le", "Vervalt op", "Expires on"),
    "registry.col_email": _m("E-mail", "E-mail", "E-mail"),
    "registry.col_phone": _m("Téléphone", "Telefoon", "Phone"),
    "registry.col_enterprise_number": _m("N° d'entreprise", "Ondernemingsnr.",
                                         "Enterprise no."),
    # column headers of the registry export (db.queries.registry.EXPORT_COLUMNS)
    "export.id": _m("ID", "ID", "ID"),
    "export.last_name": _m("Nom", "Achternaam", "Last name"),
    "export.first_name": _m("Prénom", "Voornaam", "First name"),
    "export.business_name": _m("Nom commercial", "Handelsnaam", "Business name"),
    "export.email": _m("E-mail", "E-mail", "E-mail"),
    "export.phone": _m("Téléphone", "Telefoon", "Phone"),
    "export.enterprise_number": _m("Numéro d'entreprise", "Ondernemingsnummer",
                                   "Enterprise number"),
    "export.postcode": _m("Code postal", "Postcode", "Postcode"),
    "export.commune": _m("Commune", "Gemeente", "Commune"),
    "export.sector": _m("Secteur", "Sector", "Sector"),
    "export.language": _m("Langue", "Taal", "Language"),
    "export.source": _m("Venu·e par", "Gekomen via", "Came through"),
    "export.label_state": _m("Label", "Erkenning", "Label"),
    "export.label_state_on": _m("Label : depuis le", "Erkenning: sinds", "Label: since"),
    "export.label_expires_on": _m("Label : expire le", "Erkenning: vervalt op",
                                  "Label: expires on"),
    "export.consent_contact": _m("Accepte d'être contacté·e", "Wil gecontacteerd worden",
                                 "Agrees to be contacted"),
    "export.consent_newsletter": _m("Accepte la newsletter", "Wil de nieuwsbrief",
                                    "Agrees to the newsletter"),
    "export.consent_recorded_on": _m("Consentement donné le", "Toestemming gegeven op",
                                     "Consent given on"),
    "export.created_at": _m("Dans le registre depuis", "In het register sinds",
                            "In the registry since"),
}
