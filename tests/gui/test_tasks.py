"""The task runner: work leaves the GUI thread, results come back to it."""

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from ui.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_results_arrive_on_it(qtbot, db):
    runner = TaskRunner()
    gui_thread = QApplication.instance().thread()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread().name
        seen["worker_is_gui"] = QThread.currentThread() == gui_thread
        return 42

    def done(value):
        seen["value"] = value
        seen["callback_is_gui"] = QThread.currentThread() == gui_thread

    runner.run(work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["worker_is_gui"] is False
    assert seen["callback_is_gui"] is True
    assert seen["value"] == 42
    assert runner.pending == 0


def test_errors_come_back_to_the_error_callback(qtbot, db):
    runner = TaskRunner()
    caught = []

    def fail():
        raise ValueError("boom")

    runner.run(fail, lambda _v: caught.append("done"), caught.append)
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert isinstance(caught[0], ValueError)
    assert "boom" in caught[0].__traceback_text__


def test_busy_signal_brackets_running_work(qtbot, db):
    runner = TaskRunner()
    states = []
    runner.busy_changed.connect(states.append)
    release = threading.Event()
    runner.run(lambda: release.wait(5))
    assert states == [True]
    release.set()
    qtbot.waitUntil(lambda: states == [True, False], timeout=5000)
