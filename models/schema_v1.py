"""The schema as migration 1 creates it, frozen.

Migration 1 must build the same tables however ``models/tables.py`` changes
later, so it creates these classes, never the current models. Do not edit them:
a change to the schema is a new numbered migration plus a change to
``models/tables.py``. Table, column and index names are those of version 1.

The ``<field>_id: int`` annotations beside foreign keys only tell the type checker
about the column peewee already reads; they add nothing to a table.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    Check,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

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

    class Meta:
        table_name = "operator"


class Customer(BaseModel):
    id = AutoField()
    name = CharField(max_length=200)
    email = CharField(max_length=254, unique=True)
    status = CharField(max_length=16, default="active")  # active | disabled
    created_at = DateTimeField(index=True)

    class Meta:
        table_name = "customer"


class Wallet(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="wallets", on_delete="RESTRICT")
    customer_id: int  # the column behind customer
    currency = CharField(max_length=3)
    balance_minor = IntegerField(default=0, constraints=[Check("balance_minor >= 0")])
    created_at = DateTimeField()

    class Meta:
        table_name = "wallet"
        indexes = ((("customer", "currency"), True),)


class LedgerEntry(BaseModel):
    """Append-only. Triggers refuse UPDATE and DELETE."""

    id = AutoField()
    wallet = ForeignKeyField(Wallet, backref="entries", on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    kind = CharField(max_length=16)  # topup | renewal | usage | refund | adjustment | reversal
    amount_minor = IntegerField()
    balance_after_minor = IntegerField(constraints=[Check("balance_after_minor >= 0")])
    idempotency_key = CharField(max_length=200, unique=True)
    ref_type = CharField(max_length=32, null=True)
    ref_id = IntegerField(null=True)
    actor = CharField(max_length=64)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "ledger_entry"
        indexes = ((("wallet", "id"), False), (("ref_type", "ref_id"), False))


class Plan(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name = CharField(max_length=200)
    price_minor = IntegerField(constraints=[Check("price_minor >= 0")])
    currency = CharField(max_length=3)
    interval_unit = CharField(max_length=8)  # day | week | month | year
    interval_count = IntegerField(default=1, constraints=[Check("interval_count >= 1")])
    grace_days = IntegerField(default=3, constraints=[Check("grace_days >= 0")])
    access_in_grace = BooleanField(default=False)
    active = BooleanField(default=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "plan"


class Feature(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name = CharField(max_length=200)
    type = CharField(max_length=16)  # boolean | quota | rate | usage
    unit = CharField(max_length=32, default="unit")

    class Meta:
        table_name = "feature"


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
    feature = ForeignKeyField(Feature, backref="plan_features", on_delete="RESTRICT")
    enabled = BooleanField(default=True)
    quota = IntegerField(null=True)
    rate_limit = IntegerField(null=True)
    rate_window_seconds = IntegerField(null=True)
    included = IntegerField(default=0)
    pricing = CharField(max_length=16, default="none")
    unit_price_minor = IntegerField(default=0)
    tiers = TextField(null=True)
    package_size = IntegerField(null=True)
    package_price_minor = IntegerField(default=0)

    class Meta:
        table_name = "plan_feature"
        indexes = ((("plan", "feature"), True),)


class Subscription(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="subscriptions", on_delete="RESTRICT")
    plan = ForeignKeyField(Plan, backref="subscriptions", on_delete="RESTRICT")
    wallet = ForeignKeyField(Wallet, backref="subscriptions", on_delete="RESTRICT")
    status = CharField(max_length=20)  # active | pending_renewal | canceled | expired
    auto_renew = BooleanField(default=True)
    anchor_day = IntegerField()
    period_start = DateTimeField()
    period_end = DateTimeField()
    pending_since = DateTimeField(null=True)
    reminder_sent_for = DateTimeField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "subscription"
        indexes = (
            (("status", "period_end", "id"), False),
            (("wallet", "status"), False),
            (("customer", "plan"), False),
        )


class SubscriptionEvent(BaseModel):
    id = AutoField()
    subscription = ForeignKeyField(Subscription, backref="events", on_delete="CASCADE")
    from_status = CharField(max_length=20, null=True)
    to_status = CharField(max_length=20)
    event = CharField(max_length=32)
    reason = TextField(null=True)
    actor = CharField(max_length=64)
    created_at = DateTimeField(index=True)

    class Meta:
        table_name = "subscription_event"


class SubscriptionCharge(BaseModel):
    """One row per paid period; the unique index forbids paying a period twice."""

    id = AutoField()
    subscription = ForeignKeyField(Subscription, backref="charges", on_delete="RESTRICT")
    subscription_id: int  # the column behind subscription
    period_start = DateTimeField()
    period_end = DateTimeField()
    plan_minor = IntegerField()
    usage_minor = IntegerField(default=0)
    ledger_entry = ForeignKeyField(LedgerEntry, null=True, on_delete="RESTRICT")
    ledger_entry_id: int | None  # the column behind ledger_entry
    created_at = DateTimeField(index=True)

    class Meta:
        table_name = "subscription_charge"
        indexes = ((("subscription", "period_start"), True),)


class UsageRecord(BaseModel):
    id = AutoField()
    subscription = ForeignKeyField(Subscription, backref="usage", on_delete="CASCADE")
    feature = ForeignKeyField(Feature, on_delete="RESTRICT")
    quantity = IntegerField()
    period_start = DateTimeField()
    recorded_at = DateTimeField()
    idempotency_key = CharField(max_length=200, unique=True, null=True)
    actor = CharField(max_length=64)

    class Meta:
        table_name = "usage_record"
        indexes = ((("subscription", "feature", "recorded_at"), False),)


class UsageCounter(BaseModel):
    """Usage summed per subscription, feature and period (reset = a new period row)."""

    id = AutoField()
    subscription = ForeignKeyField(Subscription, on_delete="CASCADE")
    feature = ForeignKeyField(Feature, on_delete="RESTRICT")
    period_start = DateTimeField()
    used = IntegerField(default=0)

    class Meta:
        table_name = "usage_counter"
        indexes = ((("subscription", "period_start", "feature"), True),)


class TopUp(BaseModel):
    id = AutoField()
    wallet = ForeignKeyField(Wallet, backref="topups", on_delete="RESTRICT")
    amount_minor = IntegerField(constraints=[Check("amount_minor > 0")])
    currency = CharField(max_length=3)
    idempotency_key = CharField(max_length=200, unique=True)
    # pending -> processing -> succeeded | failed | retrying | manual
    status = CharField(max_length=16, index=True)
    gateway_charge_id = CharField(max_length=64, null=True)
    refunded_minor = IntegerField(default=0)
    error = TextField(null=True)
    actor = CharField(max_length=64)
    created_at = DateTimeField(index=True)
    updated_at = DateTimeField()

    class Meta:
        table_name = "top_up"


class Refund(BaseModel):
    id = AutoField()
    kind = CharField(max_length=8)  # topup (to the card) | charge (into the wallet)
    wallet = ForeignKeyField(Wallet, on_delete="RESTRICT")
    wallet_id: int  # the column behind wallet
    topup = ForeignKeyField(TopUp, null=True, backref="refunds", on_delete="RESTRICT")
    ledger_entry = ForeignKeyField(LedgerEntry, null=True, on_delete="RESTRICT")
    ledger_entry_id: int | None  # the column behind ledger_entry
    amount_minor = IntegerField(constraints=[Check("amount_minor > 0")])
    idempotency_key = CharField(max_length=200, unique=True)
    status = CharField(max_length=16, index=True)  # pending | succeeded | retrying | manual | failed
    gateway_refund_id = CharField(max_length=64, null=True)
    reason = TextField(null=True)
    error = TextField(null=True)
    actor = CharField(max_length=64)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "refund"


class GatewayCharge(BaseModel):
    """The fake processor's own records; it knows nothing of wallets."""

    id = CharField(max_length=64, primary_key=True)
    idempotency_key = CharField(max_length=200, unique=True)
    amount_minor = IntegerField()
    currency = CharField(max_length=3)
    customer_ref = CharField(max_length=200)
    status = CharField(max_length=16)  # succeeded | declined
    decline_code = CharField(max_length=64, null=True)
    refunded_minor = IntegerField(default=0)
    created_at = DateTimeField()

    class Meta:
        table_name = "gateway_charge"


