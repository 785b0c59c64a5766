"""Big tables as an operator meets them: the last rows at once, in the order chosen; searches that ignore
the case of any alphabet; a count that stops at 10,000 instead of walking a million rows."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.tables import Customer, Wallet
from services.auth import SYSTEM
from services.customers import CustomerService
from ui.pages.customers import CustomersPage
from ui.pages.wallets import WalletsPage
from ui.sql_model import COUNT_CAP


def customers_in_order(column: str, descending: bool) -> list[int]:
    """Every customer's id in the table's order by ``column``: its value, then the id."""
    rows = sorted(((getattr(c, column), c.id) for c in Customer.select()), reverse=descending)
    return [customer_id for _value, customer_id in rows]


def press_with_ctrl(widget, key: Qt.Key) -> None:
    """Ctrl+key as an operator types it; Ctrl is let go after, so no later test sees it held."""
    QTest.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)
    QTest.keyRelease(widget, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)


def shown_ids(model) -> list[int]:
    return [model.record_at(row)["id"] for row in range(model.rowCount())]


def test_jumping_to_the_end_shows_the_last_rows_in_the_chosen_order(make_page):
    env = make_page(CustomersPage, customers=45)
    model = env.page.model
    model.page_size = 10
    name = [c.key for c in model.columns].index("name")
    model.sort(name, Qt.SortOrder.AscendingOrder)
    expected = customers_in_order("name", descending=False)
    assert shown_ids(model) == expected[:10]

    model.jump_to_end()
    assert shown_ids(model) == expected[-10:]
    assert model.at_end and not model.canFetchMore() and model.has_rows_before
    # Scrolling up reads the rows before, page by page, until the first row of the order.
    while model.can_fetch_before():
        model.fetch_before()
    assert shown_ids(model) == expected
    assert not model.has_rows_before
    model.jump_to_end()  # every row is held: nothing to read, nothing moves
    assert shown_ids(model) == expected


def test_ctrl_end_selects_the_last_row_and_ctrl_home_the_first(make_page):
    env = make_page(CustomersPage, customers=45)
    page, model = env.page, env.page.model
    model.page_size = 10
    created = [c.key for c in model.columns].index("created_at")
    page.table.sortByColumn(created, Qt.SortOrder.DescendingOrder)
    expected = customers_in_order("created_at", descending=True)
    page.table.setFocus()

    press_with_ctrl(page.table, Qt.Key.Key_End)
    assert page.current_record()["id"] == expected[-1]
    assert shown_ids(model)[-10:] == expected[-10:]

    press_with_ctrl(page.table, Qt.Key.Key_Home)
    assert page.current_record()["id"] == expected[0]
    assert shown_ids(model) == expected[:10]


def test_wallets_sorted_by_last_movement_end_with_the_stillest(make_page, clock):
    env = make_page(WalletsPage, customers=30)
    model = env.page.model
    model.page_size = 7
    column = [c.key for c in model.columns].index("last_movement")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    rows = sorted(((w.last_movement_at or w.created_at, w.id) for w in Wallet.select()), reverse=True)
    model.jump_to_end()
    assert shown_ids(model) == [wallet_id for _moment, wallet_id in rows][-7:]


def test_a_search_finds_names_whatever_their_case_in_any_alphabet(make_page, clock):
    env = make_page(CustomersPage, customers=5)
    service = CustomerService(clock)
    ada = service.create_customer(SYSTEM, "Ada McLovelace", "Ada.Mc@Example.org").id
    ivan = service.create_customer(SYSTEM, "Иван Петров", "ivan@example.org").id
    page = env.page
    for typed, found in (("mclove", ada), ("ADA.MC", ada), ("иван", ivan), ("ПЕТРОВ", ivan), ("иВаН п", ivan)):
        page.search.setText(typed)
        page.on_search_settled()
        assert shown_ids(page.model) == [found], typed


def test_the_count_stops_at_ten_thousand(make_page, clock):
    env = make_page(CustomersPage, customers=5)
    page = env.page
    page.model.reload()
    assert page.count_label.text() == "5 row(s)"
    moment = clock.now() - timedelta(days=1)
    rows = [
        {"name": f"Bulk {n}", "email": f"bulk{n}@example.org", "status": "active", "created_at": moment}
        for n in range(COUNT_CAP)
    ]
    for start in range(0, len(rows), 500):
        Customer.insert_many(rows[start : start + 500]).execute()
    page.model.reload()
    assert page.model.rowCount() == page.model.page_size  # one page shown, the rest read on scrolling
    assert page.count_label.text() == "10,000+ rows"
    page.search.setText("bulk 99")
    page.on_search_settled()
    assert page.count_label.text() == "111 row(s)"  # Bulk 99, 990–999, 9900–9999
