"""The tables. Money is integer minor units; times are naive UTC datetimes."""

from __future__ import annotations

from datetime import datetime

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    Check,
    CompositeKey,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from models.db import StoredDateTimeField as DateTimeField
from models.db import database


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Operator(BaseModel):
    id = AutoField()
    username = CharField(max_length=64, unique=True)
    password_hash = CharField(max_length=255)
    role = CharField(max_length=16)  # viewer | operator | admin
    active = BooleanField(default=True)
    created_at = DateTimeField()
    # bumped by a role, active or password change
    access_version = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
    failed_sign_ins = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])  # since the last successful sign-in
    locked_until = DateTimeField(null=True)  # after too many failed sign-ins


class SignInToken(BaseModel):
    """A "Remember me" on one computer: only the SHA-256 of its random token is kept here, the token itself
    lives in that computer's keyring. It signs in until it expires or is revoked, and only while the
    operator's access_version is the one it was issued at (a role, password or active change refuses it)."""

    id = AutoField()
    operator = ForeignKeyField(Operator, backref="sign_in_tokens", on_delete="CASCADE")
    operator_id: int  # the column behind operator
    token_hash = CharField(max_length=64, unique=True)  # hex SHA-256 of the token; replaced at each use
    device = CharField(max_length=255)  # the computer's host name, to tell the operator's computers apart
    access_version = IntegerField()
    created_at = DateTimeField()
    last_used_at = DateTimeField(null=True)
    expires_at = DateTimeField()
    revoked_at = DateTimeField(null=True)

    class Meta:
        table_name = "sign_in_token"
        indexes = ((("operator", "revoked_at"), False),)


class SignInDesk(BaseModel):
    """Failed sign-ins in a row from one computer (whichever names were tried), and the time before which
    it may not try again: the growing delay between guesses."""

    device = CharField(max_length=255, primary_key=True)
    failures = IntegerField(default=0)
    retry_after = DateTimeField(null=True)

    class Meta:
        table_name = "sign_in_desk"


class Customer(BaseModel):
    id = AutoField()
    name = CharField(max_length=200)
    email = CharField(max_length=254, unique=True)
    status = CharField(max_length=16, default="active")  # active | disabled
    created_at = DateTimeField(index=True)
    # The language of the customer's notices (en | ru), and "no email": nothing is sent to them.
    language = CharField(max_length=8, default="en", constraints=[SQL("DEFAULT 'en'")])
    no_email = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])


class Wallet(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="wallets", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    currency = CharField(max_length=3)
    balance_minor = BigIntegerField(default=0, constraints=[Check("balance_minor >= 0")])
    created_at = DateTimeField()
    # The time of the wallet's newest ledger entry, None before its first: kept by a trigger on every
    # ledger insert (migration 9), never written by the services.
    last_movement_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("customer", "currency"), True),)


