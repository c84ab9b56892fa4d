"""The dashboards' report as one self-contained HTML file: a pure function from figures already
read (and disclosed, for partners) and chart makers to a string. Charts are inline SVG drawn
by vl-convert, so the file holds no script, no style sheet or font to fetch, no address."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from components.chart_export import chart_svg, inline_svg
from components.vega import Spec


@dataclass(frozen=True)
class Figure:
    """One figure as the reader may see it (e.g. "< 5"), its change against the previous
    period (None: not compared) and the definition it uses."""

    label: str
    value: str
    change: str | None = None
    definition: str = ""


@dataclass(frozen=True)
class ChartPart:
    """A chart: its maker (None when there is nothing to draw: `empty` says why; a table alone
    may still follow), its one-line summary (the chart's text alternative), its data as a
    table and a caption."""

    title: str
    make: Callable[[], Spec] | None
    summary: str = ""
    table: pd.DataFrame | None = None
    empty: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Section:
    """One dashboard: its figures, then its charts."""

    title: str
    figures: Sequence[Figure] = ()
    charts: Sequence[ChartPart] = ()
    intro: str = ""


@dataclass(frozen=True)
class Words:
    """The report's own headings, in the reader's language."""

    figure: str
    value: str
    change: str
    definitions: str
    chart_data: str


@dataclass(frozen=True)
class Report:
    """A whole report; every text in it is shown as text (escaped), never as markup."""

    lang: str
    title: str
    period: str
    made: str
    words: Words
    sections: Sequence[Section]
    notes: Sequence[str] = field(default_factory=tuple)


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2733;
background:#fff;line-height:1.5;margin:0 auto;max-width:60rem;padding:1.5rem}
h1{font-size:1.8rem;margin-bottom:.25rem}h2{font-size:1.4rem;margin-top:2.5rem;
border-bottom:2px solid #0072B2;padding-bottom:.25rem}h3{font-size:1.1rem;margin-top:1.75rem}
table{border-collapse:collapse;margin:.75rem 0;width:100%}caption{text-align:left;
font-weight:600;padding:.25rem 0}caption.sr{position:absolute;width:1px;height:1px;
overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{border:1px solid #8a96a3;padding:.3rem .6rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}table.data{font-size:.9rem}
thead th{background:#e8eef4}td.n{text-align:right;
font-variant-numeric:tabular-nums}figure{margin:1rem 0}svg{max-width:100%;height:auto}
figcaption,.note{color:#3c4a58}dt{font-weight:600;margin-top:.5rem}dd{margin-left:1rem}
@media print{body{max-width:none;padding:0}figure,table{break-inside:avoid}
.scroll{overflow:visible}table.data{font-size:.75rem}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cell(value: Any) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _figures(section: Section, words: Words) -> Iterator[str]:
    compared = any(f.change is not None for f in section.figures)
    heads = [words.figure, words.value] + ([words.change] if compared else [])
    # The caption names the table for screen readers; on screen, the heading just above does.
    yield f'<table><caption class="sr">{_e(section.title)}</caption><thead><tr>'
    yield "".join(f'<th scope="col">{_e(h)}</th>' for h in heads) + "</tr></thead><tbody>"
    for f in section.figures:
        change = f'<td class="n">{_e(f.change or "")}</td>' if compared else ""
        yield (f'<tr><th scope="row">{_e(f.label)}</th><td class="n">{_e(f.value)}</td>'
               f"{change}</tr>")
    yield "</tbody></table>"


def _table(frame: pd.DataFrame, caption: str, shown: bool) -> Iterator[str]:
    """A data table; a wide one scrolls sideways in its own region, reachable by keyboard."""
    hidden = "" if shown else ' class="sr"'
    yield (f'<div class="scroll" role="region" tabindex="0" aria-label="{_e(caption)}">'
           f'<table class="data"><caption{hidden}>{_e(caption)}</caption><thead><tr>')
    yield "".join(f'<th scope="col">{_e(c)}</th>' for c in frame.columns) + "</tr></thead><tbody>"
    for row in frame.itertuples(index=False, name=None):
        first, *rest = (_e(_cell(v)) for v in row)
        yield f'<tr><th scope="row">{first}</th>' + "".join(f"<td>{v}</td>" for v in rest) + "</tr>"
    yield "</tbody></table></div>"


def _chart(part: ChartPart, words: Words, at: str) -> Iterator[str]:
    yield f"<h3>{_e(part.title)}</h3>"
    if part.make is not None:
        # One image named by its summary (WCAG 1.1.1); the table below is its full alternative.
        svg = inline_svg(chart_svg(part.make(), part.summary))
        yield (f'<figure><div role="img" aria-labelledby="{at}-cap">{svg}</div>'
               f'<figcaption id="{at}-cap">{_e(part.summary)}</figcaption></figure>')
    elif part.empty:
        yield f'<p class="note">{_e(part.empty)}</p>'
    if part.caption:
        yield f'<p class="note">{_e(part.caption)}</p>'
    if part.table is not None:
        # A table alone is named by the heading above it (its caption is for screen readers).
        yield from _table(part.table, f"{words.chart_data}: {part.title}" if part.make
                          else part.title, shown=part.make is not None)


def _definitions(section: Section, words: Words) -> Iterator[str]:
    defined = [f for f in section.figures if f.definition]
    if not defined:
        return
    yield f"<h3>{_e(words.definitions)}</h3><dl>"
    for f in defined:
        yield f"<dt>{_e(f.label)}</dt><dd>{_e(f.definition)}</dd>"
    yield "</dl>"


def _section(section: Section, words: Words, number: int) -> Iterator[str]:
    at = f"s{number}"
    yield f'<section aria-labelledby="{at}"><h2 id="{at}">{_e(section.title)}</h2>'
    if section.intro:
        yield f"<p>{_e(section.intro)}</p>"
    if section.figures:
        yield from _figures(section, words)
    for index, part in enumerate(section.charts, start=1):
        yield from _chart(part, words, f"{at}-c{index}")
    yield from _definitions(section, words)
    yield "</section>"


def report_html(report: Report) -> str:
    """The report as one HTML document: headings, tables with headers, charts named by their
    summaries, the definitions of the figures, in the report's language."""
    head = (f'<!DOCTYPE html>\n<html lang="{_e(report.lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(report.title)} · {_e(report.period)}</title>"
            f"<style>{STYLE}</style></head><body>")
    top = (f"<header><h1>{_e(report.title)}</h1><p>{_e(report.period)}</p>"
           f"<p>{_e(report.made)}</p></header><main>")
    body = [part for number, section in enumerate(report.sections, start=1)
            for part in _section(section, report.words, number)]
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in report.notes)
    return head + top + "".join(body) + f"</main><footer>{notes}</footer></body></html>\n"
