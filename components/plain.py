"""User text inside our own markdown (a heading, a detail line) shown as plain text."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; Streamlit's own
# directives (:red[...], :material/x:, $math$) start with punctuation too, so all are escaped.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain(text: object) -> str:
    """Text that markdown shows exactly as typed, on one line: no emphasis, link, HTML, icon,
    colour or formula can come out of what a user typed."""
    one_line = " ".join(str(text).split())
    return _PUNCTUATION.sub(r"\\\1", one_line)
