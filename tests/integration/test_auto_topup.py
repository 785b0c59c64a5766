"""Automatic top-up: saved cards, the two kinds of rule, and the sweep that charges them through the
ordinary top-up path — once per renewal period or balance crossing however often it runs, declines
turning the rule off with word to the operators and the customer, gateway trouble left to the queue."""

from __future__ import annotations

import json

import pytest

from models.tables import (
    AuditEntry,
    AutoTopUpRule,
    CustomerNotice,
    ErrorItem,
    GatewayCharge,
    Notification,
    PaymentCard,
    Plan,
    Subscription,
    TopUp,
    Wallet,
)
from services.auth import Actor
from services.auto_topup import AUTO_TOPUP_ACTOR, rounded_up
from services.errors import NotFound, PermissionDenied, ValidationError
from services.payment_cards import CARD_REMOVED
from services.reports import integrity_check
from tests.integration.conftest import set_gateway
from tests.integration.test_invariants import Race

ADMIN = Actor("alice", "admin")
OPERATOR = Actor("oscar", "operator")
VIEWER = Actor("vera", "viewer")


def customer_with_plan(core, email: str, opening: int, price: int = 1000):
    """A customer subscribed to a monthly plan at ``price``, left with ``opening - price`` in the wallet."""
    code = f"m{price}"
    if not Plan.select().where(Plan.code == code).exists():
        core.features.create_plan(ADMIN, code, f"Monthly {price}", price, "USD", "month", 1, 3)
    customer = core.customers.create_customer(OPERATOR, email.split("@")[0], email)
    wallet_id = core.customers.wallets(customer.id)[0].id
    core.payments.adjust_balance(ADMIN, wallet_id, opening, "opening balance")
    sub = core.subscriptions.subscribe(OPERATOR, customer.email, code)
    return customer, wallet_id, sub


def balance(wallet_id: int) -> int:
    return Wallet.get_by_id(wallet_id).balance_minor


def auto_topups() -> list[TopUp]:
    return list(TopUp.select().where(TopUp.actor == AUTO_TOPUP_ACTOR.name).order_by(TopUp.id))


def test_rounding_up_to_a_multiple():
    assert [rounded_up(n, 500) for n in (1, 499, 500, 501, 1000)] == [500, 500, 500, 1000, 1000]


def test_before_renewal_charges_the_shortfall_rounded_up_once_and_the_renewal_is_paid(core, clock):
    customer, wallet_id, sub = customer_with_plan(core, "ada@example.com", 1200)  # 200 left, renewal 1000
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa", "asked by phone")
    assert (card.brand, card.last4) == ("visa", "4242")
    core.auto_topup.set_rule(
        OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to="5.00"
    )
    clock.advance(days=20)  # 11 days before the renewal: too early
    assert core.auto_topup.sweep()["charged"] == 0 and auto_topups() == []

    clock.advance(days=9)  # 2 days before it
    summary = core.auto_topup.sweep()
    assert summary["charged"] == 1
    [topup] = auto_topups()
    assert (topup.amount_minor, topup.status, topup.card_id) == (1000, "succeeded", card.id)  # 800 rounded up
    assert balance(wallet_id) == 1200
    assert core.auto_topup.sweep()["charged"] == 0  # covered now
    assert GatewayCharge.select().count() == 1

    clock.advance(days=3)
    assert core.renewals.renew_due_subscriptions()["renewed"] == 1
    assert Subscription.get_by_id(sub.id).status == "active" and balance(wallet_id) == 200
    assert integrity_check(clock.now())["ok"]


def test_a_replayed_sweep_never_charges_a_renewal_period_twice(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "bo@example.com", 1000)  # nothing left
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_mastercard")
    core.auto_topup.set_rule(OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=5, round_to=100)
    clock.advance(days=28)
    assert core.auto_topup.sweep()["charged"] == 1
    # The money is spent before the renewal: the same period is short again, and its key is taken.
    core.payments.adjust_balance(ADMIN, wallet_id, -1000, "moved to another wallet")
    assert core.auto_topup.sweep()["already"] == 1
    assert len(auto_topups()) == 1 and GatewayCharge.select().count() == 1


