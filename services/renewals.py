"""The renewal pass: renew, suspend or expire every subscription whose period ended.

Due subscriptions are streamed in keyset order and handled a batch per
transaction: balances are tracked in memory for the batch, and the ledger
entries, charges, events and row updates are written in bulk. The unique
keys (ledger idempotency key, one charge per subscription and period) remain
the guard against paying a period twice; a batch that trips one is rolled
back and replayed one subscription at a time.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from models.db import database, execute_many, for_update, write_attempts, write_transaction
from models.tables import Invoice, Plan, Subscription, UsageCounter, Wallet
from services import lifecycle, notice_events
from services.audit import record_audit
from services.auth import SYSTEM, Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.customer_notices import NoticeDraft, stage_notices
from services.errors import StorageFailure
from services.invoices import ENTRY_KIND_OF, INVOICE_SERIES, Line, allocate_numbers, document_number
from services.money import format_minor
from services.notifications import Draft, NotificationCenter
from services.settings import SETTINGS, SettingsStore
from services.storage_health import storage_problem

log = logging.getLogger(__name__)

# A pass posts this many notices of a kind one by one (each opens its subscription); past that, one
# notice of the kind tells the whole pass ("39,139 renewals are waiting for funds, $… owed in total")
# instead of flooding the panel and the tray.
NOTICES_ONE_BY_ONE = 20
GROUPED_KINDS = ("payment_failed", "payment_succeeded", "subscription_expired")
CATCH_UP_SETTING = "renewals.catch_up_periods"

UsagePricer = Callable[[list[tuple[int, int, datetime]]], dict[int, list[Line]]]


@dataclass
class HeldCatchUp:
    """The subscriptions a pass left alone because paying them up to now takes more than ``limit`` periods
    each: how many, how many periods, and what they would cost (integer minor units per currency)."""

    limit: int = 0
    subscriptions: int = 0
    periods: int = 0
    amounts: dict[str, int] = field(default_factory=dict)

    def add(self, periods: int, currency: str, amount_minor: int) -> None:
        self.subscriptions += 1
        self.periods += periods
        self.amounts[currency] = self.amounts.get(currency, 0) + amount_minor

    def merge(self, other: HeldCatchUp) -> None:
        self.limit = max(self.limit, other.limit)
        self.subscriptions += other.subscriptions
        self.periods += other.periods
        for currency, amount in other.amounts.items():
            self.amounts[currency] = self.amounts.get(currency, 0) + amount

    def as_dict(self) -> dict:
        return {
            "subscriptions": self.subscriptions,
            "periods": self.periods,
            "amounts_minor": dict(sorted(self.amounts.items())),
            "limit": self.limit,
        }


@dataclass
class RenewalSummary:
    due: int = 0
    renewed: int = 0
    pending_renewal: int = 0
    expired: int = 0
    errors: int = 0
    charged_minor: int = 0
    owed_minor: int = 0
    stopped: bool = False  # the scheduler stopped the pass between batches; the rest is due at its next run
    held: HeldCatchUp = field(default_factory=HeldCatchUp)  # left for an operator to allow (see catch_up_limit)

    def as_dict(self) -> dict:
        summary = {key: value for key, value in self.__dict__.items() if key not in ("stopped", "held")}
        if self.stopped:
            summary["stopped"] = True
        if self.held.subscriptions:
            summary["held"] = self.held.as_dict()
        return summary


class _Due(NamedTuple):
    """A due subscription as the pass reads it (under the lock): plain values, no model."""

    id: int
    customer_id: int
    plan_id: int
    wallet_id: int
    status: str
    auto_renew: bool
    anchor_day: int
    period_start: datetime
    period_end: datetime
    pending_since: datetime | None
    usage_since: datetime | None

    @property
    def metered_since(self) -> datetime:
        assert self.usage_since is not None, f"subscription #{self.id} has no usage_since"
        return self.usage_since


_DUE_COLUMNS = (
    Subscription.id,
    Subscription.customer,
    Subscription.plan,
    Subscription.wallet,
    Subscription.status,
    Subscription.auto_renew,
    Subscription.anchor_day,
    Subscription.period_start,
    Subscription.period_end,
    Subscription.pending_since,
    Subscription.usage_since,
)


def _raw(query: Any) -> list[tuple]:
    """The rows of ``query`` as the driver returns them: no model, no per-value conversion by peewee."""
    sql, params = query.sql()
    return database.execute_sql(sql, params).fetchall()


def _moment(value: datetime | str | None) -> datetime | None:
    """A stored moment as a datetime (SQLite hands back its text, PostgreSQL a datetime)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _at(value: datetime | str | None) -> datetime:
    moment = _moment(value)
    assert moment is not None, "a moment the schema requires"
    return moment


def _lock_due(where: Any, order: tuple) -> list[_Due]:
    """The subscriptions ``where`` selects, locked for the transaction, as plain rows."""
    rows = _raw(for_update(Subscription.select(*_DUE_COLUMNS).where(where).order_by(*order)))
    return [
        _Due(
            sub_id,
            customer_id,
            plan_id,
            wallet_id,
            status,
            bool(auto_renew),
            anchor_day,
            _at(period_start),
            _at(period_end),
            _moment(pending_since),
            _moment(usage_since),
        )
        for (sub_id, customer_id, plan_id, wallet_id, status, auto_renew, anchor_day, period_start, period_end,
             pending_since, usage_since) in rows
    ]  # fmt: skip


class _DuePosition(NamedTuple):
    """A due subscription in the pass's keyset order; the last one handed out is where the scan goes on."""

    period_end: datetime
    id: int


# The rows a batch writes. Fields are in the order of the columns of the statement that writes them,
# so a list of rows is that statement's parameters as it stands.


class _LedgerRow(NamedTuple):
    wallet_id: int
    kind: str
    amount_minor: int
    balance_after_minor: int
    idempotency_key: str
    ref_type: str
    ref_id: int
    actor: str
    created_at: datetime
    note: str


