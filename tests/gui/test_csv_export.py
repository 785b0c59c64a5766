"""CSV export writes money as numbers a spreadsheet adds up, with the currency in its own column."""

import csv
from decimal import Decimal

from models.tables import Customer, Wallet
from ui.pages.customers import CustomersPage
from ui.pages.wallets import WalletsPage


def read_back(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_customers_export_balances_as_decimal_numbers_and_the_currency_beside_them(make_page, tmp_path):
    env = make_page(CustomersPage, customers=30)
    path = tmp_path / "customers.csv"
    env.page.export_to(str(path))
    rows = read_back(path)
    assert list(rows[0])[:7] == ["ID", "Name", "Email", "Status", "Wallet", "Currency", "Customer since"]
    assert len(rows) == Customer.select().count()
    wallets = {w.customer_id: w for w in Wallet.select()}
    assert any(w.balance_minor >= 100_000 for w in wallets.values())  # a balance that would read "$1,234.00"
    for row in rows:
        wallet = wallets.get(int(row["ID"]))
        assert "$" not in row["Wallet"] and "," not in row["Wallet"], row
        if wallet is None:
            assert row["Wallet"] == "0.00" or row["Wallet"] == ""
            continue
        assert Decimal(row["Wallet"]) == Decimal(wallet.balance_minor) / 100
        assert row["Currency"] == wallet.currency


def test_wallets_export_reads_back_as_the_stored_minor_units(make_page, tmp_path):
    env = make_page(WalletsPage, customers=30)
    path = tmp_path / "wallets.csv"
    env.page.export_to(str(path))
    rows = read_back(path)
    header = list(rows[0])
    assert header.count("Currency") == 1  # the table's own currency column, not a second one
    by_id = {w.id: w for w in Wallet.select()}
    assert len(rows) == len(by_id)
    for row in rows:
        wallet = by_id[int(row["Wallet"])]
        assert "$" not in row["Balance"] and "," not in row["Balance"], row
        assert int(Decimal(row["Balance"]) * 100) == wallet.balance_minor
        assert row["Currency"] == wallet.currency
