"""Strings of an event's attendance list import, in FR, NL and EN (merged into
components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


ATTENDANCE_MESSAGES: dict[str, dict[str, str]] = {
    "attendance_import.title": _m("Liste des présences", "Aanwezigheidslijst", "Attendance list"),
    "attendance_import.intro": _m(
        "Importez la liste des présent·e·s (export d'une billetterie ou feuille de présence) : "
        "chaque ligne est reconnue par l'e-mail, le numéro d'entreprise ou le nom. Importer "
        "deux fois la même liste n'ajoute rien.",
        "Importeer de lijst van aanwezigen (export van een ticketdienst of aanwezigheidsblad): "
        "elke rij wordt herkend aan het e-mailadres, het ondernemingsnummer of de naam. "
        "Dezelfde lijst twee keer importeren voegt niets toe.",
        "Import the list of attendees (a ticketing export or a sign-in sheet): each row is "
        "recognised by e-mail, enterprise number or name. Importing the same list twice adds "
        "nothing."),
    "attendance_import.source": _m("La liste", "De lijst", "The list"),
    "attendance_import.source.file": _m("Fichier", "Bestand", "File"),
    "attendance_import.source.paste": _m("Texte collé", "Geplakte tekst", "Pasted text"),
    "attendance_import.paste": _m("Collez la liste", "Plak de lijst", "Paste the list"),
    "attendance_import.paste_help": _m(
        "Première ligne : les noms des colonnes (p. ex. Prénom;Nom;E-mail), puis une personne "
        "par ligne. Colonnes séparées par ; , ou une tabulation (copie d'un tableur).",
        "Eerste regel: de kolomnamen (bv. Voornaam;Achternaam;E-mail), dan één persoon per "
        "regel. Kolommen gescheiden door ; , of een tab (kopie uit een rekenblad).",
        "First line: the column names (e.g. First name;Last name;E-mail), then one person per "
        "line. Columns separated by ; , or a tab (copied from a spreadsheet)."),
    "attendance_import.mapping_help": _m(
        "Pour chaque champ, la colonne de la liste qui le contient ; une seule colonne qui "
        "identifie la personne suffit.",
        "Voor elk veld, de kolom van de lijst die het bevat; één kolom die de persoon "
        "identificeert volstaat.",
        "For each field, the column of the list that holds it; one column that identifies "
        "the person is enough."),
    "attendance_import.mapping_required": _m(
        "Choisissez au moins une colonne qui identifie la personne : e-mail, numéro "
        "d'entreprise, nom complet, ou prénom et nom.",
        "Kies minstens één kolom die de persoon identificeert: e-mail, ondernemingsnummer, "
        "volledige naam, of voornaam en achternaam.",
        "Choose at least one column that identifies the person: e-mail, enterprise number, "
        "full name, or first and last name."),
    "attendance_import.mapping_unknown": _m(
        "Cette colonne n'est pas dans la liste.", "Deze kolom staat niet in de lijst.",
        "This column is not in the list."),
    "attendance_import.field.first_name": _m("Prénom", "Voornaam", "First name"),
    "attendance_import.field.last_name": _m("Nom", "Achternaam", "Last name"),
    "attendance_import.field.name": _m("Nom complet", "Volledige naam", "Full name"),
    "attendance_import.field.business_name": _m("Entreprise", "Onderneming", "Business name"),
    "attendance_import.field.email": _m("E-mail", "E-mail", "E-mail"),
    "attendance_import.field.phone": _m("Téléphone", "Telefoon", "Phone"),
    "attendance_import.field.enterprise_number": _m("Numéro d'entreprise",
                                                    "Ondernemingsnummer", "Enterprise number"),
    "attendance_import.status.matched": _m("Reconnu·e·s", "Herkend", "Matched"),
    "attendance_import.status.already": _m("Déjà présent·e·s", "Al aanwezig", "Already in"),
    "attendance_import.status.new": _m("Nouvelles fiches", "Nieuwe fiches", "New artisans"),
    "attendance_import.status.ambiguous": _m("À trancher", "Te beslissen", "To resolve"),
    "attendance_import.status.rejected": _m("Refusées", "Geweigerd", "Rejected"),
    "attendance_import.show": _m("Lignes affichées", "Getoonde rijen", "Rows shown"),
    "attendance_import.how.email": _m("même e-mail", "zelfde e-mailadres", "same e-mail"),
    "attendance_import.how.enterprise_number": _m(
        "même numéro d'entreprise", "zelfde ondernemingsnummer", "same enterprise number"),
    "attendance_import.how.name": _m("même nom", "zelfde naam", "same name"),
    "attendance_import.col.row": _m("Ligne", "Rij", "Row"),
    "attendance_import.col.artisan_id": _m("N° au registre", "Nr. in het register",
                                           "Registry no."),
    "attendance_import.col.how": _m("Trouvé par", "Gevonden via", "Matched by"),
    "attendance_import.col.candidates": _m("Personnes possibles", "Mogelijke personen",
                                           "Possible people"),
    "attendance_import.col.field": _m("Champ", "Veld", "Field"),
    "attendance_import.col.reason": _m("Motif", "Reden", "Reason"),
    "attendance_import.no_name": _m(
        "Ni nom ni personne connue : la ligne ne dit pas qui était là.",
        "Geen naam en geen gekende persoon: de rij zegt niet wie er was.",
        "No name and no known person: the row does not say who came."),
    "attendance_import.duplicate_in_file": _m(
        "Même personne qu'une ligne plus haut dans la liste.",
        "Dezelfde persoon als een rij hoger in de lijst.",
        "Same person as a row higher up in the list."),
    "attendance_import.resolve_title": _m(
        "Qui était là ? Plusieurs fiches portent ce nom.",
        "Wie was er? Meerdere fiches dragen deze naam.",
        "Who came? Several artisans have this name."),
    "attendance_import.resolve": _m("Ligne {row}", "Rij {row}", "Row {row}"),
    "attendance_import.choose": _m("Choisissez la personne…", "Kies de persoon…",
                                   "Choose the person…"),
    "attendance_import.skip": _m("— ne pas enregistrer cette ligne —",
                                 "— deze rij niet registreren —", "— skip this row —"),
    "attendance_import.resolution_invalid": _m(
        "Ce choix ne correspond pas aux fiches possibles : rechargez l'aperçu.",
        "Deze keuze hoort niet bij de mogelijke fiches: laad het voorbeeld opnieuw.",
        "This choice is not one of the possible people: reload the preview."),
    "attendance_import.unresolved": _m(
        "Choisissez une personne (ou « ne pas enregistrer ») pour chaque ligne à trancher.",
        "Kies een persoon (of \"niet registreren\") voor elke te beslissen rij.",
        "Choose a person (or \"skip\") for every row to resolve."),
    "attendance_import.event_not_started": _m(
        "Cet événement n'a pas encore eu lieu : sa liste des présences viendra après.",
        "Dit evenement heeft nog niet plaatsgevonden: de aanwezigheidslijst komt erna.",
        "This event has not taken place yet: its attendance list comes afterwards."),
    "attendance_import.not_started": _m(
        "La liste des présences s'importe une fois l'événement commencé.",
        "De aanwezigheidslijst wordt geïmporteerd zodra het evenement begonnen is.",
        "The attendance list can be imported once the event has started."),
    "attendance_import.commit": _m("Enregistrer les présences ({count} ligne(s))",
                                   "Aanwezigheden registreren ({count} rij(en))",
                                   "Record attendance ({count} row(s))"),
    "attendance_import.nothing": _m(
        "Rien de neuf à enregistrer : toutes les personnes reconnues sont déjà notées présentes.",
        "Niets nieuws te registreren: alle herkende personen staan al als aanwezig.",
        "Nothing new to record: everyone recognised is already marked as attended."),
    "attendance_import.committed": _m("Présences enregistrées.", "Aanwezigheden geregistreerd.",
                                      "Attendance recorded."),
    "attendance_import.result": _m(
        "{attended} présence(s) ajoutée(s) dont {created} nouvelle(s) fiche(s), {already} "
        "déjà notée(s), {skipped} ligne(s) laissée(s) de côté, {rejected} refusée(s).",
        "{attended} aanwezigheid/-heden toegevoegd, waarvan {created} nieuwe fiche(s), "
        "{already} al genoteerd, {skipped} rij(en) overgeslagen, {rejected} geweigerd.",
        "{attended} attendance(s) added, {created} of them new artisans, {already} already "
        "recorded, {skipped} row(s) skipped, {rejected} rejected."),
}
