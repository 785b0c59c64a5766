"""A customer's saved cards: references to cards the payment gateway holds, never card numbers.

An operator saves one the gateway knows (its test cards: ``services.gateway.TEST_CARDS``), for the
automatic top-up to charge; removing it keeps the row (top-ups point at it) and turns off a rule that
charged it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import IntegrityError

from models.db import for_update, write_attempts
from models.tables import AutoTopUpRule, PaymentCard
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.circuit import CircuitBreaker
from services.clock import Clock
from services.customers import find_customer
from services.errors import Conflict, NotFound
from services.gateway import FakeGateway
from services.validation import MAX_REASON, check_id, check_text

CARD_REMOVED = "its card was removed"  # the reason a rule whose card was removed is off


@dataclass(frozen=True)
class CardInfo:
    id: int
    customer_id: int
    token: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    created_at: datetime
    removed_at: datetime | None


def card_info(row: PaymentCard) -> CardInfo:
    return CardInfo(
        row.id,
        row.customer_id,
        row.token,
        row.brand,
        row.last4,
        row.exp_month,
        row.exp_year,
        row.created_at,
        row.removed_at,
    )


def _reason(reason) -> str:
    return check_text(reason or "", "reason", max_length=MAX_REASON)


class PaymentCardService:
    def __init__(self, clock: Clock, gateway: FakeGateway, circuit: CircuitBreaker) -> None:
        self.clock = clock
        self.gateway = gateway
        self.circuit = circuit

    def add_card(self, actor: Actor, email_or_id, token, reason: str = "") -> CardInfo:
        """Save a card reference for the customer, as the gateway describes it. Asks the gateway first
        (outside any transaction), so a reference it does not know writes nothing."""
        require(actor, "customer.edit")
        reason = _reason(reason)
        customer = find_customer(email_or_id)
        details = self.circuit.call(self.gateway.card_details, token)
        now = self.clock.now()
        try:
            for attempt in write_attempts():
                with attempt:
                    publish_changes(Kind.CUSTOMER, Kind.AUDIT)
                    row = PaymentCard.create(
                        customer=customer.id,
                        token=details.token,
                        brand=details.brand,
                        last4=details.last4,
                        exp_month=details.exp_month,
                        exp_year=details.exp_year,
                        created_at=now,
                    )
                    record_audit(
                        self.clock,
                        actor.name,
                        "card.add",
                        "customer",
                        customer.id,
                        after={"card_id": row.id, "brand": row.brand, "last4": row.last4},
                        reason=reason,
                    )
        except IntegrityError:
            raise Conflict(
                "{email} already has the card {last4} saved", email=customer.email, last4=details.last4
            ) from None
        return card_info(row)

    def remove_card(self, actor: Actor, card_id, reason: str = "") -> CardInfo:
        """Forget a saved card; a rule that charged it is turned off (it says why)."""
        require(actor, "customer.edit")
        card_id = check_id(card_id, "card")
        reason = _reason(reason)
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.CUSTOMER, Kind.AUDIT)
                row = for_update(PaymentCard.select().where(PaymentCard.id == card_id)).first()
                if row is None or row.removed_at is not None:
                    raise NotFound("no saved card #{card_id}", card_id=card_id)
                now = self.clock.now()
                row.removed_at = now
                row.save(only=[PaymentCard.removed_at])
                turned_off = [
                    r.id
                    for r in AutoTopUpRule.select(AutoTopUpRule.id).where(
                        (AutoTopUpRule.card == card_id) & AutoTopUpRule.active
                    )
                ]
                if turned_off:
                    AutoTopUpRule.update(active=False, turned_off_reason=CARD_REMOVED, updated_at=now).where(
                        AutoTopUpRule.id.in_(turned_off)
                    ).execute()
                record_audit(
                    self.clock,
                    actor.name,
                    "card.remove",
                    "customer",
                    row.customer_id,
                    before={"card_id": row.id, "brand": row.brand, "last4": row.last4},
                    after={"rules_turned_off": turned_off},
                    reason=reason,
                )
        return card_info(row)

    def cards(self, email_or_id, *, include_removed: bool = False) -> list[CardInfo]:
        customer = find_customer(email_or_id)
        query = PaymentCard.select().where(PaymentCard.customer == customer.id)
        if not include_removed:
            query = query.where(PaymentCard.removed_at.is_null())
        return [card_info(row) for row in query.order_by(PaymentCard.id)]
