"""Secrets stay secret: not in the database file, not in the logs, not in any error.

A session sets the gateway API key and an operator's password, signs in,
tops up, renews, suffers a gateway that rejects a wrong key, and retries. Then
the raw bytes of the database (main file, WAL and shared memory) and every log
record at DEBUG (tracebacks included) are searched for the key, the password and
the wrong key. Without an OS keyring the app says so and works for the session;
with a real one (gnome-keyring on a private D-Bus) the key outlives the process.
"""

from __future__ import annotations

import json
import logging
import os
import secrets as random_secrets
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from models.db import database
from services.auth import SYSTEM
from services.errors import AuthenticationFailed, DomainError, GatewayAuthError
from services.secrets import GATEWAY_API_KEY, SecretStore, remembered_login_name
from tests.conftest import POSTGRES_URL
from tests.reliability.conftest import set_gateway

ROOT = Path(__file__).resolve().parents[2]


def _fresh(prefix: str) -> str:
    return prefix + random_secrets.token_hex(12)


def _texts(*values: str) -> list[str]:
    """Each secret, and its random part alone."""
    return [text for value in values for text in {value, value.split("_")[-1].split("-")[-1]}]


def _needles(*values: str) -> list[bytes]:
    """The same, as the bytes a file could hold them in (UTF-8 and UTF-16)."""
    return [text.encode(encoding) for text in _texts(*values) for encoding in ("utf-8", "utf-16-le")]


def _mentioning(lines, values) -> list[str]:
    return [line[:300] for line in lines if any(text in line for text in _texts(*values))]


def _files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()]


def _leaks_in_files(paths, needles) -> list[str]:
    leaks = []
    for path in paths:
        data = path.read_bytes()
        leaks += [f"{path.name}: {needle!r}" for needle in needles if needle in data]
    return leaks


@pytest.fixture
def every_log_record():
    """Every record any logger emits at DEBUG or above, formatted with its traceback."""
    records: list[str] = []
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(formatter.format(record))

    root = logging.getLogger()
    handler, level = Keep(logging.DEBUG), root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield records
    root.removeHandler(handler)
    root.setLevel(level)


def _session(core, clock, *, key: str, password: str, wrong_key: str, wrong_password: str) -> list[BaseException]:
    """An operator's day; returns every refusal the app raised along the way."""
    raised: list[BaseException] = []

    def expect(error_type, call, *args, **kwargs):
        try:
            call(*args, **kwargs)
        except error_type as error:
            raised.append(error)
        else:
            pytest.fail(f"{call.__name__} should have raised {error_type.__name__}")

    assert core.secrets.set(GATEWAY_API_KEY, key) is True
    admin = core.operators.create_first_admin("alice", password)
    actor = core.operators.authenticate(admin.username, password)
    assert core.secrets.get(remembered_login_name("alice")) is None  # "Remember me" keeps no password
    expect(AuthenticationFailed, core.operators.authenticate, "alice", wrong_password)
    expect(AuthenticationFailed, core.operators.authenticate, wrong_password, password)
    core.features.create_plan(actor, "basic", "Basic", 1500, "USD", "month")
    core.customers.create_customer(actor, "Ada Lovelace", "ada@example.com")
    assert core.payments.top_up(actor, "ada@example.com", "40.00").status == "succeeded"
    core.subscriptions.subscribe(actor, "ada@example.com", "basic")
    clock.advance(days=32)
    core.renewals.renew_due_subscriptions(actor)
    set_gateway(core, timeout_rate=1.0)
    assert core.payments.top_up(actor, "ada@example.com", "5.00").status == "retrying"
    set_gateway(core, timeout_rate=0.0)

    assert core.secrets.set(GATEWAY_API_KEY, wrong_key) is True  # an admin pastes a live key by mistake
    topup = core.payments.top_up(actor, "ada@example.com", "10.00")
    assert topup.status == "retrying" and "API key" in topup.error
    expect(GatewayAuthError, core.gateway.charge, 100, "USD", "cus_1", "direct-call")
    clock.advance(minutes=30)
    core.retries.process_pending_retries()
    expect(DomainError, core.secrets.set, GATEWAY_API_KEY, "")

    assert core.secrets.set(GATEWAY_API_KEY, key) is True  # the admin puts the right key back
    waiting = core.retries.list_items(operation="topup", status=("retrying", "manual"))
    assert waiting and any(item.status == "manual" for item in waiting)  # a rejected key needs a person
    core.retries.retry_now(actor, [item.id for item in waiting])
    assert core.payments.get_topup(topup.id).status == "succeeded"
    return raised


