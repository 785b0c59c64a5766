"""Whose is it: the customer behind a wallet, subscription, invoice, top-up, refund or error item, so that
every list can show a customer's name (and link to them) where it would show a bare id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from models.rows import pairs
from models.tables import (
    CreditNote,
    CustomerNotice,
    ErrorItem,
    Invoice,
    LedgerEntry,
    Notification,
    Refund,
    Subscription,
    TopUp,
    Wallet,
)
from services.customer_detail import customer_names


@dataclass(frozen=True)
class CustomerRef:
    """The customer behind a subject: what a link to them reads as."""

    id: int
    name: str


def _owners(subject_type: str, ids: list[int]) -> dict[int, int]:
    """The customer id of each subject of this type (a subject with no customer is left out)."""
    if subject_type == "customer":
        return {i: i for i in ids}
    if subject_type == "wallet":
        return pairs(Wallet.select(Wallet.id, Wallet.customer).where(Wallet.id.in_(ids)))
    if subject_type == "subscription":
        return pairs(
            Subscription.select(Subscription.id, Subscription.customer).where(Subscription.id.in_(ids)).tuples()
        )
    if subject_type == "invoice":
        return pairs(Invoice.select(Invoice.id, Invoice.customer).where(Invoice.id.in_(ids)))
    if subject_type == "topup":
        return pairs(TopUp.select(TopUp.id, Wallet.customer).join(Wallet).where(TopUp.id.in_(ids)))
    if subject_type == "refund":
        return pairs(Refund.select(Refund.id, Wallet.customer).join(Wallet).where(Refund.id.in_(ids)))
    if subject_type == "ledger_entry":
        return pairs(LedgerEntry.select(LedgerEntry.id, Wallet.customer).join(Wallet).where(LedgerEntry.id.in_(ids)))
    if subject_type == "credit_note":
        return pairs(CreditNote.select(CreditNote.id, Wallet.customer).join(Wallet).where(CreditNote.id.in_(ids)))
    if subject_type == "customer_notice":
        return pairs(
            CustomerNotice.select(CustomerNotice.id, CustomerNotice.customer).where(CustomerNotice.id.in_(ids))
        )
    if subject_type in ("error_item", "notification"):  # whose its own subject is
        table: Any = ErrorItem if subject_type == "error_item" else Notification
        query = table.select(table.id, table.subject_type, table.subject_id).where(table.id.in_(ids))
        items: list[tuple[int, str | None, int | None]] = list(query.tuples())
        # A notification may be about an error item, an error item never about either: no loop.
        indirect = {"notification", "error_item"} if subject_type == "error_item" else {"notification"}
        owners: dict[int, int] = {}
        for item_type in {kind for _, kind, _ in items if kind} - indirect:
            theirs = _owners(item_type, [sid for _, kind, sid in items if kind == item_type and sid is not None])
            owners.update({iid: theirs[sid] for iid, kind, sid in items if kind == item_type and sid in theirs})
        return owners
    return {}


def customers_of(subjects: Iterable[tuple[str | None, int | None]]) -> dict[tuple[str, int], CustomerRef]:
    """The customer behind each (subject type, id) — a wallet, subscription, invoice, credit note, top-up,
    refund, ledger entry, error item, notification or the customer themselves — read in a few queries.
    Subjects with no customer (a renewal pass, an unknown id) are left out."""
    wanted: dict[str, set[int]] = {}
    for subject_type, subject_id in subjects:
        if subject_type and isinstance(subject_id, int) and not isinstance(subject_id, bool) and subject_id > 0:
            wanted.setdefault(subject_type, set()).add(subject_id)
    owners = {
        (subject_type, subject_id): customer_id
        for subject_type, ids in wanted.items()
        for subject_id, customer_id in _owners(subject_type, sorted(ids)).items()
    }
    names = customer_names(list(owners.values()))
    return {key: CustomerRef(cid, names[cid]) for key, cid in owners.items() if cid in names}


def _subject_id(value: object) -> int | None:
    """A subject id as stored: an int, or the digits an audit entry keeps as text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def attach_customers(records: list[dict], type_key: str = "subject_type", id_key: str = "subject_id") -> None:
    """Give each record (a page of a table) the customer behind its subject as ``customer_id`` and
    ``customer_name`` (None when it has none), read in a few queries for the whole page."""
    keys = [(record.get(type_key), _subject_id(record.get(id_key))) for record in records]
    owners = customers_of(keys)
    for record, (subject_type, subject_id) in zip(records, keys, strict=True):
        owner = owners.get((subject_type, subject_id)) if subject_type and subject_id is not None else None
        record["customer_id"] = owner.id if owner else None
        record["customer_name"] = owner.name if owner else None
