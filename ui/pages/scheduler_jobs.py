"""The scheduler's jobs as data and as a table model (read on a worker, shown on the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from scheduler import JobStateInfo, leases
from scheduler.runner import stored_state
from ui.errors import stored_message_text
from ui.formatting import money_text, number_text, second_text
from ui.pages.words import job_name_text, result_lines
from ui.plain_text import plain_tooltip


@dataclass(frozen=True)
class SchedulerView:
    jobs: tuple[JobStateInfo, ...]
    paused: bool
    circuit: object  # services.circuit.CircuitInfo


def _stored_job_states(core) -> tuple[list[JobStateInfo], bool]:
    """Job rows as another instance (a worker, another desk) left them, read without a scheduler."""
    names = [spec.name for spec in core.jobs()]
    rows = leases.read_job_rows(names)
    real_now = leases.lease_now()
    jobs = [
        stored_state(rows[name], real_now)
        if name in rows
        else JobStateInfo(name, None, None, None, None, None, False, False, None)
        for name in names
    ]
    return jobs, any(job.paused for job in jobs)


def load_scheduler_view(core, scheduler) -> SchedulerView:
    """On a worker: job states (from the scheduler, or the stored rows without one) and the circuit."""
    if scheduler is not None:
        jobs, paused = scheduler.job_states(), scheduler.is_paused
    else:
        jobs, paused = _stored_job_states(core)
    return SchedulerView(tuple(jobs), paused, core.circuit.info())


def _result_phrase(key: str, value: Any) -> str | None:
    """One figure of a job's result in words ('2 renewed', 'charged $1,197.00'); None for a quiet one."""
    translate = QCoreApplication.translate
    if key == "held" and isinstance(value, dict):
        from ui.pages.catch_up import held_phrase

        return held_phrase(value)
    if value in (0, None, False, "") or isinstance(value, dict | list):
        return None
    if key.endswith("_minor") and isinstance(value, int):
        money = money_text(value, "USD")
        money_words = {
            "charged_minor": translate("JobResults", "charged %s"),
            "owed_minor": translate("JobResults", "owed %s"),
        }
        return money_words.get(key, key[: -len("_minor")].replace("_", " ") + " %s") % money
    if key == "circuit":
        states = {
            "closed": translate("JobResults", "gateway healthy"),
            "open": translate("JobResults", "gateway outage"),
            "half_open": translate("JobResults", "gateway probing"),
        }
        return states.get(str(value), str(value))
    if key == "alert":
        return translate("JobResults", "alert raised")
    if key == "path":
        return translate("JobResults", "backup «%1»").replace("%1", Path(str(value)).name)
    if key == "seconds":
        return None  # the tooltip has it
    if key == "bytes" and isinstance(value, int):
        return translate("JobResults", "%1 MB").replace("%1", number_text(max(1, round(value / 1_000_000))))
    if key == "skipped":
        return translate("JobResults", "daily backups are turned off")
    counts = {
        "due": translate("JobResults", "%1 due"),
        "renewed": translate("JobResults", "%1 renewed"),
        "pending_renewal": translate("JobResults", "%1 waiting for funds"),
        "expired": translate("JobResults", "%1 expired"),
        "errors": translate("JobResults", "%1 failed"),
        "checked": translate("JobResults", "%1 checked"),
        "reminded": translate("JobResults", "%1 reminded"),
        "short_before_renewal": translate("JobResults", "%1 short of a coming renewal"),
        "succeeded": translate("JobResults", "%1 succeeded"),
        "rescheduled": translate("JobResults", "%1 to retry later"),
        "manual": translate("JobResults", "%1 sent to manual handling"),
        "deferred": translate("JobResults", "%1 deferred while the gateway is down"),
        "topups": translate("JobResults", "%1 top-ups reconciled"),
        "refunds": translate("JobResults", "%1 refunds reconciled"),
        "reconciled": translate("JobResults", "%1 reconciled"),
        "deleted": translate("JobResults", "%1 older deleted"),
        "auto_topups_charged": translate("JobResults", "%1 automatic top-ups charged"),
        "auto_topups_queued": translate("JobResults", "%1 automatic top-ups waiting for the gateway"),
        "auto_topups_declined": translate("JobResults", "%1 automatic top-ups declined"),
    }
    if isinstance(value, bool):
        return key.replace("_", " ")
    if isinstance(value, int):
        return counts.get(key, key.replace("_", " ") + " %1").replace("%1", number_text(value))
    return f"{key.replace('_', ' ')} {value}"


