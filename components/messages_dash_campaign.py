"""Strings of the campaign reach dashboard (figures, their definitions), in FR, NL and EN (merged
into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


DASH_CAMPAIGN_MESSAGES: dict[str, dict[str, str]] = {
    "nav.dash_campaign": _m("Portée de la campagne", "Bereik van de campagne", "Campaign reach"),
    "campaign_kpi.campaign": _m("Campagne", "Campagne", "Campaign"),
    "campaign_kpi.all_campaigns": _m("Toutes les campagnes", "Alle campagnes", "All campaigns"),
    "campaign_kpi.rule": _m(
        "Une ligne de chiffres (un canal, une période) compte dans la période qui contient son "
        "dernier jour, comme sur la page des objectifs. Commune et secteur ne filtrent que les "
        "inscriptions : les chiffres des médias couvrent toute la Région.",
        "Een rij cijfers (één kanaal, één periode) telt in de periode die haar laatste dag "
        "bevat, zoals op de pagina met doelen. Gemeente en sector filteren alleen de "
        "inschrijvingen: de mediacijfers gelden voor het hele Gewest.",
        "A row of figures (one channel, one period) counts in the period that holds its last "
        "day, as on the targets page. Commune and sector filter the sign-ups only: the media "
        "figures cover the whole Region."),
    # cards
    "campaign_kpi.impressions": _m("Impressions", "Vertoningen", "Impressions"),
    "campaign_kpi.impressions_help": _m(
        "Impressions (nombre d'affichages) de tous les canaux, additionnées sur les lignes "
        "dont la période se termine dans la période choisie.",
        "Vertoningen (aantal keer getoond) van alle kanalen, opgeteld over de rijen waarvan de "
        "periode in de gekozen periode eindigt.",
        "Impressions (times shown) of every channel, added up over the rows whose period ends "
        "in the chosen period."),
    "campaign_kpi.clicks": _m("Clics", "Klikken", "Clicks"),
    "campaign_kpi.clicks_help": _m(
        "Clics de tous les canaux, additionnés sur les lignes dont la période se termine dans "
        "la période choisie.",
        "Klikken van alle kanalen, opgeteld over de rijen waarvan de periode in de gekozen "
        "periode eindigt.",
        "Clicks of every channel, added up over the rows whose period ends in the chosen "
        "period."),
    "campaign_kpi.spend": _m("Dépense (EUR)", "Uitgaven (EUR)", "Spend (EUR)"),
    "campaign_kpi.spend_help": _m(
        "Dépense de tous les canaux en euros, additionnée sur les lignes dont la période se "
        "termine dans la période choisie.",
        "Uitgaven van alle kanalen in euro, opgeteld over de rijen waarvan de periode in de "
        "gekozen periode eindigt.",
        "Spend of every channel in euros, added up over the rows whose period ends in the "
        "chosen period."),
    "campaign_kpi.signups": _m("Inscriptions via la campagne", "Inschrijvingen via de campagne",
                               "Campaign sign-ups"),
    "campaign_kpi.signups_help": _m(
        "Artisan·e·s inscrit·e·s au registre dans la période (jours de Bruxelles) avec la "
        "source « campagne », de la commune et du secteur choisis. Le registre ne dit pas "
        "quelle campagne : ce chiffre est le même pour chaque campagne.",
        "Ambachtslui ingeschreven in het register in de periode (Brusselse dagen) met als bron "
        "‘campagne’, van de gekozen gemeente en sector. Het register zegt niet welke "
        "campagne: dit cijfer is voor elke campagne hetzelfde.",
        "Artisans registered in the period (Brussels days) with the source \"campaign\", of "
        "the chosen commune and sector. The registry does not say which campaign: this figure "
        "is the same for every campaign."),
    # per channel
    "campaign_kpi.by_channel": _m("Par canal", "Per kanaal", "By channel"),
    "campaign_kpi.channel": _m("Canal", "Kanaal", "Channel"),
    "campaign_kpi.channel_summary": _m(
        "{count} canaux ; le plus d'impressions : {top} ({value}).",
        "{count} kanalen; de meeste vertoningen: {top} ({value}).",
        "{count} channels; most impressions: {top} ({value})."),
    "campaign_kpi.rows": _m("Lignes", "Rijen", "Rows"),
    "campaign_kpi.largest_reach": _m("Plus grande couverture d'une période",
                                     "Grootste bereik van één periode",
                                     "Largest reach of one period"),
    "campaign_kpi.poster_face_days": _m("Faces d'affichage × jours", "Affichevlakken × dagen",
                                        "Poster faces × days"),
    "campaign_kpi.channel_definitions": _m(
        "Par canal, sur ses lignes de la période : impressions, clics, dépense, flyers, spots "
        "et GRP additionnés ; faces d'affichage × jours = faces de chaque ligne × jours de sa "
        "période, additionnées. CTR = clics / impressions, CPM = dépense / impressions × 1000, "
        "CPC = dépense / clics, sur les lignes qui donnent les deux chiffres ; n.d. quand il "
        "n'y a rien à diviser (aucun clic, par exemple). La couverture ne s'additionne "
        "jamais : seule la plus grande couverture d'une seule période est montrée.",
        "Per kanaal, over zijn rijen van de periode: vertoningen, klikken, uitgaven, flyers, "
        "spots en GRP opgeteld; affichevlakken × dagen = vlakken van elke rij × dagen van haar "
        "periode, opgeteld. CTR = klikken / vertoningen, CPM = uitgaven / vertoningen × 1000, "
        "CPC = uitgaven / klikken, over de rijen die beide cijfers geven; n.b. als er niets "
        "te delen is (geen klikken, bijvoorbeeld). Het bereik wordt nooit opgeteld: alleen het "
        "grootste bereik van één periode staat er.",
        "Per channel, over its rows of the period: impressions, clicks, spend, flyers, spots "
        "and GRP added up; poster faces × days = each row's faces × the days of its period, "
        "added up. CTR = clicks / impressions, CPM = spend / impressions × 1000, CPC = spend "
        "/ clicks, over the rows that give both figures; n/a when there is nothing to divide "
        "by (no clicks, say). Reach is never added up: only the largest reach of a single "
        "period is shown."),
    # over time
    "campaign_kpi.by_week": _m("Impressions par semaine", "Vertoningen per week",
                               "Impressions by week"),
    "campaign_kpi.by_month": _m("Impressions par mois", "Vertoningen per maand",
                                "Impressions by month"),
    "campaign_kpi.week": _m("Semaine du", "Week van", "Week of"),
    "campaign_kpi.series_summary": _m(
        "{count} périodes ; la plus forte : {top} ({value} impressions).",
        "{count} periodes; de sterkste: {top} ({value} vertoningen).",
        "{count} periods; the busiest: {top} ({value} impressions)."),
    "campaign_kpi.series_caption": _m(
        "Chaque ligne compte dans la semaine ou le mois de son dernier jour.",
        "Elke rij telt in de week of maand van haar laatste dag.",
        "Each row counts in the week or month of its last day."),
    # reach per row
    "campaign_kpi.reach_rows": _m("Couverture par canal et période",
                                  "Bereik per kanaal en periode", "Reach by channel and period"),
    "campaign_kpi.reach_caption": _m(
        "Couverture (personnes uniques touchées) telle que saisie pour chaque canal et "
        "période, jamais additionnée entre périodes ou canaux : une même personne peut être "
        "touchée plusieurs fois. Fréquence = impressions / couverture de la même ligne.",
        "Bereik (unieke bereikte personen) zoals ingevoerd per kanaal en periode, nooit "
        "opgeteld over periodes of kanalen: eenzelfde persoon kan meermaals bereikt worden. "
        "Frequentie = vertoningen / bereik van dezelfde rij.",
        "Reach (unique people exposed) as entered for each channel and period, never added "
        "up across periods or channels: one person may be reached several times. Frequency = "
        "impressions / reach of the same row."),
    # empty states and partners
    "campaign_kpi.no_figures": _m(
        "Aucun chiffre de campagne : aucune ligne ne se termine dans cette période.",
        "Geen campagnecijfers: geen enkele rij eindigt in deze periode.",
        "No campaign figures: no row ends in this period."),
    "campaign_kpi.no_impressions": _m(
        "Aucune impression : les lignes de cette période n'en donnent pas.",
        "Geen vertoningen: de rijen van deze periode geven er geen.",
        "No impressions: the rows of this period give none."),
    "campaign_kpi.partner_note": _m(
        "Les chiffres des médias (impressions, couverture, clics, dépense…) sont ceux de "
        "l'agence, sans arrondi : ils ne comptent pas des personnes du registre. Les "
        "inscriptions, elles, sont arrondies comme tout comptage de personnes.",
        "De mediacijfers (vertoningen, bereik, klikken, uitgaven…) zijn die van het "
        "mediabureau, niet afgerond: ze tellen geen personen uit het register. De "
        "inschrijvingen worden wel afgerond, zoals elke telling van personen.",
        "Media figures (impressions, reach, clicks, spend…) are the media agency's, not "
        "rounded: they do not count persons of the registry. Sign-ups are rounded like every "
        "count of persons."),
}
