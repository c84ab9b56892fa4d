"""Strings of the accessibility statement and of chart text alternatives, in FR, NL and EN
(merged into components.messages.MESSAGES: still one translation layer)."""

from __future__ import annotations


def _m(fr: str, nl: str, en: str) -> dict[str, str]:
    return {"fr": fr, "nl": nl, "en": en}


A11Y_MESSAGES: dict[str, dict[str, str]] = {
    "nav.accessibility": _m("Accessibilité", "Toegankelijkheid", "Accessibility"),
    "nav.section.about": _m("À propos", "Over", "About"),
    "app.product": _m("Plan artisanat · hub.brussels", "Ambachtsplan · hub.brussels",
                      "Artisans plan · hub.brussels"),
    "a11y.title": _m("Déclaration d'accessibilité", "Toegankelijkheidsverklaring",
                     "Accessibility statement"),
    "a11y.intro": _m(
        "hub.brussels veut que son tableau de bord du plan de soutien aux artisan·e·s soit "
        "utilisable par tout le monde, y compris au clavier, avec un lecteur d'écran ou un "
        "zoom. Cette déclaration s'applique à cette application, conformément à la directive "
        "(UE) 2016/2102 et à sa transposition en Région de Bruxelles-Capitale.",
        "hub.brussels wil dat zijn dashboard van het steunplan voor ambachtslui voor iedereen "
        "bruikbaar is, ook met het toetsenbord, een schermlezer of zoom. Deze verklaring geldt "
        "voor deze toepassing, overeenkomstig richtlijn (EU) 2016/2102 en de omzetting ervan "
        "in het Brussels Hoofdstedelijk Gewest.",
        "hub.brussels wants the dashboard of its support plan for artisans to be usable by "
        "everyone, including by keyboard, with a screen reader or with zoom. This statement "
        "applies to this application, under Directive (EU) 2016/2102 and its transposition in "
        "the Brussels-Capital Region."),
    "a11y.status_title": _m("État de conformité", "Nalevingsstatus", "Compliance status"),
    "a11y.status": _m(
        "Cette application est **partiellement conforme** au niveau AA des WCAG 2.1 "
        "(norme EN 301 549), en raison des points ci-dessous.",
        "Deze toepassing is **gedeeltelijk conform** met niveau AA van WCAG 2.1 "
        "(norm EN 301 549), vanwege de onderstaande punten.",
        "This application is **partially compliant** with WCAG 2.1 level AA "
        "(standard EN 301 549), because of the points below."),
    "a11y.gaps_title": _m("Ce qui n'est pas encore conforme", "Wat nog niet conform is",
                          "What does not comply yet"),
    "a11y.gaps": _m(
        "- Les graphiques sont des images : chacun est accompagné d'une phrase qui le résume "
        "et de ses données sous forme de tableau, mais le graphique lui-même ne se parcourt "
        "pas au lecteur d'écran.\n"
        "- Les infobulles des graphiques n'apparaissent qu'au survol de la souris ; "
        "les mêmes valeurs sont dans le tableau de données.\n"
        "- Quelques libellés destinés aux lecteurs d'écran viennent du cadriciel Streamlit et "
        "restent en anglais (« Skip to main content », « Show password »).\n"
        "- L'application n'a pas encore été testée par des utilisateur·rice·s de lecteurs "
        "d'écran (NVDA, JAWS, VoiceOver) : nos contrôles sont automatiques et manuels.",
        "- Grafieken zijn afbeeldingen: elk heeft een zin die het samenvat en zijn gegevens "
        "als tabel, maar de grafiek zelf is niet te doorlopen met een schermlezer.\n"
        "- De infoballonnen van grafieken verschijnen alleen bij het aanwijzen met de muis; "
        "dezelfde waarden staan in de gegevenstabel.\n"
        "- Enkele labels voor schermlezers komen uit het Streamlit-framework en blijven in het "
        "Engels (\"Skip to main content\", \"Show password\").\n"
        "- De toepassing is nog niet getest door gebruikers van schermlezers (NVDA, JAWS, "
        "VoiceOver): onze controles zijn automatisch en handmatig.",
        "- Charts are images: each comes with a sentence that sums it up and its data as a "
        "table, but the chart itself cannot be explored with a screen reader.\n"
        "- Chart tooltips only appear on mouse hover; the same values are in the data table.\n"
        "- A few labels meant for screen readers come from the Streamlit framework and stay in "
        "English on French and Dutch pages (\"Skip to main content\", \"Show password\").\n"
        "- The application has not yet been tested by screen reader users (NVDA, JAWS, "
        "VoiceOver): our checks are automated and manual."),
    "a11y.method_title": _m("Comment nous l'avons vérifié", "Hoe we het controleerden",
                            "How we checked"),
    "a11y.method": _m(
        "Auto-évaluation du {day} : chaque page de chaque rôle est analysée par axe-core "
        "(règles WCAG 2.0 et 2.1, niveaux A et AA) à chaque modification de l'application ; "
        "la connexion et un formulaire sont remplis au clavier seul ; la vue d'ensemble et un "
        "formulaire sont vérifiés à un zoom de 200 %.",
        "Zelfevaluatie van {day}: elke pagina van elke rol wordt bij elke wijziging van de "
        "toepassing geanalyseerd door axe-core (WCAG 2.0- en 2.1-regels, niveaus A en AA); "
        "het aanmelden en een formulier worden met alleen het toetsenbord ingevuld; het "
        "overzicht en een formulier worden gecontroleerd bij 200 % zoom.",
        "Self-assessment of {day}: every page of every role is analysed by axe-core (WCAG 2.0 "
        "and 2.1 rules, levels A and AA) at every change of the application; logging in and a "
        "form are completed with the keyboard alone; the overview and a form are checked at "
        "200% zoom."),
    "a11y.contact_title": _m("Nous contacter", "Contact", "Contact us"),
    "a11y.contact": _m(
        "Un obstacle, une information dont vous avez besoin sous une autre forme ? "
        "Écrivez à {contact}. Si notre réponse ne vous satisfait pas, vous pouvez vous "
        "adresser au Médiateur bruxellois.",
        "Een hindernis, informatie die u in een andere vorm nodig hebt? Schrijf naar "
        "{contact}. Bent u niet tevreden met ons antwoord, dan kunt u zich wenden tot de "
        "Brusselse Ombudsman.",
        "An obstacle, or information you need in another form? Write to {contact}. If our "
        "answer does not satisfy you, you can turn to the Brussels Ombudsman."),
    "chart.data": _m("Données du graphique", "Gegevens van de grafiek", "Chart data"),
    "chart.growth_summary": _m(
        "{total} membres au {day}, {new} de plus ce mois-ci.",
        "{total} leden op {day}, {new} meer deze maand.",
        "{total} members on {day}, {new} more this month."),
    "chart.breakdown_summary": _m(
        "{count} catégories ; en tête : {top} ({value}).",
        "{count} categorieën; eerst: {top} ({value}).",
        "{count} categories; first: {top} ({value})."),
}