def summarize_result(result: dict | None) -> str:
    """{'due': 3, 'renewed': 2, 'charged_minor': 119700} -> '3 due · 2 renewed · charged $1,197.00'.

    The figures as stored stay in the cell's tooltip."""
    if result is None:
        return ""
    parts = [phrase for key, value in result.items() if (phrase := _result_phrase(key, value)) is not None]
    if not parts:
        return QCoreApplication.translate("SchedulerPage", "nothing to do")
    return " · ".join(parts)


def owner_words(owner: str, own_owner: str | None) -> str:
    """'this desk', or 'vm, process 7360' for the instance 'vm:7360:f34ac9c5' (the raw name goes in a tooltip)."""
    translate = QCoreApplication.translate
    if owner == own_owner:
        return translate("SchedulerJobsModel", "this desk")
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host and pid.isdigit():
        return translate("SchedulerJobsModel", "%1, process %2").replace("%1", host).replace("%2", pid)
    return owner


def _when(moment: datetime | None) -> str:
    return second_text(moment) if moment else "—"


class SchedulerJobsModel(QAbstractTableModel):
    """One row per job; updated in place so the selection survives the periodic refresh."""

    # Class-level fallbacks: a view may still ask for counts while a collected model is torn down.
    jobs: list[JobStateInfo] = []
    headers: list[str] = []

    def __init__(self, own_owner: str | None = None, parent=None):
        super().__init__(parent)
        self.own_owner = own_owner
        self.headers = [
            self.tr("Job"),
            self.tr("Last run (UTC)"),
            self.tr("Result"),
            self.tr("Last error"),
            self.tr("Next run (UTC)"),
            self.tr("Running"),
            self.tr("Lease owner"),
        ]
        self.jobs: list[JobStateInfo] = []

    def set_jobs(self, jobs) -> None:
        jobs = list(jobs)
        if [j.name for j in jobs] == [j.name for j in self.jobs]:
            self.jobs = jobs
            if jobs:
                self.dataChanged.emit(self.index(0, 0), self.index(len(jobs) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self.jobs = jobs
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.jobs)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def text(self, job: JobStateInfo, column: int) -> str:
        if column == 0:
            return job_name_text(job.name)
        if column == 1:
            return _when(job.last_started_at)
        if column == 2:
            return summarize_result(job.last_result)
        if column == 3:
            return stored_message_text(job.last_error.splitlines()[0]) if job.last_error else ""
        if column == 4:
            return self.tr("paused") if job.paused else _when(job.next_run_at)
        if column == 5:
            return self.tr("running") if job.running else ""
        if not job.lease_owner:
            return ""
        owner = owner_words(job.lease_owner, self.own_owner)
        if job.holder_ended:
            return (
                self.tr("%1, which has ended (held since %2); the next run takes over")
                .replace("%1", owner)
                .replace("%2", _when(job.lease_since))
            )
        if job.running and job.lease_since is not None:
            return self.tr("%1 since %2").replace("%1", owner).replace("%2", _when(job.lease_since))
        return owner if job.running else self.tr("free (last: %s)") % owner

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.jobs):
            return None
        job, column = self.jobs[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(job, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 3 and job.last_error:
                return plain_tooltip(job.last_error)
            if column == 2 and job.last_result is not None:
                return "\n".join(result_lines(job.last_result))
            if column == 6 and job.lease_owner:
                return self.tr("Lease held by instance %s") % job.lease_owner
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and job.last_error:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.UserRole:
            return job.name
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
