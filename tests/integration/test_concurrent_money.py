"""Two desks acting on the same money at the same moment: the database, not luck, decides.

On SQLite the writers queue behind one lock; on PostgreSQL (the CI's second run) they
really overlap, and row locks and unique indexes must keep the books exact.
"""

from models.tables import CreditNote, Invoice, LedgerEntry, Refund, Subscription, SubscriptionCharge
from services.reports import integrity_check
from tests.factories import balance, make_customer, make_plan
from tests.integration.test_invariants import Race


def test_two_desks_refunding_one_charge_in_full_give_it_back_once(core, clock, admin, operator):
    make_plan(clock, "basic", 4000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    core.subscriptions.subscribe(operator, customer.email, "basic")
    charge = LedgerEntry.get((LedgerEntry.wallet == wallet_id) & (LedgerEntry.kind == "renewal"))
    refunded = []

    def desk(race, tag):
        for _ in range(3):
            info = race.attempt(
                lambda: core.payments.refund_charge(
                    admin, charge.id, "40.00", "duplicate charge", idempotency_key=f"{tag}-{len(refunded)}"
                )
            )
            if info is not None:
                refunded.append(info.amount_minor)

    race = Race(4)
    for n in range(4):
        race.start(f"desk-{n}", lambda r, n=n: desk(r, f"desk-{n}"))
    race.join()

    assert refunded == [4000]
    assert race.refusals["Conflict"] == 11
    assert balance(wallet_id) == 5000
    assert CreditNote.select().count() == 1 and Refund.select().count() == 1
    assert integrity_check(clock.now())["ok"]


def test_two_desks_subscribing_one_customer_to_one_plan_charge_one_period(core, clock, operator):
    make_plan(clock, "basic", 1000)
    customer, wallet_id = make_customer(clock, balance_minor=5000)
    started = []

    def desk(race):
        info = race.attempt(lambda: core.subscriptions.subscribe(operator, customer.email, "basic"))
        if info is not None:
            started.append(info.id)

    race = Race(4)
    for n in range(4):
        race.start(f"desk-{n}", desk)
    race.join()

    assert len(started) == 1 and race.refusals["Conflict"] == 3
    assert Subscription.select().count() == 1 and SubscriptionCharge.select().count() == 1
    assert Invoice.select().count() == 1 and balance(wallet_id) == 4000
    assert integrity_check(clock.now())["ok"]


def test_a_renewal_pass_and_top_ups_on_one_wallet_lose_no_money(core, clock, operator):
    for code in ("a", "b", "c", "d"):
        make_plan(clock, f"daily-{code}", 100, unit="day")
    customer, wallet_id = make_customer(clock, balance_minor=400)
    for code in ("a", "b", "c", "d"):
        core.subscriptions.subscribe(operator, customer.email, f"daily-{code}")
    clock.advance(days=2)
    credited = []

    def renewals(race):
        for _ in range(4):
            race.attempt(core.renewals.renew_due_subscriptions)

    def top_ups(race, tag):
        for n in range(4):
            info = race.attempt(
                lambda n=n: core.payments.top_up(operator, customer.email, 150, idempotency_key=f"{tag}-{n}")
            )
            if info is not None and info.status == "succeeded":
                credited.append(info.amount_minor)

    race = Race(3)
    race.start("renewals", renewals)
    race.start("card-a", lambda r: top_ups(r, "a"))
    race.start("card-b", lambda r: top_ups(r, "b"))
    race.join()

    assert len(credited) == 8
    charged = -sum(
        e.amount_minor
        for e in LedgerEntry.select().where((LedgerEntry.wallet == wallet_id) & (LedgerEntry.kind == "renewal"))
    )
    assert balance(wallet_id) == 400 + sum(credited) - charged
    assert integrity_check(clock.now())["ok"], integrity_check(clock.now())["violations"]
