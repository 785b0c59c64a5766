"""The forms of the plans page; each checks its input before anything is written."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from services.catalogue import MAX_RATE_WINDOW_SECONDS, FeatureInfo, PlanFeatureInfo, units, window_text
from services.errors import ValidationError
from services.money import format_minor, parse_amount
from services.pricing import (
    MAX_UNITS,
    PRICING_MODELS,
    PriceTerms,
    Tier,
    parse_tiers,
    usage_charge_minor,
    validate_terms,
)
from ui.errors import describe
from ui.formatting import money_text, number_text
from ui.pages.plans_models import pricing_summary
from ui.pages.words import feature_type_text

CODE = re.compile(r"^[a-z0-9_-]{2,64}$")
_TIER = re.compile(r"^\s*(\*|[0-9][0-9_]*)\s*:\s*([0-9][0-9_]*)\s*$")


# The checks below take the caller's tr (PlansPage.tr or PlanFeatureForm.tr); their strings are marked
# in that caller's context so lupdate files them where the lookup happens.


def check_code(text: str, tr) -> str:
    text = text.strip()
    if not CODE.match(text):
        raise ValidationError(
            tr(QT_TRANSLATE_NOOP("PlansPage", "The code must be 2–64 lowercase letters, digits, '-' or '_'."))
        )
    return text


def parse_count(text: str, what: str, tr, low: int = 0, high: int = MAX_UNITS) -> int:
    raw = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not raw.isdigit():
        raise ValidationError(tr(QT_TRANSLATE_NOOP("PlanFeatureForm", "%s must be a whole number.")) % what)
    value = int(raw)
    if not low <= value <= high:
        raise ValidationError(
            tr(QT_TRANSLATE_NOOP("PlanFeatureForm", "%s must lie between %s and %s."))
            % (what, number_text(low), number_text(high))
        )
    return value


def parse_tier_text(text: str, tr) -> tuple[Tier, ...]:
    """'1000:4, 10000:3, *:2' -> ((1000, 4), (10000, 3), (None, 2)); prices in minor units."""
    pairs = []
    parts = [p for p in re.split(r"[,;\n]", text) if p.strip()]
    for position, part in enumerate(parts, start=1):
        match = _TIER.match(part)
        if match is None:
            raise ValidationError(
                tr(
                    QT_TRANSLATE_NOOP(
                        "PlanFeatureForm",
                        "Tier %d (%s): write each tier as up_to:unit price, like 1000:4, and the last one as *:2.",
                    )
                )
                % (position, part.strip()[:30])
            )
        up_to = None if match.group(1) == "*" else int(match.group(1).replace("_", ""))
        pairs.append([up_to, int(match.group(2).replace("_", ""))])
    return parse_tiers(pairs)


def tiers_text(tiers) -> str:
    return ", ".join(f"{'*' if up_to is None else up_to}:{price}" for up_to, price in tiers)


class PlanFeatureValues(NamedTuple):
    """How a plan grants a feature, as ``FeatureService.set_plan_feature`` takes it (``_asdict()``)."""

    enabled: bool
    quota: int | None = None
    rate_limit: int | None = None
    rate_window_seconds: int | None = None
    included: int = 0
    pricing: str = "none"
    unit_price_minor: int = 0
    tiers: list[list[int | None]] | None = None
    package_size: int | None = None
    package_price_minor: int = 0


class PlanFeatureForm(QObject):
    """How one plan grants one feature: limits and usage pricing, with a live preview.

    Its rows go into the dialog's own form (``rows()``), which it then manages
    (``attach``): rows that do not apply to the feature type or pricing model hide.
    """

    def __init__(
        self,
        features: list[FeatureInfo],
        granted: dict[str, PlanFeatureInfo],
        currency: str,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.currency, self.granted = currency, granted
        self.layout_: QFormLayout | None = None
        self.feature = QComboBox()
        self.feature.setObjectName("feature")
        for info in features:
            mark = self.tr(" — on this plan") if info.code in granted else ""
            self.feature.addItem(f"{info.name} ({info.code}, {feature_type_text(info.type)}){mark}", info)
        self.enabled = QCheckBox(self.tr("Enabled"))
        self.enabled.setObjectName("enabled")
        self.quota, self.rate_limit, self.included = QLineEdit(), QLineEdit(), QLineEdit()
        self.window = QSpinBox()
        self.window.setRange(1, MAX_RATE_WINDOW_SECONDS)
        self.window.setSuffix(self.tr(" s"))
        self.pricing = QComboBox()
        labels = {
            "none": self.tr("none (not charged)"),
            "flat": self.tr("flat (a price per unit)"),
            "tiered": self.tr("tiered (each unit at its tier's price)"),
            "volume": self.tr("volume (all units at the tier reached)"),
            "package": self.tr("package (a price per started package)"),
        }
        for model in PRICING_MODELS:
            self.pricing.addItem(labels.get(model, model), model)
        self.unit_price, self.tiers = QLineEdit(), QLineEdit()
        self.package_size, self.package_price = QLineEdit(), QLineEdit()
        self.tiers.setPlaceholderText("1000:4, 10000:3, *:2")
        self.tiers.setToolTip(self.tr("up_to:unit price in minor units, in order; * is the open-ended last tier"))
        self.unit_price.setPlaceholderText(self.tr("5 = %s") % money_text(5, currency))
        self.package_price.setPlaceholderText("2.00")
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)  # a refusal may quote the value typed
        self.preview.setWordWrap(True)
        for name in (
            "quota",
            "rate_limit",
            "window",
            "pricing",
            "included",
            "unit_price",
            "tiers",
            "package_size",
            "package_price",
        ):
            getattr(self, name).setObjectName(name)

        minor = self.tr("minor units")
        self._rows = [
            (self.tr("Feature"), self.feature),
            ("", self.enabled),
            (self.tr("Quota per period"), self.quota),
            (self.tr("Rate limit"), self.rate_limit),
            (self.tr("Rate window"), self.window),
            (self.tr("Pricing"), self.pricing),
            (self.tr("Included units"), self.included),
            (self.tr("Unit price (%s)") % minor, self.unit_price),
            (self.tr("Tiers (%s)") % minor, self.tiers),
            (self.tr("Package size"), self.package_size),
            (self.tr("Package price (%s)") % currency, self.package_price),
            (self.tr("Preview"), self.preview),
        ]

        self.feature.currentIndexChanged.connect(self.on_feature_changed)
        self.pricing.currentIndexChanged.connect(self.on_input_changed)
        for edit in (
            self.quota,
            self.rate_limit,
            self.included,
            self.unit_price,
            self.tiers,
            self.package_size,
            self.package_price,
        ):
            edit.textChanged.connect(self.on_input_changed)
        self.window.valueChanged.connect(self.on_input_changed)
        self.on_feature_changed()

    def rows(self) -> list[tuple[str, QWidget]]:
        return list(self._rows)

    def attach(self, layout: QFormLayout) -> None:
        """Manage the rows once they sit in ``layout``."""
        self.layout_ = layout
        self.on_input_changed()

    def select_feature(self, code: str) -> None:
        for index in range(self.feature.count()):
            if self.feature.itemData(index).code == code:
                self.feature.setCurrentIndex(index)

    @Slot()
    def on_feature_changed(self) -> None:
        info = self.feature.currentData()
        existing = self.granted.get(info.code) if info else None
        terms = existing.terms if existing else PriceTerms("none")
        self.enabled.setChecked(existing.enabled if existing else True)
        self.quota.setText("" if not existing or existing.quota is None else str(existing.quota))
        self.rate_limit.setText("" if not existing or existing.rate_limit is None else str(existing.rate_limit))
        self.window.setValue(existing.rate_window_seconds if existing and existing.rate_window_seconds else 3600)
        self.included.setText(str(terms.included) if terms.included else "0")
        self.pricing.setCurrentIndex(self.pricing.findData(terms.pricing))
        self.unit_price.setText(str(terms.unit_price_minor) if terms.unit_price_minor else "")
        self.tiers.setText(tiers_text(terms.tiers))
        self.package_size.setText(str(terms.package_size) if terms.package_size else "")
        self.package_price.setText(
            format_minor(terms.package_price_minor, self.currency) if terms.package_price_minor else ""
        )
        self.on_input_changed()

    @Slot()
    def on_input_changed(self, *_args) -> None:
        info = self.feature.currentData()
        kind, pricing = (info.type if info else "boolean"), self.pricing.currentData()
        priced = kind != "boolean"
        rows = {
            self.quota: kind == "quota",
            self.rate_limit: kind == "rate",
            self.window: kind == "rate",
            self.pricing: priced,
            self.included: priced and kind != "quota",
            self.unit_price: priced and pricing == "flat",
            self.tiers: priced and pricing in ("tiered", "volume"),
            self.package_size: priced and pricing == "package",
            self.package_price: priced and pricing == "package",
        }
        if self.layout_ is not None:
            for widget, visible in rows.items():
                self.layout_.setRowVisible(widget, visible)
        try:
            values = self.values()
        except ValidationError as error:
            self.preview.setStyleSheet("color: #c62828;")
            self.preview.setText(describe(error))
            return
        self.preview.setStyleSheet("")
        self.preview.setText(self.describe(values, info))

    def describe(self, values: PlanFeatureValues, info: FeatureInfo) -> str:
        parts = []
        if info.type == "quota":
            parts.append(self.tr("%s per period") % units(values.quota or 0, info.unit))
        if info.type == "rate":
            parts.append(
                self.tr("%s per %s")
                % (units(values.rate_limit or 0, info.unit), window_text(values.rate_window_seconds or 0))
            )
        if info.type == "boolean":
            parts.append(self.tr("on/off, nothing to meter"))
        else:
            included = values.quota if info.type == "quota" and values.pricing != "none" else values.included
            terms = PriceTerms(
                values.pricing,
                included or 0,
                values.unit_price_minor,
                parse_tiers(values.tiers),
                values.package_size,
                values.package_price_minor,
            )
            parts.append(pricing_summary(terms, self.currency, info.unit))
            if terms.pricing != "none":
                sample = (included or 0) + 2500
                parts.append(
                    self.tr("%s in a period cost %s")
                    % (
                        units(sample, info.unit),
                        money_text(usage_charge_minor(terms, sample), self.currency),
                    )
                )
        if not values.enabled:
            parts.append(self.tr("turned off"))
        return "\n".join(parts)

    def values(self) -> PlanFeatureValues:
        """What FeatureService.set_plan_feature is asked to set; raises ValidationError on bad input."""
        info = self.feature.currentData()
        if info is None:
            raise ValidationError(self.tr("Choose a feature."))
        kind, pricing = info.type, self.pricing.currentData()
        values = PlanFeatureValues(enabled=self.enabled.isChecked())
        if kind == "quota":
            values = values._replace(quota=parse_count(self.quota.text(), self.tr("The quota"), self.tr))
        if kind == "rate":
            values = values._replace(
                rate_limit=parse_count(self.rate_limit.text(), self.tr("The rate limit"), self.tr, low=1),
                rate_window_seconds=self.window.value(),
            )
        if kind != "boolean":
            values = values._replace(pricing=pricing)
            if kind != "quota":
                values = values._replace(
                    included=parse_count(self.included.text() or "0", self.tr("Included units"), self.tr)
                )
            tiers: tuple[Tier, ...] = ()
            if pricing == "flat":
                values = values._replace(
                    unit_price_minor=parse_count(self.unit_price.text(), self.tr("The unit price"), self.tr)
                )
            elif pricing in ("tiered", "volume"):
                tiers = parse_tier_text(self.tiers.text(), self.tr)
                values = values._replace(tiers=[list(pair) for pair in tiers])
            elif pricing == "package":
                values = values._replace(
                    package_size=parse_count(self.package_size.text(), self.tr("The package size"), self.tr, low=1),
                    package_price_minor=parse_amount(self.package_price.text(), self.currency, allow_zero=True),
                )
            validate_terms(
                PriceTerms(
                    pricing,
                    values.included,
                    values.unit_price_minor,
                    tiers,
                    values.package_size,
                    values.package_price_minor,
                )
            )
        return values
