"""The integrity check and the operator's summary report."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from peewee import JOIN, DatabaseError, fn

from models.db import sqlite_file
from models.rows import dicts, first_tuple, pairs, tuples
from models.tables import (
    CreditNote,
    DocumentSequence,
    ErrorItem,
    GatewayCharge,
    GatewayRefund,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    LedgerEntry,
    PaymentCard,
    Refund,
    Subscription,
    SubscriptionCharge,
    TopUp,
    UsageCounter,
    Wallet,
)
from services.clock import utc_now
from services.file_check import is_damage, page_problems
from services.invoices import CHARGE_ENTRY_KINDS
from services.payments import RECONCILE_AFTER
from services.retries import RetryManager

MAX_LISTED = 50


def _lister(violations: list[dict]):
    """``add(kind, rows, describe)``: list up to MAX_LISTED rows of one kind, then how many more there are."""

    def add(kind: str, rows, describe) -> None:
        for row in rows[:MAX_LISTED]:
            violations.append({"kind": kind, **describe(row)})
        if len(rows) > MAX_LISTED:
            violations.append({"kind": kind, "more": len(rows) - MAX_LISTED})

    return add


def integrity_violations(now: datetime | None = None) -> list[dict]:
    """Everything that must hold for the books to be right. Empty means ok.

    ``now`` (default: the real time) decides which payments have waited too long for an outcome.
    """
    now = now or utc_now()
    violations: list[dict] = []
    add = _lister(violations)

    sums = (
        LedgerEntry.select(LedgerEntry.wallet, fn.SUM(LedgerEntry.amount_minor).alias("total"))
        .group_by(LedgerEntry.wallet)
        .alias("sums")
    )
    mismatched = dicts(
        Wallet.select(Wallet.id, Wallet.balance_minor, fn.COALESCE(sums.c.total, 0).alias("ledger"))
        .join(sums, JOIN.LEFT_OUTER, on=(sums.c.wallet_id == Wallet.id))
        .where((Wallet.balance_minor != fn.COALESCE(sums.c.total, 0)) | (Wallet.balance_minor < 0))
    )
    add(
        "wallet_balance_mismatch",
        mismatched,
        lambda r: {"wallet_id": r["id"], "balance_minor": r["balance_minor"], "ledger_minor": r["ledger"]},
    )

    last_entries = (
        LedgerEntry.select(LedgerEntry.wallet, fn.MAX(LedgerEntry.id).alias("last_id"))
        .group_by(LedgerEntry.wallet)
        .alias("last")
    )
    stale_after = dicts(
        LedgerEntry.select(LedgerEntry.id, LedgerEntry.wallet, LedgerEntry.balance_after_minor, Wallet.balance_minor)
        .join(last_entries, on=(last_entries.c.last_id == LedgerEntry.id))
        .switch(LedgerEntry)
        .join(Wallet)
        .where(LedgerEntry.balance_after_minor != Wallet.balance_minor)
    )
    add(
        "ledger_balance_after_mismatch",
        stale_after,
        lambda r: {
            "entry_id": r["id"],
            "wallet_id": r["wallet"],
            "balance_after_minor": r["balance_after_minor"],
            "balance_minor": r["balance_minor"],
        },
    )

    doubled = dicts(
        SubscriptionCharge.select(
            SubscriptionCharge.subscription, SubscriptionCharge.period_start, fn.COUNT(SubscriptionCharge.id).alias("n")
        )
        .group_by(SubscriptionCharge.subscription, SubscriptionCharge.period_start)
        .having(fn.COUNT(SubscriptionCharge.id) > 1)
    )
    add(
        "subscription_charged_twice",
        doubled,
        lambda r: {"subscription_id": r["subscription"], "period_start": str(r["period_start"]), "times": r["n"]},
    )

    overlapping = dicts(
        SubscriptionCharge.select(SubscriptionCharge.subscription, fn.COUNT(SubscriptionCharge.id).alias("n"))
        .join(Subscription)
        .where(SubscriptionCharge.period_start > Subscription.period_start)
        .group_by(SubscriptionCharge.subscription)
    )
    add(
        "charge_beyond_current_period", overlapping, lambda r: {"subscription_id": r["subscription"], "charges": r["n"]}
    )

    topup_credits = (
        LedgerEntry.select(
            LedgerEntry.ref_id, fn.COUNT(LedgerEntry.id).alias("n"), fn.SUM(LedgerEntry.amount_minor).alias("credited")
        )
        .where((LedgerEntry.kind == "topup") & (LedgerEntry.ref_type == "topup"))
        .group_by(LedgerEntry.ref_id)
        .alias("credits")
    )
    bad_topups = dicts(
        TopUp.select(
            TopUp.id,
            TopUp.status,
            TopUp.amount_minor,
            fn.COALESCE(topup_credits.c.n, 0).alias("n"),
            fn.COALESCE(topup_credits.c.credited, 0).alias("credited"),
        )
        .join(topup_credits, JOIN.LEFT_OUTER, on=(topup_credits.c.ref_id == TopUp.id))
        .where(
            (
                (TopUp.status == "succeeded")
                & ((fn.COALESCE(topup_credits.c.n, 0) != 1) | (topup_credits.c.credited != TopUp.amount_minor))
            )
            | ((TopUp.status != "succeeded") & (fn.COALESCE(topup_credits.c.n, 0) > 0))
        )
    )
    add(
        "topup_credit_mismatch",
        bad_topups,
        lambda r: {"topup_id": r["id"], "status": r["status"], "credits": r["n"], "credited_minor": r["credited"]},
    )

    # Every charge the gateway made for a top-up is credited exactly once.
    uncredited = dicts(
        GatewayCharge.select(GatewayCharge.id, GatewayCharge.idempotency_key, GatewayCharge.amount_minor)
        # The top-up is found by its own key's index: the prefix is cut from the charge's key, never
        # added to every top-up's (which no index can serve, and made this join quadratic).
        .join(
            TopUp,
            JOIN.LEFT_OUTER,
            on=(TopUp.idempotency_key == fn.SUBSTR(GatewayCharge.idempotency_key, len("topup:") + 1)),
        )
        .where(
            (GatewayCharge.status == "succeeded")
            & GatewayCharge.idempotency_key.startswith("topup:")
            & (TopUp.id.is_null() | (TopUp.status != "succeeded"))
        )
    )
    open_items = {
        (r.subject_id)
        for r in ErrorItem.select(ErrorItem.subject_id).where(
            (ErrorItem.operation == "topup") & ErrorItem.status.in_(("retrying", "manual"))
        )
    }
    topup_ids = {
        r.idempotency_key: r.id
        for r in TopUp.select(TopUp.id, TopUp.idempotency_key).where(TopUp.status.in_(("pending", "retrying")))
    }
    uncredited = [r for r in uncredited if topup_ids.get(r["idempotency_key"][len("topup:") :]) not in open_items]
    if uncredited:  # a charge that contradicts a top-up settled as failed is in an operator's hands
        reviewed = _reviewed("topup")
        failed = {
            r.idempotency_key: r.id
            for r in TopUp.select(TopUp.id, TopUp.idempotency_key).where(TopUp.status == "failed")
        }
        uncredited = [r for r in uncredited if failed.get(r["idempotency_key"][len("topup:") :]) not in reviewed]
    add("gateway_charge_not_credited", uncredited, lambda r: {"charge_id": r["id"], "amount_minor": r["amount_minor"]})

    # A payment without an outcome is never lost: past a short wait it has an open error item.
    cutoff = now - RECONCILE_AFTER
    stuck = (TopUp.status == "retrying") | ((TopUp.status == "pending") & (TopUp.updated_at <= cutoff))
    lost_topups = dicts(TopUp.select(TopUp.id, TopUp.status).where(stuck & TopUp.id.not_in(_open("topup"))))
    add("topup_untracked", lost_topups, lambda r: {"topup_id": r["id"], "status": r["status"]})
    stuck = (Refund.status == "retrying") | ((Refund.status == "pending") & (Refund.updated_at <= cutoff))
    lost_refunds = dicts(
        Refund.select(Refund.id, Refund.status).where(
            (Refund.kind == "topup") & stuck & Refund.id.not_in(_open("refund"))
        )
    )
    add("refund_untracked", lost_refunds, lambda r: {"refund_id": r["id"], "status": r["status"]})

    over_refunded = dicts(
        TopUp.select(TopUp.id, TopUp.amount_minor, fn.SUM(Refund.amount_minor).alias("refunded"))
        .join(Refund, on=(Refund.topup == TopUp.id))
        .where(Refund.status != "failed")
        .group_by(TopUp.id, TopUp.amount_minor)
        .having(fn.SUM(Refund.amount_minor) > TopUp.amount_minor)
    )
    add(
        "topup_refunded_beyond_amount",
        over_refunded,
        lambda r: {"topup_id": r["id"], "amount_minor": r["amount_minor"], "refunded_minor": r["refunded"]},
    )

    refunds_sent = GatewayRefund.select(GatewayRefund.idempotency_key).where(GatewayRefund.status == "succeeded")
    refund_mismatch = dicts(
        Refund.select(Refund.id, Refund.status).where(
            (Refund.kind == "topup")
            & (Refund.status == "failed")
            & (("refund:" + Refund.idempotency_key).in_(refunds_sent))
        )
    )
    refund_mismatch = [r for r in refund_mismatch if r["id"] not in _reviewed("refund")]
    add("refund_sent_but_reversed", refund_mismatch, lambda r: {"refund_id": r["id"]})
    reversed_and_sent = dicts(
        Refund.select(Refund.id).where(
            (Refund.status == "succeeded")
            & Refund.id.in_(
                LedgerEntry.select(LedgerEntry.ref_id).where(
                    (LedgerEntry.kind == "reversal") & (LedgerEntry.ref_type == "refund")
                )
            )
        )
    )
    add("refund_sent_and_reversed", reversed_and_sent, lambda r: {"refund_id": r["id"]})

    # A saved card is charged only for its own customer's wallet (automatic top-up).
    foreign_card = dicts(
        TopUp.select(TopUp.id, TopUp.card, Wallet.customer)
        .join(Wallet)
        .switch(TopUp)
        .join(PaymentCard)
        .where(PaymentCard.customer != Wallet.customer)
    )
    add(
        "topup_charged_another_customers_card",
        foreign_card,
        lambda r: {"topup_id": r["id"], "card_id": r["card"], "customer_id": r["customer"]},
    )

    violations += invoice_violations()
    return violations


def _open(operation: str):
    return ErrorItem.select(ErrorItem.subject_id).where(
        (ErrorItem.operation == operation) & ErrorItem.status.in_(("retrying", "manual"))
    )


def _reviewed(subject_type: str) -> set[int]:
    """Subjects whose contradicting gateway answer is in an operator's hands (manual, or resolved by one)."""
    return {
        r.subject_id
        for r in ErrorItem.select(ErrorItem.subject_id).where(
            (ErrorItem.operation == "payment_review") & (ErrorItem.subject_type == subject_type)
        )
    }


