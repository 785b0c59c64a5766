"""Money in and out through the gateway: top-ups, refunds, balance adjustments.

Each gateway call runs outside any database transaction, between two short
ones: the intent (with its idempotency key) is committed first, the outcome
after. A crash or timeout in between leaves a row the retry queue or the
janitor reconciles by asking the gateway about that same key.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import IntegrityError, fn

from models.db import for_update, write_attempts, write_transaction
from models.tables import ErrorItem, LedgerEntry, PaymentCard, Refund, TopUp, Wallet
from services import notice_events
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.circuit import CircuitBreaker
from services.clock import Clock
from services.customer_notices import stage_notices
from services.customers import find_customer, get_or_create_wallet
from services.error_items import ErrorItemInfo
from services.errors import (
    Amount,
    Conflict,
    ContradictingOutcome,
    GatewayDeclined,
    GatewayError,
    NotFound,
    Term,
    ValidationError,
)
from services.gateway import FakeGateway
from services.invoices import CHARGE_ENTRY_KINDS, collect_owed, invoice_paid_by, issue_credit_note
from services.invoices import credited_minor as invoice_credited
from services.invoices import paid_minor as invoice_paid
from services.ledger import lock_wallet, post_entry
from services.money import MAX_MINOR, check_currency, check_minor, format_minor, parse_amount
from services.notifications import NotificationCenter
from services.renewals import RenewalService
from services.retries import RetryManager
from services.validation import MAX_REASON, check_id, check_text, clean_idempotency_key

log = logging.getLogger(__name__)

SETTLED = ("succeeded", "failed")
UNSETTLED = ("pending", "retrying")
# A payment with no recorded outcome and no open error item after this long is reconciled by key.
RECONCILE_AFTER = timedelta(seconds=60)
# Keys are stored with a prefix ("topup:", "refund:", "adjust:") in columns of 200 characters.
MAX_PAYMENT_KEY = 120
# How long a processor remembers an idempotency key. Within it, a request under a key it has seen gets the
# first request's answer back (Stripe keeps keys at least 24 hours, then may prune them). Past it, the payment
# is looked up in the processor's records (which outlive the key) before it is sent again: sent to a processor
# that forgot the key, it would charge (or refund) twice.
KEY_REPLAY_WINDOW = timedelta(hours=24)
# The error classes of answers that say the request was not processed (a 5xx, an outage, the breaker, a rate
# limit): whatever happened under the key before, sending it again under the same key returns it.
NOT_PROCESSED = ("transient", "predictable")


def _look_up_first(error_class: str | None, key_first_sent: datetime, now: datetime) -> bool:
    """Whether a payment is settled by asking the gateway about its key before sending it again.

    Sending it again under the same key is one call and, by the key's contract, returns the first
    request's outcome if there was one. The question comes first where the design asks for it: when
    the last call's outcome is unknown (a timeout after the request was sent), when nothing was
    recorded at all (``error_class`` None: the sweep after a crash), after a permanent answer (an
    operator's retry of a manual item), and when the processor may have forgotten the key.
    """
    return error_class not in NOT_PROCESSED or now - key_first_sent >= KEY_REPLAY_WINDOW


@dataclass(frozen=True)
class TopUpInfo:
    id: int
    wallet_id: int
    amount_minor: int
    currency: str
    status: str
    gateway_charge_id: str | None
    refunded_minor: int
    error: str | None
    idempotency_key: str
    created_at: datetime
    renewed: int = 0


@dataclass(frozen=True)
class RefundInfo:
    id: int
    kind: str
    wallet_id: int
    amount_minor: int
    status: str
    gateway_refund_id: str | None
    error: str | None
    created_at: datetime


def _topup_info(row: TopUp, renewed: int = 0) -> TopUpInfo:
    return TopUpInfo(
        row.id,
        row.wallet_id,
        row.amount_minor,
        row.currency,
        row.status,
        row.gateway_charge_id,
        row.refunded_minor,
        row.error,
        row.idempotency_key,
        row.created_at,
        renewed,
    )


def _refund_info(row: Refund) -> RefundInfo:
    return RefundInfo(
        row.id, row.kind, row.wallet_id, row.amount_minor, row.status, row.gateway_refund_id, row.error, row.created_at
    )


def _topup_params(row: TopUp) -> dict:
    """What a top-up's notification says, for a desk to render in its operator's language."""
    return {"topup_id": row.id, "wallet_id": row.wallet_id, "amount_minor": row.amount_minor, "currency": row.currency}


def _refund_params(row: Refund) -> dict:
    currency = Wallet.select(Wallet.currency).where(Wallet.id == row.wallet_id).scalar()
    return {"refund_id": row.id, "wallet_id": row.wallet_id, "amount_minor": row.amount_minor, "currency": currency}


def _amount(value, currency: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return check_minor(value)
    return parse_amount(value, currency)


def _request_key(key: object) -> str:
    """The caller's idempotency key, or a new one when it gave none."""
    return clean_idempotency_key(key, max_length=MAX_PAYMENT_KEY) or uuid.uuid4().hex


class PaymentService:
    def __init__(
        self,
        clock: Clock,
        gateway: FakeGateway,
        circuit: CircuitBreaker,
        retries: RetryManager,
        notifications: NotificationCenter,
        renewals: RenewalService,
    ) -> None:
        self.clock = clock
        self.gateway = gateway
        self.circuit = circuit
        self.retries = retries
        self.notifications = notifications
        self.renewals = renewals
        retries.register("topup", self._retry_topup, uses_gateway=True, before_close=self._close_topup)
        retries.register("refund", self._retry_refund, uses_gateway=True, urgent=True, before_close=self._close_refund)

    # --- top-ups -----------------------------------------------------------------

    def top_up(
        self,
        actor: Actor,
        email_or_id,
        amount,
        currency: str | None = None,
        *,
        idempotency_key: str | None = None,
        reason: str = "",
        card_id: int | None = None,
    ) -> TopUpInfo:
        """Charge the customer's card and credit the wallet once the gateway says yes.

        ``card_id``: one of the customer's saved cards to charge (an automatic top-up rule's); None
        charges the card the gateway holds on file for the customer. The customer's notice of the
        credit says whether a rule asked for it.

        Every check that can refuse the top-up runs before the card is charged. A
        key is bound to its request: the same customer, amount, currency and card replay
        the first top-up; anything else under that key is refused (Conflict).
        """
        require(actor, "topup")
        customer = find_customer(email_or_id)
        if card_id is not None:
            card_id = check_id(card_id, "card")
        if currency is None:
            first = Wallet.select().where(Wallet.customer == customer.id).order_by(Wallet.id).first()
            currency = first.currency if first else "USD"
        currency = check_currency(currency)
        amount_minor = _amount(amount, currency)
        key = _request_key(idempotency_key)
        now = self.clock.now()
        try:
            for attempt in write_attempts():
                with attempt:
                    publish_changes(Kind.WALLET)
                    existing = TopUp.get_or_none(TopUp.idempotency_key == key)
                    if existing is None:
                        if card_id is not None:
                            _check_saved_card(card_id, customer.id)
                        wallet = get_or_create_wallet(customer.id, currency, self.clock)
                        wallet = lock_wallet(wallet.id)
                        _check_headroom(wallet, amount_minor)
                        row = TopUp.create(
                            wallet=wallet.id,
                            amount_minor=amount_minor,
                            currency=currency,
                            idempotency_key=key,
                            status="pending",
                            actor=actor.name,
                            created_at=now,
                            updated_at=now,
                            card=card_id,
                        )
                        record_audit(
                            self.clock,
                            actor.name,
                            "topup",
                            "topup",
                            row.id,
                            after={"customer": customer.email, "amount_minor": amount_minor, "currency": currency},
                            reason=reason,
                        )
        except IntegrityError:
            existing = TopUp.get(TopUp.idempotency_key == key)
        if existing is not None:
            _same_topup(existing, key, customer.id, amount_minor, currency, card_id)
            if existing.status == "pending" and existing.updated_at <= now - RECONCILE_AFTER:
                return self._reconcile_topup(existing.id)  # a crash left it without an outcome
            return _topup_info(existing)
        return self._charge_topup(row.id, customer.id)

    def _charge_topup(self, topup_id: int, customer_id: int) -> TopUpInfo:
        row = TopUp.get_by_id(topup_id)
        try:
            charge = self.circuit.call(
                self.gateway.charge,
                row.amount_minor,
                row.currency,
                f"cus_{customer_id}",
                f"topup:{row.idempotency_key}",
                payment_method=_payment_method(row),
            )
        except GatewayDeclined as error:
            return self._fail_topup(row.id, error)
        except GatewayError as error:
            return self._queue_topup(row.id, error)
        return self._credit_topup(row.id, charge.charge_id)

    def _credit_topup(self, topup_id: int, charge_id: str, *, settle_item: bool = True) -> TopUpInfo:
        """Credit the wallet for a charge the gateway took, then collect what the wallet owes.

        ``settle_item``: close the top-up's open error item; False when the retry runner holds that
        item and resolves it itself, in the write that records the attempt."""
        credited = contradicted = False
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
                row = for_update(TopUp.select().where(TopUp.id == topup_id)).get()
                if row.status == "failed":
                    contradicted = True  # its outcome was settled; a settled top-up never changes outcome
                elif row.status != "succeeded":
                    post_entry(
                        self.clock,
                        row.wallet_id,
                        "topup",
                        row.amount_minor,
                        f"topup:{row.id}",
                        actor=row.actor,
                        ref=("topup", row.id),
                        note=f"card charge {charge_id}",
                    )
                    row.status, row.gateway_charge_id, row.error = "succeeded", charge_id, None
                    row.updated_at = self.clock.now()
                    row.save(only=row.dirty_fields)
                    collect_owed(self.clock, row.wallet_id, "system")
                    self._stage_topup_credited(row)
                    credited = True
        if contradicted:
            self._report_contradiction(
                "topup",
                row.id,
                row.amount_minor,
                row.currency,
                f"top-up #{row.id} was settled as failed ({row.error or 'no reason recorded'}), but the gateway "
                f"holds charge {charge_id} of {format_minor(row.amount_minor, row.currency)} {row.currency} "
                f"for it: the card was charged and the wallet was not credited",
                {"topup_id": row.id, "recorded_status": row.status, "gateway_charge_id": charge_id},
            )
            return _topup_info(row)
        renewed = 0
        if credited and settle_item:
            self.retries.settle_subject("topup", "topup", row.id, "the charge went through")
            summary = self.renewals.activate_pending_for_wallet(row.wallet_id)
            renewed = summary["renewed"]
            self.notifications.post(
                "topup_succeeded",
                f"Top-up of {format_minor(row.amount_minor, row.currency, symbol=True)} credited",
                f"Wallet #{row.wallet_id}" + (f"; {renewed} subscription(s) renewed" if renewed else ""),
                subject=("wallet", row.wallet_id),
                dedup_key=f"topup_succeeded:{row.id}",
                params={**_topup_params(row), "renewed": renewed},
            )
        return _topup_info(row, renewed)

    def _stage_topup_credited(self, row: TopUp) -> None:
        """The customer's notice of the credit, in the credit's transaction (after its ledger entry)."""
        wallet = Wallet.get_by_id(row.wallet_id)
        draft = notice_events.topup_credited(
            wallet.customer_id,
            topup_id=row.id,
            amount_minor=row.amount_minor,
            balance_minor=wallet.balance_minor,
            currency=row.currency,
            automatic=row.card_id is not None,  # a saved card is charged by an automatic top-up rule
        )
        stage_notices([draft], self.clock.now())

    def _fail_topup(self, topup_id: int, error: GatewayDeclined, *, settle_item: bool = True) -> TopUpInfo:
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
                row = for_update(TopUp.select().where(TopUp.id == topup_id)).get()
                if row.status == "succeeded":
                    return _topup_info(row)
                row.status, row.error, row.updated_at = "failed", error.message, self.clock.now()
                row.save()
        if settle_item:
            self.retries.settle_subject("topup", "topup", row.id, f"declined: {error.message}")
        self.notifications.post(
            "topup_failed",
            f"Top-up of {format_minor(row.amount_minor, row.currency, symbol=True)} declined",
            error.message,
            subject=("wallet", row.wallet_id),
            dedup_key=f"topup_failed:{row.id}",
            params={**_topup_params(row), "reason": error.message, "retrying": False},
        )
        return _topup_info(row)

    def _queue_topup(self, topup_id: int, error: GatewayError) -> TopUpInfo:
        with write_transaction():
            publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
            row = for_update(TopUp.select().where(TopUp.id == topup_id)).get()
            if row.status in SETTLED:
                return _topup_info(row)
            row.status, row.error, row.updated_at = "retrying", error.message, self.clock.now()
            row.save()
            # In the same transaction: a crash must not leave a 'retrying' top-up that no queue item tracks.
            self.retries.record_failure(
                "topup",
                "topup",
                row.id,
                error,
                amount_minor=row.amount_minor,
                context={
                    "wallet_id": row.wallet_id,
                    "amount_minor": row.amount_minor,
                    "currency": row.currency,
                    "idempotency_key": f"topup:{row.idempotency_key}",
                },
            )
        # Every failed payment is news at once, not only the breaker opening after several.
        try:
            self.notifications.post(
                "topup_failed",
                f"Top-up of {format_minor(row.amount_minor, row.currency, symbol=True)} did not go through",
                f"{error.message}. It is queued for retry.",
                subject=("topup", row.id),
                dedup_key=f"topup_delayed:{row.id}",
                params={**_topup_params(row), "reason": error.message, "retrying": True},
            )
        except Exception:
            log.exception("could not post the notice for top-up #%d queued for retry", row.id)
        return _topup_info(row)

    def _retry_topup(self, item: ErrorItemInfo) -> str:
        """Charge again, only with the same key (asking the gateway about it first where
        ``_look_up_first`` says so)."""
        row = TopUp.get_or_none(TopUp.id == item.subject_id)
        if row is None:
            raise NotFound("top-up #{item_subject_id} no longer exists", item_subject_id=item.subject_id)
        if row.status in SETTLED:
            return f"top-up already {row.status}"
        try:
            # The runner holds this item and resolves it with what this returns: no second write to close it.
            return self._settle_topup_by_key(row, item.error_class, settle_item=False)
        except Exception:
            self._settle_item_if_settled(row.id)
            raise

    def _settle_item_if_settled(self, topup_id: int) -> None:
        """A retry raised after its top-up was settled (renewing what waited for the money, say): the
        item is closed as the settled top-up's, so the runner counts the error on a resolved item."""
        try:
            row = TopUp.get_by_id(topup_id)
            if row.status == "succeeded":
                self.retries.settle_subject("topup", "topup", row.id, "the charge went through")
            elif row.status == "failed":
                self.retries.settle_subject("topup", "topup", row.id, f"declined: {row.error}")
        except Exception:
            log.exception("could not close the error item of top-up #%d", topup_id)

    def _settle_topup_by_key(self, row: TopUp, error_class: str | None = None, *, settle_item: bool = True) -> str:
        """Charge with the top-up's own key; when ``_look_up_first`` says so, ask the gateway about
        that key first and charge only if it knows nothing.

        ``error_class``: what the last failed call said (None when nothing was recorded). A charge
        under a key the gateway already saw returns that first charge (or raises its decline).
        Gateway errors propagate (the caller queues or counts them)."""
        key = f"topup:{row.idempotency_key}"
        if _look_up_first(error_class, row.created_at, self.clock.now()):
            known = self.circuit.call(self.gateway.get_charge, key)
            if known is not None and known.status == "succeeded":
                self._credit_topup(row.id, known.charge_id, settle_item=settle_item)
                return f"reconciled: charge {known.charge_id} had gone through"
            if known is not None:
                declined = GatewayDeclined("the card was declined", "card_declined")
                self._fail_topup(row.id, declined, settle_item=settle_item)
                return "reconciled: the charge had been declined"
        customer_id = Wallet.get_by_id(row.wallet_id).customer_id
        try:
            charge = self.circuit.call(
                self.gateway.charge,
                row.amount_minor,
                row.currency,
                f"cus_{customer_id}",
                key,
                payment_method=_payment_method(row),
            )
        except GatewayDeclined as error:
            self._fail_topup(row.id, error, settle_item=settle_item)
            return f"declined: {error.message}"
        self._credit_topup(row.id, charge.charge_id, settle_item=settle_item)
        return f"charged {charge.charge_id}"

    def _reconcile_topup(self, topup_id: int) -> TopUpInfo:
        """A top-up left without an outcome: settle it by its key now, or queue it when the gateway can't say."""
        row = TopUp.get_by_id(topup_id)
        try:
            self._settle_topup_by_key(row)
        except GatewayError as error:
            return self._queue_topup(row.id, error)
        return _topup_info(TopUp.get_by_id(topup_id))

    def _report_contradiction(
        self, subject_type: str, subject_id: int, amount_minor: int, currency: str, message: str, context: dict
    ) -> None:
        """A late gateway answer contradicts a settled outcome: the outcome stands, an operator reconciles."""
        log.error("%s", message)
        self.retries.record_failure(
            "payment_review",
            subject_type,
            subject_id,
            ContradictingOutcome(message),
            amount_minor=amount_minor,
            context={**context, "currency": currency},
        )

    def _close_topup(self, item: ErrorItemInfo) -> None:
        """Before an operator closes a top-up's item: find out from the gateway whether money moved."""
        row = TopUp.get_or_none(TopUp.id == item.subject_id)
        if row is None or row.status in SETTLED:
            return
        try:
            known = self.circuit.call(self.gateway.get_charge, f"topup:{row.idempotency_key}")
        except GatewayError as error:
            raise Conflict(
                "cannot confirm with the gateway whether top-up #{row_id} was charged ({error}); "
                "the item stays open, try again later",
                row_id=row.id,
                error=error,
            ) from None
        if known is not None and known.status == "succeeded":
            self._credit_topup(row.id, known.charge_id)
            raise Conflict(
                "the gateway had taken the charge for top-up #{row_id}: the wallet was credited and the item resolved",
                row_id=row.id,
            )
        with write_transaction():
            publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
            current = for_update(TopUp.select().where(TopUp.id == row.id)).get()
            if current.status not in SETTLED:
                current.status, current.updated_at = "failed", self.clock.now()
                current.error = "closed by an operator; the gateway holds no charge for it"
                current.save()

    def _close_refund(self, item: ErrorItemInfo) -> None:
        """Before an operator closes a refund's item: it was sent, or the money goes back to the wallet."""
        row = Refund.get_or_none(Refund.id == item.subject_id)
        if row is None or row.status in ("succeeded", "failed"):
            return
        try:
            known = self.circuit.call(self.gateway.get_refund, f"refund:{row.idempotency_key}")
        except GatewayError as error:
            raise Conflict(
                "cannot confirm with the gateway whether refund #{row_id} was sent ({error}); "
                "the item stays open, try again later",
                row_id=row.id,
                error=error,
            ) from None
        if known is not None:
            self._complete_refund(row.id, known.refund_id)
            raise Conflict("refund #{row_id} had gone through at the gateway; the item was resolved", row_id=row.id)
        self._reverse_refund(
            row.id, GatewayDeclined("closed by an operator before it was sent", "canceled"), settle_item=False
        )

    def reconcile_unsettled_payments(self, older_than: timedelta = RECONCILE_AFTER) -> dict:
        """The sweep: every top-up and card refund with no recorded outcome and no open error item,
        untouched for ``older_than``, is reconciled with the gateway by its key (and sent with that
        same key if the gateway never saw it); when the gateway cannot answer it goes to the queue.

        Runs at start and with every retry pass, so a crash between the gateway's
        answer and its commit is caught however soon the program restarts.
        """
        cutoff = self.clock.now() - older_than
        topup_ids = [
            r.id
            for r in TopUp.select(TopUp.id).where(
                TopUp.status.in_(UNSETTLED) & (TopUp.updated_at <= cutoff) & TopUp.id.not_in(_open_subjects("topup"))
            )
        ]
        for topup_id in topup_ids:
            outcome = self._reconcile_topup(topup_id).status
            record_audit(
                self.clock,
                "system",
                "payment.reconcile",
                "topup",
                topup_id,
                after={"status": outcome},
                reason="no outcome was recorded; settled by its key",
            )
        refund_ids = [
            r.id
            for r in Refund.select(Refund.id).where(
                (Refund.kind == "topup")
                & Refund.status.in_(UNSETTLED)
                & (Refund.updated_at <= cutoff)
                & Refund.id.not_in(_open_subjects("refund"))
            )
        ]
        for refund_id in refund_ids:
            row = Refund.get_by_id(refund_id)
            try:
                self._settle_refund_by_key(row)
            except GatewayError as error:
                self._queue_refund(row.id, error)
            record_audit(
                self.clock,
                "system",
                "payment.reconcile",
                "refund",
                refund_id,
                after={"status": Refund.get_by_id(refund_id).status},
                reason="no outcome was recorded; settled by its key",
            )
        return {"topups": len(topup_ids), "refunds": len(refund_ids)}

    # --- refunds -----------------------------------------------------------------

    def refund_topup(
        self, actor: Actor, topup_id: int, amount, reason: str, *, idempotency_key: str | None = None
    ) -> RefundInfo:
        """Send part or all of a top-up back to the card; the wallet pays it at once."""
        require(actor, "refund")
        topup_id = check_id(topup_id, "top-up")
        reason = _required_reason(reason)
        key = _request_key(idempotency_key)
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.AUDIT)
                topup = for_update(TopUp.select().where(TopUp.id == topup_id)).first()
                if topup is None:
                    raise NotFound("no top-up #{topup_id}", topup_id=topup_id)
                amount_minor = _amount(amount, topup.currency)
                existing = Refund.get_or_none(Refund.idempotency_key == key)
                if existing is not None:
                    _same_refund(existing, key, "topup", topup.id, amount_minor)
                    return _refund_info(existing)
                if topup.status != "succeeded":
                    raise ValidationError(
                        "top-up #{topup_id} is {topup_status}; only a paid top-up can be refunded",
                        topup_id=topup_id,
                        topup_status=Term(topup.status),
                    )
                left = topup.amount_minor - _refunded_of_topup(topup.id)
                if amount_minor > left:
                    raise Conflict(
                        "at most {left} of top-up #{topup_id} is left to refund",
                        left=Amount(left, topup.currency),
                        topup_id=topup_id,
                    )
                now = self.clock.now()
                row = Refund.create(
                    kind="topup",
                    wallet=topup.wallet_id,
                    topup=topup.id,
                    amount_minor=amount_minor,
                    idempotency_key=key,
                    status="pending",
                    reason=reason,
                    actor=actor.name,
                    created_at=now,
                    updated_at=now,
                )
                post_entry(
                    self.clock,
                    topup.wallet_id,
                    "refund",
                    -amount_minor,
                    f"refund:{row.id}",
                    actor=actor.name,
                    ref=("refund", row.id),
                    note=f"to card, top-up #{topup.id}",
                )
                record_audit(
                    self.clock,
                    actor.name,
                    "refund.topup",
                    "topup",
                    topup.id,
                    after={"refund_id": row.id, "amount_minor": amount_minor},
                    reason=reason,
                )
        return self._send_refund(row.id)

    def _send_refund(self, refund_id: int, attempts_now: int = 2) -> RefundInfo:
        row = Refund.get_by_id(refund_id)
        topup = TopUp.get_by_id(row.topup_id)
        last_error: GatewayError | None = None
        for _ in range(attempts_now):  # a refund owed to a customer is retried at once
            try:
                result = self.circuit.call(
                    self.gateway.refund, topup.gateway_charge_id, row.amount_minor, f"refund:{row.idempotency_key}"
                )
            except GatewayDeclined as error:
                return self._reverse_refund(row.id, error)
            except GatewayError as error:
                last_error = error
                continue
            return self._complete_refund(row.id, result.refund_id)
        assert last_error is not None, "at least one attempt is made, and each that did not return raised"
        return self._queue_refund(row.id, last_error)

    def _complete_refund(self, refund_id: int, gateway_refund_id: str) -> RefundInfo:
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
                row = for_update(Refund.select().where(Refund.id == refund_id)).get()
                # Reversed into the wallet: a settled refund never changes outcome.
                contradicted = row.status == "failed"
                if row.status not in SETTLED:
                    row.status, row.gateway_refund_id, row.error = "succeeded", gateway_refund_id, None
                    row.updated_at = self.clock.now()
                    row.save()
                    TopUp.update(refunded_minor=TopUp.refunded_minor + row.amount_minor).where(
                        TopUp.id == row.topup_id
                    ).execute()
                    wallet = Wallet.get_by_id(row.wallet_id)
                    draft = notice_events.refund_sent(
                        wallet.customer_id,
                        refund_id=row.id,
                        amount_minor=row.amount_minor,
                        currency=wallet.currency,
                        destination="card",
                        credit_note_number=None,
                    )
                    stage_notices([draft], self.clock.now())
        if contradicted:
            currency = Wallet.get_by_id(row.wallet_id).currency
            self._report_contradiction(
                "refund",
                row.id,
                row.amount_minor,
                currency,
                f"refund #{row.id} was settled as refused and its {format_minor(row.amount_minor, currency)} "
                f"{currency} put back into wallet #{row.wallet_id}, but the gateway sent it to the card as "
                f"{gateway_refund_id}: the customer holds the money twice",
                {
                    "refund_id": row.id,
                    "recorded_status": row.status,
                    "gateway_refund_id": gateway_refund_id,
                    "wallet_id": row.wallet_id,
                },
            )
            return _refund_info(row)
        self.retries.settle_subject("refund", "refund", row.id, "refund sent")
        return _refund_info(row)

    def _reverse_refund(self, refund_id: int, error: GatewayDeclined, *, settle_item: bool = True) -> RefundInfo:
        """The processor refused for good: the money goes back into the wallet."""
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
                row = for_update(Refund.select().where(Refund.id == refund_id)).get()
                if row.status in ("succeeded", "failed"):
                    return _refund_info(row)
                post_entry(
                    self.clock,
                    row.wallet_id,
                    "reversal",
                    row.amount_minor,
                    f"refund-reversal:{row.id}",
                    actor="system",
                    ref=("refund", row.id),
                    note=f"refund refused: {error.message}",
                )
                row.status, row.error, row.updated_at = "failed", error.message, self.clock.now()
                row.save()
        if settle_item:
            self.retries.settle_subject("refund", "refund", row.id, f"refused: {error.message}; wallet re-credited")
        self.notifications.post(
            "refund_failed",
            f"Refund #{row.id} was refused by the gateway",
            f"{error.message}. The amount is back in wallet #{row.wallet_id}.",
            subject=("refund", row.id),
            dedup_key=f"refund_failed:{row.id}",
            params={**_refund_params(row), "reason": error.message, "retrying": False},
        )
        return _refund_info(row)

    def _queue_refund(self, refund_id: int, error: GatewayError) -> RefundInfo:
        with write_transaction():
            publish_changes(Kind.WALLET, Kind.ERROR_ITEM)
            row = for_update(Refund.select().where(Refund.id == refund_id)).get()
            if row.status in ("succeeded", "failed"):
                return _refund_info(row)
            row.status, row.error, row.updated_at = "retrying", error.message, self.clock.now()
            row.save()
            # In the same transaction: a crash must not leave a 'retrying' refund that no queue item tracks.
            self.retries.record_failure(
                "refund",
                "refund",
                row.id,
                error,
                amount_minor=row.amount_minor,
                context={
                    "topup_id": row.topup_id,
                    "amount_minor": row.amount_minor,
                    "currency": Wallet.get_by_id(row.wallet_id).currency,
                    "idempotency_key": f"refund:{row.idempotency_key}",
                },
            )
        self.notifications.post(
            "refund_failed",
            f"Refund #{row.id} did not go through yet",
            f"{error.message}. It will be retried.",
            subject=("refund", row.id),
            dedup_key=f"refund_delayed:{row.id}",
            params={**_refund_params(row), "reason": error.message, "retrying": True},
        )
        return _refund_info(row)

    def _retry_refund(self, item: ErrorItemInfo) -> str:
        row = Refund.get_or_none(Refund.id == item.subject_id)
        if row is None:
            raise NotFound("refund #{item_subject_id} no longer exists", item_subject_id=item.subject_id)
        if row.status in ("succeeded", "failed"):
            return f"refund already {row.status}"
        return self._settle_refund_by_key(row, item.error_class)

    def _settle_refund_by_key(self, row: Refund, error_class: str | None = None) -> str:
        """Send the refund with its own key; when ``_look_up_first`` says so, ask the gateway about
        that key first and send it only if it knows nothing.

        Gateway errors propagate (the caller queues or counts them)."""
        key = f"refund:{row.idempotency_key}"
        if _look_up_first(error_class, row.created_at, self.clock.now()):
            known = self.circuit.call(self.gateway.get_refund, key)
            if known is not None:
                self._complete_refund(row.id, known.refund_id)
                return f"reconciled: refund {known.refund_id} had gone through"
        topup = TopUp.get_by_id(row.topup_id)
        try:
            result = self.circuit.call(self.gateway.refund, topup.gateway_charge_id, row.amount_minor, key)
        except GatewayDeclined as error:
            self._reverse_refund(row.id, error)
            return f"refused: {error.message}; wallet re-credited"
        self._complete_refund(row.id, result.refund_id)
        return f"refund {result.refund_id} sent"

    def charge_refund_terms(self, ledger_entry_id) -> ChargeRefundTerms:
        """What can still be refunded of a charge: its invoice's payments minus every credit note
        against it (refunds and proration credits). ``refund_charge`` enforces this same figure."""
        ledger_entry_id = check_id(ledger_entry_id, "charge")
        entry = LedgerEntry.get_or_none(LedgerEntry.id == ledger_entry_id)
        if entry is None or entry.kind not in CHARGE_ENTRY_KINDS:
            raise NotFound("no renewal, usage or proration charge #{ledger_entry_id}", ledger_entry_id=ledger_entry_id)
        invoice = invoice_paid_by(entry.id)
        if invoice is None:
            raise NotFound("charge #{ledger_entry_id} paid no invoice", ledger_entry_id=ledger_entry_id)
        paid, credited = invoice_paid(invoice.id), invoice_credited(invoice.id)
        return ChargeRefundTerms(
            entry.id,
            entry.wallet_id,
            -entry.amount_minor,
            invoice.id,
            invoice.number,
            invoice.currency,
            paid,
            credited,
            max(0, paid - credited),
            entry.created_at,
        )

    def refund_charge(
        self, actor: Actor, ledger_entry_id: int, amount, reason: str, *, idempotency_key: str | None = None
    ) -> RefundInfo:
        """Give back part or all of a charge into the wallet: a credit note against its invoice."""
        require(actor, "refund")
        ledger_entry_id = check_id(ledger_entry_id, "charge")
        reason = _required_reason(reason)
        key = _request_key(idempotency_key)
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.INVOICE, Kind.AUDIT)
                terms = self.charge_refund_terms(ledger_entry_id)
                lock_wallet(terms.wallet_id)
                amount_minor = _amount(amount, terms.currency)
                existing = Refund.get_or_none(Refund.idempotency_key == key)
                if existing is not None:
                    _same_refund(existing, key, "charge", ledger_entry_id, amount_minor)
                    return _refund_info(existing)
                terms = self.charge_refund_terms(ledger_entry_id)  # read again under the wallet's lock
                if amount_minor > terms.left_minor:
                    raise Conflict(
                        "at most {left} of charge #{ledger_entry_id} (invoice {invoice}) is left to refund",
                        left=Amount(terms.left_minor, terms.currency),
                        ledger_entry_id=ledger_entry_id,
                        invoice=terms.invoice_number,
                    )
                now = self.clock.now()
                row = Refund.create(
                    kind="charge",
                    wallet=terms.wallet_id,
                    ledger_entry=ledger_entry_id,
                    amount_minor=amount_minor,
                    idempotency_key=key,
                    status="succeeded",
                    reason=reason,
                    actor=actor.name,
                    created_at=now,
                    updated_at=now,
                )
                note = issue_credit_note(
                    self.clock,
                    terms.invoice_id,
                    amount_minor,
                    "refund",
                    key=f"refund:{row.id}",
                    actor=actor.name,
                    reason=reason,
                    refund_id=row.id,
                )
                assert note is not None, "uncapped, a credit note is issued or Conflict is raised"
                draft = notice_events.refund_sent(
                    Wallet.get_by_id(terms.wallet_id).customer_id,
                    refund_id=row.id,
                    amount_minor=amount_minor,
                    currency=terms.currency,
                    destination="wallet",
                    credit_note_number=note.number,
                )
                stage_notices([draft], now)
                record_audit(
                    self.clock,
                    actor.name,
                    "refund.charge",
                    "ledger_entry",
                    ledger_entry_id,
                    after={"refund_id": row.id, "amount_minor": amount_minor, "credit_note": note.number},
                    reason=reason,
                )
        self.renewals.activate_pending_for_wallet(terms.wallet_id)
        return _refund_info(row)

    def topup_refund_terms(self, wallet_id) -> TopUpRefundTerms:
        """The wallet's paid top-ups with something left to refund to the card, and what it holds now.

        ``refund_topup`` enforces the same figures: at most what is left of the top-up (refunds sent
        or on their way count), and never more than the wallet holds."""
        wallet = Wallet.get_or_none(Wallet.id == check_id(wallet_id, "wallet"))
        if wallet is None:
            raise NotFound("no wallet #{wallet_id}", wallet_id=wallet_id)
        rows = (
            TopUp.select()
            .where((TopUp.wallet == wallet.id) & (TopUp.status == "succeeded"))
            .order_by(TopUp.id.desc())
            .limit(500)
        )
        topups = []
        for row in rows:
            refunded = _refunded_of_topup(row.id)
            if row.amount_minor > refunded:
                topups.append(
                    RefundableTopUp(
                        row.id,
                        row.amount_minor,
                        refunded,
                        row.amount_minor - refunded,
                        row.gateway_charge_id,
                        row.created_at,
                    )
                )
        return TopUpRefundTerms(wallet.id, wallet.currency, wallet.balance_minor, tuple(topups[:100]))

    # --- adjustments -------------------------------------------------------------

    def adjust_balance(self, actor: Actor, wallet_id: int, amount, reason: str, *, idempotency_key: str | None = None):
        """An admin's correction, in either direction; it never takes a wallet below zero."""
        require(actor, "wallet.adjust")
        reason = _required_reason(reason)
        wallet = Wallet.get_or_none(Wallet.id == check_id(wallet_id, "wallet"))
        if wallet is None:
            raise NotFound("no wallet #{wallet_id}", wallet_id=wallet_id)
        if isinstance(amount, int) and not isinstance(amount, bool):
            amount_minor = check_minor(amount, allow_negative=True)
        else:
            amount_minor = parse_amount(amount, wallet.currency, allow_negative=True)
        key = f"adjust:{_request_key(idempotency_key)}"
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.WALLET, Kind.AUDIT)
                before = Wallet.get_by_id(wallet_id).balance_minor
                entry = post_entry(
                    self.clock,
                    wallet_id,
                    "adjustment",
                    amount_minor,
                    key,
                    actor=actor.name,
                    ref=("wallet", wallet_id),
                    note=reason,
                )
                if not entry.replayed:
                    record_audit(
                        self.clock,
                        actor.name,
                        "wallet.adjust",
                        "wallet",
                        wallet_id,
                        before={"balance_minor": before},
                        after={"balance_minor": entry.balance_after_minor},
                        reason=reason,
                    )
        if amount_minor > 0:
            self.renewals.activate_pending_for_wallet(wallet_id)
        return entry

    # --- reading -----------------------------------------------------------------

    def get_topup(self, topup_id: int) -> TopUpInfo:
        row = TopUp.get_or_none(TopUp.id == check_id(topup_id, "top-up"))
        if row is None:
            raise NotFound("no top-up #{topup_id}", topup_id=topup_id)
        return _topup_info(row)


