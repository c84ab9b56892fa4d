"""Strings of the partners' version of the dashboards, in FR, NL and EN (merged into
components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


PARTNER_MESSAGES: dict[str, dict[str, str]] = {
    # a campaign as partners see it: its dates, not the name staff typed
    "campaign_kpi.unnamed": _m("Campagne du {first} au {last}", "Campagne van {first} tot {last}",
                               "Campaign from {first} to {last}"),
    "privacy.partner_periods": _m(
        "Pour protéger la vie privée, les chiffres partenaires couvrent toute la Région, sur "
        "cette année ou sur le plan 2023-2024, comparés à la période précédente de même "
        "longueur. Taux et médianes se calculent sur les chiffres arrondis ; sur trop peu de "
        "personnes, ils sont indiqués « n.d. ».",
        "Om de privacy te beschermen gelden de cijfers voor partners voor het hele Gewest, "
        "over dit jaar of over het plan 2023-2024, vergeleken met de vorige periode van "
        "dezelfde lengte. Percentages en medianen worden op de afgeronde cijfers berekend; "
        "over te weinig personen staat er « n.b. ».",
        "To protect privacy, partners' figures cover the whole Region, over this year or the "
        "plan 2023-2024, compared with the previous period of equal length. Rates and medians "
        "are worked out from the rounded figures; over too few people they read \"n/a\"."),
}
