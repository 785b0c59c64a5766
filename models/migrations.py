"""Numbered schema migrations; the version lives in the schema_version table.

Each step runs in one transaction together with the version bump, so a step
that fails leaves both the schema and the version as they were (DDL is
transactional on SQLite and PostgreSQL). A step describes the schema as it was
when the step was written: migration 1 creates the frozen tables of
``models/schema_v1.py``, never the current models, and every later change is
a new step here plus the matching change in ``models/tables.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from peewee import SQL, BooleanField, CharField, DateTimeField, TextField

from models.db import connection, database, is_sqlite, schema_changes_allowed, write_transaction
from models.rows import pairs

log = logging.getLogger(__name__)


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer version of the program than this one."""


class MigrationNeedsOwner(RuntimeError):
    """The schema is behind this program, and this PostgreSQL login does not own it: only the owner migrates."""


def _create_tables_v1() -> None:
    from models import schema_v1

    database.create_tables(schema_v1.ALL_TABLES, safe=True)


def _refuse_update_and_delete(tables: tuple[str, ...]) -> None:
    """Triggers that make ``tables`` append-only (UPDATE, DELETE, and on PostgreSQL TRUNCATE)."""
    if is_sqlite():
        for table in tables:
            for verb in ("UPDATE", "DELETE"):
                database.execute_sql(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} "
                    f"BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
                )
    else:
        # psycopg2 reads every % as a placeholder, so the message is built by concatenation; the error code
        # makes callers see an integrity error.
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' rows are append-only', "
            "ERRCODE = 'integrity_constraint_violation'; END; $$ LANGUAGE plpgsql"
        )
        for table in tables:
            database.execute_sql(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION refuse_change()"
            )
            database.execute_sql(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
            )


def _append_only_guards_and_partial_indexes() -> None:
    _refuse_update_and_delete(("ledger_entry", "audit_entry"))
    # At most one open error item per operation and subject.
    database.execute_sql(
        "CREATE UNIQUE INDEX IF NOT EXISTS error_item_one_open "
        "ON error_item (operation, subject_type, subject_id) "
        "WHERE status IN ('retrying', 'manual')"
    )
    # Unread notifications are listed newest first.
    database.execute_sql("CREATE INDEX IF NOT EXISTS notification_unread ON notification (id) WHERE read_at IS NULL")


