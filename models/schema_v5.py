"""The tables migration 5 adds, frozen as that step created them.

Like ``models/schema_v1.py``: never edit these; a later change is a new
numbered migration plus the matching change in ``models/tables.py``.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BigIntegerField,
    CharField,
    Check,
    CompositeKey,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.schema_v1 import BaseModel, Customer, Feature, LedgerEntry, Plan, Subscription, Wallet


class DocumentSequence(BaseModel):
    series = CharField(max_length=8)
    year = IntegerField()
    last_number = IntegerField(default=0)

    class Meta:
        table_name = "document_sequence"
        primary_key = CompositeKey("series", "year")


class Invoice(BaseModel):
    id = AutoField()
    number = CharField(max_length=24, unique=True)
    year = IntegerField()
    seq = IntegerField()
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    wallet = ForeignKeyField(Wallet, on_delete="RESTRICT")
    subscription = ForeignKeyField(Subscription, null=True, on_delete="RESTRICT")
    currency = CharField(max_length=3)
    kind = CharField(max_length=16)
    period_start = DateTimeField(null=True)
    period_end = DateTimeField(null=True)
    total_minor = BigIntegerField(constraints=[Check("total_minor >= 0")])
    event_key = CharField(max_length=200, unique=True)
    actor = CharField(max_length=64)
    issued_at = DateTimeField(index=True)

    class Meta:
        table_name = "invoice"
        indexes = ((("year", "seq"), True), (("wallet", "id"), False), (("subscription", "id"), False))


class InvoiceLine(BaseModel):
    id = AutoField()
    invoice = ForeignKeyField(Invoice, on_delete="RESTRICT")
    position = IntegerField()
    kind = CharField(max_length=16)
    description = TextField()
    plan = ForeignKeyField(Plan, null=True, on_delete="RESTRICT")
    feature = ForeignKeyField(Feature, null=True, on_delete="RESTRICT")
    quantity = BigIntegerField(default=1)
    pricing = CharField(max_length=16, null=True)
    amount_minor = BigIntegerField(constraints=[Check("amount_minor >= 0")])
    period_start = DateTimeField(null=True)
    period_end = DateTimeField(null=True)

    class Meta:
        table_name = "invoice_line"
        indexes = ((("invoice", "position"), True),)


class InvoicePayment(BaseModel):
    id = AutoField()
    invoice = ForeignKeyField(Invoice, on_delete="RESTRICT")
    ledger_entry = ForeignKeyField(LedgerEntry, unique=True, on_delete="RESTRICT")
    amount_minor = BigIntegerField(constraints=[Check("amount_minor > 0")])
    created_at = DateTimeField()

    class Meta:
        table_name = "invoice_payment"


class CreditNote(BaseModel):
    id = AutoField()
    number = CharField(max_length=24, unique=True)
    year = IntegerField()
    seq = IntegerField()
    invoice = ForeignKeyField(Invoice, on_delete="RESTRICT")
    wallet = ForeignKeyField(Wallet, on_delete="RESTRICT")
    kind = CharField(max_length=16)
    amount_minor = BigIntegerField(constraints=[Check("amount_minor > 0")])
    ledger_entry = ForeignKeyField(LedgerEntry, unique=True, on_delete="RESTRICT")
    refund_id = IntegerField(null=True)
    reason = TextField(null=True)
    actor = CharField(max_length=64)
    issued_at = DateTimeField()

    class Meta:
        table_name = "credit_note"
        indexes = ((("year", "seq"), True),)


ALL_TABLES = [DocumentSequence, Invoice, InvoiceLine, InvoicePayment, CreditNote]
