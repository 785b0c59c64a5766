"""Table models that page through SQL.

Sorting and filtering happen in the query, pages are read by keyset (the
sort value and the id of the last row shown) on a worker thread, and display
strings are prepared there too, so a table over a million rows opens as fast
as one over ten and the GUI thread never waits for the database.

Every sort key has an index ending in id (migration 9), so a page is a range
scan of at most a page of rows in either direction: ``jump_to_end`` reads the
last page with the order reversed, and scrolling up from there reads the page
before the first row held (``fetch_before``). The row count is asked for only
after the first page has arrived, never beside it: a first page shorter than a
page is the count; otherwise rows are counted up to ``COUNT_CAP`` and a table
holding more says so ("10,000+ rows").
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peewee import ModelSelect, Tuple
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from services.money import format_minor
from ui.plain_text import plain_tooltip
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

RecordRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
_NUMBER = re.compile(r"-?[0-9][0-9,]*(\.[0-9]+)?")
COUNT_CAP = 10_000  # rows are counted up to this many; past it a table shows "10,000+ rows"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    # What the column sorts by: a peewee expression (never NULL), or a tuple of them when the first alone
    # repeats across rows of another table (a customer's name: then the customer's id), or None.
    sort: Any = None
    numeric: bool = False
    format: Callable[[dict], str] | None = None
    export: Callable[[dict], str] | None = None  # what a CSV export writes, when not the text shown
    tooltip: Callable[[dict], str] | None = None  # what hovering shows, when not the text itself (a code)

    def text(self, record: dict) -> str:
        if self.format is not None:
            return self.format(record)
        value = record.get(self.key)
        return "" if value is None else str(value)

    @property
    def is_money(self) -> bool:
        """An amount in minor units (``*_minor``), in the currency of the row's ``currency``."""
        return self.key.endswith("_minor")

    def export_text(self, record: dict) -> str:
        """The cell of a CSV export: a money amount as a plain decimal number (2415.00), its
        currency going in a column of its own; anything else as shown."""
        if self.is_money:
            value = record.get(self.key)
            return "" if value is None else format_minor(int(value), record.get("currency") or "USD")
        return self.export(record) if self.export is not None else self.text(record)


