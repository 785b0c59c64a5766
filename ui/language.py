"""The interface language: which one the operator chose, and the translators that speak it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from resources import translation_file

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ru": "Русский"}


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install what a language needs and return the translators, so a caller can remove them again.

    English is the source language, yet it still loads subscriptions_en.qm: that file holds the
    English plural forms ("1 row" / "2 rows" for "%n row(s)"). Other languages load their own .qm
    and Qt's qtbase translation for standard dialog buttons, skipped quietly when Qt ships none.
    """
    language = language or "en"
    installed = []
    ours = QTranslator(app)
    if ours.load(str(translation_file(language))):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation for %r", language)
    if language != "en":
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    return installed


def chosen_language(qsettings: QSettings) -> str:
    value = qsettings.value("ui/language", "")
    if value in LANGUAGES:
        return str(value)
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"
