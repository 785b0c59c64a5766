"""The customer page's "Automatic top-up" tab: saving a card, turning a rule on, seeing it off after a
decline with the reason, and a role that may not sees why its buttons are greyed out."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from models.tables import AutoTopUpRule, PaymentCard
from services.auth import Actor
from ui.pages.auto_topup import AutoTopUpPanel

OPERATOR = Actor("oscar", "operator")


def _panel(make_page, role: str = "operator"):
    made = make_page(AutoTopUpPanel, role=role, customers=6)
    made.page.show_customer(3)
    return made


def test_an_operator_saves_a_card_and_turns_a_rule_on(make_page, answer_dialogs):
    made = _panel(make_page)
    panel = made.page
    assert "not set up" in panel.rule_label.text() and not panel.set_button.isEnabled()

    answer_dialogs(lambda d: d.findChild(QComboBox, "cardToken").setCurrentText("pm_card_mastercard"))
    panel.add_card_button.click()
    assert PaymentCard.select().where(PaymentCard.customer == 3).count() == 1
    assert panel.cards_table.text(0, "card") == "Mastercard ending in 4444"
    assert panel.set_button.isEnabled()

    def fill(dialog):
        kind = dialog.findChild(QComboBox, "ruleKind")
        kind.setCurrentIndex(kind.findData("below_balance"))
        dialog.findChild(QLineEdit, "threshold").setText("5.00")
        dialog.findChild(QLineEdit, "amount").setText("20.00")

    answer_dialogs(fill)
    panel.set_button.click()
    rule = AutoTopUpRule.get(AutoTopUpRule.customer == 3)
    assert (rule.kind, rule.threshold_minor, rule.amount_minor, rule.active) == ("below_balance", 500, 2000, True)
    assert panel.rule_label.text().startswith("On (USD): When the balance is below $5.00, charge $20.00")
    assert panel.off_button.isEnabled()


def test_a_refused_rule_shows_why_in_the_form_and_writes_nothing(make_page, answer_dialogs):
    made = _panel(make_page)
    made.core.cards.add_card(OPERATOR, 3, "pm_card_visa")
    made.page.refresh()

    def fill(dialog):
        dialog.findChild(QLineEdit, "roundTo").setText("ten dollars")

    shown = answer_dialogs(fill)
    made.page.set_button.click()
    assert AutoTopUpRule.select().count() == 0
    assert shown[-1].error.isVisible() or shown[-1].error.text()
    assert "ten dollars" in shown[-1].error.text()


def test_a_declined_card_shows_the_rule_off_and_why(make_page):
    made = _panel(make_page)
    core = made.core
    card = core.cards.add_card(OPERATOR, 3, "pm_card_chargeDeclined")
    core.auto_topup.set_rule(OPERATOR, 3, "below_balance", card_id=card.id, threshold="100000.00", amount="5.00")
    assert core.auto_topup.sweep()["declined"] == 1
    made.page.refresh()
    text = made.page.rule_label.text()
    assert text.startswith("Off (USD): the card was declined") and "Visa ending in 0002" in text
    assert not made.page.off_button.isEnabled()


def test_a_viewer_sees_the_rule_but_may_not_change_it(make_page):
    made = _panel(make_page, role="viewer")
    panel = made.page
    assert panel.view is not None
    for button in (panel.set_button, panel.off_button, panel.add_card_button, panel.remove_card_button):
        assert not button.isEnabled()
    assert "may not" in panel.add_card_button.toolTip() or panel.add_card_button.toolTip()
