import json

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from models.tables import AuditEntry, Feature, Plan, PlanFeature, Subscription
from services.errors import ValidationError
from ui.pages.plans import PlansPage
from ui.pages.plans_forms import parse_tier_text, tiers_text


def tr(text, *_args):
    return text


def select_plan(page, code: str) -> dict:
    for row in range(page.model.rowCount()):
        if page.model.record_at(row)["code"] == code:
            page.table.selectRow(row)
            return page.model.record_at(row)
    raise AssertionError(code)


def select_plan_feature(page, feature_code: str) -> None:
    model = page.features_model
    for row in range(model.rowCount()):
        if model.record_at(row)["feature_code"] == feature_code:
            page.features_table.selectRow(row)
            return
    raise AssertionError(feature_code)


def field(dialog, name, kind=QLineEdit):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def pick(combo: QComboBox, text: str) -> None:
    index = next(i for i in range(combo.count()) if text in combo.itemText(i))
    combo.setCurrentIndex(index)


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_models_pass_the_model_tester(make_page, qtmodeltester):
    env = make_page(PlansPage)
    page = env.page
    assert page.title == "Plans & features"
    assert [page.model.record_at(r)["code"] for r in range(page.model.rowCount())] == sorted(
        p.code for p in Plan.select()
    )
    select_plan(page, "pro")
    assert (
        page.features_model.rowCount()
        == PlanFeature.select().where(PlanFeature.plan == Plan.get(Plan.code == "pro").id).count()
    )
    qtmodeltester.check(page.features_model)
    qtmodeltester.check(page.model)


def test_plan_table_counts_open_subscribers_and_features_read_in_words(make_page):
    env = make_page(PlansPage)
    page = env.page
    record = select_plan(page, "pro")
    pro = Plan.get(Plan.code == "pro")
    assert (
        record["subscribers"]
        == Subscription.select().where((Subscription.plan == pro.id) & (Subscription.status != "expired")).count()
    )
    texts = {
        page.features_model.record_at(r)["feature_code"]: page.features_model.data(page.features_model.index(r, 6))
        for r in range(page.features_model.rowCount())
    }
    assert texts["sms"] == "tiered: up to 1,000 at $0.04, up to 10,000 at $0.03, then $0.02"
    assert texts["api_calls"].startswith("$2.00 per started package of 1,000 calls")
    assert texts["priority_support"] == ""
    assert "Pro (pro)" in page.detail.toPlainText() and "active" in page.detail.toPlainText()


def test_tier_text_parses_and_round_trips():
    assert parse_tier_text("1000:4, 10000:3, *:2", tr) == ((1000, 4), (10000, 3), (None, 2))
    assert tiers_text(((1000, 4), (None, 2))) == "1000:4, *:2"
    for bad in ("1000-4", "abc:3, *:1", "10:1.5, *:1"):
        with pytest.raises(ValidationError, match="Tier 1"):
            parse_tier_text(bad, tr)


@pytest.mark.parametrize("role", ["operator", "viewer"])
def test_non_admins_see_the_catalogue_read_only(make_page, role):
    env = make_page(PlansPage, role=role)
    page = env.page
    select_plan(page, "starter")
    assert page.features_model.rowCount() > 0
    for button in (page.new_plan_button, page.edit_plan_button, page.new_feature_button, page.set_feature_button):
        assert not button.isEnabled() and role in button.toolTip()
    assert page.role_notice.isVisible() and role in page.role_notice.text()


def test_new_plan_is_validated_in_the_form_then_created(make_page, answer_dialogs):
    env = make_page(PlansPage)
    page = env.page

    def fill(code, price):
        def apply(dialog):
            field(dialog, "code").setText(code)
            field(dialog, "name").setText("Pro plus")
            field(dialog, "price").setText(price)
            field(dialog, "interval_unit", QComboBox).setCurrentText("year")
            field(dialog, "grace_days", QSpinBox).setValue(10)
            field(dialog, "access_in_grace", QCheckBox).setChecked(True)

        return apply

    shown = answer_dialogs(fill("Pro Plus", "49.00"))
    page.on_new_plan_clicked()
    assert "lowercase" in shown[-1].error.text()
    shown = answer_dialogs(fill("pro-plus", "49.001"))
    page.on_new_plan_clicked()
    assert "decimal places" in shown[-1].error.text()
    assert not Plan.select().where(Plan.code == "pro-plus").exists()

    answer_dialogs(fill("pro-plus", "49.00"))
    page.on_new_plan_clicked()
    plan = Plan.get(Plan.code == "pro-plus")
    assert (plan.price_minor, plan.interval_unit, plan.grace_days, plan.access_in_grace) == (4900, "year", 10, True)
    assert page.current_record()["code"] == "pro-plus"


def test_edit_plan_sends_only_what_changed_and_needs_a_reason(make_page, answer_dialogs):
    env = make_page(PlansPage)
    page = env.page
    select_plan(page, "starter")
    shown = answer_dialogs(lambda d: d.reason.setPlainText("no change"))
    page.on_edit_plan_clicked()
    assert "Nothing was changed" in shown[-1].error.text()
    shown = answer_dialogs(lambda d: field(d, "price").setText("12.00"))
    page.on_edit_plan_clicked()
    assert "reason" in shown[-1].error.text()
    assert Plan.get(Plan.code == "starter").price_minor == 900

    def fill(dialog):
        field(dialog, "price").setText("12.00")
        field(dialog, "active", QCheckBox).setChecked(False)
        dialog.reason.setPlainText("price review")

    answer_dialogs(fill)
    page.on_edit_plan_clicked()
    plan = Plan.get(Plan.code == "starter")
    assert (plan.price_minor, plan.active, plan.name) == (1200, False, "Starter")
    audit = AuditEntry.get(AuditEntry.action == "plan.edit")
    assert set(json.loads(audit.after)) == {"price_minor", "active"} and audit.reason == "price review"
    assert page.current_record()["active"] is False