@dataclass(frozen=True)
class ChargeRefundTerms:
    ledger_entry_id: int
    wallet_id: int
    charged_minor: int
    invoice_id: int
    invoice_number: str
    currency: str
    paid_minor: int
    credited_minor: int
    left_minor: int
    created_at: datetime


@dataclass(frozen=True)
class RefundableTopUp:
    id: int
    amount_minor: int
    refunded_minor: int
    left_minor: int
    gateway_charge_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class TopUpRefundTerms:
    wallet_id: int
    currency: str
    balance_minor: int
    topups: tuple[RefundableTopUp, ...]

    def refundable_now(self, topup: RefundableTopUp) -> int:
        """What can go back to the card from this top-up right now: what is left, as far as the wallet holds it."""
        return min(topup.left_minor, self.balance_minor)


def _open_subjects(operation: str):
    return ErrorItem.select(ErrorItem.subject_id).where(
        (ErrorItem.operation == operation) & ErrorItem.status.in_(("retrying", "manual"))
    )


def _check_headroom(wallet: Wallet, amount_minor: int) -> None:
    """Refuse, before the card is charged, a top-up the wallet could not hold once credited."""
    in_flight = int(
        TopUp.select(fn.COALESCE(fn.SUM(TopUp.amount_minor), 0))
        .where((TopUp.wallet == wallet.id) & TopUp.status.in_(UNSETTLED))
        .scalar()
    )
    if wallet.balance_minor + in_flight + amount_minor > MAX_MINOR:
        room = max(0, MAX_MINOR - wallet.balance_minor - in_flight)
        raise ValidationError(
            "wallet #{wallet_id} can take at most {room} more; the card was not charged",
            wallet_id=wallet.id,
            room=Amount(room, wallet.currency),
        )


