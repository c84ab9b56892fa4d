"""A chart with its text alternative: a one-line summary and its data as a table on demand,
with the table as CSV and the chart as PNG or SVG to download. A chart's Vega-Lite spec is
cached on its content (builder, inputs, summary): a run that draws the same chart again skips
Altair's conversion (JSON-schema validation, deep copies: 10-20 ms a chart), and with a `Plot`
the building too."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

# Streamlit's own conversion (theme, Arrow datasets): the spec st.altair_chart would send.
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from components.chart_export import chart_png, chart_svg, file_stem
from components.downloads import csv_bytes
from components.i18n import t


@dataclass(frozen=True)
class Plot:
    """A chart not built yet: a pure builder and its inputs, built only when its spec is not
    cached (or its PNG or SVG is asked for)."""

    builder: Callable[..., alt.TopLevelMixin]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def build(self) -> alt.TopLevelMixin:
        """The Altair chart."""
        return self.builder(*self.args, **self.kwargs)


def plot(builder: Callable[..., alt.TopLevelMixin], /, *args: Any, **kwargs: Any) -> Plot:
    """`builder(*args, **kwargs)`, built only when needed: show_chart(plot(growth_chart, ...))."""
    return Plot(builder, args, kwargs)


@dataclass(frozen=True)
class ChartFile:
    """One download of a chart: its kind (csv, png, svg), name, type and maker."""

    kind: str
    name: str
    mime: str
    make: Callable[[], bytes]


def _built(chart: alt.TopLevelMixin | Plot) -> alt.TopLevelMixin:
    return chart.build() if isinstance(chart, Plot) else chart


def chart_files(chart: alt.TopLevelMixin | Plot, summary: str, table: pd.DataFrame,
                stem: str) -> tuple[ChartFile, ...]:
    """The chart's files, each made only when asked for (a PNG or SVG costs ~0.1 s to draw),
    by pure makers: a download button runs them in another thread, without session state."""
    return (ChartFile("csv", f"{stem}.csv", "text/csv", lambda: csv_bytes(table)),
            ChartFile("png", f"{stem}.png", "image/png",
                      lambda: chart_png(_built(chart), summary)),
            ChartFile("svg", f"{stem}.svg", "image/svg+xml",
                      lambda: chart_svg(_built(chart), summary).encode("utf-8")))


def _content(digest: bytes) -> bytes:  # what a frame pickles to in a fingerprint
    return digest


class _ContentPickler(pickle.Pickler):
    """Pickles a DataFrame or Series by its content: a frame just read and the same frame
    from the cache (unpickled) may differ in memory layout, hence in pickled bytes."""

    def reducer_override(self, obj: Any) -> Any:
        if not isinstance(obj, pd.DataFrame | pd.Series):
            return NotImplemented
        try:
            rows = pd.util.hash_pandas_object(obj, index=True).to_numpy().tobytes()
        except TypeError:
            return NotImplemented
        shape = (list(obj.columns), [str(d) for d in obj.dtypes]) if isinstance(
            obj, pd.DataFrame) else (obj.name, str(obj.dtype))
        return _content, (repr((type(obj).__name__, shape, list(obj.index.names))).encode()
                          + rows,)


def fingerprint(chart: alt.TopLevelMixin | Plot) -> str | None:
    """A digest of what the chart draws: its builder and inputs, or the built chart (data
    included); None when it cannot be pickled (then it is converted on every run)."""
    what = (chart.builder, chart.args, sorted(chart.kwargs.items())) if isinstance(
        chart, Plot) else chart
    buffer = io.BytesIO()
    try:
        _ContentPickler(buffer, protocol=5).dump(what)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return hashlib.blake2b(buffer.getvalue(), digest_size=20).hexdigest()


class _Unvalidated:
    """A chart whose to_dict skips Altair's JSON-schema validation (the builders' tests and
    the PNG/SVG exports validate): about half the cost of converting a chart."""

    def __init__(self, chart: alt.TopLevelMixin) -> None:
        self.chart = chart

    def to_dict(self) -> dict[str, Any]:
        spec: dict[str, Any] = self.chart.to_dict(validate=False)
        return spec


def _convert(chart: alt.TopLevelMixin | Plot, summary: str) -> dict[str, Any]:
    unvalidated: Any = _Unvalidated(_built(chart))  # converted as st.altair_chart converts
    spec: dict[str, Any] = _convert_altair_to_vega_lite_spec(unvalidated)
    # The summary as the chart's description, as chart.properties(description=...) would set
    # it, without copying the whole chart for it.
    return {**spec, "description": summary}


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_spec(digest: str, summary: str, _chart: alt.TopLevelMixin | Plot) -> dict[str, Any]:
    # Keyed on the digest of the chart's content and its summary (the description): the same
    # chart of any page, session or language hits; cleared with the other cached reads.
    return _convert(_chart, summary)


def chart_spec(chart: alt.TopLevelMixin | Plot, summary: str) -> dict[str, Any]:
    """The Vega-Lite spec (Arrow datasets) st.altair_chart would draw, described by the
    summary, from the cache when the same chart was drawn before."""
    digest = fingerprint(chart)
    return _convert(chart, summary) if digest is None else _cached_spec(digest, summary, chart)


def show_chart(chart: alt.TopLevelMixin | Plot, *, summary: str, table: pd.DataFrame,
               name: str | None = None) -> None:
    """Draw a chart whose summary is also its accessible description (WCAG 1.1.1), followed by
    the summary as text and, behind an expander, the chart's data as a table and the chart's
    downloads. `name` is the files' name (default: from the table's headings). A `Plot` is
    built only when its spec is not cached."""
    # A shallow copy: Streamlit takes the datasets out of the dict it is given.
    st.vega_lite_chart(spec=dict(chart_spec(chart, summary)), width="stretch", alt=summary)
    st.caption(summary)
    with st.expander(t("chart.data"), icon=":material/table:"):
        st.dataframe(table, hide_index=True, width="stretch")
        stem = file_stem(name or " ".join(str(c) for c in table.columns))
        # Two charts of a page may share headings: their summaries (and figures) differ.
        digest = hashlib.sha256(summary.encode("utf-8")).hexdigest()[:8]
        row = st.container(horizontal=True)
        for file in chart_files(chart, summary, table, stem):
            row.download_button(t(f"chart_export.{file.kind}"), file.make, file_name=file.name,
                                mime=file.mime, key=f"chart_{file.kind}_{stem}_{digest}",
                                help=t(f"chart_export.{file.kind}_help"), on_click="ignore",
                                icon=":material/download:")
