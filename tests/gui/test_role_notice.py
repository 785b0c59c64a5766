"""Where a role may not act, the page says so in plain sight, beside its greyed-out actions, and
names the role they need: hovering over a disabled button is not the only way to learn why."""

from __future__ import annotations

import pytest

PAGES = [
    "DashboardPage",
    "CustomersPage",
    "WalletsPage",
    "SubscriptionsPage",
    "PlansPage",
    "ErrorQueuePage",
    "NotificationsPage",
    "AuditPage",
    "SchedulerPage",
    "SettingsPage",
    "OperatorsPage",
]
# The role each page's greyed-out actions need, for each signed-in role; absent: nothing is greyed out for it.
NEEDED = {
    "viewer": {
        "CustomersPage": "the operator role",
        "WalletsPage": "the administrator role",
        "SubscriptionsPage": "the operator role",
        "PlansPage": "the administrator role",
        "ErrorQueuePage": "the operator role",
        "SchedulerPage": "the operator or administrator role",  # run a job; pause, the gateway's knobs
        "SettingsPage": "the administrator role",
        "OperatorsPage": "the administrator role",
    },
    "operator": {
        "WalletsPage": "the administrator role",
        "PlansPage": "the administrator role",
        "SchedulerPage": "the administrator role",
        "SettingsPage": "the administrator role",
        "OperatorsPage": "the administrator role",
    },
    "admin": {},
}


def visit(gui, name: str):
    page = gui.page(name)
    table = getattr(page, "table", None)
    if table is not None and table.model().rowCount():
        table.selectRow(0)
    return page


@pytest.mark.parametrize("role", ["viewer", "operator", "admin"])
def test_every_page_with_greyed_out_actions_names_the_role_they_need(make_gui, role):
    gui = make_gui(role, customers=10)
    seen = {}
    for name in PAGES:
        notice = visit(gui, name).role_notice
        if notice.isVisible():
            seen[name] = notice.text()
    assert set(seen) == set(NEEDED[role])
    for name, text in seen.items():
        assert text == (
            f"Signed in as {role}: the greyed-out actions here need {NEEDED[role][name]}. "
            "Ask an administrator if you need them."
        ), name


def test_the_notice_sits_with_the_actions_it_explains(make_gui):
    gui = make_gui("viewer", customers=10)
    wallets = visit(gui, "WalletsPage")
    # A table page: in the detail pane, right under its row of buttons.
    layout = wallets.detail_layout
    assert layout.indexOf(wallets.role_notice) == layout.indexOf(wallets.actions_bar) + 1
    assert wallets.role_notice.isVisible() and not wallets.adjust_button.isEnabled()
    # A page of its own shape: at its top.
    settings = visit(gui, "SettingsPage")
    assert settings.layout().indexOf(settings.role_notice) == 0 and settings.role_notice.isVisible()


def test_a_disabled_button_names_the_role_it_needs_on_hover(make_gui):
    gui = make_gui("operator", customers=10)
    wallets = visit(gui, "WalletsPage")
    assert not wallets.adjust_button.isEnabled()
    assert wallets.adjust_button.toolTip() == (
        "Your role (operator) may not do this; it needs the administrator role. Ask an administrator."
    )


@pytest.mark.parametrize("role", ["viewer", "operator"])
@pytest.mark.parametrize("name", ["SettingsPage", "SchedulerPage", "PlansPage", "CustomersPage"])
def test_a_page_says_what_the_role_may_not_do_in_one_sentence_only(make_gui, role, name):
    from PySide6.QtWidgets import QLabel

    gui = make_gui(role, customers=10)
    page = visit(gui, name)
    if name == "CustomersPage":
        gui.window.open_subject("customer", 3)
        page = page.customer_page
    about_role = [
        label.text()
        for label in page.findChildren(QLabel)
        if label.isVisible() and (f"({role})" in label.text() or f" {role}:" in label.text())
    ]
    assert about_role == ([page.role_notice.text()] if page.role_notice.isVisible() else []), about_role


def test_a_subscription_move_the_role_may_not_make_says_which_role_it_needs(make_gui):
    from datetime import timedelta

    from ui.pages.subscriptions_models import move_refusal

    gui = make_gui("viewer", customers=10)
    now = gui.clock.now()
    record = {
        "status": "active",
        "period_end": now + timedelta(days=10),
        "grace_days": 3,
        "auto_renew": True,
        "canceled_at": None,
        "pending_since": None,
    }
    assert move_refusal(gui.ctx.actor, "cancel", record, now) == (
        "Your role (viewer) may not do this; it needs the operator role. Ask an administrator."
    )
