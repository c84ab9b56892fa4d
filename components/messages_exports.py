"""Strings of the exports (a chart's CSV, PNG and SVG; the report as one HTML file), in FR, NL
and EN (merged into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


EXPORT_MESSAGES: dict[str, dict[str, str]] = {
    "chart_export.csv": _m("Données (CSV)", "Gegevens (CSV)", "Data (CSV)"),
    "chart_export.csv_help": _m(
        "Le tableau du graphique, tel qu'affiché, à ouvrir dans un tableur.",
        "De tabel van de grafiek, zoals getoond, om te openen in een rekenblad.",
        "The chart's table, as shown, to open in a spreadsheet."),
    "chart_export.png": _m("Image (PNG)", "Afbeelding (PNG)", "Image (PNG)"),
    "chart_export.png_help": _m(
        "Le graphique en image, pour une présentation ou un courriel.",
        "De grafiek als afbeelding, voor een presentatie of een e-mail.",
        "The chart as an image, for a presentation or an e-mail."),
    "chart_export.svg": _m("Image vectorielle (SVG)", "Vectorafbeelding (SVG)",
                           "Vector image (SVG)"),
    "chart_export.svg_help": _m(
        "Le graphique en image vectorielle, nette à toute taille (impression, mise en page).",
        "De grafiek als vectorafbeelding, scherp op elk formaat (druk, opmaak).",
        "The chart as a vector image, sharp at any size (print, layout)."),
    "nav.report": _m("Rapport", "Rapport", "Report"),
    "report.title": _m("Plan de soutien aux artisan·e·s bruxellois·es : rapport",
                       "Steunplan voor Brusselse ambachtslui: rapport",
                       "Support plan for Brussels artisans: report"),
    "report.intro": _m(
        "Les chiffres et graphiques des tableaux de bord pour la période choisie, en un seul "
        "fichier HTML : il s'ouvre dans tout navigateur, même hors ligne, et s'imprime.",
        "De cijfers en grafieken van de dashboards voor de gekozen periode, in één "
        "HTML-bestand: het opent in elke browser, ook offline, en is af te drukken.",
        "The dashboards' figures and charts for the chosen period, in one HTML file: it opens "
        "in any browser, also offline, and prints."),
    "report.download": _m("Télécharger le rapport", "Rapport downloaden",
                          "Download the report"),
    "report.download_help": _m(
        "Les chiffres sont ceux du moment où le rapport a été préparé ; le fichier est établi "
        "au moment du clic.",
        "De cijfers zijn die van het moment waarop het rapport werd voorbereid; het bestand "
        "wordt bij het klikken opgesteld.",
        "The figures are those of when the report was prepared; the file is made when you "
        "click."),
    "report.prepare": _m("Préparer le rapport", "Rapport voorbereiden", "Prepare the report"),
    "report.prepare_help": _m(
        "Lit les chiffres de tous les tableaux de bord pour la période et les filtres choisis.",
        "Leest de cijfers van alle dashboards voor de gekozen periode en filters.",
        "Reads every dashboard's figures for the chosen period and filters."),
    "report.preparing": _m("Lecture des chiffres…", "Cijfers worden gelezen…",
                           "Reading the figures…"),
    "report.ready": _m("Rapport prêt. Contenu : {sections}.",
                       "Rapport klaar. Inhoud: {sections}.",
                       "Report ready. Contents: {sections}."),
    "report.outdated": _m(
        "Les chiffres ont changé depuis la préparation du rapport : préparez-le à nouveau.",
        "De cijfers zijn veranderd sinds het rapport werd voorbereid: bereid het opnieuw voor.",
        "The figures have changed since the report was prepared: prepare it again."),
    "report.file": _m("rapport", "rapport", "report"),
    "report.made": _m("Établi le {day}.", "Opgesteld op {day}.", "Made on {day}."),
    "report.figure": _m("Indicateur", "Indicator", "Figure"),
    "report.value": _m("Valeur", "Waarde", "Value"),
    "report.change": _m("Évolution par rapport à la période précédente de même durée",
                        "Verandering tegenover de vorige periode van dezelfde duur",
                        "Change against the previous period of equal length"),
    "report.definitions": _m("Définitions", "Definities", "Definitions"),
}