def _server_rows() -> bytes:
    """PostgreSQL keeps no file of ours to read: every row of every table, through the app's connection."""
    tables = [
        name
        for (name,) in database.execute_sql(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
    ]
    rows = [repr(row) for table in tables for row in database.execute_sql(f'SELECT * FROM "{table}"')]
    return "\n".join(rows).encode("utf-8", "backslashreplace")


def _leaks_in_server_rows(needles) -> list[str]:
    stored = _server_rows()
    return [f"a row: {needle!r}" for needle in needles if needle in stored]


def test_no_secret_reaches_the_database_the_logs_or_an_error(core, clock, db_path, tmp_path, every_log_record):
    key, wrong_key = _fresh("sk_test_"), _fresh("sk_live_")
    password, wrong_password = _fresh("pw-"), _fresh("guess-")
    raised = _session(core, clock, key=key, password=password, wrong_key=wrong_key, wrong_password=wrong_password)
    secrets = (key, wrong_key, password, wrong_password)
    needles = _needles(*secrets)

    assert len(every_log_record) > 50, "the session should have logged (SQL at DEBUG at least)"
    assert not _mentioning(every_log_record, secrets)
    assert len(raised) == 4
    assert not _mentioning([f"{error!s} {error!r} {error.args!r}" for error in raised], secrets)

    if POSTGRES_URL:
        assert not _leaks_in_server_rows(needles)
        # The operator's password is kept only as a scrypt hash.
        assert b"scrypt$" in _server_rows()
        database.close()
        assert not _leaks_in_files(_files_under(tmp_path), needles)
        return
    wal_files = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
    assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0, "the WAL should hold the recent writes"
    assert not _leaks_in_files([db_path, *filter(Path.exists, wal_files)], needles)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    assert not _leaks_in_files(_files_under(tmp_path), needles)
    # The operator's password is kept only as a scrypt hash.
    assert b"scrypt$" in db_path.read_bytes()


def test_without_a_keyring_the_app_says_so_and_keeps_the_key_for_the_session(core, clock, db_path, every_log_record):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = SecretStore()
        assert store.available is False
        reason = store.unavailable_reason
        assert "keyring" in reason.lower() and "session only" in reason
        key = _fresh("sk_test_")
        assert store.set(GATEWAY_API_KEY, key) is False  # kept in memory only
        core.secrets = store
        core.gateway.secrets = store
        assert core.customers.create_customer(SYSTEM, "Bob Stone", "bob@example.com")
        assert core.payments.top_up(SYSTEM, "bob@example.com", "12.00").status == "succeeded"
        assert store.get(GATEWAY_API_KEY) == key
        assert SecretStore().get(GATEWAY_API_KEY) is None, "a new session must not find the old session's key"
        assert SecretStore(env={"SUBS_GATEWAY_KEY": key}).get(GATEWAY_API_KEY) == key  # a headless worker
    finally:
        keyring.set_keyring(previous)
    assert any("session only" in line for line in every_log_record)
    assert not _mentioning(every_log_record, [key])
    if POSTGRES_URL:
        assert not _leaks_in_server_rows(_needles(key))
        return
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert not _leaks_in_files([db_path], _needles(key))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("gateway_api_key", "sk_test_\ud800"),
        ("\udcff", "sk_test_ok"),
        ("gateway_api_key", ""),
        ("", "sk_test_ok"),
        (None, "x"),
        ("k", 5),
    ],
)
def test_a_secret_the_keyring_could_not_encode_is_refused_before_it_gets_there(memory_keyring, name, value):
    store = SecretStore()
    with pytest.raises(DomainError):
        store.set(name, value)
    assert memory_keyring.store == {}


