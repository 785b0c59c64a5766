"""The books stay right whatever operators, the scheduler and the gateway do, in any order.

A hypothesis state machine drives random sequences of operations through the
services on one database and checks the money invariants after every step;
thread tests race the same operations on one wallet.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from peewee import fn

from models.db import database, init_database
from models.migrations import migrate
from models.tables import (
    ErrorItem,
    GatewayCharge,
    LedgerEntry,
    Refund,
    Subscription,
    SubscriptionCharge,
    SubscriptionEvent,
    TopUp,
    Wallet,
)
from services.auth import SYSTEM, Actor
from services.clock import FixedClock
from services.errors import DomainError
from services.reports import integrity_check

ADMIN = Actor("alice", "admin", 1)
OPERATOR = Actor("oscar", "operator", 2)
START = datetime(2026, 1, 15, 9, 0, 0)

GATEWAY_MOODS = {
    "success": {"error_rate": 0.0, "timeout_rate": 0.0, "decline_rate": 0.0},
    "transient": {"error_rate": 1.0, "timeout_rate": 0.0, "decline_rate": 0.0},
    "timeout_after_success": {"error_rate": 0.0, "timeout_rate": 1.0, "decline_rate": 0.0},
    "decline": {"error_rate": 0.0, "timeout_rate": 0.0, "decline_rate": 1.0},
}
PLANS = (  # code, price, interval unit, interval count
    ("monthly", 1000, "month", 1),
    ("weekly", 300, "week", 1),
    ("daily", 50, "day", 1),
    ("monthly-pro", 2500, "month", 1),
)


def open_core(path: Path, clock):
    from scheduler.core import build_core

    init_database(str(path))
    database.connect(reuse_if_open=True)
    migrate()
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    core.secrets.set("gateway_api_key", "sk_test_invariants")
    core.settings.update(SYSTEM, {"gateway.seed": 3, "gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    return core


def set_mood(core, mood: str) -> None:
    knobs = {f"gateway.{k}": v for k, v in GATEWAY_MOODS[mood].items()}
    core.settings.update(SYSTEM, knobs, action="gateway.configure")


def add_catalogue(core) -> None:
    for code, price, unit, count in PLANS:
        core.features.create_plan(ADMIN, code, code.replace("-", " ").title(), price, "USD", unit, count, 2)
    core.features.create_feature(ADMIN, "api-calls", "API calls", "usage", "call")
    core.features.create_feature(ADMIN, "seats", "Seats", "quota", "seat")
    for code in ("monthly", "daily"):
        core.features.set_plan_feature(ADMIN, code, "api-calls", pricing="flat", included=10, unit_price_minor=2)
    core.features.set_plan_feature(ADMIN, "monthly-pro", "seats", quota=5, pricing="flat", unit_price_minor=100)


# --- the invariants, as a user of the books would state them ----------------------------


def money_violations() -> list[str]:
    """Every way the books can be wrong, checked directly on the tables."""
    problems = []
    check = integrity_check()
    if not check["ok"]:
        problems.append(f"integrity check: {check['violations']}")
    sums = dict(
        LedgerEntry.select(LedgerEntry.wallet, fn.SUM(LedgerEntry.amount_minor)).group_by(LedgerEntry.wallet).tuples()
    )
    for wallet_id, balance in Wallet.select(Wallet.id, Wallet.balance_minor).tuples():
        if balance != sums.get(wallet_id, 0) or balance < 0:
            problems.append(f"wallet #{wallet_id}: balance {balance}, ledger {sums.get(wallet_id, 0)}")
    for wallet_id, entry_id, after in LedgerEntry.select(
        LedgerEntry.wallet, LedgerEntry.id, LedgerEntry.balance_after_minor
    ).tuples():
        if after < 0:
            problems.append(f"ledger entry #{entry_id} of wallet #{wallet_id} left it at {after}")
    periods = Counter(
        SubscriptionCharge.select(SubscriptionCharge.subscription, SubscriptionCharge.period_start).tuples()
    )
    problems += [
        f"subscription #{s} charged {n} times for the period from {p}" for (s, p), n in periods.items() if n > 1
    ]
    problems += charge_ledger_mismatches()
    problems += gateway_topup_mismatches()
    return problems


def charge_ledger_mismatches() -> list[str]:
    """Each recorded charge is paid by exactly one renewal debit of its amount, and no debit is unexplained."""
    problems = []
    linked = Counter()
    for charge in SubscriptionCharge.select():
        amount = charge.plan_minor + charge.usage_minor
        if amount == 0:
            if charge.ledger_entry_id is not None:
                problems.append(f"free charge #{charge.id} points at a ledger entry")
            continue
        entry = LedgerEntry.get_or_none(LedgerEntry.id == charge.ledger_entry_id)
        if entry is None or entry.amount_minor != -amount or entry.kind != "renewal":
            problems.append(f"charge #{charge.id} of {amount} is not paid by its ledger entry")
        linked[charge.ledger_entry_id] += 1
    for (entry_id,) in LedgerEntry.select(LedgerEntry.id).where(LedgerEntry.kind == "renewal").tuples():
        if linked[entry_id] != 1:
            problems.append(f"renewal debit #{entry_id} belongs to {linked[entry_id]} charges")
    given_back = dict(
        Refund.select(Refund.ledger_entry, fn.SUM(Refund.amount_minor))
        .where((Refund.kind == "charge") & (Refund.status != "failed"))
        .group_by(Refund.ledger_entry)
        .tuples()
    )
    for entry_id, refunded in given_back.items():
        debit = LedgerEntry.get_by_id(entry_id).amount_minor
        if refunded > -debit:
            problems.append(f"charge #{entry_id} of {-debit} was refunded {refunded}")
    # Consecutive charges of one subscription never cover the same time.
    by_sub: dict[int, list] = {}
    for sub_id, start, end in SubscriptionCharge.select(
        SubscriptionCharge.subscription, SubscriptionCharge.period_start, SubscriptionCharge.period_end
    ).tuples():
        by_sub.setdefault(sub_id, []).append((start, end))
    for sub_id, spans in by_sub.items():
        spans.sort()
        for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
            if next_start < end:
                problems.append(f"subscription #{sub_id} paid twice for {next_start}…{end}")
    return problems


def gateway_topup_mismatches() -> list[str]:
    """The processor's succeeded top-up charges are exactly the credited top-ups, but for those
    whose answer was lost and that wait in the error queue to be reconciled."""
    problems = []
    charged = {
        row.idempotency_key[len("topup:") :]: row.amount_minor
        for row in GatewayCharge.select().where(
            (GatewayCharge.status == "succeeded") & GatewayCharge.idempotency_key.startswith("topup:")
        )
    }
    credits = {
        ref_id: (n, total)
        for ref_id, n, total in LedgerEntry.select(
            LedgerEntry.ref_id, fn.COUNT(LedgerEntry.id), fn.SUM(LedgerEntry.amount_minor)
        )
        .where((LedgerEntry.kind == "topup") & (LedgerEntry.ref_type == "topup"))
        .group_by(LedgerEntry.ref_id)
        .tuples()
    }
    credited = {}
    for topup in TopUp.select():
        count, total = credits.get(topup.id, (0, 0))
        if count:
            credited[topup.idempotency_key] = total
            if count != 1 or total != topup.amount_minor or topup.status != "succeeded":
                problems.append(f"top-up #{topup.id} ({topup.status}) credited {count} times, {total} in all")
    open_topups = {
        row.subject_id
        for row in ErrorItem.select(ErrorItem.subject_id).where(
            (ErrorItem.operation == "topup") & ErrorItem.status.in_(("retrying", "manual"))
        )
    }
    for key, amount in charged.items():
        if key in credited:
            if credited[key] != amount:
                problems.append(f"top-up {key}: charged {amount}, credited {credited[key]}")
            continue
        topup = TopUp.get_or_none(TopUp.idempotency_key == key)
        if topup is None or topup.id not in open_topups:
            problems.append(f"the card was charged {amount} for top-up {key} but the wallet never got it")
    for key in credited:
        if key not in charged:
            problems.append(f"top-up {key} was credited without a succeeded card charge")
    for topup in TopUp.select():
        sent = (
            Refund.select(fn.COALESCE(fn.SUM(Refund.amount_minor), 0))
            .where((Refund.topup == topup.id) & (Refund.status != "failed"))
            .scalar()
        )
        if sent > topup.amount_minor:
            problems.append(f"top-up #{topup.id} of {topup.amount_minor} refunded {sent}")
    return problems


# --- the random walk ----------------------------------------------------------------------

pick = st.integers(min_value=0, max_value=10**6)
moods = st.sampled_from(sorted(GATEWAY_MOODS))


class BillingMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="invariants-"))
        self.clock = FixedClock(START)
        self.core = open_core(self.folder / "books.sqlite3", self.clock)
        add_catalogue(self.core)
        self.customers: list[str] = []
        self.topup_keys: list[tuple[str, int, str]] = []  # key, amount, customer email
        self.outcomes: Counter = Counter()

    def teardown(self):
        database.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def attempt(self, name: str, action):
        """Run one operation; a domain refusal is a fine outcome, anything else is a bug."""
        try:
            result = action()
        except DomainError as refusal:
            self.outcomes[f"{name}: {type(refusal).__name__}"] += 1
            return None
        self.outcomes[f"{name}: done"] += 1
        return result

    def subscription_ids(self) -> list[int]:
        return [s for (s,) in Subscription.select(Subscription.id).order_by(Subscription.id).tuples()]

    # --- operations -------------------------------------------------------------------

    @initialize()
    def two_customers(self):
        self.create_customer(5000)
        self.create_customer(0)

    @precondition(lambda self: len(self.customers) < 4)
    @rule(balance=st.sampled_from([0, 500, 5000]))
    def create_customer(self, balance):
        email = f"c{len(self.customers) + 1}@example.com"
        info = self.attempt(
            "create customer",
            lambda: self.core.customers.create_customer(OPERATOR, f"Customer {len(self.customers) + 1}", email),
        )
        if info is not None:
            self.customers.append(email)
            if balance:
                wallet_id = self.core.customers.wallets(info.id)[0].id
                self.attempt(
                    "opening balance",
                    lambda: self.core.payments.adjust_balance(ADMIN, wallet_id, balance, "opening balance"),
                )

    @precondition(lambda self: self.customers)
    @rule(who=pick, amount=st.sampled_from([100, 700, 1234, 5000]), mood=moods, reuse=pick)
    def top_up(self, who, amount, mood, reuse):
        set_mood(self.core, mood)
        if self.topup_keys and reuse % 4 == 0:
            key, amount, email = self.topup_keys[reuse % len(self.topup_keys)]
        else:
            key, email = f"order-{len(self.topup_keys) + 1}", self.customers[who % len(self.customers)]
            self.topup_keys.append((key, amount, email))
        self.attempt(
            f"top-up ({mood})", lambda: self.core.payments.top_up(OPERATOR, email, amount, idempotency_key=key)
        )

    @precondition(lambda self: self.customers)
    @rule(who=pick, plan=st.sampled_from([code for code, *_ in PLANS]))
    def subscribe(self, who, plan):
        email = self.customers[who % len(self.customers)]
        self.attempt("subscribe", lambda: self.core.subscriptions.subscribe(OPERATOR, email, plan))

    @precondition(lambda self: Subscription.select().exists())
    @rule(which=pick, move=st.sampled_from(["cancel", "reinstate"]))
    def cancel_or_reinstate(self, which, move):
        ids = self.subscription_ids()
        sub_id = ids[which % len(ids)]
        self.attempt(move, lambda: getattr(self.core.subscriptions, move)(OPERATOR, sub_id, "asked by phone"))

    @precondition(lambda self: Subscription.select().exists())
    @rule(which=pick, plan=st.sampled_from([code for code, *_ in PLANS]))
    def change_plan(self, which, plan):
        ids = self.subscription_ids()
        sub_id = ids[which % len(ids)]
        self.attempt("change plan", lambda: self.core.subscriptions.change_plan(OPERATOR, sub_id, plan))

    @precondition(lambda self: Subscription.select().exists())
    @rule(which=pick, feature=st.sampled_from(["api-calls", "seats"]), quantity=st.integers(1, 40))
    def record_usage(self, which, feature, quantity):
        ids = self.subscription_ids()
        sub_id = ids[which % len(ids)]
        self.attempt("usage", lambda: self.core.features.record_usage(OPERATOR, sub_id, feature, quantity))

    @rule(hours=st.sampled_from([1, 6, 24, 24 * 3, 24 * 7, 24 * 31, 24 * 45]))
    def time_passes_and_renewals_run(self, hours):
        self.clock.advance(hours=hours)
        summary = self.core.renewals.renew_due_subscriptions()
        assert summary["errors"] == 0, summary
        self.outcomes["renewal pass"] += 1

    @rule(mood=moods, minutes=st.sampled_from([0, 5, 60, 24 * 60]))
    def retry_pass(self, mood, minutes):
        set_mood(self.core, mood)
        self.clock.advance(minutes=minutes)
        self.core.retries.process_pending_retries()
        self.outcomes["retry pass"] += 1

    @precondition(lambda self: TopUp.select().where(TopUp.status == "succeeded").exists())
    @rule(which=pick, share=st.sampled_from([0.1, 0.5, 1.0, 1.5]), mood=moods)
    def refund_topup(self, which, share, mood):
        topups = list(TopUp.select().where(TopUp.status == "succeeded").order_by(TopUp.id))
        topup = topups[which % len(topups)]
        set_mood(self.core, mood)
        amount = max(1, int(topup.amount_minor * share))
        self.attempt(
            f"refund top-up ({mood})",
            lambda: self.core.payments.refund_topup(ADMIN, topup.id, amount, "customer asked"),
        )

    @precondition(lambda self: LedgerEntry.select().where(LedgerEntry.kind.in_(("renewal", "usage"))).exists())
    @rule(which=pick, share=st.sampled_from([0.25, 0.5, 1.0, 2.0]))
    def refund_charge(self, which, share):
        entries = list(LedgerEntry.select().where(LedgerEntry.kind.in_(("renewal", "usage"))).order_by(LedgerEntry.id))
        entry = entries[which % len(entries)]
        amount = max(1, int(-entry.amount_minor * share))
        self.attempt("refund charge", lambda: self.core.payments.refund_charge(ADMIN, entry.id, amount, "goodwill"))

    @precondition(lambda self: Wallet.select().exists())
    @rule(which=pick, amount=st.sampled_from([-5000, -300, -1, 1, 250, 3000]))
    def adjust_balance(self, which, amount):
        wallets = [w for (w,) in Wallet.select(Wallet.id).order_by(Wallet.id).tuples()]
        wallet_id = wallets[which % len(wallets)]
        self.attempt("adjust", lambda: self.core.payments.adjust_balance(ADMIN, wallet_id, amount, "correction"))

    # --- after every step -----------------------------------------------------------------

    @invariant()
    def books_balance(self):
        problems = money_violations()
        assert not problems, "\n".join(problems)


def test_random_operations_keep_the_books_right():
    run_state_machine_as_test(
        BillingMachine,
        settings=settings(
            max_examples=40,
            stateful_step_count=35,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


# --- threads racing on one database ---------------------------------------------------------


class Race:
    """Threads that start together, each on its own connection; every surprise is kept."""

    def __init__(self, workers: int):
        self.barrier = threading.Barrier(workers)
        self.unexpected: list[BaseException] = []
        self.refusals: Counter = Counter()
        self._lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def start(self, name: str, body) -> None:
        def run():
            try:
                with database.connection_context():
                    self.barrier.wait(timeout=30)
                    body(self)
            except BaseException as error:  # noqa: BLE001 - reported by the test, not swallowed
                with self._lock:
                    self.unexpected.append(error)

        thread = threading.Thread(target=run, name=name, daemon=True)
        self.threads.append(thread)
        thread.start()

    def attempt(self, action):
        """A domain refusal is a fine outcome under contention; a busy database never is."""
        try:
            return action()
        except DomainError as refusal:
            assert "locked" not in str(refusal).lower(), refusal
            with self._lock:
                self.refusals[type(refusal).__name__] += 1
            return None

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=120)
        assert not any(t.is_alive() for t in self.threads), "a racing thread never finished"
        assert not self.unexpected, [f"{type(e).__name__}: {e}" for e in self.unexpected]


def renewal_debits(wallet_id: int) -> int:
    return -(
        LedgerEntry.select(fn.COALESCE(fn.SUM(LedgerEntry.amount_minor), 0))
        .where((LedgerEntry.wallet == wallet_id) & (LedgerEntry.kind == "renewal"))
        .scalar()
    )


def charges_of_wallet(wallet_id: int) -> int:
    return (
        SubscriptionCharge.select(
            fn.COALESCE(fn.SUM(SubscriptionCharge.plan_minor + SubscriptionCharge.usage_minor), 0)
        )
        .join(Subscription)
        .where(Subscription.wallet == wallet_id)
        .scalar()
    )


def test_threads_racing_on_one_wallet_never_double_debit(core, clock):
    for code, price in (("daily-a", 100), ("daily-b", 150), ("daily-c", 250), ("weekly", 700), ("monthly", 1900)):
        unit = "week" if code == "weekly" else "month" if code == "monthly" else "day"
        core.features.create_plan(ADMIN, code, code.title(), price, "USD", unit, 1, 5)
    customer = core.customers.create_customer(OPERATOR, "Racing Wallet", "race@example.com")
    wallet_id = core.customers.wallets(customer.id)[0].id
    core.payments.adjust_balance(ADMIN, wallet_id, 1000, "opening balance")
    for code in ("daily-a", "daily-b", "daily-c"):
        core.subscriptions.subscribe(OPERATOR, customer.email, code)
    clock.advance(days=3)  # each daily plan owes three periods; the wallet covers only some
    opening = Wallet.get_by_id(wallet_id).balance_minor
    credited, adjusted = [], []
    renew_summaries = []

    def renewals(race):
        for _ in range(6):
            renew_summaries.append(race.attempt(core.renewals.renew_due_subscriptions))
            race.attempt(lambda: core.renewals.activate_pending_for_wallet(wallet_id))

    def activations(race):
        for _ in range(10):
            race.attempt(lambda: core.renewals.activate_pending_for_wallet(wallet_id))

    def subscriptions(race):
        for code in ("weekly", "monthly", "weekly", "daily-a", "monthly"):
            race.attempt(lambda code=code: core.subscriptions.subscribe(OPERATOR, customer.email, code))

    def top_ups(race, tag):
        for n in range(5):
            info = race.attempt(
                lambda n=n: core.payments.top_up(OPERATOR, customer.email, 175 + n, idempotency_key=f"{tag}-{n}")
            )
            if info is not None and info.status == "succeeded":
                credited.append(info.amount_minor)

    def adjustments(race, tag):
        for n, amount in enumerate((300, -120, 45, -900, 80, -60)):
            entry = race.attempt(
                lambda n=n, amount=amount: core.payments.adjust_balance(
                    ADMIN, wallet_id, amount, "race", idempotency_key=f"{tag}-{n}"
                )
            )
            if entry is not None:
                adjusted.append(entry.amount_minor)

    race = Race(8)
    race.start("renew-1", renewals)
    race.start("renew-2", renewals)
    race.start("activate", activations)
    race.start("subscribe", subscriptions)
    race.start("topup-1", lambda r: top_ups(r, "card-a"))
    race.start("topup-2", lambda r: top_ups(r, "card-b"))
    race.start("adjust-1", lambda r: adjustments(r, "desk-a"))
    race.start("adjust-2", lambda r: adjustments(r, "desk-b"))
    race.join()

    balance = Wallet.get_by_id(wallet_id).balance_minor
    assert (
        balance == LedgerEntry.select(fn.SUM(LedgerEntry.amount_minor)).where(LedgerEntry.wallet == wallet_id).scalar()
    )
    assert balance >= 0
    periods = Counter(
        SubscriptionCharge.select(SubscriptionCharge.subscription, SubscriptionCharge.period_start).tuples()
    )
    assert max(periods.values()) == 1
    assert renewal_debits(wallet_id) == charges_of_wallet(wallet_id)
    assert len(credited) == 10  # the gateway says yes to every distinct key
    # Nothing moved but what the threads were told happened, and the charges recorded.
    debited_in_race = renewal_debits(wallet_id) - (1000 - opening)
    assert balance == opening + sum(credited) + sum(adjusted) - debited_in_race
    assert all(s is None or s["errors"] == 0 for s in renew_summaries)
    assert ErrorItem.select().count() == 0
    assert not money_violations()
    # The race did real work: periods beyond the first ones were paid while money moved.
    assert SubscriptionCharge.select().count() > 3


@pytest.mark.parametrize("mood", ["success", "timeout_after_success"])
def test_threads_topping_up_with_one_key_credit_once(core, clock, mood):
    customer = core.customers.create_customer(OPERATOR, "Double Click", "double@example.com")
    wallet_id = core.customers.wallets(customer.id)[0].id
    set_mood(core, mood)
    answers = []

    def click(race):
        answers.append(
            race.attempt(lambda: core.payments.top_up(OPERATOR, customer.email, "42.50", idempotency_key="checkout-77"))
        )

    race = Race(8)
    for n in range(8):
        race.start(f"click-{n}", click)
    race.join()

    assert len({a.id for a in answers if a is not None}) == 1 and None not in answers
    assert TopUp.select().count() == 1 and GatewayCharge.select().count() == 1
    if mood == "timeout_after_success":
        # The card was charged but nobody heard: one item waits to reconcile, the wallet waits for it.
        assert Wallet.get_by_id(wallet_id).balance_minor == 0
        assert ErrorItem.select().where(ErrorItem.status == "retrying").count() == 1
        assert not money_violations()
        set_mood(core, "success")
        clock.advance(hours=1)
        race = Race(4)
        for n in range(4):
            race.start(f"retry-runner-{n}", lambda r: r.attempt(core.retries.process_pending_retries))
        race.join()
        assert ErrorItem.get().status == "resolved"
        assert GatewayCharge.select().count() == 1
    assert LedgerEntry.select().where(LedgerEntry.kind == "topup").count() == 1
    assert Wallet.get_by_id(wallet_id).balance_minor == 4250
    assert TopUp.get().status == "succeeded"
    assert not money_violations()


def test_threads_running_the_renewal_pass_at_once_renew_each_subscription_once(core, clock):
    core.features.create_plan(ADMIN, "monthly", "Monthly", 1000, "USD", "month", 1, 3)
    funded, short = [], []
    for n in range(30):
        customer = core.customers.create_customer(OPERATOR, f"Customer {n}", f"renew{n}@example.com")
        wallet_id = core.customers.wallets(customer.id)[0].id
        core.payments.adjust_balance(ADMIN, wallet_id, 1500 if n % 3 else 2500, "opening balance")
        sub = core.subscriptions.subscribe(OPERATOR, customer.email, "monthly")
        (funded if n % 3 == 0 else short).append(sub.id)
    clock.advance(days=31)
    core.renewals.batch_size = 4  # many small batches, so the runners interleave
    summaries = []
    race = Race(6)
    for n in range(6):
        race.start(f"runner-{n}", lambda r: summaries.append(r.attempt(core.renewals.renew_due_subscriptions)))
    race.join()

    assert sum(s["renewed"] for s in summaries) == len(funded)
    assert sum(s["pending_renewal"] for s in summaries) == len(short)
    assert sum(s["errors"] for s in summaries) == 0
    for sub_id in funded:
        assert SubscriptionCharge.select().where(SubscriptionCharge.subscription == sub_id).count() == 2
        assert Subscription.get_by_id(sub_id).status == "active"
    for sub_id in short:
        assert SubscriptionCharge.select().where(SubscriptionCharge.subscription == sub_id).count() == 1
        assert Subscription.get_by_id(sub_id).status == "pending_renewal"
    events = Counter(e for (e,) in SubscriptionEvent.select(SubscriptionEvent.event).tuples())
    assert events["renew"] == len(funded) and events["renewal_short"] == len(short)
    assert ErrorItem.select().count() == 0
    assert not money_violations()