class LedgerEntry(BaseModel):
    """Append-only. Triggers refuse UPDATE and DELETE."""

    id = AutoField()
    wallet = ForeignKeyField(Wallet, backref="entries", on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    kind = CharField(max_length=16)  # topup | renewal | usage | refund | adjustment | reversal
    amount_minor = BigIntegerField()
    balance_after_minor = BigIntegerField(constraints=[Check("balance_after_minor >= 0")])
    idempotency_key = CharField(max_length=200, unique=True)
    ref_type = CharField(max_length=32, null=True)
    ref_id = IntegerField(null=True)
    actor = CharField(max_length=64)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        indexes = ((("wallet", "id"), False), (("ref_type", "ref_id"), False))


class Plan(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name = CharField(max_length=200)
    price_minor = BigIntegerField(constraints=[Check("price_minor >= 0")])
    currency = CharField(max_length=3)
    interval_unit = CharField(max_length=8)  # day | week | month | year
    interval_count = IntegerField(default=1, constraints=[Check("interval_count >= 1")])
    grace_days = IntegerField(default=3, constraints=[Check("grace_days >= 0")])
    access_in_grace = BooleanField(default=False)
    active = BooleanField(default=True)
    created_at = DateTimeField()


class Feature(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name = CharField(max_length=200)
    type = CharField(max_length=16)  # boolean | quota | rate | usage
    unit = CharField(max_length=32, default="unit")


class PlanFeature(BaseModel):
    """How a plan grants a feature and prices its usage.

    pricing: none | flat (unit_price per unit over the included amount) |
    tiered (each unit priced by the tier it falls in) | volume (all units at
    the price of the tier the total reaches) | package (package_price per
    started package of package_size units over the included amount).
    tiers: JSON list of [up_to_or_null, unit_price_minor].
    """

    id = AutoField()
    plan = ForeignKeyField(Plan, backref="plan_features", on_delete="CASCADE")
    plan_id: int  # the column behind plan
    feature = ForeignKeyField(Feature, backref="plan_features", on_delete="RESTRICT")
    feature_id: int  # the column behind feature
    enabled = BooleanField(default=True)
    quota = IntegerField(null=True)
    rate_limit = IntegerField(null=True)
    rate_window_seconds = IntegerField(null=True)
    included = IntegerField(default=0)
    pricing = CharField(max_length=16, default="none")
    unit_price_minor = BigIntegerField(default=0)
    tiers = TextField(null=True)
    package_size = IntegerField(null=True)
    package_price_minor = BigIntegerField(default=0)

    class Meta:
        indexes = ((("plan", "feature"), True),)


class Subscription(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="subscriptions", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    plan = ForeignKeyField(Plan, backref="subscriptions", on_delete="RESTRICT")
    plan_id: int  # the column behind plan
    wallet = ForeignKeyField(Wallet, backref="subscriptions", on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    status = CharField(max_length=20)  # active | pending_renewal | canceled | expired
    auto_renew = BooleanField(default=True)
    anchor_day = IntegerField()
    period_start = DateTimeField()
    period_end = DateTimeField()
    pending_since = DateTimeField(null=True)
    reminder_sent_for = DateTimeField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    # Start of the usage segment now being metered: the period start, or the moment of the last
    # plan change inside the period (each segment is billed by the plan in force during it).
    # Always written by the services; nullable only because migration 5 added it to a filled table.
    usage_since = DateTimeField(null=True)

    @property
    def metered_since(self) -> datetime:
        """``usage_since``, which every subscription has: the services write it with the row and
        migration 5 filled it for the rows before it."""
        assert self.usage_since is not None, f"subscription #{self.id} has no usage_since"
        return self.usage_since

    class Meta:
        indexes = (
            (("status", "period_end", "id"), False),
            (("wallet", "status"), False),
            (("customer", "plan"), False),
        )


class SubscriptionEvent(BaseModel):
    id = AutoField()
    subscription = ForeignKeyField(Subscription, backref="events", on_delete="CASCADE")
    subscription_id: int  # the column behind subscription
    from_status = CharField(max_length=20, null=True)
    to_status = CharField(max_length=20)
    event = CharField(max_length=32)
    reason = TextField(null=True)
    actor = CharField(max_length=64)
    created_at = DateTimeField(index=True)


class SubscriptionCharge(BaseModel):
    """One row per paid period; the unique index forbids paying a period twice."""

    id = AutoField()
    subscription = ForeignKeyField(Subscription, backref="charges", on_delete="RESTRICT")
    subscription_id: int  # the column behind subscription
    period_start = DateTimeField()
    period_end = DateTimeField()
    plan_minor = BigIntegerField()
    usage_minor = BigIntegerField(default=0)
    ledger_entry = ForeignKeyField(LedgerEntry, null=True, on_delete="RESTRICT")
    ledger_entry_id: int | None  # the column behind ledger_entry
    created_at = DateTimeField(index=True)

    class Meta:
        indexes = ((("subscription", "period_start"), True),)


class UsageRecord(BaseModel):
    id = AutoField()
    subscription = ForeignKeyField(Subscription, backref="usage", on_delete="CASCADE")
    subscription_id: int  # the column behind subscription
    feature = ForeignKeyField(Feature, on_delete="RESTRICT")
    feature_id: int  # the column behind feature
    quantity = BigIntegerField()
    period_start = DateTimeField()
    recorded_at = DateTimeField()
    idempotency_key = CharField(max_length=200, unique=True, null=True)
    actor = CharField(max_length=64)

    class Meta:
        indexes = ((("subscription", "feature", "recorded_at"), False),)


class UsageCounter(BaseModel):
    """Usage summed per subscription, feature and usage segment (reset = a new segment row).

    ``period_start`` is the segment's start (``Subscription.usage_since`` when it was metered);
    ``settled`` turns true when the segment closes and its usage is invoiced.
    """

    id = AutoField()
    subscription = ForeignKeyField(Subscription, on_delete="CASCADE")
    subscription_id: int  # the column behind subscription
    feature = ForeignKeyField(Feature, on_delete="RESTRICT")
    feature_id: int  # the column behind feature
    period_start = DateTimeField()
    used = BigIntegerField(default=0)
    settled = BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")])

    class Meta:
        indexes = ((("subscription", "period_start", "feature"), True),)


class DocumentSequence(BaseModel):
    """The last number given per series (invoices, credit notes) and year; bumped in the issuing transaction."""

    series = CharField(max_length=8)
    year = IntegerField()
    last_number = IntegerField(default=0)

    class Meta:
        primary_key = CompositeKey("series", "year")


class Invoice(BaseModel):
    """A charge the business made. Immutable once issued (triggers refuse UPDATE and DELETE)."""

    id = AutoField()
    number = CharField(max_length=24, unique=True)  # INV-2026-000042
    year = IntegerField()
    seq = IntegerField()
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    wallet = ForeignKeyField(Wallet, backref="invoices", on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    subscription = ForeignKeyField(Subscription, null=True, on_delete="RESTRICT")
    subscription_id: int | None  # the column behind subscription
    currency = CharField(max_length=3)
    kind = CharField(max_length=16)  # subscription | renewal | usage | plan_change
    period_start = DateTimeField(null=True)
    period_end = DateTimeField(null=True)
    total_minor = BigIntegerField(constraints=[Check("total_minor >= 0")])
    event_key = CharField(max_length=200, unique=True)  # the business event that issued it
    actor = CharField(max_length=64)
    issued_at = DateTimeField(index=True)

    class Meta:
        indexes = ((("year", "seq"), True), (("wallet", "id"), False), (("subscription", "id"), False))


class InvoiceLine(BaseModel):
    id = AutoField()
    invoice = ForeignKeyField(Invoice, backref="lines", on_delete="RESTRICT")
    invoice_id: int  # the column behind invoice
    position = IntegerField()
    kind = CharField(max_length=16)  # plan | usage | proration
    description = TextField()
    plan = ForeignKeyField(Plan, null=True, on_delete="RESTRICT")
    plan_id: int | None  # the column behind plan
    feature = ForeignKeyField(Feature, null=True, on_delete="RESTRICT")
    feature_id: int | None  # the column behind feature
    quantity = BigIntegerField(default=1)
    pricing = CharField(max_length=16, null=True)
    amount_minor = BigIntegerField(constraints=[Check("amount_minor >= 0")])
    period_start = DateTimeField(null=True)
    period_end = DateTimeField(null=True)

    class Meta:
        indexes = ((("invoice", "position"), True),)


class InvoicePayment(BaseModel):
    """Money the wallet paid toward an invoice: at issue, or later when what was owed is collected."""

    id = AutoField()
    invoice = ForeignKeyField(Invoice, backref="payments", on_delete="RESTRICT")
    invoice_id: int  # the column behind invoice
    ledger_entry = ForeignKeyField(LedgerEntry, unique=True, on_delete="RESTRICT")
    ledger_entry_id: int  # the column behind ledger_entry
    amount_minor = BigIntegerField(constraints=[Check("amount_minor > 0")])
    created_at = DateTimeField()


class CreditNote(BaseModel):
    """Money given back against an invoice (a refund of a charge, a proration credit), into the wallet."""

    id = AutoField()
    number = CharField(max_length=24, unique=True)  # CN-2026-000007
    year = IntegerField()
    seq = IntegerField()
    invoice = ForeignKeyField(Invoice, backref="credit_notes", on_delete="RESTRICT")
    invoice_id: int  # the column behind invoice
    wallet = ForeignKeyField(Wallet, on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    kind = CharField(max_length=16)  # refund | proration
    amount_minor = BigIntegerField(constraints=[Check("amount_minor > 0")])
    ledger_entry = ForeignKeyField(LedgerEntry, unique=True, on_delete="RESTRICT")
    ledger_entry_id: int  # the column behind ledger_entry
    refund_id = IntegerField(null=True)
    reason = TextField(null=True)
    actor = CharField(max_length=64)
    issued_at = DateTimeField()

    class Meta:
        indexes = ((("year", "seq"), True),)


class PaymentCard(BaseModel):
    """A card the customer saved for automatic top-ups: the gateway's reference to it and what identifies it
    to a person (brand, last four digits, expiry). Never the card number. Removing it keeps the row."""

    id = AutoField()
    customer = ForeignKeyField(Customer, backref="cards", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    token = CharField(max_length=64)  # the gateway's reference (a test card such as pm_card_visa)
    brand = CharField(max_length=16)  # visa | mastercard | amex
    last4 = CharField(max_length=4)
    exp_month = IntegerField()
    exp_year = IntegerField()
    created_at = DateTimeField()
    removed_at = DateTimeField(null=True)

    class Meta:
        table_name = "payment_card"
        indexes = ((("customer", "id"), False),)


class AutoTopUpRule(BaseModel):
    """A wallet's automatic top-up (at most one per wallet), charged to a saved card.

    kind ``before_renewal``: ``days_before`` a renewal the wallet cannot pay, charge the shortfall rounded
    up to a multiple of ``round_to_minor``. kind ``below_balance``: when the balance is below
    ``threshold_minor``, charge ``amount_minor``. A decline turns it off (``active`` false) and says why.
    """

    id = AutoField()
    customer = ForeignKeyField(Customer, backref="auto_topup_rules", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    wallet = ForeignKeyField(Wallet, unique=True, on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    kind = CharField(max_length=16)  # before_renewal | below_balance
    days_before = IntegerField(null=True)
    round_to_minor = BigIntegerField(null=True)
    threshold_minor = BigIntegerField(null=True)
    amount_minor = BigIntegerField(null=True)
    card = ForeignKeyField(PaymentCard, on_delete="RESTRICT")
    card_id: int  # the column behind card
    active = BooleanField(default=True)
    turned_off_reason = TextField(null=True)
    # Bumped each time the rule is set or turned on: its charges' keys carry it, so a rule turned on again
    # after a decline charges anew, while a replay of one sweep finds its own keys.
    version = IntegerField(default=1)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "auto_topup_rule"
        indexes = ((("customer",), False), (("active", "id"), False))


class TopUp(BaseModel):
    id = AutoField()
    wallet = ForeignKeyField(Wallet, backref="topups", on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    amount_minor = BigIntegerField(constraints=[Check("amount_minor > 0")])
    currency = CharField(max_length=3)
    idempotency_key = CharField(max_length=200, unique=True)
    # pending -> processing -> succeeded | failed | retrying | manual
    status = CharField(max_length=16, index=True)
    gateway_charge_id = CharField(max_length=64, null=True)
    refunded_minor = BigIntegerField(default=0)
    error = TextField(null=True)
    actor = CharField(max_length=64)
    created_at = DateTimeField(index=True)
    updated_at = DateTimeField()
    # The saved card it charges (an automatic top-up); None: the customer's card on file at the gateway.
    card = ForeignKeyField(PaymentCard, null=True, on_delete="RESTRICT")
    card_id: int | None  # the column behind card


class Refund(BaseModel):
    id = AutoField()
    kind = CharField(max_length=8)  # topup (to the card) | charge (into the wallet)
    wallet = ForeignKeyField(Wallet, on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    topup = ForeignKeyField(TopUp, null=True, backref="refunds", on_delete="RESTRICT")
    topup_id: int | None  # the column behind topup
    ledger_entry = ForeignKeyField(LedgerEntry, null=True, on_delete="RESTRICT")
    ledger_entry_id: int | None  # the column behind ledger_entry
    amount_minor = BigIntegerField(constraints=[Check("amount_minor > 0")])
    idempotency_key = CharField(max_length=200, unique=True)
    status = CharField(max_length=16, index=True)  # pending | succeeded | retrying | manual | failed
    gateway_refund_id = CharField(max_length=64, null=True)
    reason = TextField(null=True)
    error = TextField(null=True)
    actor = CharField(max_length=64)
    created_at = DateTimeField()
    updated_at = DateTimeField()


class GatewayCharge(BaseModel):
    """The fake processor's own records; it knows nothing of wallets."""

    id = CharField(max_length=64, primary_key=True)
    idempotency_key = CharField(max_length=200, unique=True)
    amount_minor = BigIntegerField()
    currency = CharField(max_length=3)
    customer_ref = CharField(max_length=200)
    status = CharField(max_length=16)  # succeeded | declined
    decline_code = CharField(max_length=64, null=True)
    refunded_minor = BigIntegerField(default=0)
    created_at = DateTimeField()


class GatewayRefund(BaseModel):
    id = CharField(max_length=64, primary_key=True)
    charge_id = CharField(max_length=64, index=True)
    idempotency_key = CharField(max_length=200, unique=True)
    amount_minor = BigIntegerField()
    status = CharField(max_length=16)  # succeeded | rejected
    reason = TextField(null=True)
    created_at = DateTimeField()


class ErrorItem(BaseModel):
    id = AutoField()
    operation = CharField(max_length=32)
    subject_type = CharField(max_length=32)
    subject_id = IntegerField()
    error_class = CharField(max_length=24)
    message = TextField()
    context = TextField(default="{}")
    strategy = CharField(max_length=16)  # backoff | reconcile | urgent | fixed | manual
    status = CharField(max_length=16)  # retrying | manual | resolved | canceled
    attempts = IntegerField(default=0)
    max_attempts = IntegerField(default=8)
    next_attempt_at = DateTimeField(null=True)
    lease_owner = CharField(max_length=64, null=True)
    lease_until = DateTimeField(null=True)
    amount_minor = BigIntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    resolved_at = DateTimeField(null=True)
    resolved_by = CharField(max_length=64, null=True)
    resolution = TextField(null=True)
    # The currency of amount_minor (added by migration 3; the database default fills older rows).
    currency = CharField(max_length=3, default="USD", constraints=[SQL("DEFAULT 'USD'")])

    class Meta:
        indexes = (
            (("status", "next_attempt_at"), False),
            (("operation", "status"), False),
            (("subject_type", "subject_id"), False),
        )


class ErrorAttempt(BaseModel):
    id = AutoField()
    item = ForeignKeyField(ErrorItem, backref="attempt_rows", on_delete="CASCADE")
    item_id: int  # the column behind item
    number = IntegerField()
    at = DateTimeField()
    outcome = CharField(max_length=16)  # succeeded | failed | deferred | unknown
    message = TextField(null=True)
    actor = CharField(max_length=64)


class Notification(BaseModel):
    id = AutoField()
    kind = CharField(max_length=40)
    severity = CharField(max_length=8)  # info | warning | error
    title = CharField(max_length=200)
    body = TextField(default="")
    subject_type = CharField(max_length=32, null=True)
    subject_id = IntegerField(null=True)
    dedup_key = CharField(max_length=200, unique=True)
    created_at = DateTimeField(index=True)
    read_at = DateTimeField(null=True, index=True)
    # JSON: what the kind's text needs (money as minor units + currency); None on rows from before version 6,
    # which show their stored English title and body.
    params = TextField(null=True)


class NotificationArchive(BaseModel):
    """Read notifications older than the keeping time (setting ``notifications.archive_days``), moved out
    of ``notification`` by the janitor with their ids, so the hot table stays small and nothing is lost."""

    id = IntegerField(primary_key=True)
    kind = CharField(max_length=40)
    severity = CharField(max_length=8)
    title = CharField(max_length=200)
    body = TextField(default="")
    subject_type = CharField(max_length=32, null=True)
    subject_id = IntegerField(null=True)
    dedup_key = CharField(max_length=200, unique=True)
    created_at = DateTimeField(index=True)
    read_at = DateTimeField(null=True)
    params = TextField(null=True)
    archived_at = DateTimeField()

    class Meta:
        table_name = "notification_archive"


class CustomerNotice(BaseModel):
    """A message to a customer (the outbox), written in the transaction of the event that causes it.

    The sender job delivers pending rows over SMTP; ``dedup_key`` is unique, so a replayed event never
    writes a second row. A customer marked "no email" gets the row with status ``suppressed`` and the
    reason, so the outbox says why nothing was sent.
    """

    id = AutoField()
    customer = ForeignKeyField(Customer, backref="notices", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    kind = CharField(max_length=40)  # see services.customer_notices.NOTICE_KINDS
    language = CharField(max_length=8)  # the customer's language when the notice was written
    params = TextField()  # JSON: what the kind's template needs (money as minor units + currency)
    dedup_key = CharField(max_length=200, unique=True)
    subject_type = CharField(max_length=32, null=True)  # invoice | credit_note | subscription | topup | refund | wallet
    subject_id = IntegerField(null=True)
    # pending -> sending -> sent | retrying (an "email" error item is open) | failed (manual); or suppressed
    status = CharField(max_length=16)
    reason = TextField(null=True)  # why it is suppressed, or the last sending error
    to_address = CharField(max_length=254, null=True)  # where it was sent (set when sending)
    message_id = CharField(max_length=200, null=True)  # the Message-ID header it was sent with
    attempts = IntegerField(default=0)
    resend_of = IntegerField(null=True)  # the notice an operator sent again
    created_at = DateTimeField()
    due_at = DateTimeField()
    sent_at = DateTimeField(null=True)
    updated_at = DateTimeField()

    class Meta:
        table_name = "customer_notice"
        indexes = ((("customer", "id"), False), (("status", "due_at"), False))


class AuditEntry(BaseModel):
    """Append-only. Triggers refuse UPDATE and DELETE."""

    id = AutoField()
    actor = CharField(max_length=64)
    action = CharField(max_length=48)
    target_type = CharField(max_length=32, null=True)
    target_id = CharField(max_length=64, null=True)
    reason = TextField(null=True)
    before = TextField(null=True)
    after = TextField(null=True)
    created_at = DateTimeField(index=True)


class CustomerNote(BaseModel):
    """What an operator wrote down about a customer. Append-only: triggers refuse UPDATE and DELETE."""

    id = AutoField()
    customer = ForeignKeyField(Customer, backref="notes", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    author = CharField(max_length=64)
    body = TextField()
    created_at = DateTimeField()

    class Meta:
        table_name = "customer_note"
        indexes = ((("customer", "created_at"), False),)


class Setting(BaseModel):
    key = CharField(max_length=64, primary_key=True)
    value = TextField()  # JSON
    updated_at = DateTimeField()


class JobState(BaseModel):
    """Per scheduled job: who holds it, when it last ran and what came of it."""

    name = CharField(max_length=32, primary_key=True)
    lease_owner = CharField(max_length=64, null=True)
    lease_until = DateTimeField(null=True)  # real time (see scheduler.leases.lease_now), not the business clock
    lease_since = DateTimeField(null=True)  # when the holder took the lease, in real time
    last_started_at = DateTimeField(null=True)
    last_finished_at = DateTimeField(null=True)
    last_result = TextField(null=True)
    last_error = TextField(null=True)
    next_run_at = DateTimeField(null=True)
    paused = BooleanField(default=False)


class CircuitState(BaseModel):
    name = CharField(max_length=32, primary_key=True)
    state = CharField(max_length=12, default="closed")  # closed | open | half_open
    failures = IntegerField(default=0)
    opened_at = DateTimeField(null=True)
    updated_at = DateTimeField()


class DatabaseRoleSet(BaseModel):
    """PostgreSQL: the prefix of each set of group roles (``<prefix>_viewer`` …) whose grants the migrations
    keep up (models/pg_roles.py). Written by the owner of the tables alone."""

    prefix = CharField(max_length=40, primary_key=True)

    class Meta:
        table_name = "database_role_set"


ALL_TABLES = [
    Operator,
    SignInToken,
    SignInDesk,
    Customer,
    Wallet,
    LedgerEntry,
    Plan,
    Feature,
    PlanFeature,
    Subscription,
    SubscriptionEvent,
    SubscriptionCharge,
    UsageRecord,
    UsageCounter,
    DocumentSequence,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    CreditNote,
    PaymentCard,
    AutoTopUpRule,
    TopUp,
    Refund,
    GatewayCharge,
    GatewayRefund,
    ErrorItem,
    ErrorAttempt,
    Notification,
    NotificationArchive,
    CustomerNotice,
    AuditEntry,
    CustomerNote,
    Setting,
    JobState,
    CircuitState,
    DatabaseRoleSet,
]
