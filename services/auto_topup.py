"""Automatic top-up: the rule that charges a customer's saved card (``services.payment_cards``) when their
wallet runs short.

A rule is one of two kinds. ``before_renewal``: when the wallet cannot pay the renewals due within N
days (and what it owes), charge the shortfall rounded up to a multiple of X. ``below_balance``: when
the balance is below T, charge Y. The sweep (``sweep``) runs with the reminders job and charges
through ``PaymentService.top_up``, the path every gateway top-up takes, with a key derived from the
rule (and its version), the customer and the event: the renewal period it pays for, or the ledger
entry that took the balance below T. A replayed or concurrent sweep finds the key taken and charges
nothing more. A transient gateway error leaves the top-up in the error queue like any other; a decline
turns the rule off, tells the operators (a notification) and the customer (a notice), in one
transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from peewee import fn

from models.db import for_update, write_attempts
from models.rows import tuples
from models.tables import AutoTopUpRule, Customer, LedgerEntry, PaymentCard, Plan, Subscription, TopUp, Wallet
from services import lifecycle
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.customer_notices import NoticeDraft, stage_notices
from services.customers import find_customer, get_or_create_wallet
from services.errors import Conflict, GatewayError, NotFound, Term, ValidationError
from services.invoices import wallet_owed_minor
from services.money import MAX_MINOR, check_currency, check_minor, format_minor, parse_amount
from services.notifications import Draft, NotificationCenter
from services.payment_cards import CardInfo, card_info
from services.payments import UNSETTLED, PaymentService
from services.validation import MAX_REASON, check_id, check_text

log = logging.getLogger(__name__)

BEFORE_RENEWAL = "before_renewal"
BELOW_BALANCE = "below_balance"
RULE_KINDS = (BEFORE_RENEWAL, BELOW_BALANCE)
MAX_DAYS_BEFORE = 60
# The sweep's charges are audited and shown as this actor's; "system" is the role that may top up.
AUTO_TOPUP_ACTOR = Actor("auto-topup", "system")


class SweepOutcome(StrEnum):
    NOT_NEEDED = "not_needed"  # the wallet holds enough
    CHARGED = "charged"  # the card was charged and the wallet credited
    QUEUED = "queued"  # the gateway did not answer: the top-up waits in the error queue
    DECLINED = "declined"  # the card was declined: the rule is off
    ALREADY = "already"  # this event's top-up exists (a replay, or another sweep got there first)
    REFUSED = "refused"  # the top-up was refused before the card was charged (no room in the wallet)


@dataclass(frozen=True)
class RuleInfo:
    id: int
    customer_id: int
    wallet_id: int
    currency: str
    kind: str
    days_before: int | None
    round_to_minor: int | None
    threshold_minor: int | None
    amount_minor: int | None
    card_id: int
    card_brand: str
    card_last4: str
    active: bool
    turned_off_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class AutoTopUpView:
    """One customer's saved cards and rules, as the desk shows them."""

    customer_id: int
    customer_name: str
    currencies: tuple[str, ...]
    cards: tuple[CardInfo, ...]
    rules: tuple[RuleInfo, ...]


@dataclass(frozen=True)
class Need:
    """What a rule would charge now, under which key (None: nothing is needed)."""

    amount_minor: int
    key: str


def rule_info(row: AutoTopUpRule) -> RuleInfo:
    wallet = Wallet.get_by_id(row.wallet_id)
    card = PaymentCard.get_by_id(row.card_id)
    return RuleInfo(
        row.id,
        row.customer_id,
        row.wallet_id,
        wallet.currency,
        row.kind,
        row.days_before,
        row.round_to_minor,
        row.threshold_minor,
        row.amount_minor,
        row.card_id,
        card.brand,
        card.last4,
        row.active,
        row.turned_off_reason,
        row.version,
        row.created_at,
        row.updated_at,
    )


def describe_rule(rule: RuleInfo) -> str:
    """The rule in one English line (the command line's and the audit's)."""
    card = f"{rule.card_brand} •••• {rule.card_last4}"
    if rule.kind == BEFORE_RENEWAL:
        what = (
            f"{rule.days_before} day(s) before a renewal the wallet cannot pay, charge the shortfall rounded up "
            f"to {format_minor(rule.round_to_minor or 0, rule.currency, symbol=True)}"
        )
    else:
        what = (
            f"when the balance is below {format_minor(rule.threshold_minor or 0, rule.currency, symbol=True)}, "
            f"top up {format_minor(rule.amount_minor or 0, rule.currency, symbol=True)}"
        )
    return f"{what}, to {card}"


