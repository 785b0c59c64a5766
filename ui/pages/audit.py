"""The audit log: who did what to which thing, why, and what it looked like before and after."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta

from peewee import ModelSelect, fn
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt, QUrl, Slot
from PySide6.QtWidgets import QComboBox, QStyle, QWidget

from models.tables import AuditEntry
from services.changes import Kind
from services.clock import Clock
from services.subject_owners import CustomerRef, attach_customers
from services.table_queries import contains_text, distinct_values, literal, text_start
from ui.context import UiContext
from ui.customer_links import customer_anchor, follow_customer_link, open_customer
from ui.formatting import money_text, second_text
from ui.pages.base import TablePage
from ui.pages.words import action_text, field_text, job_name_text, subject_type_text
from ui.sql_model import Column, PagedQueryModel
from ui.tasks import TaskRunner

_TARGET = re.compile(r"^([A-Za-z_]{1,32})\s*#\s*(\S{1,64})$")
CHANGED_STYLE = "background-color:#fff1b8; color:#1a1a1a;"


# What each audited action did, in words; the code stays in a tooltip, the filter's data and CSV.
def _bare_target_text(record: dict) -> str:
    kind, ident = record.get("target_type"), record.get("target_id")
    if not kind and ident is None:
        return ""
    if kind == "job" and ident is not None:
        return f"{subject_type_text(kind)} «{job_name_text(str(ident))}»"
    return f"{subject_type_text(kind or '')} #{ident}" if ident is not None else subject_type_text(str(kind))


def _target_text(record: dict) -> str:
    """The target as its customer's name where one is behind it ("Omar Tanaka · wallet #490")."""
    name = record.get("customer_name")
    if name:
        return name if record.get("target_type") == "customer" else f"{name} · {_bare_target_text(record)}"
    return _bare_target_text(record)


def _target_html(record: dict) -> str:
    """The target for the detail pane: the customer's name linking to their page, then what it is."""
    name, customer_id = record.get("customer_name"), record.get("customer_id")
    if not (name and customer_id):
        return html.escape(_bare_target_text(record))
    who = customer_anchor(CustomerRef(int(customer_id), name))
    return who if record.get("target_type") == "customer" else f"{who} · {html.escape(_bare_target_text(record))}"


class AuditTableModel(PagedQueryModel):
    """Newest first; filters: actor, action, since (seconds back from now, 0 for all), search."""

    id_field = AuditEntry.id

    def __init__(self, runner: TaskRunner, clock: Clock, parent: QObject | None = None):
        self.clock = clock
        self.columns = [
            Column(
                "created_at",
                self.tr("Time"),
                AuditEntry.created_at,
                format=lambda r: second_text(r["created_at"]),
            ),
            Column("actor", self.tr("Actor"), AuditEntry.actor),
            Column(
                "action",
                self.tr("Action"),
                AuditEntry.action,
                format=lambda r: action_text(r["action"]),
                export=lambda r: r["action"],
                tooltip=lambda r: code_tooltip(r["action"]),
            ),
            Column(
                "target",
                self.tr("Target"),
                fn.COALESCE(AuditEntry.target_type, literal("")),
                format=_target_text,
                export=_bare_target_text,
                tooltip=_bare_target_text,
            ),
            Column(
                "reason",
                self.tr("Reason"),
                text_start(fn.COALESCE(AuditEntry.reason, literal(""))),
                format=lambda r: " ".join((r.get("reason") or "").split())[:300],
            ),
        ]
        super().__init__(runner, parent)

    def complete_page(self, records: list[dict]) -> None:
        """The customer behind each entry's target, for the rows of this page only."""
        attach_customers(records, "target_type", "target_id")

    def base_query(self) -> ModelSelect[AuditEntry]:
        query = AuditEntry.select()
        if self.filters.get("actor"):
            query = query.where(AuditEntry.actor == self.filters["actor"])
        if self.filters.get("action"):
            query = query.where(AuditEntry.action == self.filters["action"])
        since = self.filters.get("since") or 0
        if since:
            query = query.where(AuditEntry.created_at >= self.clock.now() - timedelta(seconds=int(since)))
        text = (self.filters.get("search") or "").strip()
        if text:
            match = _TARGET.match(text)
            if match:
                query = query.where(
                    (AuditEntry.target_type == match.group(1).lower()) & (AuditEntry.target_id == match.group(2))
                )
            else:
                needle = text.lstrip("#").strip() or text
                condition = contains_text(AuditEntry.reason, text)
                if needle.isdigit():
                    condition = condition | (AuditEntry.target_id == needle)
                else:
                    condition = condition | contains_text(AuditEntry.target_id, needle)
                query = query.where(condition)
        return query


def code_tooltip(code: str) -> str:
    """The code an action is stored under, for whoever searches logs or filters the CSV."""
    return QCoreApplication.translate("AuditPage", "Stored as «%1»").replace("%1", code)


def _parse(text: str | None):
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _pretty(value, key: str = "", currency: str = "USD") -> str:
    if value is None:
        return "—"
    if key.endswith("_minor") and isinstance(value, int) and not isinstance(value, bool):
        return money_text(value, currency)  # money as money; the field name says it
    if isinstance(value, bool):
        yes, no = QCoreApplication.translate("AuditPage", "yes"), QCoreApplication.translate("AuditPage", "no")
        return yes if value else no
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(each, int | str) for each in value):
        return ", ".join(map(str, value))  # ids, as "3, 7, 12"
    return json.dumps(value, indent=1, sort_keys=True, default=str)


