"""Small pyqtgraph charts that follow the application's light or dark theme.

Importing this module imports pyqtgraph (and numpy), which takes longer than starting the
rest of the desk: the dashboard imports it only once its figures are on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QToolTip

from ui.formatting import day_labels, whole_number_text
from ui.plain_text import plain_tooltip

import pyqtgraph as pg  # isort: skip  (after PySide6, so pyqtgraph binds to it)

__all__ = ["DARK", "LIGHT", "CategoryChart", "ValueAxis", "dark_theme", "day_labels", "whole_number_text"]

LIGHT = {"background": "#ffffff", "axis": "#505357", "grid": 0.18}
DARK = {"background": "#17181a", "axis": "#c4c7cc", "grid": 0.28}


def dark_theme() -> bool:
    app = QApplication.instance()
    return bool(app is not None and app.property("darkTheme"))


class ValueAxis(pg.AxisItem):
    """A left axis whose tick texts come from a formatter (money, counts)."""

    def __init__(self, formatter: Callable[[float], str] | None = None, **kwargs):
        super().__init__("left", **kwargs)
        self.formatter = formatter

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - pyqtgraph override
        if self.formatter is None:
            return super().tickStrings(values, scale, spacing)
        return [self.formatter(value) for value in values]


class CategoryChart(pg.PlotWidget):
    """Values over labelled categories, drawn as bars or as a filled line.

    Pan, zoom and the context menu are off: this is a picture of numbers,
    with the exact value of a category shown on hover.
    """

    def __init__(
        self,
        parent=None,
        *,
        style: str = "bars",
        color: str = "#3d7bd9",
        value_format: Callable[[float], str] | None = None,
        axis_format: Callable[[float], str] | None = None,
    ):
        super().__init__(parent, background=None, axisItems={"left": ValueAxis(axis_format)})
        if style not in ("bars", "line"):
            raise ValueError(f"unknown chart style {style!r}")
        self.style, self.color = style, color
        self.value_format: Callable[[float], str] = value_format or whole_number_text
        self._labels: list[str] = []
        self._values: list[float] = []
        self._item = None
        plot = self.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getAxis("bottom").setHeight(26)
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=24)  # keep the newest day's label at the edge
        plot.setContentsMargins(0, 0, 18, 0)
        self.setMinimumHeight(170)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.apply_theme()

    # --- data -----------------------------------------------------------------------

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    @property
    def values(self) -> list[float]:
        return list(self._values)

    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        *,
        label_every: int = 1,
        colors: Sequence[str] | None = None,
    ) -> None:
        """Show ``values`` over ``labels``; bars may each have their own colour."""
        if len(labels) != len(values) or (colors is not None and len(colors) != len(values)):
            raise ValueError("a chart needs one value (and colour) per label")
        self._labels, self._values = list(labels), [float(v) for v in values]
        plot = self.getPlotItem()
        if self._item is not None:
            plot.removeItem(self._item)
            self._item = None
        xs = list(range(len(self._values)))
        if self.style == "bars":
            brushes = [pg.mkBrush(c) for c in colors] if colors else None
            self._item = pg.BarGraphItem(
                x=xs, height=self._values, width=0.7, brush=self.color, brushes=brushes, pen=pg.mkPen(None)
            )
        else:
            fill = pg.mkColor(self.color)
            fill.setAlpha(60)
            self._item = pg.PlotDataItem(
                xs,
                self._values,
                pen=pg.mkPen(self.color, width=2),
                fillLevel=0,
                brush=fill,
                symbol="o",
                symbolSize=4,
                symbolBrush=self.color,
                symbolPen=None,
            )
        plot.addItem(self._item)
        step = max(1, label_every)
        last = len(xs) - 1  # counted back from the newest category, so it always has its label
        ticks = [(i, label) for i, label in enumerate(self._labels) if (last - i) % step == 0]
        plot.getAxis("bottom").setTicks([ticks])
        top = max(self._values, default=0.0)
        plot.setXRange(-0.6, max(len(xs) - 0.4, 0.4), padding=0)
        plot.setYRange(0, top * 1.12 if top > 0 else 1, padding=0)

    # --- looks ------------------------------------------------------------------------

    def apply_theme(self) -> None:
        colors = DARK if dark_theme() else LIGHT
        self.setBackground(colors["background"])
        plot = self.getPlotItem()
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(colors["axis"]))
            axis.setTextPen(pg.mkPen(colors["axis"]))
        plot.showGrid(x=False, y=True, alpha=colors["grid"])

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "plotItem", None) is not None:
            self.apply_theme()
        super().changeEvent(event)

    # --- hover --------------------------------------------------------------------------

    def category_at(self, scene_pos: QPointF) -> int | None:
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        index = round(view.mapSceneToView(scene_pos).x())
        return index if 0 <= index < len(self._values) else None

    def _on_mouse_moved(self, scene_pos) -> None:
        index = self.category_at(scene_pos)
        if index is None:
            QToolTip.hideText()
            return
        text = f"{self._labels[index]}: {self.value_format(self._values[index])}"
        QToolTip.showText(QCursor.pos(), plain_tooltip(text) or "", self)
