"""A customer's whole file and its timeline, operators' notes, and whose a wallet, top-up or error item is."""

import pytest

from models.tables import AuditEntry, CustomerNote
from services.customer_detail import TimelineKind, customer_file
from services.customers import MAX_NOTE
from services.errors import NotFound, PermissionDenied, ValidationError
from services.subject_owners import customers_of
from tests.customer_file_setup import ADMIN, set_up_full_customer
from tests.factories import make_customer


def test_the_file_holds_every_section_and_one_timeline_newest_first(core, clock):
    full = set_up_full_customer(core)
    other, _ = make_customer(clock, name="Someone Else")  # whose rows must stay out
    core.payments.top_up(ADMIN, other.id, "3.00")
    core.customers.add_note(ADMIN, other.id, "not Omar's")
    file = customer_file(full.customer_id, core.invoices)
    assert file.customer.name == "Omar Tanaka"
    assert [(w.id, w.currency, w.balance_minor) for w in file.wallets] == [(full.wallet_id, "USD", 4000 - 1500 - 500)]
    assert [(s.id, s.plan_code, s.status) for s in file.subscriptions] == [(full.subscription_id, "cloud", "active")]
    assert [(i.subscription_id, i.total_minor) for i in file.invoices] == [(full.subscription_id, 1500)]
    assert [(t.id, t.status) for t in file.topups] == [(full.failed_topup_id, "retrying"), (full.topup_id, "succeeded")]
    assert [(r.id, r.kind, r.amount_minor) for r in file.refunds] == [(full.refund_id, "topup", 500)]
    assert [(u.feature_code, u.used, u.unit) for u in file.usage] == [("storage", 12, "GB")]
    assert [(e.id, e.subject_type, e.subject_id) for e in file.open_errors] == [
        (full.error_item_id, "topup", full.failed_topup_id)
    ]
    assert [n.body for n in file.notes] == ["Prefers email; call only after 17:00."]
    theirs = {
        ("wallet", full.wallet_id),
        ("topup", full.topup_id),
        ("topup", full.failed_topup_id),
        ("refund", full.refund_id),
        ("subscription", full.subscription_id),
        ("error_item", full.error_item_id),
        ("customer", full.customer_id),
    }
    about = [(n.subject_type, n.subject_id) for n in file.notifications]
    assert ("wallet", full.wallet_id) in about and set(about) <= theirs
    kinds = {e.kind for e in file.timeline}
    assert {
        TimelineKind.JOINED,
        TimelineKind.SUBSCRIPTION,
        TimelineKind.INVOICE,
        TimelineKind.TOPUP,
        TimelineKind.REFUND,
        TimelineKind.ERROR,
        TimelineKind.NOTE,
    } <= kinds
    times = [e.at for e in file.timeline]
    assert times == sorted(times, reverse=True)
    assert file.timeline[-1].kind == TimelineKind.JOINED


def test_notes_are_validated_audited_and_kept_as_written(core, clock, operator, viewer):
    customer, _ = make_customer(clock, name="Ada Lovelace")
    note = core.customers.add_note(operator, customer.id, "  Called about the invoice.  ")
    assert (note.body, note.author, note.customer_id) == ("Called about the invoice.", "oscar", customer.id)
    audit = AuditEntry.get(AuditEntry.action == "customer.note")
    assert (audit.actor, audit.target_type, audit.target_id) == ("oscar", "customer", str(customer.id))
    assert "Called about the invoice." in audit.after
    for bad in ("", "   ", "x" * (MAX_NOTE + 1), "nul\x00byte", None, 42):
        with pytest.raises(ValidationError):
            core.customers.add_note(operator, customer.id, bad)
    with pytest.raises(PermissionDenied):
        core.customers.add_note(viewer, customer.id, "a viewer only reads")
    with pytest.raises(NotFound):
        core.customers.add_note(operator, customer.id + 1000, "nobody")
    with pytest.raises(ValidationError):
        core.customers.add_note(operator, 0, "no id")
    assert CustomerNote.select().count() == 1
    assert AuditEntry.select().where(AuditEntry.action == "customer.note").count() == 1


def test_a_note_cannot_be_changed_or_deleted(core, clock, operator):
    from peewee import DatabaseError

    from models.db import database

    customer, _ = make_customer(clock)
    core.customers.add_note(operator, customer.id, "kept")
    with pytest.raises(DatabaseError), database.atomic():
        CustomerNote.update(body="changed").execute()
    with pytest.raises(DatabaseError), database.atomic():
        CustomerNote.delete().execute()
    assert [n.body for n in CustomerNote.select()] == ["kept"]


def test_the_customer_behind_each_subject(core):
    full = set_up_full_customer(core)
    found = customers_of(
        [
            ("wallet", full.wallet_id),
            ("topup", full.topup_id),
            ("refund", full.refund_id),
            ("subscription", full.subscription_id),
            ("error_item", full.error_item_id),
            ("customer", full.customer_id),
            ("renewal_pass", 1),
            ("wallet", 99999),
            (None, None),
        ]
    )
    assert {key: (ref.id, ref.name) for key, ref in found.items()} == {
        ("wallet", full.wallet_id): (full.customer_id, "Omar Tanaka"),
        ("topup", full.topup_id): (full.customer_id, "Omar Tanaka"),
        ("refund", full.refund_id): (full.customer_id, "Omar Tanaka"),
        ("subscription", full.subscription_id): (full.customer_id, "Omar Tanaka"),
        ("error_item", full.error_item_id): (full.customer_id, "Omar Tanaka"),
        ("customer", full.customer_id): (full.customer_id, "Omar Tanaka"),
    }


def test_a_subscription_or_error_item_found_by_id_names_its_customer(core):
    from services.lookup import find_subjects

    full = set_up_full_customer(core)
    found = {(f.subject_type, f.subject_id): f.owner for f in find_subjects(core.customers, f"#{full.error_item_id}")}
    assert found[("error_item", full.error_item_id)].name == "Omar Tanaka"
    found = {(f.subject_type, f.subject_id): f.owner for f in find_subjects(core.customers, f"#{full.subscription_id}")}
    assert found[("subscription", full.subscription_id)].id == full.customer_id


def test_a_ledger_entry_or_a_notification_is_its_customers_too(core):
    from models.tables import LedgerEntry, Notification

    full = set_up_full_customer(core)
    entry = LedgerEntry.select().where(LedgerEntry.wallet == full.wallet_id).first()
    about_topup = Notification.get(
        (Notification.subject_type == "topup") & (Notification.subject_id == full.failed_topup_id)
    )
    about_item = core.notifications.post(
        "manual_intervention", "Needs an operator", "", subject=("error_item", full.error_item_id), dedup_key="t:1"
    )
    about_nothing = core.notifications.post("gateway_recovered", "Recovered", "", dedup_key="t:2")
    found = customers_of(
        [
            ("ledger_entry", entry.id),
            ("notification", about_topup.id),
            ("notification", about_item.id),
            ("notification", about_nothing.id),
        ]
    )
    assert {key: ref.name for key, ref in found.items()} == {
        ("ledger_entry", entry.id): "Omar Tanaka",
        ("notification", about_topup.id): "Omar Tanaka",
        ("notification", about_item.id): "Omar Tanaka",
    }
