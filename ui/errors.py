"""One place turns an exception into what the operator sees."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from services.errors import DomainError

log = logging.getLogger("ui")


def log_unexpected(error: BaseException) -> None:
    text = getattr(error, "__traceback_text__", None)
    if text:
        log.error("unexpected error: %s\n%s", error, text)
    else:
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))


def describe(error: BaseException) -> str:
    """The sentence for the operator. Known refusals speak for themselves; bugs do not leak."""
    if isinstance(error, DomainError):
        return error.message
    log_unexpected(error)
    return QCoreApplication.translate("ErrorDialog",
                                      "Something unexpected went wrong. The details were written to the log.")


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(error, DomainError) else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorDialog", "Not done"))
    box.setText(describe(error))
    box.setObjectName("errorBox")
    box.open()
