from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QSpinBox

from models.tables import (
    LedgerEntry,
    Plan,
    Subscription,
    SubscriptionEvent,
    UsageCounter,
    UsageRecord,
    Wallet,
)
from ui.pages.dialogs import ConfirmDialog
from ui.pages.subscriptions import PlanChangePreview, SubscriptionsPage


def ids(model) -> list[int]:
    return [model.record_at(r)["id"] for r in range(model.rowCount())]


def first_sub(status="active", plan=None, rich=False) -> Subscription:
    query = Subscription.select().join(Wallet).where(Subscription.status == status)
    if plan:
        query = query.where(Subscription.plan == Plan.get(Plan.code == plan).id)
    if rich:
        query = query.order_by(Wallet.balance_minor.desc())
    return query.order_by(Subscription.id).first() if not rich else query.first()


def open_sub(page, sub_id: int) -> dict:
    assert page.open_subject("subscription", sub_id)
    record = page.current_record()
    assert record is not None and record["id"] == sub_id
    return record


def status_messages(page) -> list[str]:
    seen = []
    page.status_message.connect(seen.append)
    return seen


def test_model_passes_the_model_tester(make_page, qtmodeltester):
    env = make_page(SubscriptionsPage)
    assert env.page.title == "Subscriptions"
    assert env.page.model.rowCount() == 60
    qtmodeltester.check(env.page.model)


def test_filters_by_status_plan_renewal_soon_and_search(make_page):
    env = make_page(SubscriptionsPage)
    page, model = env.page, env.page.model
    page.status_filter.setCurrentIndex(page.status_filter.findData("canceled"))
    canceled = [s.id for s in Subscription.select().where(Subscription.status == "canceled")]
    assert canceled and sorted(ids(model)) == sorted(canceled)
    page.status_filter.setCurrentIndex(0)

    pro = Plan.get(Plan.code == "pro")
    page.plan_filter.setCurrentIndex(page.plan_filter.findData(pro.id))
    assert sorted(ids(model)) == sorted(s.id for s in Subscription.select().where(Subscription.plan == pro.id))
    page.plan_filter.setCurrentIndex(0)

    page.renews_soon.setChecked(True)
    now = env.clock.now()
    soon = [
        s.id
        for s in Subscription.select().where(
            (Subscription.status == "active")
            & Subscription.auto_renew
            & (Subscription.period_end <= now + timedelta(days=7))
        )
    ]
    assert soon and sorted(ids(model)) == sorted(soon) and len(soon) < 60
    page.renews_soon.setChecked(False)

    sub = Subscription.get_by_id(12)
    page.search.setText(sub.customer.email.upper())
    page.on_search_settled()
    assert 12 in ids(model)
    page.search.setText("#12")
    page.on_search_settled()
    assert ids(model) == [12]


def test_pending_since_sorts_in_sql(make_page):
    env = make_page(SubscriptionsPage)
    now = env.clock.now()
    Subscription.update(status="pending_renewal", pending_since=now - timedelta(days=2)).where(
        Subscription.id == 3
    ).execute()
    Subscription.update(status="pending_renewal", pending_since=now - timedelta(hours=1)).where(
        Subscription.id == 8
    ).execute()
    model = env.page.model
    column = [c.key for c in model.columns].index("pending_since")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert ids(model)[:2] == [8, 3]
    assert model.data(model.index(0, column)) == f"{now - timedelta(hours=1):%Y-%m-%d %H:%M}"
    assert model.data(model.index(2, column)) == ""


def test_detail_shows_timeline_charges_and_usage(make_page):
    env = make_page(SubscriptionsPage)
    counter = UsageCounter.select().first()
    open_sub(env.page, counter.subscription_id)
    text = env.page.detail.toPlainText()
    sub = Subscription.get_by_id(counter.subscription_id)
    assert sub.customer.name in text and "Timeline" in text and "subscribe" in text
    assert "Charges" in text and f"{sub.period_start:%Y-%m-%d}" in text
    assert "API calls" in text and f"{counter.used:,}" in text
    assert "balance" in text


