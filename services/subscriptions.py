"""Subscriptions: the operator actions on one subscription.

The scheduled passes over many subscriptions (renewal, expiry, reminders) live
in ``services/renewals.py``; both share the state machine of
``services/lifecycle.py`` and write an event row for every transition.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from peewee import IntegrityError

from models.db import database, for_update, write_attempts
from models.tables import (
    Invoice,
    InvoiceLine,
    Plan,
    Subscription,
    SubscriptionCharge,
    SubscriptionEvent,
    UsageCounter,
    Wallet,
)
from services import lifecycle, notice_events
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.customer_notices import stage_notices
from services.customers import find_customer, get_or_create_wallet
from services.errors import Conflict, InvalidTransition, NotFound, Term, ValidationError
from services.invoices import Line, issue_credit_note, issue_invoice, refundable_minor
from services.ledger import lock_wallet
from services.notifications import NotificationCenter
from services.renewals import UsagePricer
from services.validation import check_id, clean_reason, storable

OPEN_STATUSES = (lifecycle.ACTIVE, lifecycle.PENDING, lifecycle.CANCELED)


@dataclass(frozen=True)
class SubscriptionInfo:
    id: int
    customer_id: int
    plan_id: int
    plan_code: str
    wallet_id: int
    status: str
    auto_renew: bool
    period_start: datetime
    period_end: datetime
    pending_since: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class EventInfo:
    id: int
    subscription_id: int
    from_status: str | None
    to_status: str
    event: str
    reason: str | None
    actor: str
    created_at: datetime


def subscription_info(row: Subscription, plan_code: str | None = None) -> SubscriptionInfo:
    code = plan_code or Plan.get_by_id(row.plan_id).code
    return SubscriptionInfo(
        row.id,
        row.customer_id,
        row.plan_id,
        code,
        row.wallet_id,
        row.status,
        row.auto_renew,
        row.period_start,
        row.period_end,
        row.pending_since,
        row.created_at,
    )


def subscription_state(row: Subscription) -> lifecycle.SubscriptionState:
    """What the lifecycle's move rules read of a subscription row."""
    grace_days = Plan.get_by_id(row.plan_id).grace_days
    return lifecycle.SubscriptionState(row.status, row.period_end, row.pending_since, grace_days)


def write_event(
    clock: Clock, subscription_id: int, from_status: str | None, event: str, actor: str, reason: str | None = None
) -> str:
    """Check the move against the transition table and record it. Returns the new status."""
    to_status = lifecycle.next_status(from_status, event)
    SubscriptionEvent.create(
        subscription=subscription_id,
        from_status=from_status,
        to_status=to_status,
        event=event,
        reason=reason,
        actor=actor,
        created_at=clock.now(),
    )
    return to_status


@dataclass(frozen=True)
class PlanChangeTerms:
    """What a plan change moves now; the preview an operator sees is this same computation."""

    subscription_id: int
    old_plan: str
    new_plan: str
    currency: str
    credited_invoice: str | None  # the invoice the unused part of the old plan is credited against
    credit_minor: int  # unused part of the old plan, back into the wallet (a credit note)
    charge_minor: int  # the new plan for the rest of the period (an invoice)
    usage_minor: int  # usage so far, billed now under the old plan
    balance_minor: int

    @property
    def net_minor(self) -> int:
        return self.charge_minor - self.credit_minor

    @property
    def covered(self) -> bool:
        """Whether the wallet pays the new plan once the credit is in (``change_plan`` refuses otherwise)."""
        return self.balance_minor + self.credit_minor >= self.charge_minor

    @property
    def usage_owed_minor(self) -> int:
        """The part of the usage billed now that the wallet cannot pay after the plans: it stays owed."""
        left = self.balance_minor + self.credit_minor - self.charge_minor
        return max(0, self.usage_minor - max(0, left))


