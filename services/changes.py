"""What an operation changed, by kind of thing, so that whatever shows those kinds reloads and nothing else.

An operator's action and a scheduled job each say what they touch: the desktop reloads
the pages that show one of those kinds, at once when they are on screen and when next
shown otherwise. The kinds are coarse on purpose: a page asks "did anything I show
change?", not "which row?".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    CUSTOMER = "customer"
    WALLET = "wallet"  # balances and their ledger: top-ups, charges, refunds, adjustments
    SUBSCRIPTION = "subscription"  # states, periods, reminders and recorded usage
    INVOICE = "invoice"  # invoices, what is owed on them, credit notes
    PLAN = "plan"  # plans, features and what each plan grants
    ERROR_ITEM = "error_item"  # the error queue
    NOTIFICATION = "notification"  # read or unread; a new notification arrives on its own as it is posted
    SETTINGS = "settings"
    AUDIT = "audit"  # the audit log: every operator action adds to it


@dataclass(frozen=True)
class Changes:
    """The kinds of things one operation touched; empty when it touched nothing anyone shows."""

    kinds: frozenset[Kind] = frozenset()

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        return cls(frozenset(kinds))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def touches(self, kinds: Iterable[Kind]) -> bool:
        """True when any of ``kinds`` (say, what a page shows) is among the changed ones."""
        return not self.kinds.isdisjoint(kinds)


NO_CHANGES = Changes()
