"""Backups that are consistent while everything runs, and a restore that puts one back.

SQLite: the engine's online backup copies every page inside one read transaction, so desks and
workers go on writing (WAL readers never block writers) and the copy is the database as of one
instant. The copy is checked page by page before it takes its final name; a copy that fails the
check is deleted, never left looking like a backup. PostgreSQL: ``pg_dump`` in its custom format
(restored with ``pg_restore``).

A restore needs the app closed: the file is replaced underneath any program that has it open.
The file it replaces (with its WAL) is set aside next to it, never deleted.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.db import database, is_sqlite, sqlite_file
from models.migrations import LATEST_VERSION
from services.errors import Conflict, DomainError, ValidationError
from services.file_check import page_problems
from services.files import private_directory, private_file

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"  # next to the database file
SQLITE_SUFFIX = ".sqlite3"
DUMP_SUFFIX = ".dump"


@dataclass(frozen=True)
class Backup:
    path: str
    bytes: int
    seconds: float

    def as_dict(self) -> dict:
        return {"path": self.path, "bytes": self.bytes, "seconds": round(self.seconds, 3)}


def default_folder() -> Path:
    """Where backups go unless told otherwise: a ``backups`` folder beside the database file."""
    path = sqlite_file()
    if path is not None:
        return Path(path).resolve().parent / BACKUP_FOLDER
    from platformdirs import user_data_path

    return user_data_path("subscriptions-admin", appauthor=False) / BACKUP_FOLDER


def _stem() -> str:
    path = sqlite_file()
    return Path(path).stem if path is not None else str(database.obj.database)


def backup_name(now: datetime) -> str:
    suffix = SQLITE_SUFFIX if is_sqlite() else DUMP_SUFFIX
    return f"{_stem()}-{now:%Y%m%d-%H%M%S}{suffix}"


def back_up(target: Path | None, now: datetime) -> Backup:
    """Write a consistent backup to ``target`` (a file, or a folder to name one in); the default
    folder when None. An existing file is never overwritten."""
    if target is None or target.is_dir():
        folder = target or default_folder()
        private_directory(folder)
        target = folder / backup_name(now)
        extra = 1
        while target.exists():  # a second backup within the same second
            extra += 1
            named = Path(backup_name(now))
            target = folder / f"{named.stem}-{extra}{named.suffix}"
    if target.exists():
        raise ValidationError("{path} already exists; name a new file for the backup", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("the folder {path} does not exist", path=str(target.parent))
    began = time.perf_counter()
    if is_sqlite():
        _back_up_sqlite(target)
    else:
        _dump_postgres(target)
    backup = Backup(str(target), target.stat().st_size, time.perf_counter() - began)
    log.info("backup written to %s (%d bytes in %.1f s)", backup.path, backup.bytes, backup.seconds)
    return backup


def _back_up_sqlite(target: Path) -> None:
    source_path = sqlite_file()
    assert source_path is not None, "an SQLite database is open"
    partial = target.with_name(f".{target.name}.partial")
    private_file(partial)
    source = sqlite3.connect(f"{Path(source_path).resolve().as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(str(partial))
    try:
        source.backup(copy)  # every page at once: one read transaction, one consistent instant
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no WAL beside it
    finally:
        copy.close()
        source.close()
    problems = page_problems(partial, quick=False)
    if problems:
        partial.unlink(missing_ok=True)
        raise DomainError(
            "the backup failed its check ({problem}); the database itself may be damaged: run check",
            problem=problems[0][:200],
        )
    with open(partial, "rb") as written:
        os.fsync(written.fileno())
    partial.rename(target)


def _dump_postgres(target: Path) -> None:
    program = shutil.which("pg_dump")
    if program is None:
        raise DomainError("pg_dump is not installed here; install PostgreSQL's client programs to back up")
    params = database.obj.connect_params
    command = [program, "--format=custom", f"--file={target}", f"--dbname={database.obj.database}"]
    for option, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            command.append(f"{option}={params[key]}")
    env = dict(os.environ)
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    private_file(target)  # 0600 before a byte is written; pg_dump keeps the mode when it truncates
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise DomainError("pg_dump failed: {reason}", reason=(done.stderr.strip() or f"exit {done.returncode}")[:300])


def prune(folder: Path, keep: int) -> list[str]:
    """Delete all but the newest ``keep`` backups this database made in ``folder``; the names deleted."""
    stem = _stem()
    mine = sorted(
        (p for p in folder.glob(f"{stem}-*") if p.suffix in (SQLITE_SUFFIX, DUMP_SUFFIX) and p.is_file()),
        key=lambda p: p.name,
    )
    gone = mine[: max(0, len(mine) - keep)]
    for path in gone:
        path.unlink()
        log.info("old backup %s deleted (keeping %d)", path, keep)
    return [str(p) for p in gone]


def daily_backup(now: datetime, keep: int) -> dict:
    """The scheduler's daily job: one backup in the default folder, the newest ``keep`` kept."""
    if keep <= 0:
        return {"skipped": "backups are turned off (backups_kept is 0)"}
    backup = back_up(None, now)
    return {**backup.as_dict(), "deleted": len(prune(default_folder(), keep))}