def _error_item_currency() -> None:
    """The error queue shows the amount at risk per currency; rows from before say USD."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    migrator = SchemaMigrator.from_database(database)
    # One ALTER TABLE ADD COLUMN with a database default, never a table rebuild: rebuilding
    # error_item would drop it, and the drop would cascade into error_attempt.
    currency = CharField(max_length=3, default="USD", constraints=[SQL("DEFAULT 'USD'")])
    run_operations(migrator.add_column("error_item", "currency", currency, allow_not_null=True))


def _append_only_refuses_replace() -> None:
    _refuse_replace({"ledger_entry": ("id", "idempotency_key"), "audit_entry": ("id",)})


def _refuse_replace(unique_columns: dict[str, tuple[str, ...]]) -> None:
    """INSERT OR REPLACE deletes the old row without firing delete triggers; refuse it up front.

    PostgreSQL needs nothing: INSERT … ON CONFLICT DO UPDATE fires the update trigger.
    """
    if not is_sqlite():
        return
    for table in unique_columns:
        taken = " OR ".join(
            f"EXISTS (SELECT 1 FROM {table} WHERE {column} = NEW.{column})" for column in unique_columns[table]
        )
        database.execute_sql(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN {taken} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
        )


WIDE_COLUMNS = {
    "wallet": ("balance_minor",),
    "ledger_entry": ("amount_minor", "balance_after_minor"),
    "plan": ("price_minor",),
    "plan_feature": ("unit_price_minor", "package_price_minor"),
    "subscription_charge": ("plan_minor", "usage_minor"),
    "usage_record": ("quantity",),
    "usage_counter": ("used",),
    "top_up": ("amount_minor", "refunded_minor"),
    "refund": ("amount_minor",),
    "gateway_charge": ("amount_minor", "refunded_minor"),
    "gateway_refund": ("amount_minor",),
    "error_item": ("amount_minor",),
}
INVOICE_TABLES = {
    "invoice": ("id", "number", "event_key"),
    "invoice_line": ("id",),
    "invoice_payment": ("id", "ledger_entry_id"),
    "credit_note": ("id", "number", "ledger_entry_id"),
}


def _invoices_and_usage_segments() -> None:
    """Invoices, credit notes and gapless numbering; usage metered per segment and settled when it closes.

    Past period charges become invoices and past charge refunds credit notes.
    Usage of segments that closed before this step was billed (or not) by the
    rules of its time: it is marked settled as it stands.
    """
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    from models import schema_v5

    database.create_tables(schema_v5.ALL_TABLES, safe=True)
    migrator = SchemaMigrator.from_database(database)
    run_operations(
        migrator.add_column("subscription", "usage_since", DateTimeField(null=True)),
        migrator.add_column(
            "usage_counter",
            "settled",
            BooleanField(default=False, constraints=[SQL("DEFAULT FALSE")]),
            allow_not_null=True,
        ),
    )
    database.execute_sql("UPDATE subscription SET usage_since = period_start")
    # One open subscription per customer and plan, kept by the database rather than by a prior SELECT.
    database.execute_sql(
        "CREATE UNIQUE INDEX IF NOT EXISTS subscription_one_open ON subscription (customer_id, plan_id) "
        "WHERE status IN ('active', 'pending_renewal', 'canceled')"
    )
    database.execute_sql(
        "UPDATE usage_counter SET settled = TRUE WHERE EXISTS (SELECT 1 FROM subscription s "
        "WHERE s.id = usage_counter.subscription_id AND (usage_counter.period_start < s.period_start "
        "OR s.status = 'expired'))"
    )
    if not is_sqlite():
        # Money and usage counts up to the program's limits (10^12) need 64 bits; SQLite's integers have them.
        for table, columns in WIDE_COLUMNS.items():
            changes = ", ".join(f"ALTER COLUMN {column} TYPE BIGINT" for column in columns)
            database.execute_sql(f"ALTER TABLE {table} {changes}")
    invoice_past_charges()
    _refuse_update_and_delete(tuple(INVOICE_TABLES))
    _refuse_replace(INVOICE_TABLES)


def _next_numbers(series: str, year: int, count: int) -> int:
    param = "?" if is_sqlite() else "%s"
    database.execute_sql(
        f"INSERT INTO document_sequence (series, year, last_number) VALUES ({param}, {param}, 0) "
        f"ON CONFLICT DO NOTHING",
        (series, year),
    )
    lock = "" if is_sqlite() else " FOR UPDATE"
    last = database.execute_sql(
        f"SELECT last_number FROM document_sequence WHERE series = {param} AND year = {param}{lock}", (series, year)
    ).fetchone()[0]
    database.execute_sql(
        f"UPDATE document_sequence SET last_number = {param} WHERE series = {param} AND year = {param}",
        (last + count, series, year),
    )
    return last + 1


def invoice_past_charges() -> dict:
    """Make an invoice of every charge in the ledger that paid none, and a credit note of every
    charge refund that has none. Runs inside the caller's write transaction.

    Used by migration 5 for databases from before invoices, and by the demo, which writes
    its history in bulk.
    """
    from models import schema_v1 as v1
    from models import schema_v5 as v5

    paid = v5.InvoicePayment.select(v5.InvoicePayment.ledger_entry)
    entries = list(
        v1.LedgerEntry.select()
        .where(v1.LedgerEntry.kind.in_(("renewal", "usage")) & v1.LedgerEntry.id.not_in(paid))
        .order_by(v1.LedgerEntry.id)
    )
    periods = (
        {
            c.ledger_entry_id: c
            for c in v1.SubscriptionCharge.select().where(v1.SubscriptionCharge.ledger_entry.is_null(False))
        }
        if entries
        else {}
    )
    subs = {s.id: s for s in v1.Subscription.select(v1.Subscription.id, v1.Subscription.customer, v1.Subscription.plan)}
    plan_ids: dict[str, int] = pairs(v1.Plan.select(v1.Plan.code, v1.Plan.id))
    wallets = {w.id: w for w in v1.Wallet.select(v1.Wallet.id, v1.Wallet.customer, v1.Wallet.currency)}
    by_year: dict[int, list] = {}
    for entry in entries:
        by_year.setdefault(entry.created_at.year, []).append(entry)
    invoices = lines = 0
    for year, group in sorted(by_year.items()):
        first = _next_numbers("INV", year, len(group))
        invoice_rows, line_rows, payment_rows = [], [], []
        for offset, entry in enumerate(group):
            seq = first + offset
            charge = periods.get(entry.id)
            sub = subs.get(entry.ref_id) if entry.ref_type == "subscription" else None
            if charge is not None:
                sub = subs.get(charge.subscription_id, sub)
            wallet = wallets[entry.wallet_id]
            invoice_rows.append(
                dict(
                    number=f"INV-{year}-{seq:06d}",
                    year=year,
                    seq=seq,
                    customer=wallet.customer_id,
                    wallet=wallet.id,
                    subscription=sub.id if sub else None,
                    currency=wallet.currency,
                    kind="renewal" if entry.kind == "renewal" else "usage",
                    period_start=charge.period_start if charge else None,
                    period_end=charge.period_end if charge else None,
                    total_minor=-entry.amount_minor,
                    event_key=f"ledger:{entry.id}",
                    actor=entry.actor,
                    issued_at=entry.created_at,
                )
            )
            parts = []
            if charge is not None and charge.plan_minor + charge.usage_minor == -entry.amount_minor:
                parts.append(("plan", entry.note or "plan", charge.plan_minor))
                if charge.usage_minor:
                    parts.append(("usage", "usage of the period", charge.usage_minor))
            else:
                parts.append(
                    ("plan" if entry.kind == "renewal" else "usage", entry.note or entry.kind, -entry.amount_minor)
                )
            # The plan a charge paid for is the one its note names ("pro 2026-01-01 → 2026-02-01"):
            # the subscription may have changed plan since.
            charged_plan = plan_ids.get((entry.note or "").split(" ", 1)[0])
            for position, (kind, text, amount) in enumerate(parts, 1):
                line_rows.append(
                    (
                        f"ledger:{entry.id}",
                        position,
                        kind,
                        text,
                        amount,
                        charge.period_start if charge else None,
                        charge.period_end if charge else None,
                        charged_plan if kind == "plan" else None,
                    )
                )
            payment_rows.append((f"ledger:{entry.id}", entry.id, -entry.amount_minor, entry.created_at))
        for start in range(0, len(invoice_rows), 500):
            v5.Invoice.insert_many(invoice_rows[start : start + 500]).execute()
        ids: dict[str, int] = {}
        for start in range(0, len(group), 500):
            keys = [f"ledger:{e.id}" for e in group[start : start + 500]]
            ids.update(
                pairs(v5.Invoice.select(v5.Invoice.event_key, v5.Invoice.id).where(v5.Invoice.event_key.in_(keys)))
            )
        for start in range(0, len(line_rows), 500):
            v5.InvoiceLine.insert_many(
                [
                    dict(
                        invoice=ids[key],
                        position=position,
                        kind=kind,
                        description=text,
                        quantity=1,
                        amount_minor=amount,
                        period_start=begin,
                        period_end=end,
                        plan=plan_id,
                    )
                    for key, position, kind, text, amount, begin, end, plan_id in line_rows[start : start + 500]
                ]
            ).execute()
        for start in range(0, len(payment_rows), 500):
            v5.InvoicePayment.insert_many(
                [
                    dict(invoice=ids[key], ledger_entry=entry_id, amount_minor=amount, created_at=at)
                    for key, entry_id, amount, at in payment_rows[start : start + 500]
                ]
            ).execute()
        invoices += len(invoice_rows)
        lines += len(line_rows)
    credit_notes = 0
    credited = v5.CreditNote.select(v5.CreditNote.refund_id).where(v5.CreditNote.refund_id.is_null(False))
    refunds = list(
        v1.Refund.select()
        .where((v1.Refund.kind == "charge") & (v1.Refund.status == "succeeded") & v1.Refund.id.not_in(credited))
        .order_by(v1.Refund.id)
    )
    for refund in refunds:
        invoice = (
            v5.Invoice.select()
            .join(v5.InvoicePayment)
            .where(v5.InvoicePayment.ledger_entry == refund.ledger_entry_id)
            .first()
        )
        credit = v1.LedgerEntry.get_or_none(v1.LedgerEntry.idempotency_key == f"refund:{refund.id}")
        if invoice is None or credit is None:
            continue
        seq = _next_numbers("CN", refund.created_at.year, 1)
        v5.CreditNote.insert(
            number=f"CN-{refund.created_at.year}-{seq:06d}",
            year=refund.created_at.year,
            seq=seq,
            invoice=invoice.id,
            wallet=refund.wallet_id,
            kind="refund",
            amount_minor=refund.amount_minor,
            ledger_entry=credit.id,
            refund_id=refund.id,
            reason=refund.reason,
            actor=refund.actor,
            issued_at=refund.created_at,
        ).execute()
        credit_notes += 1
    return {"invoices": invoices, "lines": lines, "credit_notes": credit_notes}


def _notification_params() -> None:
    """A notification keeps its kind's parameters (JSON), so a desk renders it in the operator's
    language; title and body stay filled in English for the CLI and for rows from before."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    migrator = SchemaMigrator.from_database(database)
    run_operations(migrator.add_column("notification", "params", TextField(null=True)))