class GatewayRefund(BaseModel):
    id = CharField(max_length=64, primary_key=True)
    charge_id = CharField(max_length=64, index=True)
    idempotency_key = CharField(max_length=200, unique=True)
    amount_minor = IntegerField()
    status = CharField(max_length=16)  # succeeded | rejected
    reason = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "gateway_refund"


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
    amount_minor = IntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    resolved_at = DateTimeField(null=True)
    resolved_by = CharField(max_length=64, null=True)
    resolution = TextField(null=True)

    class Meta:
        table_name = "error_item"
        indexes = (
            (("status", "next_attempt_at"), False),
            (("operation", "status"), False),
            (("subject_type", "subject_id"), False),
        )


class ErrorAttempt(BaseModel):
    id = AutoField()
    item = ForeignKeyField(ErrorItem, backref="attempt_rows", on_delete="CASCADE")
    number = IntegerField()
    at = DateTimeField()
    outcome = CharField(max_length=16)  # succeeded | failed | deferred | unknown
    message = TextField(null=True)
    actor = CharField(max_length=64)

    class Meta:
        table_name = "error_attempt"


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

    class Meta:
        table_name = "notification"


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

    class Meta:
        table_name = "audit_entry"


class Setting(BaseModel):
    key = CharField(max_length=64, primary_key=True)
    value = TextField()  # JSON
    updated_at = DateTimeField()

    class Meta:
        table_name = "setting"


class JobState(BaseModel):
    """Per scheduled job: who holds it, when it last ran and what came of it."""

    name = CharField(max_length=32, primary_key=True)
    lease_owner = CharField(max_length=64, null=True)
    lease_until = DateTimeField(null=True)
    last_started_at = DateTimeField(null=True)
    last_finished_at = DateTimeField(null=True)
    last_result = TextField(null=True)
    last_error = TextField(null=True)
    next_run_at = DateTimeField(null=True)
    paused = BooleanField(default=False)

    class Meta:
        table_name = "job_state"


class CircuitState(BaseModel):
    name = CharField(max_length=32, primary_key=True)
    state = CharField(max_length=12, default="closed")  # closed | open | half_open
    failures = IntegerField(default=0)
    opened_at = DateTimeField(null=True)
    updated_at = DateTimeField()

    class Meta:
        table_name = "circuit_state"


ALL_TABLES = [
    Operator,
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
    TopUp,
    Refund,
    GatewayCharge,
    GatewayRefund,
    ErrorItem,
    ErrorAttempt,
    Notification,
    AuditEntry,
    Setting,
    JobState,
    CircuitState,
]
