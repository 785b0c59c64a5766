"""A gateway incident as an operator lives it: seen at the first failure, cleared in four actions."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.tables import AuditEntry, Customer, ErrorItem, TopUp
from services.auth import SYSTEM
from services.change_feed import ChangeListener
from services.reports import integrity_check
from ui.pages.error_queue import ErrorQueuePage
from ui.pages.notifications import NotificationsPage
from ui.tray import TrayController

ROOT = Path(__file__).resolve().parents[2]
FAILED_TOPUPS = 50


def set_outage(core, on: bool) -> None:
    core.settings.update(SYSTEM, {"gateway.outage": on}, action="gateway.configure")


def test_an_outage_is_seen_at_once_and_its_backlog_cleared_in_four_actions(make_gui, keep_alive, answer_dialogs, qtbot):
    tray = TrayController()
    keep_alive.append(tray)
    env = make_gui("operator", customers=20, tray=tray)
    core, window = env.core, env.window
    popups: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda title, body: popups.append((title, body)))
    posted = []
    env.ctx.bridge.notification_posted.connect(posted.append)
    emails = [c.email for c in Customer.select().order_by(Customer.id).limit(10)]
    set_outage(core, True)

    # The first failure is news at once: a notice as it is recorded, and the tray pops it up.
    first = core.payments.top_up(env.ctx.actor, emails[0], "10")
    assert first.status == "retrying"
    assert [info.kind for info in posted] == ["topup_failed"]
    qtbot.waitUntil(lambda: bool(popups), timeout=3000)
    assert popups[0][0] == "Top-up of $10.00 did not go through"

    for n in range(1, FAILED_TOPUPS):
        assert core.payments.top_up(env.ctx.actor, emails[n % len(emails)], "10").status == "retrying"
    assert core.circuit.info().state == "open"
    set_outage(core, False)  # the gateway is back
    open_ids = sorted(i.id for i in ErrorItem.select().where(ErrorItem.status == "retrying"))
    assert len(open_ids) == FAILED_TOPUPS

    messages: list[str] = []
    actions = 0
    # 1. Open the error queue (its shortcut).
    page = window.page_named("ErrorQueuePage")
    assert isinstance(page, ErrorQueuePage)
    page.status_message.connect(messages.append)
    shortcut = f"Alt+{window.pages.index(page) + 1}"
    QTest.keySequence(window, shortcut)
    actions += 1
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == FAILED_TOPUPS
    # 2. Select every item.
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    actions += 1
    assert sorted(r["id"] for r in page.selected_records()) == open_ids
    # 3. Retry now, and 4. confirm.
    dialogs = answer_dialogs()
    QTest.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    actions += 1 + len(dialogs)
    assert len(dialogs) == 1 and actions == 4

    assert {i.status for i in ErrorItem.select().where(ErrorItem.id.in_(open_ids))} == {"resolved"}
    subjects = [i.subject_id for i in ErrorItem.select().where(ErrorItem.id.in_(open_ids))]
    assert {t.status for t in TopUp.select().where(TopUp.id.in_(subjects))} == {"succeeded"}
    assert any(
        m == f"Retried {FAILED_TOPUPS} of {FAILED_TOPUPS}: {FAILED_TOPUPS} resolved, 0 still failing" for m in messages
    )
    assert page.model.rowCount() == 0  # the open filter has nothing left
    assert page.report.model.report["totals"]["open"] == 0
    # The audit says what happened to each item: attempted, by this operator, resolved.
    entries = AuditEntry.select().where(
        (AuditEntry.target_type == "error_item") & AuditEntry.action.startswith("error.")
    )
    by_item = {int(e.target_id): e for e in entries}
    assert sorted(by_item) == open_ids
    for entry in by_item.values():
        after = json.loads(entry.after)
        assert (entry.action, entry.actor, after["attempted"], after["outcome"]) == (
            "error.retry",
            "operator",
            True,
            "resolved",
        )
    assert integrity_check()["ok"]


def test_the_report_agrees_with_the_table_while_items_are_still_open(make_gui, answer_dialogs):
    env = make_gui("operator", customers=20)
    core = env.core
    email = Customer.select().order_by(Customer.id).first().email
    set_outage(core, True)
    for _ in range(13):
        core.payments.top_up(env.ctx.actor, email, "5")
    set_outage(core, False)
    page = env.page("ErrorQueuePage")
    page.table.selectRow(0)  # one item retried: 1 recovered, 12 still open
    answer_dialogs()
    page.on_retry_clicked()
    assert page.model.rowCount() == 12
    report = page.report.model
    assert "Open 12" in page.report.totals.text()
    [row] = [report.index(r, 0).data() for r in range(report.rowCount())]
    assert row == "top-up"
    assert report.index(0, 2).data() == "12"
    assert report.index(0, 5).data() == "1 of 13 (7 %)"  # never "100 %" beside open items


def test_failures_recorded_by_another_process_appear_without_f5(make_gui, db_url, qtbot):
    env = make_gui("operator", customers=5)
    core = env.core
    set_outage(core, True)
    email = Customer.select().order_by(Customer.id).first().email
    bridge = env.ctx.bridge
    bridge.listener = ChangeListener(poll_seconds=0.1)
    bridge.listener.start(bridge.changes_committed_elsewhere.emit)
    try:
        assert bridge.listener.listening.wait(30)
        errors = env.page("ErrorQueuePage")
        notifications = env.page("NotificationsPage")
        assert isinstance(notifications, NotificationsPage)
        env.page("ErrorQueuePage")  # the queue on screen, the panel loaded behind it
        assert errors.model.rowCount() == 0
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", db_url, "topup", email, "25"],
            cwd=ROOT,
            env={
                **os.environ,
                "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
                "SUBS_GATEWAY_KEY": "sk_test_other_process",
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "outage" in done.stdout + done.stderr, done.stdout + done.stderr
        qtbot.waitUntil(lambda: errors.model.rowCount() == 1, timeout=15000)
        record = errors.model.record_at(0)
        assert (record["operation"], record["status"]) == ("topup", "retrying")
        # The panel got the notice the other process posted, as it got there.
        title = [c.key for c in notifications.model.columns].index("title")
        qtbot.waitUntil(
            lambda: any(
                re.match(r"Top-up of \$25\.00 did not go through", notifications.model.index(r, title).data() or "")
                for r in range(notifications.model.rowCount())
            ),
            timeout=15000,
        )
    finally:
        assert bridge.listener.stop(timeout=5)


def test_retry_now_while_the_gateway_is_still_down_says_what_was_and_was_not_attempted(make_gui, answer_dialogs):
    env = make_gui("operator", customers=20)
    core = env.core
    email = Customer.select().order_by(Customer.id).first().email
    set_outage(core, True)
    for _ in range(13):
        core.payments.top_up(env.ctx.actor, email, "5")
    page = env.page("ErrorQueuePage")
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.table.selectAll()
    answer_dialogs()
    page.on_retry_clicked()
    result = messages[-1]
    assert result.startswith("Retried 1 of 13: 0 resolved, 1 still failing; 12 not attempted")
    assert "payment gateway is still refusing calls (until " in result
    retried = AuditEntry.select().where(AuditEntry.action == "error.retry").count()
    not_attempted = AuditEntry.select().where(AuditEntry.action == "error.retry_not_attempted").count()
    assert (retried, not_attempted) == (1, 12)
    assert page.model.rowCount() == 13  # all still open, none lost