def invoice_violations() -> list[dict]:
    """The invoices agree with the ledger: every charge paid an invoice, every credit is a credit note,
    lines add up, nothing is credited beyond what was paid, numbers have no gaps, and per wallet
    Σ invoices − Σ credit notes − Σ still owed = Σ charges − Σ credits in the ledger."""
    violations: list[dict] = []
    add = _lister(violations)

    lines = (
        InvoiceLine.select(InvoiceLine.invoice, fn.SUM(InvoiceLine.amount_minor).alias("total"))
        .group_by(InvoiceLine.invoice)
        .alias("lines")
    )
    bad_lines = dicts(
        Invoice.select(
            Invoice.id, Invoice.number, Invoice.total_minor, fn.COALESCE(lines.c.total, 0).alias("lines_total")
        )
        .join(lines, JOIN.LEFT_OUTER, on=(lines.c.invoice_id == Invoice.id))
        .where(Invoice.total_minor != fn.COALESCE(lines.c.total, 0))
    )
    add(
        "invoice_lines_mismatch",
        bad_lines,
        lambda r: {"invoice": r["number"], "total_minor": r["total_minor"], "lines_minor": r["lines_total"]},
    )

    paid = (
        InvoicePayment.select(InvoicePayment.invoice, fn.SUM(InvoicePayment.amount_minor).alias("paid"))
        .group_by(InvoicePayment.invoice)
        .alias("paid")
    )
    credited = (
        CreditNote.select(CreditNote.invoice, fn.SUM(CreditNote.amount_minor).alias("credited"))
        .group_by(CreditNote.invoice)
        .alias("credited")
    )
    sums = dicts(
        Invoice.select(
            Invoice.id,
            Invoice.number,
            Invoice.total_minor,
            fn.COALESCE(paid.c.paid, 0).alias("paid"),
            fn.COALESCE(credited.c.credited, 0).alias("credited"),
        )
        .join(paid, JOIN.LEFT_OUTER, on=(paid.c.invoice_id == Invoice.id))
        .join(credited, JOIN.LEFT_OUTER, on=(credited.c.invoice_id == Invoice.id))
        .where(
            (fn.COALESCE(paid.c.paid, 0) > Invoice.total_minor)
            | (fn.COALESCE(credited.c.credited, 0) > fn.COALESCE(paid.c.paid, 0))
        )
    )
    add(
        "invoice_paid_or_credited_beyond_total",
        sums,
        lambda r: {
            "invoice": r["number"],
            "total_minor": r["total_minor"],
            "paid_minor": r["paid"],
            "credited_minor": r["credited"],
        },
    )

    unpaid_charges = dicts(
        LedgerEntry.select(
            LedgerEntry.id,
            LedgerEntry.wallet,
            LedgerEntry.kind,
            LedgerEntry.amount_minor,
            InvoicePayment.amount_minor.alias("paid"),
            Invoice.wallet.alias("invoice_wallet"),
        )
        .join(InvoicePayment, JOIN.LEFT_OUTER, on=(InvoicePayment.ledger_entry == LedgerEntry.id))
        .join(Invoice, JOIN.LEFT_OUTER, on=(Invoice.id == InvoicePayment.invoice))
        .where(
            LedgerEntry.kind.in_(CHARGE_ENTRY_KINDS)
            & (
                InvoicePayment.id.is_null()
                | (InvoicePayment.amount_minor + LedgerEntry.amount_minor != 0)
                | (Invoice.wallet != LedgerEntry.wallet)
            )
        )
    )
    add(
        "charge_without_invoice",
        unpaid_charges,
        lambda r: {
            "entry_id": r["id"],
            "wallet_id": r["wallet"],
            "entry_kind": r["kind"],
            "amount_minor": r["amount_minor"],
            "invoice_paid_minor": r["paid"],
        },
    )

    credit_entries = (LedgerEntry.kind == "credit") | ((LedgerEntry.kind == "refund") & (LedgerEntry.amount_minor > 0))
    loose_credits = dicts(
        LedgerEntry.select(
            LedgerEntry.id, LedgerEntry.wallet, LedgerEntry.amount_minor, CreditNote.amount_minor.alias("noted")
        )
        .join(CreditNote, JOIN.LEFT_OUTER, on=(CreditNote.ledger_entry == LedgerEntry.id))
        .where(
            credit_entries
            & (
                CreditNote.id.is_null()
                | (CreditNote.amount_minor != LedgerEntry.amount_minor)
                | (CreditNote.wallet != LedgerEntry.wallet)
            )
        )
    )
    add(
        "credit_without_credit_note",
        loose_credits,
        lambda r: {
            "entry_id": r["id"],
            "wallet_id": r["wallet"],
            "amount_minor": r["amount_minor"],
            "credit_note_minor": r["noted"],
        },
    )

    stray = dicts(
        CreditNote.select(
            CreditNote.number,
            CreditNote.wallet,
            Invoice.number.alias("invoice"),
            Invoice.wallet.alias("invoice_wallet"),
        )
        .join(Invoice)
        .where(CreditNote.wallet != Invoice.wallet)
    )
    add(
        "credit_note_to_another_wallet",
        stray,
        lambda r: {
            "credit_note": r["number"],
            "wallet_id": r["wallet"],
            "invoice": r["invoice"],
            "invoice_wallet_id": r["invoice_wallet"],
        },
    )

    violations += _wallet_books()
    violations += _numbering("invoice_numbering_gap", Invoice, "INV")
    violations += _numbering("credit_note_numbering_gap", CreditNote, "CN")

    closed = dicts(
        UsageCounter.select(
            UsageCounter.subscription, UsageCounter.feature, UsageCounter.period_start, UsageCounter.used
        )
        .join(Subscription, on=(Subscription.id == UsageCounter.subscription))
        .where(
            (UsageCounter.settled == False)  # noqa: E712
            & (UsageCounter.used > 0)
            & ((UsageCounter.period_start < Subscription.usage_since) | (Subscription.status == "expired"))
        )
    )
    add(
        "usage_not_settled",
        closed,
        lambda r: {
            "subscription_id": r["subscription"],
            "feature_id": r["feature"],
            "segment_start": str(r["period_start"]),
            "used": r["used"],
        },
    )
    return violations


