"""Strings of the import of an ad platform's export into campaign figures, in FR, NL and EN
(merged into components.messages_campaign, then components.messages.MESSAGES)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


CAMPAIGN_IMPORT_MESSAGES: dict[str, dict[str, str]] = {
    "campaign.import_intro": _m(
        "L'export d'une plateforme publicitaire (Meta Ads, Google Ads…) : une ligne par jour "
        "ou par période de rapport, dans un seul canal. Une période déjà enregistrée est mise "
        "à jour avec les chiffres du fichier ; importer deux fois le même fichier ne change "
        "rien. Dates : 2023-04-03 ou 03/04/2023 ; décimales avec virgule ou point.",
        "De export van een advertentieplatform (Meta Ads, Google Ads…): één rij per dag of "
        "per rapportageperiode, in één kanaal. Een al opgeslagen periode wordt bijgewerkt met "
        "de cijfers uit het bestand; hetzelfde bestand twee keer importeren verandert niets. "
        "Datums: 2023-04-03 of 03/04/2023; decimalen met komma of punt.",
        "An ad platform's export (Meta Ads, Google Ads…): one row per day or per reporting "
        "period, into one channel. A period already saved is updated with the file's figures; "
        "importing the same file twice changes nothing. Dates: 2023-04-03 or 03/04/2023; "
        "decimals with a comma or a point."),
    "campaign.import_channel": _m("Canal des chiffres importés", "Kanaal van de cijfers",
                                  "Channel of the figures"),
    "campaign.import_needs_day": _m(
        "Choisissez la colonne du jour (ou du début de la période).",
        "Kies de kolom van de dag (of van het begin van de periode).",
        "Choose the column of the day (or of the period's start)."),
    "campaign.import_needs_figure": _m(
        "Choisissez au moins une colonne de chiffres.", "Kies minstens één kolom met cijfers.",
        "Choose at least one column of figures."),
    "campaign.import_total_row": _m("Ligne de total : pas importée.",
                                    "Totaalrij: niet geïmporteerd.",
                                    "A total line: not imported."),
    "campaign.import_not_a_date": _m("Date illisible.", "Onleesbare datum.", "Unreadable date."),
    "campaign.import_not_eur": _m("Montant dans une autre devise que l'euro.",
                                  "Bedrag in een andere munt dan de euro.",
                                  "An amount in a currency other than the euro."),
    "campaign.import_not_a_number": _m("Nombre illisible.", "Onleesbaar getal.",
                                       "Unreadable number."),
    "campaign.import_overlap_in_file": _m(
        "Période qui chevauche une ligne précédente du fichier.",
        "Periode die een eerdere rij van het bestand overlapt.",
        "A period overlapping an earlier row of the file."),
    "campaign.import_status.new": _m("Nouvelles", "Nieuw", "New"),
    "campaign.import_status.changed": _m("Modifiées", "Gewijzigd", "Changed"),
    "campaign.import_status.unchanged": _m("Inchangées", "Ongewijzigd", "Unchanged"),
    "campaign.import_status.rejected": _m("Refusées", "Geweigerd", "Rejected"),
    "campaign.import_commit": _m("Importer {count} ligne(s)", "{count} rij(en) importeren",
                                 "Import {count} row(s)"),
    "campaign.import_nothing": _m(
        "Rien de nouveau ni de modifié dans ce fichier.",
        "Niets nieuws of gewijzigds in dit bestand.",
        "Nothing new or changed in this file."),
    "campaign.import_committed": _m("Import enregistré.", "Import opgeslagen.",
                                    "Import saved."),
    "campaign.import_result": _m(
        "{created} nouvelle(s), {changed} modifiée(s), {unchanged} inchangée(s), "
        "{rejected} refusée(s).",
        "{created} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd, {rejected} geweigerd.",
        "{created} new, {changed} changed, {unchanged} unchanged, {rejected} rejected."),
}
