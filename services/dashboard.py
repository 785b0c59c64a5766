"""The dashboard's figures: subscriptions, money, errors and the gateway, as SQL aggregates.

What counts as revenue is defined here and nowhere else; the desk formats these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import Case, ColumnBase, fn

from models.rows import first_tuple, pairs, tuples
from models.tables import ErrorItem, GatewayCharge, LedgerEntry, Subscription, Wallet
from services import lifecycle
from services.clock import Clock
from services.retry_policy import OPEN_STATUSES

CHART_DAYS = 30
EXPIRING_DAYS = 7

# Revenue: what renewals and usage took from wallets, less what was given back of such charges.
# A refund of a charge is credited into the wallet (a positive "refund" entry); a refund of a
# top-up goes back to the card (a negative one) and is not revenue, so the sign tells them apart.
_REVENUE_KINDS = ("renewal", "usage", "refund")


@dataclass(frozen=True)
class DashboardData:
    as_of: datetime
    subscriptions_by_status: tuple[tuple[str, int], ...]  # every status, in lifecycle order
    expiring_this_week: int
    wallet_float: tuple[tuple[str, int], ...]  # (currency, minor units)
    revenue_this_month: tuple[tuple[str, int], ...]  # (currency, minor units)
    errors_retrying: int
    errors_manual: int
    gateway_attempts_24h: int
    gateway_succeeded_24h: int
    days: tuple[date, ...]  # the charts' 30 days, oldest first
    revenue_by_day: tuple[tuple[str, tuple[int, ...]], ...]  # (currency, minor units per day)
    open_errors_by_day: tuple[int, ...]  # open items at the end of each day

    def count(self, status: str) -> int:
        return dict(self.subscriptions_by_status).get(status, 0)

    @property
    def active(self) -> int:
        return self.count(lifecycle.ACTIVE)

    @property
    def pending_renewal(self) -> int:
        return self.count(lifecycle.PENDING)

    @property
    def unresolved_errors(self) -> int:
        return self.errors_retrying + self.errors_manual

    @property
    def gateway_success_rate(self) -> float | None:
        """Succeeded ÷ all charge attempts of the last 24 h; None without traffic."""
        if not self.gateway_attempts_24h:
            return None
        return self.gateway_succeeded_24h / self.gateway_attempts_24h


def _day(value: object) -> date:
    """DATE() gives text on SQLite and a date on PostgreSQL."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _month_start(moment: datetime) -> datetime:
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _revenue_amount() -> ColumnBase:
    debit = LedgerEntry.kind.in_(("renewal", "usage"))
    charge_refund = (LedgerEntry.kind == "refund") & (LedgerEntry.amount_minor > 0)
    # (peewee reads a unary minus on a field as DESC, hence 0 - amount)
    return fn.SUM(Case(None, [(debit | charge_refund, 0 - LedgerEntry.amount_minor)], 0))


def _subscription_counts(now: datetime) -> tuple[tuple[tuple[str, int], ...], int]:
    counts: dict[str, int] = pairs(
        Subscription.select(Subscription.status, fn.COUNT(Subscription.id)).group_by(Subscription.status)
    )
    by_status = tuple((status, int(counts.get(status, 0))) for status in lifecycle.STATUSES)
    expiring = (
        Subscription.select()
        .where(
            Subscription.status.in_((lifecycle.ACTIVE, lifecycle.CANCELED)),
            Subscription.period_end >= now,
            Subscription.period_end < now + timedelta(days=EXPIRING_DAYS),
        )
        .count()
    )
    return by_status, expiring