def _customer_notes() -> None:
    """Operators' notes on a customer: append-only, newest read first per customer."""
    from peewee import AutoField, ForeignKeyField, TextField

    from models.schema_v1 import BaseModel, Customer

    class CustomerNote(BaseModel):  # frozen as this step creates it
        id = AutoField()
        customer = ForeignKeyField(Customer, on_delete="RESTRICT")
        author = CharField(max_length=64)
        body = TextField()
        created_at = DateTimeField()

        class Meta:
            table_name = "customer_note"
            indexes = ((("customer", "created_at"), False),)

    database.create_tables([CustomerNote], safe=True)
    _refuse_update_and_delete(("customer_note",))
    _refuse_replace({"customer_note": ("id",)})


def _operator_access_version_and_lockout() -> None:
    """An operator row carries a version bumped whenever its role, active flag or password changes
    (a desk signed in with an older version is refused), and its failed sign-ins since the last
    good one with the time a lock after too many of them ends."""
    from peewee import IntegerField
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    migrator = SchemaMigrator.from_database(database)
    run_operations(
        # a database default too, so rows inserted by older code (or raw SQL) still get 0
        migrator.add_column("operator", "access_version", IntegerField(default=0, constraints=[SQL("DEFAULT 0")])),
        migrator.add_column("operator", "failed_sign_ins", IntegerField(default=0, constraints=[SQL("DEFAULT 0")])),
        migrator.add_column("operator", "locked_until", DateTimeField(null=True)),
    )


