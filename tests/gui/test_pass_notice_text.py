"""The notice that stands for a renewal pass's many, in the operator's language."""

import pytest

from ui.language import install_translator
from ui.notice_text import render

GROUPED = {"count": 25, "totals": {"USD": 123450}, "one_by_one": 20}


@pytest.fixture
def russian(qapp):
    installed = install_translator(qapp, "ru")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_a_grouped_notice_is_told_from_its_parameters(qapp):
    title, body = render("payment_failed", GROUPED, "stored", "stored")
    assert "25" in title and "$1,234.50" in title and "waiting for funds" in title
    assert "20" in body and "pending renewal" in body
    assert render("subscription_expired", {"count": 7, "one_by_one": 20}, "t", "b")[0].startswith("7 subscription")


def test_a_single_notice_still_names_its_subscription(qapp):
    params = {"subscription_id": 3, "plan": "basic", "amount_minor": 1000, "currency": "USD", "grace_days": 3}
    assert render("payment_failed", params, "t", "b")[0] == "Renewal of #3 (basic) is waiting for funds"


def test_the_grouped_notices_are_russian(russian):
    title, body = render("payment_failed", GROUPED, "stored", "stored")
    assert title.startswith("25 продлений ждут средств")
    assert "ожидает продления" in body
    assert render("payment_succeeded", {"count": 21, "totals": {"USD": 100}, "one_by_one": 20}, "t", "b")[0].startswith(
        "21 подписка снова активна"
    )
    assert render("subscription_expired", {"count": 3, "one_by_one": 20}, "t", "b")[0].startswith("3 подписки истекли")
