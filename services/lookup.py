"""Find what an operator types: a customer by name, email or id, a subscription or error item by id."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.tables import ErrorItem, Subscription
from services.customers import CustomerInfo, CustomerService
from services.subject_owners import CustomerRef, customers_of

_ID = re.compile(r"[0-9]{1,18}")


@dataclass(frozen=True)
class Found:
    subject_type: str  # customer | subscription | error_item
    subject_id: int
    customer: CustomerInfo | None = None  # the customer found, for a customer
    owner: CustomerRef | None = None  # whose subscription or error item it is


def find_subjects(customers: CustomerService, text: str, limit: int = 20) -> list[Found]:
    """Customers first (at most ``limit``), then the subscription and the error item with the typed id."""
    found = [Found("customer", c.id, c) for c in customers.search(text, limit)]
    digits = text.strip().lstrip("#")
    if _ID.fullmatch(digits):
        number = int(digits)
        subjects = []
        if Subscription.get_or_none(Subscription.id == number) is not None:
            subjects.append(("subscription", number))
        if ErrorItem.get_or_none(ErrorItem.id == number) is not None:
            subjects.append(("error_item", number))
        owners = customers_of(subjects)
        found += [Found(kind, number, owner=owners.get((kind, number))) for kind, number in subjects]
    return found
