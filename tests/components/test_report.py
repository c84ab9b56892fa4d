"""The report file: one self-contained HTML document (no address, no script), in the reader's
language, user text shown as text, charts named by their summaries; and a chart's downloads."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import pandas as pd

from components.chart_view import chart_files
from components.charts import breakdown_chart, chart_table
from components.report import ChartPart, Figure, Report, Section, Words, report_html

EVIL = "<script>alert('x')</script>"
WORDS = Words("Figure", "Value", "Change", "Definitions", "Chart data")


class Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _frame(track: str = "Ébénisterie") -> pd.DataFrame:
    return pd.DataFrame({"track": [track, "Céramique"], "count": pd.array([12, None], "Int64"),
                         "count_hidden": ["", "small"]})


def _report(track: str = "Ébénisterie", lang: str = "fr") -> Report:
    frame, hidden = _frame(track), {"small": "< 5"}
    part = ChartPart("Par parcours", lambda: breakdown_chart(
        frame, category="track", category_title="Parcours", title="Artisans", hidden=hidden,
        decimal_comma=True), summary=f"2 parcours ; le premier : {track} (12).",
        table=chart_table(frame, {"track": "Parcours", "count": "Artisans"}, hidden, True))
    section = Section("Accompagnement", (
        Figure("Séances", "< 5", "n.d.", "Séances tenues dans la période."),
        Figure(track, "1.234", "+12,0 %", "")), (part, ChartPart("Vide", None, empty="Rien.")))
    return Report(lang=lang, title="Rapport", period="Du 1 janv. 2026 au 31 janv. 2026",
                  made="Établi le 10 janv. 2026.", words=WORDS, sections=(section,),
                  notes=("Chiffres agrégés uniquement.",))


def _parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def test_the_file_is_self_contained() -> None:
    page = report_html(_report())
    assert "http://" not in page and "https://" not in page
    tags = _parse(page).tags
    assert {tag for tag, _ in tags} & {"script", "link", "img", "iframe", "object"} == set()
    assert not [a for _, attrs in tags for a in ("src", "href") if a in attrs]
    assert sum(tag == "svg" for tag, _ in tags) == 1  # the chart, drawn inline


def test_the_document_says_its_language_and_title() -> None:
    tags = _parse(report_html(_report(lang="nl"))).tags
    assert tags[0] == ("html", {"lang": "nl"})
    assert "title" in [tag for tag, _ in tags] and "h1" in [tag for tag, _ in tags]


def test_user_text_is_shown_as_text() -> None:
    page = report_html(_report(track=EVIL))
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert EVIL in "".join(_parse(page).text)  # a reader sees the title as it was typed


def test_figures_tables_have_headers_and_definitions() -> None:
    tags = _parse(report_html(_report())).tags
    scopes = [attrs.get("scope") for tag, attrs in tags if tag == "th"]
    assert scopes.count("col") >= 3 and "row" in scopes
    assert "caption" in [tag for tag, _ in tags] and "dl" in [tag for tag, _ in tags]


def test_a_chart_is_named_by_its_summary_and_an_empty_one_says_why() -> None:
    page = report_html(_report())
    images = [attrs for tag, attrs in _parse(page).tags if attrs.get("role") == "img"]
    assert len(images) == 1 and images[0]["aria-labelledby"] == "s1-c1-cap"
    assert '<figcaption id="s1-c1-cap">2 parcours ; le premier : Ébénisterie (12).' in page
    assert "Rien." in page and "&lt; 5" in page


def test_a_chart_downloads_as_csv_png_and_svg_that_open() -> None:
    frame = _frame("=HYPERLINK(\"x\")")
    table = chart_table(frame, {"track": "Parcours", "count": "Artisans"}, {"small": "< 5"}, True)
    chart = breakdown_chart(frame, category="track", category_title="Parcours", title="Artisans",
                            hidden={"small": "< 5"}, decimal_comma=True)
    files = {f.kind: f for f in chart_files(chart, "Deux parcours.", table, "parcours")}
    rows = list(csv.reader(io.StringIO(files["csv"].make().decode("utf-8-sig"))))
    assert rows == [["Parcours", "Artisans"], ["'=HYPERLINK(\"x\")", "12"], ["Céramique", "< 5"]]
    svg = files["svg"].make().decode("utf-8")
    assert svg.startswith("<svg") and "<title>Deux parcours.</title>" in svg
    assert files["png"].make().startswith(b"\x89PNG\r\n\x1a\n")
    assert [f.name for f in files.values()] == ["parcours.csv", "parcours.png", "parcours.svg"]
