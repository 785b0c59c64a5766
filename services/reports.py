"""The integrity check and the operator's summary report."""

from __future__ import annotations

from peewee import JOIN, fn

from models.tables import (
    ErrorItem,
    GatewayCharge,
    GatewayRefund,
    LedgerEntry,
    Refund,
    Subscription,
    SubscriptionCharge,
    TopUp,
    Wallet,
)

MAX_LISTED = 50


def integrity_violations() -> list[dict]:
    """Everything that must hold for the books to be right. Empty means ok."""
    violations: list[dict] = []

    def add(kind: str, rows, describe):
        for row in rows[:MAX_LISTED]:
            violations.append({"kind": kind, **describe(row)})
        if len(rows) > MAX_LISTED:
            violations.append({"kind": kind, "more": len(rows) - MAX_LISTED})

    sums = (LedgerEntry.select(LedgerEntry.wallet, fn.SUM(LedgerEntry.amount_minor).alias("total"))
            .group_by(LedgerEntry.wallet).alias("sums"))
    mismatched = list(
        Wallet.select(Wallet.id, Wallet.balance_minor, fn.COALESCE(sums.c.total, 0).alias("ledger"))
        .join(sums, JOIN.LEFT_OUTER, on=(sums.c.wallet_id == Wallet.id))
        .where((Wallet.balance_minor != fn.COALESCE(sums.c.total, 0)) | (Wallet.balance_minor < 0)).dicts())
    add("wallet_balance_mismatch", mismatched,
        lambda r: {"wallet_id": r["id"], "balance_minor": r["balance_minor"], "ledger_minor": r["ledger"]})

    last_entries = (LedgerEntry.select(LedgerEntry.wallet, fn.MAX(LedgerEntry.id).alias("last_id"))
                    .group_by(LedgerEntry.wallet).alias("last"))
    stale_after = list(
        LedgerEntry.select(LedgerEntry.id, LedgerEntry.wallet, LedgerEntry.balance_after_minor, Wallet.balance_minor)
        .join(last_entries, on=(last_entries.c.last_id == LedgerEntry.id))
        .switch(LedgerEntry).join(Wallet)
        .where(LedgerEntry.balance_after_minor != Wallet.balance_minor).dicts())
    add("ledger_balance_after_mismatch", stale_after,
        lambda r: {"entry_id": r["id"], "wallet_id": r["wallet"], "balance_after_minor": r["balance_after_minor"],
                   "balance_minor": r["balance_minor"]})

    doubled = list(SubscriptionCharge.select(SubscriptionCharge.subscription, SubscriptionCharge.period_start,
                                             fn.COUNT(SubscriptionCharge.id).alias("n"))
                   .group_by(SubscriptionCharge.subscription, SubscriptionCharge.period_start)
                   .having(fn.COUNT(SubscriptionCharge.id) > 1).dicts())
    add("subscription_charged_twice", doubled,
        lambda r: {"subscription_id": r["subscription"], "period_start": str(r["period_start"]), "times": r["n"]})

    overlapping = list(
        SubscriptionCharge.select(SubscriptionCharge.subscription, fn.COUNT(SubscriptionCharge.id).alias("n"))
        .join(Subscription)
        .where(SubscriptionCharge.period_start > Subscription.period_start)
        .group_by(SubscriptionCharge.subscription).dicts())
    add("charge_beyond_current_period", overlapping,
        lambda r: {"subscription_id": r["subscription"], "charges": r["n"]})

    topup_credits = (LedgerEntry.select(LedgerEntry.ref_id, fn.COUNT(LedgerEntry.id).alias("n"),
                                        fn.SUM(LedgerEntry.amount_minor).alias("credited"))
                     .where((LedgerEntry.kind == "topup") & (LedgerEntry.ref_type == "topup"))
                     .group_by(LedgerEntry.ref_id).alias("credits"))
    bad_topups = list(
        TopUp.select(TopUp.id, TopUp.status, TopUp.amount_minor, fn.COALESCE(topup_credits.c.n, 0).alias("n"),
                     fn.COALESCE(topup_credits.c.credited, 0).alias("credited"))
        .join(topup_credits, JOIN.LEFT_OUTER, on=(topup_credits.c.ref_id == TopUp.id))
        .where(((TopUp.status == "succeeded") & ((fn.COALESCE(topup_credits.c.n, 0) != 1)
                                                 | (topup_credits.c.credited != TopUp.amount_minor)))
               | ((TopUp.status != "succeeded") & (fn.COALESCE(topup_credits.c.n, 0) > 0))).dicts())
    add("topup_credit_mismatch", bad_topups,
        lambda r: {"topup_id": r["id"], "status": r["status"], "credits": r["n"], "credited_minor": r["credited"]})

    # Every charge the gateway made for a top-up is credited exactly once.
    uncredited = list(
        GatewayCharge.select(GatewayCharge.id, GatewayCharge.idempotency_key, GatewayCharge.amount_minor)
        .join(TopUp, JOIN.LEFT_OUTER,
              on=(GatewayCharge.idempotency_key == ("topup:" + TopUp.idempotency_key)))
        .where((GatewayCharge.status == "succeeded") & GatewayCharge.idempotency_key.startswith("topup:")
               & (TopUp.id.is_null() | (TopUp.status != "succeeded"))).dicts())
    open_items = {(r.subject_id) for r in ErrorItem.select(ErrorItem.subject_id).where(
        (ErrorItem.operation == "topup") & ErrorItem.status.in_(("retrying", "manual")))}
    topup_ids = {r.idempotency_key: r.id for r in TopUp.select(TopUp.id, TopUp.idempotency_key).where(
        TopUp.status.in_(("pending", "retrying")))}
    uncredited = [r for r in uncredited
                  if topup_ids.get(r["idempotency_key"][len("topup:"):]) not in open_items]
    add("gateway_charge_not_credited", uncredited,
        lambda r: {"charge_id": r["id"], "amount_minor": r["amount_minor"]})

    # A failed or unfinished payment is never lost: it is retrying, in manual, or settled.
    tracked = ErrorItem.select(ErrorItem.subject_id).where(ErrorItem.operation == "topup")
    lost_topups = list(TopUp.select(TopUp.id, TopUp.status).where(
        (TopUp.status == "retrying") & TopUp.id.not_in(tracked)).dicts())
    add("topup_untracked", lost_topups, lambda r: {"topup_id": r["id"], "status": r["status"]})
    tracked_refunds = ErrorItem.select(ErrorItem.subject_id).where(ErrorItem.operation == "refund")
    lost_refunds = list(Refund.select(Refund.id, Refund.status).where(
        (Refund.status == "retrying") & Refund.id.not_in(tracked_refunds)).dicts())
    add("refund_untracked", lost_refunds, lambda r: {"refund_id": r["id"], "status": r["status"]})

    refunds_sent = (GatewayRefund.select(GatewayRefund.idempotency_key).where(GatewayRefund.status == "succeeded"))
    refund_mismatch = list(Refund.select(Refund.id, Refund.status).where(
        (Refund.kind == "topup") & (Refund.status == "failed")
        & (("refund:" + Refund.idempotency_key).in_(refunds_sent))).dicts())
    add("refund_sent_but_reversed", refund_mismatch, lambda r: {"refund_id": r["id"]})
    return violations


def integrity_check() -> dict:
    violations = integrity_violations()
    return {"ok": not violations, "violations": violations}


def summary_report(retries) -> dict:
    subs = dict(Subscription.select(Subscription.status, fn.COUNT(Subscription.id)).group_by(
        Subscription.status).tuples())
    errors = dict(ErrorItem.select(ErrorItem.status, fn.COUNT(ErrorItem.id)).group_by(ErrorItem.status).tuples())
    wallets = Wallet.select(fn.COUNT(Wallet.id), fn.COALESCE(fn.SUM(Wallet.balance_minor), 0)).tuples().get()
    ledger = LedgerEntry.select(fn.COALESCE(fn.SUM(LedgerEntry.amount_minor), 0)).scalar()
    return {
        "subscriptions": subs,
        "errors": errors,
        "failed_subscriptions": retries.get_failed_subscriptions_report(),
        "wallets": {"count": wallets[0], "balance_minor": wallets[1], "ledger_minor": ledger},
    }
