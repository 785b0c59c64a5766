"""Roles in the operator's words: a role's name, why a control is greyed out, and the notice a page
shows beside its greyed-out actions. Which role an action needs is services.permissions' answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.permissions import Refusal, roles_in_order
from ui.pages.words import role_text


def role_refusal_text(role: str, refusal: Refusal) -> str:
    """The hover text of one control the role may not use."""
    translate = QCoreApplication.translate
    if refusal.needed_role is None:
        return translate("Roles", "No role may do this.")
    return (
        translate("Roles", "Your role (%1) may not do this; it needs the %2 role. Ask an administrator.")
        .replace("%1", role_text(role))
        .replace("%2", role_text(refusal.needed_role))
    )


def role_notice_text(role: str, needed: set[str]) -> str:
    """What a page says in plain sight about its greyed-out actions."""
    translate = QCoreApplication.translate
    names = [role_text(each) for each in roles_in_order({each for each in needed if each})]
    if not names:
        return translate("Roles", "Greyed-out actions here are not available to any role.")
    if len(names) == 1:
        text = translate(
            "Roles",
            "Signed in as %1: the greyed-out actions here need the %2 role. Ask an administrator if you need them.",
        )
    else:
        text = translate(
            "Roles",
            "Signed in as %1: the greyed-out actions here need the %2 or %3 role. "
            "Ask an administrator if you need them.",
        )
    text = text.replace("%1", role_text(role))
    for number, name in enumerate(names[:2], start=2):
        text = text.replace(f"%{number}", name)
    return text
