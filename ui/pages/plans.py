"""Plans & features: the catalogue, what each plan grants and how its usage is priced."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from services.catalogue import FEATURE_TYPES, MAX_GRACE_DAYS, MAX_INTERVAL_COUNT, FeatureInfo, PlanFeatureInfo
from services.changes import Changes, Kind
from services.customers import clean_name
from services.errors import ValidationError
from services.lifecycle import INTERVAL_UNITS
from services.money import CURRENCY_EXPONENT, format_minor, parse_amount
from services.plan_detail import plan_detail
from ui.context import UiContext
from ui.formatting import number_text
from ui.pages.base import TablePage, paged_table
from ui.pages.dialogs import ConfirmDialog
from ui.pages.plans_forms import PlanFeatureForm, check_code
from ui.pages.plans_models import PlanFeaturesTableModel, PlansTableModel, render_plan
from ui.pages.words import interval_unit_text

CATALOGUE_CHANGES = Changes.of(Kind.PLAN, Kind.AUDIT)


def _named(widget, name: str):
    widget.setObjectName(name)
    return widget


FEATURE_COLUMN_MOST = 260  # a feature column widens to its text up to this


class PlansPage(TablePage[PlansTableModel]):
    settings_key = "plans"
    subject_type = "plan"
    title_text = QT_TRANSLATE_NOOP("PlansPage", "Plans & features")
    icon = QStyle.StandardPixmap.SP_FileDialogDetailedView
    shows = frozenset({Kind.PLAN, Kind.SUBSCRIPTION})
    selection_mode = QAbstractItemView.SelectionMode.SingleSelection
    column_widths = (80, 100, 75, 75, 75, 105, 55)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, PlansTableModel(ctx.runner), parent, search_placeholder=self.tr("Plan code or name"))
        self.add_filter(
            self.tr("Show"),
            [(self.tr("All plans"), None), (self.tr("Active"), True), (self.tr("Retired"), False)],
            "active",
        )
        self.new_plan_button = QPushButton(self.tr("New plan…"), self)
        self.edit_plan_button = QPushButton(self.tr("Edit plan…"), self)
        self.new_feature_button = QPushButton(self.tr("New feature…"), self)
        self.set_feature_button = QPushButton(self.tr("Set plan feature…"), self)
        for button in (self.new_plan_button, self.edit_plan_button, self.new_feature_button, self.set_feature_button):
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.new_plan_button.clicked.connect(self.on_new_plan_clicked)
        self.edit_plan_button.clicked.connect(self.on_edit_plan_clicked)
        self.new_feature_button.clicked.connect(self.on_new_feature_clicked)
        self.set_feature_button.clicked.connect(self.on_set_feature_clicked)
        self.guard(self.new_plan_button, "plan.edit")
        self.guard(self.new_feature_button, "plan.edit")

        self.features_model = PlanFeaturesTableModel(ctx.runner, self)
        panel = QWidget(self)
        self.features_title = QLabel(self.tr("Plan features"), panel)
        self.features_table = paged_table(panel, self.features_model)
        self.features_table.setObjectName("planFeatures")
        self.features_table.doubleClicked.connect(self.on_set_feature_clicked)
        self.features_model.load_failed.connect(self.show_error)
        bar = QHBoxLayout()
        bar.addWidget(self.features_title)
        bar.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.features_table, 1)
        self.stack_panel(panel, "outer_splitter")
        if not self.header_restored:  # no layout of the operator's own: the catalogue reads from A to Z
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.features_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.features_table.horizontalHeader()
        for column, width in enumerate((200, 80, 70, 90, 130, 80)):  # widened to fit a translated heading
            self.features_table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.features_model.rowsInserted.connect(self._fit_feature_columns)

        self.on_selection([])

    @Slot()
    def _fit_feature_columns(self) -> None:
        """Widen a feature column to its longest text (a translated type or pricing can be long); never narrow one."""
        header = self.features_table.horizontalHeader()
        for column in range(self.features_model.columnCount() - 1):
            wanted = min(self.features_table.sizeHintForColumn(column) + 8, FEATURE_COLUMN_MOST)
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    # --- selection ------------------------------------------------------------------

    def on_selection(self, records: list[dict]) -> None:
        plan = records[0] if len(records) == 1 else None
        for button in (self.edit_plan_button, self.set_feature_button):
            reason = self.refusal_reason("plan.edit")
            button.setEnabled(plan is not None and reason is None)
            button.setToolTip(reason or ("" if plan else self.tr("Select a plan")))
        if plan is None:
            self.features_title.setText(self.tr("Plan features"))
            self.show_hint(self.tr("Select a plan to see what it grants."))
            if self.features_model.filters.get("plan_id") is not None:
                self.features_model.set_filters(plan_id=None)
            return
        self.features_title.setText(self.tr("Features of %s") % plan["code"])
        self.features_model.set_filters(plan_id=plan["id"])
        self.load_detail(
            plan["id"], lambda: plan_detail(plan["id"]), lambda detail: self.detail.setHtml(render_plan(detail))
        )

    # --- plans --------------------------------------------------------------------------

    @Slot()
    def on_new_plan_clicked(self) -> None:
        code, name, price = _named(QLineEdit(), "code"), _named(QLineEdit(), "name"), _named(QLineEdit(), "price")
        currency, unit = _named(QComboBox(), "currency"), _named(QComboBox(), "interval_unit")
        count, grace = _named(QSpinBox(), "interval_count"), _named(QSpinBox(), "grace_days")
        in_grace = _named(QCheckBox(self.tr("Features stay on while a renewal waits for funds")), "access_in_grace")
        code.setPlaceholderText("pro-2")
        price.setPlaceholderText("29.00")
        currency.addItems(sorted(CURRENCY_EXPONENT))
        currency.setCurrentText("USD")
        for each in INTERVAL_UNITS:
            unit.addItem(interval_unit_text(each), each)
        unit.setCurrentIndex(unit.findData("month"))
        count.setRange(1, MAX_INTERVAL_COUNT["month"])
        unit.currentIndexChanged.connect(lambda _i: count.setMaximum(MAX_INTERVAL_COUNT[unit.currentData()]))
        grace.setRange(0, MAX_GRACE_DAYS)
        grace.setValue(3)
        dialog = ConfirmDialog(
            self,
            self.tr("New plan"),
            self.tr(
                "Add a plan to the catalogue. It grants no features until you set them; the code cannot change later."
            ),
            reason_required=False,
            fields=[
                (self.tr("Code"), code),
                (self.tr("Name"), name),
                (self.tr("Price"), price),
                (self.tr("Currency"), currency),
                (self.tr("Billed every"), count),
                (self.tr("Interval"), unit),
                (self.tr("Grace days"), grace),
                ("", in_grace),
            ],
            confirm_text=self.tr("Create plan"),
        )
        dialog.validator = lambda: (
            check_code(code.text(), self.tr),
            clean_name(name.text()),
            parse_amount(price.text(), currency.currentText(), allow_zero=True),
        )
        core, actor = self.ctx.core, self.ctx.actor

        def create():  # read at each submit: a refused one (a taken code) is corrected in the form
            reason = dialog.reason_text()
            args = (
                code.text().strip(),
                name.text(),
                parse_amount(price.text(), currency.currentText(), allow_zero=True),
                currency.currentText(),
                unit.currentData(),
                count.value(),
                grace.value(),
                in_grace.isChecked(),
            )
            return lambda: core.features.create_plan(actor, *args, reason=reason)

        self.submit_form(
            dialog,
            create,
            lambda info: self.select_id(info.id),
            lambda info: self.tr("Plan %s created") % info.code,
            changes=CATALOGUE_CHANGES,
        )

    @Slot()
    def on_edit_plan_clicked(self) -> None:
        plan = self.current_record()
        if plan is None:
            return
        currency = plan["currency"]
        name = _named(QLineEdit(plan["name"]), "name")
        price = _named(QLineEdit(format_minor(plan["price_minor"], currency)), "price")
        grace = _named(QSpinBox(), "grace_days")
        grace.setRange(0, MAX_GRACE_DAYS)
        grace.setValue(plan["grace_days"])
        in_grace = _named(QCheckBox(self.tr("Features stay on while a renewal waits for funds")), "access_in_grace")
        in_grace.setChecked(bool(plan["access_in_grace"]))
        active = _named(QCheckBox(self.tr("Active (takes new subscriptions)")), "active")
        active.setChecked(bool(plan["active"]))
        dialog = ConfirmDialog(
            self,
            self.tr("Edit plan"),
            self.tr(
                "Change plan %s (%s subscriber(s)). A new price applies from each subscription's next renewal; "
                "a retired plan keeps its subscribers but takes no new ones."
            )
            % (plan["code"], number_text(plan["subscribers"])),
            fields=[
                (self.tr("Name"), name),
                (self.tr("Price (%s)") % currency, price),
                (self.tr("Grace days"), grace),
                ("", in_grace),
                ("", active),
            ],
            confirm_text=self.tr("Save plan"),
        )

        def changes() -> dict:
            wanted = {
                "name": clean_name(name.text()),
                "price_minor": parse_amount(price.text(), currency, allow_zero=True),
                "grace_days": grace.value(),
                "access_in_grace": in_grace.isChecked(),
                "active": active.isChecked(),
            }
            changed = {key: value for key, value in wanted.items() if value != plan[key]}
            if not changed:
                raise ValidationError(self.tr("Nothing was changed."))
            return changed

        dialog.validator = changes
        core, actor = self.ctx.core, self.ctx.actor

        def update():
            changed, reason = changes(), dialog.reason_text()
            return lambda: core.features.update_plan(actor, plan["code"], reason=reason, **changed)

        self.submit_form(dialog, update, done_text=self.tr("Plan %s saved") % plan["code"], changes=CATALOGUE_CHANGES)

    # --- features -----------------------------------------------------------------------

    @Slot()
    def on_new_feature_clicked(self) -> None:
        code, name, kind = _named(QLineEdit(), "code"), _named(QLineEdit(), "name"), _named(QComboBox(), "type")
        unit = _named(QLineEdit("unit"), "unit")
        code.setPlaceholderText("api_calls")
        labels = {
            "boolean": self.tr("boolean (on/off)"),
            "quota": self.tr("quota (a limit per period)"),
            "rate": self.tr("rate (a limit per time window)"),
            "usage": self.tr("usage (always allowed, charged)"),
        }
        for feature_type in FEATURE_TYPES:
            kind.addItem(labels.get(feature_type, feature_type), feature_type)
        dialog = ConfirmDialog(
            self,
            self.tr("New feature"),
            self.tr("Add a feature that plans can grant. Set it on each plan afterwards."),
            reason_required=False,
            fields=[(self.tr("Code"), code), (self.tr("Name"), name), (self.tr("Type"), kind), (self.tr("Unit"), unit)],
            confirm_text=self.tr("Create feature"),
        )

        def validate():
            check_code(code.text(), self.tr)
            clean_name(name.text())
            if not 1 <= len(" ".join(unit.text().split())) <= 32:
                raise ValidationError(self.tr("The unit is 1–32 characters, like 'call' or 'GB'."))

        dialog.validator = validate
        core, actor = self.ctx.core, self.ctx.actor

        def create():
            reason, args = dialog.reason_text(), (code.text().strip(), name.text(), kind.currentData(), unit.text())
            return lambda: core.features.create_feature(actor, *args, reason=reason)

        self.submit_form(
            dialog,
            create,
            done_text=lambda info: self.tr("Feature %s created") % info.code,
            changes=CATALOGUE_CHANGES,
        )

    @Slot()
    def on_set_feature_clicked(self) -> None:
        plan = self.current_record()
        if plan is None or not self.ctx.can("plan.edit"):
            return
        rows = self.features_table.selectionModel().selectedRows()
        chosen = self.features_model.record_at(rows[0].row()) if rows else None
        core = self.ctx.core

        def load() -> tuple[list[FeatureInfo], list[PlanFeatureInfo]]:
            return core.features.list_features(), core.features.plan_features(plan["code"])

        def ask(loaded: tuple[list[FeatureInfo], list[PlanFeatureInfo]]) -> None:
            features, granted = loaded
            self._ask_plan_feature(plan, features, granted, chosen["feature_code"] if chosen else None)

        self.run_task(load, ask)

    def _ask_plan_feature(
        self, plan: dict, features: list[FeatureInfo], granted: list[PlanFeatureInfo], chosen_code: str | None
    ) -> None:
        if not features:
            self.status_message.emit(self.tr("There are no features yet; create one first."))
            return
        form = PlanFeatureForm(features, {g.feature_code: g for g in granted}, plan["currency"], self)
        if chosen_code:
            form.select_feature(chosen_code)
        dialog = ConfirmDialog(
            self,
            self.tr("Set plan feature"),
            self.tr(
                "Grant a feature on plan %s, or change its limits and usage pricing. Subscribers see the change "
                "at once; usage already recorded is priced by the new terms at the next renewal."
            )
            % plan["code"],
            fields=form.rows(),
            confirm_text=self.tr("Save"),
        )
        form.attach(dialog.form)
        dialog.validator = form.values
        core, actor = self.ctx.core, self.ctx.actor

        def save():
            reason, values, feature_code = dialog.reason_text(), form.values(), form.feature.currentData().code
            return lambda: core.features.set_plan_feature(
                actor, plan["code"], feature_code, reason=reason, **values._asdict()
            )

        self.submit_form(
            dialog,
            save,
            done_text=lambda _info: self.tr("%s on %s saved") % (form.feature.currentData().code, plan["code"]),
            changes=CATALOGUE_CHANGES,
        )
