"""Stored text where Qt guesses the format: a tooltip renders anything that looks like HTML."""

from __future__ import annotations

import html

from PySide6 import QtGui


def plain_tooltip(text: str | None) -> str | None:
    """``text`` as a tooltip shows it: escaped inside markup of our own when Qt would read it as HTML."""
    if not text:
        return None
    if not QtGui.Qt.mightBeRichText(text):  # Qt's own guess, the one a tooltip makes
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