# Sort keys the paged tables order by that are expressions, not columns: the query must spell each
# exactly so (literals, not parameters) for either engine to read it from its index.
NO_MOVEMENT_SORT = "COALESCE(last_movement_at, created_at)"
NEVER_PENDING_SORT = "COALESCE(pending_since, '1970-01-01 00:00:00')"
NO_NEXT_ATTEMPT_SORT = "COALESCE(next_attempt_at, '9999-12-31 00:00:00')"
TEXT_SORT_LENGTH = 100  # long texts sort by their start: a PostgreSQL B-tree entry holds at most ~2.7 kB

# (index name, table, what it orders by), each ending in id: a page is read in (sort key, id) order.
TABLE_SORT_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("customer_name_id", "customer", "name, id"),
    ("customer_status_id", "customer", "status, id"),
    ("wallet_currency_id", "wallet", "currency, id"),
    ("wallet_balance_minor_id", "wallet", "balance_minor, id"),
    ("wallet_last_moved_id", "wallet", f"({NO_MOVEMENT_SORT}), id"),
    ("subscription_status_id", "subscription", "status, id"),
    ("subscription_auto_renew_id", "subscription", "auto_renew, id"),
    ("subscription_period_end_id", "subscription", "period_end, id"),
    ("subscription_pending_since_id", "subscription", f"({NEVER_PENDING_SORT}), id"),
    ("subscription_plan_id_status", "subscription", "plan_id, status"),  # a plan's open subscriptions, counted
    ("plan_price_minor_id", "plan", "price_minor, id"),
    ("error_item_status_id", "error_item", "status, id"),
    ("error_item_operation_id", "error_item", "operation, id"),
    ("error_item_subject_id_id", "error_item", "subject_id, id"),
    ("error_item_error_class_id", "error_item", "error_class, id"),
    ("error_item_strategy_id", "error_item", "strategy, id"),
    ("error_item_attempts_id", "error_item", "attempts, id"),
    ("error_item_next_attempt_id", "error_item", f"({NO_NEXT_ATTEMPT_SORT}), id"),
    ("error_item_amount_minor_id", "error_item", "amount_minor, id"),
    ("error_item_created_at_id", "error_item", "created_at, id"),
    ("error_item_message_id", "error_item", f"(SUBSTR(message, 1, {TEXT_SORT_LENGTH})), id"),
    ("audit_entry_created_at_id", "audit_entry", "created_at, id"),
    ("audit_entry_actor_id", "audit_entry", "actor, id"),
    ("audit_entry_action_id", "audit_entry", "action, id"),
    ("audit_entry_target_type_id", "audit_entry", "(COALESCE(target_type, '')), id"),
    ("audit_entry_reason_id", "audit_entry", f"(SUBSTR(COALESCE(reason, ''), 1, {TEXT_SORT_LENGTH})), id"),
    ("notification_created_at_id", "notification", "created_at, id"),
    ("notification_severity_id", "notification", "severity, id"),
    ("notification_kind_id", "notification", "kind, id"),
    ("notification_subject_type_id", "notification", "(COALESCE(subject_type, '')), id"),
    ("notification_title_id", "notification", "title, id"),
    ("notification_body_id", "notification", f"(SUBSTR(body, 1, {TEXT_SORT_LENGTH})), id"),
)


