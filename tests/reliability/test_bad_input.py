"""Bad input at every door: only a typed refusal comes out, and a refusal writes nothing.

Every service entry point an operator's form or a script reaches, and every CLI
command, is fed generated junk: negative, zero, huge and over-precise amounts,
NaN and infinity, text and non-ASCII digits where numbers belong, malformed and
hostile emails, control characters, lone surrogates and very long names, ids
that do not exist or do not fit a database integer, dates outside any calendar.

The property: a call either succeeds, or raises a ``DomainError`` subclass and
the database file is byte-for-byte what it was before (WAL checkpointed first).
The CLI answers a refusal with exit code 2 and one ``error: …`` line on stderr.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

import main
from models.db import database, open_database
from models.tables import ErrorItem, LedgerEntry, Subscription, TopUp, Wallet
from services.auth import SYSTEM, Actor
from services.errors import DomainError, ValidationError
from services.money import MAX_MINOR, format_minor, parse_amount
from services.retry_policy import STRATEGIES
from tests.reliability.conftest import set_gateway

# --- the database as bytes ------------------------------------------------------------------------


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _logical_dump(path: Path) -> dict[str, list]:
    """Every row of every table, read through a separate connection (for failure messages)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


def _difference(before: dict[str, list], after: dict[str, list]) -> dict:
    changed = {}
    for table in sorted(set(before) | set(after)):
        old, new = set(before.get(table, [])), set(after.get(table, []))
        if old != new:
            changed[table] = {"added": sorted(new - old)[:3], "removed": sorted(old - new)[:3]}
    return changed


class ServerRows:
    """PostgreSQL has no file to compare: every committed row of every table, through a connection of its own.

    What another connection sees is what a refused call must not have changed. Sequences are left out:
    PostgreSQL advances them for a rolled-back insert too, and that writes no row.
    """

    def __init__(self, url: str):
        self.server = open_database(url)

    def dump(self) -> dict[str, list]:
        with self.server.connection_context():
            tables = [
                name
                for (name,) in self.server.execute_sql(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
                )
            ]
            return {t: sorted(map(repr, self.server.execute_sql(f'SELECT * FROM "{t}"'))) for t in tables}

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.dump(), sort_keys=True).encode()).hexdigest()


class Books:
    """The database's bytes (main file and WAL), remembered after each accepted call.

    After an accepted call the WAL is checkpointed into the main file and truncated;
    a refused call must then leave both files exactly as they were: not one frame
    appended to the WAL, not one page of the main file touched. On PostgreSQL the
    rows stand for the bytes (see ``ServerRows``).
    """

    def __init__(self, target: Path | str, *, connected: bool):
        self.server = ServerRows(target) if isinstance(target, str) else None
        self.path = Path(target) if self.server is None else None
        self.connected = connected  # the test holds the app's connection open between calls
        self.refused = self.accepted = 0
        self.remember()

    @property
    def wal(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + "-wal")

    def digest(self) -> tuple[str, str]:
        if self.connected:
            assert not database.in_transaction(), "a call left a transaction open"
        if self.server is not None:
            return self.server.digest(), "no WAL file"
        assert self.path is not None
        wal = _file_digest(self.wal) if self.wal.exists() and self.wal.stat().st_size else "empty"
        return _file_digest(self.path), wal

    def remember(self) -> None:
        if self.server is None and self.connected:
            busy, _, _ = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 0, "the WAL could not be checkpointed"
        elif self.server is None:
            assert not self.wal.exists() or self.wal.stat().st_size == 0, "the last connection left WAL frames"
        self.hash = self.digest()
        self.rows: dict[str, list] | None = None  # dumped lazily, only to explain a failure

    def rows_now(self) -> dict[str, list]:
        if self.server is not None:
            return self.server.dump()
        assert self.path is not None
        return _logical_dump(self.path)

    def dump_now(self) -> None:
        if self.rows is None:
            self.rows = self.rows_now()

    def assert_unchanged(self, what: str) -> None:
        if self.digest() != self.hash:
            after = self.rows_now()
            pytest.fail(f"{what} was refused but the database changed: {_difference(self.rows or {}, after)}")


def _note(text: str) -> None:
    """Count an outcome in Hypothesis' statistics (outside a Hypothesis test, do nothing)."""
    if currently_in_test_context():
        event(text)