def find_plan(code) -> Plan:
    if not isinstance(code, str) or not code.strip():
        raise ValidationError("plan code must be given")
    plan = Plan.get_or_none(Plan.code == code.strip()) if storable(code) else None
    if plan is None:
        raise NotFound("no plan {code!r}", code=code.strip()[:64])
    return plan


def _prorated(plan: Plan, row: Subscription, seconds: int) -> int:
    """The plan's price for ``seconds`` of use, at the rate of its own billing interval.

    Whole seconds keep the proration exact in integers; a yearly plan taken for the last
    fortnight of a monthly period costs a fortnight of a year, not half a year.
    """
    interval = lifecycle.add_interval(row.period_start, plan.interval_unit, plan.interval_count, row.anchor_day)
    interval_s = max(1, int((interval - row.period_start).total_seconds()))
    return plan.price_minor * seconds // interval_s


def _next_segment_start(sub: Subscription, now: datetime) -> datetime:
    """Where the next usage segment starts: now, kept strictly after the current segment's start
    so two plan changes at one instant still meter into separate segments."""
    return max(now, sub.metered_since + timedelta(microseconds=1))


class SubscriptionService:
    def __init__(
        self, clock: Clock, notifications: NotificationCenter | None = None, *, usage_pricer: UsagePricer | None = None
    ) -> None:
        self.clock = clock
        self.notifications = notifications
        if usage_pricer is None:
            from services.features import FeatureService

            usage_pricer = FeatureService(clock).period_usage_lines
        self.usage_pricer = usage_pricer

    # --- reading -------------------------------------------------------------

    def get(self, subscription_id: int) -> SubscriptionInfo:
        row = Subscription.get_or_none(Subscription.id == check_id(subscription_id, "subscription"))
        if row is None:
            raise NotFound("no subscription #{subscription_id}", subscription_id=subscription_id)
        return subscription_info(row)

    def for_customer(self, email_or_id) -> list[SubscriptionInfo]:
        customer = find_customer(email_or_id)
        rows = (
            Subscription.select(Subscription, Plan)
            .join(Plan)
            .where(Subscription.customer == customer.id)
            .order_by(Subscription.id)
        )
        return [subscription_info(r, r.plan.code) for r in rows]

    def events(self, subscription_id: int) -> list[EventInfo]:
        rows = (
            SubscriptionEvent.select()
            .where(SubscriptionEvent.subscription == subscription_id)
            .order_by(SubscriptionEvent.id)
        )
        return [
            EventInfo(r.id, r.subscription_id, r.from_status, r.to_status, r.event, r.reason, r.actor, r.created_at)
            for r in rows
        ]

    def find_open(self, email_or_id, plan_code: str) -> Subscription:
        customer = find_customer(email_or_id)
        plan = find_plan(plan_code)
        row = (
            Subscription.select()
            .where((Subscription.customer == customer.id) & (Subscription.plan == plan.id))
            .order_by(Subscription.id.desc())
            .first()
        )
        if row is None:
            raise NotFound(
                "{customer_email} has no subscription to {plan_code}",
                customer_email=customer.email,
                plan_code=plan.code,
            )
        return row

    # --- actions -------------------------------------------------------------

    def subscribe(self, actor: Actor, email_or_id, plan_code: str, reason: str = "") -> SubscriptionInfo:
        """Start (or restart an expired) subscription; the first period is paid from the wallet."""
        require(actor, "subscription.subscribe")
        reason = clean_reason(reason)
        customer = find_customer(email_or_id)
        plan = find_plan(plan_code)
        if not plan.active:
            raise ValidationError("plan {plan_code} is retired and takes no new subscriptions", plan_code=plan.code)
        if customer.status != "active":
            raise ValidationError("customer {customer_email} is disabled", customer_email=customer.email)
        now = self.clock.now()
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.AUDIT)
                existing = for_update(
                    Subscription.select()
                    .where((Subscription.customer == customer.id) & (Subscription.plan == plan.id))
                    .order_by(Subscription.id.desc())
                ).first()
                if existing is not None and existing.status in OPEN_STATUSES:
                    self._end_if_over(existing, now, actor.name)
                if existing is not None and existing.status in OPEN_STATUSES:
                    status = existing.status.replace("_", " ")
                    raise Conflict(
                        "{customer_email} already has a {status} subscription to {plan_code}",
                        customer_email=customer.email,
                        status=Term(status),
                        plan_code=plan.code,
                    )
                wallet = get_or_create_wallet(customer.id, plan.currency, self.clock)
                wallet = lock_wallet(wallet.id)
                period_end = lifecycle.add_interval(now, plan.interval_unit, plan.interval_count, now.day)
                if existing is None:
                    try:
                        with database.atomic():  # the database keeps one open subscription per customer and plan
                            row = Subscription.create(
                                customer=customer.id,
                                plan=plan.id,
                                wallet=wallet.id,
                                status=lifecycle.ACTIVE,
                                auto_renew=True,
                                anchor_day=now.day,
                                period_start=now,
                                period_end=period_end,
                                usage_since=now,
                                created_at=now,
                                updated_at=now,
                            )
                    except IntegrityError:
                        raise Conflict(
                            "{customer_email} already has an open subscription to {plan_code}",
                            customer_email=customer.email,
                            plan_code=plan.code,
                        ) from None
                    write_event(self.clock, row.id, None, "subscribe", actor.name, reason or None)
                else:
                    row = existing
                    row.status = write_event(self.clock, row.id, row.status, "resubscribe", actor.name, reason or None)
                    row.auto_renew, row.anchor_day, row.pending_since = True, now.day, None
                    row.period_start, row.period_end, row.updated_at = now, period_end, now
                    row.usage_since = now
                    row.save()
                self._charge_period(row, plan, wallet, now, period_end, plan.price_minor, 0, actor.name, "subscribe")
                record_audit(
                    self.clock,
                    actor.name,
                    "subscription.subscribe",
                    "subscription",
                    row.id,
                    after={"customer": customer.email, "plan": plan.code, "period_end": period_end},
                    reason=reason,
                )
        return subscription_info(row, plan.code)

    def _end_if_over(self, row: Subscription, now: datetime, actor: str) -> None:
        """Expire, now rather than at the next renewal pass, a subscription whose end has come:
        canceled with its paid period over, or waiting for funds past its grace days. Its last
        usage is billed. Must run inside a write transaction."""
        plan = Plan.get_by_id(row.plan_id)
        grace_over = row.pending_since is not None and row.pending_since + timedelta(days=plan.grace_days) <= now
        if row.status == lifecycle.CANCELED and (grace_over or (row.pending_since is None and row.period_end <= now)):
            event = "period_end"
        elif row.status == lifecycle.PENDING and grace_over:
            event = "grace_expired"
        else:
            return
        self.settle_usage(row, plan, row.period_end, actor)
        row.status = write_event(self.clock, row.id, row.status, event, actor, "ended before subscribing again")
        row.updated_at = now
        row.save()
        draft = notice_events.subscription_expired(
            row.customer_id, subscription_id=row.id, period_end=row.period_end, plan_name=plan.name, expired_on=now
        )
        stage_notices([draft], now)

    def cancel(self, actor: Actor, subscription_id: int, reason: str = "") -> SubscriptionInfo:
        """Turn auto-renew off; access continues until the paid period ends."""
        return self._simple_move(
            actor, subscription_id, "subscription.cancel", lifecycle.CANCEL, reason, auto_renew=False
        )

    def reinstate(self, actor: Actor, subscription_id: int, reason: str = "") -> SubscriptionInfo:
        """Turn auto-renew back on: active again, or waiting for funds again if it was when canceled."""
        return self._simple_move(
            actor, subscription_id, "subscription.reinstate", lifecycle.REINSTATE, reason, auto_renew=True
        )

    def _simple_move(
        self, actor: Actor, subscription_id: int, action: str, move: str, reason: str, *, auto_renew: bool
    ) -> SubscriptionInfo:
        require(actor, action)
        subscription_id, reason = check_id(subscription_id, "subscription"), clean_reason(reason)
        now = self.clock.now()
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.SUBSCRIPTION, Kind.AUDIT)
                row = for_update(Subscription.select().where(Subscription.id == subscription_id)).first()
                if row is None:
                    raise NotFound("no subscription #{subscription_id}", subscription_id=subscription_id)
                event = lifecycle.check_move(subscription_state(row), move, now)
                before = {"status": row.status, "auto_renew": row.auto_renew}
                row.status = write_event(self.clock, row.id, row.status, event, actor.name, reason or None)
                row.auto_renew, row.updated_at = auto_renew, now
                row.save()
                record_audit(
                    self.clock,
                    actor.name,
                    action,
                    "subscription",
                    row.id,
                    before=before,
                    after={"status": row.status, "auto_renew": auto_renew},
                    reason=reason,
                )
        return subscription_info(row)

    def preview_plan_change(self, subscription_id: int, new_plan_code: str) -> PlanChangeTerms:
        """What ``change_plan`` would move now, computed by the same rules, writing nothing."""
        subscription_id = check_id(subscription_id, "subscription")
        new_plan = find_plan(new_plan_code)
        row = Subscription.get_or_none(Subscription.id == subscription_id)
        if row is None:
            raise NotFound("no subscription #{subscription_id}", subscription_id=subscription_id)
        old_plan = Plan.get_by_id(row.plan_id)
        self._check_plan_change(row, old_plan, new_plan)
        return self._plan_change_terms(row, old_plan, new_plan, self.clock.now())

    def change_plan(self, actor: Actor, subscription_id: int, new_plan_code: str, reason: str = "") -> SubscriptionInfo:
        """Switch an active subscription now.

        The unused part of the old plan is credited against the invoice that paid
        it (a credit note), the new plan is invoiced for the rest of the period,
        and the usage metered so far is billed under the old plan. Each change is
        its own event, so repeated changes in one period each move money.
        """
        require(actor, "subscription.change_plan")
        subscription_id, reason = check_id(subscription_id, "subscription"), clean_reason(reason)
        new_plan = find_plan(new_plan_code)
        now = self.clock.now()
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE, Kind.AUDIT)
                row = for_update(Subscription.select().where(Subscription.id == subscription_id)).first()
                if row is None:
                    raise NotFound("no subscription #{subscription_id}", subscription_id=subscription_id)
                old_plan = Plan.get_by_id(row.plan_id)
                self._check_plan_change(row, old_plan, new_plan)
                terms = self._plan_change_terms(row, old_plan, new_plan, now)
                event = SubscriptionEvent.create(
                    subscription=row.id,
                    from_status=row.status,
                    to_status=row.status,
                    event="change_plan",
                    reason=f"{old_plan.code} → {new_plan.code}. {reason}".strip(),
                    actor=actor.name,
                    created_at=now,
                )
                key = f"planchange:{event.id}"
                stretch = _next_segment_start(row, now)  # the new plan's stretch of the period starts here
                if terms.credit_minor:
                    credited = Invoice.select().where(Invoice.number == terms.credited_invoice).get()
                    issue_credit_note(
                        self.clock,
                        credited.id,
                        terms.credit_minor,
                        "proration",
                        key=f"{key}:credit",
                        actor=actor.name,
                        reason=f"unused part of {old_plan.code} after a change to {new_plan.code}",
                        cap_to_refundable=True,
                    )
                if terms.charge_minor:
                    issue_invoice(
                        self.clock,
                        wallet_id=row.wallet_id,
                        subscription_id=row.id,
                        kind="plan_change",
                        lines=[
                            Line(
                                "proration",
                                f"{new_plan.code} {now:%Y-%m-%d} → {row.period_end:%Y-%m-%d}, prorated",
                                terms.charge_minor,
                                plan_id=new_plan.id,
                                period_start=stretch,
                                period_end=row.period_end,
                            )
                        ],
                        event_key=key,
                        actor=actor.name,
                        period=(stretch, row.period_end),
                    )
                usage = self.settle_usage(row, old_plan, now, actor.name)
                before = {"plan": old_plan.code}
                row.plan, row.usage_since, row.updated_at = new_plan.id, stretch, now
                try:
                    with database.atomic():  # a savepoint: the database, not the check above, keeps one open per plan
                        row.save()
                except IntegrityError:
                    raise Conflict(
                        "the customer already has an open subscription to {new_plan_code}", new_plan_code=new_plan.code
                    ) from None
                record_audit(
                    self.clock,
                    actor.name,
                    "subscription.change_plan",
                    "subscription",
                    row.id,
                    before=before,
                    after={
                        "plan": new_plan.code,
                        "credit_minor": terms.credit_minor,
                        "charge_minor": terms.charge_minor,
                        "usage_minor": usage,
                    },
                    reason=reason,
                )
        return subscription_info(row, new_plan.code)

    def _check_plan_change(self, row: Subscription, old_plan: Plan, new_plan: Plan) -> None:
        if not new_plan.active:
            raise ValidationError("plan {new_plan_code} is retired", new_plan_code=new_plan.code)
        if row.status != lifecycle.ACTIVE:
            raise InvalidTransition(
                "only an active subscription can change plan; this one is {row_status}", row_status=Term(row.status)
            )
        if old_plan.id == new_plan.id:
            raise ValidationError("the subscription is already on {new_plan_code}", new_plan_code=new_plan.code)
        if old_plan.currency != new_plan.currency:
            raise ValidationError("plans in different currencies cannot be swapped; cancel and subscribe")
        if (
            Subscription.select()
            .where(
                (Subscription.customer == row.customer_id)
                & (Subscription.plan == new_plan.id)
                & Subscription.status.in_(OPEN_STATUSES)
            )
            .exists()
        ):
            raise Conflict(
                "the customer already has an open subscription to {new_plan_code}", new_plan_code=new_plan.code
            )

    def _plan_change_terms(self, row: Subscription, old_plan: Plan, new_plan: Plan, now: datetime) -> PlanChangeTerms:
        left_s = max(0, int((row.period_end - now).total_seconds()))
        charge = _prorated(new_plan, row, left_s)
        credit, credited = self._unused_credit(row, old_plan, now)
        lines = self.usage_pricer([(row.id, old_plan.id, row.metered_since)]).get(row.id, [])
        balance = Wallet.get_by_id(row.wallet_id).balance_minor
        return PlanChangeTerms(
            row.id,
            old_plan.code,
            new_plan.code,
            new_plan.currency,
            credited,
            credit,
            charge,
            sum(line.amount_minor for line in lines),
            balance,
        )

    @staticmethod
    def _unused_credit(row: Subscription, plan: Plan, now: datetime) -> tuple[int, str | None]:
        """The unused part of what the plan in force was charged for this stretch of the period, and the
        invoice it is credited against.

        The stretch began at ``usage_since`` (the period start or the last plan change); the invoice
        line that charged it is looked up by plan and stretch, so a plan that was charged nothing (a
        free plan, a share rounded to zero) is credited nothing, and an earlier plan is never credited
        twice. Without such a line (a period billed before invoices existed) the plan's own price
        for the time left is credited, against the period's newest invoice with anything left.
        """
        unused_s = max(0, int((row.period_end - now).total_seconds()))
        line = (
            InvoiceLine.select(InvoiceLine, Invoice)
            .join(Invoice)
            .where(
                (Invoice.subscription == row.id)
                & InvoiceLine.kind.in_(("plan", "proration"))
                & (InvoiceLine.plan == row.plan_id)
                & (InvoiceLine.period_start == row.metered_since)
                & (InvoiceLine.period_end == row.period_end)
            )
            .order_by(Invoice.id.desc())
            .first()
        )
        if line is not None:
            span = max(1, int((line.period_end - line.period_start).total_seconds()))
            credit = min(line.amount_minor * min(unused_s, span) // span, refundable_minor(line.invoice.id))
            return (credit, line.invoice.number) if credit > 0 else (0, None)
        if row.metered_since > row.period_start:
            return 0, None  # this stretch began with a plan change that charged nothing
        legacy = (
            Invoice.select()
            .where(
                (Invoice.subscription == row.id)
                & (Invoice.period_end == row.period_end)
                & Invoice.kind.in_(("subscription", "renewal"))
            )
            .order_by(Invoice.id.desc())
            .first()
        )
        if legacy is None:
            return 0, None
        credit = min(_prorated(plan, row, unused_s), refundable_minor(legacy.id))
        return (credit, legacy.number) if credit > 0 else (0, None)

    def settle_usage(self, row: Subscription, plan: Plan, end: datetime, actor: str) -> int:
        """Close the usage segment now: invoice it under ``plan``, owing what the wallet cannot pay.

        Must run inside a write transaction. Returns the amount invoiced.
        """
        segment = (
            (UsageCounter.subscription == row.id)
            & (UsageCounter.period_start == row.metered_since)
            & (UsageCounter.settled == False)  # noqa: E712
        )
        if not UsageCounter.select().where(segment).exists():
            return 0
        lines = [
            replace(line, period_end=end)
            for line in self.usage_pricer([(row.id, plan.id, row.metered_since)]).get(row.id, [])
        ]
        total = sum(line.amount_minor for line in lines)
        if total:
            issue_invoice(
                self.clock,
                wallet_id=row.wallet_id,
                subscription_id=row.id,
                kind="usage",
                lines=lines,
                event_key=f"usage:{row.id}:{row.metered_since.isoformat()}",
                actor=actor,
                pay="available",
                period=(row.metered_since, end),
            )
        UsageCounter.update(settled=True).where(segment).execute()
        return total

    def _charge_period(
        self,
        row: Subscription,
        plan: Plan,
        wallet: Wallet,
        start: datetime,
        end: datetime,
        plan_minor: int,
        usage_minor: int,
        actor: str,
        why: str,
    ) -> None:
        entry_id = None
        if plan_minor:
            issued = issue_invoice(
                self.clock,
                wallet_id=wallet.id,
                subscription_id=row.id,
                kind="subscription",
                lines=[
                    Line(
                        "plan",
                        f"{plan.code} {start:%Y-%m-%d} → {end:%Y-%m-%d}",
                        plan_minor,
                        plan_id=plan.id,
                        period_start=start,
                        period_end=end,
                    )
                ],
                event_key=f"{why}:{row.id}:{start.isoformat()}",
                actor=actor,
                period=(start, end),
            )
            entry_id = issued.entry_id
            if issued.paid_minor and not issued.replayed:
                draft = notice_events.receipt(
                    row.customer_id,
                    invoice_id=issued.invoice_id,
                    invoice_number=issued.number,
                    plan_name=plan.name,
                    period=(start, end),
                    total_minor=issued.total_minor,
                    paid_minor=issued.paid_minor,
                    currency=plan.currency,
                    balance_minor=Wallet.get_by_id(wallet.id).balance_minor,
                )
                stage_notices([draft], self.clock.now())
        SubscriptionCharge.create(
            subscription=row.id,
            period_start=start,
            period_end=end,
            plan_minor=plan_minor,
            usage_minor=usage_minor,
            ledger_entry=entry_id,
            created_at=self.clock.now(),
        )