def test_new_feature(make_page, answer_dialogs):
    env = make_page(PlansPage)
    page = env.page

    def fill(dialog):
        field(dialog, "code").setText("webhooks")
        field(dialog, "name").setText("Webhooks")
        choose(field(dialog, "type", QComboBox), "rate")
        field(dialog, "unit").setText("")

    shown = answer_dialogs(fill)
    page.on_new_feature_clicked()
    assert "unit" in shown[-1].error.text() and not Feature.select().where(Feature.code == "webhooks").exists()
    answer_dialogs(lambda d: (fill(d), field(d, "unit").setText("call")))
    page.on_new_feature_clicked()
    assert Feature.get(Feature.code == "webhooks").type == "rate"


def test_a_bad_tier_list_is_refused_in_the_form_before_anything_is_written(make_page, answer_dialogs):
    env = make_page(PlansPage)
    page = env.page
    select_plan(page, "pro")
    select_plan_feature(page, "sms")
    before = PlanFeature.select(PlanFeature.tiers).join(Feature).where(Feature.code == "sms").tuples()[:]
    previews = []

    def fill(text):
        def apply(dialog):
            assert field(dialog, "feature", QComboBox).currentData().code == "sms"
            assert field(dialog, "tiers").text() == "1000:4, 10000:3, *:2"
            field(dialog, "tiers").setText(text)
            previews.append(field(dialog, "preview", QLabel).text())
            dialog.reason.setPlainText("new prices")

        return apply

    shown = answer_dialogs(fill("1000:4, 500:3, *:2"))
    page.on_set_feature_clicked()
    assert "strictly increase" in shown[-1].error.text() and "strictly increase" in previews[0]
    shown = answer_dialogs(fill("1000:4, 10000:3"))
    page.on_set_feature_clicked()
    assert "open-ended" in shown[-1].error.text()
    shown = answer_dialogs(fill("1000:4; lots"))
    page.on_set_feature_clicked()
    assert "Tier 2" in shown[-1].error.text()
    after = PlanFeature.select(PlanFeature.tiers).join(Feature).where(Feature.code == "sms").tuples()[:]
    assert after == before
    assert not AuditEntry.select().where(AuditEntry.action == "plan.feature").exists()


def test_set_plan_feature_saves_tiers_and_packages(make_page, answer_dialogs):
    env = make_page(PlansPage)
    page = env.page
    select_plan(page, "starter")
    starter = Plan.get(Plan.code == "starter")
    previews = []

    def fill(dialog):
        pick(field(dialog, "feature", QComboBox), "(storage_gb")
        choose(field(dialog, "pricing", QComboBox), "volume")
        field(dialog, "included").setText("10")
        field(dialog, "tiers").setText("100:20, *:10")
        previews.append(field(dialog, "preview", QLabel).text())
        dialog.reason.setPlainText("storage for starter")

    answer_dialogs(fill)
    page.on_set_feature_clicked()
    row = PlanFeature.get((PlanFeature.plan == starter.id) & (PlanFeature.feature == Feature.get(code="storage_gb")))
    assert (row.pricing, row.included, json.loads(row.tiers)) == ("volume", 10, [[100, 20], [None, 10]])
    assert "volume: up to 100 at $0.20, then $0.10" in previews[0]
    assert "storage_gb" in [
        page.features_model.record_at(r)["feature_code"] for r in range(page.features_model.rowCount())
    ]

    def package(dialog):
        pick(field(dialog, "feature", QComboBox), "(api_calls")
        assert field(dialog, "quota").isVisibleTo(dialog) and not field(dialog, "included").isVisibleTo(dialog)
        field(dialog, "quota").setText("2,000")
        choose(field(dialog, "pricing", QComboBox), "package")
        field(dialog, "package_size").setText("500")
        field(dialog, "package_price").setText("1.50")
        dialog.reason.setPlainText("overage instead of a hard stop")

    answer_dialogs(package)
    page.on_set_feature_clicked()
    row = PlanFeature.get((PlanFeature.plan == starter.id) & (PlanFeature.feature == Feature.get(code="api_calls")))
    assert (row.quota, row.included, row.pricing, row.package_size, row.package_price_minor) == (
        2000,
        2000,
        "package",
        500,
        150,
    )


def test_set_plan_feature_refuses_a_rate_feature_without_a_limit(make_page, answer_dialogs):
    env = make_page(PlansPage)
    page = env.page
    select_plan(page, "weekly")

    def fill(dialog):
        pick(field(dialog, "feature", QComboBox), "(exports")
        assert field(dialog, "window", QSpinBox).isVisibleTo(dialog)
        assert not field(dialog, "quota").isVisibleTo(dialog)
        field(dialog, "rate_limit").setText("")
        dialog.reason.setPlainText("exports for weekly")

    shown = answer_dialogs(fill)
    page.on_set_feature_clicked()
    assert "rate limit must be a whole number" in shown[-1].error.text()
    assert PlanFeature.select().where(PlanFeature.plan == Plan.get(Plan.code == "weekly").id).count() == 1