def attempt(books: Books, label: str, call, *args, **kwargs):
    """Run one call: a success is remembered, a DomainError must leave the file as it was."""
    books.dump_now()
    try:
        result = call(*args, **kwargs)
    except DomainError as error:
        text = str(error)
        assert text.strip() and "Traceback" not in text, f"{label}: an empty or raw message: {error!r}"
        if getattr(call, "__name__", "") == "authenticate" and type(error).__name__ == "AuthenticationFailed":
            # A refused sign-in is counted on the account and audited by design (test_sign_in_guard.py).
            books.hash, books.rows = books.digest(), None
        else:
            books.assert_unchanged(f"{label}{args!r:.300}{kwargs!r:.300} ({type(error).__name__}: {text[:200]})")
        books.refused += 1
        _note(f"{label}: {type(error).__name__}")
        return error
    books.accepted += 1
    _note(f"{label}: accepted")
    books.remember()
    return result


# --- junk -------------------------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "\t\n",
    "\x00",
    "a\x00b",
    "\x1b[31mred",
    "\u202eevil",
    "\u200b",
    "\ud800",
    "x\udcffy",
    "'",
    '"',
    "\\",
    "%",
    "_",
    "' OR 1=1 --",
    "'); DROP TABLE customer; --",
    "NULL",
    "None",
    "名前",
    "Zoë Ångström",
    "🙂" * 3,
    "e\u0301",
    "ﬀ",
    "x" * 201,
    "y" * 5000,
]
NASTY_AMOUNTS = [
    "-5",
    "-0.01",
    "0",
    "0.00",
    "-0",
    "+0",
    "0.001",
    "12.345",
    "1.0000001",
    "5.",
    ".5",
    "1e3",
    "1E-2",
    "NaN",
    "nan",
    "-nan",
    "inf",
    "-inf",
    "Infinity",
    "999999999999.99",
    "10000000000.01",
    "9" * 14,
    "1" + "0" * 40,
    "9" * 5000,
    "١٢",
    "１２",
    "²",
    "Ⅻ",
    "12,50",
    "1,234.56",
    "1 234",
    "0x10",
    "1_000",
    "--5",
    "5-",
    "+5",
    "12.5\n",
    "\x00",
    "",
    " ",
    "abc",
    "12 EUR",
    "$12",
    "١٢.٥٠",
]
NASTY_NUMBERS = [
    0,
    -1,
    -(2**63),
    2**63,
    2**64,
    10**30,
    MAX_MINOR + 1,
    -MAX_MINOR - 1,
    True,
    False,
    None,
    1.5,
    0.0,
    -0.0,
    float("nan"),
    float("inf"),
    float("-inf"),
    Decimal("12.50"),
    Decimal("NaN"),
    "1",
    "12",
    "abc",
    "",
    b"12",
    [1],
    {"a": 1},
    (),
    object,
]
NASTY_IDS = [0, -1, 1.0, 1.5, True, None, "1", "1 OR 1=1", "١", b"1", 2**63, 2**64, 10**40, [1], {}, 999_999]
NASTY_EMAILS = [
    "",
    "a",
    "a@",
    "@example.com",
    "a@b",
    "a@@example.com",
    "a..b@example.com",
    "a@example..com",
    "a@-example.com",
    "a@example.com\n",
    " a@example.com ",
    "A@EXAMPLE.COM",
    "ü@example.com",
    "a@exämple.com",
    "x" * 250 + "@example.com",
    "a@" + "b" * 64 + ".com",
    "'; DROP TABLE customer; --@x.com",
    "%@example.com",
    "_@example.com",
    "a@example.com; b@example.com",
    "\udcff@example.com",
    "١@example.com",
    "ada@example.com",
]
NASTY_DATES = [
    "9999-12-31",
    "9999-12-31T23:59:59",
    "0001-01-01",
    "1969-12-31T23:59:59",
    "1970-01-01T00:00:00+14:00",
    "2200-12-31T23:59:59-14:00",
    "2200-12-31T23:59:59",
    "2026-13-01",
    "2026-02-30",
    "2026-01-15T25:00",
    "2026-01-15T09:00:00+25:00",
    "now",
    "",
    "１９９９-01-01",
    "2026-01-15T09:00:00Z",
    "20260115",
    "2026-W03",
    "2026-01-15 09:00",
    "-2026-01-01",
    "2026-01-15T09:00:00.123456789",
]

