"""After a gateway outage: one "retry now" over the backlog, and what the audit says about each item."""

from models.tables import AuditEntry, ErrorItem, Notification, TopUp
from services.changes import Kind
from services.reports import integrity_check
from tests.factories import make_customer
from tests.integration.conftest import set_gateway
from tests.integration.test_change_feed import listening, only_postgres


def _fail_topups(core, clock, operator, count):
    customer, _ = make_customer(clock)
    set_gateway(core, outage=True)
    topups = [core.payments.top_up(operator, customer.email, "5") for _ in range(count)]
    assert all(t.status == "retrying" for t in topups)
    return [ErrorItem.get(ErrorItem.subject_id == t.id).id for t in topups]


def _audits(ids):
    rows = AuditEntry.select().where(AuditEntry.target_type == "error_item").order_by(AuditEntry.id)
    return {int(r.target_id): r for r in rows if int(r.target_id) in ids}


def test_retry_now_after_the_outage_retries_every_item_in_one_pass(core, clock, operator):
    ids = _fail_topups(core, clock, operator, 13)
    assert core.circuit.info().state == "open"
    set_gateway(core, outage=False)
    # The operator retries at once: the breaker's reset delay has not passed, the request is its probe.
    report = core.retries.retry_now_report(operator, ids)
    assert sorted(report.resolved) == sorted(ids)
    assert report.failing == [] and report.not_attempted == []
    assert core.circuit.info().state == "closed"
    assert {TopUp.get_by_id(ErrorItem.get_by_id(i).subject_id).status for i in ids} == {"succeeded"}
    audits = _audits(ids)
    assert set(audits) == set(ids)
    for entry in audits.values():
        assert entry.action == "error.retry" and entry.actor == operator.name
        assert '"outcome": "resolved"' in entry.after and '"attempted": true' in entry.after
    assert Notification.select().where(Notification.kind == "gateway_recovered").count() == 1
    assert integrity_check()["ok"]


def test_retry_now_while_the_gateway_is_still_down_attempts_one_and_says_so_for_the_rest(core, clock, operator):
    ids = _fail_topups(core, clock, operator, 13)
    attempts_before = {i: ErrorItem.get_by_id(i).attempts for i in ids}
    report = core.retries.retry_now_report(operator, ids)
    assert report.resolved == []
    assert report.failing == [ids[0]]  # the probe: attempted, and the gateway is still down
    assert sorted(report.not_attempted) == sorted(ids[1:])
    assert report.retry_at is not None
    after = {i: ErrorItem.get_by_id(i).attempts for i in ids}
    assert after[ids[0]] == attempts_before[ids[0]] + 1
    assert all(after[i] == attempts_before[i] for i in ids[1:])  # no attempt burnt
    audits = _audits(ids)
    assert set(audits) == set(ids)
    probe = audits[ids[0]]
    assert probe.action == "error.retry" and '"outcome": "still_failing"' in probe.after
    for item_id in ids[1:]:
        entry = audits[item_id]
        assert entry.action == "error.retry_not_attempted"
        assert '"attempted": false' in entry.after and "circuit breaker" in entry.after
    # Nothing is audited as retried that was not attempted.
    assert AuditEntry.select().where(AuditEntry.action == "error.retry").count() == 1


def test_the_retry_pass_goes_on_with_the_rest_once_its_probe_closes_the_breaker(core, clock, operator):
    ids = _fail_topups(core, clock, operator, 8)
    set_gateway(core, outage=False)
    clock.advance(hours=2)  # every item due, the breaker due for its probe
    summary = core.retries.process_pending_retries()
    assert summary["succeeded"] == 8 and summary["deferred"] == 0
    assert {ErrorItem.get_by_id(i).status for i in ids} == {"resolved"}


def test_every_failed_top_up_posts_a_notice_with_its_parameters(core, clock, operator):
    customer, wallet_id = make_customer(clock)
    set_gateway(core, error_rate=1.0)
    topup = core.payments.top_up(operator, customer.email, "12.50")
    assert topup.status == "retrying"
    [notice] = core.notifications.recent()
    assert (notice.kind, notice.severity, notice.subject_type, notice.subject_id) == (
        "topup_failed",
        "warning",
        "topup",
        topup.id,
    )
    assert notice.title == "Top-up of $12.50 did not go through"  # English, for the CLI and old desks
    assert notice.params == {
        "topup_id": topup.id,
        "wallet_id": wallet_id,
        "amount_minor": 1250,
        "currency": "USD",
        "reason": notice.params["reason"],
        "retrying": True,
    }
    # The retry that fails again counts on the item; the notice is not repeated.
    clock.advance(hours=1)
    core.retries.process_pending_retries()
    assert Notification.select().where(Notification.kind == "topup_failed").count() == 1


@only_postgres
def test_the_retry_runner_tells_other_desks_what_it_changed(core, clock, operator):
    # Two items: their failures and retries (four in a row) stay under the breaker's threshold of five, so
    # whichever order the runner's threads call the gateway in, both retries are made and fail again.
    ids = _fail_topups(core, clock, operator, 2)
    listener, heard = listening(skip_origin=None)  # this process's own messages too
    try:
        clock.advance(hours=2)  # due; the gateway is still down
        summary = core.retries.process_pending_retries()
        assert summary["rescheduled"] == 2  # failed again: written by the runner alone
        assert heard.wait_for(Kind.ERROR_ITEM), heard.changes
        heard.changes.clear()
        core.retries.retry_now_report(operator, ids[:1])
        assert heard.wait_for(Kind.AUDIT) and Kind.ERROR_ITEM in heard.kinds()
    finally:
        assert listener.stop(timeout=5)