# --- a real OS keyring -----------------------------------------------------------------------------

CHILD = r"""
import json, sys
from pathlib import Path
from services.clock import FixedClock
from datetime import datetime
from models.db import database, init_database
from models.migrations import migrate
from scheduler.core import build_core
from services.auth import SYSTEM
from services.secrets import GATEWAY_API_KEY

mode, db, key_file = sys.argv[1], sys.argv[2], Path(sys.argv[3])
init_database(db)
database.connect(reuse_if_open=True)
migrate()
core = build_core(FixedClock(datetime(2026, 1, 15, 9, 0)), gateway_sleep=lambda s: None)
answer = {"available": core.secrets.available, "reason": core.secrets.unavailable_reason,
          "backend": type(__import__("keyring").get_keyring()).__module__}
if mode == "set":
    answer["saved_in_keyring"] = core.secrets.set(GATEWAY_API_KEY, key_file.read_text())
    core.settings.update(SYSTEM, {"gateway.latency_min_ms": 0, "gateway.latency_max_ms": 0})
    core.customers.create_customer(SYSTEM, "Ada Lovelace", "ada@example.com")
else:
    answer["same_key"] = core.secrets.get(GATEWAY_API_KEY) == key_file.read_text()
answer["topup"] = core.payments.top_up(SYSTEM, "ada@example.com", "5.00").status
database.close()
print(json.dumps(answer))
"""


def _keyring_environment(tmp_path: Path) -> dict:
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TMPDIR")}
    return {
        **keep,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def _daemons_of(home: Path) -> list[int]:
    """Processes started for this test (they carry its private HOME)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if f"HOME={home}".encode() in environ.split(b"\0"):
            pids.append(int(proc.name))
    return pids


@pytest.mark.skipif(
    not shutil.which("dbus-run-session") or not shutil.which("gnome-keyring-daemon"),
    reason="needs dbus-run-session and gnome-keyring-daemon (apt: dbus gnome-keyring)",
)
def test_the_gateway_key_round_trips_through_a_real_os_keyring(tmp_path):
    env = _keyring_environment(tmp_path)
    key = _fresh("sk_test_")
    key_file, child, db = tmp_path / "key.txt", tmp_path / "child.py", tmp_path / "shop.sqlite3"
    key_file.write_text(key)
    child.write_text(CHILD)
    python = f"{sys.executable} {child} {{mode}} {db} {key_file}"
    script = (
        "echo -n unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
        f"{python.format(mode='set')} && {python.format(mode='get')}"
    )
    try:
        done = subprocess.run(
            ["dbus-run-session", "--", "sh", "-c", script],
            cwd=ROOT,
            env=env,
            timeout=120,
            capture_output=True,
            text=True,
        )
    finally:
        for pid in _daemons_of(Path(env["HOME"])):
            try:
                os.kill(pid, 15)
            except ProcessLookupError:
                pass
    assert done.returncode == 0, done.stderr[-2000:]
    first, second = (json.loads(line) for line in done.stdout.strip().splitlines()[-2:])
    assert first["backend"].startswith("keyring.backends.SecretService"), first
    assert first["available"] and first["reason"] is None and first["saved_in_keyring"] is True
    assert first["topup"] == "succeeded"
    assert second["available"] and second["same_key"] is True, second
    assert second["topup"] == "succeeded", "the second process found the key in the OS keyring"
    keyrings = _files_under(Path(env["XDG_DATA_HOME"]) / "keyrings")
    assert keyrings, "gnome-keyring stored nothing on disk"
    assert not _leaks_in_files([*keyrings, *_files_under(tmp_path / "run"), db], _needles(key)), (
        "the key is readable on disk"
    )
    assert key not in done.stdout + done.stderr
