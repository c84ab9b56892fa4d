"""Strings of the campaign figures screen (campaigns, a channel's figures per period, their
correction and the import of an ad platform's export), in FR, NL and EN (merged into
components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


CAMPAIGN_MESSAGES: dict[str, dict[str, str]] = {
    "nav.section.campaign": _m("Campagne", "Campagne", "Campaign"),
    "nav.campaign_figures": _m("Chiffres de campagne", "Campagnecijfers", "Campaign figures"),
    "channel.posters": _m("Affiches", "Affiches", "Posters"),
    "channel.radio": _m("Radio", "Radio", "Radio"),
    "channel.flyers": _m("Flyers", "Flyers", "Flyers"),
    "channel.social": _m("Réseaux sociaux", "Sociale media", "Social networks"),
    "channel.search": _m("Moteurs de recherche", "Zoekmachines", "Search engines"),
    "channel.other": _m("Autre", "Ander", "Other"),
    # the screen
    "campaign.title": _m("Chiffres de campagne", "Campagnecijfers", "Campaign figures"),
    "campaign.pick": _m("Campagne", "Campagne", "Campaign"),
    "campaign.none_yet": _m("Aucune campagne pour l'instant : créez-en une ci-dessous.",
                            "Nog geen campagne: maak er hieronder een aan.",
                            "No campaign yet: create one below."),
    "campaign.dates": _m("Du {start} au {end}", "Van {start} tot {end}", "From {start} to {end}"),
    "campaign.new": _m("Nouvelle campagne", "Nieuwe campagne", "New campaign"),
    "campaign.name": _m("Nom", "Naam", "Name"),
    "campaign.slogan": _m("Slogan", "Slogan", "Slogan"),
    "campaign.starts_on": _m("Début", "Begin", "Starts"),
    "campaign.ends_on": _m("Fin", "Einde", "Ends"),
    "campaign.budget_eur": _m("Budget (EUR)", "Budget (EUR)", "Budget (EUR)"),
    "campaign.create": _m("Créer la campagne", "Campagne aanmaken", "Create the campaign"),
    "campaign.created": _m("Campagne créée.", "Campagne aangemaakt.", "Campaign created."),
    "campaign.tab_figures": _m("Chiffres", "Cijfers", "Figures"),
    "campaign.tab_enter": _m("Saisir", "Invoeren", "Enter"),
    "campaign.tab_correct": _m("Corriger", "Corrigeren", "Correct"),
    "campaign.tab_import": _m("Importer un export", "Export importeren", "Import an export"),
    # fields
    "campaign.field.channel": _m("Canal", "Kanaal", "Channel"),
    "campaign.field.period_start": _m("Période du", "Periode van", "Period from"),
    "campaign.field.period_end": _m("au", "tot", "to"),
    "campaign.field.impressions": _m("Impressions", "Vertoningen", "Impressions"),
    "campaign.field.reach": _m("Couverture (personnes uniques)", "Bereik (unieke personen)",
                               "Reach (unique people)"),
    "campaign.field.clicks": _m("Clics", "Klikken", "Clicks"),
    "campaign.field.spend_eur": _m("Dépense (EUR)", "Uitgaven (EUR)", "Spend (EUR)"),
    "campaign.field.flyers_distributed": _m("Flyers distribués", "Verdeelde flyers",
                                            "Flyers distributed"),
    "campaign.field.poster_faces": _m("Faces d'affichage", "Affichevlakken", "Poster faces"),
    "campaign.field.spots_aired": _m("Spots radio diffusés", "Uitgezonden radiospots",
                                     "Radio spots aired"),
    "campaign.field.grp": _m("GRP", "GRP", "GRP"),
    "campaign.field.currency": _m("Devise", "Valuta", "Currency"),
    "campaign.figures_help": _m(
        "Laissez vide ce que le canal ne mesure pas. La couverture est celle de cette période "
        "et de ce canal, telle que rapportée : elle ne s'additionne jamais.",
        "Laat leeg wat het kanaal niet meet. Het bereik is dat van deze periode en dit kanaal, "
        "zoals gerapporteerd: het wordt nooit opgeteld.",
        "Leave blank what the channel does not measure. Reach is this period's and channel's, "
        "as reported: it is never added up."),
    # the table
    "campaign.col.period": _m("Période", "Periode", "Period"),
    "campaign.col.frequency": _m("Fréquence", "Frequentie", "Frequency"),
    "campaign.col.ctr": _m("CTR", "CTR", "CTR"),
    "campaign.col.cpm": _m("CPM (EUR)", "CPM (EUR)", "CPM (EUR)"),
    "campaign.col.cpc": _m("CPC (EUR)", "CPC (EUR)", "CPC (EUR)"),
    "campaign.definitions": _m(
        "Par ligne (canal et période) uniquement : fréquence = impressions / couverture ; "
        "CTR = clics / impressions ; CPM = dépense / impressions × 1000 ; CPC = dépense / "
        "clics. La couverture n'est jamais additionnée entre périodes ou canaux.",
        "Per rij (kanaal en periode) alleen: frequentie = vertoningen / bereik; CTR = klikken "
        "/ vertoningen; CPM = uitgaven / vertoningen × 1000; CPC = uitgaven / klikken. Het "
        "bereik wordt nooit opgeteld over periodes of kanalen.",
        "Per row (channel and period) only: frequency = impressions / reach; CTR = clicks / "
        "impressions; CPM = spend / impressions × 1000; CPC = spend / clicks. Reach is never "
        "added up across periods or channels."),
    "campaign.no_rows": _m("Aucun chiffre saisi pour cette campagne.",
                           "Nog geen cijfers voor deze campagne.",
                           "No figures entered for this campaign."),
    # enter and correct
    "campaign.save": _m("Enregistrer les chiffres", "Cijfers opslaan", "Save the figures"),
    "campaign.saved": _m("Chiffres enregistrés.", "Cijfers opgeslagen.", "Figures saved."),
    "campaign.pick_row": _m("Ligne à corriger", "Te corrigeren rij", "Row to correct"),
    "campaign.save_correction": _m("Enregistrer la correction", "Correctie opslaan",
                                   "Save the correction"),
    "campaign.corrected": _m("Correction enregistrée.", "Correctie opgeslagen.",
                             "Correction saved."),
    "campaign.reload": _m("Recharger les valeurs enregistrées", "Opgeslagen waarden herladen",
                          "Reload the saved values"),
    # errors
    "campaign.figure_negative": _m("Ne peut pas être négatif.", "Kan niet negatief zijn.",
                                   "Cannot be negative."),
    "campaign.figure_whole": _m("Un nombre entier, s'il vous plaît.", "Een geheel getal, a.u.b.",
                                "A whole number, please."),
    "campaign.figure_too_large": _m("Nombre trop grand.", "Getal te groot.", "Number too large."),
    "campaign.reach_over_impressions": _m(
        "La couverture ne peut pas dépasser les impressions.",
        "Het bereik kan niet hoger zijn dan de vertoningen.",
        "Reach cannot exceed impressions."),
    "campaign.clicks_over_impressions": _m(
        "Les clics ne peuvent pas dépasser les impressions.",
        "Klikken kunnen niet hoger zijn dan de vertoningen.",
        "Clicks cannot exceed impressions."),
    "campaign.no_figures": _m("Saisissez au moins un chiffre.", "Vul minstens één cijfer in.",
                              "Enter at least one figure."),
    "campaign.channel_unknown": _m("Canal inconnu.", "Onbekend kanaal.", "Unknown channel."),
    "campaign.period_end_before_start": _m(
        "La fin de la période précède son début.", "Het einde van de periode ligt voor het begin.",
        "The period ends before it starts."),
    "campaign.period_in_future": _m(
        "La période n'est pas encore terminée.", "De periode is nog niet voorbij.",
        "The period has not ended yet."),
    "campaign.period_overlaps": _m(
        "Cette période chevauche une autre ligne du même canal : corrigez plutôt celle-là.",
        "Deze periode overlapt een andere rij van hetzelfde kanaal: corrigeer liever die.",
        "This period overlaps another row of the same channel: correct that one instead."),
    "campaign.campaign_unknown": _m("Campagne inconnue.", "Onbekende campagne.",
                                    "Unknown campaign."),
    "campaign.figures_not_found": _m("Cette ligne n'existe plus.", "Deze rij bestaat niet meer.",
                                     "This row no longer exists."),
    "campaign.changed_meanwhile": _m(
        "Quelqu'un a modifié cette ligne entre-temps : rechargez les valeurs enregistrées, "
        "puis corrigez à nouveau.",
        "Iemand heeft deze rij intussen gewijzigd: herlaad de opgeslagen waarden en corrigeer "
        "opnieuw.",
        "Someone changed this row meanwhile: reload the saved values, then correct again."),
    "campaign.nothing_changed": _m("Rien n'a changé.", "Er is niets gewijzigd.",
                                   "Nothing changed."),
    "campaign.name_taken": _m("Une campagne porte déjà ce nom.",
                              "Er is al een campagne met deze naam.",
                              "A campaign already has this name."),
    "campaign.ends_before_start": _m("La fin précède le début.", "Het einde ligt voor het begin.",
                                     "It ends before it starts."),
}

from components.messages_campaign_import import CAMPAIGN_IMPORT_MESSAGES  # noqa: E402

CAMPAIGN_MESSAGES.update(CAMPAIGN_IMPORT_MESSAGES)