def test_moves_are_enabled_only_where_the_state_machine_allows(make_page):
    env = make_page(SubscriptionsPage)
    page = env.page
    open_sub(page, first_sub("active").id)
    assert page.cancel_button.isEnabled() and page.change_plan_button.isEnabled()
    assert not page.reinstate_button.isEnabled() and "Only a canceled" in page.reinstate_button.toolTip()

    canceled = first_sub("canceled")
    open_sub(page, canceled.id)
    assert page.reinstate_button.isEnabled()
    assert not page.cancel_button.isEnabled() and "is canceled" in page.cancel_button.toolTip()
    assert not page.change_plan_button.isEnabled()

    Subscription.update(period_end=env.clock.now() - timedelta(hours=1)).where(Subscription.id == canceled.id).execute()
    page.refresh()
    assert page.current_record()["id"] == canceled.id
    assert not page.reinstate_button.isEnabled() and "period has ended" in page.reinstate_button.toolTip()


def test_cancel_needs_a_reason_then_moves_the_state(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active")
    open_sub(page, sub.id)
    shown = answer_dialogs()
    page.on_cancel_clicked()
    assert "reason" in shown[0].error.text() and "keeps access" in shown[0].summary.text()
    # The button that leaves the subscription alone does not also say "Cancel".
    buttons = shown[0].buttons
    assert buttons.button(buttons.StandardButton.Ok).text() == "Cancel subscription"
    assert buttons.button(buttons.StandardButton.Cancel).text() == "Keep subscription"
    assert Subscription.get_by_id(sub.id).status == "active"

    answer_dialogs(lambda d: d.reason.setPlainText("moving to a competitor"))
    page.on_cancel_clicked()
    assert Subscription.get_by_id(sub.id).status == "canceled"
    event = (
        SubscriptionEvent.select()
        .where(SubscriptionEvent.subscription == sub.id)
        .order_by(SubscriptionEvent.id.desc())
        .first()
    )
    assert (event.from_status, event.to_status, event.reason, event.actor) == (
        "active",
        "canceled",
        "moving to a competitor",
        "admin",
    )
    assert page.current_record()["status"] == "canceled"
    assert page.reinstate_button.isEnabled() and not page.cancel_button.isEnabled()
    assert "moving to a competitor" in page.detail.toPlainText()

    answer_dialogs(lambda d: d.reason.setPlainText("changed their mind"))
    page.on_reinstate_clicked()
    assert Subscription.get_by_id(sub.id).status == "active" and Subscription.get_by_id(sub.id).auto_renew


def settlement_text(dialog) -> str:
    return dialog.findChild(QLabel, "settlement").text()


def choose_plan(name: str, texts: list[str], reason: str = "a better fit"):
    def fill(dialog):
        combo = dialog.findChild(QComboBox, "plan")
        combo.setCurrentIndex(combo.findText(name, Qt.MatchFlag.MatchContains))
        texts.append(settlement_text(dialog))
        dialog.reason.setPlainText(reason)

    return fill


def make_pending(env, sub: Subscription, waited=timedelta(hours=1)) -> None:
    Subscription.update(status="pending_renewal", pending_since=env.clock.now() - waited).where(
        Subscription.id == sub.id
    ).execute()


def test_a_subscription_waiting_for_funds_can_be_canceled_and_reinstated(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter")
    make_pending(env, sub)
    open_sub(page, sub.id)
    assert page.current_record()["status"] == "pending_renewal"
    assert page.cancel_button.isEnabled() and not page.reinstate_button.isEnabled()
    assert not page.change_plan_button.isEnabled()

    shown = answer_dialogs(lambda d: d.reason.setPlainText("asked to stop"))
    page.on_cancel_clicked()
    deadline = env.clock.now() - timedelta(hours=1) + timedelta(days=3)  # starter: 3 grace days
    summary = shown[0].summary.text()
    assert "a later top-up no longer renews it" in summary
    assert f"ends at the grace deadline on {deadline:%Y-%m-%d %H:%M}" in summary
    assert Subscription.get_by_id(sub.id).status == "canceled"
    assert page.current_record()["status"] == "canceled"
    assert page.reinstate_button.isEnabled() and not page.cancel_button.isEnabled()

    shown = answer_dialogs(lambda d: d.reason.setPlainText("found the money"))
    page.on_reinstate_clicked()
    assert "goes back to waiting for funds" in shown[-1].summary.text()
    assert Subscription.get_by_id(sub.id).status == "pending_renewal"
    assert page.current_record()["status"] == "pending_renewal" and page.cancel_button.isEnabled()


def test_reinstate_is_refused_once_the_grace_deadline_of_a_canceled_wait_has_passed(make_page):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter")
    make_pending(env, sub, waited=timedelta(days=2))
    env.core.subscriptions.cancel(env.ctx.actor, sub.id, "asked to stop")
    open_sub(page, sub.id)
    assert page.reinstate_button.isEnabled()
    env.clock.advance(days=1, minutes=1)
    page.refresh()
    assert page.current_record()["id"] == sub.id
    assert not page.reinstate_button.isEnabled() and "grace days have passed" in page.reinstate_button.toolTip()


def test_change_plan_shows_the_services_preview_and_moves_that_money(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter", rich=True)
    env.core.features.record_usage(env.ctx.actor, sub.id, "sms", 10)
    open_sub(page, sub.id)
    before = Wallet.get_by_id(sub.wallet_id).balance_minor
    terms = env.core.subscriptions.preview_plan_change(sub.id, "weekly")
    # A weekly plan for the rest of a monthly period costs its weekly rate: more than the monthly credit.
    assert terms.credit_minor > 0 and terms.usage_minor == 50 and terms.net_minor > 0
    texts = []
    answer_dialogs(choose_plan("Weekly", texts, "wants weekly billing"))
    page.on_change_plan_clicked()
    shown = texts[0]
    assert f"Credit for the unused part of starter: {cash(terms.credit_minor)}" in shown
    assert f"against invoice {terms.credited_invoice}" in shown
    assert f"weekly for the rest of the period: {cash(terms.charge_minor)}" in shown
    assert f"Usage so far, billed now under starter: {cash(terms.usage_minor)}" in shown
    assert f"Net for the plans: {cash(terms.net_minor)} taken from the wallet" in shown
    assert f"The wallet holds {cash(before)}: it covers the change." in shown

    assert Subscription.get_by_id(sub.id).plan.code == "weekly"
    kinds = [
        e.kind
        for e in LedgerEntry.select()
        .where(LedgerEntry.wallet == sub.wallet_id)
        .order_by(LedgerEntry.id.desc())
        .limit(3)
    ]
    assert sorted(kinds) == ["credit", "proration", "usage"]
    after = before + terms.credit_minor - terms.charge_minor - terms.usage_minor
    assert Wallet.get_by_id(sub.wallet_id).balance_minor == after
    assert page.current_record()["plan_code"] == "weekly"


def test_change_plan_preview_follows_the_chosen_plan(make_page, answer_dialogs, monkeypatch):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter", rich=True)
    open_sub(page, sub.id)
    real = env.core.subscriptions.preview_plan_change
    asked, seen = [], []

    def counted(subscription_id, code):
        asked.append(code)
        return real(subscription_id, code)

    def fill(dialog):  # no reason given: the dialog stays unconfirmed
        combo = dialog.findChild(QComboBox, "plan")
        for name in ("Team", "Weekly"):
            combo.setCurrentIndex(combo.findText(name, Qt.MatchFlag.MatchContains))
            seen.append((combo.currentData()["code"], settlement_text(dialog)))

    monkeypatch.setattr(env.core.subscriptions, "preview_plan_change", counted)
    answer_dialogs(fill)
    page.on_change_plan_clicked()
    assert asked[1:] == ["team", "weekly"]  # the first is the plan the dialog opens on
    for code, text in seen:
        terms = real(sub.id, code)
        assert f"{code} for the rest of the period: {cash(terms.charge_minor)}" in text
    assert Subscription.get_by_id(sub.id).plan_id == sub.plan_id


def cash(minor: int) -> str:
    return f"${minor / 100:,.2f}"


def test_change_plan_the_wallet_cannot_pay_is_refused_in_the_form(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    # An active subscription on an empty wallet whose credit does not pay for the rest of a year of Pro annual.
    sub = next(
        s
        for s in Subscription.select()
        .join(Wallet)
        .where((Subscription.status == "active") & (Wallet.balance_minor == 0))
        .order_by(Subscription.id)
        if s.plan.code != "annual" and not env.core.subscriptions.preview_plan_change(s.id, "annual").covered
    )
    open_sub(page, sub.id)

    def fill(dialog):
        combo = dialog.findChild(QComboBox, "plan")
        combo.setCurrentIndex(combo.findText("Pro annual", Qt.MatchFlag.MatchContains))
        dialog.reason.setPlainText("upgrade")

    shown = answer_dialogs(fill)
    page.on_change_plan_clicked()
    assert "it does not cover the change; top it up first" in settlement_text(shown[0])
    assert "top it up first" in shown[0].error.text()
    assert Subscription.get_by_id(sub.id).plan_id == sub.plan_id


def test_a_plan_change_the_service_refuses_is_said_in_the_preview(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter", rich=True)
    env.core.subscriptions.subscribe(env.ctx.actor, sub.customer_id, "weekly")
    open_sub(page, sub.id)
    shown = answer_dialogs(choose_plan("Weekly", []))
    page.on_change_plan_clicked()
    assert settlement_text(shown[0]).startswith("This plan cannot be chosen: ")
    assert "already has an open subscription to weekly" in settlement_text(shown[0])
    assert "already has an open subscription" in shown[0].error.text()
    assert Subscription.get_by_id(sub.id).plan_id == sub.plan_id


def test_record_usage_counts_and_a_refusal_shows_its_reason(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter")
    open_sub(page, sub.id)
    messages = status_messages(page)

    def choose(quantity):
        def fill(dialog):
            combo = dialog.findChild(QComboBox, "feature")
            combo.setCurrentIndex(combo.findText("(api_calls)", Qt.MatchFlag.MatchContains))
            dialog.findChild(QSpinBox, "quantity").setValue(quantity)

        return fill

    used = (
        UsageCounter.select(UsageCounter.used)
        .where((UsageCounter.subscription == sub.id) & (UsageCounter.period_start == sub.period_start))
        .scalar()
        or 0
    )
    answer_dialogs(choose(5))
    page.on_usage_clicked()
    assert (
        UsageCounter.get((UsageCounter.subscription == sub.id) & (UsageCounter.period_start == sub.period_start)).used
        == used + 5
    )
    assert f"{used + 5:,} used this period" in messages[-1]

    records = UsageRecord.select().count()
    answer_dialogs(choose(5000))
    page.on_usage_clicked()
    box = page.findChild(QMessageBox, "errorBox")
    assert box is not None and box.text().startswith("Quota of 1,000 calls used up")
    assert UsageRecord.select().count() == records

    def sms(dialog):
        combo = dialog.findChild(QComboBox, "feature")
        combo.setCurrentIndex(combo.findText("(sms)", Qt.MatchFlag.MatchContains))
        dialog.findChild(QSpinBox, "quantity").setValue(10)

    answer_dialogs(sms)
    page.on_usage_clicked()
    assert "$0.50 to charge at renewal" in messages[-1]
    assert "Charge so far" in page.detail.toPlainText()


def test_usage_on_a_subscription_waiting_for_funds_is_refused(make_page, answer_dialogs):
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter")
    Subscription.update(status="pending_renewal", pending_since=env.clock.now()).where(
        Subscription.id == sub.id
    ).execute()
    open_sub(page, sub.id)
    answer_dialogs(lambda d: d.findChild(QSpinBox, "quantity").setValue(1))
    page.on_usage_clicked()
    assert "renewal pending" in page.findChild(QMessageBox, "errorBox").text()
    assert UsageRecord.select().count() == 0


def test_viewer_sees_every_action_disabled_with_a_reason(make_page):
    env = make_page(SubscriptionsPage, role="viewer")
    page = env.page
    open_sub(page, first_sub("canceled").id)
    for button in (page.cancel_button, page.reinstate_button, page.change_plan_button, page.usage_button):
        assert not button.isEnabled() and "viewer" in button.toolTip()


def test_open_subject_clears_filters_and_selects(make_page):
    env = make_page(SubscriptionsPage)
    page = env.page
    page.status_filter.setCurrentIndex(page.status_filter.findData("expired"))
    assert page.model.rowCount() == 0
    open_sub(page, 17)
    assert page.status_filter.currentIndex() == 0 and page.search.text() == "#17"
    assert not page.open_subject("wallet", 17)


def test_the_change_plan_dialog_grows_to_show_the_whole_settlement(make_page, qtbot, monkeypatch):
    """A longer preview (another plan, usage to bill) makes the dialog taller, never cuts the text off."""
    env = make_page(SubscriptionsPage)
    page = env.page
    sub = first_sub("active", plan="starter", rich=True)
    open_sub(page, sub.id)
    checked = []

    def show_and_check(dialog):
        dialog.show()
        label = dialog.findChild(QLabel, "settlement")
        long_text = "\n".join(["A long settlement line that has to wrap inside the dialog at its width. " * 4] * 8)
        label.findChild(PlanChangePreview).show_text(long_text)
        qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
        checked.append(dialog.height())
        return 0

    monkeypatch.setattr(ConfirmDialog, "exec", show_and_check)
    page.on_change_plan_clicked()
    assert checked