text_junk = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(max_size=40),
    st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zs", "Mn", "Nd", "No", "Lo", "Po"]), max_size=20),
)
amount_junk = st.one_of(
    st.sampled_from(NASTY_AMOUNTS),
    st.sampled_from(NASTY_NUMBERS),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.decimals(),
    st.text(max_size=16),
)
number_junk = st.one_of(st.sampled_from(NASTY_NUMBERS), st.integers(-(2**70), 2**70), st.floats())
currency_junk = st.one_of(st.sampled_from(["usd", "XXX", "US", "USDD", "", "U$D", None, 840]), text_junk)
reason_junk = st.one_of(st.sampled_from(["", " ", None, 42, b"why", "r" * 2001]), text_junk)
key_junk = st.one_of(
    st.sampled_from(["", " ", "k" * 121, "k" * 201, "\ud800", 7, b"key"]), text_junk.map(lambda t: "key-" + t)
)
email_junk = st.one_of(st.sampled_from(NASTY_EMAILS), text_junk, st.sampled_from(NASTY_IDS))
id_junk = st.one_of(st.sampled_from(NASTY_IDS), st.integers(-(2**65), 2**65))

ADMIN = Actor("alice", "admin", 1)
actor_junk = st.sampled_from([Actor("vera", "viewer", 3), Actor("mallory", "root"), None, "admin"])


def either(valid, junk):
    """Two draws in three well-formed, so most calls carry one or two bad arguments, not only bad ones."""
    valid = valid if isinstance(valid, st.SearchStrategy) else st.sampled_from(valid)
    return st.integers(0, 2).flatmap(lambda roll: junk if roll == 0 else valid)


actors = either(st.just(ADMIN), actor_junk)
reasons = either(["a reason", "customer asked"], reason_junk)
keys = either(st.uuids().map(str), key_junk)
amounts = either(["12.50", "1", "0.01", 300], amount_junk)
emails = either(["ada@example.com", "bob@example.com", "ADA@example.com"], email_junk)
currencies = either(["USD", "EUR", "JPY"], currency_junk)
plans = either(["basic", "pro", "euro"], text_junk)
features = either(["api_calls", "exports", "sso", "sms"], text_junk)
small_ints = either(st.integers(0, 500), number_junk)


# --- the world the calls land in ---------------------------------------------------------------------


@pytest.fixture
def world(core, clock, db_path, db_url):
    """Plans, features, customers, subscriptions, a paid top-up, a charge and an open error item."""
    core.features.create_plan(SYSTEM, "basic", "Basic", 1000, "USD", "month")
    core.features.create_plan(SYSTEM, "pro", "Pro", 3000, "USD", "month")
    core.features.create_plan(SYSTEM, "euro", "Euro", 900, "EUR", "month")
    core.features.create_feature(SYSTEM, "api_calls", "API calls", "quota", "call")
    core.features.create_feature(SYSTEM, "exports", "Exports", "rate", "export")
    core.features.create_feature(SYSTEM, "sso", "Single sign-on", "boolean")
    core.features.create_feature(SYSTEM, "sms", "SMS", "usage", "message")
    core.features.set_plan_feature(SYSTEM, "basic", "api_calls", quota=100)
    core.features.set_plan_feature(SYSTEM, "basic", "exports", rate_limit=5, rate_window_seconds=3600)
    core.features.set_plan_feature(SYSTEM, "basic", "sms", pricing="flat", unit_price_minor=2)
    core.features.set_plan_feature(SYSTEM, "pro", "sso")
    core.operators.create_first_admin("alice", "a long enough password")
    for name, email in (("Ada Lovelace", "ada@example.com"), ("Bob Stone", "bob@example.com")):
        core.customers.create_customer(SYSTEM, name, email)
    core.payments.top_up(SYSTEM, "ada@example.com", "500.00")
    core.payments.top_up(SYSTEM, "bob@example.com", "50.00")
    sub = core.subscriptions.subscribe(SYSTEM, "ada@example.com", "basic")
    bob = core.subscriptions.subscribe(SYSTEM, "bob@example.com", "basic")
    core.subscriptions.cancel(SYSTEM, bob.id, "moving away")
    set_gateway(core, outage=True)
    core.payments.top_up(SYSTEM, "bob@example.com", "10.00")  # lands in the error queue
    set_gateway(core, outage=False)
    item = ErrorItem.get()
    charge = LedgerEntry.get(LedgerEntry.kind == "renewal")
    topup = TopUp.get(TopUp.status == "succeeded")
    core.ids = {
        "subscription": sub.id,
        "canceled": bob.id,
        "item": item.id,
        "charge": charge.id,
        "topup": topup.id,
        "wallet": Wallet.get().id,
    }
    core.books = Books(db_path if db_url == str(db_path) else db_url, connected=True)
    return core


def ids_for(world, kind):
    return either(st.just(world.ids[kind]), id_junk)


def _customers_create(w, d):
    return (
        w.customers.create_customer,
        (
            d(actors),
            d(either(["Carol Ann", "Zoë Ångström", "名前"], text_junk)),
            d(either(st.emails().map(str), email_junk)),
            d(currencies),
            d(reasons),
        ),
        {},
    )