def _wallet_last_movement_and_sort_indexes() -> None:
    """A wallet keeps the time of its newest ledger entry (``last_movement_at``, NULL before the first),
    set by a trigger on every ledger insert, so its table sorts by it from an index instead of a
    correlated MAX per wallet; the ledger is append-only, so the newest entry never goes away. Every
    column a paged table sorts by gets an index ending in id, for keyset pages in either direction."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    migrator = SchemaMigrator.from_database(database)
    run_operations(migrator.add_column("wallet", "last_movement_at", DateTimeField(null=True)))
    database.execute_sql(
        "UPDATE wallet SET last_movement_at = "
        "(SELECT MAX(e.created_at) FROM ledger_entry e WHERE e.wallet_id = wallet.id)"
    )
    moved = (
        "UPDATE wallet SET last_movement_at = NEW.created_at WHERE id = NEW.wallet_id "
        "AND (last_movement_at IS NULL OR last_movement_at < NEW.created_at)"
    )
    if is_sqlite():
        database.execute_sql(
            f"CREATE TRIGGER IF NOT EXISTS ledger_entry_moves_wallet AFTER INSERT ON ledger_entry BEGIN {moved}; END"
        )
    else:
        database.execute_sql(
            f"CREATE OR REPLACE FUNCTION ledger_entry_moves_wallet() RETURNS trigger AS $$ "
            f"BEGIN {moved}; RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
        database.execute_sql(
            "CREATE TRIGGER ledger_entry_moves_wallet AFTER INSERT ON ledger_entry "
            "FOR EACH ROW EXECUTE FUNCTION ledger_entry_moves_wallet()"
        )
    for name, table, key in TABLE_SORT_INDEXES:
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({key})")


def _sign_in_tokens_and_desks() -> None:
    """ "Remember me" tokens (their hashes) per operator and computer, and each computer's failed sign-ins
    in a row with the time before which it may not try again."""
    from peewee import AutoField, ForeignKeyField, IntegerField

    from models.schema_v1 import BaseModel, Operator

    class SignInToken(BaseModel):  # frozen as this step creates it
        id = AutoField()
        operator = ForeignKeyField(Operator, on_delete="CASCADE")
        token_hash = CharField(max_length=64, unique=True)
        device = CharField(max_length=255)
        access_version = IntegerField()
        created_at = DateTimeField()
        last_used_at = DateTimeField(null=True)
        expires_at = DateTimeField()
        revoked_at = DateTimeField(null=True)

        class Meta:
            table_name = "sign_in_token"
            indexes = ((("operator", "revoked_at"), False),)

    class SignInDesk(BaseModel):
        device = CharField(max_length=255, primary_key=True)
        failures = IntegerField(default=0)
        retry_after = DateTimeField(null=True)

        class Meta:
            table_name = "sign_in_desk"

    database.create_tables([SignInToken, SignInDesk], safe=True)


def _customer_notices() -> None:
    """The customer's language and "no email" flag, and the outbox of messages to customers."""
    from peewee import AutoField, ForeignKeyField, IntegerField

    from models.schema_v1 import BaseModel, Customer

    # Plain ADD COLUMN with a database default: rebuilding the customer table (peewee's way to add a
    # NOT NULL column on SQLite) would trip the foreign keys that point at it.
    boolean = "INTEGER" if is_sqlite() else "BOOLEAN"
    database.execute_sql("ALTER TABLE customer ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'en'")
    database.execute_sql(f"ALTER TABLE customer ADD COLUMN no_email {boolean} NOT NULL DEFAULT FALSE")

    class CustomerNotice(BaseModel):  # frozen as this step creates it
        id = AutoField()
        customer = ForeignKeyField(Customer, on_delete="RESTRICT")
        kind = CharField(max_length=40)
        language = CharField(max_length=8)
        params = TextField()
        dedup_key = CharField(max_length=200, unique=True)
        subject_type = CharField(max_length=32, null=True)
        subject_id = IntegerField(null=True)
        status = CharField(max_length=16)
        reason = TextField(null=True)
        to_address = CharField(max_length=254, null=True)
        message_id = CharField(max_length=200, null=True)
        attempts = IntegerField(default=0)
        resend_of = IntegerField(null=True)
        created_at = DateTimeField()
        due_at = DateTimeField()
        sent_at = DateTimeField(null=True)
        updated_at = DateTimeField()

        class Meta:
            table_name = "customer_notice"
            indexes = ((("customer", "id"), False), (("status", "due_at"), False))

    database.create_tables([CustomerNotice], safe=True)