def test_sweeps_running_at_once_charge_once(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "cy@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    core.auto_topup.set_rule(OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=5, round_to=100)
    clock.advance(days=28)
    race = Race(4)
    for n in range(4):
        race.start(f"sweep-{n}", lambda r: r.attempt(core.auto_topup.sweep))
    race.join()
    assert len(auto_topups()) == 1 and GatewayCharge.select().count() == 1
    assert balance(wallet_id) == 1000
    assert integrity_check(clock.now())["ok"]


def test_below_balance_tops_up_once_per_fall_below_the_threshold(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "di@example.com", 1300)  # 300 left
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_amex")
    core.auto_topup.set_rule(
        OPERATOR, customer.email, "below_balance", card_id=card.id, threshold="5.00", amount="20.00"
    )
    assert core.auto_topup.sweep()["charged"] == 1
    assert balance(wallet_id) == 2300
    assert core.auto_topup.sweep()["charged"] == 0
    core.payments.adjust_balance(ADMIN, wallet_id, -2000, "spent")  # below again: a new fall
    assert core.auto_topup.sweep()["charged"] == 1
    assert core.auto_topup.sweep()["charged"] == 0
    assert [t.amount_minor for t in auto_topups()] == [2000, 2000] and balance(wallet_id) == 2300


def test_a_top_up_too_small_to_lift_the_balance_is_not_repeated_for_the_same_fall(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "ed@example.com", 1100)  # 100 left
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    core.auto_topup.set_rule(OPERATOR, customer.email, "below_balance", card_id=card.id, threshold=1000, amount=200)
    assert core.auto_topup.sweep()["charged"] == 1
    assert core.auto_topup.sweep()["already"] == 1
    assert balance(wallet_id) == 300 and len(auto_topups()) == 1


def test_a_decline_turns_the_rule_off_and_tells_operators_and_customer(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "fa@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_chargeDeclinedInsufficientFunds")
    assert card.last4 == "9995"
    rule = core.auto_topup.set_rule(
        OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500
    )
    clock.advance(days=29)
    assert core.auto_topup.sweep()["declined"] == 1

    [topup] = auto_topups()
    assert topup.status == "failed" and balance(wallet_id) == 0
    row = AutoTopUpRule.get_by_id(rule.id)
    assert not row.active and "insufficient funds" in row.turned_off_reason
    note = Notification.get(Notification.kind == "auto_topup_declined")
    params = json.loads(note.params)
    assert params["decline_code"] == "insufficient_funds" and params["card_last4"] == "9995"
    assert note.subject_type == "customer" and note.subject_id == customer.id
    notice = CustomerNotice.get(CustomerNotice.kind == "auto_topup_declined")
    assert notice.customer_id == customer.id and notice.status == "pending"
    assert json.loads(notice.params) == {
        "rule_id": rule.id,
        "amount_minor": 1000,
        "currency": "USD",
        "card_last4": "9995",
        "decline_code": "insufficient_funds",
    }
    # Off stays off: the next sweeps charge nothing and write nothing more.
    assert core.auto_topup.sweep()["rules"] == 0
    assert (
        len(auto_topups()) == 1
        and CustomerNotice.select().where(CustomerNotice.kind == "auto_topup_declined").count() == 1
    )

    # A new card and the rule turned on again: it charges anew, the renewal is saved.
    good = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    core.auto_topup.set_rule(OPERATOR, customer.email, "before_renewal", card_id=good.id, days_before=3, round_to=500)
    assert core.auto_topup.sweep()["charged"] == 1
    assert balance(wallet_id) == 1000
    assert integrity_check(clock.now())["ok"]


def test_a_gateway_that_does_not_answer_leaves_the_top_up_in_the_queue_and_the_rule_on(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "gu@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    rule = core.auto_topup.set_rule(
        OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500
    )
    clock.advance(days=29)
    set_gateway(core, error_rate=1.0)
    assert core.auto_topup.sweep()["queued"] == 1
    item = ErrorItem.get(ErrorItem.operation == "topup")
    assert item.status == "retrying" and AutoTopUpRule.get_by_id(rule.id).active
    # The queued top-up counts as money on its way: the next sweep does not charge again.
    assert core.auto_topup.sweep()["not_needed"] == 1

    set_gateway(core, error_rate=0.0)
    clock.advance(hours=1)
    core.run_retries()
    assert ErrorItem.get_by_id(item.id).status == "resolved"
    [topup] = auto_topups()
    assert topup.status == "succeeded" and balance(wallet_id) == 1000
    assert GatewayCharge.select().count() == 1


def test_a_card_that_fails_at_the_processor_is_queued_not_turned_off(core, clock):
    customer, _wallet_id, _sub = customer_with_plan(core, "ha@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_chargeDeclinedProcessingError")
    rule = core.auto_topup.set_rule(
        OPERATOR, customer.email, "below_balance", card_id=card.id, threshold=500, amount=500
    )
    assert core.auto_topup.sweep()["queued"] == 1
    assert ErrorItem.get(ErrorItem.operation == "topup").error_class == "transient"
    assert AutoTopUpRule.get_by_id(rule.id).active and GatewayCharge.select().count() == 0


def test_a_crash_between_the_charge_and_the_credit_is_reconciled_once(core, clock, monkeypatch):
    customer, wallet_id, _sub = customer_with_plan(core, "ib@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    core.auto_topup.set_rule(OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500)
    clock.advance(days=29)
    real_credit = core.payments._credit_topup

    def power_cut(*args, **kwargs):
        raise OSError("power cut after the gateway answered")

    monkeypatch.setattr(core.payments, "_credit_topup", power_cut)
    assert core.auto_topup.sweep()["errors"] == 1
    assert GatewayCharge.select().count() == 1 and auto_topups()[0].status == "pending"
    assert balance(wallet_id) == 0
    monkeypatch.setattr(core.payments, "_credit_topup", real_credit)

    # The top-up waiting for its outcome counts as money on its way: no second charge while it waits.
    assert core.auto_topup.sweep()["not_needed"] == 1
    clock.advance(minutes=2)
    assert core.run_janitor()["topups"] == 1
    assert auto_topups()[0].status == "succeeded" and balance(wallet_id) == 1000
    assert core.auto_topup.sweep()["charged"] == 0
    assert GatewayCharge.select().count() == 1
    assert integrity_check(clock.now())["ok"]


def test_removing_a_card_turns_its_rule_off(core, clock):
    customer, _wallet_id, _sub = customer_with_plan(core, "jo@example.com", 1500)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    rule = core.auto_topup.set_rule(
        OPERATOR, customer.email, "below_balance", card_id=card.id, threshold=100, amount=500
    )
    core.cards.remove_card(OPERATOR, card.id, "card lost")
    row = AutoTopUpRule.get_by_id(rule.id)
    assert not row.active and row.turned_off_reason == CARD_REMOVED
    assert core.cards.cards(customer.email) == []
    assert [c.id for c in core.cards.cards(customer.email, include_removed=True)] == [card.id]
    # Saved again after removal: a new row.
    assert core.cards.add_card(OPERATOR, customer.email, "pm_card_visa").id != card.id


def _nothing_written(before: dict) -> None:
    now = {m.__name__: m.select().count() for m in (PaymentCard, AutoTopUpRule, AuditEntry, TopUp)}
    assert now == before


@pytest.mark.parametrize(
    "change",
    [
        dict(kind="sometimes"),
        dict(days_before=0),
        dict(days_before=61),
        dict(days_before="3"),
        dict(round_to="0"),
        dict(round_to="-5"),
        dict(round_to="1.234"),
        dict(round_to=None),
        dict(threshold=500),
        dict(kind="below_balance", days_before=None, round_to=None, threshold="5", amount=None),
        dict(kind="below_balance", days_before=None, round_to=None, threshold="abc", amount="5"),
        dict(currency="XYZ"),
        dict(card_id="x"),
        dict(card_id=999),
    ],
)
def test_bad_rules_are_refused_with_a_reason_and_write_nothing(core, change):
    customer, _wallet_id, _sub = customer_with_plan(core, "ka@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    before = {m.__name__: m.select().count() for m in (PaymentCard, AutoTopUpRule, AuditEntry, TopUp)}
    args = dict(kind="before_renewal", card_id=card.id, days_before=3, round_to="5.00", **{})
    args.update(change)
    kind = args.pop("kind")
    with pytest.raises(ValidationError) as refused:
        core.auto_topup.set_rule(OPERATOR, customer.email, kind, **args)
    assert str(refused.value)
    _nothing_written(before)


def test_another_customers_or_a_removed_card_is_refused(core):
    first, _w, _s = customer_with_plan(core, "la@example.com", 1000)
    second, _w2, _s2 = customer_with_plan(core, "mo@example.com", 1000)
    theirs = core.cards.add_card(OPERATOR, second.email, "pm_card_visa")
    with pytest.raises(ValidationError, match="not a saved card"):
        core.auto_topup.set_rule(OPERATOR, first.email, "below_balance", card_id=theirs.id, threshold=1, amount=1)
    mine = core.cards.add_card(OPERATOR, first.email, "pm_card_visa")
    core.cards.remove_card(OPERATOR, mine.id)
    with pytest.raises(ValidationError, match="not a saved card"):
        core.auto_topup.set_rule(OPERATOR, first.email, "below_balance", card_id=mine.id, threshold=1, amount=1)
    assert AutoTopUpRule.select().count() == 0


def test_cards_the_gateway_does_not_know_and_roles_that_may_not_are_refused(core):
    customer, _w, _s = customer_with_plan(core, "ni@example.com", 1000)
    before = {m.__name__: m.select().count() for m in (PaymentCard, AutoTopUpRule, AuditEntry, TopUp)}
    for token in ("4242424242424242", "", "pm_card_nope", "x" * 65):
        with pytest.raises(ValidationError):
            core.cards.add_card(OPERATOR, customer.email, token)
    with pytest.raises(PermissionDenied):
        core.cards.add_card(VIEWER, customer.email, "pm_card_visa")
    with pytest.raises(NotFound):
        core.cards.add_card(OPERATOR, "nobody@example.com", "pm_card_visa")
    _nothing_written(before)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    with pytest.raises(PermissionDenied):
        core.auto_topup.set_rule(VIEWER, customer.email, "below_balance", card_id=card.id, threshold=1, amount=1)
    with pytest.raises(PermissionDenied):
        core.cards.remove_card(VIEWER, card.id)
    with pytest.raises(ValidationError, match="no automatic top-up"):
        core.auto_topup.turn_off(OPERATOR, customer.email)


def test_setting_and_turning_off_a_rule_is_audited(core):
    customer, wallet_id, _s = customer_with_plan(core, "ol@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa", "customer's request")
    rule = core.auto_topup.set_rule(OPERATOR, customer.email, "below_balance", card_id=card.id, threshold=1, amount=1)
    changed = core.auto_topup.set_rule(
        OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=7, round_to=1000
    )
    assert changed.id == rule.id and changed.version == 2 and changed.kind == "before_renewal"
    [off] = core.auto_topup.turn_off(OPERATOR, customer.email, reason="customer asked")
    assert not off.active and off.turned_off_reason == "turned off by an operator"
    actions = [a.action for a in AuditEntry.select().where(AuditEntry.actor == OPERATOR.name).order_by(AuditEntry.id)]
    assert actions[-4:] == ["card.add", "autotopup.set", "autotopup.set", "autotopup.off"]
    last_set = AuditEntry.select().where(AuditEntry.action == "autotopup.set").order_by(AuditEntry.id.desc()).get()
    assert json.loads(last_set.before)["kind"] == "below_balance" and last_set.target_id == str(wallet_id)


def test_the_reminders_job_runs_the_sweep(core, clock):
    customer, wallet_id, _sub = customer_with_plan(core, "pa@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    core.auto_topup.set_rule(OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500)
    clock.advance(days=29)
    result = core.run_reminders()
    assert result["auto_topups_charged"] == 1 and balance(wallet_id) == 1000
    # The wallet can pay its renewal now: no reminder that it may lapse.
    assert result["reminded"] == 0


def test_the_demo_clock_jump_runs_the_sweep_and_a_renewal_it_missed_is_paid_at_once(core, clock):
    from services.demo_clock import advance_demo_clock

    customer, wallet_id, sub = customer_with_plan(core, "qi@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    core.auto_topup.set_rule(OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500)
    # A month at once: the renewal pass finds the wallet empty, then the sweep tops it up and it renews.
    step = advance_demo_clock(clock, core.renewals, OPERATOR, months=1, auto_topup=core.auto_topup)
    assert step.renewals["pending_renewal"] == 1 and step.auto_topup["charged"] == 1
    assert Subscription.get_by_id(sub.id).status == "active" and balance(wallet_id) == 0
    assert integrity_check(clock.now())["ok"]


def test_a_decline_on_a_retry_turns_the_rule_off_at_the_next_sweep(core, clock):
    customer, _wallet_id, _sub = customer_with_plan(core, "ra@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    rule = core.auto_topup.set_rule(
        OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500
    )
    clock.advance(days=29)
    set_gateway(core, error_rate=1.0)
    assert core.auto_topup.sweep()["queued"] == 1
    set_gateway(core, error_rate=0.0, decline_rate=1.0)
    clock.advance(hours=1)
    core.run_retries()
    assert auto_topups()[0].status == "failed"
    assert core.auto_topup.sweep()["declined"] == 1
    assert not AutoTopUpRule.get_by_id(rule.id).active
    assert CustomerNotice.select().where(CustomerNotice.kind == "auto_topup_declined").count() == 1
    assert core.auto_topup.sweep()["rules"] == 0


def test_a_top_up_an_operator_closed_unsent_does_not_blame_the_card(core, clock):
    customer, _wallet_id, _sub = customer_with_plan(core, "sa@example.com", 1000)
    card = core.cards.add_card(OPERATOR, customer.email, "pm_card_visa")
    rule = core.auto_topup.set_rule(
        OPERATOR, customer.email, "before_renewal", card_id=card.id, days_before=3, round_to=500
    )
    clock.advance(days=29)
    set_gateway(core, error_rate=1.0)
    assert core.auto_topup.sweep()["queued"] == 1
    set_gateway(core, error_rate=0.0)
    item = ErrorItem.get(ErrorItem.operation == "topup")
    core.retries.cancel_retry(ADMIN, [item.id], "customer paid by bank transfer")
    assert auto_topups()[0].status == "failed"
    assert core.auto_topup.sweep()["already"] == 1
    assert AutoTopUpRule.get_by_id(rule.id).active
    declined = CustomerNotice.select().where(CustomerNotice.kind == "auto_topup_declined")
    assert declined.count() == 0 and GatewayCharge.select().count() == 0


def test_check_finds_a_top_up_charged_to_another_customers_card(core, clock):
    first, wallet_id, _s = customer_with_plan(core, "ta@example.com", 1000)
    second, _w, _s2 = customer_with_plan(core, "ub@example.com", 1000)
    theirs = core.cards.add_card(OPERATOR, second.email, "pm_card_visa")
    assert integrity_check(clock.now())["ok"]
    TopUp.create(
        wallet=wallet_id,
        amount_minor=100,
        currency="USD",
        idempotency_key="written-by-hand",
        status="failed",
        actor="someone",
        created_at=clock.now(),
        updated_at=clock.now(),
        card=theirs.id,
    )
    found = integrity_check(clock.now())
    assert not found["ok"]
    [violation] = [v for v in found["violations"] if v["kind"] == "topup_charged_another_customers_card"]
    assert violation["card_id"] == theirs.id and violation["customer_id"] == first.id