def _payment_method(row: TopUp) -> str | None:
    """The saved card a top-up charges (its gateway reference); None: the card on file."""
    if row.card_id is None:
        return None
    return PaymentCard.select(PaymentCard.token).where(PaymentCard.id == row.card_id).scalar()


def _check_saved_card(card_id: int, customer_id: int) -> None:
    card = PaymentCard.get_or_none(PaymentCard.id == card_id)
    if card is None or card.customer_id != customer_id or card.removed_at is not None:
        raise ValidationError(
            "card #{card_id} is not a saved card of this customer; nothing was charged", card_id=card_id
        )


def _same_topup(
    row: TopUp, key: str, customer_id: int, amount_minor: int, currency: str, card_id: int | None = None
) -> None:
    owner = Wallet.get_by_id(row.wallet_id).customer_id
    if (owner, row.amount_minor, row.currency, row.card_id) != (customer_id, amount_minor, currency, card_id):
        raise Conflict(
            "idempotency key {key!r} belongs to top-up #{topup_id} of {amount} for customer #{owner}; "
            "a different top-up needs a new key. Nothing was charged",
            key=key,
            topup_id=row.id,
            amount=Amount(row.amount_minor, row.currency),
            owner=owner,
        )


def _same_refund(row: Refund, key: str, kind: str, target_id: int, amount_minor: int) -> None:
    target = row.topup_id if row.kind == "topup" else row.ledger_entry_id
    if (row.kind, target, row.amount_minor) != (kind, target_id, amount_minor):
        raise Conflict(
            "idempotency key {key!r} belongs to refund #{row_id} of {row_amount_minor} minor units "
            "({row_kind} #{target}); a different refund needs a new key. Nothing was written",
            key=key,
            row_id=row.id,
            row_amount_minor=row.amount_minor,
            row_kind=Term(row.kind),
            target=target,
        )


def _refunded_of_topup(topup_id: int) -> int:
    """Refunds sent or still on their way (money already left the wallet)."""
    return int(
        Refund.select(fn.COALESCE(fn.SUM(Refund.amount_minor), 0))
        .where((Refund.topup == topup_id) & (Refund.status != "failed"))
        .scalar()
    )


def _required_reason(reason) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError("a reason is required when money moves")
    return check_text(reason, "reason", max_length=MAX_REASON, required=True)
