"""Wallets and their append-only ledger.

The one rule: a wallet's balance is the sum of its ledger entries and never
drops below zero. ``post_entry`` is the only code that changes a balance; call
it inside ``write_transaction()`` together with whatever caused the movement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.db import for_update
from models.tables import LedgerEntry, Wallet
from services import notice_events
from services.clock import Clock
from services.customer_notices import stage_notices
from services.errors import Amount, Conflict, InsufficientFunds, NotFound, ValidationError
from services.money import MAX_MINOR

# renewal, usage and proration pay invoices; refund (positive) and credit are credit notes into the wallet.
ENTRY_KINDS = ("topup", "renewal", "usage", "proration", "refund", "credit", "adjustment", "reversal")


@dataclass(frozen=True)
class EntryInfo:
    id: int
    wallet_id: int
    kind: str
    amount_minor: int
    balance_after_minor: int
    idempotency_key: str
    ref_type: str | None
    ref_id: int | None
    actor: str
    note: str | None
    created_at: datetime
    replayed: bool = False


def entry_info(row: LedgerEntry, replayed: bool = False) -> EntryInfo:
    return EntryInfo(
        row.id,
        row.wallet_id,
        row.kind,
        row.amount_minor,
        row.balance_after_minor,
        row.idempotency_key,
        row.ref_type,
        row.ref_id,
        row.actor,
        row.note,
        row.created_at,
        replayed,
    )


def lock_wallet(wallet_id: int) -> Wallet:
    wallet = for_update(Wallet.select().where(Wallet.id == wallet_id)).first()
    if wallet is None:
        raise NotFound("no wallet #{wallet_id}", wallet_id=wallet_id)
    return wallet


def post_entry(
    clock: Clock,
    wallet_id: int,
    kind: str,
    amount_minor: int,
    idempotency_key: str,
    *,
    actor: str,
    ref: tuple[str, int] | None = None,
    note: str | None = None,
    wallet: Wallet | None = None,
) -> EntryInfo:
    """Move money in (positive) or out (negative) of a wallet, once per key.

    Must run inside a write transaction. A key seen before with the same wallet,
    kind and amount returns the first entry unchanged (``replayed=True``) and
    moves nothing; the same key for a different movement is refused (Conflict).
    """
    if kind not in ENTRY_KINDS:
        raise ValueError(f"unknown ledger entry kind {kind!r}")
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor == 0:
        raise ValidationError("a ledger entry moves a non-zero whole number of minor units")
    existing = LedgerEntry.get_or_none(LedgerEntry.idempotency_key == idempotency_key)
    if existing is not None:
        if (existing.wallet_id, existing.kind, existing.amount_minor) != (wallet_id, kind, amount_minor):
            raise Conflict(
                "idempotency key {idempotency_key!r} was used for a different movement of money "
                "(ledger entry #{existing_id}); nothing was written",
                idempotency_key=idempotency_key,
                existing_id=existing.id,
            )
        return entry_info(existing, replayed=True)
    wallet = wallet or lock_wallet(wallet_id)
    new_balance = wallet.balance_minor + amount_minor
    if new_balance < 0:
        raise InsufficientFunds(
            "wallet #{wallet_id} holds {balance}; {needed} is needed",
            wallet_id=wallet.id,
            balance=Amount(wallet.balance_minor, wallet.currency),
            needed=Amount(-amount_minor, wallet.currency),
        )
    if new_balance > MAX_MINOR:
        raise ValidationError("that would put the wallet over its maximum balance")
    ref_type, ref_id = ref if ref else (None, None)
    row = LedgerEntry.create(
        wallet=wallet.id,
        kind=kind,
        amount_minor=amount_minor,
        balance_after_minor=new_balance,
        idempotency_key=idempotency_key,
        ref_type=ref_type,
        ref_id=ref_id,
        actor=actor,
        note=note,
        created_at=clock.now(),
    )
    Wallet.update(balance_minor=new_balance).where(Wallet.id == wallet.id).execute()
    old_balance, wallet.balance_minor = wallet.balance_minor, new_balance
    if amount_minor < 0:
        _stage_low_balance(clock, wallet, old_balance, idempotency_key)
    return entry_info(row)


def _stage_low_balance(clock: Clock, wallet: Wallet, before: int, key: str) -> None:
    """The customer hears, in this movement's transaction, that the balance fell below their currency's threshold."""
    threshold = notice_events.low_balance_thresholds().get(wallet.currency)
    if not notice_events.crossed_below(before, wallet.balance_minor, threshold):
        return
    assert threshold is not None, "crossed_below is False without a threshold"
    draft = notice_events.low_balance(
        wallet.customer_id,
        wallet_id=wallet.id,
        cause_key=key,
        balance_minor=wallet.balance_minor,
        threshold_minor=threshold,
        currency=wallet.currency,
    )
    stage_notices([draft], clock.now())


def ledger_sum(wallet_id: int) -> int:
    from peewee import fn

    return int(
        LedgerEntry.select(fn.COALESCE(fn.SUM(LedgerEntry.amount_minor), 0))
        .where(LedgerEntry.wallet == wallet_id)
        .scalar()
    )