def _money(value, currency: str, what: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("{what} is required", what=Term(what))
    if isinstance(value, int) and not isinstance(value, bool):
        return check_minor(value)
    return parse_amount(value, currency)


def _reason(reason) -> str:
    return check_text(reason or "", "reason", max_length=MAX_REASON)


def rounded_up(amount_minor: int, multiple: int) -> int:
    """``amount_minor`` rounded up to a whole multiple of ``multiple`` (both positive)."""
    return -(-amount_minor // multiple) * multiple


class AutoTopUpService:
    def __init__(self, clock: Clock, payments: PaymentService, notifications: NotificationCenter) -> None:
        self.clock = clock
        self.payments = payments
        self.notifications = notifications

    # --- cards -----------------------------------------------------------------------

    def set_rule(
        self,
        actor: Actor,
        email_or_id,
        kind: str,
        *,
        card_id,
        currency: str | None = None,
        days_before=None,
        round_to=None,
        threshold=None,
        amount=None,
        reason: str = "",
    ) -> RuleInfo:
        """Turn on (or change) the automatic top-up of the customer's wallet in ``currency``.

        Amounts are text in major units ("25.00") or whole minor units (int). Every value is checked
        before anything is written."""
        require(actor, "topup")
        reason = _reason(reason)
        customer = find_customer(email_or_id)
        if kind not in RULE_KINDS:
            raise ValidationError("an automatic top-up is {kinds}", kinds=" or ".join(RULE_KINDS))
        if currency is None:
            first = Wallet.select().where(Wallet.customer == customer.id).order_by(Wallet.id).first()
            currency = first.currency if first else "USD"
        currency = check_currency(currency)
        card_id = check_id(card_id, "card")
        fields: dict = {"days_before": None, "round_to_minor": None, "threshold_minor": None, "amount_minor": None}
        if kind == BEFORE_RENEWAL:
            if threshold is not None or amount is not None:
                raise ValidationError("a top-up before renewal takes days and a rounding, not a threshold or amount")
            if isinstance(days_before, bool) or not isinstance(days_before, int):
                raise ValidationError("days before the renewal must be a whole number")
            if not 1 <= days_before <= MAX_DAYS_BEFORE:
                raise ValidationError("days before the renewal must be from 1 to {most}", most=MAX_DAYS_BEFORE)
            fields["days_before"] = days_before
            fields["round_to_minor"] = _money(round_to, currency, "the amount to round up to")
        else:
            if days_before is not None or round_to is not None:
                raise ValidationError("a top-up below a balance takes a threshold and an amount, not days")
            fields["threshold_minor"] = _money(threshold, currency, "the balance threshold")
            fields["amount_minor"] = _money(amount, currency, "the amount to top up")
        now = self.clock.now()
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.CUSTOMER, Kind.WALLET, Kind.AUDIT)
                card = PaymentCard.get_or_none(PaymentCard.id == card_id)
                if card is None or card.customer_id != customer.id or card.removed_at is not None:
                    raise ValidationError(
                        "card #{card_id} is not a saved card of {email}; add it first",
                        card_id=card_id,
                        email=customer.email,
                    )
                wallet = get_or_create_wallet(customer.id, currency, self.clock)
                row = for_update(AutoTopUpRule.select().where(AutoTopUpRule.wallet == wallet.id)).first()
                before = _audit_fields(row) if row is not None else None
                if row is None:
                    row = AutoTopUpRule.create(
                        customer=customer.id,
                        wallet=wallet.id,
                        kind=kind,
                        card=card_id,
                        active=True,
                        version=1,
                        created_at=now,
                        updated_at=now,
                        **fields,
                    )
                else:
                    for name, value in fields.items():
                        setattr(row, name, value)
                    row.kind, row.card, row.active, row.turned_off_reason = kind, card_id, True, None
                    row.version, row.updated_at = row.version + 1, now
                    row.save()
                record_audit(
                    self.clock,
                    actor.name,
                    "autotopup.set",
                    "wallet",
                    wallet.id,
                    before=before,
                    after=_audit_fields(row),
                    reason=reason,
                )
        return rule_info(row)

    def turn_off(self, actor: Actor, email_or_id, currency: str | None = None, reason: str = "") -> list[RuleInfo]:
        """Turn off the customer's automatic top-ups (of one currency, or all)."""
        require(actor, "topup")
        reason = _reason(reason)
        customer = find_customer(email_or_id)
        currency = check_currency(currency) if currency is not None else None
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.CUSTOMER, Kind.AUDIT)
                query = (
                    AutoTopUpRule.select()
                    .join(Wallet)
                    .where((AutoTopUpRule.customer == customer.id) & AutoTopUpRule.active)
                )
                if currency is not None:
                    query = query.where(Wallet.currency == currency)
                rows = list(for_update(query.order_by(AutoTopUpRule.id)))
                if not rows:
                    raise ValidationError("{email} has no automatic top-up turned on", email=customer.email)
                now = self.clock.now()
                for row in rows:
                    row.active, row.turned_off_reason, row.updated_at = False, "turned off by an operator", now
                    row.save()
                    record_audit(
                        self.clock,
                        actor.name,
                        "autotopup.off",
                        "wallet",
                        row.wallet_id,
                        after={"rule_id": row.id},
                        reason=reason,
                    )
        return [rule_info(row) for row in rows]

    def rules(self, email_or_id) -> list[RuleInfo]:
        customer = find_customer(email_or_id)
        rows = AutoTopUpRule.select().where(AutoTopUpRule.customer == customer.id).order_by(AutoTopUpRule.id)
        return [rule_info(row) for row in rows]

    def view(self, customer_id: int) -> AutoTopUpView:
        """Everything the desk's panel shows for one customer, read in one go."""
        customer = Customer.get_or_none(Customer.id == check_id(customer_id, "customer"))
        if customer is None:
            raise NotFound("no customer {text!r}", text=str(customer_id))
        currencies = tuple(
            w.currency for w in Wallet.select(Wallet.currency).where(Wallet.customer == customer.id).order_by(Wallet.id)
        )
        return AutoTopUpView(
            customer.id,
            customer.name,
            currencies or ("USD",),
            tuple(
                card_info(row)
                for row in PaymentCard.select()
                .where((PaymentCard.customer == customer.id) & PaymentCard.removed_at.is_null())
                .order_by(PaymentCard.id)
            ),
            tuple(self.rules(customer.id)),
        )

    # --- the sweep ----------------------------------------------------------------------

    def sweep(self, now: datetime | None = None) -> dict:
        """Charge every active rule whose wallet runs short now; returns how many of each outcome.

        One rule's failure is logged and counted, never stops the others."""
        now = now or self.clock.now()
        counts = {outcome.value: 0 for outcome in SweepOutcome}
        counts["errors"] = 0
        rule_ids = self._candidates(now)
        for rule_id in rule_ids:
            try:
                outcome = self.apply_rule(rule_id, now)
            except Exception:  # noqa: BLE001 - one rule's trouble must not stop the sweep
                log.exception("automatic top-up rule #%d failed", rule_id)
                counts["errors"] += 1
                continue
            counts[outcome.value] += 1
        counts["rules"] = len(rule_ids)
        return counts

    @staticmethod
    def _candidates(now: datetime) -> list[int]:
        """The ids of active rules that may need a charge: a wallet below its threshold, or one with a
        renewal waiting for funds or due within the rule's days (each is checked exactly after)."""
        active = AutoTopUpRule.active
        below = active & (AutoTopUpRule.kind == BELOW_BALANCE) & (Wallet.balance_minor < AutoTopUpRule.threshold_minor)
        found: list[int] = [
            rule_id for (rule_id,) in tuples(AutoTopUpRule.select(AutoTopUpRule.id).join(Wallet).where(below))
        ]
        before = active & (AutoTopUpRule.kind == BEFORE_RENEWAL)
        # One query per notice the rules give (a handful of values), so the horizon is a plain bound on
        # either engine and only wallets with a renewal inside it are read.
        for (days,) in tuples(AutoTopUpRule.select(AutoTopUpRule.days_before).where(before).distinct()):
            renewing = Subscription.select(Subscription.wallet).where(
                (Subscription.status == lifecycle.PENDING)
                | ((Subscription.status == lifecycle.ACTIVE) & (Subscription.period_end <= now + timedelta(days=days)))
            )
            found += [
                rule_id
                for (rule_id,) in tuples(
                    AutoTopUpRule.select(AutoTopUpRule.id).where(
                        before & (AutoTopUpRule.days_before == days) & AutoTopUpRule.wallet.in_(renewing)
                    )
                )
            ]
        return sorted(found)

    def need(self, rule: AutoTopUpRule, now: datetime) -> Need | None:
        """What ``rule`` would charge now and under which key; None when the wallet holds enough.

        Top-ups of the wallet still on their way (pending or in the error queue) count as money held,
        so a top-up waiting for the gateway is never doubled by the next sweep."""
        wallet = Wallet.get_by_id(rule.wallet_id)
        in_flight = int(
            TopUp.select(fn.COALESCE(fn.SUM(TopUp.amount_minor), 0))
            .where((TopUp.wallet == wallet.id) & TopUp.status.in_(UNSETTLED))
            .scalar()
        )
        held = wallet.balance_minor + in_flight
        prefix = f"auto-topup:r{rule.id}v{rule.version}:c{rule.customer_id}"
        if rule.kind == BELOW_BALANCE:
            threshold, amount = rule.threshold_minor, rule.amount_minor
            assert threshold is not None and amount is not None, "set_rule gives a below-balance rule both"
            if held >= threshold:
                return None
            return Need(amount, f"{prefix}:below:e{_crossing_entry(wallet.id, threshold)}")
        days, multiple = rule.days_before, rule.round_to_minor
        assert days is not None and multiple is not None, "set_rule gives a before-renewal rule both"
        horizon = now + timedelta(days=days)
        subs = (
            Subscription.select(Subscription.id, Subscription.status, Subscription.period_end, Plan.price_minor)
            .join(Plan)
            .where(
                (Subscription.wallet == wallet.id)
                & (
                    (Subscription.status == lifecycle.PENDING)
                    | ((Subscription.status == lifecycle.ACTIVE) & (Subscription.period_end <= horizon))
                )
            )
            .order_by(Subscription.period_end, Subscription.id)
        )
        needed = wallet_owed_minor(wallet.id)
        first_short = None
        for sub in subs:
            needed += sub.plan.price_minor
            if first_short is None and held < needed:
                first_short = sub
        if first_short is None:
            return None
        amount = rounded_up(needed - held, multiple)
        period = first_short.period_end.strftime("%Y%m%dT%H%M%S")
        return Need(amount, f"{prefix}:s{first_short.id}:{period}")

    def apply_rule(self, rule_id: int, now: datetime) -> SweepOutcome:
        rule = AutoTopUpRule.get_by_id(rule_id)
        if not rule.active:
            return SweepOutcome.NOT_NEEDED
        need = self.need(rule, now)
        if need is None:
            return SweepOutcome.NOT_NEEDED
        existing = TopUp.get_or_none(TopUp.idempotency_key == need.key)
        if existing is not None:
            if existing.status != "failed":
                return SweepOutcome.ALREADY
            # Settled as failed after this rule's sweep queued it: declined on a retry, or closed by an operator.
            try:
                code = self._decline_code(existing)
            except GatewayError:
                return SweepOutcome.ALREADY  # asked again at the next sweep
            if code is None:
                return SweepOutcome.ALREADY  # not a decline: the card is not to blame
            self._turn_off_after_decline(rule.id, rule.version, existing.id, code)
            return SweepOutcome.DECLINED
        currency = Wallet.get_by_id(rule.wallet_id).currency
        if need.amount_minor > MAX_MINOR:
            log.warning("automatic top-up rule #%d would charge more than a wallet holds", rule.id)
            return SweepOutcome.REFUSED
        try:
            info = self.payments.top_up(
                AUTO_TOPUP_ACTOR,
                rule.customer_id,
                need.amount_minor,
                currency,
                idempotency_key=need.key,
                reason=f"automatic top-up (rule #{rule.id})",
                card_id=rule.card_id,
            )
        except Conflict:
            return SweepOutcome.ALREADY  # another sweep took this key with the wallet as it stood then
        except (ValidationError, GatewayError) as error:
            log.warning("automatic top-up rule #%d was refused: %s", rule.id, error)
            return SweepOutcome.REFUSED
        if info.status == "succeeded":
            return SweepOutcome.CHARGED
        if info.status == "failed":
            try:
                code = self._decline_code(TopUp.get_by_id(info.id)) or "card_declined"
            except GatewayError:
                code = "card_declined"  # the top-up path saw the decline; only its code is unknown
            self._turn_off_after_decline(rule.id, rule.version, info.id, code)
            return SweepOutcome.DECLINED
        if info.status == "retrying":
            return SweepOutcome.QUEUED
        return SweepOutcome.ALREADY

    def _decline_code(self, topup: TopUp) -> str | None:
        """The processor's decline code for the top-up's charge, asked by its key; None when the processor
        holds no declined charge for it (an operator closed the top-up before it was sent, say).

        Gateway errors propagate: the question is asked again at the next sweep."""
        charge = self.payments.circuit.call(self.payments.gateway.get_charge, f"topup:{topup.idempotency_key}")
        if charge is None or charge.status != "declined":
            return None
        return charge.decline_code or "card_declined"

    def _turn_off_after_decline(self, rule_id: int, version: int, topup_id: int, code: str) -> None:
        """The rule goes off, the operators get a notification and the customer a notice, in one transaction."""
        topup = TopUp.get_by_id(topup_id)
        now = self.clock.now()
        fresh: list[str] = []
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.CUSTOMER, Kind.NOTIFICATION, Kind.AUDIT)
                rule = for_update(AutoTopUpRule.select().where(AutoTopUpRule.id == rule_id)).get()
                if not rule.active or rule.version != version:
                    return  # turned off already, or set again since this charge
                card = PaymentCard.get_by_id(rule.card_id)
                customer = Customer.get_by_id(rule.customer_id)
                why = f"declined: {topup.error or code}"
                rule.active, rule.turned_off_reason, rule.updated_at = False, why[:500], now
                rule.save()
                record_audit(
                    self.clock,
                    AUTO_TOPUP_ACTOR.name,
                    "autotopup.off",
                    "wallet",
                    rule.wallet_id,
                    after={"rule_id": rule.id, "topup_id": topup.id, "decline_code": code},
                    reason=why,
                )
                params = {
                    "rule_id": rule.id,
                    "topup_id": topup.id,
                    "wallet_id": rule.wallet_id,
                    "customer": customer.name,
                    "amount_minor": topup.amount_minor,
                    "currency": topup.currency,
                    "card_brand": card.brand,
                    "card_last4": card.last4,
                    "decline_code": code,
                }
                money = format_minor(topup.amount_minor, topup.currency, symbol=True)
                fresh = self.notifications.store(
                    [
                        Draft(
                            "auto_topup_declined",
                            f"Automatic top-up of {money} for {customer.name} declined",
                            f"The card {card.brand} •••• {card.last4} was declined ({code}); the automatic top-up "
                            "is off until it is turned on again.",
                            f"auto_topup_declined:{topup.id}",
                            ("customer", customer.id),
                            params,
                        )
                    ]
                )
                stage_notices(
                    [
                        NoticeDraft(
                            customer.id,
                            "auto_topup_declined",
                            f"auto_topup_declined:{topup.id}",
                            {
                                "rule_id": rule.id,
                                "amount_minor": topup.amount_minor,
                                "currency": topup.currency,
                                "card_last4": card.last4,
                                "decline_code": code,
                            },
                            subject=("topup", topup.id),
                        )
                    ],
                    now,
                )
        try:
            self.notifications.announce(fresh)
        except Exception:
            log.exception("could not tell the listeners about a declined automatic top-up")


def _crossing_entry(wallet_id: int, threshold_minor: int) -> int:
    """The ledger entry that took the balance below ``threshold_minor`` last (0: it never was at or above it,
    nor moved). The same fall below the threshold gives the same entry however often it is asked."""
    last_above = (
        LedgerEntry.select(fn.MAX(LedgerEntry.id))
        .where((LedgerEntry.wallet == wallet_id) & (LedgerEntry.balance_after_minor >= threshold_minor))
        .scalar()
    )
    query = LedgerEntry.select(fn.MIN(LedgerEntry.id)).where(LedgerEntry.wallet == wallet_id)
    if last_above is not None:
        query = query.where(LedgerEntry.id > last_above)
    return int(query.scalar() or 0)


def _audit_fields(row: AutoTopUpRule) -> dict:
    return {
        "kind": row.kind,
        "days_before": row.days_before,
        "round_to_minor": row.round_to_minor,
        "threshold_minor": row.threshold_minor,
        "amount_minor": row.amount_minor,
        "card_id": row.card_id,
        "active": row.active,
        "version": row.version,
    }
