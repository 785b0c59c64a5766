"""The role matrix as an operator meets it: what a role may not do is disabled, with the reason."""

import pytest

from models.tables import ErrorItem
from services.errors import GatewayTransientError

# page, button attribute, roles that may press it (with a row selected where the page needs one)
MATRIX = [
    ("CustomersPage", "new_button", {"operator", "admin"}),
    ("CustomersPage", "topup_button", {"operator", "admin"}),
    ("CustomersPage", "subscribe_button", {"operator", "admin"}),
    ("WalletsPage", "adjust_button", {"admin"}),
    ("WalletsPage", "refund_topup_button", {"admin"}),
    ("SubscriptionsPage", "change_plan_button", {"operator", "admin"}),
    ("SubscriptionsPage", "usage_button", {"operator", "admin"}),
    ("PlansPage", "new_plan_button", {"admin"}),
    ("PlansPage", "new_feature_button", {"admin"}),
    ("ErrorQueuePage", "retry_button", {"operator", "admin"}),
    ("ErrorQueuePage", "resolve_button", {"operator", "admin"}),
    ("SettingsPage", "save_button", {"admin"}),
    ("SettingsPage", "key_save_button", {"admin"}),
]


@pytest.mark.parametrize("role", ["viewer", "operator", "admin"])
def test_buttons_follow_the_role(make_gui, role):
    gui = make_gui(role)
    gui.core.retries.record_failure(
        "topup", "topup", 1, GatewayTransientError("502 from the processor"), amount_minor=1000
    )
    problems = []
    for page_name, button_name, allowed in MATRIX:
        page = gui.page(page_name)
        if hasattr(page, "refresh") and page_name == "ErrorQueuePage":
            page.refresh()
        table = getattr(page, "table", None)
        if table is not None and table.model().rowCount():
            rows = range(table.model().rowCount())
            active = [r for r in rows if table.model().record_at(r).get("status") == "active"]
            table.selectRow(active[0] if active else 0)
        button = getattr(page, button_name)
        may = role in allowed
        if button.isEnabled() != may:
            problems.append(f"{page_name}.{button_name}: enabled={button.isEnabled()} for {role}")
        if not may and role not in button.toolTip() and "role" not in button.toolTip().lower():
            problems.append(f"{page_name}.{button_name}: no reason given to {role} ({button.toolTip()!r})")
    assert problems == []
    assert ErrorItem.select().count() == 1
