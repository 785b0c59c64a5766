"""The renewal pass's notices: written in the transaction of their batch, and grouped past a few of a kind."""

from datetime import timedelta

import pytest

import services.renewals as renewals_module
from models.tables import Notification, Subscription
from services.auth import SYSTEM
from services.notifications import Draft, NotificationCenter, load_params
from services.renewals import RenewalService
from services.reports import integrity_check
from services.subscriptions import SubscriptionService
from tests.factories import fund, make_customer, make_plan

ONE_BY_ONE = 3


@pytest.fixture
def center(db, clock):
    return NotificationCenter(clock)


@pytest.fixture
def heard(center):
    infos = []
    center.subscribe(infos.append)
    return infos


def short_subscriptions(clock, count: int, price: int = 1000) -> list[int]:
    """``count`` subscriptions whose wallets pay the first period and nothing more."""
    make_plan(clock, "basic", price, grace_days=3)
    subs = SubscriptionService(clock, NotificationCenter(clock))
    ids = []
    for n in range(count):
        customer, _ = make_customer(clock, email=f"short{n}@example.com", balance_minor=price + n)
        ids.append(subs.subscribe(SYSTEM, customer.email, "basic").id)
    clock.set(Subscription.get_by_id(ids[0]).period_end + timedelta(minutes=5))
    return ids


def subscription_notices(kind: str) -> list[Notification]:
    return list(
        Notification.select()
        .where((Notification.kind == kind) & (Notification.subject_type == "subscription"))
        .order_by(Notification.id)
    )


def grouped_notices(kind: str) -> list[Notification]:
    return list(Notification.select().where((Notification.kind == kind) & Notification.subject_type.is_null()))


def test_a_small_pass_posts_a_notice_per_subscription_and_no_group(clock, center, heard, monkeypatch):
    monkeypatch.setattr(renewals_module, "NOTICES_ONE_BY_ONE", ONE_BY_ONE)
    ids = short_subscriptions(clock, ONE_BY_ONE)
    summary = RenewalService(clock, center, batch_size=2).renew_due_subscriptions()
    assert summary["pending_renewal"] == ONE_BY_ONE
    assert [n.subject_id for n in subscription_notices("payment_failed")] == ids
    assert grouped_notices("payment_failed") == []
    assert sorted(info.subject_id for info in heard if info.kind == "payment_failed") == ids


def test_past_the_limit_one_notice_tells_the_whole_pass(clock, center, heard, monkeypatch):
    monkeypatch.setattr(renewals_module, "NOTICES_ONE_BY_ONE", ONE_BY_ONE)
    ids = short_subscriptions(clock, 8)
    summary = RenewalService(clock, center, batch_size=2).renew_due_subscriptions()
    assert summary["pending_renewal"] == 8
    assert [n.subject_id for n in subscription_notices("payment_failed")] == ids[:ONE_BY_ONE]
    [grouped] = grouped_notices("payment_failed")
    assert load_params(grouped.params) == {"count": 8, "totals": {"USD": 8 * 1000}, "one_by_one": ONE_BY_ONE}
    assert grouped.title == "8 renewal(s) are waiting for funds, $80.00 owed in total"
    assert grouped.severity == "warning"
    # The listeners heard of each single notice, and of the grouped one once, as it stood at the end.
    told = [info for info in heard if info.kind == "payment_failed"]
    assert [info.subject_id for info in told] == [*ids[:ONE_BY_ONE], None]
    assert told[-1].params["count"] == 8
    # A second pass groups its own notices: nothing to do now, so nothing more is posted.
    RenewalService(clock, center, batch_size=2).renew_due_subscriptions()
    assert len(grouped_notices("payment_failed")) == 1
    assert integrity_check()["ok"]


def test_expiries_and_reactivations_are_grouped_too(clock, center, monkeypatch):
    monkeypatch.setattr(renewals_module, "NOTICES_ONE_BY_ONE", 1)
    short_subscriptions(clock, 3)
    service = RenewalService(clock, center, batch_size=2)
    service.renew_due_subscriptions()
    clock.advance(days=4)
    assert service.renew_due_subscriptions()["expired"] == 3
    assert len(subscription_notices("subscription_expired")) == 1
    [grouped] = grouped_notices("subscription_expired")
    assert load_params(grouped.params)["count"] == 3


