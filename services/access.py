"""Access decisions: may this customer use this feature now, how much is left, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from models.tables import Feature, Plan, PlanFeature, Subscription
from services.catalogue import feature_row, quota_of, rate_limit_of, units, window_text
from services.clock import Clock
from services.customers import find_customer
from services.lifecycle import grants_access
from services.metering import used_in_period, used_in_window


@dataclass(frozen=True)
class AccessDecision:
    allowed: bool
    remaining: int | None
    reason: str


class FeatureAccess:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def check_access(self, customer_email_or_id: str | int, feature_code: str) -> AccessDecision:
        """The best answer any of the customer's subscriptions gives: allowed with the most left, else
        the refusal that says most."""
        feature = feature_row(feature_code)
        customer = find_customer(customer_email_or_id)
        subs = list(
            Subscription.select(Subscription, Plan)
            .join(Plan)
            .where(Subscription.customer == customer.id)
            .order_by(Subscription.id.desc())
        )
        grants = {
            row.plan_id: row
            for row in PlanFeature.select().where(
                PlanFeature.feature == feature.id, PlanFeature.plan.in_({sub.plan_id for sub in subs} or {0})
            )
        }
        including = [sub for sub in subs if sub.plan_id in grants and grants[sub.plan_id].enabled]
        if not including:
            if any(sub.plan_id in grants for sub in subs):
                return AccessDecision(False, None, f"{feature.code} is turned off on the customer's plan")
            return AccessDecision(False, None, "no subscription includes this feature")
        now = self.clock.now()
        decisions = [_decide(sub, grants[sub.plan_id], feature, now) for sub in including]
        allowed = [d for d in decisions if d.allowed]
        if allowed:
            return max(allowed, key=lambda d: float("inf") if d.remaining is None else d.remaining)
        exhausted = [d for d in decisions if d.remaining is not None]
        return (exhausted or decisions)[0]


def _decide(sub: Subscription, pf: PlanFeature, feature: Feature, now: datetime) -> AccessDecision:
    granted, why = grants_access(sub.status, sub.period_end, now, sub.plan.access_in_grace)
    if not granted:
        return AccessDecision(False, None, why)
    if feature.type == "boolean":
        return AccessDecision(True, None, f"included in plan {sub.plan.code}")
    if feature.type == "usage":
        return AccessDecision(
            True, None, "always allowed; usage is charged" if pf.pricing != "none" else "always allowed"
        )
    if feature.type == "quota":
        quota = quota_of(pf)
        left = max(0, quota - used_in_period(sub.id, feature.id, sub.metered_since))
        if left:
            return AccessDecision(True, left, f"{left:,} of {units(quota, feature.unit)} left this period")
        if pf.pricing != "none":
            return AccessDecision(
                True, 0, f"quota of {units(quota, feature.unit)} used up this period; further use is charged as overage"
            )
        return AccessDecision(False, 0, f"quota of {units(quota, feature.unit)} used up this period")
    rate_limit, window_seconds = rate_limit_of(pf)
    in_window = used_in_window(sub.id, feature.id, now - timedelta(seconds=window_seconds))
    left = max(0, rate_limit - in_window)
    per = window_text(window_seconds)
    if left:
        return AccessDecision(True, left, f"{left:,} of {units(rate_limit, feature.unit)} per {per} left")
    return AccessDecision(False, 0, f"rate limit of {units(rate_limit, feature.unit)} per {per} reached")
