"""Operators read what a customer was sent and can send a notice again; the command line does the same."""

import json

import pytest

import main
from models.db import database
from models.tables import AuditEntry, CustomerNotice
from services.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import make_customer


def test_a_customers_notices_are_listed_newest_first_with_their_status(core, clock, operator):
    ada, _ = make_customer(clock, email="ada@example.com")
    other, _ = make_customer(clock, email="bob@example.com")
    core.payments.top_up(operator, ada.email, "10.00")
    core.payments.top_up(operator, other.email, "10.00")
    core.customers.set_no_email(operator, ada.email, True)
    core.payments.top_up(operator, ada.email, "5.00")
    listed = core.customer_notices.for_customer(ada.email)
    assert [(n.kind, n.status, n.reason) for n in listed] == [
        ("topup_credited", "suppressed", "no_email"),
        ("topup_credited", "pending", None),
    ]
    assert listed[0].params["amount_minor"] == 500 and listed[1].params["amount_minor"] == 1000
    with pytest.raises(NotFound):
        core.customer_notices.for_customer("nobody@example.com")


def _sent_notice(core, clock, operator, email="ada@example.com") -> CustomerNotice:
    customer, _ = make_customer(clock, email=email)
    core.payments.top_up(operator, customer.email, "10.00")
    row = CustomerNotice.get(CustomerNotice.customer == customer.id)
    CustomerNotice.update(status="sent", to_address=customer.email, sent_at=clock.now()).where(
        CustomerNotice.id == row.id
    ).execute()
    return row


def test_resending_writes_a_pending_copy_pointing_at_the_original_and_audits_it(core, clock, operator):
    original = _sent_notice(core, clock, operator)
    first = core.customer_notices.resend(operator, original.id, "lost in their spam folder")
    second = core.customer_notices.resend(operator, original.id)
    assert (first.status, first.resend_of, first.kind) == ("pending", original.id, "topup_credited")
    assert first.params == json.loads(original.params)
    keys = [r.dedup_key for r in CustomerNotice.select().where(CustomerNotice.resend_of == original.id)]
    assert keys == [f"resend:{original.id}:1", f"resend:{original.id}:2"] and second.id != first.id
    assert CustomerNotice.get_by_id(original.id).status == "sent"  # its history stays as it was
    audit = AuditEntry.get(AuditEntry.action == "notice.resend")
    assert (audit.actor, audit.reason) == ("oscar", "lost in their spam folder")


def test_a_resend_is_refused_for_a_viewer_a_notice_on_its_way_and_a_missing_one(core, clock, operator, viewer):
    original = _sent_notice(core, clock, operator)
    with pytest.raises(PermissionDenied):
        core.customer_notices.resend(viewer, original.id)
    CustomerNotice.update(status="pending").where(CustomerNotice.id == original.id).execute()
    with pytest.raises(ValidationError):
        core.customer_notices.resend(operator, original.id)
    with pytest.raises(NotFound):
        core.customer_notices.resend(operator, 99999)
    with pytest.raises(ValidationError):
        core.customer_notices.resend(operator, "abc")
    assert CustomerNotice.select().count() == 1
    assert AuditEntry.select().where(AuditEntry.action == "notice.resend").count() == 0


def test_a_resend_to_a_customer_now_marked_no_email_is_kept_suppressed(core, clock, operator):
    original = _sent_notice(core, clock, operator)
    core.customers.set_no_email(operator, "ada@example.com", True)
    copy = core.customer_notices.resend(operator, original.id)
    assert (copy.status, copy.reason) == ("suppressed", "no_email")


@pytest.fixture
def cli(db, db_url, capsys):
    def run(*args):
        code = main.main(["--db", db_url, *args])
        database.close()
        out = capsys.readouterr()
        database.connect(reuse_if_open=True)
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    return run


def test_the_command_line_sets_language_and_no_email_lists_notices_and_resends(cli, core, clock, operator):
    original = _sent_notice(core, clock, operator)
    database.close()
    code, out, _ = cli("customer-language", "ada@example.com", "ru", "--reason", "asked")
    assert code == 0 and out["language"] == "ru"
    code, out, _ = cli("customer-no-email", "ada@example.com", "on")
    assert code == 0 and out["no_email"] is True
    code, out, err = cli("notice-resend", str(original.id), "--reason", "asked again")
    assert code == 0, err
    assert (out["status"], out["resend_of"]) == ("suppressed", original.id)
    code, out, _ = cli("notices", "ada@example.com")
    assert code == 0
    assert [(n["kind"], n["status"], n["resend_of"]) for n in out["notices"]] == [
        ("topup_credited", "suppressed", original.id),
        ("topup_credited", "sent", None),
    ]
    assert out["notices"][1]["to_address"] == "ada@example.com"


@pytest.mark.parametrize(
    "args",
    [
        ("customer-language", "ada@example.com", "de"),
        ("customer-no-email", "ada@example.com", "maybe"),
        ("customer-language", "nobody@example.com", "ru"),
        ("notice-resend", "12x"),
    ],
)
def test_bad_customer_notice_commands_exit_2_and_change_nothing(cli, core, clock, operator, args):
    _sent_notice(core, clock, operator)
    database.close()
    code, out, err = cli(*args)
    assert code == 2 and out is None and err.strip()
    assert CustomerNotice.select().count() == 1
    assert AuditEntry.select().where(AuditEntry.action.in_(("customer.edit", "notice.resend"))).count() == 0
