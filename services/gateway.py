"""A fake card processor with the contract of a real one.

It keeps its own records (GatewayCharge, GatewayRefund), wants an API key from
the secret store, and misbehaves on demand: latency, server errors, outages,
declines and timeouts after the charge already went through. Its knobs are
settings read at every call, so an operator can turn an outage on while the app
runs.

The one promise callers build on: an idempotency key always gets the first
result back. A retry, however it was caused, never charges or refunds twice.
"""

from __future__ import annotations

import logging
import os
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from peewee import IntegrityError

from models.db import connection, database, for_update, write_transaction
from models.tables import GatewayCharge, GatewayRefund
from services.clock import Clock
from services.errors import (
    Conflict,
    GatewayAuthError,
    GatewayDeclined,
    GatewayTimeout,
    GatewayTransientError,
    GatewayUnavailable,
    Term,
    ValidationError,
)
from services.secrets import GATEWAY_API_KEY
from services.settings import SettingsStore

log = logging.getLogger(__name__)

TEST_KEY_PREFIX = "sk_test_"
DECLINE_CODES = ("card_declined", "insufficient_funds", "expired_card", "do_not_honor")
_CURRENCY = re.compile(r"[A-Z]{3}")
_MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class KnownCard:
    """A card the fake processor knows by its reference, like Stripe's test payment methods
    (``pm_card_visa`` succeeds, ``pm_card_chargeDeclined`` is declined, …)."""

    token: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    decline_code: str | None = None  # every charge to it is declined with this code (and recorded)
    processing_error: bool = False  # every charge to it fails with a server error (nothing charged)


TEST_CARDS: dict[str, KnownCard] = {
    card.token: card
    for card in (
        KnownCard("pm_card_visa", "visa", "4242", 12, 2034),
        KnownCard("pm_card_mastercard", "mastercard", "4444", 12, 2034),
        KnownCard("pm_card_amex", "amex", "8431", 12, 2034),
        KnownCard("pm_card_chargeDeclined", "visa", "0002", 12, 2034, decline_code="card_declined"),
        KnownCard(
            "pm_card_chargeDeclinedInsufficientFunds", "visa", "9995", 12, 2034, decline_code="insufficient_funds"
        ),
        KnownCard("pm_card_chargeDeclinedExpiredCard", "visa", "0069", 12, 2034, decline_code="expired_card"),
        KnownCard("pm_card_chargeDeclinedProcessingError", "visa", "0119", 12, 2034, processing_error=True),
    )
}


@dataclass(frozen=True)
class CardDetails:
    """What the processor tells about a saved card: enough for a person to recognise it."""

    token: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int


@dataclass(frozen=True)
class ChargeResult:
    charge_id: str
    idempotency_key: str
    amount_minor: int
    currency: str
    status: str  # succeeded | declined
    replayed: bool = False  # True when an earlier call with this key produced the result
    decline_code: str | None = None


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    charge_id: str
    amount_minor: int
    replayed: bool = False
    idempotency_key: str = ""


@dataclass(frozen=True)
class _Draws:
    """The dice for one call, thrown together so a seed replays a whole session."""

    latency_seconds: float
    transient: bool
    declined: bool
    decline_code: str
    timeout: bool


def _new_id(prefix: str) -> str:
    # OS randomness, not the seeded generator: ids must never repeat across processes.
    return prefix + os.urandom(12).hex()


def _charge_result(row: GatewayCharge, replayed: bool) -> ChargeResult:
    return ChargeResult(
        row.id, row.idempotency_key, row.amount_minor, row.currency, row.status, replayed, row.decline_code
    )


def _refund_result(row: GatewayRefund, replayed: bool) -> RefundResult:
    return RefundResult(row.id, row.charge_id, row.amount_minor, replayed, row.idempotency_key)


_DECLINE_REASONS = {
    "card_declined": Term("card declined"),
    "insufficient_funds": Term("insufficient funds"),
    "expired_card": Term("expired card"),
    "do_not_honor": Term("do not honor"),
}


def _declined(code: str) -> GatewayDeclined:
    reason = _DECLINE_REASONS.get(code) or Term(code.replace("_", " "))
    return GatewayDeclined("the card was declined ({reason})", code=code, reason=reason)


def _check_amount(amount_minor) -> int:
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor <= 0:
        raise ValidationError("the gateway takes a positive whole number of minor units")
    return amount_minor


