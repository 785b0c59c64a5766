"""Subscriptions: the operator actions on one subscription.

The scheduled passes over many subscriptions (renewal, expiry, reminders) live
in ``services/renewals.py``; both share the state machine of
``services/lifecycle.py`` and write an event row for every transition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.db import for_update, write_transaction
from models.tables import Plan, Subscription, SubscriptionCharge, SubscriptionEvent, Wallet
from services import lifecycle
from services.audit import record_audit
from services.auth import Actor, require
from services.customers import find_customer, get_or_create_wallet
from services.errors import Conflict, InvalidTransition, NotFound, ValidationError
from services.ledger import lock_wallet, post_entry
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
    return SubscriptionInfo(row.id, row.customer_id, row.plan_id, code, row.wallet_id, row.status, row.auto_renew,
                            row.period_start, row.period_end, row.pending_since, row.created_at)


def write_event(clock, subscription_id: int, from_status: str | None, event: str, actor: str,
                reason: str | None = None) -> str:
    """Check the move against the transition table and record it. Returns the new status."""
    to_status = lifecycle.next_status(from_status, event)
    SubscriptionEvent.create(subscription=subscription_id, from_status=from_status, to_status=to_status,
                             event=event, reason=reason, actor=actor, created_at=clock.now())
    return to_status


def find_plan(code) -> Plan:
    if not isinstance(code, str) or not code.strip():
        raise ValidationError("plan code must be given")
    plan = Plan.get_or_none(Plan.code == code.strip()) if storable(code) else None
    if plan is None:
        raise NotFound(f"no plan {code.strip()[:64]!r}")
    return plan


class SubscriptionService:
    def __init__(self, clock, notifications=None):
        self.clock = clock
        self.notifications = notifications

    # --- reading -------------------------------------------------------------

    def get(self, subscription_id: int) -> SubscriptionInfo:
        row = Subscription.get_or_none(Subscription.id == check_id(subscription_id, "subscription"))
        if row is None:
            raise NotFound(f"no subscription #{subscription_id}")
        return subscription_info(row)

    def for_customer(self, email_or_id) -> list[SubscriptionInfo]:
        customer = find_customer(email_or_id)
        rows = (Subscription.select(Subscription, Plan).join(Plan)
                .where(Subscription.customer == customer.id).order_by(Subscription.id))
        return [subscription_info(r, r.plan.code) for r in rows]

    def events(self, subscription_id: int) -> list[EventInfo]:
        rows = SubscriptionEvent.select().where(SubscriptionEvent.subscription == subscription_id).order_by(
            SubscriptionEvent.id)
        return [EventInfo(r.id, r.subscription_id, r.from_status, r.to_status, r.event, r.reason, r.actor,
                          r.created_at) for r in rows]

    def find_open(self, email_or_id, plan_code: str) -> Subscription:
        customer = find_customer(email_or_id)
        plan = find_plan(plan_code)
        row = (Subscription.select().where((Subscription.customer == customer.id) & (Subscription.plan == plan.id))
               .order_by(Subscription.id.desc()).first())
        if row is None:
            raise NotFound(f"{customer.email} has no subscription to {plan.code}")
        return row

    # --- actions -------------------------------------------------------------

    def subscribe(self, actor: Actor, email_or_id, plan_code: str, reason: str = "") -> SubscriptionInfo:
        """Start (or restart an expired) subscription; the first period is paid from the wallet."""
        require(actor, "subscription.subscribe")
        reason = clean_reason(reason)
        customer = find_customer(email_or_id)
        plan = find_plan(plan_code)
        if not plan.active:
            raise ValidationError(f"plan {plan.code} is retired and takes no new subscriptions")
        if customer.status != "active":
            raise ValidationError(f"customer {customer.email} is disabled")
        now = self.clock.now()
        with write_transaction():
            existing = (Subscription.select()
                        .where((Subscription.customer == customer.id) & (Subscription.plan == plan.id))
                        .order_by(Subscription.id.desc()).first())
            if existing is not None and existing.status in OPEN_STATUSES:
                raise Conflict(f"{customer.email} already has a {existing.status.replace('_', ' ')} "
                               f"subscription to {plan.code}")
            wallet = get_or_create_wallet(customer.id, plan.currency, self.clock)
            wallet = lock_wallet(wallet.id)
            period_end = lifecycle.add_interval(now, plan.interval_unit, plan.interval_count, now.day)
            if existing is None:
                row = Subscription.create(
                    customer=customer.id, plan=plan.id, wallet=wallet.id, status=lifecycle.ACTIVE,
                    auto_renew=True, anchor_day=now.day, period_start=now, period_end=period_end,
                    created_at=now, updated_at=now)
                write_event(self.clock, row.id, None, "subscribe", actor.name, reason or None)
            else:
                row = existing
                row.status = write_event(self.clock, row.id, row.status, "resubscribe", actor.name, reason or None)
                row.auto_renew, row.anchor_day, row.pending_since = True, now.day, None
                row.period_start, row.period_end, row.updated_at = now, period_end, now
                row.save()
            self._charge_period(row, plan, wallet, now, period_end, plan.price_minor, 0, actor.name, "subscribe")
            record_audit(self.clock, actor.name, "subscription.subscribe", "subscription", row.id,
                         after={"customer": customer.email, "plan": plan.code, "period_end": period_end},
                         reason=reason)
        return subscription_info(row, plan.code)

    def cancel(self, actor: Actor, subscription_id: int, reason: str = "") -> SubscriptionInfo:
        """Turn auto-renew off; access continues until the paid period ends."""
        return self._simple_move(actor, subscription_id, "subscription.cancel", "cancel", reason,
                                 auto_renew=False)

    def reinstate(self, actor: Actor, subscription_id: int, reason: str = "") -> SubscriptionInfo:
        return self._simple_move(actor, subscription_id, "subscription.reinstate", "reinstate", reason,
                                 auto_renew=True)

    def _simple_move(self, actor, subscription_id, action, event, reason, *, auto_renew) -> SubscriptionInfo:
        require(actor, action)
        subscription_id, reason = check_id(subscription_id, "subscription"), clean_reason(reason)
        now = self.clock.now()
        with write_transaction():
            row = for_update(Subscription.select().where(Subscription.id == subscription_id)).first()
            if row is None:
                raise NotFound(f"no subscription #{subscription_id}")
            if event == "reinstate" and row.status == lifecycle.CANCELED and row.period_end <= now:
                raise InvalidTransition("the paid period has ended; subscribe again instead")
            before = {"status": row.status, "auto_renew": row.auto_renew}
            row.status = write_event(self.clock, row.id, row.status, event, actor.name, reason or None)
            row.auto_renew, row.updated_at = auto_renew, now
            row.save()
            record_audit(self.clock, actor.name, action, "subscription", row.id, before=before,
                         after={"status": row.status, "auto_renew": auto_renew}, reason=reason)
        return subscription_info(row)

    def change_plan(self, actor: Actor, subscription_id: int, new_plan_code: str, reason: str = "") -> SubscriptionInfo:
        """Switch an active subscription now, settling the unused part of the period.

        The wallet is credited the unused share of the old price and debited the
        same share of the new one; only the difference moves.
        """
        require(actor, "subscription.change_plan")
        subscription_id, reason = check_id(subscription_id, "subscription"), clean_reason(reason)
        new_plan = find_plan(new_plan_code)
        if not new_plan.active:
            raise ValidationError(f"plan {new_plan.code} is retired")
        now = self.clock.now()
        with write_transaction():
            row = for_update(Subscription.select().where(Subscription.id == subscription_id)).first()
            if row is None:
                raise NotFound(f"no subscription #{subscription_id}")
            if row.status != lifecycle.ACTIVE:
                raise InvalidTransition(f"only an active subscription can change plan; this one is {row.status}")
            old_plan = Plan.get_by_id(row.plan_id)
            if old_plan.id == new_plan.id:
                raise ValidationError(f"the subscription is already on {new_plan.code}")
            if old_plan.currency != new_plan.currency:
                raise ValidationError("plans in different currencies cannot be swapped; cancel and subscribe")
            if Subscription.select().where((Subscription.customer == row.customer_id)
                                           & (Subscription.plan == new_plan.id)
                                           & Subscription.status.in_(OPEN_STATUSES)).exists():
                raise Conflict(f"the customer already has an open subscription to {new_plan.code}")
            total = (row.period_end - row.period_start).total_seconds()
            left = max(0.0, (row.period_end - now).total_seconds())
            # Whole seconds keep the proration exact in integers.
            total_s, left_s = max(1, int(total)), int(left)
            net = (new_plan.price_minor - old_plan.price_minor) * left_s // total_s
            key = f"planchange:{row.id}:{row.period_start.isoformat()}:{old_plan.code}->{new_plan.code}"
            if net:
                post_entry(self.clock, row.wallet_id, "adjustment", -net, key, actor=actor.name,
                           ref=("subscription", row.id),
                           note=f"plan change {old_plan.code} → {new_plan.code}, prorated")
            before = {"plan": old_plan.code}
            row.plan, row.updated_at = new_plan.id, now
            row.save()
            SubscriptionEvent.create(subscription=row.id, from_status=row.status, to_status=row.status,
                                     event="change_plan", reason=f"{old_plan.code} → {new_plan.code}. {reason}".strip(),
                                     actor=actor.name, created_at=now)
            record_audit(self.clock, actor.name, "subscription.change_plan", "subscription", row.id,
                         before=before, after={"plan": new_plan.code, "settled_minor": net}, reason=reason)
        return subscription_info(row, new_plan.code)

    def _charge_period(self, row: Subscription, plan: Plan, wallet: Wallet, start: datetime, end: datetime,
                       plan_minor: int, usage_minor: int, actor: str, why: str) -> None:
        amount = plan_minor + usage_minor
        entry_id = None
        if amount:
            entry = post_entry(self.clock, wallet.id, "renewal", -amount,
                               f"{why}:{row.id}:{start.isoformat()}", actor=actor, ref=("subscription", row.id),
                               note=f"{plan.code} {start:%Y-%m-%d} → {end:%Y-%m-%d}", wallet=wallet)
            entry_id = entry.id
        SubscriptionCharge.create(subscription=row.id, period_start=start, period_end=end, plan_minor=plan_minor,
                                  usage_minor=usage_minor, ledger_entry=entry_id, created_at=self.clock.now())