def _customers_update(w, d):
    fields = d(
        st.fixed_dictionaries(
            {},
            optional={
                "name": either(["Ada King"], text_junk),
                "email": either(st.emails().map(str), email_junk),
                "status": either(["active", "disabled"], st.sampled_from(["gone", "", None, 1, "ACTIVE"])),
                "reason": reasons,
            },
        )
    )
    return w.customers.update_customer, (d(actors), d(ids_for(w, "canceled"))), fields


def _customers_search(w, d):
    return (
        w.customers.search,
        (
            d(
                either(
                    ["ada", "1", "example"],
                    st.one_of(text_junk, st.sampled_from(["²", "9" * 30, "9" * 5000, "١", None, 5, b"ada"])),
                )
            ),
            d(either([50, 1], st.sampled_from([0, -1, 10**30, "5", None, 2.5, True]))),
        ),
        {},
    )


def _top_up(w, d):
    return (
        w.payments.top_up,
        (d(actors), d(emails), d(amounts), d(either(st.none(), currency_junk))),
        {"idempotency_key": d(either(st.none(), key_junk)), "reason": d(reasons)},
    )


def _refund_topup(w, d):
    return (
        w.payments.refund_topup,
        (d(actors), d(ids_for(w, "topup")), d(amounts), d(reasons)),
        {"idempotency_key": d(keys)},
    )


def _refund_charge(w, d):
    return (
        w.payments.refund_charge,
        (d(actors), d(ids_for(w, "charge")), d(either(["0.01", 1], amount_junk)), d(reasons)),
        {"idempotency_key": d(keys)},
    )


def _adjust_balance(w, d):
    signed = either(["-1.00", "5", -100, 100], amount_junk)
    return (
        w.payments.adjust_balance,
        (d(actors), d(ids_for(w, "wallet")), d(signed), d(reasons)),
        {"idempotency_key": d(keys)},
    )


def _subscribe(w, d):
    return w.subscriptions.subscribe, (d(actors), d(emails), d(plans), d(reasons)), {}


def _cancel(w, d):
    return w.subscriptions.cancel, (d(actors), d(ids_for(w, "subscription")), d(reasons)), {}


def _reinstate(w, d):
    return w.subscriptions.reinstate, (d(actors), d(ids_for(w, "canceled")), d(reasons)), {}


def _change_plan(w, d):
    return w.subscriptions.change_plan, (d(actors), d(ids_for(w, "subscription")), d(plans), d(reasons)), {}


def _record_usage(w, d):
    return (
        w.features.record_usage,
        (d(actors), d(ids_for(w, "subscription")), d(features), d(either(st.integers(1, 50), number_junk))),
        {"idempotency_key": d(either(st.none(), key_junk))},
    )


def _check_access(w, d):
    return w.features.check_access, (d(emails), d(features)), {}


def _create_plan(w, d):
    return (
        w.features.create_plan,
        (
            d(actors),
            d(either(st.from_regex(r"[a-z][a-z0-9_-]{1,20}", fullmatch=True), text_junk)),
            d(either(["Gold"], text_junk)),
            d(either(st.integers(0, 10**6), number_junk)),
            d(currencies),
            d(either(["day", "week", "month", "year"], st.sampled_from(["fortnight", "", None, "MONTH", 1]))),
            d(either(st.integers(1, 12), number_junk)),
            d(either(st.integers(0, 30), number_junk)),
            d(either(st.booleans(), st.sampled_from([None, "yes", 1, 0]))),
            d(reasons),
        ),
        {},
    )


def _update_plan(w, d):
    fields = d(
        st.fixed_dictionaries(
            {},
            optional={
                "name": either(["Basic+"], text_junk),
                "price_minor": either(st.integers(0, 10**6), number_junk),
                "grace_days": either(st.integers(0, 90), number_junk),
                "access_in_grace": either(st.booleans(), st.sampled_from(["no", 0, None])),
                "active": either(st.booleans(), st.sampled_from(["x", 1])),
                "reason": reasons,
            },
        )
    )
    return w.features.update_plan, (d(actors), d(either(["basic", "pro"], text_junk))), fields