def _check_key(idempotency_key) -> str:
    if not isinstance(idempotency_key, str) or not idempotency_key.strip():
        raise ValidationError("a gateway call needs an idempotency key")
    if len(idempotency_key) > _MAX_KEY_LENGTH:
        raise ValidationError("an idempotency key is at most {max_length} characters", max_length=_MAX_KEY_LENGTH)
    return idempotency_key


class SecretSource(Protocol):
    """Where the gateway reads its API key: the secret store, or the demo's stand-in for it."""

    def get(self, name: str) -> str | None: ...


class FakeGateway:
    def __init__(
        self,
        clock: Clock,
        settings: SettingsStore,
        secrets: SecretSource,
        *,
        rng: random.Random | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.clock = clock
        self.settings = settings
        self.secrets = secrets
        self._sleep = sleep
        self._injected_rng = rng
        self._rng: random.Random | None = None
        self._rng_seed: object = object()  # differs from every setting, so the first call builds the generator
        self._lock = threading.Lock()

    # --- the contract ------------------------------------------------------------

    def charge(
        self,
        amount_minor: int,
        currency: str,
        customer_ref: str,
        idempotency_key: str,
        *,
        payment_method: str | None = None,
    ) -> ChargeResult:
        """Charge the customer's card once per ``idempotency_key``.

        ``payment_method``: a saved card's reference (one of ``TEST_CARDS``) to charge instead of the
        customer's card on file; test cards decline or fail as their name says, and an expired one is
        declined (``expired_card``).

        Raises GatewayDeclined (recorded; the same key declines again),
        GatewayTransientError / GatewayUnavailable (nothing happened),
        GatewayTimeout (it may have happened: ask ``get_charge`` with the same key).
        """
        amount_minor = _check_amount(amount_minor)
        currency = str(currency or "").strip().upper()
        if not _CURRENCY.fullmatch(currency):
            raise ValidationError("{currency!r} is not a three-letter currency code", currency=currency[:10])
        customer_ref = str(customer_ref or "").strip()[:200]
        idempotency_key = _check_key(idempotency_key)
        with connection():
            draws = self._arrive()
            existing = GatewayCharge.get_or_none(GatewayCharge.idempotency_key == idempotency_key)
            if existing is not None:
                return self._charge_outcome(existing, amount_minor, currency, replayed=True)
            card = self._saved_card(payment_method)
            if draws.transient or (card is not None and card.processing_error):
                raise GatewayTransientError("the payment gateway answered with a server error; nothing was charged")
            decline_code = draws.decline_code if draws.declined else None
            if card is not None:
                decline_code = card.decline_code or ("expired_card" if self._expired(card) else decline_code)
            row, replayed = self._store_charge(
                amount_minor,
                currency,
                customer_ref,
                idempotency_key,
                "declined" if decline_code else "succeeded",
                decline_code,
            )
            result = self._charge_outcome(row, amount_minor, currency, replayed=replayed)
            if draws.timeout and not replayed:
                log.info("gateway charge %s recorded, answer lost to a timeout", row.id)
                raise GatewayTimeout(
                    "the payment gateway did not answer in time; the charge may have gone through "
                    "(check key {idempotency_key!r} before retrying)",
                    idempotency_key=idempotency_key,
                )
            return result

    def refund(self, charge_id: str, amount_minor: int, idempotency_key: str) -> RefundResult:
        """Give back part or all of a succeeded charge, once per ``idempotency_key``.

        Raises GatewayDeclined with code ``no_such_charge`` / ``charge_declined`` /
        ``amount_too_large`` (nothing recorded), GatewayTransientError /
        GatewayUnavailable (nothing happened), GatewayTimeout (it may have
        happened: ask ``get_refund`` with the same key).
        """
        amount_minor = _check_amount(amount_minor)
        charge_id = str(charge_id or "").strip()
        idempotency_key = _check_key(idempotency_key)
        with connection():
            draws = self._arrive()
            existing = GatewayRefund.get_or_none(GatewayRefund.idempotency_key == idempotency_key)
            if existing is not None:
                return self._refund_outcome(existing, charge_id, amount_minor, replayed=True)
            if draws.transient:
                raise GatewayTransientError("the payment gateway answered with a server error; nothing was refunded")
            row, replayed = self._store_refund(charge_id, amount_minor, idempotency_key)
            result = self._refund_outcome(row, charge_id, amount_minor, replayed=replayed)
            if draws.timeout and not replayed:
                log.info("gateway refund %s recorded, answer lost to a timeout", row.id)
                raise GatewayTimeout(
                    "the payment gateway did not answer in time; the refund may have gone through "
                    "(check key {idempotency_key!r} before retrying)",
                    idempotency_key=idempotency_key,
                )
            return result

    def card_details(self, token: str) -> CardDetails:
        """What the processor knows of a saved card reference (brand, last four digits, expiry).

        Raises ValidationError for a reference it does not know, and what any call raises
        (no API key, an outage)."""
        if not isinstance(token, str) or not token.strip() or len(token) > 64:
            raise ValidationError("a card reference is 1–64 characters, such as pm_card_visa")
        with connection():
            self._arrive()
            card = TEST_CARDS.get(token.strip())
        if card is None:
            raise ValidationError(
                "the payment gateway knows no card {token!r}; test cards: {known}",
                token=token.strip(),
                known=", ".join(TEST_CARDS),
            )
        return CardDetails(card.token, card.brand, card.last4, card.exp_month, card.exp_year)

    def _saved_card(self, payment_method: str | None) -> KnownCard | None:
        if payment_method is None:
            return None
        card = TEST_CARDS.get(payment_method)
        if card is None:
            raise GatewayDeclined(
                "the payment gateway knows no card {token!r}; nothing was charged",
                code="no_such_card",
                token=str(payment_method)[:64],
            )
        return card

    def _expired(self, card: KnownCard) -> bool:
        now = self.clock.now()
        return (now.year, now.month) > (card.exp_year, card.exp_month)

    def get_charge(self, idempotency_key: str) -> ChargeResult | None:
        """What the processor knows of a charge key; None means it never saw one."""
        idempotency_key = _check_key(idempotency_key)
        with connection():
            self._arrive()
            row = GatewayCharge.get_or_none(GatewayCharge.idempotency_key == idempotency_key)
            return None if row is None else _charge_result(row, replayed=False)

    def get_refund(self, idempotency_key: str) -> RefundResult | None:
        """What the processor knows of a refund key; None means it never saw one."""
        idempotency_key = _check_key(idempotency_key)
        with connection():
            self._arrive()
            row = GatewayRefund.get_or_none(GatewayRefund.idempotency_key == idempotency_key)
            return None if row is None else _refund_result(row, replayed=False)

    # --- what every request goes through -------------------------------------------

    def _arrive(self) -> _Draws:
        """Key check, travel time and outage: everything before the processor looks at the request."""
        if database.in_transaction():
            raise RuntimeError("gateway calls must not run inside a database transaction")
        api_key = self.secrets.get(GATEWAY_API_KEY)
        if not api_key:
            raise GatewayAuthError("no gateway API key is set; an admin sets it in Settings")
        knobs = self.settings.get_many("gateway.")
        draws = self._throw_dice(knobs)
        if draws.latency_seconds > 0:
            self._sleep(draws.latency_seconds)
        if knobs["gateway.outage"]:
            raise GatewayUnavailable("the payment gateway is down (outage); nothing was sent")
        if not api_key.startswith(TEST_KEY_PREFIX):
            raise GatewayAuthError(
                "the payment gateway rejected the API key; an admin sets a test key ({prefix}…) in Settings",
                prefix=TEST_KEY_PREFIX,
            )
        return draws

    def _throw_dice(self, knobs: dict) -> _Draws:
        low, high = sorted((int(knobs["gateway.latency_min_ms"]), int(knobs["gateway.latency_max_ms"])))
        with self._lock:  # one generator shared by every thread; reseeding must not race a draw
            rng = self._generator(knobs["gateway.seed"])
            return _Draws(
                latency_seconds=rng.uniform(low, high) / 1000.0,
                transient=rng.random() < float(knobs["gateway.error_rate"]),
                declined=rng.random() < float(knobs["gateway.decline_rate"]),
                decline_code=rng.choice(DECLINE_CODES),
                timeout=rng.random() < float(knobs["gateway.timeout_rate"]),
            )

    def _generator(self, seed) -> random.Random:
        if self._injected_rng is not None:
            return self._injected_rng
        if self._rng is None or seed != self._rng_seed:
            self._rng = random.Random(seed)  # None seeds from the OS
            self._rng_seed = seed
        return self._rng

    # --- records ----------------------------------------------------------------

    def _store_charge(
        self,
        amount_minor: int,
        currency: str,
        customer_ref: str,
        idempotency_key: str,
        status: str,
        decline_code: str | None,
    ) -> tuple[GatewayCharge, bool]:
        """Record a charge unless a concurrent call with the same key got there first."""
        try:
            with write_transaction():
                existing = GatewayCharge.get_or_none(GatewayCharge.idempotency_key == idempotency_key)
                if existing is not None:
                    return existing, True
                row = GatewayCharge.create(
                    id=_new_id("ch_"),
                    idempotency_key=idempotency_key,
                    amount_minor=amount_minor,
                    currency=currency,
                    customer_ref=customer_ref,
                    status=status,
                    decline_code=decline_code,
                    refunded_minor=0,
                    created_at=self.clock.now(),
                )
                return row, False
        except IntegrityError:
            # Another process committed the same key between our check and insert: its result stands.
            existing = GatewayCharge.get_or_none(GatewayCharge.idempotency_key == idempotency_key)
            if existing is None:
                raise
            return existing, True

    def _store_refund(self, charge_id: str, amount_minor: int, idempotency_key: str) -> tuple[GatewayRefund, bool]:
        try:
            with write_transaction():
                existing = GatewayRefund.get_or_none(GatewayRefund.idempotency_key == idempotency_key)
                if existing is not None:
                    return existing, True
                charge = for_update(GatewayCharge.select().where(GatewayCharge.id == charge_id)).first()
                if charge is None:
                    raise GatewayDeclined(
                        "the payment gateway knows no charge {charge_id!r}",
                        code="no_such_charge",
                        charge_id=charge_id[:64],
                    )
                if charge.status != "succeeded":
                    raise GatewayDeclined(
                        "charge {charge_id} was declined; there is nothing to refund",
                        charge_id=charge.id,
                        code="charge_declined",
                    )
                left = charge.amount_minor - charge.refunded_minor
                if amount_minor > left:
                    raise GatewayDeclined(
                        "a refund of {amount_minor} exceeds the {left} minor units left on charge {charge_id}",
                        amount_minor=amount_minor,
                        left=left,
                        charge_id=charge.id,
                        code="amount_too_large",
                    )
                row = GatewayRefund.create(
                    id=_new_id("re_"),
                    charge_id=charge.id,
                    idempotency_key=idempotency_key,
                    amount_minor=amount_minor,
                    status="succeeded",
                    reason=None,
                    created_at=self.clock.now(),
                )
                (
                    GatewayCharge.update(refunded_minor=GatewayCharge.refunded_minor + amount_minor)
                    .where(GatewayCharge.id == charge.id)
                    .execute()
                )
                return row, False
        except IntegrityError:
            existing = GatewayRefund.get_or_none(GatewayRefund.idempotency_key == idempotency_key)
            if existing is None:
                raise
            return existing, True

    # --- answers ------------------------------------------------------------------

    @staticmethod
    def _charge_outcome(row: GatewayCharge, amount_minor: int, currency: str, *, replayed: bool) -> ChargeResult:
        if row.amount_minor != amount_minor or row.currency != currency:
            raise Conflict(
                "idempotency key {row_idempotency_key!r} was first used for a charge of "
                "{row_amount_minor} {row_currency}, not {amount_minor} {currency}",
                row_idempotency_key=row.idempotency_key,
                row_amount_minor=row.amount_minor,
                row_currency=row.currency,
                amount_minor=amount_minor,
                currency=currency,
            )
        if row.status == "declined":
            raise _declined(row.decline_code or "card_declined")
        return _charge_result(row, replayed)

    @staticmethod
    def _refund_outcome(row: GatewayRefund, charge_id: str, amount_minor: int, *, replayed: bool) -> RefundResult:
        if row.charge_id != charge_id or row.amount_minor != amount_minor:
            raise Conflict(
                "idempotency key {key!r} was first used for a refund of {first_amount} on charge {first_charge}, "
                "not {amount_minor} on {charge_id}",
                key=row.idempotency_key,
                first_amount=row.amount_minor,
                first_charge=row.charge_id,
                amount_minor=amount_minor,
                charge_id=charge_id[:64],
            )
        return _refund_result(row, replayed)