# --- restore -------------------------------------------------------------------------------------


def processes_holding(path: Path) -> list[int]:
    """Other processes on this machine with ``path`` open (Linux's /proc; elsewhere none are seen)."""
    wanted = {str(path.resolve()), str(path.resolve()) + "-wal"}
    found: list[int] = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            links = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
        except OSError:  # gone, or not ours to look at
            continue
        if links & wanted:
            found.append(int(entry.name))
    return sorted(found)


def backup_version(path: Path) -> int:
    """The schema version a backup file holds; refuses a file that is not a sound backup of this app."""
    if not path.is_file():
        raise ValidationError("{path} is not a file", path=str(path))
    problems = page_problems(path, quick=False)
    if problems:
        raise ValidationError("{path} is not a sound database ({problem})", path=str(path), problem=problems[0][:200])
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version FROM schema_version").fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        connection.close()
    if row is None:
        raise ValidationError("{path} is not a backup of this program's database", path=str(path))
    if row[0] > LATEST_VERSION:
        raise ValidationError(
            "{path} was made by a newer version of the program (schema {version}); update the program first",
            path=str(path),
            version=row[0],
        )
    return int(row[0])


def restore(source: Path, database_path: Path, now: datetime) -> dict:
    """Put the backup ``source`` in place of the SQLite file ``database_path``, the app being closed.

    The file it replaces and its WAL are set aside as ``<name>.before-restore-<time>``; the next
    start brings the restored schema up to date.
    """
    if database_path.suffix == "" and "://" in str(database_path):
        raise DomainError("restore a PostgreSQL dump with pg_restore --clean --dbname=… FILE")
    version = backup_version(source)
    holders = processes_holding(database_path) if database_path.exists() else []
    if holders:
        raise Conflict(
            "the database is open in another program (process {pids}): close the desktop and stop the workers, "
            "then restore",
            pids=", ".join(map(str, holders[:5])),
        )
    aside = None
    if database_path.exists():
        aside = database_path.with_name(f"{database_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        database_path.rename(aside)
        for suffix in ("-wal", "-shm"):
            companion = Path(str(database_path) + suffix)
            if companion.exists():
                if suffix == "-wal":
                    companion.rename(Path(str(aside) + suffix))
                else:
                    companion.unlink()
    private_file(database_path)
    source_db = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    target_db = sqlite3.connect(str(database_path))
    try:
        source_db.backup(target_db)
        target_db.execute("PRAGMA journal_mode = WAL")
    finally:
        target_db.close()
        source_db.close()
    log.info("restored %s from %s (schema %d); the replaced file is %s", database_path, source, version, aside)
    return {
        "restored": str(database_path),
        "from": str(source),
        "schema_version": version,
        "set_aside": str(aside) if aside else None,
    }