def _revenue(
    now: datetime, days: tuple[date, ...]
) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, tuple[int, ...]], ...]]:
    month_start = _month_start(now)
    month = tuples(
        LedgerEntry.select(Wallet.currency, _revenue_amount())
        .join(Wallet, on=(LedgerEntry.wallet == Wallet.id))
        .where(
            LedgerEntry.kind.in_(_REVENUE_KINDS), LedgerEntry.created_at >= month_start, LedgerEntry.created_at <= now
        )
        .group_by(Wallet.currency)
        .order_by(Wallet.currency)
    )
    revenue_month = tuple((currency, int(total or 0)) for currency, total in month)

    first = datetime.combine(days[0], datetime.min.time())
    day_column = fn.DATE(LedgerEntry.created_at)
    daily = tuples(
        LedgerEntry.select(Wallet.currency, day_column, _revenue_amount())
        .join(Wallet, on=(LedgerEntry.wallet == Wallet.id))
        .where(LedgerEntry.kind.in_(_REVENUE_KINDS), LedgerEntry.created_at >= first, LedgerEntry.created_at <= now)
        .group_by(Wallet.currency, day_column)
    )
    index = {day: i for i, day in enumerate(days)}
    series: dict[str, list[int]] = {}
    for currency, day, total in daily:
        position = index.get(_day(day))
        if position is not None:
            series.setdefault(currency, [0] * len(days))[position] = int(total or 0)
    revenue_by_day = tuple(sorted((currency, tuple(values)) for currency, values in series.items()))
    return revenue_month, revenue_by_day


def _open_errors_by_day(now: datetime, days: tuple[date, ...]) -> tuple[int, ...]:
    """Open items at the end of each day (today: now), from the days items were opened and closed."""
    start = datetime.combine(days[0], datetime.min.time())
    open_at_start = (
        ErrorItem.select()
        .where(ErrorItem.created_at < start, ErrorItem.resolved_at.is_null() | (ErrorItem.resolved_at >= start))
        .count()
    )
    opened_column = fn.DATE(ErrorItem.created_at)
    opened = {
        _day(day): n
        for day, n in tuples(
            ErrorItem.select(opened_column, fn.COUNT(ErrorItem.id))
            .where(ErrorItem.created_at >= start, ErrorItem.created_at <= now)
            .group_by(opened_column)
        )
    }
    closed_column = fn.DATE(ErrorItem.resolved_at)
    closed = {
        _day(day): n
        for day, n in tuples(
            ErrorItem.select(closed_column, fn.COUNT(ErrorItem.id))
            .where(ErrorItem.resolved_at >= start, ErrorItem.resolved_at <= now, ErrorItem.created_at <= now)
            .group_by(closed_column)
        )
    }
    open_now, result = open_at_start, []
    for day in days:
        open_now += opened.get(day, 0) - closed.get(day, 0)
        result.append(max(0, open_now))
    return tuple(result)


def load_dashboard(clock: Clock) -> DashboardData:
    """Every number the dashboard shows, as of ``clock.now()``."""
    now = clock.now()
    today = now.date()
    days = tuple(today - timedelta(days=CHART_DAYS - 1 - i) for i in range(CHART_DAYS))
    by_status, expiring = _subscription_counts(now)
    wallet_float = tuple(
        (currency, int(total or 0))
        for currency, total in tuples(
            Wallet.select(Wallet.currency, fn.SUM(Wallet.balance_minor))
            .group_by(Wallet.currency)
            .order_by(Wallet.currency)
        )
    )
    revenue_month, revenue_by_day = _revenue(now, days)
    errors: dict[str, int] = pairs(
        ErrorItem.select(ErrorItem.status, fn.COUNT(ErrorItem.id))
        .where(ErrorItem.status.in_(OPEN_STATUSES))
        .group_by(ErrorItem.status)
    )
    attempts, succeeded = first_tuple(
        GatewayCharge.select(
            fn.COUNT(GatewayCharge.id), fn.SUM(Case(None, [(GatewayCharge.status == "succeeded", 1)], 0))
        ).where(GatewayCharge.created_at >= now - timedelta(hours=24), GatewayCharge.created_at <= now)
    )
    return DashboardData(
        as_of=now,
        subscriptions_by_status=by_status,
        expiring_this_week=expiring,
        wallet_float=wallet_float,
        revenue_this_month=revenue_month,
        errors_retrying=int(errors.get("retrying", 0)),
        errors_manual=int(errors.get("manual", 0)),
        gateway_attempts_24h=int(attempts or 0),
        gateway_succeeded_24h=int(succeeded or 0),
        days=days,
        revenue_by_day=revenue_by_day,
        open_errors_by_day=_open_errors_by_day(now, days),
    )
