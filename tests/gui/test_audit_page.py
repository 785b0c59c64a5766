import csv
import json
from datetime import timedelta

from PySide6.QtWidgets import QPushButton

from models.db import write_transaction
from services.audit import record_audit
from services.auth import SYSTEM, Actor
from services.changes import Changes, Kind
from ui.pages.audit import CHANGED_STYLE, AuditPage, changed_keys, render_entry

ADMIN = Actor("admin", "admin", 1)
OPERATOR = Actor("operator", "operator", 2)


def seed_audit(env) -> None:
    """Entries by three actors over two months, through the services that write them."""
    core, clock = env.core, env.clock
    start = clock.now()
    clock.set(start - timedelta(days=40))
    core.settings.update(ADMIN, {"gateway.error_rate": 0.25}, reason="chaos drill", action="gateway.configure")
    clock.set(start - timedelta(days=3))
    core.customers.update_customer(OPERATOR, 12, name="Renamed Person", reason="typo in the name")
    clock.set(start - timedelta(hours=2))
    with write_transaction():
        record_audit(clock, "system", "janitor.reconcile", "topup", 77, after={"status": "retrying"})
    clock.set(start)
    core.settings.update(SYSTEM, {"gateway.error_rate": 0.0}, reason="drill over", action="gateway.configure")
    env.page.refresh()


def rows(page) -> list[tuple[str, str]]:
    return [(page.model.record_at(r)["actor"], page.model.record_at(r)["action"]) for r in range(page.model.rowCount())]


def test_opens_on_demo_data_and_passes_the_model_tester(make_page, qtmodeltester):
    env = make_page(AuditPage)
    page = env.page
    assert page.title == "Audit log"
    seed_audit(env)
    assert rows(page)[0] == ("system", "gateway.configure")  # newest first
    assert len(rows(page)) == 4
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert texts[3] == "settings #gateway.error_rate" and texts[4] == "drill over"
    qtmodeltester.check(page.model)


def test_filters_actor_action_date_range_and_search(make_page):
    env = make_page(AuditPage)
    page = env.page
    seed_audit(env)
    assert {page.actor_filter.itemData(i) for i in range(page.actor_filter.count())} == {
        "",
        "admin",
        "operator",
        "system",
    }
    page.actor_filter.setCurrentIndex(page.actor_filter.findData("system"))
    assert rows(page) == [("system", "gateway.configure"), ("system", "janitor.reconcile")]
    page.action_filter.setCurrentIndex(page.action_filter.findData("janitor.reconcile"))
    assert rows(page) == [("system", "janitor.reconcile")]
    page.actor_filter.setCurrentIndex(0)
    page.action_filter.setCurrentIndex(0)
    for days, expected in ((1, 2), (7, 3), (31, 3), (0, 4)):
        page.since_filter.setCurrentIndex(page.since_filter.findData(days * 86400))
        assert len(rows(page)) == expected, days
    for text, expected in (
        ("12", [("operator", "customer.edit")]),
        ("customer #12", [("operator", "customer.edit")]),
        ("TYPO", [("operator", "customer.edit")]),
        ("topup #77", [("system", "janitor.reconcile")]),
        ("error_rate", [("system", "gateway.configure"), ("admin", "gateway.configure")]),
        ("%", []),
    ):
        page.search.setText(text)
        page.on_search_settled()
        assert rows(page) == expected, text


def test_detail_puts_before_and_after_side_by_side_and_marks_what_changed(make_page):
    env = make_page(AuditPage)
    page = env.page
    seed_audit(env)
    page.search.setText("customer #12")
    page.on_search_settled()
    page.table.selectRow(0)
    record = page.current_record()
    before, after = json.loads(record["before"]), json.loads(record["after"])
    text = page.detail.toPlainText()
    assert "Edited a customer" in text and "typo in the name" in text and "Before" in text and "After" in text
    assert before["name"] in text and "Renamed Person" in text
    assert text.startswith("Edited a customer\nRenamed Person · by operator")  # the target's name now
    table = text[text.index("Field") :]
    assert table.index(before["name"]) < table.index("Renamed Person")  # before on the left
    changed = changed_keys(before, after)
    assert changed == ["name"]
    rendered = render_entry(record, str)
    assert rendered.count(CHANGED_STYLE) == 1  # one highlighted row per changed key
    assert rendered.index(CHANGED_STYLE) < rendered.rindex("Renamed Person")
    assert "<a href='customer:12'>Renamed Person</a>" in rendered  # the target links to the customer


def test_changed_keys_compares_values_and_missing_keys():
    assert changed_keys({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == ["b", "c"]
    assert changed_keys(None, {"x": 1}) == ["x"]
    assert changed_keys({"x": 1}, {"x": 1}) == []


def test_read_only_for_everyone_and_csv_export_writes_the_filtered_rows(make_page, tmp_path):
    env = make_page(AuditPage, role="viewer")
    page = env.page
    seed_audit(env)
    buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)]
    assert [b.text() for b in buttons] == ["Export CSV…"]
    page.actor_filter.setCurrentIndex(page.actor_filter.findData("system"))
    path = tmp_path / "audit.csv"
    page.export_to(str(path))
    with open(path, encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["Time", "Actor", "Action", "Target", "Reason"]
    # The action's code, not its words: a spreadsheet filters on it in any language.
    assert [line[1:3] for line in lines[1:]] == [["system", "gateway.configure"], ["system", "janitor.reconcile"]]


def test_refreshes_when_an_action_elsewhere_reports_a_change(make_page, qtbot):
    env = make_page(AuditPage)
    page = env.page
    assert page.model.rowCount() == 0
    env.core.customers.update_customer(ADMIN, 5, name="Someone Else", reason="asked by phone")
    env.bridge.announce(Changes.of(Kind.CUSTOMER, Kind.AUDIT))  # as the customer edit says
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.action_filter.findData("customer.edit") >= 0