def _wallet_books() -> list[dict]:
    def per_wallet(query) -> dict[int, int]:
        return {wallet: int(total or 0) for wallet, total in tuples(query)}

    invoiced = per_wallet(Invoice.select(Invoice.wallet, fn.SUM(Invoice.total_minor)).group_by(Invoice.wallet))
    paid = per_wallet(
        InvoicePayment.select(Invoice.wallet, fn.SUM(InvoicePayment.amount_minor))
        .join(Invoice)
        .group_by(Invoice.wallet)
    )
    noted = per_wallet(
        CreditNote.select(CreditNote.wallet, fn.SUM(CreditNote.amount_minor)).group_by(CreditNote.wallet)
    )
    charges = per_wallet(
        LedgerEntry.select(LedgerEntry.wallet, 0 - fn.SUM(LedgerEntry.amount_minor))
        .where(LedgerEntry.kind.in_(CHARGE_ENTRY_KINDS))
        .group_by(LedgerEntry.wallet)
    )
    credits = per_wallet(
        LedgerEntry.select(LedgerEntry.wallet, fn.SUM(LedgerEntry.amount_minor))
        .where((LedgerEntry.kind == "credit") | ((LedgerEntry.kind == "refund") & (LedgerEntry.amount_minor > 0)))
        .group_by(LedgerEntry.wallet)
    )
    violations = []
    for wallet in sorted(set(invoiced) | set(noted) | set(charges) | set(credits)):
        owed = invoiced.get(wallet, 0) - paid.get(wallet, 0)
        books = invoiced.get(wallet, 0) - noted.get(wallet, 0) - owed
        ledger = charges.get(wallet, 0) - credits.get(wallet, 0)
        if books != ledger:
            violations.append(
                {
                    "kind": "wallet_invoices_mismatch",
                    "wallet_id": wallet,
                    "invoiced_minor": invoiced.get(wallet, 0),
                    "credit_notes_minor": noted.get(wallet, 0),
                    "owed_minor": owed,
                    "ledger_charges_minor": charges.get(wallet, 0),
                    "ledger_credits_minor": credits.get(wallet, 0),
                }
            )
        if len(violations) >= MAX_LISTED:
            break
    return violations