def _currency(*sides) -> str:
    for side in sides:
        if isinstance(side, dict) and isinstance(side.get("currency"), str):
            return side["currency"]
    return "USD"


def changed_keys(before, after) -> list[str]:
    """Keys whose value differs between two JSON objects (all keys when one side is missing)."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    return sorted(k for k in set(before) | set(after) if before.get(k, _MISSING) != after.get(k, _MISSING))


_MISSING = object()


def render_entry(record: dict, tr) -> str:
    """The detail pane; ``tr`` is AuditPage.tr, so its strings are marked in that context."""
    esc = html.escape
    before, after = _parse(record.get("before")), _parse(record.get("after"))
    by = tr(QT_TRANSLATE_NOOP("AuditPage", "by"))
    parts = [
        f"<h3>{esc(action_text(record['action']))}</h3>",
        f"<p>{_target_html(record) or '—'} · {by} <b>{esc(record['actor'])}</b> · "
        f"{second_text(record['created_at'])}</p>",
    ]
    if record.get("reason"):
        reason = tr(QT_TRANSLATE_NOOP("AuditPage", "Reason"))
        parts.append(f"<p><i>{reason}:</i> {esc(record['reason'])}</p>")
    if before is None and after is None:
        nothing = tr(QT_TRANSLATE_NOOP("AuditPage", "No before/after recorded."))
        parts.append(f"<p style='color:gray'>{nothing}</p>")
        return "".join(parts)
    headings = "".join(
        f"<th>{tr(text)}</th>"
        for text in (
            QT_TRANSLATE_NOOP("AuditPage", "Field"),
            QT_TRANSLATE_NOOP("AuditPage", "Before"),
            QT_TRANSLATE_NOOP("AuditPage", "After"),
        )
    )
    parts.append(
        "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse' width='100%'>"
        f"<tr>{headings}</tr>"
    )
    if isinstance(before, dict | type(None)) and isinstance(after, dict | type(None)):
        changed = set(changed_keys(before, after))
        currency = _currency(after, before)
        for key in sorted(set(before or {}) | set(after or {})):
            style = CHANGED_STYLE if key in changed else ""
            old = _pretty(before.get(key), key, currency) if before and key in before else ""
            new = _pretty(after.get(key), key, currency) if after and key in after else ""
            marker = " ●" if key in changed else ""
            parts.append(
                f"<tr style='{style}'><td><b>{esc(field_text(key))}</b>{marker}</td>"
                f"<td><pre style='margin:0'>{esc(old)}</pre></td>"
                f"<td><pre style='margin:0'>{esc(new)}</pre></td></tr>"
            )
    else:
        style = CHANGED_STYLE if before != after else ""
        parts.append(
            f"<tr style='{style}'><td></td><td><pre style='margin:0'>{esc(_pretty(before))}</pre></td>"
            f"<td><pre style='margin:0'>{esc(_pretty(after))}</pre></td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


class AuditPage(TablePage[AuditTableModel]):
    settings_key = "audit"
    title_text = QT_TRANSLATE_NOOP("AuditPage", "Audit log")
    icon = QStyle.StandardPixmap.SP_FileDialogContentsView
    shows = frozenset({Kind.AUDIT})
    reload_delay_ms = 500
    column_widths = (150, 100, 160, 160)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            AuditTableModel(ctx.runner, ctx.core.clock),
            parent,
            search_placeholder=self.tr("Target id, “customer #12” or reason"),
        )
        self.actor_filter = self.add_filter(self.tr("Actor"), [(self.tr("All"), "")], "actor")
        self.action_filter = self.add_filter(self.tr("Action"), [(self.tr("All"), "")], "action")
        for combo in (self.actor_filter, self.action_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(10)
        self.since_filter = self.add_filter(
            self.tr("When"),
            [
                (self.tr("All time"), 0),
                (self.tr("Last day"), 86400),
                (self.tr("Last week"), 7 * 86400),
                (self.tr("Last month"), 31 * 86400),
            ],
            "since",
        )
        # An entry about a customer's wallet, top-up or subscription opens that customer when activated.
        self.table.activated.connect(self.on_row_activated)
        self.detail.anchorClicked.connect(self.on_detail_link_clicked)
        self.on_selection([])

    @Slot(QModelIndex)
    def on_row_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None and record.get("customer_id"):
            open_customer(self, int(record["customer_id"]))

    @Slot(QUrl)
    def on_detail_link_clicked(self, url: QUrl) -> None:
        follow_customer_link(self, url)

    def refresh(self, keep_selection: bool = True) -> None:
        super().refresh(keep_selection)
        self.load_choices()

    def load_choices(self) -> None:
        """The actors and actions the log holds fill the filters."""

        def load():
            return distinct_values(AuditEntry.actor), distinct_values(AuditEntry.action)

        def fill(result):
            actors, actions = result
            for combo, values, words in (
                (self.actor_filter, actors, str),
                (self.action_filter, actions, action_text),
            ):
                for value in values:
                    if combo.findData(value) < 0:
                        combo.addItem(words(value), value)
                        combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)

        self.run_task(load, fill)

    def on_selection(self, records: list[dict]) -> None:
        if len(records) != 1:
            self.show_hint(
                self.tr("%n entries selected", "", len(records))
                if records
                else self.tr("Select an entry to compare before and after.")
            )
            return
        self.detail.setHtml(render_entry(records[0], self.tr))