def _job_lease_since() -> None:
    """A job's lease says since when its holder has held it, in real time like its expiry."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_operations

    migrator = SchemaMigrator.from_database(database)
    run_operations(migrator.add_column("job_state", "lease_since", DateTimeField(null=True)))


def _notification_archive() -> None:
    """Read notifications past their keeping time move here, out of the table every desk polls."""
    from peewee import IntegerField

    from models.schema_v1 import BaseModel

    class NotificationArchive(BaseModel):  # frozen as this step creates it
        id = IntegerField(primary_key=True)  # the id it had in ``notification``
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

    database.create_tables([NotificationArchive], safe=True)


def _payment_cards_and_auto_topup() -> None:
    """Customers' saved card references, their automatic top-up rules, and which card a top-up charged."""
    from peewee import AutoField, BigIntegerField, ForeignKeyField, IntegerField

    from models.schema_v1 import BaseModel, Customer, Wallet

    class PaymentCard(BaseModel):  # frozen as this step creates it
        id = AutoField()
        customer = ForeignKeyField(Customer, on_delete="RESTRICT")
        token = CharField(max_length=64)
        brand = CharField(max_length=16)
        last4 = CharField(max_length=4)
        exp_month = IntegerField()
        exp_year = IntegerField()
        created_at = DateTimeField()
        removed_at = DateTimeField(null=True)

        class Meta:
            table_name = "payment_card"
            indexes = ((("customer", "id"), False),)

    class AutoTopUpRule(BaseModel):  # frozen as this step creates it
        id = AutoField()
        customer = ForeignKeyField(Customer, on_delete="RESTRICT")
        wallet = ForeignKeyField(Wallet, unique=True, on_delete="RESTRICT")
        kind = CharField(max_length=16)
        days_before = IntegerField(null=True)
        round_to_minor = BigIntegerField(null=True)
        threshold_minor = BigIntegerField(null=True)
        amount_minor = BigIntegerField(null=True)
        card = ForeignKeyField(PaymentCard, on_delete="RESTRICT")
        active = BooleanField(default=True)
        turned_off_reason = TextField(null=True)
        version = IntegerField(default=1)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "auto_topup_rule"
            indexes = ((("customer",), False), (("active", "id"), False))

    database.create_tables([PaymentCard, AutoTopUpRule], safe=True)
    # A card is saved once per customer while it is not removed.
    database.execute_sql(
        "CREATE UNIQUE INDEX IF NOT EXISTS payment_card_one_saved ON payment_card (customer_id, token) "
        "WHERE removed_at IS NULL"
    )
    database.execute_sql(
        "ALTER TABLE top_up ADD COLUMN card_id INTEGER REFERENCES payment_card (id) ON DELETE RESTRICT"
    )
    database.execute_sql("CREATE INDEX IF NOT EXISTS top_up_card_id ON top_up (card_id)")


