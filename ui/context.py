"""What every page is handed: the core, the signed-in operator, the task runner, the bridge."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from services.auth import Actor
from ui.bridge import CoreBridge
from ui.tasks import TaskRunner


@dataclass
class UiContext:
    core: object
    actor: Actor
    runner: TaskRunner
    bridge: CoreBridge
    qsettings: QSettings
    demo: bool = False
    scheduler: object | None = None   # BackgroundScheduler, absent in tests that need no timers

    def can(self, action: str) -> bool:
        return self.actor.can(action)
