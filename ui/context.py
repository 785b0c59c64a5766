"""What every page is handed: the core, the signed-in operator, the task runner, the bridge."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from scheduler.core import Core
from scheduler.runner import BackgroundScheduler
from services.auth import Actor
from ui.bridge import CoreBridge
from ui.tasks import TaskRunner


@dataclass
class UiContext:
    core: Core
    actor: Actor
    runner: TaskRunner
    bridge: CoreBridge
    qsettings: QSettings
    demo: bool = False
    scheduler: BackgroundScheduler | None = None  # absent in tests that need no timers

    def can(self, action: str) -> bool:
        return self.actor.can(action)
