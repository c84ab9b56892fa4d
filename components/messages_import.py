"""Strings of the import page (a registry list, the FPS Economy's register of certified
artisans) in FR, NL and EN (merged into components.messages.MESSAGES)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


IMPORT_MESSAGES: dict[str, dict[str, str]] = {
    "nav.import": _m("Importer", "Importeren", "Import"),
    "imports.title": _m("Importer des listes", "Lijsten importeren", "Import lists"),
    "imports.tab_registry": _m("Liste d'artisan·e·s", "Lijst van ambachtslui", "Registry list"),
    "imports.tab_register": _m("Registre des artisans (SPF Économie)",
                               "Ambachtenregister (FOD Economie)",
                               "Label register (FPS Economy)"),
    "imports.intro_registry": _m(
        "Un fichier CSV ou Excel, une personne par ligne. Rien n'est enregistré avant de "
        "cliquer sur Importer ; les personnes déjà au registre ne sont pas ajoutées une "
        "seconde fois. Le consentement de contact n'est pas importé : à recueillir ensuite.",
        "Een CSV- of Excelbestand, één persoon per rij. Er wordt niets opgeslagen voor u op "
        "Importeren klikt; wie al in het register staat, wordt geen tweede keer toegevoegd. "
        "De toestemming voor contact wordt niet geïmporteerd: vraag ze nadien.",
        "A CSV or Excel file, one person per row. Nothing is saved before you click Import; "
        "people already in the registry are not added a second time. Consent to contact is "
        "not imported: ask for it afterwards."),
    "imports.intro_register": _m(
        "L'export CSV ou Excel du registre public des artisans certifiés. Les labels octroyés "
        "et retirés sont ajoutés au parcours label des artisan·e·s trouvé·e·s par leur numéro "
        "d'entreprise ; le registre officiel fait foi.",
        "De CSV- of Excel-export van het openbare register van erkende ambachtslui. Toegekende "
        "en ingetrokken erkenningen worden toegevoegd aan het labeltraject van de ambachtslui "
        "die via hun ondernemingsnummer gevonden worden; het officiële register is bindend.",
        "The CSV or Excel export of the public register of certified artisans. Labels granted "
        "and withdrawn are added to the label journey of the artisans found by their "
        "enterprise number; the official register is authoritative."),
    "imports.file": _m("Fichier (CSV ou Excel .xlsx)", "Bestand (CSV of Excel .xlsx)",
                       "File (CSV or Excel .xlsx)"),
    "imports.file_help": _m(
        "CSV en UTF-8 ou Windows-1252, séparé par ; ou , ; au plus 20 000 lignes et 10 Mo. "
        "La première ligne donne les noms des colonnes.",
        "CSV in UTF-8 of Windows-1252, gescheiden door ; of ,; hoogstens 20.000 rijen en "
        "10 MB. De eerste rij bevat de kolomnamen.",
        "CSV in UTF-8 or Windows-1252, separated by ; or ,; at most 20,000 rows and 10 MB. "
        "The first row holds the column names."),
    # what is wrong with a file (db/tabular.py)
    "imports.file_empty": _m("Le fichier est vide.", "Het bestand is leeg.",
                             "The file is empty."),
    "imports.file_encoding": _m(
        "Encodage non reconnu : enregistrez le fichier en CSV UTF-8 (ou en Excel .xlsx).",
        "Onbekende codering: sla het bestand op als CSV UTF-8 (of als Excel .xlsx).",
        "Unknown encoding: save the file as CSV UTF-8 (or as Excel .xlsx)."),
    "imports.file_unreadable": _m(
        "Fichier illisible : guillemets non fermés, plus de valeurs que de colonnes, ou "
        "classeur endommagé.",
        "Onleesbaar bestand: niet-gesloten aanhalingstekens, meer waarden dan kolommen, of "
        "een beschadigde werkmap.",
        "Unreadable file: unclosed quotes, more values than columns, or a damaged workbook."),
    "imports.too_many_rows": _m(
        "Trop de lignes : 20 000 au plus par import. Découpez le fichier.",
        "Te veel rijen: hoogstens 20.000 per import. Splits het bestand.",
        "Too many rows: at most 20,000 per import. Split the file."),
    "imports.too_large": _m("Fichier trop volumineux : 10 Mo au plus.",
                            "Bestand te groot: hoogstens 10 MB.",
                            "File too large: 10 MB at most."),
    "imports.no_header": _m(
        "La première ligne doit donner les noms des colonnes (Prénom, Nom, E-mail…).",
        "De eerste rij moet de kolomnamen bevatten (Voornaam, Achternaam, E-mail…).",
        "The first row must hold the column names (First name, Last name, E-mail…)."),
    # the mapping
    "imports.mapping": _m("Colonnes du fichier", "Kolommen van het bestand", "File columns"),
    "imports.mapping_help": _m(
        "Pour chaque champ du registre, la colonne du fichier qui le contient.",
        "Voor elk veld van het register, de kolom van het bestand die het bevat.",
        "For each field of the registry, the column of the file that holds it."),
    "imports.not_imported": _m("— non importé —", "— niet geïmporteerd —", "— not imported —"),
    "imports.mapping_required": _m(
        "Choisissez au moins les colonnes du prénom et du nom.",
        "Kies minstens de kolommen van de voornaam en de achternaam.",
        "Choose at least the first name and last name columns."),
    "imports.mapping_unknown": _m("Cette colonne n'est pas dans le fichier.",
                                  "Deze kolom staat niet in het bestand.",
                                  "This column is not in the file."),
    "imports.field.first_name": _m("Prénom", "Voornaam", "First name"),
    "imports.field.last_name": _m("Nom", "Achternaam", "Last name"),
    "imports.field.business_name": _m("Entreprise", "Onderneming", "Business name"),
    "imports.field.email": _m("E-mail", "E-mail", "E-mail"),
    "imports.field.phone": _m("Téléphone", "Telefoon", "Phone"),
    "imports.field.enterprise_number": _m("Numéro d'entreprise", "Ondernemingsnummer",
                                          "Enterprise number"),
    "imports.field.postcode": _m("Code postal", "Postcode", "Postcode"),
    "imports.field.commune_nis": _m("Commune", "Gemeente", "Municipality"),
    "imports.field.sector": _m("Secteur", "Sector", "Sector"),
    "imports.field.language": _m("Langue", "Taal", "Language"),
    "imports.field.source": _m("Source", "Bron", "Source"),
    "imports.field.notes": _m("Notes", "Notities", "Notes"),
    "imports.field.granted_on": _m("Date d'octroi", "Datum toekenning", "Date granted"),
    "imports.field.withdrawn_on": _m("Date de retrait", "Datum intrekking", "Date withdrawn"),
    # what a write refused, at a field the screen has no widget for (db.validation's last check)
    "imports.field.note": _m("Note de l'étape label", "Notitie bij de labelstap",
                             "Label step note"),
    "imports.field.mapping": _m("Colonnes du fichier", "Kolommen van het bestand",
                                "File columns"),
    "imports.preview": _m("Aperçu", "Voorbeeld", "Preview"),
    "imports.show": _m("Lignes affichées", "Getoonde rijen", "Rows shown"),
    "imports.no_rows": _m("Aucune ligne dans ce groupe.", "Geen rijen in deze groep.",
                          "No rows in this group."),
    "imports.status.new": _m("Nouveaux", "Nieuw", "New"),
    "imports.status.existing": _m("Déjà au registre", "Al in het register",
                                  "Already in the registry"),
    "imports.status.rejected": _m("Refusées", "Geweigerd", "Rejected"),
    "imports.status.certify": _m("Labels à enregistrer", "Te registreren erkenningen",
                                 "Labels to record"),
    "imports.status.withdraw": _m("Retraits à enregistrer", "Te registreren intrekkingen",
                                  "Withdrawals to record"),
    "imports.status.unchanged": _m("Déjà enregistrés", "Al geregistreerd", "Already recorded"),
    "imports.status.unmatched_brussels": _m(
        "Bruxellois·es absent·e·s du registre", "Brusselaars niet in het register",
        "In Brussels, not in the registry"),
    "imports.status.outside": _m("Hors Région bruxelloise", "Buiten het Brussels Gewest",
                                 "Outside the Brussels Region"),
    "imports.match.enterprise_number": _m("même numéro d'entreprise", "zelfde ondernemingsnummer",
                                          "same enterprise number"),
    "imports.match.email": _m("même e-mail", "zelfde e-mailadres", "same e-mail"),
    "imports.match.name_commune": _m("même nom dans la même commune",
                                     "zelfde naam in dezelfde gemeente",
                                     "same name in the same municipality"),
    "imports.duplicate_in_file": _m("Même personne qu'une ligne plus haut dans le fichier.",
                                    "Zelfde persoon als een rij hoger in het bestand.",
                                    "Same person as a row higher up in the file."),
    "imports.col.row": _m("Ligne", "Rij", "Row"),
    "imports.col.field": _m("Champ", "Veld", "Field"),
    "imports.col.reason": _m("Motif", "Reden", "Reason"),
    "imports.col.artisan_id": _m("N° au registre", "Nr. in het register", "Registry no."),
    "imports.col.match": _m("Trouvé par", "Gevonden via", "Matched by"),
    "imports.col.commune_nis": _m("Commune", "Gemeente", "Municipality"),
    "imports.col.certify_on": _m("Label le", "Erkend op", "Label on"),
    "imports.col.withdraw_on": _m("Retrait le", "Ingetrokken op", "Withdrawn on"),
    # the commit
    "imports.commit": _m("Importer les nouvelles fiches ({count})",
                         "De nieuwe fiches importeren ({count})",
                         "Import the new records ({count})"),
    "imports.nothing_new": _m(
        "Rien de nouveau à importer : chaque ligne est déjà au registre ou refusée.",
        "Niets nieuws om te importeren: elke rij staat al in het register of is geweigerd.",
        "Nothing new to import: every row is already in the registry or rejected."),
    "imports.progress": _m("{done} sur {total} ajouté·e·s", "{done} van {total} toegevoegd",
                           "{done} of {total} added"),
    "imports.committed": _m("Import enregistré.", "Import opgeslagen.", "Import saved."),
    "imports.result": _m(
        "{created} ajouté·e·s, {existing} déjà au registre, {rejected} ligne(s) refusée(s).",
        "{created} toegevoegd, {existing} al in het register, {rejected} rij(en) geweigerd.",
        "{created} added, {existing} already in the registry, {rejected} row(s) rejected."),
    "imports.download_rejected": _m("Télécharger les lignes refusées (CSV)",
                                    "Geweigerde rijen downloaden (CSV)",
                                    "Download the rejected rows (CSV)"),
    # the register of certified artisans (db/queries/label_register.py)
    "imports.register_columns": _m(
        "Colonnes introuvables : le registre doit avoir le numéro d'entreprise et la date "
        "d'octroi.",
        "Kolommen niet gevonden: het register moet het ondernemingsnummer en de datum van "
        "toekenning bevatten.",
        "Columns not found: the register must have the enterprise number and the date "
        "granted."),
    "imports.register_number_missing": _m("Numéro d'entreprise manquant.",
                                          "Ondernemingsnummer ontbreekt.",
                                          "Enterprise number missing."),
    "imports.register_date_invalid": _m(
        "Date non valable : AAAA-MM-JJ ou JJ/MM/AAAA.",
        "Ongeldige datum: JJJJ-MM-DD of DD/MM/JJJJ.",
        "Invalid date: YYYY-MM-DD or DD/MM/YYYY."),
    "imports.register_date_future": _m("Date dans le futur.", "Datum in de toekomst.",
                                       "Date in the future."),
    "imports.register_date_before_law": _m(
        "Date antérieure au 1er juin 2016 : le label « artisan certifié » n'est octroyé que "
        "depuis ce jour (loi du 19 mars 2014).",
        "Datum vóór 1 juni 2016: de erkenning als ambachtsman wordt pas sinds die dag "
        "toegekend (wet van 19 maart 2014).",
        "Date before 1 June 2016: the 'certified artisan' label is only granted since that "
        "day (law of 19 March 2014)."),
    "imports.register_withdrawal_before_grant": _m(
        "Retrait antérieur à l'octroi.", "Intrekking vóór de toekenning.",
        "Withdrawal before the grant."),
    "imports.register_out_of_order": _m(
        "Date antérieure à la dernière étape du parcours label de cet·te artisan·e : à "
        "vérifier et saisir à la main.",
        "Datum vóór de laatste stap van het labeltraject van deze ambachtsman/-vrouw: "
        "controleer en voer manueel in.",
        "Date before the latest step of this artisan's label journey: check it and record "
        "it by hand."),
    "imports.apply": _m("Enregistrer {count} changement(s) de label",
                        "{count} labelwijziging(en) registreren",
                        "Record {count} label change(s)"),
    "imports.nothing_to_apply": _m(
        "Rien à enregistrer : le registre et les parcours label concordent.",
        "Niets te registreren: het register en de labeltrajecten komen overeen.",
        "Nothing to record: the register and the label journeys agree."),
    "imports.register_applied": _m("Registre appliqué.", "Register toegepast.",
                                   "Register applied."),
    "imports.register_result": _m("{steps} étape(s) label enregistrée(s).",
                                  "{steps} labelstap(pen) geregistreerd.",
                                  "{steps} label step(s) recorded."),
    "imports.download_unmatched": _m(
        "Télécharger les Bruxellois·es absent·e·s du registre (CSV)",
        "Brusselaars die niet in het register staan downloaden (CSV)",
        "Download the Brussels artisans not in the registry (CSV)"),
}