def _set_plan_feature(w, d):
    counts = either(st.integers(0, 1000), number_junk)
    fields = d(
        st.fixed_dictionaries(
            {},
            optional={
                "enabled": either(st.booleans(), st.sampled_from(["yes", None, 1])),
                "quota": counts,
                "rate_limit": counts,
                "rate_window_seconds": either(st.integers(1, 86400), number_junk),
                "included": counts,
                "pricing": either(
                    ["none", "flat", "tiered", "volume", "package"], st.sampled_from(["free", "", None, 3])
                ),
                "unit_price_minor": counts,
                "tiers": either(
                    ["[[10, 5], [null, 3]]", "[[null, 1]]"],
                    st.one_of(
                        text_junk,
                        st.sampled_from(
                            [
                                "[]",
                                "[[1]]",
                                "[[-1, 5]]",
                                '{"a": 1}',
                                "[[1e400, 1]]",
                                "NaN",
                                "[[5, 1], [2, 1]]",
                                "[[null, 1], [null, 2]]",
                                "[[" + "9" * 400 + ", 1]]",
                            ]
                        ),
                        st.lists(st.lists(number_junk, max_size=3), max_size=3),
                    ),
                ),
                "package_size": counts,
                "package_price_minor": counts,
                "reason": reasons,
            },
        )
    )
    return w.features.set_plan_feature, (d(actors), d(either(["basic", "pro"], text_junk)), d(features)), fields


def _settings_update(w, d):
    names = either(
        [
            "renewal_time",
            "reminder_days",
            "alert_threshold",
            "retry_every_minutes",
            "gateway.error_rate",
            "gateway.latency_min_ms",
            "gateway.latency_max_ms",
            "gateway.outage",
            "gateway.seed",
            "demo",
        ],
        st.one_of(st.sampled_from(["nope", "", "gateway.%", "RENEWAL_TIME"]), text_junk),
    )
    values = either(
        st.sampled_from(["02:00", "0.1", "on", "off", 5, 0]),
        st.one_of(number_junk, text_junk, st.sampled_from(["24:00", "2:00", "maybe", "1e9", "0.5\n", [], {}])),
    )
    changes = d(
        either(
            st.dictionaries(names, values, min_size=1, max_size=3),
            st.sampled_from([None, [], {}, "x", {1: 2}, [("demo", True)]]),
        )
    )
    return w.settings.update, (d(actors), changes, d(reasons)), {}


def _create_operator(w, d):
    return (
        w.operators.create_operator,
        (
            d(actors),
            d(
                either(
                    st.from_regex(r"[a-z][a-z0-9_.-]{1,20}", fullmatch=True),
                    st.one_of(text_junk, st.sampled_from(["c", "a" * 65, "bad name", None])),
                )
            ),
            d(
                either(
                    ["a long enough password"],
                    st.one_of(text_junk, st.sampled_from(["short", "\ud800" * 8, "p" * 1025, None, 12345678])),
                )
            ),
            d(either(["viewer", "operator", "admin"], st.sampled_from(["root", "", None, "Admin"]))),
            d(reasons),
        ),
        {},
    )


def _set_role(w, d):
    return (
        w.operators.set_role,
        (
            d(actors),
            d(either(["alice", "nobody"], st.one_of(text_junk, st.sampled_from([None, 1, "%"])))),
            d(either(["viewer", "operator"], st.sampled_from(["root", "", None]))),
            d(reasons),
        ),
        {},
    )


def _disable_operator(w, d):
    return (
        w.operators.disable,
        (d(actors), d(either(["alice", "nobody"], st.one_of(text_junk, st.sampled_from([None, 1, "%"])))), d(reasons)),
        {},
    )


def _enable_operator(w, d):
    return (
        w.operators.enable,
        (d(actors), d(either(["alice", "nobody"], st.one_of(text_junk, st.sampled_from([None, 1, "%"])))), d(reasons)),
        {},
    )


def _reset_password(w, d):
    return (
        w.operators.reset_password,
        (
            d(actors),
            d(either(["alice", "nobody"], st.one_of(text_junk, st.sampled_from([None, 1, "%"])))),
            d(
                either(
                    ["a new long password"],
                    st.one_of(text_junk, st.sampled_from(["short", "\ud800" * 8, "p" * 1025, None, 12345678])),
                )
            ),
            d(reasons),
        ),
        {},
    )


def _authenticate(w, d):
    return (
        w.operators.authenticate,
        (
            d(either(["alice", "nobody"], st.one_of(text_junk, st.sampled_from([None, 1, b"alice"])))),
            d(
                either(
                    ["a long enough password", "wrong password"],
                    st.one_of(text_junk, st.sampled_from([None, 12345678, "\ud800" * 9])),
                )
            ),
        ),
        {},
    )


