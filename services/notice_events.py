"""The customer notices each business event stages, and the keys that make a replay write nothing.

Every builder returns a ``NoticeDraft`` for ``stage_notices``, which the event's own service calls in
the event's transaction. A key is derived from the event's identity (the invoice, the top-up, the
refund, the subscription and its renewal date, the ledger entry that crossed a threshold), so the
same event staged twice is one notice and a later event of the same shape is a new one.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from models.tables import Setting
from services.customer_notices import NoticeDraft
from services.errors import ValidationError
from services.money import check_currency, check_minor, parse_amount

LOW_BALANCE_SETTING = "notices.low_balance"
DUE_SOON_SETTING = "notices.due_soon_days"
DEFAULT_DUE_SOON_DAYS = 3
MAX_KEY = 200
EXAMPLE = '{"USD": 500}'  # how the low-balance thresholds are written: minor units per currency


def _key(text: str) -> str:
    """``text`` as a de-duplication key; one longer than a key may be keeps its head and a digest of the whole."""
    if len(text) <= MAX_KEY:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{text[: MAX_KEY - len(digest) - 1]}#{digest}"


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def clean_low_balance_thresholds(value) -> dict[str, int]:
    """The setting's value: a currency → minor units map such as ``{"USD": 500}`` (text of major units
    such as ``"5.00"`` is read in its currency). An empty map sends no low-balance notices."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = json.loads(text) if text else {}
        except ValueError:
            raise ValidationError(
                "{text!r} is not a list of currencies and amounts, like {example}", text=text[:60], example=EXAMPLE
            ) from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValidationError("a low-balance threshold lists currencies and amounts, like {example}", example=EXAMPLE)
    clean: dict[str, int] = {}
    for currency, amount in value.items():
        code = check_currency(str(currency))
        if isinstance(amount, str):
            clean[code] = parse_amount(amount, code)
        else:
            clean[code] = check_minor(amount)
    return dict(sorted(clean.items()))


def low_balance_thresholds() -> dict[str, int]:
    """The thresholds in force (read in the caller's transaction); none set: {}."""
    row = Setting.get_or_none(Setting.key == LOW_BALANCE_SETTING)
    if row is None:
        return {}
    try:
        return clean_low_balance_thresholds(json.loads(row.value))
    except (ValueError, ValidationError):
        return {}


def crossed_below(before: int, after: int, threshold: int | None) -> bool:
    """The balance went from at or above ``threshold`` to below it (once per crossing, never while it stays low)."""
    return threshold is not None and before >= threshold > after


def receipt(
    customer_id: int,
    *,
    invoice_id: int,
    invoice_number: str,
    plan_name: str,
    period: tuple[datetime, datetime],
    total_minor: int,
    paid_minor: int,
    currency: str,
    balance_minor: int,
) -> NoticeDraft:
    params = {
        "invoice_id": invoice_id,
        "invoice_number": invoice_number,
        "plan_name": plan_name,
        "period_start": _iso(period[0]),
        "period_end": _iso(period[1]),
        "total_minor": total_minor,
        "paid_minor": paid_minor,
        "currency": currency,
        "balance_minor": balance_minor,
    }
    return NoticeDraft(customer_id, "receipt", f"receipt:invoice:{invoice_id}", params, subject=("invoice", invoice_id))


def renewal_waiting(
    customer_id: int,
    *,
    subscription_id: int,
    renewal_date: datetime,
    plan_name: str,
    price_minor: int,
    balance_minor: int,
    currency: str,
    grace_until: datetime,
) -> NoticeDraft:
    params = {
        "subscription_id": subscription_id,
        "plan_name": plan_name,
        "price_minor": price_minor,
        "balance_minor": balance_minor,
        "shortfall_minor": max(0, price_minor - balance_minor),
        "currency": currency,
        "grace_until": _iso(grace_until),
    }
    key = f"renewal_waiting:{subscription_id}:{_iso(renewal_date)}"
    return NoticeDraft(customer_id, "renewal_waiting", key, params, subject=("subscription", subscription_id))


def renewal_due_soon(
    customer_id: int,
    *,
    subscription_id: int,
    renews_on: datetime,
    days: int,
    plan_name: str,
    price_minor: int,
    balance_minor: int,
    currency: str,
) -> NoticeDraft:
    params = {
        "subscription_id": subscription_id,
        "plan_name": plan_name,
        "renews_on": _iso(renews_on),
        "days": days,
        "price_minor": price_minor,
        "balance_minor": balance_minor,
        "shortfall_minor": max(0, price_minor - balance_minor),
        "currency": currency,
    }
    key = f"renewal_due_soon:{subscription_id}:{_iso(renews_on)}"
    return NoticeDraft(customer_id, "renewal_due_soon", key, params, subject=("subscription", subscription_id))


def subscription_expired(
    customer_id: int, *, subscription_id: int, period_end: datetime, plan_name: str, expired_on: datetime
) -> NoticeDraft:
    """``period_end``: the end the subscription had when it expired (a later subscription has another)."""
    params = {"subscription_id": subscription_id, "plan_name": plan_name, "expired_on": _iso(expired_on)}
    key = f"subscription_expired:{subscription_id}:{_iso(period_end)}"
    return NoticeDraft(customer_id, "subscription_expired", key, params, subject=("subscription", subscription_id))


def topup_credited(
    customer_id: int, *, topup_id: int, amount_minor: int, balance_minor: int, currency: str, automatic: bool
) -> NoticeDraft:
    params = {
        "topup_id": topup_id,
        "amount_minor": amount_minor,
        "balance_minor": balance_minor,
        "currency": currency,
        "automatic": bool(automatic),
    }
    return NoticeDraft(customer_id, "topup_credited", f"topup_credited:topup:{topup_id}", params, ("topup", topup_id))


def refund_sent(
    customer_id: int,
    *,
    refund_id: int,
    amount_minor: int,
    currency: str,
    destination: str,
    credit_note_number: str | None,
) -> NoticeDraft:
    """``destination``: "card" (a top-up sent back) or "wallet" (a charge given back as a credit note)."""
    params = {
        "refund_id": refund_id,
        "amount_minor": amount_minor,
        "currency": currency,
        "destination": destination,
        "credit_note_number": credit_note_number,
    }
    return NoticeDraft(customer_id, "refund_sent", f"refund_sent:refund:{refund_id}", params, ("refund", refund_id))


def low_balance(
    customer_id: int, *, wallet_id: int, cause_key: str, balance_minor: int, threshold_minor: int, currency: str
) -> NoticeDraft:
    """``cause_key``: the ledger key of the movement that crossed the threshold (one notice per crossing)."""
    params = {
        "wallet_id": wallet_id,
        "balance_minor": balance_minor,
        "threshold_minor": threshold_minor,
        "currency": currency,
    }
    key = _key(f"low_balance:{wallet_id}:{cause_key}")
    return NoticeDraft(customer_id, "low_balance", key, params, subject=("wallet", wallet_id))