class _ChargeRow(NamedTuple):
    """One period paid; ``ledger_key`` names the ledger entry that paid it (None when nothing was due)."""

    subscription_id: int
    period_start: datetime
    period_end: datetime
    plan_minor: int
    usage_minor: int
    ledger_key: str | None
    created_at: datetime


class _SettledSegment(NamedTuple):
    """A usage segment the pass billed: its counters are marked settled."""

    subscription_id: int
    period_start: datetime


class _EventRow(NamedTuple):
    subscription_id: int
    from_status: str
    to_status: str
    event: str
    reason: str | None
    actor: str
    created_at: datetime


class _SubscriptionUpdate(NamedTuple):
    status: str
    auto_renew: bool
    period_start: datetime
    period_end: datetime
    pending_since: datetime | None
    usage_since: datetime
    updated_at: datetime
    subscription_id: int


class _Notice(NamedTuple):
    """A notification about one subscription; ``amount_minor`` is what was paid or is owed."""

    kind: str
    sub: _Due | Subscription
    plan: Plan
    amount_minor: int | None


@dataclass
class _Staged:
    """What one transaction wrote of a pass's notices; it counts once that transaction has committed."""

    counts: dict[str, int]
    totals: dict[str, dict[str, int]]
    grouped: set[str]
    fresh: list[str]


@dataclass
class _PassNotices:
    """The notices of one pass, written in the transactions of its batches.

    The first ``NOTICES_ONE_BY_ONE`` of a grouped kind get a notice each; past that, one notice of
    the kind stands for the whole pass, restated by each batch's transaction so that it always tells
    what has committed (a batch rolled back leaves it as it was; a pass cut short leaves it true).
    Counts here move only once a transaction has committed (``commit``).
    """

    now: datetime
    token: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, dict[str, int]] = field(default_factory=dict)
    grouped: set[str] = field(default_factory=set)

    def group_key(self, kind: str) -> str:
        return f"{kind}:pass:{self.now.isoformat()}:{self.token}"

    def stage(self, center: NotificationCenter, notices: list[_Notice]) -> _Staged:
        """Write ``notices`` in the open transaction: one by one, or into the kind's notice for the pass."""
        counts = dict(self.counts)
        totals = {kind: dict(amounts) for kind, amounts in self.totals.items()}
        singles: list[Draft] = []
        regrouped: set[str] = set()
        for notice in notices:
            if notice.kind not in GROUPED_KINDS:
                singles.append(_draft(notice))
                continue
            counts[notice.kind] = counts.get(notice.kind, 0) + 1
            amounts = totals.setdefault(notice.kind, {})
            amounts[notice.plan.currency] = amounts.get(notice.plan.currency, 0) + (notice.amount_minor or 0)
            if counts[notice.kind] <= NOTICES_ONE_BY_ONE:
                singles.append(_draft(notice))
            else:
                regrouped.add(notice.kind)
        fresh = center.store(singles)
        grouped = set(self.grouped)
        for kind in sorted(regrouped):
            draft = _group_draft(kind, counts[kind], totals[kind], self.group_key(kind))
            if kind in grouped:
                center.restate(draft)
            else:
                center.store([draft])
                grouped.add(kind)
        return _Staged(counts, totals, grouped, fresh)

    def commit(self, staged: _Staged) -> None:
        self.counts, self.totals, self.grouped = staged.counts, staged.totals, staged.grouped

    def grouped_keys(self) -> list[str]:
        return [self.group_key(kind) for kind in sorted(self.grouped)]


@dataclass
class _Invoice:
    key: str
    sub: _Due
    plan: Plan
    kind: str
    lines: list[Line]
    period: tuple[datetime, datetime]
    paid: int
    balance_after: int = 0  # what the wallet holds once this invoice is paid

    @property
    def total(self) -> int:
        return sum(line.amount_minor for line in self.lines)


