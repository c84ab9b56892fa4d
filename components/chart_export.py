"""A chart as a file (PNG or SVG, drawn by vl-convert: no browser, no network) and the files'
names; pure, so a download button can make them only when pressed, in any thread."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

import vl_convert as vlc

from components.vega import Spec, as_json

EXPORT_WIDTH = 720  # px: a page's width on a laptop; the PNG is drawn at twice that
PNG_SCALE = 2  # sharp on a projector and in print
_NOT_NAME = re.compile(r"[^a-z0-9]+")
# The namespaces a stand-alone SVG file needs, but an SVG inside an HTML page does not (the
# HTML parser puts <svg> and xlink:href in their namespaces itself).
_NAMESPACES = re.compile(r'\s+xmlns(?::xlink)?="[^"]*"')


def export_spec(chart: Spec, summary: str) -> dict[str, Any]:
    """The chart's Vega-Lite spec with its data written out, described by its summary (the
    SVG's accessible name), at the export width unless the chart sets its own."""
    return as_json({"width": EXPORT_WIDTH, **chart, "description": summary})


def chart_svg(chart: Spec, summary: str) -> str:
    """The chart as a stand-alone SVG document, its summary as its <title> (the name a screen
    reader or an image viewer gives it)."""
    svg: str = vlc.vegalite_to_svg(export_spec(chart, summary))
    opened = svg.index(">") + 1  # the end of the root <svg ...> tag
    return f"{svg[:opened]}<title>{html.escape(summary)}</title>{svg[opened:]}"


def chart_png(chart: Spec, summary: str) -> bytes:
    """The chart as a PNG image, at twice the export width."""
    png: bytes = vlc.vegalite_to_png(export_spec(chart, summary), scale=PNG_SCALE)
    return png


def inline_svg(svg: str) -> str:
    """An SVG document as an element of an HTML page: without its namespace declarations, the
    only web addresses it holds (the page then holds none at all)."""
    return _NAMESPACES.sub("", svg, count=2)


def file_stem(*parts: str) -> str:
    """A file name's stem from titles or headings: ASCII, lower case, words joined by '-'
    (Membres à ce jour -> membres-a-ce-jour); "chart" when nothing is left."""
    text = unicodedata.normalize("NFKD", " ".join(parts)).encode("ascii", "ignore").decode()
    return _NOT_NAME.sub("-", text.lower()).strip("-")[:60].strip("-") or "chart"
