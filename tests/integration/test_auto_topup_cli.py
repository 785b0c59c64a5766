"""Saved cards and automatic top-up from the command line, as a script would use them."""

from __future__ import annotations

import hashlib
import json

import pytest

import main
from models.db import database


@pytest.fixture
def cli(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"

    def run(*args, now="2026-03-01T08:00:00"):
        code = main.main(["--db", str(path), "--now", now, *args])
        database.close()
        out = capsys.readouterr()
        return code, (json.loads(out.out) if out.out.strip() else None), out.err

    run.path = path
    return run


def _an_email(path) -> str:
    from models.tables import Customer

    database.connect(reuse_if_open=True)
    try:
        return Customer.select(Customer.email).order_by(Customer.id).first().email
    finally:
        database.close()


def test_cards_and_rules_from_the_command_line(cli):
    assert cli("demo", "--customers", "12", "--seed", "3")[0] == 0
    email = _an_email(cli.path)
    code, added, _ = cli("card", "add", email, "pm_card_visa", "--reason", "asked by phone")
    assert code == 0 and added["card"]["last4"] == "4242"
    code, listed, _ = cli("card", "list", email)
    assert [c["id"] for c in listed["cards"]] == [added["card"]["id"]]

    code, rule, _ = cli("autotopup", "set", email, "--below", "1000.00", "--amount", "25.00")
    assert code == 0 and rule["rule"]["kind"] == "below_balance" and rule["rule"]["amount_minor"] == 2500
    assert "top up $25.00" in rule["says"]
    code, swept, _ = cli("autotopup-sweep")
    assert code == 0 and swept["auto_topup"]["charged"] == 1
    code, again, _ = cli("autotopup-sweep")
    assert again["auto_topup"]["charged"] == 0

    code, off, _ = cli("autotopup", "off", email)
    assert code == 0 and off["rules"][0]["active"] is False
    code, removed, _ = cli("card", "remove", str(added["card"]["id"]))
    assert code == 0 and removed["card"]["removed_at"]
    code, check, _ = cli("check")
    assert code == 0 and check["ok"]


@pytest.mark.parametrize(
    "args",
    [
        ["autotopup", "set", "{email}", "--below", "5"],
        ["autotopup", "set", "{email}", "--before-renewal-days", "3", "--below", "5", "--amount", "5"],
        ["autotopup", "set", "{email}"],
        ["autotopup", "set", "{email}", "--before-renewal-days", "x", "--round-to", "5"],
        ["autotopup", "set", "{email}", "--before-renewal-days", "0", "--round-to", "5"],
        ["autotopup", "set", "{email}", "--below", "5", "--amount", "5", "--card", "pm_card_amex"],
        ["autotopup", "off", "{email}"],
        ["card", "add", "{email}", "4242424242424242"],
        ["card", "add", "nobody@example.com", "pm_card_visa"],
        ["card", "remove", "999"],
        ["card", "remove", "x"],
        ["card"],
    ],
)
def test_bad_arguments_say_why_and_write_nothing(cli, args):
    assert cli("demo", "--customers", "3", "--seed", "3")[0] == 0
    email = _an_email(cli.path)
    assert cli("card", "add", email, "pm_card_visa")[0] == 0
    database.close()
    before = hashlib.sha256(cli.path.read_bytes()).hexdigest()
    code, out, err = cli(*[a.format(email=email) for a in args])
    assert code in (1, 2) and out is None
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert hashlib.sha256(cli.path.read_bytes()).hexdigest() == before
