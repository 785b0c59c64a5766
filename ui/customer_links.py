"""Links to a customer: what an id (a wallet, a top-up, a subscription, an error item) reads as
wherever it is shown, and how activating one opens that customer's page.

A detail pane writes ``customer_anchor(ref)`` into its HTML and connects its browser's
``anchorClicked`` to ``follow_customer_link``; a table keeps the customer's id in its
record and calls ``open_customer`` when a row's customer is activated.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

from services.subject_owners import CustomerRef

SCHEME = "customer"


def customer_href(customer_id: int) -> str:
    return f"{SCHEME}:{int(customer_id)}"


def customer_anchor(ref: CustomerRef | None, fallback: str = "") -> str:
    """HTML: the customer's name (escaped) linking to their page; ``fallback`` (plain text) when unknown."""
    if ref is None:
        return html.escape(fallback)
    return f"<a href='{customer_href(ref.id)}'>{html.escape(ref.name)}</a>"


def customer_of_link(url: QUrl | str) -> int | None:
    """The customer id a ``customer:ID`` link names, or None for any other link."""
    text = url.toString() if isinstance(url, QUrl) else str(url)
    scheme, _, rest = text.partition(":")
    if scheme == SCHEME and rest.isascii() and rest.isdigit() and len(rest) <= 18:
        return int(rest)
    return None


def open_customer(widget: QWidget, customer_id: int) -> bool:
    """Open the page of this customer in the main window that holds ``widget``; False outside one."""
    from ui.main_window import MainWindow

    window: QWidget | None = widget.window()
    while window is not None and not isinstance(window, MainWindow):
        parent = window.parentWidget()  # a dialog over the main window
        window = parent.window() if parent is not None else None
    if not isinstance(window, MainWindow):
        return False
    window.open_subject("customer", customer_id)
    return True


def follow_customer_link(widget: QWidget, url: QUrl | str) -> bool:
    """For a browser's ``anchorClicked``: open the customer a ``customer:ID`` link names. False for another link."""
    customer_id = customer_of_link(url)
    return customer_id is not None and open_customer(widget, customer_id)