def _create_feature(w, d):
    return (
        w.features.create_feature,
        (
            d(actors),
            d(either(st.from_regex(r"[a-z][a-z0-9_-]{1,20}", fullmatch=True), text_junk)),
            d(either(["Storage"], text_junk)),
            d(either(["boolean", "quota", "rate", "usage"], st.sampled_from(["metered", "", None, "QUOTA"]))),
            d(either(["GB", "api call"], st.one_of(text_junk, st.sampled_from(["x" * 33, "", None, 5])))),
            d(reasons),
        ),
        {},
    )


def _mark_read(w, d):
    ids = either(
        st.lists(st.integers(1, 5), max_size=3),
        st.one_of(
            st.sampled_from(["12", b"1", 7, None, [2**64], ["1"], [0], [True], [1.5]]), st.lists(id_junk, max_size=3)
        ),
    )
    return w.notifications.mark_read, (d(actors), d(ids)), {}


def _retry_ids(w, d):
    item = w.ids["item"]
    return d(
        either(
            st.sampled_from([item, [item], (item,), [item, item]]),
            st.one_of(
                id_junk,
                st.lists(id_junk, min_size=1, max_size=4),
                st.sampled_from([[], "1", range(0), [item, 0], {1: 1}]),
            ),
        )
    )


def _retry_now(w, d):
    return w.retries.retry_now, (d(actors), _retry_ids(w, d)), {}


def _cancel_retry(w, d):
    return w.retries.cancel_retry, (d(actors), _retry_ids(w, d), d(reasons)), {}


def _change_strategy(w, d):
    strategy = d(either(list(STRATEGIES), st.one_of(text_junk, st.sampled_from([None, 1, "BACKOFF"]))))
    return w.retries.change_strategy, (d(actors), _retry_ids(w, d), strategy, d(reasons)), {}


def _resolve(w, d):
    return w.retries.resolve, (d(actors), _retry_ids(w, d), d(either(["paid by bank transfer"], reason_junk))), {}


def _escalate(w, d):
    return w.retries.escalate, (d(actors), _retry_ids(w, d), d(reasons)), {}