def _numbering(kind: str, table, series: str) -> list[dict]:
    """Numbers of a series run 1, 2, 3… per year with nothing missing, up to the sequence's last number."""
    last = pairs(
        DocumentSequence.select(DocumentSequence.year, DocumentSequence.last_number).where(
            DocumentSequence.series == series
        )
    )
    found = tuples(
        table.select(table.year, fn.COUNT(table.id), fn.MIN(table.seq), fn.MAX(table.seq)).group_by(table.year)
    )
    violations = []
    for year, count, lowest, highest in found:
        if lowest != 1 or highest != count or last.get(year) != highest:
            violations.append(
                {
                    "kind": kind,
                    "year": year,
                    "count": count,
                    "lowest": lowest,
                    "highest": highest,
                    "sequence_last": last.get(year),
                }
            )
    for year, number in last.items():
        if number and year not in {row[0] for row in found}:
            violations.append({"kind": kind, "year": year, "count": 0, "sequence_last": number})
    return violations


def integrity_check(now: datetime | None = None) -> dict:
    """The engine's own check of every page first, then the books; a damaged file is reported, never read on."""
    path = sqlite_file()
    problems = page_problems(path, quick=False) if path is not None else []
    if problems:
        return {"ok": False, "violations": [damage_violation(problems)]}
    try:
        violations = integrity_violations(now)
    except (DatabaseError, sqlite3.DatabaseError) as error:
        # A page damaged since the check above, or bytes that are not UTF-8 inside a text value: the
        # pages are sound, the text is not, and only reading the value finds it.
        if not is_damage(error):
            raise
        violations = [damage_violation([str(error)])]
    return {"ok": not violations, "violations": violations}


def damage_violation(problems: list[str]) -> dict:
    return {"kind": "database_damaged", "problems": problems}


def summary_report(retries: RetryManager) -> dict:
    subs = pairs(Subscription.select(Subscription.status, fn.COUNT(Subscription.id)).group_by(Subscription.status))
    errors = pairs(ErrorItem.select(ErrorItem.status, fn.COUNT(ErrorItem.id)).group_by(ErrorItem.status))
    wallets = first_tuple(Wallet.select(fn.COUNT(Wallet.id), fn.COALESCE(fn.SUM(Wallet.balance_minor), 0)))
    ledger = LedgerEntry.select(fn.COALESCE(fn.SUM(LedgerEntry.amount_minor), 0)).scalar()
    return {
        "subscriptions": subs,
        "errors": errors,
        "failed_subscriptions": retries.get_failed_subscriptions_report(),
        "wallets": {"count": wallets[0], "balance_minor": wallets[1], "ledger_minor": ledger},
    }
