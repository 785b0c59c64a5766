"""Forms start where the operator types, and a refused submit keeps what was typed and says why."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from models.tables import Customer, Plan, Wallet
from services.errors import ValidationError
from ui.pages.customers import CustomersPage
from ui.pages.plans import PlansPage


def operate(dialog_steps):
    """Run ``dialog_steps(dialog)`` once the modal dialog is up; close it if a step leaves it open."""
    seen: dict = {}

    def step():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        try:
            dialog_steps(dialog, seen)
        finally:
            if dialog.isVisible():
                seen["left_open"] = True
                dialog.reject()

    QTimer.singleShot(0, step)
    return seen


def test_new_customer_refused_for_a_taken_email_keeps_the_form_and_then_creates(make_page):
    env = make_page(CustomersPage, customers=5)
    page = env.page
    taken = Customer.select().order_by(Customer.id).first().email
    count = Customer.select().count()

    def steps(dialog, seen):
        name, email = dialog.findChild(QLineEdit, "name"), dialog.findChild(QLineEdit, "email")
        seen["focus"] = dialog.focusWidget() is name
        name.setText("Ada Lovelace")
        email.setText(taken)
        dialog.on_accept_clicked()
        seen["open_after_refusal"] = dialog.isVisible()
        seen["kept"] = (name.text(), email.text())
        seen["message"] = dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""
        email.setText("ada.lovelace@example.com")
        dialog.on_accept_clicked()

    seen = operate(steps)
    page.on_new_clicked()
    assert seen["focus"]
    assert seen["open_after_refusal"] and seen["kept"] == ("Ada Lovelace", taken)
    assert taken in seen["message"] or "email" in seen["message"].lower(), seen["message"]
    assert "left_open" not in seen
    assert Customer.select().count() == count + 1
    assert Customer.get(Customer.email == "ada.lovelace@example.com").name == "Ada Lovelace"


def test_top_up_refused_by_the_service_keeps_the_amount_and_the_reason(make_page, monkeypatch):
    env = make_page(CustomersPage, customers=5)
    page = env.page
    page.table.selectRow(0)
    wallet_id = page.current_record()["wallet_id"]
    before = Wallet.get_by_id(wallet_id).balance_minor
    real = env.core.payments.top_up
    refusals = []

    def refuse_first(*args, **kwargs):
        if not refusals:
            refusals.append(kwargs.get("idempotency_key"))
            raise ValidationError("This card is not accepted for top-ups; use another one.")
        return real(*args, **kwargs)

    monkeypatch.setattr(env.core.payments, "top_up", refuse_first)

    def steps(dialog, seen):
        amount = dialog.findChild(QLineEdit, "amount")
        seen["focus"] = dialog.focusWidget() is amount
        amount.setText("12.50")
        dialog.reason.setPlainText("customer called")
        dialog.on_accept_clicked()
        seen["open_after_refusal"] = dialog.isVisible()
        seen["kept"] = (amount.text(), dialog.reason_text())
        seen["message"] = dialog.error.text()
        dialog.on_accept_clicked()

    seen = operate(steps)
    page.on_topup_clicked()
    assert seen["focus"]
    assert seen["open_after_refusal"] and seen["kept"] == ("12.50", "customer called")
    assert "not accepted" in seen["message"]
    assert "left_open" not in seen and len(refusals) == 1
    assert Wallet.get_by_id(wallet_id).balance_minor == before + 1250


def test_new_plan_refused_for_a_taken_code_keeps_the_form(make_page):
    env = make_page(PlansPage, customers=3)
    taken = Plan.select().order_by(Plan.id).first().code
    count = Plan.select().count()

    def steps(dialog, seen):
        code, name, price = (dialog.findChild(QLineEdit, n) for n in ("code", "name", "price"))
        seen["focus"] = dialog.focusWidget() is code
        code.setText(taken)
        name.setText("Second of its code")
        price.setText("12.00")
        dialog.on_accept_clicked()
        seen["open_after_refusal"] = dialog.isVisible()
        seen["kept"] = (code.text(), name.text(), price.text())
        seen["message"] = dialog.error.text()
        code.setText("second-code")
        dialog.on_accept_clicked()

    seen = operate(steps)
    env.page.on_new_plan_clicked()
    assert seen["focus"] and seen["open_after_refusal"]
    assert seen["kept"] == (taken, "Second of its code", "12.00")
    assert taken in seen["message"] or "code" in seen["message"].lower(), seen["message"]
    assert "left_open" not in seen
    assert Plan.select().count() == count + 1 and Plan.get(Plan.code == "second-code").price_minor == 1200
