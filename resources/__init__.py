"""Files the app ships beside its code: translations, the application icon, the desktop entry.

They live inside this package so that a wheel carries them (as package data) and are found
through importlib.resources, never through a path relative to the checkout.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

APP_ID = "subscriptions-admin"

# A zipped install has no file for Qt to open: as_file() extracts a copy, kept until the process exits.
_extracted = ExitStack()
atexit.register(_extracted.close)


@cache
def resource_path(*parts: str) -> Path:
    """A real file for one shipped resource, e.g. resource_path("translations", "subscriptions_ru.qm").

    Cached: the tray redraws its icon on every unread change, and each extraction would stay until exit.
    """
    resource = files(__name__)
    for part in parts:
        resource = resource / part
    return _extracted.enter_context(as_file(resource))


def translation_file(language: str) -> Path:
    return resource_path("translations", f"subscriptions_{language}.qm")


def icon_file() -> Path:
    """The application icon, a scalable drawing: the tray badge and the window icon are rendered from it."""
    return resource_path("icons", f"{APP_ID}.svg")