def _database_role_set() -> None:
    """The prefixes of the PostgreSQL group roles whose grants every later migration keeps up (models/pg_roles.py),
    and, on PostgreSQL, a login that cannot write customers (a viewer's) adds only the audit rows a viewer's desk
    records."""
    from models import pg_roles
    from models.schema_v1 import BaseModel

    class DatabaseRoleSet(BaseModel):  # frozen as this step creates it
        prefix = CharField(max_length=40, primary_key=True)

        class Meta:
            table_name = pg_roles.ROLE_SET_TABLE

    database.create_tables([DatabaseRoleSet], safe=True)
    if not is_sqlite():
        pg_roles.audit_rows_of_read_only_logins()


Step = tuple[int, str, Callable[[], None]]

MIGRATIONS: list[Step] = [
    (1, "create tables", _create_tables_v1),
    (2, "append-only guards and partial indexes", _append_only_guards_and_partial_indexes),
    (3, "currency of an error item's amount at risk", _error_item_currency),
    (4, "append-only rows cannot be replaced", _append_only_refuses_replace),
    (5, "invoices, credit notes and usage segments", _invoices_and_usage_segments),
    (6, "a notification's parameters, to render it in the operator's language", _notification_params),
    (7, "operators' notes on customers", _customer_notes),
    (8, "operators' access version and sign-in lockout", _operator_access_version_and_lockout),
    (9, "a wallet's last movement, and indexes for every table sort", _wallet_last_movement_and_sort_indexes),
    (10, "remembered sign-ins per computer and the delay between failed sign-ins", _sign_in_tokens_and_desks),
    (11, "customers' language and the outbox of their notices", _customer_notices),
    (12, "saved cards and automatic top-up rules", _payment_cards_and_auto_topup),
    (13, "since when a job's lease is held", _job_lease_since),
    (14, "an archive for read notifications past their keeping time", _notification_archive),
    (15, "PostgreSQL group roles kept up by migrations; a read-only login's audit rows", _database_role_set),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def _ensure_version_table() -> None:
    database.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    cursor = database.execute_sql("SELECT COUNT(*) FROM schema_version")
    if cursor.fetchone()[0] == 0:
        database.execute_sql("INSERT INTO schema_version (version) VALUES (0)")


def current_version() -> int:
    """The schema version, read without the write lock once the version table exists.

    Only a database without one yet (a new file) takes the write lock to create it, so a program
    only looking at a busy database never waits for the writer.
    """
    if database.table_exists("schema_version"):
        row = database.execute_sql("SELECT version FROM schema_version").fetchone()
        if row is not None:
            return row[0]
    with write_transaction():  # two programs starting at once must not both insert the first row
        _ensure_version_table()
    return database.execute_sql("SELECT version FROM schema_version").fetchone()[0]


def _locked_version() -> int:
    """The version, read under the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock)."""
    lock = "" if is_sqlite() else " FOR UPDATE"
    return database.execute_sql(f"SELECT version FROM schema_version{lock}").fetchone()[0]


def migrate(target: int | None = None, steps: list[Step] | None = None) -> int:
    """Bring the schema up to ``target`` (default: the latest). Returns the version.

    Every start of the program calls this right after ``init_database``. Two
    programs starting together on one database both call it; each step
    re-reads the version under the write lock, so a step never runs twice. A
    thread with no open connection gets one for the migration and has it
    closed afterwards.
    """
    steps = MIGRATIONS if steps is None else steps
    with connection():
        newest = steps[-1][0]
        target = newest if target is None else target
        if not is_sqlite() and not database.table_exists("schema_version"):
            _refuse_migrating_without_owner(0, target)  # before the version table is created
        version = current_version()
        if version > newest:
            raise SchemaTooNew(
                f"the database is at schema version {version}, newer than this program knows "
                f"({newest}); update the program"
            )
        if version < target:
            _refuse_migrating_without_owner(version, target)
        for number, title, step in steps:
            if number > target:
                continue
            if number <= version:
                continue
            with write_transaction(), schema_changes_allowed():
                reached = _locked_version()
                if reached < number:  # else another process got there first
                    log.info("migrating schema to version %d: %s", number, title)
                    step()
                    _grant_new_tables()  # in the step's transaction: a table never exists without its grants
                    database.execute_sql(f"UPDATE schema_version SET version = {int(number)}")
                    reached = number
            version = max(version, reached)
        return version


def _refuse_migrating_without_owner(version: int, target: int) -> None:
    from models.pg_roles import current_login, schema_owned_by_login

    if not schema_owned_by_login():
        raise MigrationNeedsOwner(
            f"the database is at schema version {version} and this program needs {target}; the database login "
            f"{current_login()!r} does not own the tables, so it cannot migrate them: ask the owner of the tables "
            f"to run migrate with their login (main.py --db URL migrate)"
        )


def _grant_new_tables() -> None:
    """After a step: every recorded set of PostgreSQL group roles gets its grants on what the step added."""
    from models.pg_roles import reapply_recorded_grants

    for prefix in reapply_recorded_grants():
        log.info("grants of the %s_* roles applied to the migrated tables", prefix)
