"""A customer with one of everything their page shows: a wallet, a subscription and its invoice, a top-up,
a refund of part of it, usage this period, an open error item (a top-up the gateway never answered), a note."""

from __future__ import annotations

from dataclasses import dataclass

from models.tables import ErrorItem
from services.auth import SYSTEM, Actor

ADMIN = Actor("alice", "admin", 1)


@dataclass(frozen=True)
class FullCustomer:
    customer_id: int
    wallet_id: int
    subscription_id: int
    topup_id: int
    refund_id: int
    failed_topup_id: int
    error_item_id: int
    note_id: int


def set_up_full_customer(core, name: str = "Omar Tanaka", email: str = "omar.tanaka@example.net") -> FullCustomer:
    features = core.features
    features.create_plan(ADMIN, "cloud", "Cloud", 1500)
    features.create_feature(ADMIN, "storage", "Storage", "usage", unit="GB")
    features.set_plan_feature(ADMIN, "cloud", "storage", pricing="flat", unit_price_minor=25)
    clock = core.clock  # a minute between steps, so the timeline has one order
    customer = core.customers.create_customer(ADMIN, name, email)
    clock.advance(minutes=1)
    topup = core.payments.top_up(ADMIN, customer.id, "40.00", reason="first top-up")
    clock.advance(minutes=1)
    subscription = core.subscriptions.subscribe(ADMIN, customer.id, "cloud")
    clock.advance(minutes=1)
    refund = core.payments.refund_topup(ADMIN, topup.id, "5.00", "customer asked")
    clock.advance(minutes=1)
    features.record_usage(ADMIN, subscription.id, "storage", 12)
    core.settings.update(SYSTEM, {"gateway.outage": True}, action="gateway.configure")
    clock.advance(minutes=1)
    failed = core.payments.top_up(ADMIN, customer.id, "7.00")
    core.settings.update(SYSTEM, {"gateway.outage": False}, action="gateway.configure")
    item = ErrorItem.get((ErrorItem.subject_type == "topup") & (ErrorItem.subject_id == failed.id))
    clock.advance(minutes=1)
    note = core.customers.add_note(ADMIN, customer.id, "Prefers email; call only after 17:00.")
    clock.advance(minutes=1)
    return FullCustomer(customer.id, topup.wallet_id, subscription.id, topup.id, refund.id, failed.id, item.id, note.id)
