"""What the customer receives: the outbox of notices, written in the transaction of their event.

A notice is a row of ``customer_notice`` with its kind, the customer's language at the time and the
parameters its template needs (money as minor units plus currency, dates as ISO text). The sender job
delivers pending rows; this module only writes them. A replayed event carries the same
``dedup_key`` and writes nothing the second time. A customer marked "no email" still gets the row,
with status ``suppressed`` and the reason ``no_email``, so the outbox says why nothing went out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from models.db import execute_many

# Every kind of notice, and the parameters its template is given (besides the customer's name).
NOTICE_KINDS: dict[str, tuple[str, ...]] = {
    # A renewal (or the first period) was paid from the wallet; the invoice's PDF is attached.
    "receipt": (
        "invoice_id",
        "invoice_number",
        "plan_name",
        "period_start",
        "period_end",
        "total_minor",
        "paid_minor",
        "currency",
        "balance_minor",
    ),
    # N days before a renewal, the wallet does not hold its price.
    "renewal_due_soon": (
        "subscription_id",
        "plan_name",
        "renews_on",
        "days",
        "price_minor",
        "balance_minor",
        "shortfall_minor",
        "currency",
    ),
    # At the renewal date the wallet could not pay: the subscription waits for funds until grace ends.
    "renewal_waiting": (
        "subscription_id",
        "plan_name",
        "price_minor",
        "balance_minor",
        "shortfall_minor",
        "currency",
        "grace_until",
    ),
    "subscription_expired": ("subscription_id", "plan_name", "expired_on"),
    "topup_credited": ("topup_id", "amount_minor", "balance_minor", "currency", "automatic"),
    # Money given back: to the card (a top-up refunded) or into the wallet (a charge refunded).
    "refund_sent": ("refund_id", "amount_minor", "currency", "destination", "credit_note_number"),
    "low_balance": ("wallet_id", "balance_minor", "threshold_minor", "currency"),
    # An automatic top-up's card was declined; the rule is off until the customer or an operator turns it on.
    "auto_topup_declined": ("rule_id", "amount_minor", "currency", "card_last4", "decline_code"),
}

STATUSES = ("pending", "sending", "sent", "retrying", "failed", "suppressed")
NO_EMAIL = "no_email"  # the reason a suppressed notice gives when the customer asked for no email


@dataclass(frozen=True)
class NoticeDraft:
    """A notice to write in the caller's transaction (see ``stage_notices``)."""

    customer_id: int
    kind: str
    dedup_key: str
    params: dict
    subject: tuple[str, int] | None = None
    due_at: datetime | None = None  # when it may be sent; None: at once


def _check(draft: NoticeDraft) -> None:
    expected = NOTICE_KINDS.get(draft.kind)
    if expected is None:
        raise ValueError(f"unknown customer notice kind {draft.kind!r}")
    missing = [name for name in expected if name not in draft.params]
    if missing:
        raise ValueError(f"a {draft.kind} notice needs {', '.join(missing)}")
    if not draft.dedup_key or len(draft.dedup_key) > 200:
        raise ValueError("a customer notice needs a de-duplication key of at most 200 characters")


def stage_notices(drafts: Sequence[NoticeDraft], now: datetime) -> None:
    """Write ``drafts`` into the open transaction; a key already written is skipped (a replay).

    The customer's language is read from their row as it is now, and their "no email" flag turns
    the row into a suppressed one. One statement per draft, run as a batch.
    """
    for draft in drafts:
        _check(draft)
    execute_many(
        "INSERT INTO customer_notice (customer_id, kind, language, params, dedup_key, subject_type, subject_id, "
        "status, reason, attempts, created_at, due_at, updated_at) "
        "SELECT c.id, ?, c.language, ?, ?, ?, ?, "
        f"CASE WHEN c.no_email THEN 'suppressed' ELSE 'pending' END, "
        f"CASE WHEN c.no_email THEN '{NO_EMAIL}' ELSE NULL END, 0, ?, ?, ? "
        "FROM customer c WHERE c.id = ? "
        "ON CONFLICT (dedup_key) DO NOTHING",
        [
            (
                draft.kind,
                json.dumps(draft.params, sort_keys=True, default=str),
                draft.dedup_key,
                draft.subject[0] if draft.subject else None,
                draft.subject[1] if draft.subject else None,
                now,
                draft.due_at or now,
                now,
                draft.customer_id,
            )
            for draft in drafts
        ],
    )


def load_params(text: str | None) -> dict:
    """A stored notice's parameters (an empty dict when they cannot be read)."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
