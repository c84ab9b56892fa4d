"""Strings of the label uptake dashboard (its figures and their definitions), in FR, NL and EN
(merged into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


DASH_LABEL_MESSAGES: dict[str, dict[str, str]] = {
    "nav.dash_label": _m("Label artisan", "Ambachtslabel", "Artisan label"),
    "label_kpi.as_of": _m(
        "Chiffres au {day} (fin de la période, ou aujourd'hui si elle n'est pas finie).",
        "Cijfers op {day} (einde van de periode, of vandaag als ze nog loopt).",
        "Figures on {day} (the end of the period, or today while it runs)."),
    "label_kpi.certified": _m("Artisan·e·s certifié·e·s", "Gecertificeerde ambachtslui",
                              "Certified artisans"),
    "label_kpi.certified_help": _m(
        "Artisan·e·s dont le label est valide ce jour-là : certifié·e·s dans les 6 ans qui "
        "précèdent et sans expiration enregistrée depuis ; un renouvellement ne compte pas deux "
        "fois. Les artisan·e·s effacé·e·s gardent leur label (fait anonyme) et comptent.",
        "Ambachtslui met een geldig label op die dag: gecertificeerd in de 6 jaar ervoor en "
        "sindsdien niet als vervallen geregistreerd; een hernieuwing telt niet dubbel. Gewiste "
        "ambachtslui behouden hun label (een anoniem feit) en tellen mee.",
        "Artisans holding a valid label on the day: certified in the 6 years before and not "
        "marked expired since; a renewal does not count twice. Erased artisans keep their "
        "label (an anonymous fact) and count."),
    "label_kpi.registry": _m("Artisan·e·s au registre", "Ambachtslui in het register",
                             "Artisans in the registry"),
    "label_kpi.registry_help": _m(
        "Artisan·e·s enregistré·e·s au plus tard ce jour-là (un·e artisan·e effacé·e compte "
        "encore, de façon anonyme).",
        "Ambachtslui die uiterlijk op die dag geregistreerd zijn (een gewiste telt nog mee, "
        "anoniem).",
        "Artisans registered by the day (an erased one still counts, anonymously)."),
    "label_kpi.uptake_rate": _m("Taux de labellisation", "Labelgraad", "Uptake rate"),
    "label_kpi.uptake_rate_help": _m(
        "Artisan·e·s certifié·e·s / artisan·e·s au registre, ce jour-là.",
        "Gecertificeerde ambachtslui / ambachtslui in het register, op die dag.",
        "Certified artisans / artisans in the registry, on the day."),
    "label_kpi.new_certified": _m("Nouveaux labels", "Nieuwe labels", "New labels"),
    "label_kpi.new_certified_help": _m(
        "Certifications datées dans la période d'artisan·e·s sans label valide la veille (un "
        "premier label, ou un label après expiration).",
        "Certificeringen in de periode van ambachtslui zonder geldig label de dag ervoor (een "
        "eerste label, of een label na vervallen).",
        "Certifications dated in the period of artisans without a valid label the day before "
        "(a first label, or one after an expiry)."),
    "label_kpi.renewals": _m("Renouvellements", "Hernieuwingen", "Renewals"),
    "label_kpi.renewals_help": _m(
        "Certifications datées dans la période d'artisan·e·s encore certifié·e·s la veille.",
        "Certificeringen in de periode van ambachtslui die de dag ervoor nog gecertificeerd "
        "waren.",
        "Certifications dated in the period of artisans still certified the day before."),
    "label_kpi.refusals": _m("Refus", "Weigeringen", "Refusals"),
    "label_kpi.refusals_help": _m(
        "Refus de la Commission Artisans datés dans la période.",
        "Weigeringen door de Commissie Ambachtslieden in de periode.",
        "Refusals by the Commission Artisans dated in the period."),
    "label_kpi.decisions": _m("Décisions", "Beslissingen", "Decisions"),
    "label_kpi.decisions_help": _m(
        "Décisions (certifications, renouvellements compris, et refus) datées dans la période.",
        "Beslissingen (certificeringen, hernieuwingen inbegrepen, en weigeringen) in de "
        "periode.",
        "Decisions (certifications, renewals included, and refusals) dated in the period."),
    "label_kpi.median_days": _m("Jours jusqu'à la décision (médiane)",
                                "Dagen tot de beslissing (mediaan)",
                                "Days to a decision (median)"),
    "label_kpi.median_days_help": _m(
        "Médiane des jours entre le dernier dépôt du dossier et la décision (certifié ou "
        "refusé), pour les décisions de la période dont le dépôt est enregistré.",
        "Mediaan van de dagen tussen de laatste indiening van het dossier en de beslissing "
        "(gecertificeerd of geweigerd), voor de beslissingen in de periode met een "
        "geregistreerde indiening.",
        "Median days from the latest submission of the file to the decision (certified or "
        "refused), for the period's decisions whose submission is on record."),
    "label_kpi.over_time": _m("Artisan·e·s certifié·e·s dans le temps",
                              "Gecertificeerde ambachtslui in de tijd",
                              "Certified artisans over time"),
    "label_kpi.over_time_caption": _m(
        "À la fin de chaque mois (aujourd'hui pour le mois en cours) ; un label expire 6 ans "
        "après sa certification, sauf renouvellement.",
        "Op het einde van elke maand (vandaag voor de lopende maand); een label vervalt 6 jaar "
        "na de certificering, tenzij hernieuwd.",
        "At the end of each month (today for the current month); a label expires 6 years "
        "after its certification unless renewed."),
    "label_kpi.target": _m("Objectif", "Doel", "Target"),
    "label_kpi.over_time_summary": _m(
        "Artisan·e·s certifié·e·s : {first} en {first_month}, {last} en {last_month}.",
        "Gecertificeerde ambachtslui: {first} in {first_month}, {last} in {last_month}.",
        "Certified artisans: {first} in {first_month}, {last} in {last_month}."),
    "label_kpi.no_months": _m(
        "La période commence après aujourd'hui : pas encore de chiffres.",
        "De periode begint na vandaag: nog geen cijfers.",
        "The period starts after today: no figures yet."),
    "label_kpi.funnel": _m("Parcours du label : artisan·e·s par étape",
                           "Labeltraject: ambachtslui per stap",
                           "Label journey: artisans per state"),
    "label_kpi.funnel_caption": _m(
        "État de la dernière étape de chacun·e au plus tard ce jour-là (un label de 6 ans ou "
        "plus compte comme expiré) ; les artisan·e·s du registre sans étape : pas encore "
        "informé·e·s. Un dossier de renouvellement en cours compte comme déposé.",
        "Stand van ieders laatste stap uiterlijk op die dag (een label van 6 jaar of ouder "
        "telt als vervallen); ambachtslui in het register zonder stap: nog niet "
        "geïnformeerd. Een lopende hernieuwingsaanvraag telt als ingediend.",
        "The state of each artisan's latest step on or before the day (a label 6 years old "
        "or more counts as expired); artisans of the registry without a step: not yet "
        "informed. A pending renewal file counts as submitted."),
    "label_kpi.state": _m("Étape", "Stap", "State"),
    "label_kpi.by_commune": _m("Certifié·e·s par commune", "Gecertificeerd per gemeente",
                               "Certified by commune"),
    "label_kpi.by_sector": _m("Certifié·e·s par secteur", "Gecertificeerd per sector",
                              "Certified by sector"),
    "label_kpi.no_certified": _m(
        "Aucun·e artisan·e certifié·e ce jour-là : le graphique est vide.",
        "Geen gecertificeerde ambachtslui op die dag: de grafiek is leeg.",
        "No certified artisan on the day: the chart is empty."),
    "label_kpi.no_breakdown": _m(
        "Aucun·e artisan·e certifié·e ce jour-là dont la commune ou le secteur est connu.",
        "Geen gecertificeerde ambachtslui op die dag met een gekende gemeente of sector.",
        "No certified artisan on the day whose commune or sector is known."),
    "label_kpi.no_artisans": _m(
        "Aucun·e artisan·e dans ce périmètre ce jour-là : le graphique est vide.",
        "Geen ambachtslui in deze selectie op die dag: de grafiek is leeg.",
        "No artisan in this selection on the day: the chart is empty."),
}