ENTRY_POINTS = {
    f.__name__.lstrip("_"): f
    for f in (
        _customers_create,
        _customers_update,
        _customers_search,
        _top_up,
        _refund_topup,
        _refund_charge,
        _adjust_balance,
        _subscribe,
        _cancel,
        _reinstate,
        _change_plan,
        _record_usage,
        _check_access,
        _create_plan,
        _update_plan,
        _set_plan_feature,
        _settings_update,
        _create_operator,
        _retry_now,
        _cancel_retry,
        _change_strategy,
        _resolve,
        _escalate,
        _set_role,
        _disable_operator,
        _enable_operator,
        _reset_password,
        _authenticate,
        _create_feature,
        _mark_read,
    )
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_service_entry_point_refuses_junk_with_a_typed_error_and_writes_nothing(world, entry, data):
    call, args, kwargs = ENTRY_POINTS[entry](world, data.draw)
    attempt(world.books, entry, call, *args, **kwargs)


def test_the_world_accepts_good_input_so_refusals_are_about_the_junk(world):
    """The same doors open for well-formed input: the refusals above are not a broken fixture."""
    admin = ADMIN
    books = world.books
    attempt(books, "create", world.customers.create_customer, admin, "Carol", "carol@example.com", "EUR", "new")
    attempt(books, "topup", world.payments.top_up, admin, "carol@example.com", "12.50")
    attempt(books, "usage", world.features.record_usage, admin, world.ids["subscription"], "api_calls", 3)
    attempt(books, "reinstate", world.subscriptions.reinstate, admin, world.ids["canceled"], "came back")
    attempt(books, "escalate", world.retries.escalate, admin, [world.ids["item"]], "card issue")
    assert books.refused == 0 and books.accepted == 5


@settings(max_examples=400, deadline=None)
@given(text=amount_junk, currency=currency_junk, allow_zero=st.booleans(), allow_negative=st.booleans())
def test_parse_amount_returns_bounded_minor_units_or_a_validation_error(text, currency, allow_zero, allow_negative):
    try:
        minor = parse_amount(text, currency, allow_zero=allow_zero, allow_negative=allow_negative)
    except ValidationError as error:
        assert str(error).strip()
        return
    assert isinstance(minor, int) and not isinstance(minor, bool)
    assert abs(minor) <= MAX_MINOR
    assert minor != 0 or allow_zero
    assert minor >= 0 or allow_negative
    code = str(currency).upper()
    assert parse_amount(format_minor(minor, code), code, allow_zero=True, allow_negative=True) == minor


@settings(max_examples=200, deadline=None)
@given(minor=st.integers(-MAX_MINOR, MAX_MINOR), currency=st.sampled_from(["USD", "EUR", "JPY"]))
def test_every_amount_an_operator_sees_parses_back_to_itself(minor, currency):
    assert parse_amount(format_minor(minor, currency), currency, allow_zero=True, allow_negative=True) == minor


# --- the command line ----------------------------------------------------------------------------------


@pytest.fixture
def cli_world(world, db_path, db_url, capsys):
    """The same business, with the connection closed: each command opens the database itself."""
    world.settings.update(SYSTEM, {"demo": False})
    database.close()
    books = Books(db_path if db_url == str(db_path) else db_url, connected=False)

    def run(argv):
        code = main.main(["--db", db_url, *argv])
        database.close()
        out = capsys.readouterr()
        return code, out.out, out.err

    return run, books


def _cli_word(*valid):
    return either(list(valid), text_junk.filter(lambda t: not t.startswith("-")))


CLI_COMMANDS = (
    "topup",
    "subscribe",
    "cancel",
    "reinstate",
    "usage",
    "access",
    "gateway",
    "demo",
    "renew",
    "retry",
    "report",
    "check",
    "worker",
    "unknown",
    "none",
)
CLI_AMOUNT_JUNK = [a for a in NASTY_AMOUNTS if not a.startswith("-")]


@st.composite
def command_lines(draw):
    """(command, argv): one command line, usually with one bad part."""
    people = either(
        ["ada@example.com", "bob@example.com", "1"],
        st.one_of(
            st.sampled_from(["nobody@example.com", "²", "9" * 30, "١", "0"]), text_junk.filter(lambda t: t[:1] != "-")
        ),
    )
    plans = _cli_word("basic", "pro", "euro")
    feature_codes = _cli_word("api_calls", "exports", "sso", "sms")
    money = either(["12.50", "1", "0.01"], st.sampled_from(CLI_AMOUNT_JUNK))
    quantities = either(
        st.integers(1, 20).map(str),
        st.one_of(
            st.sampled_from(["0", "1.5", "1e3", "²", "١", "++2", "9" * 30, "9" * 5000, "x", ""]),
            st.integers(10**6, 10**20).map(str),
        ),
    )
    rates = either(["0", "0.5", "1"], st.sampled_from(["1.5", "2", "nan", "inf", "x", "", "1e-400", "٠", "0x1"]))
    kind = draw(st.sampled_from(CLI_COMMANDS))
    if kind == "topup":
        argv = ["topup", draw(people), draw(money)]
        if draw(st.booleans()):
            argv += ["--currency", draw(either(["USD", "EUR"], st.sampled_from(["usd", "XXX", "", "€", "USDD"])))]
        if draw(st.booleans()):
            argv += ["--key", draw(_cli_word("k1", "k" * 300))]
    elif kind in ("subscribe", "cancel", "reinstate"):
        argv = [kind, draw(people), draw(plans)] + (["--reason", draw(_cli_word("why"))] if draw(st.booleans()) else [])
    elif kind == "usage":
        argv = ["usage", draw(people), draw(feature_codes), draw(quantities)]
        if draw(st.booleans()):
            argv += ["--key", draw(_cli_word("u1"))]
    elif kind == "access":
        argv = ["access", draw(people), draw(feature_codes)]
    elif kind == "gateway":
        argv = ["gateway"]
        for option in draw(
            st.lists(
                st.sampled_from(
                    ["--error-rate", "--timeout-rate", "--decline-rate", "--latency-ms", "--outage", "--seed"]
                ),
                max_size=3,
            )
        ):
            value = {
                "--latency-ms": st.sampled_from(["0-0", "5-1", "10", "a-b", "1-2-3", "60001", "²-³"]),
                "--outage": st.sampled_from(["on", "off", "maybe"]),
                "--seed": st.sampled_from(["1", "x", "99999999999", "²", "9" * 5000]),
            }.get(option, rates)
            argv += [option, draw(value)]
    elif kind == "demo":
        argv = [
            "demo",
            "--customers",
            draw(st.sampled_from(["0", "1000001", "x", "1e3", "²", "", "9" * 5000])),
            "--seed",
            draw(st.sampled_from(["7", "x", "²", "1.5"])),
        ]
    elif kind == "worker":
        argv = ["worker", draw(_cli_word("now"))]  # never a bare worker: that one runs until stopped
    elif kind == "unknown":
        argv = [draw(_cli_word("frobnicate", "TOPUP", "top-up"))]
    elif kind == "none":
        argv = ["check"]  # with a bad --now below
    else:
        argv = [kind] + ([draw(_cli_word("extra"))] if draw(st.booleans()) else [])
    # The business's clock: a day into the period, or a moment no calendar has.
    moment = draw(either(["2026-01-16T10:00:00"], st.one_of(st.sampled_from(NASTY_DATES), text_junk)))
    return kind, ["--now", moment if kind != "none" else draw(st.sampled_from(NASTY_DATES)), *argv]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(line=command_lines())
@example(line=("usage", ["--now", "2026-01-16T10:00:00", "usage", "ada@example.com", "\ud800", "1", "--key", "u1"]))
def test_cli_refuses_bad_arguments_with_exit_2_one_line_and_nothing_written(cli_world, line):
    kind, argv = line
    run, books = cli_world
    books.dump_now()
    code, out, err = run(argv)
    assert "Traceback" not in err and "Traceback" not in out, err
    assert code in (0, 1, 2), f"{argv!r:.300} exited {code}: {err[:500]}"
    if code == 2:
        lines = err.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0].startswith("error: ") and len(lines[0]) > len("error: "), err[:500]
        assert not out.strip(), "a refusal printed a result"
        books.assert_unchanged(f"{argv!r:.300} ({lines[0][:200]})")
        books.refused += 1
        _note(f"cli {kind}: refused")
    else:
        json.loads(out)  # an answer is one JSON document
        books.remember()
        books.accepted += 1
        _note(f"cli {kind}: answered {code}")


