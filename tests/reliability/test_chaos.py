"""A thousand top-ups through a gateway that errs, times out after charging, declines, and goes down.

The gateway fails transiently, loses answers to charges it made, declines cards,
and has an outage for a stretch in the middle. The scheduler's own jobs (run
through their leases, on a clock that moves two seconds per top-up and then
jumps to each next due retry) work the queue off until nothing is waiting.
"""

from __future__ import annotations

from collections import Counter

import pytest

from models.tables import ErrorAttempt, ErrorItem, GatewayCharge, Notification, TopUp
from services.auth import SYSTEM
from tests.factories import make_customer, make_plan
from tests.reliability.conftest import (
    assert_books_balance,
    assert_credits_match_gateway,
    retry_until_quiet,
    set_gateway,
)

TOPUPS = 1000
OUTAGE = range(400, 560)  # top-ups sent while the gateway is down
CUSTOMERS = 40


def _customers(core, clock, operator) -> list[str]:
    """Forty customers; the first ten wait for money to renew, so top-ups reactivate them."""
    make_plan(clock, "monthly", price_minor=1500)
    emails = []
    for n in range(CUSTOMERS):
        customer, _ = make_customer(clock, f"Chaos {n}", f"chaos{n}@example.com", balance_minor=1500 if n < 10 else 0)
        if n < 10:
            core.subscriptions.subscribe(operator, customer.email, "monthly")
        emails.append(customer.email)
    clock.advance(days=31)
    core.renewals.renew_due_subscriptions(SYSTEM)
    return emails


@pytest.mark.slow
def test_thousand_topups_under_gateway_chaos_are_each_settled_once(core, clock, operator):
    emails = _customers(core, clock, operator)
    set_gateway(core, error_rate=0.08, timeout_rate=0.1, decline_rate=0.04)
    scheduler = core.build_scheduler()
    first_answers = Counter()
    for i in range(TOPUPS):
        if i == OUTAGE.start:
            set_gateway(core, outage=True)
            outage_from = clock.now()
        if i == OUTAGE.stop:
            set_gateway(core, outage=False)
            outage_until = clock.now()
        clock.advance(seconds=2)
        info = core.payments.top_up(operator, emails[i % CUSTOMERS], 500 + (i % 7) * 100, idempotency_key=f"chaos-{i}")
        first_answers[info.status] += 1
        if i % 25 == 24:
            scheduler.run_job("retries")
    jobs_run = Counter()

    def scheduled_retries() -> None:
        scheduler.run_job("retries")
        jobs_run["retries"] += 1
        if jobs_run["retries"] % 10 == 1:
            scheduler.run_job("monitoring")

    passes = retry_until_quiet(clock, scheduled_retries)

    topups = {t.idempotency_key: t for t in TopUp.select().where(TopUp.idempotency_key.startswith("chaos-"))}
    assert len(topups) == TOPUPS
    outcomes = Counter(t.status for t in topups.values())
    manual = {
        i
        for (i,) in ErrorItem.select(ErrorItem.subject_id)
        .where((ErrorItem.operation == "topup") & (ErrorItem.status == "manual"))
        .tuples()
    }
    unsettled = [t.id for t in topups.values() if t.status not in ("succeeded", "failed") and t.id not in manual]
    assert unsettled == [], "top-ups neither settled nor waiting for an operator"
    declined = {
        k
        for (k,) in GatewayCharge.select(GatewayCharge.idempotency_key)
        .where(GatewayCharge.status == "declined")
        .tuples()
    }
    assert all(f"topup:{key}" in declined for key, t in topups.items() if t.status == "failed")

    assert_credits_match_gateway()
    assert_books_balance()

    # Every opening of the breaker is announced once and every closing once, in turn. The outage
    # opens it; a run of transient failures may open it again later, and that must read the same way.
    notices = [
        (n.kind, n.created_at)
        for n in Notification.select()
        .where(Notification.kind.in_(("gateway_outage", "gateway_recovered")))
        .order_by(Notification.id)
    ]
    kinds = [kind for kind, _ in notices]
    assert kinds and kinds == ["gateway_outage", "gateway_recovered"] * (len(kinds) // 2), notices
    spans = [(notices[n][1], notices[n + 1][1]) for n in range(0, len(notices), 2)]
    over_outage = [(opened, closed) for opened, closed in spans if opened <= outage_until and closed >= outage_from]
    assert len(over_outage) == 1, f"one announced opening covers the outage, not {over_outage}"
    assert over_outage[0][1] >= outage_until, "recovery was announced only once the gateway was back"
    assert core.circuit.info().state == "closed"
    # While it was open, queued items waited: the attempts spent in the outage are the top-ups' own
    # first calls, plus at most one probe per reset delay and the failures that opened it.
    spent = (
        ErrorAttempt.select()
        .where(
            (ErrorAttempt.outcome == "failed") & (ErrorAttempt.at >= outage_from) & (ErrorAttempt.at <= outage_until)
        )
        .count()
    )
    probes = int((outage_until - outage_from).total_seconds() // core.circuit.reset_after.total_seconds()) + 1
    assert spent <= len(OUTAGE) + probes + core.circuit.failure_threshold
    assert first_answers["retrying"] > OUTAGE.stop - OUTAGE.start, "the outage put every top-up in the queue"
    reactivated = sum(1 for s in core.subscriptions.for_customer(emails[0]) if s.status == "active")
    assert reactivated == 1

    print(
        f"\nchaos: {TOPUPS} top-ups; first answers {dict(first_answers)}; ended {dict(outcomes)}, "
        f"{len(manual)} in manual; {passes} retry passes until quiet; circuit notices {kinds}"
    )
