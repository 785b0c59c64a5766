"""The outbox: a notice is written in its event's transaction, once per key, in the customer's language."""

import pytest

from models.db import write_transaction
from models.tables import Customer, CustomerNotice
from services.customer_notices import NO_EMAIL, NoticeDraft, load_params, stage_notices


def _customer(clock, email, language="en", no_email=False) -> int:
    row = Customer.create(name="Ada", email=email, created_at=clock.now(), language=language, no_email=no_email)
    return row.id


def _topup_notice(customer_id: int, key: str) -> NoticeDraft:
    params = {"topup_id": 7, "amount_minor": 2500, "balance_minor": 4000, "currency": "USD", "automatic": False}
    return NoticeDraft(customer_id, "topup_credited", key, params, subject=("topup", 7))


def test_a_replayed_event_writes_its_notice_once(db, clock):
    ada = _customer(clock, "ada@example.com", language="ru")
    for _ in range(2):
        with write_transaction():
            stage_notices([_topup_notice(ada, "topup:7")], clock.now())
    rows = list(CustomerNotice.select())
    assert [(r.kind, r.language, r.status, r.subject_type, r.subject_id) for r in rows] == [
        ("topup_credited", "ru", "pending", "topup", 7)
    ]
    assert load_params(rows[0].params)["amount_minor"] == 2500


def test_a_customer_without_email_gets_a_suppressed_row_saying_why(db, clock):
    quiet = _customer(clock, "quiet@example.com", no_email=True)
    with write_transaction():
        stage_notices([_topup_notice(quiet, "topup:8")], clock.now())
    row = CustomerNotice.get()
    assert (row.status, row.reason) == ("suppressed", NO_EMAIL)


def test_a_rolled_back_event_leaves_no_notice(db, clock):
    ada = _customer(clock, "ada@example.com")
    with pytest.raises(RuntimeError), write_transaction():
        stage_notices([_topup_notice(ada, "topup:9")], clock.now())
        raise RuntimeError("the event failed after its notice was staged")
    assert CustomerNotice.select().count() == 0


@pytest.mark.parametrize(
    "draft",
    [
        NoticeDraft(1, "no_such_kind", "k", {}),
        NoticeDraft(1, "topup_credited", "k", {"topup_id": 1}),
        NoticeDraft(1, "subscription_expired", "", {"subscription_id": 1, "plan_name": "P", "expired_on": "x"}),
    ],
)
def test_a_malformed_draft_is_refused_before_anything_is_written(db, clock, draft):
    _customer(clock, "ada@example.com")
    with pytest.raises(ValueError), write_transaction():
        stage_notices([_topup_notice(1, "topup:ok"), draft], clock.now())
    assert CustomerNotice.select().count() == 0