@dataclass
class _Batch:
    """Writes collected for one transaction."""

    now: datetime
    actor: str
    balances: dict[int, int]
    ledger: list[_LedgerRow] = field(default_factory=list)
    charges: list[_ChargeRow] = field(default_factory=list)
    invoices: list[_Invoice] = field(default_factory=list)
    settled_segments: list[_SettledSegment] = field(default_factory=list)
    events: list[_EventRow] = field(default_factory=list)
    sub_updates: list[_SubscriptionUpdate] = field(default_factory=list)
    notices: list[_Notice] = field(default_factory=list)
    touched_wallets: set[int] = field(default_factory=set)
    paid_by_currency: dict[str, int] = field(default_factory=dict)
    # What the customers are told, staged with the batch's writes (receipts are added once numbered).
    customer_notices: list[NoticeDraft] = field(default_factory=list)
    low_balance_thresholds: dict[str, int] = field(default_factory=dict)

    def event(self, sub_id: int, from_status: str, name: str, reason: str | None = None) -> str:
        to_status = lifecycle.next_status(from_status, name)
        self.events.append(
            _EventRow(
                subscription_id=sub_id,
                from_status=from_status,
                to_status=to_status,
                event=name,
                reason=reason,
                actor=self.actor,
                created_at=self.now,
            )
        )
        return to_status

    def update(
        self,
        sub: _Due,
        status: str,
        *,
        auto_renew: bool,
        period: tuple[datetime, datetime],
        pending_since: datetime | None,
        usage_since: datetime,
    ) -> None:
        self.sub_updates.append(
            _SubscriptionUpdate(
                status=status,
                auto_renew=auto_renew,
                period_start=period[0],
                period_end=period[1],
                pending_since=pending_since,
                usage_since=usage_since,
                updated_at=self.now,
                subscription_id=sub.id,
            )
        )

    def invoice(
        self,
        sub: _Due,
        plan: Plan,
        kind: str,
        key: str,
        lines: list[Line],
        period: tuple[datetime, datetime],
        *,
        pay_all: bool,
    ) -> _Invoice | None:
        """Issue an invoice and pay it from the wallet: all of it (the caller checked the balance),
        or what the wallet holds with the rest owed."""
        draft = _Invoice(key, sub, plan, kind, lines, period, 0)
        if not draft.total:
            return None
        draft.paid = draft.total if pay_all else min(draft.total, self.balances[sub.wallet_id])
        draft.balance_after = self.balances[sub.wallet_id]
        if draft.paid:
            before = self.balances[sub.wallet_id]
            balance = before - draft.paid
            self.balances[sub.wallet_id] = draft.balance_after = balance
            threshold = self.low_balance_thresholds.get(plan.currency)
            if notice_events.crossed_below(before, balance, threshold):
                assert threshold is not None, "crossed_below is False without a threshold"
                self.customer_notices.append(
                    notice_events.low_balance(
                        sub.customer_id,
                        wallet_id=sub.wallet_id,
                        cause_key=key,
                        balance_minor=balance,
                        threshold_minor=threshold,
                        currency=plan.currency,
                    )
                )
            self.touched_wallets.add(sub.wallet_id)
            self.ledger.append(
                _LedgerRow(
                    wallet_id=sub.wallet_id,
                    kind=ENTRY_KIND_OF[kind],
                    amount_minor=-draft.paid,
                    balance_after_minor=balance,
                    idempotency_key=key,
                    ref_type="subscription",
                    ref_id=sub.id,
                    actor=self.actor,
                    created_at=self.now,
                    note=lines[0].description,
                )
            )
            self.paid_by_currency[plan.currency] = self.paid_by_currency.get(plan.currency, 0) + draft.paid
        self.invoices.append(draft)
        return draft

    def charge(self, sub: _Due, plan: Plan, start: datetime, end: datetime, usage: list[Line]) -> int:
        """Pay one period of the plan, with the usage of the segment that just closed."""
        key = f"renewal:{sub.id}:{start.isoformat()}"
        lines = [
            Line(
                "plan",
                f"{plan.code} {start:%Y-%m-%d} → {end:%Y-%m-%d}",
                plan.price_minor,
                plan_id=plan.id,
                period_start=start,
                period_end=end,
            )
        ]
        lines += [replace(line, period_end=start) for line in usage]
        issued = self.invoice(sub, plan, "renewal", key, lines, (start, end), pay_all=True)
        usage_minor = sum(line.amount_minor for line in usage)
        self.charges.append(
            _ChargeRow(
                subscription_id=sub.id,
                period_start=start,
                period_end=end,
                plan_minor=plan.price_minor,
                usage_minor=usage_minor,
                ledger_key=key if issued else None,
                created_at=self.now,
            )
        )
        return issued.total if issued else 0

    def settle_usage(self, sub: _Due, plan: Plan, usage: list[Line], end: datetime) -> _Invoice | None:
        """Close the usage segment: invoice what it cost under the plan in force, owing what the wallet lacks."""
        self.settled_segments.append(_SettledSegment(sub.id, sub.metered_since))
        lines = [replace(line, period_end=end) for line in usage]
        return self.invoice(
            sub,
            plan,
            "usage",
            f"usage:{sub.id}:{sub.metered_since.isoformat()}",
            lines,
            (sub.metered_since, end),
            pay_all=False,
        )

    def waiting(self, sub: _Due, plan: Plan, renewal_date: datetime, owed: int) -> None:
        """The customer hears that the renewal of ``renewal_date`` waits for funds until grace ends."""
        self.customer_notices.append(
            notice_events.renewal_waiting(
                sub.customer_id,
                subscription_id=sub.id,
                renewal_date=renewal_date,
                plan_name=plan.name,
                price_minor=owed,
                balance_minor=self.balances[sub.wallet_id],
                currency=plan.currency,
                grace_until=self.now + timedelta(days=plan.grace_days),
            )
        )

    def expired(self, sub: _Due, plan: Plan) -> None:
        self.customer_notices.append(
            notice_events.subscription_expired(
                sub.customer_id,
                subscription_id=sub.id,
                period_end=sub.period_end,
                plan_name=plan.name,
                expired_on=self.now,
            )
        )

    def _receipts(self, first_number: int) -> list[NoticeDraft]:
        """A receipt for every renewal this batch paid, naming its invoice (written just before)."""
        paid = [(n, i) for n, i in enumerate(self.invoices) if i.kind == "renewal" and i.paid]
        ids: dict[str, int] = {}
        for start in range(0, len(paid), 500):
            keys = [i.key for _, i in paid[start : start + 500]]
            query = Invoice.select(Invoice.id, Invoice.event_key).where(Invoice.event_key.in_(keys))
            ids.update((key, invoice_id) for invoice_id, key in _raw(query))
        return [
            notice_events.receipt(
                i.sub.customer_id,
                invoice_id=ids[i.key],
                invoice_number=document_number(INVOICE_SERIES, self.now.year, first_number + n),
                plan_name=i.plan.name,
                period=i.period,
                total_minor=i.total,
                paid_minor=i.paid,
                currency=i.plan.currency,
                balance_minor=i.balance_after,
            )
            for n, i in paid
        ]

    def write(self) -> None:
        # Plain parameterised statements: building the same SQL through the ORM row by row
        # costs more than the database work itself.
        receipts: list[NoticeDraft] = []
        if self.invoices:
            first = allocate_numbers(INVOICE_SERIES, self.now.year, len(self.invoices))
            execute_many(
                "INSERT INTO invoice (number, year, seq, customer_id, wallet_id, subscription_id, currency, kind, "
                "period_start, period_end, total_minor, event_key, actor, issued_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        document_number(INVOICE_SERIES, self.now.year, first + n),
                        self.now.year,
                        first + n,
                        i.sub.customer_id,
                        i.sub.wallet_id,
                        i.sub.id,
                        i.plan.currency,
                        i.kind,
                        i.period[0],
                        i.period[1],
                        i.total,
                        i.key,
                        self.actor,
                        self.now,
                    )
                    for n, i in enumerate(self.invoices)
                ],
            )
            execute_many(
                "INSERT INTO invoice_line (invoice_id, position, kind, description, plan_id, feature_id, quantity, "
                "pricing, amount_minor, period_start, period_end) "
                "VALUES ((SELECT id FROM invoice WHERE event_key = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        i.key,
                        position,
                        line.kind,
                        line.description,
                        line.plan_id,
                        line.feature_id,
                        line.quantity,
                        line.pricing,
                        line.amount_minor,
                        line.period_start,
                        line.period_end,
                    )
                    for i in self.invoices
                    for position, line in enumerate(i.lines, 1)
                ],
            )
        execute_many(
            "INSERT INTO ledger_entry (wallet_id, kind, amount_minor, balance_after_minor, idempotency_key, "
            "ref_type, ref_id, actor, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.ledger,
        )
        execute_many(
            "INSERT INTO invoice_payment (invoice_id, ledger_entry_id, amount_minor, created_at) "
            "VALUES ((SELECT id FROM invoice WHERE event_key = ?), "
            "(SELECT id FROM ledger_entry WHERE idempotency_key = ?), ?, ?)",
            [(i.key, i.key, i.paid, self.now) for i in self.invoices if i.paid],
        )
        execute_many(
            "INSERT INTO subscription_charge (subscription_id, period_start, period_end, plan_minor, usage_minor, "
            "ledger_entry_id, created_at) VALUES (?, ?, ?, ?, ?, "
            "(SELECT id FROM ledger_entry WHERE idempotency_key = ?), ?)",
            self.charges,
        )
        execute_many(
            "UPDATE usage_counter SET settled = TRUE WHERE subscription_id = ? AND period_start = ?",
            self.settled_segments,
        )
        execute_many(
            "INSERT INTO subscription_event (subscription_id, from_status, to_status, event, reason, actor, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.events,
        )
        execute_many(
            "UPDATE subscription SET status = ?, auto_renew = ?, period_start = ?, period_end = ?, "
            "pending_since = ?, usage_since = ?, updated_at = ? WHERE id = ?",
            self.sub_updates,
        )
        execute_many(
            "UPDATE wallet SET balance_minor = ? WHERE id = ?",
            [(self.balances[w], w) for w in sorted(self.touched_wallets)],
        )
        if self.invoices:
            receipts = self._receipts(first)
        if receipts or self.customer_notices:
            stage_notices(receipts + self.customer_notices, self.now)