def test_a_batch_that_rolls_back_leaves_no_notice(clock, center, heard, monkeypatch):
    """The notices go in the batch's own transaction: a failure after they are written takes them back."""
    monkeypatch.setattr(renewals_module, "NOTICES_ONE_BY_ONE", ONE_BY_ONE)
    ids = short_subscriptions(clock, 5)
    failing = ids[1]
    stage = renewals_module._PassNotices.stage

    def stage_then_fail(self, notification_center, notices):
        staged = stage(self, notification_center, notices)
        if any(notice.sub.id == failing for notice in notices):
            raise RuntimeError("the disk is full")
        return staged

    monkeypatch.setattr(renewals_module._PassNotices, "stage", stage_then_fail)
    failed = []
    service = RenewalService(clock, center, batch_size=5, on_error=lambda sub_id, error: failed.append(sub_id))
    summary = service.renew_due_subscriptions()
    # The batch of five rolled back, notices and all, and was replayed one by one: four went through.
    assert failed == [failing] and summary["errors"] == 1 and summary["pending_renewal"] == 4
    assert Subscription.get_by_id(failing).status == "active"
    others = [sub_id for sub_id in ids if sub_id != failing]
    assert [n.subject_id for n in subscription_notices("payment_failed")] == others[:ONE_BY_ONE]
    [grouped] = grouped_notices("payment_failed")
    assert load_params(grouped.params)["count"] == 4
    assert failing not in {info.subject_id for info in heard}
    assert integrity_check()["ok"]


def test_the_grouped_notice_counts_only_what_committed(clock, center, monkeypatch):
    """A pass cut short by a failing batch leaves the grouped notice telling the batches that committed."""
    monkeypatch.setattr(renewals_module, "NOTICES_ONE_BY_ONE", 1)
    ids = short_subscriptions(clock, 6)
    write = renewals_module._Batch.write

    def write_or_fail(self):
        write(self)
        if any(update.subscription_id in ids[4:] for update in self.sub_updates):
            raise RuntimeError("lost the disk")

    monkeypatch.setattr(renewals_module._Batch, "write", write_or_fail)
    summary = RenewalService(clock, center, batch_size=2).renew_due_subscriptions()
    assert summary["pending_renewal"] == 4 and summary["errors"] == 2
    [grouped] = grouped_notices("payment_failed")
    assert load_params(grouped.params) == {"count": 4, "totals": {"USD": 4000}, "one_by_one": 1}
    assert Subscription.select().where(Subscription.status == "pending_renewal").count() == 4


def test_a_replayed_notice_is_stored_once(clock, center, heard, db):
    draft = Draft("payment_failed", "Renewal of #1 is waiting for funds", "", "payment_failed:1:2026-02-15")
    with db.atomic():
        assert center.store([draft, draft]) == ["payment_failed:1:2026-02-15"]
    with db.atomic():
        assert center.store([draft]) == []
    assert Notification.select().count() == 1
    assert heard == []  # store() tells nobody; announce() does, after the commit
    center.announce(["payment_failed:1:2026-02-15"])
    assert [info.title for info in heard] == ["Renewal of #1 is waiting for funds"]


def test_a_top_up_still_posts_each_reactivation(clock, center, monkeypatch):
    monkeypatch.setattr(renewals_module, "NOTICES_ONE_BY_ONE", ONE_BY_ONE)
    [sub_id] = short_subscriptions(clock, 1)
    service = RenewalService(clock, center)
    service.renew_due_subscriptions()
    fund(clock, Subscription.get_by_id(sub_id).wallet_id, 1000)
    assert service.activate_pending_for_wallet(Subscription.get_by_id(sub_id).wallet_id)["renewed"] == 1
    assert [n.subject_id for n in subscription_notices("payment_succeeded")] == [sub_id]
