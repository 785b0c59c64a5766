"""One log file per process: named by role and pid, rotated only by its owner, old ones cleared away."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from services import logfiles
from services.logfiles import log_file_name, open_process_log, remove_old_logs, setup_logging

ROOT = Path(__file__).resolve().parents[2]


def touch(path: Path, age: int) -> Path:
    """A file last written `age` steps ago (mtimes are set, so the order never depends on the clock)."""
    path.write_text("old\n")
    os.utime(path, (1_000_000 - age, 1_000_000 - age))
    return path


def test_keeps_the_newest_files_of_the_role_with_their_rotated_copies(tmp_path, monkeypatch):
    monkeypatch.setattr(logfiles, "_still_running", lambda pid: False)
    for age, pid in enumerate(range(101, 106)):
        touch(tmp_path / log_file_name("worker", pid), age)
        touch(tmp_path / f"{log_file_name('worker', pid)}.1", age)
    touch(tmp_path / log_file_name("desktop", 7), 99)
    touch(tmp_path / "notes.log", 99)

    removed = remove_old_logs(tmp_path, "worker", own_pid=os.getpid(), keep=2)

    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        ["worker-101.log", "worker-101.log.1", "worker-102.log", "worker-102.log.1", "desktop-7.log", "notes.log"]
    )
    assert len(removed) == 6


def test_keeps_its_own_file_whatever_its_age(tmp_path, monkeypatch):
    monkeypatch.setattr(logfiles, "_still_running", lambda pid: False)
    touch(tmp_path / log_file_name("cli", 5), 1)
    touch(tmp_path / log_file_name("cli", 6), 2)
    remove_old_logs(tmp_path, "cli", own_pid=6, keep=0)
    assert [p.name for p in tmp_path.iterdir()] == ["cli-6.log"]


@pytest.mark.skipif(os.name != "posix", reason="Windows protects an open file by refusing to delete it")
def test_never_removes_the_file_of_a_process_still_running(tmp_path):
    running = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE, text=True)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    try:
        touch(tmp_path / log_file_name("desktop", running.pid), 50)
        touch(tmp_path / log_file_name("desktop", int(finished.stdout)), 40)
        remove_old_logs(tmp_path, "desktop", own_pid=os.getpid(), keep=0)
    finally:
        running.communicate("")
    assert [p.name for p in tmp_path.iterdir()] == [log_file_name("desktop", running.pid)]


def test_a_process_rotates_only_its_own_file(tmp_path):
    """Two processes logging at once with a tiny size limit: each file holds one writer's lines, none lost."""
    script = textwrap.dedent(f"""
        import logging, os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from services.logfiles import open_process_log
        handler = open_process_log(Path(sys.argv[1]), sys.argv[2], os.getpid(), max_bytes=2000, backups=50)
        log = logging.getLogger("load")
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        for n in range(300):
            log.info("%s line %d", os.getpid(), n)
        print(os.getpid())
    """)
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), role], stdout=subprocess.PIPE, text=True)
        for role in ("desktop", "worker")
    ]
    pids = [int(writer.communicate(timeout=60)[0]) for writer in writers]

    for role, pid in zip(("desktop", "worker"), pids, strict=True):
        own = sorted(tmp_path.glob(f"{log_file_name(role, pid)}*"))
        assert len(own) > 2, "the limit should have rotated each file a few times"
        lines = [line for path in own for line in path.read_text().splitlines()]
        assert {line.split(" line ")[0].rsplit(" ", 1)[1] for line in lines} == {str(pid)}
        assert sorted(int(line.rsplit(" ", 1)[1]) for line in lines) == list(range(300))


def test_unknown_role_is_refused(tmp_path):
    with pytest.raises(ValueError):
        open_process_log(tmp_path, "helper", os.getpid())


def test_setup_logging_writes_this_process_file_and_says_where(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    try:
        path = setup_logging("cli")
        logging.getLogger("subscriptions").warning("written for the record")
        assert setup_logging("cli") == path  # a second call keeps the same file
    finally:
        for handler in root.handlers:
            handler.close()
    if sys.platform.startswith("linux"):
        assert path == tmp_path / "subscriptions-admin" / "log" / log_file_name("cli", os.getpid())
    assert "written for the record" in path.read_text(encoding="utf-8")