# Batches start at BATCH_SIZE subscriptions and grow, while a batch's transaction takes less than
# BATCH_SECONDS, up to MAX_BATCH_SIZE: fewer commits on a big night, and SQLite's write lock is never
# held much longer than BATCH_SECONDS, so a desk's top-up waits at most about that long.
BATCH_SIZE = 500
MAX_BATCH_SIZE = 2000
BATCH_SECONDS = 0.4


class RenewalService:
    def __init__(
        self,
        clock: Clock,
        notifications: NotificationCenter | None = None,
        *,
        usage_pricer: UsagePricer | None = None,
        settings: SettingsStore | None = None,
        batch_size: int | None = None,
        on_error: Callable[[int, BaseException], None] | None = None,
    ) -> None:
        """``batch_size``: a fixed number of subscriptions per transaction; by default batches adapt
        (``BATCH_SIZE`` to ``MAX_BATCH_SIZE`` by how long each takes)."""
        self.clock = clock
        self.notifications = notifications
        self.usage_pricer = usage_pricer
        self.settings = settings
        self.max_batch_size = MAX_BATCH_SIZE
        self._batch_size = BATCH_SIZE
        if batch_size is not None:
            self.batch_size = batch_size
        self.on_error = on_error
        self.should_stop: Callable[[], bool] = lambda: False  # read between batches (see Core.stopping)

    @property
    def batch_size(self) -> int:
        """The first (and smallest) batch of a pass."""
        return self._batch_size

    @batch_size.setter
    def batch_size(self, size: int) -> None:
        """A size given by hand is kept for every batch."""
        self._batch_size = self.max_batch_size = size

    def _next_size(self, size: int, handled: int, seconds: float) -> int:
        """The size of the next batch after ``handled`` subscriptions took ``seconds``."""
        if self.max_batch_size <= self.batch_size or handled < size:
            return size
        wanted = int(size * BATCH_SECONDS / max(seconds, 1e-3))
        return max(self.batch_size, min(self.max_batch_size, wanted))

    # --- the scheduled pass --------------------------------------------------

    def catch_up_limit(self) -> int:
        """The most periods one pass pays per subscription without being told to (a setting)."""
        if self.settings is None:
            return int(SETTINGS[CATCH_UP_SETTING].default)
        return int(self.settings.get(CATCH_UP_SETTING))

    def renew_due_subscriptions(self, actor: Actor = SYSTEM, *, catch_up: bool = False) -> dict:
        """Renew, suspend or expire everything due now. Returns the renew summary.

        A subscription whose wallet would pay more than ``catch_up_limit()`` periods to reach now (a
        clock moved far ahead, a long downtime) is held: nothing of it is written, the others renew
        as usual, and the summary's ``held`` says how many, how many periods and how much per currency;
        operators get one notice. ``catch_up=True`` pays them all (audited as ``renewal.catch_up``).

        One grouped notification tells how many renewals were paid and for how much. Notices about
        single subscriptions are written in the transaction of their batch; past
        ``NOTICES_ONE_BY_ONE`` of a kind, one notice of that kind tells the whole pass.
        """
        require(actor, "renewal.run")
        now = self.clock.now()
        summary = RenewalSummary()
        limit = None if catch_up else self.catch_up_limit()
        summary.held.limit = limit or 0
        paid: dict[str, int] = {}
        notices = _PassNotices(now)
        position = _DuePosition(datetime.min, 0)
        size = self.batch_size
        while True:
            if self.should_stop():
                log.info("renewal pass stopped after %d due: the scheduler is stopping", summary.due)
                summary.stopped = True
                break
            due = self._next_due(now, position, size)
            if not due:
                break
            position = due[-1]
            batch_ids = [row.id for row in due]
            try:
                began = time.monotonic()
                self._run_batch(batch_ids, now, actor.name, summary, paid, notices, limit)
                size = self._next_size(size, len(batch_ids), time.monotonic() - began)
            except Exception as error:  # noqa: BLE001 - isolate the one that fails
                self._stop_if_storage_fails(error, notices)
                log.warning("renewal batch of %d failed (%s); replaying one by one", len(batch_ids), error)
                for sub_id in batch_ids:
                    try:
                        self._run_batch([sub_id], now, actor.name, summary, paid, notices, limit)
                    except Exception as single_error:  # noqa: BLE001
                        self._stop_if_storage_fails(single_error, notices)
                        log.exception("renewal of subscription #%d failed", sub_id)
                        summary.errors += 1
                        if self.on_error is not None:
                            self.on_error(sub_id, single_error)
        self._announce_grouped(notices)
        self._notify_paid(summary.renewed, paid, now)
        self._notify_held(summary.held, now)
        if catch_up:
            self._audit_catch_up(actor, summary, now)
        return summary.as_dict()

    def _stop_if_storage_fails(self, error: BaseException, notices: _PassNotices) -> None:
        """A full or read-only disk fails every renewal alike, and queueing them would fail too: the pass
        stops, saying why. What it had committed stands; the rest is still due and renews at the next run."""
        problem = storage_problem(error)
        if problem is None:
            return
        self._announce_grouped(notices)
        raise StorageFailure.of(problem) from error

    def renew_one(self, subscription_id: int, actor: Actor = SYSTEM) -> dict:
        """The same work for one subscription (used by the retry of a failed renewal); held the same way."""
        summary = RenewalSummary()
        now = self.clock.now()
        notices = _PassNotices(now)
        summary.held.limit = limit = self.catch_up_limit()
        self._run_batch([subscription_id], now, actor.name, summary, {}, notices, limit)
        self._announce_grouped(notices)
        return summary.as_dict()

    def _next_due(self, now: datetime, after: _DuePosition, size: int) -> list[_DuePosition]:
        query = (
            Subscription.select(Subscription.period_end, Subscription.id)
            .where(
                Subscription.status.in_(lifecycle.OPEN_FOR_PASS),
                Subscription.period_end <= now,
                # The bound on its own lets the index start at the position: the renewals left waiting
                # for funds behind it are not read again by every batch of the pass.
                Subscription.period_end >= after.period_end,
                (Subscription.period_end > after.period_end)
                | ((Subscription.period_end == after.period_end) & (Subscription.id > after.id)),
            )
            .order_by(Subscription.period_end, Subscription.id)
            .limit(size)
        )
        return [_DuePosition(_at(period_end), sub_id) for period_end, sub_id in _raw(query)]

    def _run_batch(
        self,
        ids: list[int],
        now: datetime,
        actor: str,
        summary: RenewalSummary,
        paid: dict[str, int],
        notices: _PassNotices,
        catch_up_limit: int | None,
    ) -> None:
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE)
                subs = _lock_due(Subscription.id.in_(ids), (Subscription.period_end, Subscription.id))
                # Rows read again under the lock: another runner may have handled some.
                subs = [s for s in subs if s.period_end <= now and s.status in lifecycle.OPEN_FOR_PASS]
                if not subs:
                    return
                batch, counts = self._apply(subs, now, actor, expire_overdue=True, catch_up_limit=catch_up_limit)
                batch.write()
                staged = self._stage_notices(batch.notices, notices)
        self._merge(summary, counts)
        for currency, amount in batch.paid_by_currency.items():
            paid[currency] = paid.get(currency, 0) + amount
        self._committed(staged, notices)

    def _apply(
        self, subs: list[_Due], now: datetime, actor: str, expire_overdue: bool, catch_up_limit: int | None = None
    ) -> tuple[_Batch, RenewalSummary]:
        """The batch's writes; ``catch_up_limit``: hold (write nothing for) a subscription that would pay
        more periods than this (None: pay every period due, as a top-up's activation does)."""
        plans = {p.id: p for p in Plan.select().where(Plan.id.in_({s.plan_id for s in subs}))}
        wallet_ids = sorted({s.wallet_id for s in subs})
        # Locked in id order (after the subscriptions): balances are written back from this read.
        balances: dict[int, int] = dict(
            _raw(
                for_update(
                    Wallet.select(Wallet.id, Wallet.balance_minor).where(Wallet.id.in_(wallet_ids)).order_by(Wallet.id)
                )
            )
        )
        segments = [(s.id, s.plan_id, s.metered_since) for s in subs]
        usage = self.usage_pricer(segments) if self.usage_pricer is not None else {}
        # The subscriptions whose open usage segment has counters to settle (used or not).
        metered = {
            sub_id
            for (sub_id,) in _raw(
                UsageCounter.select(UsageCounter.subscription)
                .join(
                    Subscription,
                    on=(UsageCounter.subscription == Subscription.id)
                    & (UsageCounter.period_start == Subscription.usage_since),
                )
                .where(Subscription.id.in_([s.id for s in subs]), UsageCounter.settled == False)  # noqa: E712
                .distinct()
            )
        }
        batch = _Batch(now, actor, balances, low_balance_thresholds=notice_events.low_balance_thresholds())
        counts = RenewalSummary()
        for sub in subs:
            plan = plans[sub.plan_id]
            lines = usage.get(sub.id, [])
            if sub.id not in metered:
                lines = []
            if sub.status == lifecycle.CANCELED:
                if sub.pending_since is not None:  # canceled while waiting for funds: ends at the grace deadline
                    if sub.pending_since + timedelta(days=plan.grace_days) > now or not expire_overdue:
                        continue
                    why = "canceled while waiting for funds; the grace days passed"
                else:
                    why = "canceled and the paid period ended"
                counts.due += 1
                self._close(batch, sub, plan, lines, metered, counts)
                status = batch.event(sub.id, sub.status, "period_end", why)
                batch.update(
                    sub,
                    status,
                    auto_renew=False,
                    period=(sub.period_start, sub.period_end),
                    pending_since=sub.pending_since,
                    usage_since=sub.metered_since,
                )
                batch.notices.append(_Notice("subscription_expired", sub, plan, None))
                batch.expired(sub, plan)
                counts.expired += 1
                continue
            owed = plan.price_minor + sum(line.amount_minor for line in lines)
            if sub.status == lifecycle.PENDING and balances[sub.wallet_id] < owed:
                # Still waiting for money inside its grace days: nothing to do yet.
                assert sub.pending_since is not None, "a subscription waiting for funds records since when"
                if sub.pending_since + timedelta(days=plan.grace_days) <= now and expire_overdue:
                    counts.due += 1
                    self._close(batch, sub, plan, lines, metered, counts)
                    status = batch.event(
                        sub.id, sub.status, "grace_expired", f"unpaid after {plan.grace_days} grace days"
                    )
                    batch.update(
                        sub,
                        status,
                        auto_renew=sub.auto_renew,
                        period=(sub.period_start, sub.period_end),
                        pending_since=sub.pending_since,
                        usage_since=sub.metered_since,
                    )
                    batch.notices.append(_Notice("subscription_expired", sub, plan, None))
                    batch.expired(sub, plan)
                    counts.expired += 1
                continue
            if catch_up_limit is not None and balances[sub.wallet_id] >= owed:
                periods, amount = _catch_up_extent(sub, plan, owed, balances[sub.wallet_id], now)
                if periods > catch_up_limit:
                    counts.held.add(periods, plan.currency, amount)
                    continue
            counts.due += 1
            if balances[sub.wallet_id] < owed:
                status = batch.event(
                    sub.id,
                    sub.status,
                    "renewal_short",
                    f"wallet holds {format_minor(balances[sub.wallet_id], plan.currency)}, "
                    f"renewal costs {format_minor(owed, plan.currency)}",
                )
                batch.update(
                    sub,
                    status,
                    auto_renew=sub.auto_renew,
                    period=(sub.period_start, sub.period_end),
                    pending_since=now,
                    usage_since=sub.metered_since,
                )
                batch.notices.append(_Notice("payment_failed", sub, plan, owed))
                batch.waiting(sub, plan, sub.period_end, owed)
                counts.pending_renewal += 1
                continue
            if sub.id in metered:
                batch.settled_segments.append(_SettledSegment(sub.id, sub.metered_since))
            counts.charged_minor += self._renew_periods(batch, sub, plan, lines, now, counts)
        return batch, counts

    @staticmethod
    def _close(batch: _Batch, sub: _Due, plan: Plan, lines: list[Line], metered: set, counts: RenewalSummary) -> None:
        """The subscription ends: bill the usage of its last segment, owing what the wallet cannot pay."""
        if sub.id not in metered:
            return
        issued = batch.settle_usage(sub, plan, lines, sub.period_end)
        if issued is not None:
            counts.charged_minor += issued.paid
            counts.owed_minor += issued.total - issued.paid

    def _renew_periods(
        self, batch: _Batch, sub: _Due, plan: Plan, usage: list[Line], now: datetime, counts: RenewalSummary
    ) -> int:
        """Pay the period that ended, then any further ones the wallet covers up to now."""
        status = sub.status
        event = "funds_arrived" if status == lifecycle.PENDING else "renew"
        start, charged = sub.period_end, 0
        while True:
            end = lifecycle.add_interval(start, plan.interval_unit, plan.interval_count, sub.anchor_day)
            paid = batch.charge(sub, plan, start, end, usage)
            charged += paid
            status = batch.event(sub.id, status, event)
            if event == "funds_arrived":
                batch.notices.append(_Notice("payment_succeeded", sub, plan, paid))
            counts.renewed += 1
            usage, event = [], "renew"
            if end > now or batch.balances[sub.wallet_id] < plan.price_minor:
                break
            start = end
        if end <= now:  # caught up as far as the wallet reached; the rest waits for funds
            status = batch.event(sub.id, status, "renewal_short", "wallet ran out while catching up")
            batch.update(sub, status, auto_renew=True, period=(start, end), pending_since=now, usage_since=start)
            batch.notices.append(_Notice("payment_failed", sub, plan, plan.price_minor))
            batch.waiting(sub, plan, end, plan.price_minor)
            counts.pending_renewal += 1
        else:
            batch.update(sub, status, auto_renew=True, period=(start, end), pending_since=None, usage_since=start)
        return charged

    @staticmethod
    def _merge(total: RenewalSummary, part: RenewalSummary) -> None:
        for key, value in part.__dict__.items():
            if key == "held":
                total.held.merge(value)
            elif key != "stopped":
                setattr(total, key, getattr(total, key) + value)

    # --- after a top-up ------------------------------------------------------

    def activate_pending_for_wallet(self, wallet_id: int, actor: Actor = SYSTEM) -> dict:
        """Renew this wallet's pending subscriptions, oldest first, while the money lasts; one that would
        pay more than ``catch_up_limit()`` periods is held as the pass holds it."""
        now = self.clock.now()
        notices = _PassNotices(now)
        limit = self.catch_up_limit()
        for attempt in write_attempts():
            with attempt:
                publish_changes(Kind.SUBSCRIPTION, Kind.WALLET, Kind.INVOICE)
                subs = _lock_due(
                    (Subscription.wallet == wallet_id) & (Subscription.status == lifecycle.PENDING),
                    (Subscription.pending_since, Subscription.id),
                )
                if not subs:
                    return RenewalSummary().as_dict()
                batch, counts = self._apply(subs, now, actor.name, expire_overdue=False, catch_up_limit=limit)
                batch.write()
                staged = self._stage_notices(batch.notices, notices)
        self._committed(staged, notices)
        self._announce_grouped(notices)
        counts.held.limit = limit
        self._notify_held(counts.held, now)
        return counts.as_dict()

    # --- reminders -------------------------------------------------------------

    def send_expiry_reminders(self, days: int | None = None) -> dict:
        """Warn once per period about subscriptions that will lapse within ``days``.

        Canceled ones will expire; active ones whose wallet cannot cover the
        next renewal will fall into pending. Funded renewals need no warning.
        """
        if days is None:
            days = self.settings.get("reminder_days") if self.settings else 3
        now = self.clock.now()
        horizon = now + timedelta(days=days)
        rows = list(
            Subscription.select(Subscription, Plan, Wallet)
            .join(Plan)
            .switch(Subscription)
            .join(Wallet)
            .where(
                Subscription.status.in_((lifecycle.ACTIVE, lifecycle.CANCELED)),
                Subscription.period_end > now,
                Subscription.period_end <= horizon,
                Subscription.reminder_sent_for.is_null() | (Subscription.reminder_sent_for != Subscription.period_end),
            )
        )
        due = [s for s in rows if s.status == lifecycle.CANCELED or s.wallet.balance_minor < s.plan.price_minor]
        sent = 0
        for sub in due:
            with write_transaction():
                publish_changes(Kind.SUBSCRIPTION)
                claimed = (
                    Subscription.update(reminder_sent_for=sub.period_end)
                    .where(
                        (Subscription.id == sub.id)
                        & (
                            Subscription.reminder_sent_for.is_null()
                            | (Subscription.reminder_sent_for != sub.period_end)
                        )
                    )
                    .execute()
                )
            if claimed:
                sent += 1
                self._post(_Notice("subscription_expiring", sub, sub.plan, None))
        return {"checked": len(rows), "reminded": sent, "short_before_renewal": self.stage_due_soon_notices()}

    def stage_due_soon_notices(self, days: int | None = None) -> int:
        """Tell each customer whose wallet does not hold the price of a renewal due within ``days``
        (the ``notices.due_soon_days`` setting) that it will wait for funds; once per subscription and
        renewal date, however often the reminders run. Returns how many subscriptions were short."""
        if days is None:
            days = self.settings.get(notice_events.DUE_SOON_SETTING) if self.settings else None
            days = notice_events.DEFAULT_DUE_SOON_DAYS if days is None else int(days)
        now = self.clock.now()
        query = (
            Subscription.select(
                Subscription.id,
                Subscription.customer,
                Subscription.period_end,
                Plan.name,
                Plan.price_minor,
                Plan.currency,
                Wallet.balance_minor,
            )
            .join(Plan)
            .switch(Subscription)
            .join(Wallet)
            .where(
                (Subscription.status == lifecycle.ACTIVE)
                & (Subscription.auto_renew == True)  # noqa: E712
                & (Subscription.period_end > now)
                & (Subscription.period_end <= now + timedelta(days=days))
                & (Wallet.balance_minor < Plan.price_minor)
            )
            .order_by(Subscription.id)
        )
        drafts = [
            notice_events.renewal_due_soon(
                customer_id,
                subscription_id=sub_id,
                renews_on=_at(period_end),
                days=-((now - _at(period_end)) // timedelta(days=1)),  # whole days left, rounded up
                plan_name=plan_name,
                price_minor=price,
                balance_minor=balance,
                currency=currency,
            )
            for sub_id, customer_id, period_end, plan_name, price, currency, balance in _raw(query)
        ]
        for start in range(0, len(drafts), BATCH_SIZE):
            with write_transaction():
                stage_notices(drafts[start : start + BATCH_SIZE], now)
        return len(drafts)

    # --- notifications -----------------------------------------------------------

    def _notify_paid(self, renewed: int, paid: dict[str, int], now: datetime) -> None:
        """One notice per pass for the renewals it was paid, opening the invoices it issued."""
        if self.notifications is None or not renewed:
            return
        first = (
            Invoice.select(Invoice.id)
            .where((Invoice.issued_at == now) & (Invoice.kind == "renewal"))
            .order_by(Invoice.id)
            .first()
        )
        total = ", ".join(format_minor(amount, currency, symbol=True) for currency, amount in sorted(paid.items()))
        try:
            self.notifications.post(
                "renewals_paid",
                f"{renewed} renewal(s) paid, {total or format_minor(0, 'USD', symbol=True)} in total",
                "Paid from the customers' wallets by the renewal pass; open to see its invoices.",
                subject=("renewal_pass", first.id) if first else None,
                dedup_key=f"renewals_paid:{now.isoformat()}:{first.id if first else 0}",
                params={"renewed": renewed, "totals": dict(sorted(paid.items()))},
            )
        except Exception:
            log.exception("could not post the renewals-paid notice")

    def _notify_held(self, held: HeldCatchUp, now: datetime) -> None:
        """One notice for the subscriptions a pass held, with what paying them would take."""
        if self.notifications is None or not held.subscriptions:
            return
        total = ", ".join(
            format_minor(amount, currency, symbol=True) for currency, amount in sorted(held.amounts.items())
        )
        try:
            self.notifications.post(
                "renewals_held",
                f"{held.subscriptions:,} subscription(s) held: {held.periods:,} period(s), {total} to catch up",
                f"Each would pay more than {held.limit} period(s) at once (was the clock moved ahead?). Nothing "
                "was charged for them; the others renewed. Renew them from the desktop's Scheduler page or "
                "with `renew --catch-up`.",
                dedup_key=f"renewals_held:{now.isoformat()}:{held.subscriptions}:{held.periods}",
                params={**held.as_dict(), "totals": dict(sorted(held.amounts.items()))},
            )
        except Exception:
            log.exception("could not post the renewals-held notice")

    def _audit_catch_up(self, actor: Actor, summary: RenewalSummary, now: datetime) -> None:
        """Who allowed a pass to pay every period due, and what it paid."""
        with write_transaction():
            record_audit(
                self.clock,
                actor.name,
                "renewal.catch_up",
                "renewals",
                now.isoformat(),
                after={"renewed": summary.renewed, "charged_minor": summary.charged_minor, "due": summary.due},
            )

    def _post(self, notice: _Notice) -> None:
        """One notice in a transaction of its own (the reminders, claimed one by one)."""
        if self.notifications is None:
            return
        draft = _draft(notice)
        self.notifications.post(
            draft.kind, draft.title, draft.body, subject=draft.subject, dedup_key=draft.dedup_key, params=draft.params
        )

    def _stage_notices(self, batch_notices: list[_Notice], notices: _PassNotices) -> _Staged | None:
        """The batch's notices, written in its transaction (None: this service posts none)."""
        if self.notifications is None:
            return None
        return notices.stage(self.notifications, batch_notices)

    def _committed(self, staged: _Staged | None, notices: _PassNotices) -> None:
        """The batch has committed: its notices count, and the listeners hear of the ones it stored one by one."""
        if staged is None or self.notifications is None:
            return
        notices.commit(staged)
        try:
            self.notifications.announce(staged.fresh)
        except Exception:
            log.exception("could not tell the listeners about the renewal notices")

    def _announce_grouped(self, notices: _PassNotices) -> None:
        """The notices that stand for the pass, told once as they stand at its end."""
        if self.notifications is None or not notices.grouped:
            return
        try:
            self.notifications.announce(notices.grouped_keys())
        except Exception:
            log.exception("could not tell the listeners about the renewal pass's notices")


def _catch_up_extent(sub: _Due, plan: Plan, owed: int, balance: int, now: datetime) -> tuple[int, int]:
    """How many periods ``_renew_periods`` would pay for ``sub`` and for how much, the first costing
    ``owed`` (the wallet holds at least that); computed from what the batch already read."""
    periods, amount, balance = 1, owed, balance - owed
    end = lifecycle.add_interval(sub.period_end, plan.interval_unit, plan.interval_count, sub.anchor_day)
    while end <= now and balance >= plan.price_minor:
        end = lifecycle.add_interval(end, plan.interval_unit, plan.interval_count, sub.anchor_day)
        periods, amount, balance = periods + 1, amount + plan.price_minor, balance - plan.price_minor
    return periods, amount


def _draft(notice: _Notice) -> Draft:
    title, body = _notice_text(notice.kind, notice.sub, notice.plan, notice.amount_minor)
    return Draft(
        notice.kind,
        title,
        body,
        f"{notice.kind}:{notice.sub.id}:{notice.sub.period_end.isoformat()}",
        ("subscription", notice.sub.id),
        _notice_params(notice.sub, notice.plan, notice.amount_minor),
    )


def _group_draft(kind: str, count: int, totals: dict[str, int], key: str) -> Draft:
    """The notice that stands for a pass's ``count`` notices of ``kind``; ``totals``: owed or paid per currency."""
    total = ", ".join(format_minor(amount, currency, symbol=True) for currency, amount in sorted(totals.items()))
    first = f"The first {NOTICES_ONE_BY_ONE} have a notice each"
    if kind == "payment_failed":
        title = f"{count:,} renewal(s) are waiting for funds, {total} owed in total"
        body = (
            "The wallets could not pay them; each is pending for its plan's grace days. "
            f"{first}; Subscriptions, status “pending renewal”, lists them all."
        )
    elif kind == "payment_succeeded":
        title = f"{count:,} subscription(s) are active again, {total} paid"
        body = f"Paid from the wallets once funds arrived. {first}."
    else:
        title = f"{count:,} subscription(s) expired in the renewal pass"
        body = f"They no longer grant access. {first}; Subscriptions, status “expired”, lists them all."
    params = {"count": count, "totals": dict(sorted(totals.items())), "one_by_one": NOTICES_ONE_BY_ONE}
    return Draft(kind, title, body, key, None, params)


def _notice_params(sub: _Due | Subscription, plan: Plan, amount: int | None) -> dict:
    """What a subscription's notification says, for a desk to render in its operator's language."""
    return {
        "subscription_id": sub.id,
        "plan": plan.code,
        "amount_minor": amount or 0,
        "currency": plan.currency,
        "grace_days": plan.grace_days,
        "period_end": sub.period_end.isoformat(),
        "canceled": sub.status == lifecycle.CANCELED,
    }


def _notice_text(kind: str, sub: _Due | Subscription, plan: Plan, amount: int | None) -> tuple[str, str]:
    money = format_minor(amount or 0, plan.currency, symbol=True)
    if kind == "payment_failed":
        return (
            f"Renewal of #{sub.id} ({plan.code}) is waiting for funds",
            f"The wallet could not pay {money}; the subscription is pending for up to {plan.grace_days} days.",
        )
    if kind == "payment_succeeded":
        return f"Subscription #{sub.id} ({plan.code}) is active again", f"{money} was paid from the wallet."
    if kind == "subscription_expired":
        return f"Subscription #{sub.id} ({plan.code}) expired", "It no longer grants access."
    if kind == "subscription_expiring":
        if sub.status == lifecycle.CANCELED:
            return (
                f"Subscription #{sub.id} ({plan.code}) ends {sub.period_end:%Y-%m-%d}",
                "It was canceled and will expire at the end of its period.",
            )
        return (
            f"Subscription #{sub.id} ({plan.code}) may lapse {sub.period_end:%Y-%m-%d}",
            "The wallet does not hold enough for the next renewal.",
        )
    return kind, ""