@pytest.mark.parametrize(
    "now",
    [
        "9999-12-31",
        "0001-01-01",
        "1969-12-31T23:59:59",
        "2026-02-30",
        "2026-01-15T25:00",
        "2200-12-31T23:59:59-14:00",
        "tomorrow",
    ],
)
@pytest.mark.parametrize(
    "command",
    [["renew"], ["retry"], ["check"], ["subscribe", "bob@example.com", "pro"], ["topup", "ada@example.com", "1.00"]],
)
def test_cli_dates_out_of_range_are_refused_before_anything_runs(cli_world, now, command):
    run, books = cli_world
    code, out, err = run(["--now", now, *command])
    assert (code, out) == (2, "") and err.startswith("error: ") and err.count("\n") == 1, err
    books.assert_unchanged(f"--now {now} {command}")


@pytest.mark.parametrize(
    "where",
    [
        "postgresql://",
        "ftp://example.com/shop",
        ":memory:",
        "sqlite:///:memory:",
        "{tmp}/no/such/folder/shop.sqlite3",
        "{tmp}",
        "{tmp}/not-a-database.txt",
        "sqlite:///{tmp}/no/such/folder/shop.sqlite3",
    ],
)
def test_cli_refuses_a_database_it_cannot_open_without_creating_anything(tmp_path, capsys, where):
    (tmp_path / "not-a-database.txt").write_text("a shopping list, not SQLite\n" * 100)
    before = sorted((p.name, p.stat().st_size) for p in tmp_path.rglob("*"))
    code = main.main(["--db", where.format(tmp=tmp_path), "check"])
    database.close()
    out = capsys.readouterr()
    assert code == 2 and out.out == "" and out.err.startswith("error: ") and out.err.count("\n") == 1, out.err
    assert sorted((p.name, p.stat().st_size) for p in tmp_path.rglob("*")) == before


def test_cli_last_moment_of_the_calendar_still_renews_and_subscribes(cli_world):
    """The latest moment --now accepts can still compute a next period (no overflow past it)."""
    run, books = cli_world
    code, out, err = run(["--now", "2200-12-31T23:59:59", "subscribe", "bob@example.com", "pro"])
    assert code in (0, 2), err
    # Allowed to catch up every period to then: the pass reaches the last moment without overflowing.
    code, out, err = run(["--now", "2200-12-31T23:59:59", "renew", "--catch-up"])
    assert code == 0, err
    code, out, err = run(["--now", "2200-12-31T23:59:59", "check"])
    assert code == 0 and json.loads(out)["ok"], out


def test_rejected_service_calls_leave_no_open_transaction_and_a_usable_connection(world):
    """After a refusal the same connection goes on working (nothing half-done holds a lock)."""
    admin = Actor("alice", "admin", 1)
    for amount in ("NaN", "-1", "1e3", "9" * 5000):
        attempt(world.books, "topup", world.payments.top_up, admin, "ada@example.com", amount)
    assert world.books.refused == 4
    info = world.payments.top_up(admin, "ada@example.com", "1.00")
    assert info.status == "succeeded"
    assert Subscription.select().count() == 2
    assert world.clock.now() - info.created_at == timedelta(0)