class PagedQueryModel(QAbstractTableModel):
    """Subclasses give ``columns``, ``id_field`` and ``base_query()`` (filters applied)."""

    page_size = 200
    count_changed = Signal(int)
    loading_changed = Signal(bool)
    load_failed = Signal(object)

    columns: list[Column] = []
    id_field: Any = None

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.filters: dict[str, Any] = {}
        self._rows: list[tuple[tuple[str, ...], dict]] = []
        self._cursor: tuple | None = None
        self._head: tuple | None = None  # the key of the first row held when rows before it are not (after a jump)
        self._counted = False
        self._key_count = 1  # sort keys before the id in the order being read
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self._sort_column = self.default_sort_column()
        self._sort_order = Qt.SortOrder.DescendingOrder
        self.total = -1

    # --- what subclasses provide ------------------------------------------------

    def base_query(self) -> ModelSelect[Any]:
        raise NotImplementedError

    def default_sort_column(self) -> int:
        return 0

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        texts, record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            column = self.columns[index.column()]
            return plain_tooltip(column.tooltip(record) if column.tooltip is not None else texts[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.columns[index.column()].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == RecordRole:
            return record
        if role == IdRole:
            return record.get("id")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        # Never defer to the base class here (a PySide6 6.12.0 reference bug).
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch_page()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._rows:
            return
        self._sort_column, self._sort_order = column, order
        self.reload()

    # --- loading ------------------------------------------------------------------------

    def set_filters(self, **filters) -> None:
        self.filters.update(filters)
        self.reload()

    def reload(self) -> None:
        """From the first row of the current order; the count follows the first page."""
        self._reset()
        self._fetch_page()

    def jump_to_end(self) -> None:
        """Show the last rows of the current order at once: the last page, read with the order reversed.
        Rows before them come as the view scrolls up (``fetch_before``); ``reload`` goes back to the top.
        Nothing is read when every row of the order is held already."""
        if self.at_end and not self.has_rows_before:
            return
        self._reset()
        self._exhausted = True  # nothing comes after the last row
        self._fetch_page(backward=True)

    def can_fetch_before(self) -> bool:
        """Rows come before the first one held (after ``jump_to_end``) and none are being read."""
        return self._head is not None and not self._loading

    def fetch_before(self) -> None:
        """The page of rows before the first one held, put in front of them."""
        if self.can_fetch_before():
            self._fetch_page(backward=True)

    @property
    def has_rows_before(self) -> bool:
        """Rows of the current order come before the first one held (after ``jump_to_end``)."""
        return self._head is not None

    @property
    def at_end(self) -> bool:
        """The rows held end with the last row of the current order."""
        return self._exhausted and not self._loading

    def _reset(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows, self._cursor, self._head, self._exhausted = [], None, None, False
        self._counted = False
        # Loading already: a view asking for more rows while the reset settles must not start a second fetch.
        self._loading = True
        self.endResetModel()

    def record_at(self, row: int) -> dict | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def row_of_id(self, record_id) -> int:
        for row, (_, record) in enumerate(self._rows):
            if record.get("id") == record_id:
                return row
        return -1

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    @property
    def is_loading(self) -> bool:
        return self._loading

    def _order(self) -> tuple[Any, bool]:
        """The first sort key and whether the order is descending."""
        keys, descending = self._sort_keys()
        return keys[0], descending

    def _sort_keys(self) -> tuple[tuple[Any, ...], bool]:
        """The sort keys before the id (one, or more when the first repeats) and whether descending."""
        column = self.columns[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        keys = column.sort if column.sort is not None else self.id_field
        return (keys if isinstance(keys, tuple) else (keys,)), descending

    @staticmethod
    def _key_of(record: dict, keys: int) -> tuple:
        """A row's place in the order: its sort values, then its id."""
        values = [record["_sort_value"]] + [record[f"_sort_value_{n}"] for n in range(1, keys)]
        return (*values, record["id"])

    def complete_page(self, records: list[dict]) -> None:
        """On the worker, before a page's texts are made: add to its records what the row alone does not hold
        (the customer behind a subject, say), in a few queries for the page. Nothing by default."""

    def page_query(self, cursor: tuple | None, backward: bool = False):
        """A page after ``cursor`` (the sort value and id of the last row read) in the current order, or with
        ``backward`` the page before it, read in the reversed order (nearest row first)."""
        keys, descending = self._sort_keys()
        if backward:
            descending = not descending
        ordered = (*keys, self.id_field)
        query = self.base_query()
        if cursor is not None:
            # A row value, so both engines read the (sort keys, id) index from the cursor on.
            if descending:
                query = query.where(Tuple(*ordered) < Tuple(*cursor))
            else:
                query = query.where(Tuple(*ordered) > Tuple(*cursor))
        query = query.order_by(*(key.desc() if descending else key.asc() for key in ordered))
        aliases = ["_sort_value"] + [f"_sort_value_{n}" for n in range(1, len(keys))]
        labelled = (key.alias(alias) for key, alias in zip(keys, aliases, strict=True))
        return query.select_extend(*labelled).limit(self.page_size)

    def _fetch_page(self, backward: bool = False) -> None:
        self._loading = True
        self.loading_changed.emit(True)
        cursor = self._head if backward else self._cursor
        generation, query, columns = self._generation, self.page_query(cursor, backward), self.columns
        self._key_count = len(self._sort_keys()[0])

        def load():
            records = list(query.dicts())
            if backward:
                records.reverse()  # read nearest first; shown in the table's order
            self.complete_page(records)
            return [(tuple(c.text(record) for c in columns), record) for record in records]

        def arrived(rows: list) -> None:
            if generation != self._generation:
                return
            first = cursor is None
            if backward:
                self._on_page_before(rows, first)
            else:
                self._on_page(generation, rows)
            if first:
                self._count(generation, len(rows))

        self.runner.run(load, arrived, self._on_error)

    def _on_page(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.loading_changed.emit(False)
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            self._cursor = self._key_of(rows[-1][1], self._key_count)
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _on_page_before(self, rows: list, first: bool) -> None:
        """Rows read backwards (in the table's order by now) go in front of those held."""
        self._loading = False
        self.loading_changed.emit(False)
        head = rows[0][1] if rows else None
        self._head = self._key_of(head, self._key_count) if head is not None and len(rows) == self.page_size else None
        if first and rows:
            self._cursor = self._key_of(rows[-1][1], self._key_count)
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows[0:0] = rows
            self.endInsertRows()

    def _count(self, generation: int, first_page_rows: int) -> None:
        """After the first page (never beside it): a short page is the count; else count up to COUNT_CAP."""
        if self._counted:
            return
        self._counted = True
        if first_page_rows < self.page_size:
            self._on_count(generation, first_page_rows)
            return
        query = self.base_query().select(self.id_field).limit(COUNT_CAP + 1)

        def count() -> int:
            return query.count()

        self.runner.run(count, lambda n: self._on_count(generation, n), self._on_error)

    @property
    def total_is_floor(self) -> bool:
        """``total`` is COUNT_CAP + 1: the table holds more than COUNT_CAP rows, how many more is not counted."""
        return self.total > COUNT_CAP

    def _on_count(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.count_changed.emit(total)

    def _on_error(self, error: BaseException) -> None:
        self._loading = False
        self._exhausted = True
        self.loading_changed.emit(False)
        self.load_failed.emit(error)

    # --- export -------------------------------------------------------------------------

    def export_csv(self, path: str, on_done: Callable[[int], None], on_error: Callable[[BaseException], None]) -> None:
        """Everything the current filter shows, in the current order, written off the GUI thread."""
        keys, descending = self._sort_keys()
        query = self.base_query().order_by(*(key.desc() if descending else key.asc() for key in (*keys, self.id_field)))
        columns = self.columns
        # Money is written as numbers; the currency they are in follows the first amount.
        currency_after = next((i for i, c in enumerate(columns) if c.is_money), None)
        if any(c.key == "currency" for c in columns):
            currency_after = None  # the table shows it already
        titles = [c.title for c in columns]
        if currency_after is not None:
            titles.insert(currency_after + 1, QCoreApplication.translate("PagedQueryModel", "Currency"))

        def write() -> int:
            count = 0
            with open(path, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(titles)
                for record in query.dicts().iterator():
                    cells = [_csv_safe(c.export_text(record)) for c in columns]
                    if currency_after is not None:
                        has_amount = record.get(columns[currency_after].key) is not None
                        cells.insert(currency_after + 1, (record.get("currency") or "USD") if has_amount else "")
                    writer.writerow(cells)
                    count += 1
            return count

        self.runner.run(write, on_done, on_error)


def _csv_safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; keep them text."""
    if text and text[0] in "=+-@\t\r" and not _looks_numeric(text):
        return "'" + text
    return text


def _looks_numeric(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None
